/**
 * Theta methods on the seasonally adjusted series.
 * - `thetaStandard`: the M3 winner (Assimakopoulos & Nikolopoulos 2000) in Hyndman & Billah's (2003)
 *   form: simple exponential smoothing with drift equal to half the slope of the linear trend.
 * - `thetaDynamicOptimised`: DOTM (Fiorucci, Pellegrini, Louzada, Petropoulos & Koehler 2016): the
 *   theta coefficient, α and the initial level are estimated by in-sample one-step MSE, and the
 *   trend line's intercept and slope are updated as each observation arrives.
 * - `thetaTemporal`: Theta over multiple temporal aggregation levels (ADIDA / MTA: Nikolopoulos et
 *   al. 2011; Kourentzes, Petropoulos & Trapero 2014): the seasonally adjusted series is summed into
 *   non-overlapping buckets of k periods for every k dividing the period, each aggregate series gets
 *   Theta, and the per-period forecasts (bucket forecast ÷ k) are averaged over the levels.
 */
import { fitEts } from './ets';
import { minimiseNelderMead } from './nelder-mead';
import { reseasonalise, seasonallyAdjust } from './seasonal-adjust';
import { linearTrend } from './stats';
import type { ModelForecast } from './types';

export function thetaStandard(
  y: readonly number[],
  period: number,
  horizon: number,
  seasonalityZ = 1.645,
): ModelForecast {
  const adj = seasonallyAdjust(y, period, seasonalityZ);
  const x = adj.adjusted;
  const n = x.length;
  const ses = fitEts(x, 1, { error: 'A', trend: 'N', season: 'N' });
  const drift = linearTrend(x).b / 2;
  const alpha = ses?.alpha ?? 0.5;
  const level = ses?.level ?? x[n - 1];
  const sigma = Math.sqrt(ses?.sigma2 ?? 0);
  const mean: number[] = [];
  const sd: number[] = [];
  const tail = (1 - (1 - alpha) ** n) / alpha;
  for (let h = 1; h <= horizon; h++) {
    mean.push(level + drift * (h - 1 + tail));
    sd.push(sigma * Math.sqrt(1 + alpha * alpha * (h - 1)));
  }
  return reseasonalise({ method: 'theta', mean, sd, distribution: 'normal' }, adj);
}

interface DotmState {
  mse: number;
  level: number;
  a: number;
  b: number;
}

function runDotm(x: readonly number[], l0: number, alpha: number, theta: number): DotmState {
  const n = x.length;
  const w = 1 - 1 / theta;
  let level = l0;
  let ybar = 0;
  let a = 0;
  let b = 0;
  let sse = 0;
  let decay = 1; // (1-α)^(t-1)
  for (let t = 1; t <= n; t++) {
    const mu = level + w * (decay * a + ((1 - decay * (1 - alpha)) / alpha) * b);
    const y = x[t - 1];
    sse += (y - mu) ** 2;
    level = alpha * y + (1 - alpha) * level;
    if (t === 1) {
      ybar = y;
      a = y;
      b = 0;
    } else {
      b = ((t - 2) * b + (6 / t) * (y - ybar)) / (t + 1);
      ybar = ((t - 1) * ybar + y) / t;
      a = ybar - ((t + 1) / 2) * b;
    }
    decay *= 1 - alpha;
  }
  return { mse: sse / n, level, a, b };
}

export function thetaDynamicOptimised(
  y: readonly number[],
  period: number,
  horizon: number,
  seasonalityZ = 1.645,
): ModelForecast {
  const adj = seasonallyAdjust(y, period, seasonalityZ);
  const x = adj.adjusted;
  const n = x.length;
  const objective = (p: readonly number[]) => {
    if (p[1] < 0.1 || p[1] > 0.99 || p[2] < 1) return Number.POSITIVE_INFINITY;
    return runDotm(x, p[0], p[1], p[2]).mse;
  };
  const scale = Math.max(Math.abs(x[0]), 1e-6);
  const best = minimiseNelderMead(objective, [x[0] / 2, 0.5, 2], {
    steps: [0.2 * scale, 0.2, 0.5],
    maxEvaluations: 300,
  });
  const [l0, alpha, theta] = best.x;
  const s = runDotm(x, l0, alpha, theta);
  const w = 1 - 1 / theta;
  const sigma = Math.sqrt((s.mse * n) / Math.max(1, n - 3));
  const decayN = (1 - alpha) ** n;
  const mean: number[] = [];
  const sd: number[] = [];
  for (let h = 1; h <= horizon; h++) {
    mean.push(s.level + w * (decayN * s.a + (h - 1 + (1 - decayN * (1 - alpha)) / alpha) * s.b));
    sd.push(sigma * Math.sqrt(1 + alpha * alpha * (h - 1)));
  }
  return reseasonalise({ method: 'dotm', mean, sd, distribution: 'normal' }, adj);
}

/** Aggregation levels for `thetaTemporal`: every k < period that divides the period (always 1). */
export function aggregationLevels(period: number): number[] {
  const out = [1];
  for (let k = 2; k < period; k++) if (period % k === 0) out.push(k);
  return out;
}

/** Sums of non-overlapping buckets of k values, aligned so that the last bucket ends at the last value. */
export function aggregateBuckets(x: readonly number[], k: number): number[] {
  const buckets = Math.floor(x.length / k);
  const start = x.length - buckets * k;
  const out: number[] = [];
  for (let b = 0; b < buckets; b++) {
    let s = 0;
    for (let j = 0; j < k; j++) s += x[start + b * k + j];
    out.push(s);
  }
  return out;
}

/** Fewest buckets an aggregation level needs to be used. */
const MIN_BUCKETS = 4;

export function thetaTemporal(
  y: readonly number[],
  period: number,
  horizon: number,
  seasonalityZ = 1.645,
): ModelForecast {
  const adj = seasonallyAdjust(y, period, seasonalityZ);
  const x = adj.adjusted;
  const base = thetaStandard(x, 1, horizon);
  const levels = aggregationLevels(Math.max(1, period)).filter(
    (k) => k === 1 || Math.floor(x.length / k) >= MIN_BUCKETS,
  );
  const forecasts = levels.map((k) => {
    if (k === 1) return base.mean;
    const f = thetaStandard(aggregateBuckets(x, k), 1, Math.ceil(horizon / k)).mean;
    return Array.from({ length: horizon }, (_, h) => f[Math.floor(h / k)] / k);
  });
  const mean = Array.from({ length: horizon }, (_, h) => {
    let s = 0;
    for (const f of forecasts) s += f[h];
    return s / forecasts.length;
  });
  // Spread from the base level (the aggregate levels' errors are of bucket sums, not of periods).
  return reseasonalise(
    { method: `theta-mta(${levels.join(',')})`, mean, sd: base.sd, distribution: 'normal' },
    adj,
  );
}
