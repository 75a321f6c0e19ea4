/** Public types of the forecasting library. */

export type MethodName =
  | 'naive'
  | 'snaive'
  | 'naive2'
  | 'ses'
  | 'holt'
  | 'damped'
  | 'ets'
  | 'theta'
  | 'dotm'
  | 'theta-mta'
  | 'arima'
  | 'croston'
  | 'sba'
  | 'tsb'
  | 'intermittent'
  | 'comb'
  | 'auto';

export interface SeriesInput {
  /** Equally spaced history, oldest first; no gaps (use 0 for a day or month without sales). */
  values: readonly number[];
  /** Seasonal period m: 1 none, 4 quarterly, 7 daily-with-week, 12 monthly. */
  period: number;
  horizon: number;
}

export interface ForecastOptions {
  method?: MethodName;
  /** Probabilities of the quantiles to return (default 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95). */
  probabilities?: readonly number[];
}

export interface QuantileForecast {
  p: number;
  values: number[];
}

export interface Forecast {
  /** The method actually used (e.g. `comb(ets:MAdM,dotm,damped)`, `tsb`). */
  method: string;
  /** Point forecast (the mean), one value per step ahead. */
  mean: number[];
  quantiles: QuantileForecast[];
}

/**
 * What each method returns internally: point forecast plus a per-step standard deviation of the
 * forecast error; `count` means the demand is a non-negative integer count (intermittent).
 */
export interface ModelForecast {
  method: string;
  mean: number[];
  sd: number[];
  distribution: 'normal' | 'count';
}

export const DEFAULT_PROBABILITIES: readonly number[] = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95];
