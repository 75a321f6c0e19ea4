/**
 * The forecasting entry point: one series in, point forecast and quantiles out. `auto` (the default)
 * picks per series: intermittent demand (many zero periods) → Theta over temporal aggregation levels
 * when most periods still have demand, else TSB combined with a moving average (with a robust size
 * for lumpy demand); otherwise a combination of ETS and Theta forecasts (see
 * docs/decisions/0003-forecasting.md).
 */
import { autoArima } from './arima';
import { autoEts, bestByAicc, type EtsFit, fitEtsCandidates, forecastEts, forecastEtsAkaike } from './ets';
import { croston, demandPattern, LUMPY_CV2, recentMean, robustSizeRate, tsb } from './intermittent';
import { toQuantiles } from './quantiles';
import { reseasonalise, seasonallyAdjust } from './seasonal-adjust';
import { naive, naive2, seasonalNaive } from './simple';
import { mean, median } from './stats';
import { thetaDynamicOptimised, thetaStandard, thetaTemporal } from './theta';
import {
  DEFAULT_PROBABILITIES,
  type Forecast,
  type ForecastOptions,
  type MethodName,
  type ModelForecast,
  type SeriesInput,
} from './types';

/** Series with at least this average inter-demand interval are treated as intermittent. */
export const INTERMITTENT_ADI = 1.32;

function etsOf(y: readonly number[], m: number, h: number, trend?: 'N' | 'A' | 'Ad'): ModelForecast {
  if (trend) {
    // SES / Holt / damped on the seasonally adjusted series, as the M3 "S-H-D" benchmarks.
    const adj = seasonallyAdjust(y, m);
    const fit = autoEts(adj.adjusted, 1, [{ error: 'A', trend, season: 'N' }]);
    const f = fit ? forecastEts(fit, h) : naive(adj.adjusted, h);
    return reseasonalise(f, adj);
  }
  const fit = autoEts(y, m);
  return fit ? forecastEts(fit, h) : naive(y, h);
}

/** Mean of all but the lowest and highest value (the plain mean for fewer than 4 values). */
export function trimmedMean(x: readonly number[]): number {
  if (x.length < 4) return mean(x);
  return mean([...x].sort((a, b) => a - b).slice(1, -1));
}

/**
 * Mean, median or trimmed mean of several forecasts, step by step; the spread is the mean of the
 * spreads.
 */
export function combineForecasts(
  parts: readonly ModelForecast[],
  how: 'mean' | 'median' | 'trimmed' = 'mean',
): ModelForecast {
  const h = parts[0].mean.length;
  const pick = how === 'mean' ? mean : how === 'median' ? median : trimmedMean;
  return {
    method: `comb(${parts.map((p) => p.method).join(',')})`,
    mean: Array.from({ length: h }, (_, k) => pick(parts.map((p) => p.mean[k]))),
    sd: Array.from({ length: h }, (_, k) => mean(parts.map((p) => p.sd[k]))),
    distribution: parts[0].distribution,
  };
}

/** Runs one named method (no automatic choice except inside `ets`). */
export function runMethod(
  method: Exclude<MethodName, 'auto'>,
  y: readonly number[],
  m: number,
  h: number,
): ModelForecast {
  switch (method) {
    case 'naive':
      return naive(y, h);
    case 'snaive':
      return seasonalNaive(y, m, h);
    case 'naive2':
      return naive2(y, m, h);
    case 'ses':
      return { ...etsOf(y, m, h, 'N'), method: 'ses' };
    case 'holt':
      return { ...etsOf(y, m, h, 'A'), method: 'holt' };
    case 'damped':
      return { ...etsOf(y, m, h, 'Ad'), method: 'damped' };
    case 'ets':
      return etsOf(y, m, h);
    case 'theta':
      return thetaStandard(y, m, h);
    case 'dotm':
      return thetaDynamicOptimised(y, m, h);
    case 'theta-mta':
      return thetaTemporal(y, m, h);
    case 'arima':
      return autoArima(y, m, h);
    case 'croston':
      return croston(y, h);
    case 'sba':
      return croston(y, h, 0.1, true);
    case 'tsb':
      return tsb(y, h);
    case 'intermittent':
      return intermittentForecast(y, h, m);
    case 'comb':
      return regularForecast(y, m, h);
  }
}

/** Is this a demand series with many zero periods (ADI ≥ 1.32, non-negative)? */
export function isIntermittent(y: readonly number[]): boolean {
  if (y.some((v) => v < 0)) return false;
  return demandPattern(y).adi >= INTERMITTENT_ADI;
}

/** Below this ADI (demand in more than half the periods) intermittent demand is forecast with Theta. */
export const FREQUENT_ADI = 2;

/**
 * Intermittent demand (docs/decisions/0003-forecasting.md):
 * - ADI < 2 (demand in most periods): Theta over temporal aggregation levels (`thetaTemporal`), which
 *   follows a trend, such as an item's decline, that the level-only methods lag behind;
 * - lumpy sizes (CV² ≥ 0.49): `robustSizeRate`, TSB / moving-average rate with a Huber size;
 * - otherwise `tsbMeanForecast`, the mean of TSB and the last 12 periods' average.
 * The result is a count forecast (integer quantiles).
 */
export function intermittentForecast(y: readonly number[], h: number, period = 1): ModelForecast {
  const { adi, cv2 } = demandPattern(y);
  if (adi < FREQUENT_ADI) {
    const f = thetaTemporal(y, period, h);
    return { ...f, mean: f.mean.map((v) => Math.max(0, v)), distribution: 'count' };
  }
  if (cv2 >= LUMPY_CV2) return robustSizeRate(y, h);
  return tsbMeanForecast(y, h);
}

/** Mean of TSB (α 0.3 size, β 0.1 probability) and the last 12 periods' average (the sole intermittent rule until 2026-11-24). */
export function tsbMeanForecast(y: readonly number[], h: number): ModelForecast {
  const t = tsb(y, h, { sizeGrid: [0.3], probGrid: [0.1] });
  return { ...combineForecasts([t, recentMean(y, h, 12)]), method: 'comb(tsb,mean12)' };
}

/**
 * The automatic combination for regular demand (docs/decisions/0003-forecasting.md):
 * - seasonal period: mean of the Akaike-weighted ETS (all candidates), the Akaike-weighted damped-trend
 *   ETS, and twice Theta over temporal aggregation levels (`thetaTemporal`), so ETS and Theta weigh
 *   half each;
 * - no seasonal period: trimmed mean (lowest and highest dropped per step) of DOTM, AICc-best ETS
 *   without an undamped trend, Holt, damped Holt (ETS AAdN) and auto-ARIMA.
 */
export function regularForecast(y: readonly number[], m: number, h: number): ModelForecast {
  const fits = fitEtsCandidates(y, m);
  const fc = (f: EtsFit | undefined) => (f ? forecastEts(f, h) : naive(y, h));
  if (m > 1) {
    const all = forecastEtsAkaike(fits, h) ?? naive(y, h);
    const damped = forecastEtsAkaike(fits, h, (f) => f.spec.trend === 'Ad') ?? all;
    const theta = thetaTemporal(y, m, h);
    return combineForecasts([all, damped, theta, theta]);
  }
  const noLinearTrend = fc(bestByAicc(fits, (f) => f.spec.trend !== 'A'));
  const holt = fc(bestByAicc(fits, (f) => f.name === 'AAN'));
  const damped = fc(bestByAicc(fits, (f) => f.name === 'AAdN'));
  return combineForecasts(
    [thetaDynamicOptimised(y, m, h), noLinearTrend, holt, damped, autoArima(y, m, h)],
    'trimmed',
  );
}

function chooseMethod(y: readonly number[], m: number, h: number): ModelForecast {
  if (isIntermittent(y)) return intermittentForecast(y, h, m);
  return regularForecast(y, m, h);
}

/**
 * Forecasts one series. Deterministic: the same input always gives the same output. A series that
 * has sold (any positive value) never gets an all-zero point forecast.
 */
export function forecastSeries(input: SeriesInput, options: ForecastOptions = {}): Forecast {
  const { values, horizon } = input;
  const period = Math.max(1, Math.floor(input.period));
  if (!values.length || horizon < 1)
    throw new RangeError('forecast needs at least one value and a horizon ≥ 1');
  if (values.some((v) => !Number.isFinite(v))) throw new RangeError('forecast values must be finite numbers');
  const method = options.method ?? 'auto';
  let f =
    method === 'auto' ? chooseMethod(values, period, horizon) : runMethod(method, values, period, horizon);
  const nonNegative = values.every((v) => v >= 0);
  if (nonNegative) {
    const sold = values.some((v) => v > 0);
    // Keep a selling item's forecast strictly positive: floor at a small share of its average rate.
    const floor = sold ? Math.max(1e-9, 0.01 * mean(values)) : 0;
    f = { ...f, mean: f.mean.map((v) => (Number.isFinite(v) ? Math.max(floor, v) : floor)) };
  }
  const probabilities = options.probabilities ?? DEFAULT_PROBABILITIES;
  return { method: f.method, mean: f.mean, quantiles: toQuantiles(f, probabilities, nonNegative) };
}
