import { sql } from 'kysely';
import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { notFound } from '../../platform/lib/errors';
import { binsByIds, lotsByIds } from '../inventory';
import { rulesOf } from './count.rules';
import { assertWarehouseScope, warehouseScope } from './count.scope';
import {
  type CountKind,
  type CountRow,
  type CountStatus,
  type CountTaskStatus,
  countDb,
} from './count.tables';
import { skuLabel } from './inbound.lines';
import { warehouseDeps } from './warehouse.deps';

interface CountStats {
  tasksOpen: number;
  tasksDone: number;
  linesCounted: number;
  varianceLines: number;
  approvalLines: number;
  accurateLines: number;
  netVarianceUnits: number;
  varianceValueFen: number;
}

/** Progress and variance totals of counts, by count id. */
async function statsOf(db: Db, ids: string[]): Promise<Map<string, CountStats>> {
  if (!ids.length) return new Map();
  const [lines, tasks] = await Promise.all([
    countDb(db)
      .selectFrom('warehouse.count_line')
      .select('count_id')
      .select([
        sql<number>`count(*) filter (where counted_qty is not null)`.as('counted'),
        sql<number>`count(*) filter (where counted_qty <> book_qty)`.as('variances'),
        sql<number>`count(*) filter (where needs_approval)`.as('approval'),
        sql<number>`count(*) filter (where within_tolerance)`.as('accurate'),
        sql<string>`coalesce(sum(counted_qty - book_qty), 0)`.as('net'),
        sql<string>`coalesce(sum(abs(counted_qty - book_qty) * unit_value_fen), 0)`.as('value'),
      ])
      .where('count_id', 'in', ids)
      .groupBy('count_id')
      .execute(),
    countDb(db)
      .selectFrom('warehouse.count_task')
      .select('count_id')
      .select([
        sql<number>`count(*) filter (where status in ('open', 'counting'))`.as('open'),
        sql<number>`count(*) filter (where status = 'done')`.as('done'),
      ])
      .where('count_id', 'in', ids)
      .groupBy('count_id')
      .execute(),
  ]);
  return new Map(
    ids.map((id) => {
      const l = lines.find((r) => r.count_id === id);
      const t = tasks.find((r) => r.count_id === id);
      const stats: CountStats = {
        tasksOpen: Number(t?.open ?? 0),
        tasksDone: Number(t?.done ?? 0),
        linesCounted: Number(l?.counted ?? 0),
        varianceLines: Number(l?.variances ?? 0),
        approvalLines: Number(l?.approval ?? 0),
        accurateLines: Number(l?.accurate ?? 0),
        netVarianceUnits: Number(l?.net ?? 0),
        varianceValueFen: Number(l?.value ?? 0),
      };
      return [id, stats] as const;
    }),
  );
}

const countView = (c: CountRow, stats: CountStats | undefined) => ({
  id: c.id,
  number: c.number,
  warehouseId: c.warehouse_id,
  planId: c.plan_id,
  kind: c.kind,
  status: c.status,
  bins: c.bins,
  ...rulesOf(c),
  note: c.note,
  ...stats!,
  postedMovements: c.posted_movements,
  createdByName: c.created_by_name,
  createdAt: c.created_at.toISOString(),
  startedAt: c.started_at?.toISOString() ?? null,
  submittedAt: c.submitted_at?.toISOString() ?? null,
  approvedAt: c.approved_at?.toISOString() ?? null,
  approvedByName: c.approved_by_name,
  autoApproved: !!c.approved_at && !c.approved_by_name,
  postedAt: c.posted_at?.toISOString() ?? null,
  postedByName: c.posted_by_name,
  cancelledAt: c.cancelled_at?.toISOString() ?? null,
  cancelReason: c.cancel_reason,
});
export type CountView = ReturnType<typeof countView>;

export interface CountListQuery {
  warehouseId?: string;
  status?: CountStatus;
  kind?: CountKind;
  limit: number;
  cursor?: string;
}

/** Counts, newest first, with progress and variance totals. */
export async function listCounts(db: Db, principal: Principal | null, query: CountListQuery) {
  const scope = warehouseScope(principal, query.warehouseId);
  if (scope && !scope.length) return { items: [], nextCursor: null };
  let q = countDb(db).selectFrom('warehouse.count').selectAll();
  if (scope) q = q.where('warehouse_id', 'in', scope);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2).map(String);
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', new Date(at)),
        eb.and([eb('created_at', '=', new Date(at)), eb('id', '<', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.created_at.toISOString(), r.id]);
  const stats = await statsOf(
    db,
    page.items.map((c) => c.id),
  );
  return { items: page.items.map((c) => countView(c, stats.get(c.id))), nextCursor: page.nextCursor };
}

/** One count with totals and its status history (lines are paged separately). */
export async function getCount(db: Db, principal: Principal | null, id: string) {
  const c = await countDb(db)
    .selectFrom('warehouse.count')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!c) throw notFound('count', id);
  assertWarehouseScope(principal, c.warehouse_id, 'count', id);
  const [stats, history] = await Promise.all([
    statsOf(db, [id]),
    countDb(db)
      .selectFrom('warehouse.count_history')
      .selectAll()
      .where('count_id', '=', id)
      .orderBy('id')
      .execute(),
  ]);
  return {
    ...countView(c, stats.get(id)),
    history: history.map((h) => ({
      from: h.from_status,
      to: h.to_status,
      at: h.at.toISOString(),
      actorName: h.actor_name,
      note: h.note,
    })),
  };
}

export interface CountLineQuery {
  /** Only lines whose count differs from the book. */
  variancesOnly?: boolean;
  needsApproval?: boolean;
  limit: number;
  cursor?: string;
}

/** A count's lines with book and counted quantities and the variance (for reviewers, never counters). */
export async function listCountLines(
  db: Db,
  principal: Principal | null,
  countId: string,
  query: CountLineQuery,
) {
  const c = await countDb(db)
    .selectFrom('warehouse.count')
    .select(['id', 'warehouse_id'])
    .where('id', '=', countId)
    .executeTakeFirst();
  if (!c) throw notFound('count', countId);
  assertWarehouseScope(principal, c.warehouse_id, 'count', countId);
  let q = countDb(db).selectFrom('warehouse.count_line').selectAll().where('count_id', '=', countId);
  if (query.variancesOnly) q = q.where(sql<boolean>`counted_qty <> book_qty`);
  if (query.needsApproval) q = q.where('needs_approval', '=', true);
  if (query.cursor) q = q.where('id', '>', String(decodeCursor(query.cursor, 1)[0]));
  const rows = await q
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.id]);
  const [bins, skus, lots] = await Promise.all([
    binsByIds(db, [...new Set(page.items.map((l) => l.bin_id))]),
    warehouseDeps().skusByIds(
      db,
      page.items.map((l) => l.sku_id),
    ),
    lotsByIds(
      db,
      page.items.map((l) => l.lot_id).filter((x): x is string => !!x),
    ),
  ]);
  const n = (v: number | null) => (v === null ? null : Number(v));
  return {
    items: page.items.map((l) => {
      const book = n(l.book_qty);
      const counted = n(l.counted_qty);
      const variance = book === null || counted === null ? null : counted - book;
      const value = n(l.unit_value_fen);
      return {
        id: l.id,
        binId: l.bin_id,
        binCode: bins.get(l.bin_id)?.code ?? '',
        skuId: l.sku_id,
        ...skuLabel(skus.get(l.sku_id), l.sku_id),
        lotId: l.lot_id,
        lotCode: l.lot_id ? (lots.get(l.lot_id)?.code ?? null) : null,
        abcClass: l.abc_class,
        listed: l.listed,
        rounds: l.rounds,
        firstBookQty: n(l.first_book_qty),
        firstCountedQty: n(l.first_counted_qty),
        bookQty: book,
        countedQty: counted,
        variance,
        unitValueFen: value,
        varianceValueFen: variance === null || value === null ? null : variance * value,
        withinTolerance: l.within_tolerance,
        needsApproval: l.needs_approval,
        countedAt: l.counted_at?.toISOString() ?? null,
        counterName: l.counter_name,
      };
    }),
    nextCursor: page.nextCursor,
  };
}

export interface CountTaskQuery {
  warehouseId?: string;
  countId?: string;
  status?: CountTaskStatus;
  /** Scanned bin barcode: the open task of that bin. */
  binBarcode?: string;
  limit: number;
  cursor?: string;
}

/**
 * Count tasks as a counter sees them (blind): the bin, the round and which goods the books list
 * there — never how many. Open and counting tasks by default, in bin order.
 */
export async function listCountTasks(db: Db, principal: Principal | null, query: CountTaskQuery) {
  const scope = warehouseScope(principal, query.warehouseId);
  if (scope && !scope.length) return { items: [], nextCursor: null };
  let q = countDb(db)
    .selectFrom('warehouse.count_task as t')
    .innerJoin('warehouse.count as c', 'c.id', 't.count_id')
    .selectAll('t')
    .select(['c.number as count_number', 'c.status as count_status']);
  if (scope) q = q.where('t.warehouse_id', 'in', scope);
  if (query.countId) q = q.where('t.count_id', '=', query.countId);
  q = query.status ? q.where('t.status', '=', query.status) : q.where('t.status', 'in', ['open', 'counting']);
  if (query.binBarcode !== undefined) {
    const wanted = query.binBarcode.trim();
    const ids = [...new Set((await q.execute()).map((t) => t.bin_id))];
    const bins = ids.length ? await binsByIds(db, ids) : new Map();
    const match = [...bins.values()].filter((b) => b.barcode === wanted).map((b) => b.id);
    q = q.where('t.bin_id', 'in', match.length ? match : ['00000000-0000-0000-0000-000000000000']);
  }
  if (query.cursor) {
    const [code, id] = decodeCursor(query.cursor, 2).map(String);
    q = q.where((eb) =>
      eb.or([eb('t.bin_code', '>', code), eb.and([eb('t.bin_code', '=', code), eb('t.id', '>', id)])]),
    );
  }
  const rows = await q
    .orderBy('t.bin_code')
    .orderBy('t.id')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.bin_code, r.id]);
  return { items: await blindViews(db, page.items), nextCursor: page.nextCursor };
}

async function blindViews(
  db: Db,
  tasks: Array<{
    id: string;
    count_id: string;
    count_number: string;
    warehouse_id: string;
    bin_id: string;
    bin_code: string;
    round: number;
    status: CountTaskStatus;
    counter_name: string | null;
    started_at: Date | null;
  }>,
) {
  if (!tasks.length) return [];
  const lines = await countDb(db)
    .selectFrom('warehouse.count_line')
    .select(['count_id', 'bin_id', 'sku_id', 'lot_id'])
    .where('count_id', 'in', [...new Set(tasks.map((t) => t.count_id))])
    .where(
      'bin_id',
      'in',
      tasks.map((t) => t.bin_id),
    )
    .execute();
  const [bins, skus, lots] = await Promise.all([
    binsByIds(
      db,
      tasks.map((t) => t.bin_id),
    ),
    warehouseDeps().skusByIds(
      db,
      lines.map((l) => l.sku_id),
    ),
    lotsByIds(
      db,
      lines.map((l) => l.lot_id).filter((x): x is string => !!x),
    ),
  ]);
  return tasks.map((t) => ({
    id: t.id,
    countId: t.count_id,
    countNumber: t.count_number,
    warehouseId: t.warehouse_id,
    binId: t.bin_id,
    binCode: t.bin_code,
    binBarcode: bins.get(t.bin_id)?.barcode ?? '',
    round: t.round,
    status: t.status,
    counterName: t.counter_name,
    startedAt: t.started_at?.toISOString() ?? null,
    goods: lines
      .filter((l) => l.count_id === t.count_id && l.bin_id === t.bin_id)
      .map((l) => {
        const sku = skus.get(l.sku_id);
        return {
          skuId: l.sku_id,
          ...skuLabel(sku, l.sku_id),
          skuBarcodes: sku?.barcodes ?? [],
          lotTracked: sku?.lotTracked ?? false,
          lotCode: l.lot_id ? (lots.get(l.lot_id)?.code ?? null) : null,
        };
      }),
  }));
}

/** One task, blind. */
export async function getCountTask(db: Db, principal: Principal | null, id: string) {
  const row = await countDb(db)
    .selectFrom('warehouse.count_task as t')
    .innerJoin('warehouse.count as c', 'c.id', 't.count_id')
    .selectAll('t')
    .select(['c.number as count_number'])
    .where('t.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('count_task', id);
  assertWarehouseScope(principal, row.warehouse_id, 'count_task', id);
  return (await blindViews(db, [row]))[0];
}

/** The last count of bins / SKUs (the "card" of 账卡物三一致), newest first. */
export async function listCountRecords(
  db: Db,
  principal: Principal | null,
  query: { warehouseId: string; binId?: string; skuId?: string; limit: number },
) {
  assertWarehouseScope(principal, query.warehouseId, 'warehouse', query.warehouseId);
  let q = countDb(db)
    .selectFrom('warehouse.count_record as r')
    .innerJoin('warehouse.count as c', 'c.id', 'r.count_id')
    .selectAll('r')
    .select('c.number as count_number')
    .where('r.warehouse_id', '=', query.warehouseId);
  if (query.binId) q = q.where('r.bin_id', '=', query.binId);
  if (query.skuId) q = q.where('r.sku_id', '=', query.skuId);
  const rows = await q.orderBy('r.counted_at', 'desc').limit(query.limit).execute();
  const bins = await binsByIds(db, [...new Set(rows.map((r) => r.bin_id))]);
  return rows.map((r) => ({
    binId: r.bin_id,
    binCode: bins.get(r.bin_id)?.code ?? '',
    skuId: r.sku_id,
    lotId: r.lot_id,
    countId: r.count_id,
    countNumber: r.count_number,
    bookQty: Number(r.book_qty),
    countedQty: Number(r.counted_qty),
    countedAt: r.counted_at.toISOString(),
    postedAt: r.posted_at.toISOString(),
  }));
}
