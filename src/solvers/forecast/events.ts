/**
 * Daily demand with the Chinese retail calendar (docs/decisions/0003-forecasting.md, "Events").
 *
 * Events: Spring Festival as three windows of its own (the pre-holiday dip as logistics shut down,
 * the holiday week, the post-holiday recovery), Mid-Autumn, 618, Double 11, Double 12, the other
 * statutory holidays and the 调休 make-up working days (chinese-days' official table), and
 * user-entered promotions (date ranges). Each event day has a key (event, day offset in its window).
 *
 * Method: event days are replaced in the history by a local baseline (median of the non-event days of
 * the same weekday within ±3 weeks); the cleaned history is forecast with the regular automatic
 * method (period 7); the uplift of each (event, offset) is the geometric mean of actual / baseline
 * over past occurrences, shrunk towards the event's mean (and that towards "no uplift") by one
 * pseudo-occurrence, so an event seen once or twice moves the forecast only part of the way; the
 * forecast and its quantiles are multiplied by the uplift of each future event day.
 *
 * Lunar dates: the Spring Festival (正月初一) and Mid-Autumn (八月十五) dates for 2000–2060 are a table
 * generated from chinese-days' lunar conversion (`getSolarDateFromLunar`, run in Asia/Shanghai),
 * because that function depends on the process time zone (off by a day west of UTC).
 */
import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { forecastSeries } from './forecast';
import { median } from './stats';
import { DEFAULT_PROBABILITIES, type QuantileForecast } from './types';

const LUNAR_FIRST_YEAR = 2000;
/** 正月初一 (Spring Festival) for 2000…2060, MM-DD. */
const SPRING_FESTIVAL =
  '02-05 01-24 02-12 02-01 01-22 02-09 01-29 02-18 02-07 01-26 02-14 02-03 01-23 02-10 01-31 02-19 02-08 01-28 02-16 02-05 01-25 02-12 02-01 01-22 02-10 01-29 02-17 02-06 01-26 02-13 02-03 01-23 02-11 01-31 02-19 02-08 01-28 02-15 02-04 01-24 02-12 02-01 01-22 02-10 01-30 02-17 02-06 01-26 02-14 02-02 01-23 02-11 02-01 02-19 02-08 01-28 02-15 02-04 01-24 02-12 02-02'.split(
    ' ',
  );
/** 八月十五 (Mid-Autumn) for 2000…2060, MM-DD. */
const MID_AUTUMN =
  '09-12 10-01 09-21 09-11 09-28 09-18 10-06 09-25 09-14 10-03 09-22 09-12 09-30 09-19 09-08 09-27 09-15 10-04 09-24 09-13 10-01 09-21 09-10 09-29 09-17 10-06 09-25 09-15 10-03 09-22 09-12 10-01 09-19 09-08 09-27 09-16 10-04 09-24 09-13 10-02 09-20 09-10 09-28 09-17 10-05 09-25 09-15 10-04 09-22 09-11 09-30 09-19 09-07 09-26 09-16 10-05 09-24 09-13 10-02 09-21 09-09'.split(
    ' ',
  );

const DAY_MS = 86_400_000;
const toDay = (date: string): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
};
const fromDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

function lunarDate(table: readonly string[], year: number): string | undefined {
  const md = table[year - LUNAR_FIRST_YEAR];
  return md ? `${year}-${md}` : undefined;
}

/** 正月初一 of a Gregorian year (2000–2060), or undefined outside the table. */
export const springFestivalDate = (year: number): string | undefined => lunarDate(SPRING_FESTIVAL, year);
/** 八月十五 of a Gregorian year (2000–2060), or undefined outside the table. */
export const midAutumnDate = (year: number): string | undefined => lunarDate(MID_AUTUMN, year);

export interface Promotion {
  name: string;
  /** First and last day, inclusive, YYYY-MM-DD. */
  start: string;
  end: string;
}

/** One event day: the event, its position in the event's window, the priority when events overlap. */
export interface EventDay {
  event: string;
  offset: number;
  /** The group a user promotion is pooled with (all promotions share the prior). */
  pool: string;
}

/** Retail events with fixed windows relative to an anchor day (offsets inclusive). */
const WINDOWS: readonly {
  event: string;
  from: number;
  to: number;
  anchor: (year: number) => string | undefined;
}[] = [
  { event: 'double11', from: -3, to: 1, anchor: (y) => `${y}-11-11` },
  { event: '618', from: -3, to: 1, anchor: (y) => `${y}-06-18` },
  { event: 'double12', from: -1, to: 1, anchor: (y) => `${y}-12-12` },
  // Spring Festival: pre-holiday dip (logistics stop), the holiday week, the slow restart.
  { event: 'spring_festival_pre', from: -14, to: -1, anchor: springFestivalDate },
  { event: 'spring_festival', from: 0, to: 6, anchor: springFestivalDate },
  { event: 'spring_festival_post', from: 7, to: 15, anchor: springFestivalDate },
  { event: 'mid_autumn', from: -7, to: 0, anchor: midAutumnDate },
];

const holidays: Readonly<Record<string, string>> = holidayData.holidays;
const makeupWorkdays: Readonly<Record<string, string>> = holidayData.workdays;

/**
 * Events of every day in [first, last] (epoch days). Priority when several apply: user promotion,
 * then the retail windows in the order above, then statutory holidays, then make-up working days.
 */
export function eventCalendar(
  first: number,
  last: number,
  promotions: readonly Promotion[] = [],
): Map<number, EventDay> {
  const out = new Map<number, EventDay>();
  const put = (day: number, e: EventDay) => {
    if (day >= first && day <= last && !out.has(day)) out.set(day, e);
  };
  for (const p of promotions) {
    const s = toDay(p.start);
    const e = toDay(p.end);
    for (let d = s; d <= e; d++) put(d, { event: `promotion:${p.name}`, offset: d - s, pool: 'promotion' });
  }
  const y0 = new Date(first * DAY_MS).getUTCFullYear() - 1;
  const y1 = new Date(last * DAY_MS).getUTCFullYear() + 1;
  for (const w of WINDOWS)
    for (let y = y0; y <= y1; y++) {
      const a = w.anchor(y);
      if (!a) continue;
      const anchor = toDay(a);
      for (let o = w.from; o <= w.to; o++) put(anchor + o, { event: w.event, offset: o, pool: w.event });
    }
  for (let d = first; d <= last; d++) {
    const date = fromDay(d);
    const h = holidays[date];
    if (h && !h.startsWith('Spring Festival')) {
      const name = `holiday:${h.split(',')[0]}`;
      put(d, { event: name, offset: 0, pool: name });
    } else if (makeupWorkdays[date]) put(d, { event: 'makeup_workday', offset: 0, pool: 'makeup_workday' });
  }
  return out;
}

export interface DailyInput {
  /** Consecutive days, oldest first, YYYY-MM-DD. */
  dates: readonly string[];
  values: readonly number[];
  horizon: number;
  promotions?: readonly Promotion[];
  probabilities?: readonly number[];
}

export interface DailyForecast {
  dates: string[];
  mean: number[];
  quantiles: QuantileForecast[];
  /** The base (event-free) forecast's method. */
  method: string;
  /** Every forecast day that carries an event, with the multiplicative uplift applied. */
  events: { date: string; event: string; uplift: number }[];
}

/** Pseudo-occurrences by which an estimate is shrunk towards its prior. */
const SHRINK = 1;
const LOCAL_WEEKS = 3;

/** Replaces event days by the median of non-event days of the same weekday within ±3 weeks. */
function localBaseline(values: readonly number[], isEvent: readonly boolean[]): number[] {
  const n = values.length;
  return values.map((v, t) => {
    if (!isEvent[t]) return v;
    const near: number[] = [];
    for (let k = -LOCAL_WEEKS; k <= LOCAL_WEEKS; k++) {
      const u = t + 7 * k;
      if (k !== 0 && u >= 0 && u < n && !isEvent[u]) near.push(values[u]);
    }
    if (near.length) return median(near);
    const wide: number[] = [];
    for (let u = Math.max(0, t - 28); u < Math.min(n, t + 29); u++) if (!isEvent[u]) wide.push(values[u]);
    return wide.length ? median(wide) : v;
  });
}

/** Shrunk log-uplifts: per event (towards 0, via the pool) and per (event, offset) (towards the event). */
export function estimateUplifts(
  actual: readonly number[],
  baseline: readonly number[],
  days: readonly (EventDay | undefined)[],
): (e: EventDay) => number {
  const c = 0.5; // keeps zero days finite
  const sums = new Map<string, { s: number; n: number }>();
  const add = (key: string, v: number) => {
    const a = sums.get(key) ?? { s: 0, n: 0 };
    a.s += v;
    a.n++;
    sums.set(key, a);
  };
  days.forEach((e, t) => {
    if (!e) return;
    const r = Math.log((actual[t] + c) / (baseline[t] + c));
    add(`pool|${e.pool}`, r);
    add(`event|${e.event}`, r);
    add(`day|${e.event}|${e.offset}`, r);
  });
  const shrink = (key: string, prior: number) => {
    const a = sums.get(key);
    return a ? (a.s + SHRINK * prior) / (a.n + SHRINK) : prior;
  };
  return (e) => {
    const pool = shrink(`pool|${e.pool}`, 0);
    const event = e.event === e.pool ? pool : shrink(`event|${e.event}`, pool);
    return Math.exp(shrink(`day|${e.event}|${e.offset}`, event));
  };
}

/** Forecasts daily demand with events: a base forecast of the event-cleaned history × event uplifts. */
export function forecastDaily(input: DailyInput): DailyForecast {
  const { dates, values, horizon } = input;
  if (dates.length !== values.length || !dates.length) throw new RangeError('dates and values must match');
  const first = toDay(dates[0]);
  dates.forEach((d, t) => {
    if (toDay(d) !== first + t) throw new RangeError(`dates must be consecutive days (at ${d})`);
  });
  const last = first + dates.length - 1 + horizon;
  const calendar = eventCalendar(first, last, input.promotions);
  const past = dates.map((_, t) => calendar.get(first + t));
  const baseline = localBaseline(
    values,
    past.map((e) => e !== undefined),
  );
  const uplift = estimateUplifts(values, baseline, past);
  const probabilities = input.probabilities ?? DEFAULT_PROBABILITIES;
  const base = forecastSeries({ values: baseline, period: 7, horizon }, { probabilities });
  const futureDates: string[] = [];
  const factors: number[] = [];
  const events: DailyForecast['events'] = [];
  for (let h = 0; h < horizon; h++) {
    const day = first + dates.length + h;
    const date = fromDay(day);
    futureDates.push(date);
    const e = calendar.get(day);
    const u = e ? uplift(e) : 1;
    factors.push(u);
    if (e) events.push({ date, event: e.event, uplift: u });
  }
  return {
    dates: futureDates,
    method: base.method,
    mean: base.mean.map((v, h) => v * factors[h]),
    quantiles: base.quantiles.map((q) => ({ p: q.p, values: q.values.map((v, h) => v * factors[h]) })),
    events,
  };
}
