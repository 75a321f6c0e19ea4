import { recordAudit } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { newId } from '../../platform/lib/ids';
import { binOccupancy, pickStatsBySku } from '../inventory';
import { type AbcShares, classifyAbc, DEFAULT_ABC_SHARES } from './abc.logic';
import { assertWarehouse } from './count.scope';
import { type AbcBasis, type AbcClass, type AbcRunRow, countDb } from './count.tables';
import { skuLabel } from './inbound.lines';
import type { WhContext } from './warehouse.access';
import { warehouseDeps } from './warehouse.deps';

/** Default look-back of the classification. */
export const ABC_PERIOD_DAYS = 90;
const DAY_MS = 86_400_000;

export interface AbcComputeInput extends Partial<AbcShares> {
  warehouseId: string;
  /** Pick movements of the last `days` days (default 90). */
  days?: number;
  /** Rank by pick lines (default: what travel depends on) or by units picked (shipped volume). */
  basis?: AbcBasis;
}

/**
 * Classify the warehouse's SKUs A/B/C by pick lines (or, with `basis: 'units'`, by units picked) over
 * the last `days` (default 90) — the pick movements of the ledger — and store the result, its basis
 * and the time it was computed. SKUs in stock that were not picked are C. The latest run is the
 * warehouse's current classification.
 */
export async function computeAbc(trx: Trx, input: AbcComputeInput, ctx: WhContext): Promise<AbcRunRow> {
  await assertWarehouse(trx, ctx.principal, input.warehouseId);
  const days = input.days ?? ABC_PERIOD_DAYS;
  const basis = input.basis ?? 'lines';
  const shares = {
    aPct: input.aPct ?? DEFAULT_ABC_SHARES.aPct,
    bPct: input.bPct ?? DEFAULT_ABC_SHARES.bPct,
  };
  const from = new Date(ctx.now.getTime() - days * DAY_MS);
  const [picks, bins] = await Promise.all([
    pickStatsBySku(trx, input.warehouseId, from, ctx.now),
    binOccupancy(trx, { warehouseId: input.warehouseId }),
  ]);
  const stocked = bins.filter((b) => b.kind !== 'dispatch').flatMap((b) => b.contents.map((c) => c.skuId));
  const items = classifyAbc(picks, stocked, shares, basis);
  const run: AbcRunRow = {
    id: newId(),
    warehouse_id: input.warehouseId,
    computed_at: ctx.now,
    period_from: from,
    period_to: ctx.now,
    a_pct: shares.aPct,
    b_pct: shares.bPct,
    basis,
    skus: items.length,
    total_lines: picks.reduce((s, p) => s + p.lines, 0),
    total_units: picks.reduce((s, p) => s + p.units, 0),
    computed_by_name: ctx.actor.name,
  };
  await countDb(trx).insertInto('warehouse.abc_run').values(run).execute();
  for (let i = 0; i < items.length; i += 1000)
    await countDb(trx)
      .insertInto('warehouse.abc_item')
      .values(
        items.slice(i, i + 1000).map((it) => ({
          run_id: run.id,
          sku_id: it.skuId,
          class: it.class,
          rank: it.rank,
          lines: it.lines,
          units: it.units,
          // The cumulative of the run's basis measure (the column predates the choice of basis).
          cum_lines: it.cum,
        })),
      )
      .execute();
  const byClass = (c: AbcClass) => items.filter((i) => i.class === c).length;
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'compute_abc',
      entity: 'warehouse.abc_run',
      entityId: run.id,
      summary: `ABC by ${basis} over ${days} days: A ${byClass('A')}, B ${byClass('B')}, C ${byClass('C')} SKUs`,
      after: { warehouseId: input.warehouseId, days, basis, ...shares, skus: items.length },
    },
    ctx.now,
  );
  return run;
}

/** The warehouse's latest classification run, if any. */
export async function latestAbcRun(db: Db | Trx, warehouseId: string): Promise<AbcRunRow | null> {
  return (
    (await countDb(db)
      .selectFrom('warehouse.abc_run')
      .selectAll()
      .where('warehouse_id', '=', warehouseId)
      .orderBy('computed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()) ?? null
  );
}

export interface AbcClassification {
  run: AbcRunRow | null;
  /** Class and pick lines per SKU (absent = not classified: treat as C). */
  items: Map<string, { class: AbcClass; lines: number; units: number }>;
  /** Months covered by the run, to turn pick lines into picks per month. */
  months: number;
}

/** The current classes of the warehouse's SKUs. */
export async function abcClassesOf(db: Db | Trx, warehouseId: string): Promise<AbcClassification> {
  const run = await latestAbcRun(db, warehouseId);
  if (!run) return { run: null, items: new Map(), months: 1 };
  const rows = await countDb(db)
    .selectFrom('warehouse.abc_item')
    .select(['sku_id', 'class', 'lines', 'units'])
    .where('run_id', '=', run.id)
    .execute();
  const months = Math.max(1 / 30, (run.period_to.getTime() - run.period_from.getTime()) / (30 * DAY_MS));
  return {
    run,
    items: new Map(
      rows.map((r) => [r.sku_id, { class: r.class, lines: Number(r.lines), units: Number(r.units) }]),
    ),
    months,
  };
}

export interface AbcListQuery {
  warehouseId: string;
  class?: AbcClass;
  limit: number;
  cursor?: string;
}

/**
 * The current classification of a warehouse, ranked, with SKU labels and picks per month; shares are
 * of the run's basis measure (pick lines or units).
 */
export async function listAbc(db: Db, principal: Principal | null, query: AbcListQuery) {
  await assertWarehouse(db, principal, query.warehouseId);
  const run = await latestAbcRun(db, query.warehouseId);
  if (!run) return { run: null, counts: { A: 0, B: 0, C: 0 }, items: [], nextCursor: null };
  const counts = { A: 0, B: 0, C: 0 };
  for (const r of await countDb(db)
    .selectFrom('warehouse.abc_item')
    .select('class')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('run_id', '=', run.id)
    .groupBy('class')
    .execute())
    counts[r.class] = Number(r.n);
  let q = countDb(db).selectFrom('warehouse.abc_item').selectAll().where('run_id', '=', run.id);
  if (query.class) q = q.where('class', '=', query.class);
  if (query.cursor) q = q.where('rank', '>', Number(decodeCursor(query.cursor, 1)[0]));
  const rows = await q
    .orderBy('rank')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.rank]);
  const skus = await warehouseDeps().skusByIds(
    db,
    page.items.map((r) => r.sku_id),
  );
  const byUnits = run.basis === 'units';
  const total = Number(byUnits ? run.total_units : run.total_lines);
  const months = Math.max(1 / 30, (run.period_to.getTime() - run.period_from.getTime()) / (30 * DAY_MS));
  return {
    run: runView(run),
    counts,
    items: page.items.map((r) => ({
      skuId: r.sku_id,
      ...skuLabel(skus.get(r.sku_id), r.sku_id),
      class: r.class,
      rank: r.rank,
      pickLines: Number(r.lines),
      units: Number(r.units),
      sharePct: total ? Math.round((Number(byUnits ? r.units : r.lines) * 10_000) / total) / 100 : 0,
      cumSharePct: total ? Math.round((Number(r.cum_lines) * 10_000) / total) / 100 : 0,
      picksPerMonth: Math.round(Number(r.lines) / months),
    })),
    nextCursor: page.nextCursor,
  };
}

export const runView = (run: AbcRunRow) => ({
  id: run.id,
  warehouseId: run.warehouse_id,
  computedAt: run.computed_at.toISOString(),
  periodFrom: run.period_from.toISOString(),
  periodTo: run.period_to.toISOString(),
  aPct: run.a_pct,
  bPct: run.b_pct,
  basis: run.basis,
  skus: run.skus,
  totalPickLines: Number(run.total_lines),
  totalUnits: Number(run.total_units),
  computedByName: run.computed_by_name,
});
