/**
 * Daily demand series as the forecaster sees them (pure): a day without a stored row sold nothing,
 * and a stock-out day's demand is censored — what sold is a lower bound of what customers wanted.
 */
import { dateOf, epochDay } from './days';

export interface DemandPoint {
  day: string;
  qty: number;
  stockout: boolean;
}

export interface DailySeries {
  /** First day, YYYY-MM-DD; value t belongs to firstDay + t. */
  firstDay: string;
  values: number[];
  stockout: boolean[];
}

/**
 * Consecutive days from the first stored day (or `from`, if later) to `last`, missing days as 0.
 * Returns null when nothing was stored up to `last`.
 */
export function dailySeries(points: readonly DemandPoint[], last: string, from?: string): DailySeries | null {
  const end = epochDay(last);
  const floor = from ? epochDay(from) : Number.NEGATIVE_INFINITY;
  let first = Number.POSITIVE_INFINITY;
  for (const p of points) {
    const d = epochDay(p.day);
    if (d <= end && d < first) first = d;
  }
  if (!Number.isFinite(first)) return null;
  first = Math.max(first, floor);
  const n = end - first + 1;
  const values = new Array<number>(n).fill(0);
  const stockout = new Array<boolean>(n).fill(false);
  for (const p of points) {
    const t = epochDay(p.day) - first;
    if (t < 0 || t >= n) continue;
    values[t] = p.qty;
    stockout[t] = p.stockout;
  }
  return { firstDay: dateOf(first), values, stockout };
}

const median = (x: number[]): number => {
  const s = [...x].sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
};

/**
 * Censored demand: a stock-out day's sales are replaced by the larger of what sold and the median of
 * the same weekday's non-stock-out days within ±4 weeks (what the day would normally have sold).
 * Days without a usable neighbour keep their sales.
 */
export function imputeCensored(values: readonly number[], stockout: readonly boolean[]): number[] {
  return values.map((v, t) => {
    if (!stockout[t]) return v;
    const near: number[] = [];
    for (let k = -4; k <= 4; k++) {
      const u = t + 7 * k;
      if (k !== 0 && u >= 0 && u < values.length && !stockout[u]) near.push(values[u]);
    }
    return near.length ? Math.max(v, median(near)) : v;
  });
}

export type AbcClass = 'A' | 'B' | 'C';

/**
 * ABC classes by cumulative share of volume (units × unit cost where known, else units), largest
 * first: A up to 80 %, B up to 95 %, C the rest. Items without volume are C.
 */
export function abcClasses(volumes: ReadonlyMap<string, number>): Map<string, AbcClass> {
  const sorted = [...volumes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const total = sorted.reduce((s, [, v]) => s + Math.max(0, v), 0);
  const out = new Map<string, AbcClass>();
  let running = 0;
  for (const [key, v] of sorted) {
    const shareBefore = total > 0 ? running / total : 1;
    out.set(key, v <= 0 ? 'C' : shareBefore < 0.8 ? 'A' : shareBefore < 0.95 ? 'B' : 'C');
    running += Math.max(0, v);
  }
  return out;
}
