/** Benchmarks: naive (random walk), seasonal naive and the M3 Naive2 (naive on adjusted data). */
import { reseasonalise, seasonallyAdjust } from './seasonal-adjust';
import type { ModelForecast } from './types';

function residualSigma(y: readonly number[], lag: number): number {
  let s = 0;
  let k = 0;
  for (let t = lag; t < y.length; t++) {
    s += (y[t] - y[t - lag]) ** 2;
    k++;
  }
  return k ? Math.sqrt(s / k) : 0;
}

export function naive(y: readonly number[], horizon: number): ModelForecast {
  const last = y[y.length - 1] ?? 0;
  const sigma = residualSigma(y, 1);
  return {
    method: 'naive',
    mean: Array.from({ length: horizon }, () => last),
    sd: Array.from({ length: horizon }, (_, h) => sigma * Math.sqrt(h + 1)),
    distribution: 'normal',
  };
}

export function seasonalNaive(y: readonly number[], period: number, horizon: number): ModelForecast {
  const m = Math.max(1, Math.min(period, y.length));
  if (m === 1) return { ...naive(y, horizon), method: 'snaive' };
  const n = y.length;
  const sigma = residualSigma(y, m);
  return {
    method: 'snaive',
    mean: Array.from({ length: horizon }, (_, h) => y[n - m + (h % m)]),
    sd: Array.from({ length: horizon }, (_, h) => sigma * Math.sqrt(Math.floor(h / m) + 1)),
    distribution: 'normal',
  };
}

export function naive2(y: readonly number[], period: number, horizon: number): ModelForecast {
  const adj = seasonallyAdjust(y, period);
  return reseasonalise({ ...naive(adj.adjusted, horizon), method: 'naive2' }, adj);
}
