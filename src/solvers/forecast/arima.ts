/**
 * A small automatic ARIMA ("auto.arima-lite"), used as a member of the combinations.
 * - Seasonality is removed first, as for Theta: the M3 90% autocorrelation test and classical
 *   multiplicative decomposition; the adjusted series gets a non-seasonal ARIMA(p,d,q).
 * - d by repeated KPSS level-stationarity tests at 5% (Kwiatkowski et al. 1992; R's `ndiffs`).
 * - p, q ∈ {0,1,2} by AICc, each fitted by conditional sum of squares with Nelder–Mead; a mean
 *   (d = 0) or a drift (d = 1) is included, none for d = 2. Stationarity and invertibility are
 *   enforced by the AR(2) triangle conditions.
 * - Forecasts recurse with future errors zero; the spread comes from the ψ-weights of
 *   φ(B)(1−B)^d against θ(B).
 */
import { minimiseNelderMead } from './nelder-mead';
import { reseasonalise, seasonallyAdjust } from './seasonal-adjust';
import { mean } from './stats';
import type { ModelForecast } from './types';

/** KPSS level-stationarity statistic with the "short" Newey–West lag trunc(4·(n/100)^¼). */
export function kpssStatistic(x: readonly number[]): number {
  const n = x.length;
  const mu = mean(x);
  const e = x.map((v) => v - mu);
  let s = 0;
  let eta = 0;
  for (const v of e) {
    s += v;
    eta += s * s;
  }
  eta /= n * n;
  const lags = Math.trunc(4 * (n / 100) ** 0.25);
  let lrv = 0;
  for (const v of e) lrv += v * v;
  lrv /= n;
  for (let l = 1; l <= lags; l++) {
    let c = 0;
    for (let t = l; t < n; t++) c += e[t] * e[t - l];
    lrv += (2 * (1 - l / (lags + 1)) * c) / n;
  }
  return lrv > 0 ? eta / lrv : 0;
}

const KPSS_5PCT = 0.463;
/** (p, q) orders searched. */
const ORDERS: readonly (readonly [number, number])[] = [
  [0, 0],
  [1, 0],
  [0, 1],
  [1, 1],
  [2, 0],
  [0, 2],
  [2, 1],
  [1, 2],
  [2, 2],
];

function difference(x: readonly number[]): number[] {
  return x.slice(1).map((v, i) => v - x[i]);
}

/** Number of differences (0–2) by repeated KPSS tests at 5%. */
export function chooseDifferences(x: readonly number[]): number {
  let d = 0;
  let w = x.slice();
  while (d < 2 && w.length > 5) {
    const sd = Math.sqrt(mean(w.map((v) => (v - mean(w)) ** 2)));
    if (sd < 1e-12 * (1 + Math.abs(mean(w)))) break;
    if (kpssStatistic(w) <= KPSS_5PCT) break;
    w = difference(w);
    d++;
  }
  return d;
}

/** AR(1)/AR(2) stationarity (for MA: invertibility of 1 + θ₁B + θ₂B², pass −θ). */
function inTriangle(c: readonly number[]): boolean {
  const lim = 0.99;
  if (c.length === 0) return true;
  if (c.length === 1) return Math.abs(c[0]) < lim;
  return c[1] + c[0] < lim && c[1] - c[0] < lim && Math.abs(c[1]) < lim;
}

interface ArmaFit {
  p: number;
  q: number;
  phi: number[];
  theta: number[];
  mu: number;
  sigma2: number;
  aicc: number;
  residuals: number[];
}

function css(
  w: readonly number[],
  phi: readonly number[],
  theta: readonly number[],
  mu: number,
): { sse: number; e: number[] } {
  const n = w.length;
  const p = phi.length;
  const q = theta.length;
  const e = new Array<number>(n).fill(0);
  let sse = 0;
  for (let t = p; t < n; t++) {
    let pred = mu;
    for (let i = 0; i < p; i++) pred += phi[i] * (w[t - 1 - i] - mu);
    for (let j = 0; j < q; j++) if (t - 1 - j >= 0) pred += theta[j] * e[t - 1 - j];
    e[t] = w[t] - pred;
    sse += e[t] * e[t];
  }
  return { sse, e };
}

function fitArma(w: readonly number[], p: number, q: number, withMean: boolean): ArmaFit | undefined {
  const n = w.length;
  const k = p + q + (withMean ? 1 : 0);
  const nEff = n - p;
  if (nEff - k - 2 <= 0) return undefined;
  const mu0 = withMean ? mean(w) : 0;
  const split = (x: readonly number[]) => ({
    phi: x.slice(0, p),
    theta: x.slice(p, p + q),
    mu: withMean ? x[p + q] : 0,
  });
  const scale = Math.max(Math.sqrt(mean(w.map((v) => (v - mu0) ** 2))), 1e-9);
  let phi: number[] = [];
  let theta: number[] = [];
  let mu = mu0;
  if (k > 0) {
    const start = [...new Array<number>(p + q).fill(0), ...(withMean ? [mu0] : [])];
    const steps = [...new Array<number>(p + q).fill(0.2), ...(withMean ? [0.1 * scale] : [])];
    const objective = (x: readonly number[]) => {
      const s = split(x);
      if (!inTriangle(s.phi) || !inTriangle(s.theta.map((v) => -v))) return Number.POSITIVE_INFINITY;
      return css(w, s.phi, s.theta, s.mu).sse;
    };
    const best = minimiseNelderMead(objective, start, { steps, maxEvaluations: 150 * k + 50 });
    if (!Number.isFinite(best.value)) return undefined;
    ({ phi, theta, mu } = split(best.x));
  }
  const { sse, e } = css(w, phi, theta, mu);
  const sigma2 = sse / nEff;
  if (!(sigma2 > 0)) {
    return { p, q, phi, theta, mu, sigma2: 0, aicc: Number.NEGATIVE_INFINITY, residuals: e };
  }
  const kk = k + 1;
  const aicc = nEff * Math.log(sigma2) + 2 * kk + (2 * kk * (kk + 1)) / (nEff - kk - 1);
  return { p, q, phi, theta, mu, sigma2: sse / Math.max(1, nEff - k), aicc, residuals: e };
}

/** ARIMA(p,d,q) with p, q ≤ 2 chosen by AICc, on the seasonally adjusted series. */
export function autoArima(y: readonly number[], period: number, horizon: number): ModelForecast {
  const adj = seasonallyAdjust(y, period);
  const x = adj.adjusted;
  const d = x.length >= 8 ? chooseDifferences(x) : 1;
  let w = x.slice();
  for (let i = 0; i < d; i++) w = difference(w);
  let best: ArmaFit | undefined;
  for (const [p, q] of ORDERS) {
    const f = fitArma(w, p, q, d <= 1);
    if (f && (!best || f.aicc < best.aicc)) best = f;
  }
  const fit = best ?? { p: 0, q: 0, phi: [], theta: [], mu: 0, sigma2: 0, aicc: 0, residuals: [] };
  // Forecast the differenced series, then integrate d times.
  const n = w.length;
  const wExt = w.slice();
  const eExt = fit.residuals.length === n ? fit.residuals.slice() : new Array<number>(n).fill(0);
  for (let hh = 0; hh < horizon; hh++) {
    const t = n + hh;
    let pred = fit.mu;
    for (let i = 0; i < fit.p; i++) pred += fit.phi[i] * ((wExt[t - 1 - i] ?? fit.mu) - fit.mu);
    for (let j = 0; j < fit.q; j++) pred += fit.theta[j] * (eExt[t - 1 - j] ?? 0);
    wExt.push(pred);
    eExt.push(0);
  }
  let path = wExt.slice(n);
  const levels: number[][] = [x];
  for (let i = 1; i < d; i++) levels.push(difference(levels[i - 1]));
  for (let i = d - 1; i >= 0; i--) {
    let last = levels[i][levels[i].length - 1];
    path = path.map((v) => {
      last += v;
      return last;
    });
  }
  // ψ-weights of θ(B) / (φ(B)(1−B)^d).
  let ar = [1, ...fit.phi.map((v) => -v)];
  for (let i = 0; i < d; i++) ar = ar.map((v, j) => v - (j > 0 ? ar[j - 1] : 0)).concat([-ar[ar.length - 1]]);
  const psi = [1];
  for (let j = 1; j < horizon; j++) {
    let v = j <= fit.q ? fit.theta[j - 1] : 0;
    for (let i = 1; i < ar.length && i <= j; i++) v -= ar[i] * psi[j - i];
    psi.push(v);
  }
  const sd: number[] = [];
  let acc = 0;
  for (let j = 0; j < horizon; j++) {
    acc += psi[j] * psi[j];
    sd.push(Math.sqrt(fit.sigma2 * acc));
  }
  return reseasonalise(
    { method: `arima(${fit.p},${d},${fit.q})`, mean: path, sd, distribution: 'normal' },
    adj,
  );
}
