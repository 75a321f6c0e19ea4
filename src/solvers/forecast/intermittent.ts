/**
 * Intermittent demand (many zero periods): Croston (1972), SBA (Syntetos & Boylan 2005, Croston
 * debiased by 1 − α/2) and TSB (Teunter, Syntetos & Babai 2011, which smooths the probability of a
 * demand every period, so the forecast decays when an item stops selling — but never to zero).
 * Forecasts are flat; the spread is the in-sample one-step error of the method.
 * `robustSizeRate` serves lumpy demand (docs/decisions/0003): the TSB/moving-average rate with a
 * Huber estimate of the demand size, so that one bulk order does not set the forecast.
 */
import { mean, median } from './stats';
import type { ModelForecast } from './types';

function flat(method: string, level: number, sigma: number, horizon: number): ModelForecast {
  return {
    method,
    mean: Array.from({ length: horizon }, () => level),
    sd: Array.from({ length: horizon }, () => sigma),
    distribution: 'count',
  };
}

/** Croston's method; `debias` gives SBA. */
export function croston(y: readonly number[], horizon: number, alpha = 0.1, debias = false): ModelForecast {
  const method = debias ? 'sba' : 'croston';
  const first = y.findIndex((v) => v > 0);
  if (first < 0) return flat(method, 0, 0, horizon);
  let size = y[first];
  let interval = first + 1;
  let gap = 0;
  let sse = 0;
  let count = 0;
  const factor = debias ? 1 - alpha / 2 : 1;
  for (let t = first + 1; t < y.length; t++) {
    const f = (factor * size) / interval;
    sse += (y[t] - f) ** 2;
    count++;
    gap++;
    if (y[t] > 0) {
      size += alpha * (y[t] - size);
      interval += alpha * (gap - interval);
      gap = 0;
    }
  }
  return flat(method, (factor * size) / interval, Math.sqrt(count ? sse / count : 0), horizon);
}

interface TsbRun {
  sse: number;
  prob: number;
  size: number;
}

function runTsb(
  y: readonly number[],
  alphaSize: number,
  alphaProb: number,
  size0: number,
  prob0: number,
): TsbRun {
  let prob = prob0;
  let size = size0;
  let sse = 0;
  for (const v of y) {
    sse += (v - prob * size) ** 2;
    if (v > 0) {
      prob += alphaProb * (1 - prob);
      size += alphaSize * (v - size);
    } else prob -= alphaProb * prob;
  }
  return { sse, prob, size };
}

export interface TsbOptions {
  /** Candidate smoothing constants for the demand size and the demand probability. */
  sizeGrid?: readonly number[];
  probGrid?: readonly number[];
}

/** TSB with α (size) and β (probability) chosen from a small grid by in-sample MSE. */
export function tsb(y: readonly number[], horizon: number, options: TsbOptions = {}): ModelForecast {
  const nonzero = y.filter((v) => v > 0);
  if (!nonzero.length) return flat('tsb', 0, 0, horizon);
  const size0 = mean(nonzero);
  const prob0 = nonzero.length / y.length;
  const sizeGrid = options.sizeGrid ?? [0.05, 0.1, 0.2, 0.3];
  const probGrid = options.probGrid ?? [0.02, 0.05, 0.1, 0.2, 0.3];
  let best: TsbRun | undefined;
  for (const a of sizeGrid)
    for (const b of probGrid) {
      const r = runTsb(y, a, b, size0, prob0);
      if (!best || r.sse < best.sse) best = r;
    }
  const r = best as TsbRun;
  return flat('tsb', r.prob * r.size, Math.sqrt(r.sse / y.length), horizon);
}

/** The average of the last `window` periods, flat (a moving-average benchmark). */
export function recentMean(y: readonly number[], horizon: number, window = 12): ModelForecast {
  const tail = y.slice(-window);
  const level = mean(tail);
  const sd = Math.sqrt(tail.reduce((s, v) => s + (v - level) ** 2, 0) / Math.max(1, tail.length - 1));
  return flat(`mean${window}`, level, sd, horizon);
}

/** Average inter-demand interval (ADI) and squared coefficient of variation of the non-zero sizes (CV²). */
export function demandPattern(y: readonly number[]): { adi: number; cv2: number; nonzero: number } {
  const nz = y.filter((v) => v > 0);
  if (!nz.length) return { adi: Number.POSITIVE_INFINITY, cv2: 0, nonzero: 0 };
  const m = mean(nz);
  const v = nz.length > 1 ? nz.reduce((s, x) => s + (x - m) ** 2, 0) / (nz.length - 1) : 0;
  return { adi: y.length / nz.length, cv2: m > 0 ? v / (m * m) : 0, nonzero: nz.length };
}

/** Syntetos–Boylan classes by the cut-offs ADI 1.32 and CV² 0.49. */
export function classifyDemand(
  y: readonly number[],
): 'smooth' | 'erratic' | 'intermittent' | 'lumpy' | 'none' {
  const { adi, cv2, nonzero } = demandPattern(y);
  if (!nonzero) return 'none';
  if (adi < 1.32) return cv2 < 0.49 ? 'smooth' : 'erratic';
  return cv2 < 0.49 ? 'intermittent' : 'lumpy';
}

/**
 * Huber M-estimate of location (Huber 1964; tuning constant 1.345 = 95% efficiency at the normal),
 * by iteratively reweighted means. Scale: MAD × 1.4826, or, when more than half the values are equal
 * (MAD 0, common for small counts), √median, the Poisson standard deviation at the median. Large
 * one-off values (a bulk order) get weight c·scale/|r| instead of 1.
 */
export function huberLocation(x: readonly number[], c = 1.345): number {
  if (!x.length) return 0;
  let mu = median(x);
  let scale = 1.4826 * median(x.map((v) => Math.abs(v - mu)));
  if (!(scale > 0)) scale = Math.sqrt(Math.abs(mu));
  if (!(scale > 0)) return mu;
  for (let it = 0; it < 100; it++) {
    let sw = 0;
    let s = 0;
    for (const v of x) {
      const r = Math.abs(v - mu) / scale;
      const w = r <= c ? 1 : c / r;
      sw += w;
      s += w * v;
    }
    const next = s / sw;
    if (Math.abs(next - mu) <= 1e-10 * (1 + Math.abs(mu))) return next;
    mu = next;
  }
  return mu;
}

/** TSB's smoothed demand probability after the last period (start: the share of demand periods). */
export function demandProbability(y: readonly number[], beta = 0.1): number {
  if (!y.length) return 0;
  let p = y.filter((v) => v > 0).length / y.length;
  for (const v of y) p += beta * ((v > 0 ? 1 : 0) - p);
  return p;
}

/** Squared coefficient of variation of demand sizes from which demand counts as lumpy (Syntetos et al. 2005). */
export const LUMPY_CV2 = 0.49;

/**
 * Rate for lumpy demand: p × z, where p is the mean of TSB's demand probability (β 0.1) and the share
 * of demand periods among the last `window`, and z the Huber estimate of the last `window` non-zero
 * demand sizes. The structure is that of the mean of TSB and the moving average (both are a
 * probability times a size); only the size is estimated robustly. Spread: the mean of TSB's
 * in-sample error and the last `window` periods' standard deviation.
 */
export function robustSizeRate(y: readonly number[], horizon: number, window = 12): ModelForecast {
  const sizes = y.filter((v) => v > 0);
  if (!sizes.length) return flat('tsb-huber', 0, 0, horizon);
  const recent = y.slice(-window);
  const p = (demandProbability(y, 0.1) + recent.filter((v) => v > 0).length / recent.length) / 2;
  const sigma = (tsb(y, 1, { sizeGrid: [0.3], probGrid: [0.1] }).sd[0] + recentMean(y, 1, window).sd[0]) / 2;
  return flat('tsb-huber', p * huberLocation(sizes.slice(-window)), sigma, horizon);
}
