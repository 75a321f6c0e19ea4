/**
 * Forecast accuracy from rolling-origin backtests (pure). Definitions (docs/guide/planning.md):
 *
 * - error e = forecast − actual, per day, over every origin and every day of its horizon, except
 *   stock-out days (their actual demand is unknown);
 * - WAPE = Σ|e| / Σ actual;  bias = Σ e / Σ actual (positive: forecasts run high);
 * - MASE = mean over origins of MAE_k / s_k, where s_k is the in-sample mean absolute error of the
 *   seasonal naive forecast (same weekday last week, lag 7; lag 1 for histories under 3 weeks) on the
 *   training days of origin k. Origins whose scale is 0 (a constant history) are left out.
 * - A group's WAPE and bias pool the sums of its series; its MASE is the mean of the series' MASE.
 */

export interface OriginOutcome {
  actual: readonly number[];
  forecast: readonly number[];
  /** Days to leave out (stock-outs). */
  skip?: readonly boolean[];
  /** In-sample scale of the origin's training data (see `naiveScale`), null when undefined. */
  scale: number | null;
}

export interface AccuracySums {
  points: number;
  actualSum: number;
  absErrorSum: number;
  errorSum: number;
  squaredErrorSum: number;
}

export interface Accuracy extends AccuracySums {
  mase: number | null;
  wape: number | null;
  bias: number | null;
}

/** Mean absolute error of the seasonal naive forecast (lag `m`) within `train`; null if too short or 0. */
export function naiveScale(train: readonly number[], m = 7): number | null {
  const lag = train.length > 3 * m ? m : 1;
  if (train.length <= lag) return null;
  let s = 0;
  for (let t = lag; t < train.length; t++) s += Math.abs(train[t] - train[t - lag]);
  const scale = s / (train.length - lag);
  return scale > 0 ? scale : null;
}

export function accuracyOf(origins: readonly OriginOutcome[]): Accuracy {
  const sums: AccuracySums = { points: 0, actualSum: 0, absErrorSum: 0, errorSum: 0, squaredErrorSum: 0 };
  const scaled: number[] = [];
  for (const o of origins) {
    let n = 0;
    let abs = 0;
    o.actual.forEach((a, h) => {
      if (o.skip?.[h]) return;
      const e = o.forecast[h] - a;
      n++;
      abs += Math.abs(e);
      sums.actualSum += a;
      sums.errorSum += e;
      sums.squaredErrorSum += e * e;
    });
    sums.points += n;
    sums.absErrorSum += abs;
    if (n > 0 && o.scale) scaled.push(abs / n / o.scale);
  }
  return {
    ...sums,
    mase: scaled.length ? scaled.reduce((a, b) => a + b, 0) / scaled.length : null,
    ...ratios(sums),
  };
}

function ratios(s: AccuracySums): { wape: number | null; bias: number | null } {
  return s.actualSum > 0
    ? { wape: s.absErrorSum / s.actualSum, bias: s.errorSum / s.actualSum }
    : { wape: null, bias: null };
}

/** Accuracy of a group of series: pooled WAPE and bias, mean MASE. */
export function groupAccuracy(series: readonly Accuracy[]): Omit<Accuracy, 'points'> & { series: number } {
  const sums: AccuracySums = { points: 0, actualSum: 0, absErrorSum: 0, errorSum: 0, squaredErrorSum: 0 };
  const mases: number[] = [];
  for (const a of series) {
    sums.points += a.points;
    sums.actualSum += a.actualSum;
    sums.absErrorSum += a.absErrorSum;
    sums.errorSum += a.errorSum;
    sums.squaredErrorSum += a.squaredErrorSum;
    if (a.mase !== null) mases.push(a.mase);
  }
  return {
    series: series.length,
    actualSum: sums.actualSum,
    absErrorSum: sums.absErrorSum,
    errorSum: sums.errorSum,
    squaredErrorSum: sums.squaredErrorSum,
    mase: mases.length ? mases.reduce((a, b) => a + b, 0) / mases.length : null,
    ...ratios(sums),
  };
}

/** Root mean squared daily error, the forecast-error spread safety stock uses when a backtest exists. */
export const dailyRmse = (a: AccuracySums): number | null =>
  a.points > 0 ? Math.sqrt(a.squaredErrorSum / a.points) : null;
