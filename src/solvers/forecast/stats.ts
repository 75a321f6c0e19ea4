/** Small statistics helpers shared by the forecasting methods (pure). */

export const mean = (x: readonly number[]): number => {
  let s = 0;
  for (const v of x) s += v;
  return x.length ? s / x.length : 0;
};

export function median(x: readonly number[]): number {
  if (!x.length) return 0;
  const s = [...x].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
}

/** Empirical quantile, type 7 (R's default). */
export function quantileOf(x: readonly number[], p: number): number {
  if (!x.length) return 0;
  const s = [...x].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
}

/** Sample autocorrelations r_1…r_maxLag. */
export function autocorrelations(x: readonly number[], maxLag: number): number[] {
  const n = x.length;
  const m = mean(x);
  let denom = 0;
  for (const v of x) denom += (v - m) ** 2;
  const r: number[] = [];
  for (let k = 1; k <= maxLag; k++) {
    let s = 0;
    for (let t = k; t < n; t++) s += (x[t] - m) * (x[t - k] - m);
    r.push(denom > 0 ? s / denom : 0);
  }
  return r;
}

/**
 * The M3/M4 seasonality test: seasonal when |r_m| > z·sqrt((1 + 2Σ_{k<m} r_k²)/n), only for m > 1
 * and n ≥ 3m. z = 1.645 is the 90% two-sided level used by Naive2 and Theta in M4.
 */
export function isSeasonal(x: readonly number[], period: number, z = 1.645): boolean {
  if (period <= 1 || x.length < 3 * period) return false;
  const r = autocorrelations(x, period);
  let s = 0;
  for (let k = 0; k < period - 1; k++) s += r[k] ** 2;
  return Math.abs(r[period - 1]) > z * Math.sqrt((1 + 2 * s) / x.length);
}

/**
 * Classical multiplicative decomposition seasonal indices (centred moving average, mean ratio per
 * season, normalised to average 1). Index i belongs to observation positions t ≡ i (mod period).
 */
export function multiplicativeIndices(x: readonly number[], period: number): number[] {
  return seasonalIndices(x, period, 'multiplicative');
}

/** Classical decomposition seasonal indices, multiplicative (mean 1) or additive (mean 0). */
export function seasonalIndices(
  x: readonly number[],
  period: number,
  type: 'multiplicative' | 'additive',
): number[] {
  const n = x.length;
  const half = Math.floor(period / 2);
  const sums = new Array<number>(period).fill(0);
  const counts = new Array<number>(period).fill(0);
  for (let t = half; t < n - half; t++) {
    let trend = 0;
    if (period % 2 === 0) {
      for (let j = -half; j <= half; j++) trend += (Math.abs(j) === half ? 0.5 : 1) * x[t + j];
    } else {
      for (let j = -half; j <= half; j++) trend += x[t + j];
    }
    trend /= period;
    if (type === 'multiplicative' && trend === 0) continue;
    sums[t % period] += type === 'multiplicative' ? x[t] / trend : x[t] - trend;
    counts[t % period]++;
  }
  const neutral = type === 'multiplicative' ? 1 : 0;
  const raw = sums.map((s, i) => (counts[i] ? s / counts[i] : neutral));
  const avg = mean(raw);
  if (type === 'additive') return raw.map((v) => v - avg);
  return raw.map((v) => (avg > 0 && v > 0 ? v / avg : 1));
}

/** Ordinary least squares of x on t = 1…n: intercept a and slope b. */
export function linearTrend(x: readonly number[]): { a: number; b: number } {
  const n = x.length;
  if (n < 2) return { a: x[0] ?? 0, b: 0 };
  const tm = (n + 1) / 2;
  const xm = mean(x);
  let sxy = 0;
  let sxx = 0;
  for (let t = 1; t <= n; t++) {
    sxy += (t - tm) * (x[t - 1] - xm);
    sxx += (t - tm) ** 2;
  }
  const b = sxy / sxx;
  return { a: xm - b * tm, b };
}

/** Standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9 after one step). */
export function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const a = [
    -39.6968302866538, 220.946098424521, -275.928510446969, 138.357751867269, -30.6647980661472,
    2.50662827745924,
  ];
  const b = [-54.4760987982241, 161.585836858041, -155.698979859887, 66.8013118877197, -13.2806815528857];
  const c = [
    -0.00778489400243029, -0.322396458041136, -2.40075827716184, -2.54973253934373, 4.37466414146497,
    2.93816398269878,
  ];
  const d = [0.00778469570904146, 0.32246712907004, 2.445134137143, 3.75440866190742];
  const lowTail = 0.02425;
  if (p < lowTail) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
      ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    );
  }
  if (p > 1 - lowTail) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
  );
}

/** A small deterministic PRNG (mulberry32) for simulations and tests; never global state. */
export function createRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
