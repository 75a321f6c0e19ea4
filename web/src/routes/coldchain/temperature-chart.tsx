import { Empty } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZoneTemperature } from '../../api/coldchain';
import { EChart, type EChartOption } from '../../components/echart';
import { formatDateTime } from '../../lib/format';
import { formatDc } from './coldchain-tags';

const deg = (dc: number) => Number(formatDc(dc));

/**
 * A zone's readings as a line coloured by the allowed band (green inside, red outside), the band
 * itself shaded, the hard limits dashed, and each excursion marked as a red span with its peak.
 */
export function TemperatureChart({ data }: { data: ZoneTemperature }) {
  const { t } = useTranslation();
  const option = useMemo<EChartOption>(() => {
    const { zone } = data;
    const band =
      zone.tempMinDc !== null && zone.tempMaxDc !== null
        ? { min: zone.tempMinDc, max: zone.tempMaxDc }
        : null;
    const values = data.readings.map((r) => deg(r.tempDc));
    const limits = band ? [deg(band.min - zone.hardMarginDc), deg(band.max + zone.hardMarginDc)] : [];
    const all = [...values, ...limits];
    return {
      animation: false,
      grid: { left: 56, right: 24, top: 32, bottom: 72 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => `${Number(v).toFixed(1)} °C`,
      },
      xAxis: { type: 'time', axisLabel: { formatter: (v: number) => formatDateTime(new Date(v)).slice(5) } },
      yAxis: {
        type: 'value',
        name: '°C',
        min: all.length ? Math.floor(Math.min(...all) - 1) : undefined,
        max: all.length ? Math.ceil(Math.max(...all) + 1) : undefined,
      },
      dataZoom: [{ type: 'inside' }, { type: 'slider', height: 20, bottom: 16 }],
      ...(band
        ? {
            visualMap: {
              show: false,
              seriesIndex: 0,
              dimension: 1,
              pieces: [{ gte: deg(band.min), lte: deg(band.max), color: '#389e0d' }],
              outOfRange: { color: '#cf1322' },
            },
          }
        : {}),
      series: [
        {
          name: t('coldchain.temperature.series'),
          type: 'line',
          showSymbol: data.readings.length < 100,
          data: data.readings.map((r) => [r.at, deg(r.tempDc)]),
          ...(band
            ? {
                markArea: {
                  silent: true,
                  itemStyle: { color: 'rgba(82, 196, 26, 0.08)' },
                  label: { position: 'insideTopLeft', color: '#389e0d' },
                  data: [
                    [
                      { yAxis: deg(band.min), name: t('coldchain.temperature.bandLabel') },
                      { yAxis: deg(band.max) },
                    ],
                  ],
                },
                markLine: {
                  silent: true,
                  symbol: 'none',
                  lineStyle: { type: 'dashed', color: '#cf1322' },
                  label: { formatter: t('coldchain.temperature.hardLimit'), position: 'insideEndTop' },
                  data: limits.map((y) => ({ yAxis: y })),
                },
              }
            : {}),
        },
        {
          name: t('coldchain.temperature.excursionMark'),
          type: 'line',
          data: [],
          markArea: {
            itemStyle: { color: 'rgba(255, 77, 79, 0.18)' },
            label: { position: 'insideTop', color: '#a8071a' },
            data: data.excursions.map((e) => [
              {
                xAxis: e.startedAt,
                name: `${t('coldchain.temperature.excursionMark')} ${formatDc(e.peakDc)} °C`,
              },
              { xAxis: e.endedAt ?? data.to },
            ]),
          },
        },
      ],
    };
  }, [data, t]);
  if (!data.readings.length)
    return <Empty description={t('coldchain.temperature.noReadings')} style={{ padding: 48 }} />;
  return <EChart option={option} height={360} data-testid="temperature-chart" />;
}
