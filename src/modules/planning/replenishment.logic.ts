/**
 * What to order, how much and by when, for one SKU × warehouse (pure). The stock is projected day by
 * day from what is usable now, plus receipts on their way, minus the forecast (the mean); the
 * policy levels (policy.math.ts) decide whether and how much to order, the projection when.
 */
import { daysBetween, plusDays } from './days';
import { type PolicyLevels, type PolicyParams, policyLevels, roundOrderQty } from './policy.math';

/** 80 % central interval half-width in standard deviations (p90 − p10 = 2 · 1.2816 σ). */
const Z90 = 1.2815515655446004;
/** Events whose forecast uplift is at least this are named in the reasons. */
const NOTABLE_UPLIFT = 1.2;

export interface ForecastSlice {
  firstDay: string;
  mean: readonly number[];
  p10: readonly number[];
  p90: readonly number[];
  events: readonly { date: string; event: string; uplift: number }[];
}

export interface Receipt {
  due: string;
  qty: number;
}

export interface Reason {
  code: string;
  params: Record<string, string | number>;
}

export interface PlanInput {
  today: string;
  /** Usable stock now (available, not reserved), units. */
  available: number;
  receipts: readonly Receipt[];
  forecast: ForecastSlice;
  policy: PolicyParams;
  /** Daily forecast-error spread from the latest backtest (RMSE), if there is one. */
  backtestSd?: number | null;
  shelfLifeDays?: number | null;
  minRemainingShelfLifeDays?: number | null;
  /** Promotion names by id (forecast events are `promotion:<id>`). */
  promotionNames?: ReadonlyMap<string, string>;
}

export interface Projection {
  /** Forecast from today (the part of the stored forecast not yet in the past). */
  mean: number[];
  /** Projected stock at the end of each day from today. */
  stock: number[];
  stockoutDate: string | null;
  belowSafetyDate: string | null;
}

export interface Plan extends Projection {
  levels: PolicyLevels;
  daily: number;
  dailySd: number;
  sdSource: 'backtest' | 'quantiles';
  onOrder: number;
  position: number;
  needed: boolean;
  qty: number;
  orderBy: string;
  needBy: string;
  late: boolean;
  reasons: Reason[];
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** The forecast from `today` on (empty when the stored forecast ended before today). */
export function sliceFromToday(f: ForecastSlice, today: string) {
  const offset = Math.max(0, daysBetween(f.firstDay, today));
  return {
    mean: f.mean.slice(offset),
    p10: f.p10.slice(offset),
    p90: f.p90.slice(offset),
  };
}

/** Day-by-day stock from today: available + receipts due − forecast. */
export function projectStock(
  today: string,
  available: number,
  receipts: readonly Receipt[],
  mean: readonly number[],
  safetyStock = 0,
): Projection {
  const byDay = new Map<number, number>();
  for (const r of receipts) {
    const t = Math.max(0, daysBetween(today, r.due));
    byDay.set(t, (byDay.get(t) ?? 0) + r.qty);
  }
  let s = available;
  let stockoutDate: string | null = null;
  let belowSafetyDate: string | null = null;
  const stock = mean.map((m, t) => {
    s += (byDay.get(t) ?? 0) - m;
    if (stockoutDate === null && s < 0) stockoutDate = plusDays(today, t);
    if (belowSafetyDate === null && s < safetyStock) belowSafetyDate = plusDays(today, t);
    return round2(s);
  });
  return { mean: [...mean], stock, stockoutDate, belowSafetyDate };
}

const average = (x: readonly number[]) => (x.length ? x.reduce((a, b) => a + b, 0) / x.length : 0);

/** Notable events (promotions, retail festivals) between two days, first day of each. */
export function eventsAhead(
  f: ForecastSlice,
  from: string,
  to: string,
  promotionNames?: ReadonlyMap<string, string>,
): Reason[] {
  const seen = new Set<string>();
  const out: Reason[] = [];
  for (const e of f.events) {
    if (e.date < from || e.date > to || e.uplift < NOTABLE_UPLIFT || seen.has(e.event)) continue;
    seen.add(e.event);
    const uplift = Math.round(e.uplift * 100);
    if (e.event.startsWith('promotion:')) {
      const id = e.event.slice('promotion:'.length);
      out.push({
        code: 'promotion_ahead',
        params: { name: promotionNames?.get(id) ?? id, date: e.date, uplift },
      });
    } else out.push({ code: 'event_ahead', params: { event: e.event, date: e.date, uplift } });
  }
  return out;
}

export function planReplenishment(input: PlanInput): Plan {
  const { today, policy } = input;
  const f = sliceFromToday(input.forecast, today);
  const protection = Math.max(1, Math.ceil(policy.leadTimeDays + policy.reviewPeriodDays));
  const window = f.mean.slice(0, protection);
  const daily = average(window);
  const quantileSd = average(f.p90.slice(0, protection).map((p90, t) => (p90 - f.p10[t]) / (2 * Z90)));
  const fromBacktest = input.backtestSd !== undefined && input.backtestSd !== null;
  const dailySd = fromBacktest ? (input.backtestSd as number) : Math.max(0, quantileSd);
  const levels = policyLevels(policy, { daily, dailySd });
  const onOrder = input.receipts.reduce((s, r) => s + r.qty, 0);
  const position = input.available + onOrder;
  const projection = projectStock(today, input.available, input.receipts, f.mean, levels.safetyStock);
  const lead = Math.ceil(policy.leadTimeDays);
  const needed = daily > 0.001 && f.mean.length > 0 && position <= levels.reorderPoint;
  const reasons: Reason[] = [];

  let qty = needed ? roundOrderQty(levels.orderUpTo - position, policy.moq, policy.packSize) : 0;
  if (needed && input.shelfLifeDays) {
    const usable = Math.max(1, input.shelfLifeDays - (input.minRemainingShelfLifeDays ?? 0));
    const cap = Math.ceil(daily * usable);
    const pack = Math.max(1, policy.packSize);
    const smallest = roundOrderQty(1, policy.moq, pack);
    if (qty > cap) {
      qty = Math.max(smallest, Math.floor(cap / pack) * pack);
      reasons.push({ code: 'shelf_life_cap', params: { days: usable, cap } });
    }
  }
  const latest = projection.belowSafetyDate ? plusDays(projection.belowSafetyDate, -lead) : today;
  const late = latest < today;
  const orderBy = late ? today : latest;
  const needBy = plusDays(orderBy, lead);
  if (needed) {
    reasons.unshift({ code: 'below_reorder_point', params: { position, rop: levels.reorderPoint } });
    if (projection.stockoutDate) {
      reasons.push({
        code: 'stockout_projected',
        params: { date: projection.stockoutDate, days: daysBetween(today, projection.stockoutDate) },
      });
      if (plusDays(today, lead) > projection.stockoutDate)
        reasons.push({ code: 'arrives_after_stockout', params: { date: projection.stockoutDate } });
    }
    const until = plusDays(needBy, Math.max(policy.reviewPeriodDays, 7));
    reasons.push(...eventsAhead(input.forecast, today, until, input.promotionNames));
  }
  return {
    ...projection,
    levels,
    daily,
    dailySd,
    sdSource: fromBacktest ? 'backtest' : 'quantiles',
    onOrder,
    position,
    needed,
    qty,
    orderBy,
    needBy,
    late,
    reasons,
  };
}
