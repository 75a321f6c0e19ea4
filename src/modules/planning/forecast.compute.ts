/**
 * The CPU-heavy part of forecast and backtest runs (pure, runs in a worker thread): one daily series
 * in, its forecast with quantiles — or its rolling-origin accuracy — out. Uses the forecasting
 * library's `forecastDaily` (Chinese retail calendar, user promotions as events).
 */
import { forecastDaily, forecastSeries, type Promotion } from '../../solvers/forecast';
import { type Accuracy, accuracyOf, naiveScale, type OriginOutcome } from './accuracy';
import { dateOf, epochDay } from './days';
import { imputeCensored } from './demand-series';

export const PROBABILITIES = [0.1, 0.5, 0.9] as const;
/** Below this many days there is no weekly pattern to find: a plain (non-seasonal) forecast. */
export const MIN_DAILY_HISTORY = 28;

export interface SeriesTask {
  key: string;
  firstDay: string;
  values: number[];
  stockout: boolean[];
  /** User promotions for this series; `name` is the promotion id. */
  promotions: Promotion[];
  /** Planner-entered uplift by promotion id; replaces the estimated uplift on that promotion's days. */
  upliftOverrides: Record<string, number>;
}

export interface SeriesForecast {
  key: string;
  method: string;
  firstDay: string;
  mean: number[];
  p10: number[];
  p50: number[];
  p90: number[];
  events: { date: string; event: string; uplift: number }[];
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;

/** Forecast `horizon` days after the series' last day. */
export function forecastOne(task: SeriesTask, horizon: number): SeriesForecast {
  const values = imputeCensored(task.values, task.stockout);
  const first = epochDay(task.firstDay);
  const firstDay = dateOf(first + values.length);
  if (values.length < MIN_DAILY_HISTORY) {
    const f = forecastSeries({ values, period: 1, horizon }, { probabilities: PROBABILITIES });
    const q = (p: number) => (f.quantiles.find((x) => x.p === p)?.values ?? f.mean).map(r3);
    return {
      key: task.key,
      method: f.method,
      firstDay,
      mean: f.mean.map(r3),
      p10: q(0.1),
      p50: q(0.5),
      p90: q(0.9),
      events: [],
    };
  }
  const dates = values.map((_, t) => dateOf(first + t));
  const f = forecastDaily({
    dates,
    values,
    horizon,
    promotions: task.promotions,
    probabilities: PROBABILITIES,
  });
  const factor = new Array<number>(horizon).fill(1);
  const events = f.events.map((e) => {
    const id = e.event.startsWith('promotion:') ? e.event.slice('promotion:'.length) : null;
    const wanted = id ? task.upliftOverrides[id] : undefined;
    if (wanted === undefined || !(e.uplift > 0)) return { ...e, uplift: r3(e.uplift) };
    factor[epochDay(e.date) - epochDay(firstDay)] = wanted / e.uplift;
    return { ...e, uplift: r3(wanted) };
  });
  const scaled = (v: readonly number[]) => v.map((x, h) => r3(x * factor[h]));
  const q = (p: number) => scaled(f.quantiles.find((x) => x.p === p)?.values ?? f.mean);
  return {
    key: task.key,
    method: f.method,
    firstDay,
    mean: scaled(f.mean),
    p10: q(0.1),
    p50: q(0.5),
    p90: q(0.9),
    events,
  };
}

export interface SeriesBacktest extends Accuracy {
  key: string;
  method: string;
  origins: number;
}

/**
 * Rolling origin: origins at n − k·h for k = `origins`…1, each forecasting the next h days from the
 * history before it (the same pipeline as a real run), compared with what sold (stock-out days left
 * out). Origins with fewer than 4 weeks of training data are skipped.
 */
export function backtestOne(task: SeriesTask, origins: number, horizon: number): SeriesBacktest {
  const n = task.values.length;
  const outcomes: OriginOutcome[] = [];
  let method = 'none';
  for (let k = origins; k >= 1; k--) {
    const cut = n - k * horizon;
    if (cut < MIN_DAILY_HISTORY) continue;
    const train: SeriesTask = {
      ...task,
      values: task.values.slice(0, cut),
      stockout: task.stockout.slice(0, cut),
    };
    const f = forecastOne(train, horizon);
    method = f.method;
    outcomes.push({
      actual: task.values.slice(cut, cut + horizon),
      forecast: f.mean,
      skip: task.stockout.slice(cut, cut + horizon),
      scale: naiveScale(imputeCensored(train.values, train.stockout)),
    });
  }
  return { key: task.key, method, origins: outcomes.length, ...accuracyOf(outcomes) };
}
