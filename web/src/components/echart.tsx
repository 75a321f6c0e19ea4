import * as echarts from 'echarts';
import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { useLang } from '../lib/use-localized';

export type EChartOption = echarts.EChartsCoreOption;

interface EChartProps {
  option: EChartOption;
  height?: number | string;
  style?: CSSProperties;
  /** Click on a data item (bar, slice…). */
  onItemClick?: (params: { name: string; dataIndex: number; data: unknown }) => void;
  'data-testid'?: string;
}

/**
 * A thin wrapper over echarts: one instance per element (re-created when the UI language
 * changes, for echarts' own texts), resized with its container.
 */
export function EChart({ option, height = 280, style, onItemClick, ...rest }: EChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<echarts.ECharts | null>(null);
  const lang = useLang();

  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const instance = echarts.init(node, undefined, {
      renderer: 'canvas',
      locale: lang === 'en' ? 'EN' : 'ZH',
    });
    setChart(instance);
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      setChart(null);
    };
  }, [lang]);

  useEffect(() => {
    if (chart && !chart.isDisposed()) chart.setOption(option, { notMerge: true });
  }, [chart, option]);

  useEffect(() => {
    if (!chart || !onItemClick) return;
    const handler = (params: unknown) =>
      onItemClick(params as { name: string; dataIndex: number; data: unknown });
    chart.on('click', handler);
    return () => {
      if (!chart.isDisposed()) chart.off('click', handler);
    };
  }, [chart, onItemClick]);

  return <div ref={el} style={{ width: '100%', height, ...style }} {...rest} />;
}
