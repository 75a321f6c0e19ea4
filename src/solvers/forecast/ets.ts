/**
 * Exponential smoothing as innovations state-space models (ETS; Hyndman, Koehler, Ord & Snyder 2008):
 * error A/M, trend N/A/Ad, season N/A/M. Smoothing parameters, damping and the initial level and
 * trend are estimated by maximum likelihood with Nelder–Mead; the initial seasonal states come from a
 * classical decomposition of the first years (a heuristic, as R's `ets` uses for its start values).
 * Models are compared by AICc, counting every initial state as a parameter.
 */
import { minimiseNelderMead } from './nelder-mead';
import { linearTrend, mean, seasonalIndices } from './stats';
import type { ModelForecast } from './types';

export type EtsError = 'A' | 'M';
export type EtsTrend = 'N' | 'A' | 'Ad';
export type EtsSeason = 'N' | 'A' | 'M';

export interface EtsSpec {
  error: EtsError;
  trend: EtsTrend;
  season: EtsSeason;
}

export interface EtsFit {
  spec: EtsSpec;
  name: string;
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  /** Final states after the last observation: level, trend, seasonal ring (oldest first). */
  level: number;
  slope: number;
  seasons: number[];
  sigma2: number;
  aicc: number;
  period: number;
}

export const etsName = (s: EtsSpec): string => `${s.error}${s.trend}${s.season}`;

interface Params {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  l0: number;
  b0: number;
}

interface RunResult {
  lik: number;
  sse: number;
  level: number;
  slope: number;
  seasons: number[];
}

/** One pass of the state recursions; returns −2·log-likelihood (up to a constant) and final states. */
function run(y: readonly number[], spec: EtsSpec, m: number, p: Params, s0: readonly number[]): RunResult {
  const damp = spec.trend === 'Ad' ? p.phi : 1;
  let l = p.l0;
  let b = spec.trend === 'N' ? 0 : p.b0;
  const s = s0.slice();
  let sse = 0;
  let logSum = 0;
  const n = y.length;
  for (let t = 0; t < n; t++) {
    const lb = l + damp * b;
    const si = spec.season === 'N' ? 0 : s[t % m];
    const mu = spec.season === 'M' ? lb * si : lb + si;
    if (spec.error === 'M' || spec.season === 'M') {
      if (!(mu > 0) || !(lb > 0))
        return { lik: Number.POSITIVE_INFINITY, sse: 0, level: l, slope: b, seasons: s };
    }
    const e = y[t] - mu;
    if (spec.error === 'A') sse += e * e;
    else {
      sse += (e / mu) ** 2;
      logSum += Math.log(mu);
    }
    const deseason = spec.season === 'M' ? y[t] / si : y[t] - si;
    const lNew = lb + p.alpha * (deseason - lb);
    if (spec.trend !== 'N') b = damp * b + p.beta * (deseason - lb);
    if (spec.season === 'A') s[t % m] = si + p.gamma * (y[t] - lb - si);
    else if (spec.season === 'M') s[t % m] = si + p.gamma * (y[t] / lb - si);
    l = lNew;
  }
  const lik = n * Math.log(Math.max(sse, 1e-300)) + 2 * logSum;
  // Rotate so that seasons[0] belongs to the first step ahead (position n mod m).
  const ring = spec.season === 'N' ? [] : Array.from({ length: m }, (_, i) => s[(n + i) % m]);
  return { lik, sse, level: l, slope: b, seasons: ring };
}

function initialSeasons(y: readonly number[], m: number, season: EtsSeason): number[] {
  if (season === 'N') return [];
  const span = y.slice(0, Math.min(y.length, 4 * m));
  return seasonalIndices(span, m, season === 'M' ? 'multiplicative' : 'additive');
}

/** Fits one ETS model; `undefined` when the data cannot support it. */
export function fitEts(
  y: readonly number[],
  m: number,
  spec: EtsSpec,
  maxEvaluations = 400,
): EtsFit | undefined {
  const n = y.length;
  const seasonal = spec.season !== 'N';
  if (seasonal && (m <= 1 || n < 2 * m + 2)) return undefined;
  if ((spec.error === 'M' || spec.season === 'M') && y.some((v) => v <= 0)) return undefined;
  const s0 = initialSeasons(y, seasonal ? m : 1, spec.season);
  const head = y.slice(0, Math.min(n, seasonal ? 2 * m : 10)).map((v, t) => {
    if (!seasonal) return v;
    return spec.season === 'M' ? v / s0[t % m] : v - s0[t % m];
  });
  const { a, b } = linearTrend(head);
  const hasTrend = spec.trend !== 'N';
  const damped = spec.trend === 'Ad';
  // Parameter vector: alpha, [beta], [gamma], [phi], l0, [b0].
  const start: number[] = [0.3];
  if (hasTrend) start.push(0.05);
  if (seasonal) start.push(0.05);
  if (damped) start.push(0.95);
  start.push(hasTrend ? a : mean(head));
  if (hasTrend) start.push(b);
  const unpack = (x: readonly number[]): Params => {
    let i = 0;
    const alpha = x[i++];
    const beta = hasTrend ? x[i++] : 0;
    const gamma = seasonal ? x[i++] : 0;
    const phi = damped ? x[i++] : 1;
    const l0 = x[i++];
    const b0 = hasTrend ? x[i++] : 0;
    return { alpha, beta, gamma, phi, l0, b0 };
  };
  const lo = 1e-4;
  const objective = (x: readonly number[]): number => {
    const p = unpack(x);
    if (p.alpha < lo || p.alpha > 1 - lo) return Number.POSITIVE_INFINITY;
    if (hasTrend && (p.beta < lo || p.beta > p.alpha)) return Number.POSITIVE_INFINITY;
    if (seasonal && (p.gamma < lo || p.gamma > 1 - p.alpha)) return Number.POSITIVE_INFINITY;
    if (damped && (p.phi < 0.8 || p.phi > 0.98)) return Number.POSITIVE_INFINITY;
    return run(y, spec, m, p, s0).lik;
  };
  const scale = Math.max(Math.abs(mean(y)), 1e-6);
  const steps = start.map((_, i) => (i >= start.length - (hasTrend ? 2 : 1) ? 0.1 * scale : 0.1));
  if (damped) steps[start.length - (hasTrend ? 3 : 2)] = 0.02;
  const best = minimiseNelderMead(objective, start, { steps, maxEvaluations });
  if (!Number.isFinite(best.value)) return undefined;
  const p = unpack(best.x);
  const r = run(y, spec, m, p, s0);
  const k =
    1 +
    (hasTrend ? 1 : 0) +
    (seasonal ? 1 : 0) +
    (damped ? 1 : 0) +
    1 +
    (hasTrend ? 1 : 0) +
    (seasonal ? m - 1 : 0) +
    1;
  if (n - k - 1 <= 0) return undefined;
  const aicc = r.lik + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
  return {
    spec,
    name: etsName(spec),
    alpha: p.alpha,
    beta: p.beta,
    gamma: p.gamma,
    phi: p.phi,
    level: r.level,
    slope: r.slope,
    seasons: r.seasons,
    sigma2: r.sse / Math.max(1, n - k + 1),
    aicc,
    period: m,
  };
}

/** Point forecast and (approximate for multiplicative models) standard deviation per step. */
export function forecastEts(fit: EtsFit, horizon: number): ModelForecast {
  const { spec, phi, alpha, beta, gamma, level, slope, seasons, period } = fit;
  const damp = spec.trend === 'Ad' ? phi : 1;
  const meanOut: number[] = [];
  const sd: number[] = [];
  let phiSum = 0;
  let phiPow = 1;
  let cumC2 = 0;
  for (let h = 1; h <= horizon; h++) {
    phiPow *= damp;
    phiSum += phiPow;
    const lb = level + (spec.trend === 'N' ? 0 : phiSum * slope);
    const si = spec.season === 'N' ? 0 : seasons[(h - 1) % period];
    const mu = spec.season === 'M' ? lb * si : lb + si;
    meanOut.push(mu);
    // Linear-model variance: σ²(1 + Σ_{j<h} c_j²), c_j = α + β·Σ_{i≤j}φ^i + γ·[j ≡ 0 mod m].
    const base =
      spec.error === 'A'
        ? Math.sqrt(fit.sigma2 * (1 + cumC2))
        : Math.abs(mu) * Math.sqrt(fit.sigma2 * (1 + cumC2));
    sd.push(base);
    const j = h;
    const c =
      alpha +
      (spec.trend === 'N' ? 0 : beta * phiSum) +
      (spec.season !== 'N' && j % period === 0 ? gamma : 0);
    cumC2 += c * c;
  }
  return { method: `ets:${fit.name}`, mean: meanOut, sd, distribution: 'normal' };
}

/** Candidate models as R's `ets` with its default restrictions (no multiplicative trend, no A error with M season). */
export function etsCandidates(seasonal: boolean, positive: boolean): EtsSpec[] {
  const out: EtsSpec[] = [];
  for (const error of positive ? (['A', 'M'] as const) : (['A'] as const))
    for (const trend of ['N', 'A', 'Ad'] as const)
      for (const season of seasonal ? (['N', 'A', 'M'] as const) : (['N'] as const)) {
        if (error === 'A' && season === 'M') continue;
        if (season === 'M' && !positive) continue;
        out.push({ error, trend, season });
      }
  return out;
}

/** Fits every candidate model (those the data cannot support are left out). */
export function fitEtsCandidates(y: readonly number[], m: number, specs?: readonly EtsSpec[]): EtsFit[] {
  const positive = y.every((v) => v > 0);
  const candidates = specs ?? etsCandidates(m > 1 && y.length >= 2 * m + 2, positive);
  const fits: EtsFit[] = [];
  for (const spec of candidates) {
    const fit = fitEts(y, m, spec);
    if (fit) fits.push(fit);
  }
  return fits;
}

/** The fit with the lowest AICc among those accepted by `keep`. */
export function bestByAicc(
  fits: readonly EtsFit[],
  keep: (f: EtsFit) => boolean = () => true,
): EtsFit | undefined {
  let best: EtsFit | undefined;
  for (const f of fits) if (keep(f) && (!best || f.aicc < best.aicc)) best = f;
  return best;
}

/** Automatic ETS: fits every candidate and keeps the lowest AICc. */
export function autoEts(y: readonly number[], m: number, specs?: readonly EtsSpec[]): EtsFit | undefined {
  return bestByAicc(fitEtsCandidates(y, m, specs));
}

/**
 * Akaike-weighted combination of ETS fits (Burnham & Anderson 2002; Kolassa 2011, "Combining
 * exponential smoothing forecasts using Akaike weights", IJF 27:238–251): weight ∝ exp(−½ ΔAICc)
 * among the fits accepted by `keep`. The spread is that of the mixture, Σw(sd² + μ²) − μ̄².
 * `undefined` when no fit is accepted.
 */
export function forecastEtsAkaike(
  fits: readonly EtsFit[],
  horizon: number,
  keep: (f: EtsFit) => boolean = () => true,
): ModelForecast | undefined {
  const chosen = fits.filter(keep);
  if (!chosen.length) return undefined;
  const best = Math.min(...chosen.map((f) => f.aicc));
  const raw = chosen.map((f) => Math.exp(-0.5 * (f.aicc - best)));
  const total = raw.reduce((a, b) => a + b, 0);
  const parts = chosen.map((f) => forecastEts(f, horizon));
  const meanOut: number[] = [];
  const sd: number[] = [];
  for (let h = 0; h < horizon; h++) {
    let mu = 0;
    let second = 0;
    for (let i = 0; i < parts.length; i++) {
      const w = raw[i] / total;
      mu += w * parts[i].mean[h];
      second += w * (parts[i].sd[h] ** 2 + parts[i].mean[h] ** 2);
    }
    meanOut.push(mu);
    sd.push(Math.sqrt(Math.max(0, second - mu * mu)));
  }
  return { method: `ets-akaike(${chosen.length})`, mean: meanOut, sd, distribution: 'normal' };
}
