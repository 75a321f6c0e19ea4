import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { binsByIds } from '../inventory';
import { skuLabel } from './inbound.lines';
import { docScopeOf } from './warehouse.access';
import { warehouseDeps } from './warehouse.deps';
import { type PutawayTaskRow, type PutawayTaskStatus, whDb } from './warehouse.tables';

export interface TaskQuery {
  warehouseId?: string;
  receiptId?: string;
  status?: PutawayTaskStatus;
  limit: number;
  cursor?: string;
}

/** Task rows → views with SKU, lot, bins, receipt number, confirmations and refused scans. */
async function viewsOf(db: Db, tasks: PutawayTaskRow[]) {
  if (!tasks.length) return [];
  const ids = tasks.map((t) => t.id);
  const [confirmations, scans, receipts, lines] = await Promise.all([
    whDb(db)
      .selectFrom('warehouse.putaway_confirmation')
      .selectAll()
      .where('task_id', 'in', ids)
      .orderBy('at')
      .execute(),
    whDb(db)
      .selectFrom('warehouse.scan_error')
      .select('task_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('task_id', 'in', ids)
      .groupBy('task_id')
      .execute(),
    whDb(db)
      .selectFrom('warehouse.receipt')
      .select(['id', 'number'])
      .where('id', 'in', [...new Set(tasks.map((t) => t.receipt_id))])
      .execute(),
    whDb(db)
      .selectFrom('warehouse.receipt_line')
      .select(['id', 'line_no', 'lot_code', 'expiry_date'])
      .where('id', 'in', [...new Set(tasks.map((t) => t.receipt_line_id))])
      .execute(),
  ]);
  const binIds = [
    ...tasks.map((t) => t.suggested_bin_id).filter((b): b is string => !!b),
    ...confirmations.map((c) => c.bin_id),
  ];
  const [bins, skus] = await Promise.all([
    binsByIds(db, [...new Set(binIds)]),
    warehouseDeps().skusByIds(
      db,
      tasks.map((t) => t.sku_id),
    ),
  ]);
  return tasks.map((t) => {
    const line = lines.find((l) => l.id === t.receipt_line_id);
    const bin = t.suggested_bin_id ? bins.get(t.suggested_bin_id) : undefined;
    const sku = skus.get(t.sku_id);
    return {
      id: t.id,
      receiptId: t.receipt_id,
      receiptNumber: receipts.find((r) => r.id === t.receipt_id)?.number ?? '',
      receiptLineId: t.receipt_line_id,
      lineNo: line?.line_no ?? 0,
      warehouseId: t.warehouse_id,
      skuId: t.sku_id,
      ...skuLabel(sku, t.sku_id),
      skuBarcodes: sku?.barcodes ?? [],
      storageClass: sku?.storageClass ?? null,
      lotId: t.lot_id,
      lotCode: line?.lot_code ?? null,
      expiryDate: line?.expiry_date ?? null,
      qty: Number(t.qty),
      doneQty: Number(t.done_qty),
      remainingQty: Number(t.qty) - Number(t.done_qty),
      suggestedBinId: t.suggested_bin_id,
      suggestedBinCode: bin?.code ?? null,
      slotReason: t.slot_reason,
      status: t.status,
      wrongScans: Number(scans.find((s) => s.task_id === t.id)?.n ?? 0),
      confirmations: confirmations
        .filter((c) => c.task_id === t.id)
        .map((c) => ({
          binId: c.bin_id,
          binCode: bins.get(c.bin_id)?.code ?? '',
          qty: Number(c.qty),
          deviated: c.deviated,
          actorName: c.actor_name,
          at: c.at.toISOString(),
        })),
      createdAt: t.created_at.toISOString(),
    };
  });
}
export type TaskView = Awaited<ReturnType<typeof viewsOf>>[number];

/** Every task of a receipt (no scope check: the caller already saw the receipt). */
export async function taskViews(db: Db, filter: { receiptId: string }) {
  const rows = await whDb(db)
    .selectFrom('warehouse.putaway_task')
    .selectAll()
    .where('receipt_id', '=', filter.receiptId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return viewsOf(db, rows);
}

export async function taskView(db: Db, id: string) {
  const rows = await whDb(db).selectFrom('warehouse.putaway_task').selectAll().where('id', '=', id).execute();
  return (await viewsOf(db, rows))[0];
}

/** Putaway tasks in the caller's warehouses (a merchant sees those of their own receipts), oldest first. */
export async function listTasks(db: Db, principal: Principal | null, query: TaskQuery) {
  const scope = docScopeOf(principal);
  if (scope.warehouseIds && !scope.warehouseIds.length) return { items: [] as TaskView[], nextCursor: null };
  let q = whDb(db).selectFrom('warehouse.putaway_task as t').selectAll('t');
  if (scope.warehouseIds) q = q.where('t.warehouse_id', 'in', scope.warehouseIds);
  if (scope.merchantId)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('warehouse.receipt as r')
          .select('r.id')
          .whereRef('r.id', '=', 't.receipt_id')
          .where('r.merchant_id', '=', scope.merchantId!),
      ),
    );
  if (query.warehouseId) q = q.where('t.warehouse_id', '=', query.warehouseId);
  if (query.receiptId) q = q.where('t.receipt_id', '=', query.receiptId);
  if (query.status) q = q.where('t.status', '=', query.status);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2).map(String);
    q = q.where((eb) =>
      eb.or([
        eb('t.created_at', '>', new Date(at)),
        eb.and([eb('t.created_at', '=', new Date(at)), eb('t.id', '>', id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('t.created_at')
    .orderBy('t.id')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.created_at.toISOString(), r.id]);
  return { items: await viewsOf(db, page.items), nextCursor: page.nextCursor };
}

export interface ScanErrorQuery {
  warehouseId?: string;
  receiptId?: string;
  taskId?: string;
  limit: number;
  cursor?: string;
}

/** Refused scans, newest first, with the total matching the filter (the error count). */
export async function listScanErrors(db: Db, principal: Principal | null, query: ScanErrorQuery) {
  const scope = docScopeOf(principal);
  if ((scope.warehouseIds && !scope.warehouseIds.length) || scope.merchantId)
    return { items: [], nextCursor: null, total: 0 };
  let q = whDb(db).selectFrom('warehouse.scan_error');
  if (scope.warehouseIds) q = q.where('warehouse_id', 'in', scope.warehouseIds);
  if (query.warehouseId) q = q.where('warehouse_id', '=', query.warehouseId);
  if (query.receiptId) q = q.where('receipt_id', '=', query.receiptId);
  if (query.taskId) q = q.where('task_id', '=', query.taskId);
  const total = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  let page = q.selectAll();
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2).map(String);
    page = page.where((eb) =>
      eb.or([eb('at', '<', new Date(at)), eb.and([eb('at', '=', new Date(at)), eb('id', '<', id)])]),
    );
  }
  const rows = await page
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const p = paginate(rows, query.limit, (r) => [r.at.toISOString(), r.id]);
  return {
    total: Number(total.n),
    nextCursor: p.nextCursor,
    items: p.items.map((r) => ({
      id: r.id,
      warehouseId: r.warehouse_id,
      receiptId: r.receipt_id,
      taskId: r.task_id,
      kind: r.kind,
      code: r.code,
      expected: r.expected,
      scanned: r.scanned,
      actorName: r.actor_name,
      at: r.at.toISOString(),
    })),
  };
}
