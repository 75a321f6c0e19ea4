import { recordAudit } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { AppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { binOccupancy, dispatchBinOf, move } from '../inventory';
import { fastMovers, loadSlotBins, slotItems } from './putaway.slotting';
import { binAllows, roomFor, suggestPutaway } from './putaway.suggest';
import { lockReceipt } from './receipt.service';
import { completeReceipt, RECEIPT_SOURCE } from './receipt.signoff';
import { assertReceiptAction, transitionReceipt } from './receipt.state';
import { canSeeDoc, type WhContext } from './warehouse.access';
import { scanMatchesSku, unitVolumeMm3, type WarehouseSku, warehouseDeps } from './warehouse.deps';
import { type PutawayTaskRow, type ScanKind, type SlotReason, whDb } from './warehouse.tables';

/**
 * A refused scan (wrong bin, wrong SKU): the route records it in its own transaction — so it
 * counts even though the putaway rolls back — then answers the error.
 */
export class WrongScan extends AppError {
  constructor(
    code: string,
    params: Record<string, unknown>,
    readonly scan: {
      warehouseId: string;
      receiptId: string;
      taskId: string;
      kind: ScanKind;
      expected: string | null;
      scanned: string;
    },
  ) {
    super('conflict', code, params);
  }
}

export interface PutawayConfirmInput {
  /** The destination bin's barcode, as scanned. */
  binBarcode: string;
  /** The goods' barcode (or SKU code), as scanned. */
  skuBarcode: string;
  /** Default: everything the task still has to put away. */
  qty?: number;
  /** Confirm a valid bin other than the suggested one (asked first, then recorded). */
  acceptDifferentBin?: boolean;
}

async function lockTask(trx: Trx, principal: Principal | null, id: string): Promise<PutawayTaskRow> {
  const task = await whDb(trx)
    .selectFrom('warehouse.putaway_task')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!task) throw notFound('putaway_task', id);
  const receipt = await whDb(trx)
    .selectFrom('warehouse.receipt')
    .select(['id', 'warehouse_id', 'merchant_id'])
    .where('id', '=', task.receipt_id)
    .executeTakeFirstOrThrow();
  if (!canSeeDoc(principal, receipt)) throw notFound('putaway_task', id);
  return task;
}

/** Units of the SKU that still fit in the bin (everything in it and on its way counted). */
async function roomInBin(trx: Trx, task: PutawayTaskRow, binId: string, sku: WarehouseSku): Promise<number> {
  const [bin] = await loadSlotBins(trx, task.warehouse_id, [sku.storageClass], {
    binIds: [binId],
    exceptTaskIds: [task.id],
  });
  if (!bin) return 0;
  return roomFor(bin, { unitWeightG: sku.weightG, unitVolumeMm3: unitVolumeMm3(sku) });
}

/**
 * Confirm a putaway by scanning (上架确认): the goods' barcode must be the task's SKU and the bin's
 * barcode the suggested bin — or, when the clerk confirms it, another active bin of the warehouse
 * that the SKU's storage class allows and that has room (recorded as a deviation). A wrong scan is
 * refused and counted. The goods move from the dock to the bin in the ledger (`putaway`).
 */
export async function confirmPutaway(
  trx: Trx,
  taskId: string,
  input: PutawayConfirmInput,
  ctx: WhContext,
): Promise<{ deviated: boolean; movementId: number; binId: string }> {
  const task = await lockTask(trx, ctx.principal, taskId);
  const receipt = await lockReceipt(trx, ctx.principal, task.receipt_id);
  if (task.status !== 'open')
    throw new AppError('conflict', 'warehouse.task_not_open', { id: task.id, status: task.status });
  assertReceiptAction(receipt, 'putaway');
  const line = await whDb(trx)
    .selectFrom('warehouse.receipt_line')
    .selectAll()
    .where('id', '=', task.receipt_line_id)
    .executeTakeFirstOrThrow();
  if (!line.inspected_at)
    throw new AppError('conflict', 'warehouse.line_not_inspected', {
      number: receipt.number,
      line: line.line_no,
    });
  const sku = (await warehouseDeps().skusByIds(trx, [task.sku_id])).get(task.sku_id);
  if (!sku) throw notFound('sku', task.sku_id);
  const left = Number(task.qty) - Number(task.done_qty);
  const qty = input.qty ?? left;
  if (qty > left) throw new AppError('conflict', 'warehouse.putaway_qty_exceeds', { qty, left });
  const scan = (kind: ScanKind, expected: string | null, scanned: string) => ({
    warehouseId: task.warehouse_id,
    receiptId: receipt.id,
    taskId: task.id,
    kind,
    expected,
    scanned,
  });

  if (!scanMatchesSku(sku, input.skuBarcode))
    throw new WrongScan(
      'warehouse.wrong_sku_scan',
      { scanned: input.skuBarcode, sku: sku.code },
      scan('sku', sku.barcodes[0] ?? sku.code, input.skuBarcode),
    );

  const [scanned] = await binOccupancy(trx, {
    warehouseId: task.warehouse_id,
    barcode: input.binBarcode.trim(),
  });
  const suggested = task.suggested_bin_id
    ? (await binOccupancy(trx, { warehouseId: task.warehouse_id, binIds: [task.suggested_bin_id] }))[0]
    : undefined;
  const expected = suggested?.barcode ?? null;
  if (!scanned)
    throw new WrongScan(
      'warehouse.wrong_bin_scan',
      { scanned: input.binBarcode, expected: suggested?.code ?? '-' },
      scan('bin', expected, input.binBarcode),
    );
  if (!binAllows(scanned, sku.storageClass))
    throw new WrongScan(
      scanned.active ? 'warehouse.bin_class_mismatch' : 'warehouse.bin_inactive',
      {
        bin: scanned.code,
        sku: sku.code,
        skuClass: sku.storageClass,
        zoneClass: scanned.storageClass ?? '-',
      },
      scan('bin', expected, input.binBarcode),
    );
  const deviated = !!suggested && scanned.id !== suggested.id;
  if (deviated && !input.acceptDifferentBin)
    throw new AppError('conflict', 'warehouse.putaway_bin_differs', {
      suggested: suggested!.code,
      scanned: scanned.code,
    });
  const room = await roomInBin(trx, task, scanned.id, sku);
  // The suggested bin's own task share is excluded from its load above, so room covers `qty` there.
  if (room < qty)
    throw new AppError('conflict', 'warehouse.bin_capacity_exceeded', { bin: scanned.code, qty, room });

  const dock = await dispatchBinOf(trx, task.warehouse_id);
  const movement = await move(
    trx,
    {
      type: 'putaway',
      skuId: task.sku_id,
      lotId: task.lot_id,
      fromBinId: dock.id,
      toBinId: scanned.id,
      qty,
      sourceType: RECEIPT_SOURCE,
      sourceId: receipt.id,
      reason: `putaway ${receipt.number}`,
    },
    { actor: ctx.actor, now: ctx.now, principal: ctx.principal },
  );
  const doneQty = Number(task.done_qty) + qty;
  await whDb(trx)
    .updateTable('warehouse.putaway_task')
    .set({ done_qty: doneQty, status: doneQty === Number(task.qty) ? 'done' : 'open', updated_at: ctx.now })
    .where('id', '=', task.id)
    .execute();
  await whDb(trx)
    .insertInto('warehouse.putaway_confirmation')
    .values({
      id: newId(),
      task_id: task.id,
      bin_id: scanned.id,
      qty,
      deviated,
      movement_id: Number(movement.id),
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      at: ctx.now,
    })
    .execute();
  await whDb(trx)
    .updateTable('warehouse.receipt_line')
    .set((eb) => ({ putaway_qty: eb('putaway_qty', '+', qty) }))
    .where('id', '=', line.id)
    .execute();
  if (receipt.status === 'inspected') await transitionReceipt(trx, receipt, 'putaway_in_progress', ctx);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'putaway',
      entity: 'warehouse.receipt',
      entityId: receipt.id,
      summary: `receipt ${receipt.number}: ${qty} × ${sku.code} → ${scanned.code}${deviated ? ` (suggested ${suggested!.code})` : ''}`,
      after: { taskId: task.id, binId: scanned.id, qty, deviated, movementId: Number(movement.id) },
      merchantId: receipt.merchant_id,
    },
    ctx.now,
  );
  const open = await whDb(trx)
    .selectFrom('warehouse.putaway_task')
    .select('id')
    .where('receipt_id', '=', receipt.id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (!open) await completeReceipt(trx, receipt, ctx);
  return { deviated, movementId: Number(movement.id), binId: scanned.id };
}

/** Record a refused scan (its own transaction: the refusal itself rolled back). */
export async function recordScanError(trx: Trx, error: WrongScan, ctx: WhContext): Promise<void> {
  await whDb(trx)
    .insertInto('warehouse.scan_error')
    .values({
      id: newId(),
      warehouse_id: error.scan.warehouseId,
      receipt_id: error.scan.receiptId,
      task_id: error.scan.taskId,
      kind: error.scan.kind,
      code: error.code,
      expected: error.scan.expected,
      scanned: error.scan.scanned.slice(0, 200),
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      at: ctx.now,
    })
    .execute();
}

/** Other bins with room for what a task still has to put away, best first (for a full or blocked bin). */
export async function alternativeBins(db: Db, principal: Principal | null, taskId: string, limit = 5) {
  const task = await whDb(db)
    .selectFrom('warehouse.putaway_task')
    .selectAll()
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (!task) throw notFound('putaway_task', taskId);
  const receipt = await whDb(db)
    .selectFrom('warehouse.receipt')
    .select(['warehouse_id', 'merchant_id'])
    .where('id', '=', task.receipt_id)
    .executeTakeFirstOrThrow();
  if (!canSeeDoc(principal, receipt)) throw notFound('putaway_task', taskId);
  const left = Number(task.qty) - Number(task.done_qty);
  if (task.status !== 'open' || left <= 0) return [];
  const skus = await warehouseDeps().skusByIds(db, [task.sku_id]);
  const sku = skus.get(task.sku_id);
  if (!sku) return [];
  const [bins, fast] = await Promise.all([
    loadSlotBins(db, task.warehouse_id, [sku.storageClass], { exceptTaskIds: [task.id] }),
    fastMovers(db, task.warehouse_id, [task.sku_id]),
  ]);
  const [item] = slotItems([{ key: task.id, skuId: task.sku_id, lotId: task.lot_id, qty: left }], skus, fast);
  const out: Array<{ binId: string; binCode: string; room: number; reason: SlotReason }> = [];
  // Other bins than the one already suggested.
  const remaining = bins.filter((b) => b.id !== task.suggested_bin_id);
  while (out.length < limit && remaining.length) {
    const plan = suggestPutaway([item], remaining);
    const first = plan.placements[0];
    if (!first) break;
    const bin = remaining.find((b) => b.id === first.binId)!;
    const room = roomFor(bin, item);
    out.push({
      binId: bin.id,
      binCode: bin.code,
      room: Number.isFinite(room) ? room : left,
      reason: first.reason,
    });
    remaining.splice(remaining.indexOf(bin), 1);
  }
  return out;
}
