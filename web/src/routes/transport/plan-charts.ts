/** ECharts options for a route plan: best cost over time, load per vehicle, and a timeline. */
import type { ProgressPoint, ResultRoute } from '../../api/transport';
import type { EChartOption } from '../../components/echart';
import { clockOf, routeColor, routeLabel } from './plan-units';

export function progressOption(
  points: readonly ProgressPoint[],
  options: {
    elapsedS?: number;
    limitS: number;
    costLabel: string;
    vehiclesLabel: string;
    secondsLabel: string;
  },
): EChartOption {
  const data = points.map((p) => [p.elapsedMs / 1000, p.costFen / 100, p.vehicles]);
  const last = data[data.length - 1];
  // While the search runs, the best cost holds until now.
  if (last && options.elapsedS !== undefined && options.elapsedS > (last[0] as number)) {
    data.push([options.elapsedS, last[1], last[2]]);
  }
  return {
    animation: false,
    grid: { left: 72, right: 24, top: 28, bottom: 40 },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const p = (params as { data: number[] }[])[0];
        if (!p) return '';
        const [s, cost, vehicles] = p.data;
        return `${s.toFixed(1)} ${options.secondsLabel}<br/>${options.costLabel}: ¥${cost.toFixed(2)}<br/>${options.vehiclesLabel}: ${vehicles}`;
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: Math.max(options.limitS, Math.ceil((last?.[0] as number | undefined) ?? 0)),
      name: options.secondsLabel,
      nameLocation: 'end',
    },
    yAxis: {
      type: 'value',
      scale: true,
      name: options.costLabel,
      axisLabel: { formatter: (v: number) => `¥${v.toFixed(0)}` },
    },
    series: [
      {
        type: 'line',
        step: 'end',
        data,
        symbolSize: 5,
        lineStyle: { width: 2, color: '#1677ff' },
        itemStyle: { color: '#1677ff' },
        areaStyle: { color: 'rgba(22,119,255,0.08)' },
      },
    ],
  };
}

type Dim = 'weightG' | 'volumeCm3' | 'items';

export function loadOption(routes: readonly ResultRoute[], labels: Record<Dim, string>): EChartOption {
  const dims = (['weightG', 'volumeCm3', 'items'] as Dim[]).filter((d) =>
    routes.some((r) => r.utilisationPct[d] !== null),
  );
  const colors: Record<Dim, string> = { weightG: '#1677ff', volumeCm3: '#13c2c2', items: '#faad14' };
  const names = routes.map((r) => routeLabel(r));
  const max = Math.max(100, ...routes.flatMap((r) => dims.map((d) => r.utilisationPct[d] ?? 0)));
  return {
    animation: false,
    grid: { left: 140, right: 32, top: 32, bottom: 24 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => `${v}%` },
    xAxis: { type: 'value', max: Math.ceil(max / 10) * 10, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { width: 128, overflow: 'truncate' } },
    series: dims.map((d, k) => ({
      name: labels[d],
      type: 'bar',
      data: routes.map((r) => r.utilisationPct[d]),
      itemStyle: { color: colors[d] },
      barMaxWidth: 10,
      ...(k === 0
        ? {
            markLine: {
              symbol: 'none',
              label: { show: false },
              data: [{ xAxis: 100 }],
              lineStyle: { color: '#ff4d4f', type: 'dashed' },
            },
          }
        : {}),
    })),
  };
}

type Segment = [route: number, from: number, to: number, kind: 0 | 1 | 2, stop: string];

/** A Gantt-like row per vehicle: driving (light), waiting (grey), service at each stop (route colour). */
export function timelineOption(
  routes: readonly ResultRoute[],
  labels: { drive: string; wait: string; service: string },
): EChartOption {
  const segments: Segment[] = [];
  routes.forEach((r, i) => {
    let t = r.departureS;
    for (const s of r.stops) {
      if (s.arrivalS > t) segments.push([i, t, s.arrivalS, 0, s.id]);
      if (s.startS > s.arrivalS) segments.push([i, s.arrivalS, s.startS, 1, s.id]);
      segments.push([i, s.startS, Math.max(s.departureS, s.startS + 60), 2, s.id]);
      t = s.departureS;
    }
    if (r.returnS > t) segments.push([i, t, r.returnS, 0, '']);
  });
  const lo = Math.min(...routes.map((r) => r.departureS));
  const hi = Math.max(...routes.map((r) => r.returnS));
  const kinds = [labels.drive, labels.wait, labels.service];
  return {
    animation: false,
    grid: { left: 140, right: 24, top: 16, bottom: 32 },
    tooltip: {
      formatter: (p: unknown) => {
        const [, from, to, kind, stop] = (p as { value: Segment }).value;
        return `${stop ? `${stop} · ` : ''}${kinds[kind]}<br/>${clockOf(from)}–${clockOf(to)}`;
      },
    },
    xAxis: {
      type: 'value',
      min: Math.floor(lo / 3600) * 3600,
      max: Math.ceil(hi / 3600) * 3600,
      interval: 3600,
      axisLabel: { formatter: (v: number) => clockOf(v) },
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    yAxis: {
      type: 'category',
      data: routes.map((r) => routeLabel(r)),
      inverse: true,
      axisLabel: { width: 128, overflow: 'truncate' },
    },
    series: [
      {
        type: 'custom',
        encode: { x: [1, 2], y: 0 },
        data: segments,
        renderItem: (_params: unknown, api: any) => {
          const route = api.value(0) as number;
          const start = api.coord([api.value(1), route]);
          const end = api.coord([api.value(2), route]);
          const kind = api.value(3) as number;
          const band = api.size([0, 1])[1] as number;
          const height = kind === 2 ? band * 0.6 : band * 0.3;
          const fill = kind === 2 ? routeColor(route) : kind === 1 ? '#d9d9d9' : '#e6f4ff';
          return {
            type: 'rect',
            shape: { x: start[0], y: start[1] - height / 2, width: Math.max(1, end[0] - start[0]), height },
            style: { fill, stroke: kind === 2 ? '#ffffff' : undefined, lineWidth: 0.5 },
          };
        },
      },
    ],
  };
}
