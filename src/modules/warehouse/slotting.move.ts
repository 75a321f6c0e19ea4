import { recordAudit } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { AppError, notFound } from '../../platform/lib/errors';
import { binsByIds, lotsByIds, move, STORAGE_CLASSES } from '../inventory';
import { assertWarehouseScope, warehouseScope } from './count.scope';
import { countDb, type MoveTaskRow, type MoveTaskStatus } from './count.tables';
import { skuLabel } from './inbound.lines';
import { loadSlotBins } from './putaway.slotting';
import { roomFor } from './putaway.suggest';
import { RESLOT_SOURCE } from './slotting.service';
import type { WhContext } from './warehouse.access';
import { scanMatchesSku, unitVolumeMm3, warehouseDeps } from './warehouse.deps';

export interface MoveTaskQuery {
  warehouseId?: string;
  status?: MoveTaskStatus;
  limit: number;
  cursor?: string;
}

async function views(db: Db | Trx, rows: MoveTaskRow[]) {
  if (!rows.length) return [];
  const [bins, skus, lots] = await Promise.all([
    binsByIds(db, [...new Set(rows.flatMap((r) => [r.from_bin_id, r.to_bin_id]))]),
    warehouseDeps().skusByIds(
      db,
      rows.map((r) => r.sku_id),
    ),
    lotsByIds(
      db,
      rows.map((r) => r.lot_id).filter((x): x is string => !!x),
    ),
  ]);
  return rows.map((r) => {
    const sku = skus.get(r.sku_id);
    return {
      id: r.id,
      warehouseId: r.warehouse_id,
      skuId: r.sku_id,
      ...skuLabel(sku, r.sku_id),
      skuBarcodes: sku?.barcodes ?? [],
      lotId: r.lot_id,
      lotCode: r.lot_id ? (lots.get(r.lot_id)?.code ?? null) : null,
      fromBinId: r.from_bin_id,
      fromBinCode: bins.get(r.from_bin_id)?.code ?? '',
      toBinId: r.to_bin_id,
      toBinCode: bins.get(r.to_bin_id)?.code ?? '',
      qty: Number(r.qty),
      doneQty: Number(r.done_qty),
      status: r.status,
      reason: r.reason,
      abcClass: r.abc_class,
      picksPerMonth: r.picks_per_month,
      savedMPerMonth: Math.round(Number(r.saving_mm_month) / 100) / 10,
      createdByName: r.created_by_name,
      createdAt: r.created_at.toISOString(),
      doneByName: r.done_by_name,
      doneAt: r.done_at?.toISOString() ?? null,
    };
  });
}
export type MoveTaskView = Awaited<ReturnType<typeof views>>[number];

/** Re-slotting move tasks, oldest first (open ones by default). */
export async function listMoveTasks(db: Db, principal: Principal | null, query: MoveTaskQuery) {
  const scope = warehouseScope(principal, query.warehouseId);
  if (scope && !scope.length) return { items: [], nextCursor: null };
  let q = countDb(db).selectFrom('warehouse.move_task').selectAll();
  if (scope) q = q.where('warehouse_id', 'in', scope);
  q = q.where('status', '=', query.status ?? 'open');
  if (query.cursor) q = q.where('id', '>', String(decodeCursor(query.cursor, 1)[0]));
  const rows = await q
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.id]);
  return { items: await views(db, page.items), nextCursor: page.nextCursor };
}

async function lockMoveTask(trx: Trx, principal: Principal | null, id: string): Promise<MoveTaskRow> {
  const task = await countDb(trx)
    .selectFrom('warehouse.move_task')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!task) throw notFound('move_task', id);
  assertWarehouseScope(principal, task.warehouse_id, 'move_task', id);
  if (task.status !== 'open')
    throw new AppError('conflict', 'warehouse.move_task_not_open', { status: task.status });
  return task;
}

export interface MoveConfirmInput {
  fromBinBarcode: string;
  skuBarcode: string;
  toBinBarcode: string;
  /** Default: all that is left on the task. */
  qty?: number;
}

/**
 * Do a re-slot move by scanning the source bin, the goods and the target bin: a `move` movement of
 * free stock (storage class and capacity checked again), the task done when all of it moved.
 */
export async function confirmMove(trx: Trx, id: string, input: MoveConfirmInput, ctx: WhContext) {
  const task = await lockMoveTask(trx, ctx.principal, id);
  const bins = await binsByIds(trx, [task.from_bin_id, task.to_bin_id]);
  const from = bins.get(task.from_bin_id)!;
  const to = bins.get(task.to_bin_id)!;
  const sku = (await warehouseDeps().skusByIds(trx, [task.sku_id])).get(task.sku_id);
  if (!sku) throw notFound('sku', task.sku_id);
  if (input.fromBinBarcode.trim() !== from.barcode)
    throw new AppError('conflict', 'warehouse.move_wrong_bin', {
      scanned: input.fromBinBarcode,
      expected: from.code,
    });
  if (!scanMatchesSku(sku, input.skuBarcode))
    throw new AppError('conflict', 'warehouse.wrong_sku_scan', { scanned: input.skuBarcode, sku: sku.code });
  if (input.toBinBarcode.trim() !== to.barcode)
    throw new AppError('conflict', 'warehouse.move_wrong_bin', {
      scanned: input.toBinBarcode,
      expected: to.code,
    });
  const left = Number(task.qty) - Number(task.done_qty);
  const qty = input.qty ?? left;
  if (qty > left) throw new AppError('conflict', 'warehouse.putaway_qty_exceeds', { qty, left });
  const [slot] = await loadSlotBins(trx, task.warehouse_id, STORAGE_CLASSES, { binIds: [to.id] });
  const room = slot ? roomFor(slot, { unitWeightG: sku.weightG, unitVolumeMm3: unitVolumeMm3(sku) }) : 0;
  if (room < qty)
    throw new AppError('conflict', 'warehouse.bin_capacity_exceeded', { bin: to.code, qty, room });
  const movement = await move(
    trx,
    {
      skuId: task.sku_id,
      lotId: task.lot_id,
      fromBinId: from.id,
      toBinId: to.id,
      qty,
      sourceType: RESLOT_SOURCE,
      sourceId: task.id,
      reason: `re-slot ${task.reason}`,
    },
    { actor: ctx.actor, now: ctx.now, principal: ctx.principal },
  );
  const done = Number(task.done_qty) + qty;
  await countDb(trx)
    .updateTable('warehouse.move_task')
    .set({
      done_qty: done,
      status: done === Number(task.qty) ? 'done' : 'open',
      updated_at: ctx.now,
      ...(done === Number(task.qty) ? { done_by_name: ctx.actor.name, done_at: ctx.now } : {}),
    })
    .where('id', '=', task.id)
    .execute();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'move',
      entity: 'warehouse.move_task',
      entityId: task.id,
      summary: `re-slot ${qty} × ${sku.code} ${from.code} → ${to.code}`,
      after: { qty, movementId: Number(movement.id) },
      merchantId: sku.merchantId,
    },
    ctx.now,
  );
  return { movementId: Number(movement.id), task: (await views(trx, [await getMoveRow(trx, id)]))[0] };
}

const getMoveRow = (db: Db | Trx, id: string) =>
  countDb(db).selectFrom('warehouse.move_task').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** Drop an open move task (nothing moved by it stays; what moved already stays moved). */
export async function cancelMove(trx: Trx, id: string, ctx: WhContext) {
  const task = await lockMoveTask(trx, ctx.principal, id);
  await countDb(trx)
    .updateTable('warehouse.move_task')
    .set({ status: 'cancelled', updated_at: ctx.now })
    .where('id', '=', task.id)
    .execute();
  await recordAudit(
    trx,
    ctx.actor,
    { action: 'cancel', entity: 'warehouse.move_task', entityId: task.id, summary: 're-slot move cancelled' },
    ctx.now,
  );
  return (await views(trx, [await getMoveRow(trx, id)]))[0];
}
