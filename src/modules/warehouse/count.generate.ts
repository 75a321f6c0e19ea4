import { recordAudit } from '../../platform/audit/audit';
import type { Db, Trx } from '../../platform/db';
import { nextDocNumber } from '../../platform/lib/doc-number';
import { AppError } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { type BinOccupancy, binOccupancy } from '../inventory';
import { abcClassesOf } from './abc.service';
import type { CountRules } from './count.rules';
import { type CountKind, type CountRow, countDb } from './count.tables';
import type { WhContext } from './warehouse.access';

/** Statuses of a count that still holds its bins (a bin is in at most one of them). */
export const OPEN_COUNT_STATUSES = ['planned', 'counting', 'submitted', 'recount', 'approved'] as const;

export interface NewCount {
  warehouseId: string;
  kind: CountKind;
  planId?: string | null;
  /** The bins to count (storage bins of the warehouse; the dispatch point is never counted). */
  binIds: readonly string[];
  rules: CountRules;
  note?: string | null;
}

/** Bins of the warehouse that are in a count not yet posted or cancelled. */
export async function binsInOpenCounts(db: Db | Trx, warehouseId: string): Promise<Set<string>> {
  const rows = await countDb(db)
    .selectFrom('warehouse.count_task as t')
    .innerJoin('warehouse.count as c', 'c.id', 't.count_id')
    .select('t.bin_id')
    .distinct()
    .where('c.warehouse_id', '=', warehouseId)
    .where('c.status', 'in', [...OPEN_COUNT_STATUSES])
    .execute();
  return new Set(rows.map((r) => r.bin_id));
}

/** Declared unit values (fen) of the SKUs, for valuing variances. */
export async function unitValuesOf(db: Db | Trx, skuIds: readonly string[]): Promise<Map<string, number>> {
  const unique = [...new Set(skuIds)];
  const out = new Map<string, number>();
  for (let i = 0; i < unique.length; i += 1000) {
    const rows = await countDb(db)
      .selectFrom('warehouse.sku_value')
      .select(['sku_id', 'unit_value_fen'])
      .where('sku_id', 'in', unique.slice(i, i + 1000))
      .execute();
    for (const r of rows) out.set(r.sku_id, Number(r.unit_value_fen));
  }
  return out;
}

/**
 * Create a count (盘点单 `CC…`) of `binIds`: one blind task per bin and a line per bin × SKU × lot the
 * books list there now (the counter never sees their quantities), with each SKU's ABC class and
 * declared value — all with multi-row inserts, so a full count of thousands of bins is a few
 * statements. A bin already in an open count is refused (409 `warehouse.bin_in_open_count`).
 */
export async function createCount(trx: Trx, input: NewCount, ctx: WhContext): Promise<CountRow> {
  const ids = [...new Set(input.binIds)];
  if (!ids.length) throw new AppError('conflict', 'warehouse.count_nothing_due');
  const bins = await binOccupancy(trx, { warehouseId: input.warehouseId, binIds: ids });
  const found = new Map(bins.map((b) => [b.id, b]));
  const missing = ids.find((id) => !found.get(id) || found.get(id)!.kind === 'dispatch');
  if (missing) throw new AppError('not_found', 'not_found', { entity: 'bin', id: missing });
  const busy = await binsInOpenCounts(trx, input.warehouseId);
  const taken = bins.find((b) => busy.has(b.id));
  if (taken) throw new AppError('conflict', 'warehouse.bin_in_open_count', { bin: taken.code });

  const count: CountRow = {
    id: newId(),
    number: await nextDocNumber(trx, 'CC', ctx.now),
    warehouse_id: input.warehouseId,
    plan_id: input.planId ?? null,
    kind: input.kind,
    status: 'planned',
    tolerance_pct: input.rules.tolerancePct,
    tolerance_qty: input.rules.toleranceQty,
    approval_pct: input.rules.approvalPct,
    approval_value_fen: input.rules.approvalValueFen,
    max_recounts: input.rules.maxRecounts,
    note: input.note ?? null,
    bins: bins.length,
    posted_movements: 0,
    created_by_id: ctx.actor.id,
    created_by_name: ctx.actor.name,
    created_at: ctx.now,
    started_at: null,
    submitted_at: null,
    approved_at: null,
    approved_by_name: null,
    posted_at: null,
    posted_by_name: null,
    cancelled_at: null,
    cancel_reason: null,
    updated_at: ctx.now,
  };
  await countDb(trx).insertInto('warehouse.count').values(count).execute();
  await countDb(trx)
    .insertInto('warehouse.count_history')
    .values({
      count_id: count.id,
      from_status: null,
      to_status: 'planned',
      at: ctx.now,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      note: input.note ?? null,
    })
    .execute();
  await insertTasks(trx, count, bins, 1, ctx.now);
  await insertListedLines(trx, count, bins);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'create',
      entity: 'warehouse.count',
      entityId: count.id,
      summary: `count ${count.number} (${count.kind}): ${bins.length} bins`,
      after: { warehouseId: count.warehouse_id, kind: count.kind, planId: count.plan_id, bins: bins.length },
    },
    ctx.now,
  );
  return count;
}

/** One task per bin for `round`, in bin-code order (multi-row inserts). */
export async function insertTasks(
  trx: Trx,
  count: Pick<CountRow, 'id' | 'warehouse_id'>,
  bins: ReadonlyArray<Pick<BinOccupancy, 'id' | 'code'>>,
  round: number,
  now: Date,
): Promise<void> {
  const sorted = [...bins].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (let i = 0; i < sorted.length; i += 1000)
    await countDb(trx)
      .insertInto('warehouse.count_task')
      .values(
        sorted.slice(i, i + 1000).map((b) => ({
          id: newId(),
          count_id: count.id,
          warehouse_id: count.warehouse_id,
          bin_id: b.id,
          bin_code: b.code,
          round,
          status: 'open' as const,
          counter_id: null,
          counter_name: null,
          started_at: null,
          submitted_at: null,
          position: null,
          created_at: now,
        })),
      )
      .execute();
}

async function insertListedLines(trx: Trx, count: CountRow, bins: BinOccupancy[]): Promise<void> {
  const contents = bins.flatMap((b) => b.contents.map((c) => ({ binId: b.id, ...c })));
  if (!contents.length) return;
  const [abc, values] = await Promise.all([
    abcClassesOf(trx, count.warehouse_id),
    unitValuesOf(
      trx,
      contents.map((c) => c.skuId),
    ),
  ]);
  for (let i = 0; i < contents.length; i += 1000)
    await countDb(trx)
      .insertInto('warehouse.count_line')
      .values(
        contents.slice(i, i + 1000).map((c) => ({
          id: newId(),
          count_id: count.id,
          bin_id: c.binId,
          sku_id: c.skuId,
          lot_id: c.lotId,
          abc_class: abc.run ? (abc.items.get(c.skuId)?.class ?? 'C') : null,
          listed: true,
          rounds: 0,
          first_book_qty: null,
          first_counted_qty: null,
          book_qty: null,
          counted_qty: null,
          unit_value_fen: values.get(c.skuId) ?? null,
          within_tolerance: null,
          needs_approval: false,
          counted_at: null,
          counter_name: null,
        })),
      )
      .execute();
}
