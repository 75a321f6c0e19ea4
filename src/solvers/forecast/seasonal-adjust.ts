/**
 * Seasonal adjustment as in the M3 Theta method and Naive2: when the 90% autocorrelation test finds
 * seasonality (and the data are positive), divide by classical multiplicative decomposition indices;
 * forecasts of the adjusted series are multiplied back by the index of the matching season.
 */
import { isSeasonal, multiplicativeIndices } from './stats';
import type { ModelForecast } from './types';

export interface Adjusted {
  adjusted: number[];
  /** Index per position modulo the period, or undefined when the series is not seasonal. */
  indices: number[] | undefined;
  period: number;
  n: number;
}

export function seasonallyAdjust(y: readonly number[], period: number, z = 1.645): Adjusted {
  const n = y.length;
  if (period > 1 && y.every((v) => v > 0) && isSeasonal(y, period, z)) {
    const indices = multiplicativeIndices(y, period);
    return { adjusted: y.map((v, t) => v / indices[t % period]), indices, period, n };
  }
  return { adjusted: y.slice(), indices: undefined, period, n };
}

/** Multiplies a forecast of the adjusted series (mean and sd) back by the seasonal indices. */
export function reseasonalise(f: ModelForecast, a: Adjusted): ModelForecast {
  const idx = a.indices;
  if (!idx) return f;
  const at = (h: number) => idx[(a.n + h) % a.period];
  return { ...f, mean: f.mean.map((v, h) => v * at(h)), sd: f.sd.map((v, h) => v * at(h)) };
}
