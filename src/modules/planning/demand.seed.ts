import { systemActor } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { businessDayOf } from '../../platform/time/calendar';
import { epochDay, plusDays } from './days';
import { ensureSeries, hasAnySeries, insertSeriesDays } from './demand.repo';
import { demoCalendar, demoHistory, demoProfile } from './demand-demo';
import type { PlanningDeps } from './planning.deps';
import { createPromotion } from './promotion.service';

export const DEMO_WAREHOUSE_CODES = ['WH-SH', 'WH-BJ', 'WH-GZ'];
/** Days of demo history: two years, so every festival has been seen twice. */
export const DEMO_HISTORY_DAYS = 730;
const PAST_PROMOTION_UPLIFT = 1.7;

/**
 * Demo demand: two years of daily sales for every active SKU in each demo warehouse that holds it
 * (about 270 series, ~150,000 rows, bulk inserts), and two promotions — one past (its
 * effect is in the history, so the forecaster learns what a promotion does) and one coming.
 * Idempotent: does nothing once any demand history exists. Returns the number of series seeded.
 */
export async function seedDemoDemand(trx: Trx, deps: PlanningDeps, now: Date): Promise<number> {
  if (await hasAnySeries(trx)) return 0;
  const warehouses = (await deps.listWarehouses(trx, null)).filter((w) =>
    DEMO_WAREHOUSE_CODES.includes(w.code),
  );
  if (!warehouses.length) return 0;
  const skus = new Map((await deps.skus(trx)).filter((s) => s.active).map((s) => [s.id, s]));
  const stock = new Map<string, number>();
  for (const w of warehouses) {
    let cursor: string | undefined;
    do {
      const page = await deps.listStock(trx, null, {
        warehouseId: w.id,
        limit: 2000,
        ...(cursor ? { cursor } : {}),
      });
      for (const r of page.items) {
        const key = `${r.skuId}|${r.warehouseId}`;
        stock.set(key, (stock.get(key) ?? 0) + r.onHand);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  const codeOf = new Map(warehouses.map((w) => [w.id, w.code]));
  const pairs = [...stock.keys()]
    .map((key) => {
      const [skuId, warehouseId] = key.split('|');
      return { skuId, warehouseId };
    })
    .filter((p) => skus.has(p.skuId))
    .sort((a, b) => (a.skuId + a.warehouseId < b.skuId + b.warehouseId ? -1 : 1));
  if (!pairs.length) return 0;

  const today = businessDayOf(now, deps.timeZone);
  const last = plusDays(today, -1);
  const past = { start: plusDays(last, -120), end: plusDays(last, -118) };
  const pastDays = new Set([0, 1, 2].map((k) => epochDay(past.start) + k));
  const extra = (day: number) => (pastDays.has(day) ? PAST_PROMOTION_UPLIFT : 1);
  const calendar = demoCalendar(last, DEMO_HISTORY_DAYS);
  const ids = await ensureSeries(trx, pairs);
  await insertSeriesDays(
    trx,
    pairs.map((p) => {
      const sku = skus.get(p.skuId)!;
      const code = codeOf.get(p.warehouseId)!;
      const profile = demoProfile(sku, code, stock.get(`${p.skuId}|${p.warehouseId}`) ?? 0);
      const h = demoHistory(profile, calendar, `${sku.code}|${code}`, extra);
      return { seriesId: ids.get(`${p.skuId}|${p.warehouseId}`)!, ...h };
    }),
  );
  const ctx = { actor: systemActor('demo'), now, warehouseScope: null };
  const common = { skuIds: null, warehouseIds: null, expectedUplift: null };
  await createPromotion(
    trx,
    {
      ...common,
      name: '春季会员日 Spring member days',
      startDay: past.start,
      endDay: past.end,
      note: 'demo',
    },
    ctx,
  );
  await createPromotion(
    trx,
    {
      ...common,
      name: '会员日 Member days',
      startDay: plusDays(today, 21),
      endDay: plusDays(today, 23),
      note: 'demo: uplift estimated from past promotions',
    },
    ctx,
  );
  return pairs.length;
}
