import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db';
import { epochDay } from './days';
import type { DemandPoint } from './demand-series';
import { idList, planningDb } from './planning.tables';

/** Demand history queries (planning.demand_series, planning.demand_day). */

export interface SeriesRef {
  id: number;
  skuId: string;
  warehouseId: string;
}

const BATCH = 1000;
const keyOf = (skuId: string, warehouseId: string) => `${skuId}|${warehouseId}`;

/** Series ids for SKU × warehouse pairs, created where missing. Keyed `${skuId}|${warehouseId}`. */
export async function ensureSeries(
  trx: Trx,
  pairs: ReadonlyArray<{ skuId: string; warehouseId: string }>,
): Promise<Map<string, number>> {
  const unique = new Map(pairs.map((p) => [keyOf(p.skuId, p.warehouseId), p]));
  const db = planningDb(trx);
  const values = [...unique.values()];
  for (let i = 0; i < values.length; i += BATCH) {
    await db
      .insertInto('planning.demand_series')
      .values(values.slice(i, i + BATCH).map((p) => ({ sku_id: p.skuId, warehouse_id: p.warehouseId })))
      .onConflict((oc) => oc.columns(['sku_id', 'warehouse_id']).doNothing())
      .execute();
  }
  const out = new Map<string, number>();
  const skuIds = [...new Set(values.map((p) => p.skuId))];
  for (let i = 0; i < skuIds.length; i += BATCH) {
    const rows = await db
      .selectFrom('planning.demand_series')
      .select(['id', 'sku_id', 'warehouse_id'])
      .where('sku_id', 'in', skuIds.slice(i, i + BATCH))
      .execute();
    for (const r of rows) {
      const key = keyOf(r.sku_id, r.warehouse_id);
      if (unique.has(key)) out.set(key, r.id);
    }
  }
  return out;
}

export interface DayWrite {
  seriesId: number;
  day: string;
  qty: number;
  stockout: boolean;
}

/**
 * Write days: `add` adds to what is stored (postings from shipments), `replace` overwrites (an
 * imported history is the truth for its days). Rows for the same series and day must be merged first.
 */
export async function writeDays(trx: Trx, rows: readonly DayWrite[], mode: 'add' | 'replace'): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    await planningDb(trx)
      .insertInto('planning.demand_day')
      .values(batch.map((r) => ({ series_id: r.seriesId, day: r.day, qty: r.qty, stockout: r.stockout })))
      .onConflict((oc) =>
        oc.columns(['series_id', 'day']).doUpdateSet(
          mode === 'add'
            ? {
                qty: sql`planning.demand_day.qty + excluded.qty`,
                stockout: sql`planning.demand_day.stockout or excluded.stockout`,
              }
            : { qty: sql`excluded.qty`, stockout: sql`excluded.stockout` },
        ),
      )
      .execute();
  }
}

/** Bulk insert of whole series (demo seed): zero days left out, ~40,000 rows per statement. */
export async function insertSeriesDays(
  trx: Trx,
  series: ReadonlyArray<{
    seriesId: number;
    firstDay: string;
    qty: readonly number[];
    stockout: readonly boolean[];
  }>,
): Promise<number> {
  let ids: number[] = [];
  let days: number[] = [];
  let qty: number[] = [];
  let out: boolean[] = [];
  let total = 0;
  const flush = async () => {
    if (!ids.length) return;
    await sql`
      insert into planning.demand_day (series_id, day, qty, stockout)
      select u.id, date '1970-01-01' + u.d, u.q, u.s
      from unnest(${ids}::int[], ${days}::int[], ${qty}::int[], ${out}::boolean[]) as u(id, d, q, s)
      on conflict (series_id, day) do nothing
    `.execute(trx);
    total += ids.length;
    ids = [];
    days = [];
    qty = [];
    out = [];
  };
  for (const s of series) {
    const first = epochDay(s.firstDay);
    s.qty.forEach((q, t) => {
      if (q <= 0 && !s.stockout[t]) return;
      ids.push(s.seriesId);
      days.push(first + t);
      qty.push(q);
      out.push(s.stockout[t]);
    });
    if (ids.length >= 40_000) await flush();
  }
  await flush();
  return total;
}

/** Every series, optionally only some SKUs / warehouses. */
export async function listSeriesRefs(
  db: Db,
  filter: { skuIds?: readonly string[]; warehouseIds?: readonly string[] | null } = {},
): Promise<SeriesRef[]> {
  let q = planningDb(db).selectFrom('planning.demand_series').select(['id', 'sku_id', 'warehouse_id']);
  if (filter.skuIds) q = q.where('sku_id', 'in', idList(filter.skuIds));
  if (filter.warehouseIds) q = q.where('warehouse_id', 'in', idList(filter.warehouseIds));
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, skuId: r.sku_id, warehouseId: r.warehouse_id }));
}

/** Stored days of some series within [from, to], grouped by series id. */
export async function loadDays(
  db: Db,
  seriesIds: readonly number[],
  from: string,
  to: string,
): Promise<Map<number, DemandPoint[]>> {
  const out = new Map<number, DemandPoint[]>();
  for (let i = 0; i < seriesIds.length; i += BATCH) {
    const rows = await planningDb(db)
      .selectFrom('planning.demand_day')
      .select(['series_id', 'day', 'qty', 'stockout'])
      .where('series_id', 'in', seriesIds.slice(i, i + BATCH))
      .where('day', '>=', from)
      .where('day', '<=', to)
      .orderBy('series_id')
      .orderBy('day')
      .execute();
    for (const r of rows) {
      const list = out.get(r.series_id) ?? [];
      list.push({ day: r.day, qty: r.qty, stockout: r.stockout });
      out.set(r.series_id, list);
    }
  }
  return out;
}

/** The last day with a sale, per series (for slow movers). */
export async function lastSaleDays(db: Db, seriesIds: readonly number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let i = 0; i < seriesIds.length; i += BATCH) {
    const rows = await planningDb(db)
      .selectFrom('planning.demand_day')
      .select(['series_id', (eb) => eb.fn.max('day').as('last')])
      .where('series_id', 'in', seriesIds.slice(i, i + BATCH))
      .where('qty', '>', 0)
      .groupBy('series_id')
      .execute();
    for (const r of rows) out.set(r.series_id, String(r.last));
  }
  return out;
}

/** First and last stored day and the units of the last 365 days, per series. */
export async function seriesStats(db: Db, seriesIds: readonly number[], since: string) {
  const out = new Map<number, { firstDay: string; lastDay: string; units365: number; days: number }>();
  for (let i = 0; i < seriesIds.length; i += BATCH) {
    const rows = await planningDb(db)
      .selectFrom('planning.demand_day')
      .select([
        'series_id',
        (eb) => eb.fn.min('day').as('first_day'),
        (eb) => eb.fn.max('day').as('last_day'),
        (eb) => eb.fn.count<number>('day').as('days'),
        sql<number>`coalesce(sum(qty) filter (where day >= ${since}::date), 0)::int`.as('units'),
      ])
      .where('series_id', 'in', seriesIds.slice(i, i + BATCH))
      .groupBy('series_id')
      .execute();
    for (const r of rows)
      out.set(r.series_id, {
        firstDay: String(r.first_day),
        lastDay: String(r.last_day),
        units365: Number(r.units),
        days: Number(r.days),
      });
  }
  return out;
}

export async function hasAnySeries(db: Db): Promise<boolean> {
  return !!(await planningDb(db)
    .selectFrom('planning.demand_series')
    .select('id')
    .limit(1)
    .executeTakeFirst());
}

export async function tryClaimPosting(trx: Trx, key: string, at: Date): Promise<boolean> {
  const row = await planningDb(trx)
    .insertInto('planning.demand_applied')
    .values({ key, applied_at: at })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  return !!row;
}
