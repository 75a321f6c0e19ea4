/**
 * Demo demand history (pure, deterministic): about two years of daily sales for one SKU in one
 * warehouse, with a weekly pattern, a trend, a yearly season, the Chinese retail calendar (618,
 * Double 11, Double 12, Spring Festival with its pre-holiday rush and logistics shutdown,
 * Mid-Autumn), occasional stock-outs (censored days) and, for some items, intermittent or dying demand.
 */
import { midAutumnDate, springFestivalDate } from '../../solvers/forecast';
import { dateOf, epochDay, weekdayOf } from './days';

export interface DemoProfile {
  /** Mean units a day at the end of the history, before weekly and event effects. */
  rate: number;
  /** 'fresh' and 'home' ranges react differently to weekends and festivals. */
  range: 'fresh' | 'home';
  /** Growth over a year (0.2 = +20 %). */
  growth: number;
  /** Yearly season: amplitude (0–0.4) and the day of the year of the peak. */
  seasonAmplitude: number;
  seasonPeakDay: number;
  /** Intermittent demand: many days without a sale. */
  intermittent: boolean;
  /** Days before the end since when nothing sold (a dying item), or 0. */
  deadForDays: number;
}

export interface DemoHistory {
  firstDay: string;
  qty: number[];
  stockout: boolean[];
}

/** A small seeded generator (mulberry32 over an FNV-1a hash of the text). */
export function randomFor(text: string): () => number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return () => {
    h = (h + 0x6d2b79f5) | 0;
    let t = Math.imul(h ^ (h >>> 15), 1 | h);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(lambda: number, random: () => number): number {
  if (lambda <= 0) return 0;
  if (lambda > 30) {
    const u = Math.max(1e-12, random());
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
    return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z));
  }
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = random();
  while (p > limit) {
    k++;
    p *= random();
  }
  return k;
}

/** Weekday factors, Sunday first: fresh food sells at weekends, home goods on weekdays. */
const WEEK: Record<DemoProfile['range'], number[]> = {
  fresh: [1.25, 0.9, 0.9, 0.95, 1.0, 1.1, 1.3],
  home: [0.85, 1.1, 1.05, 1.0, 1.0, 0.95, 0.9],
};

/** Multiplier of the retail calendar on a day (epoch day) for a range. */
export function eventFactor(day: number, range: DemoProfile['range']): number {
  const date = dateOf(day);
  const year = Number(date.slice(0, 4));
  const md = date.slice(5);
  const home = range === 'home';
  if (md >= '11-08' && md <= '11-12') return md === '11-11' ? (home ? 5 : 2.5) : home ? 2.2 : 1.4;
  if (md >= '06-15' && md <= '06-19') return md === '06-18' ? (home ? 3.5 : 1.8) : home ? 1.8 : 1.2;
  if (md >= '12-11' && md <= '12-13') return home ? 1.6 : 1.2;
  for (const y of [year, year + 1]) {
    const sf = springFestivalDate(y);
    if (!sf) continue;
    const k = day - epochDay(sf);
    if (k >= -14 && k <= -5) return home ? 1.1 : 1.5; // New Year shopping
    if (k >= -4 && k <= -1) return 0.45; // couriers go home
    if (k >= 0 && k <= 6) return 0.3;
    if (k >= 7 && k <= 15) return 0.7;
  }
  const ma = midAutumnDate(year);
  if (ma) {
    const k = day - epochDay(ma);
    if (k >= -7 && k <= 0) return home ? 1.1 : 1.35;
  }
  return 1;
}

/** Per-day facts shared by every demo series of a window (computed once: dates are slow to build). */
export interface DemoCalendar {
  first: number;
  end: number;
  weekday: Uint8Array;
  dayOfYear: Uint16Array;
  events: Record<DemoProfile['range'], Float64Array>;
}

export function demoCalendar(last: string, days: number): DemoCalendar {
  const end = epochDay(last);
  const first = end - days + 1;
  const weekday = new Uint8Array(days);
  const dayOfYear = new Uint16Array(days);
  const events = { fresh: new Float64Array(days), home: new Float64Array(days) };
  for (let t = 0; t < days; t++) {
    const date = dateOf(first + t);
    weekday[t] = weekdayOf(date);
    dayOfYear[t] = Math.round(Number(date.slice(5, 7)) * 30.4 + Number(date.slice(8)));
    events.fresh[t] = eventFactor(first + t, 'fresh');
    events.home[t] = eventFactor(first + t, 'home');
  }
  return { first, end, weekday, dayOfYear, events };
}

/** The calendar's days of history for one SKU × warehouse. */
export function demoHistory(
  profile: DemoProfile,
  calendar: DemoCalendar,
  seed: string,
  /** Extra multiplier per day (e.g. a past promotion), by epoch day. */
  extra: (day: number) => number = () => 1,
): DemoHistory {
  const random = randomFor(seed);
  const { first, end } = calendar;
  const days = end - first + 1;
  const qty: number[] = [];
  const stockout: boolean[] = [];
  const week = WEEK[profile.range];
  const events = calendar.events[profile.range];
  let outLeft = 0;
  for (let t = 0; t < days; t++) {
    const day = first + t;
    const trend = (1 + profile.growth) ** (-(end - day) / 365);
    const season =
      1 +
      profile.seasonAmplitude *
        Math.cos((2 * Math.PI * (calendar.dayOfYear[t] - profile.seasonPeakDay)) / 365);
    const noise = Math.exp(0.18 * (random() + random() + random() - 1.5));
    let lambda = profile.rate * trend * season * week[calendar.weekday[t]] * events[t] * extra(day) * noise;
    if (profile.intermittent) lambda = random() < 0.25 ? lambda * 4 : 0;
    if (profile.deadForDays && end - day < profile.deadForDays) lambda = 0;
    let q = poisson(lambda, random);
    let out = false;
    if (outLeft > 0) {
      outLeft--;
      out = true;
    } else if (!profile.intermittent && random() < 0.006) {
      outLeft = Math.floor(random() * 3);
      out = true;
    }
    if (out) q = Math.floor(q * 0.3);
    qty.push(q);
    stockout.push(out);
  }
  return { firstDay: dateOf(first), qty, stockout };
}

/**
 * A profile for a demo SKU: the daily rate follows its opening stock (`stockQty`, the units the demo
 * warehouse holds) so some items need ordering now and some hold too much; about one in seven sells
 * intermittently and one in twenty stopped selling months ago.
 */
export function demoProfile(
  sku: { code: string; storageClass: string },
  warehouseCode: string,
  stockQty: number,
): DemoProfile {
  const random = randomFor(`${sku.code}|profile`);
  const fresh = sku.storageClass === 'chilled' || sku.storageClass === 'frozen';
  const roll = random();
  const intermittent = roll < 0.14;
  const coverDays = fresh ? 2 + random() * 14 : 8 + random() * 150;
  const wh = warehouseCode.endsWith('SH') ? 1 : warehouseCode.endsWith('BJ') ? 0.85 : 0.9;
  const rate = intermittent ? 0.1 + random() * 0.5 : Math.max(0.3, (stockQty / coverDays) * wh);
  return {
    rate,
    range: fresh ? 'fresh' : 'home',
    growth: -0.1 + random() * 0.5,
    seasonAmplitude: random() * 0.3,
    seasonPeakDay: Math.floor(random() * 365),
    intermittent,
    deadForDays: roll > 0.95 ? 90 + Math.floor(random() * 120) : 0,
  };
}
