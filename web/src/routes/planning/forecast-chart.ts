import type { SeriesDetail } from '../../api/planning';
import type { EChartOption } from '../../components/echart';

export interface ChartLabels {
  history: string;
  stockout: string;
  forecast: string;
  band: string;
  median: string;
  today: string;
}

/** Consecutive days of the same event as one shaded range with its label. */
function eventRanges(events: NonNullable<SeriesDetail['forecast']>['events']) {
  const ranges: { from: string; to: string; label: string; uplift: number }[] = [];
  for (const e of events) {
    const last = ranges[ranges.length - 1];
    const prev = last ? new Date(`${last.to}T00:00:00Z`).getTime() : 0;
    if (last && last.label === e.label && new Date(`${e.date}T00:00:00Z`).getTime() - prev === 86_400_000) {
      last.to = e.date;
      last.uplift = Math.max(last.uplift, e.uplift);
    } else ranges.push({ from: e.date, to: e.date, label: e.label, uplift: e.uplift });
  }
  return ranges;
}

const round = (v: number) => Math.round(v * 10) / 10;

/**
 * History (with stock-out days marked), the forecast mean and median, the P10–P90 band as a stacked
 * area, today, and the forecast's festival / promotion days shaded and named.
 */
export function forecastChartOption(detail: SeriesDetail, labels: ChartLabels): EChartOption {
  const history = detail.history;
  const forecast = detail.forecast;
  const historyDates = history?.dates ?? [];
  const forecastDates = forecast
    ? forecast.dates.filter((d) => !historyDates.length || d > historyDates[historyDates.length - 1])
    : [];
  const skip = forecast ? forecast.dates.length - forecastDates.length : 0;
  const dates = [...historyDates, ...forecastDates];
  const pad = (n: number) => Array<null>(n).fill(null);
  const future = (values: number[]) => [...pad(historyDates.length), ...values.slice(skip).map(round)];
  const p10 = forecast ? forecast.p10.slice(skip) : [];
  const p90 = forecast ? forecast.p90.slice(skip) : [];
  const today = forecast?.dates[skip] ?? null;
  const ranges = forecast
    ? eventRanges(forecast.events.filter((e) => e.uplift >= 1.1 || e.uplift <= 0.9))
    : [];

  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0, data: [labels.history, labels.stockout, labels.forecast, labels.median, labels.band] },
    grid: { left: 48, right: 24, top: 40, bottom: 72 },
    xAxis: { type: 'category', data: dates, boundaryGap: false },
    yAxis: { type: 'value', min: 0, splitLine: { lineStyle: { type: 'dashed' } } },
    dataZoom: [
      { type: 'inside', start: dates.length > 200 ? 60 : 0, end: 100 },
      { type: 'slider', bottom: 16, height: 22 },
    ],
    series: [
      {
        name: labels.history,
        type: 'line',
        showSymbol: false,
        lineStyle: { width: 1.2, color: '#5470c6' },
        itemStyle: { color: '#5470c6' },
        data: [...(history?.values ?? []), ...pad(forecastDates.length)],
      },
      {
        name: labels.stockout,
        type: 'scatter',
        symbolSize: 7,
        itemStyle: { color: '#f5222d' },
        data: historyDates.map((_, t) => (history?.stockout[t] ? history.values[t] : null)),
      },
      {
        name: '__p10',
        type: 'line',
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
        data: [...pad(historyDates.length), ...p10.map(round)],
      },
      {
        name: labels.band,
        type: 'line',
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(250, 140, 22, 0.18)' },
        itemStyle: { color: 'rgba(250, 140, 22, 0.4)' },
        tooltip: { valueFormatter: (v: unknown) => String(v ?? '') },
        data: [...pad(historyDates.length), ...p90.map((v, h) => round(v - p10[h]))],
      },
      {
        name: labels.median,
        type: 'line',
        symbol: 'none',
        lineStyle: { width: 1, type: 'dotted', color: '#d46b08' },
        itemStyle: { color: '#d46b08' },
        data: forecast ? future(forecast.p50) : [],
      },
      {
        name: labels.forecast,
        type: 'line',
        symbol: 'none',
        lineStyle: { width: 2, color: '#fa8c16' },
        itemStyle: { color: '#fa8c16' },
        data: forecast ? future(forecast.mean) : [],
        markLine: today
          ? {
              symbol: 'none',
              label: { formatter: labels.today },
              lineStyle: { color: '#8c8c8c', type: 'dashed' },
              data: [{ xAxis: today }],
            }
          : undefined,
        markArea: ranges.length
          ? {
              itemStyle: { color: 'rgba(114, 46, 209, 0.08)' },
              label: { color: '#722ed1', fontSize: 11 },
              data: ranges.map((r) => [
                { name: `${r.label} ×${r.uplift.toFixed(1)}`, xAxis: r.from },
                { xAxis: r.to },
              ]),
            }
          : undefined,
      },
    ],
  };
}
