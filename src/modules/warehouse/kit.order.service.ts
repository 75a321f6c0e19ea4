import { recordAudit } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { nextDocNumber } from '../../platform/lib/doc-number';
import { AppError, isAppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { businessDayOf } from '../../platform/time/calendar';
import { binOccupancy, consumeReserved, receive, release, reserve, STORAGE_CLASSES } from '../inventory';
import { assertWarehouse, assertWarehouseScope } from './count.scope';
import { issue, throwIssues } from './inbound.lines';
import { getKit } from './kit.service';
import { transitionKitOrder } from './kit.state';
import { type ConsumedLot, type KitOrderRow, kitDb } from './kit.tables';
import { loadSlotBins } from './putaway.slotting';
import { binAllows, roomFor } from './putaway.suggest';
import type { WhContext } from './warehouse.access';
import { unitVolumeMm3, warehouseDeps } from './warehouse.deps';

/** The source of kitting movements (`source_id` = the work order). */
export const KIT_SOURCE = 'kit_order';

export interface KitOrderInput {
  kitId: string;
  warehouseId: string;
  qty: number;
  /** Where the variants go (may be chosen at completion instead). */
  outputBinId?: string | null;
  dueDate?: string | null;
  note?: string | null;
}

export async function lockKitOrder(trx: Trx, principal: Principal | null, id: string): Promise<KitOrderRow> {
  const order = await kitDb(trx)
    .selectFrom('warehouse.kit_order')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!order) throw notFound('kit_order', id);
  assertWarehouseScope(principal, order.warehouse_id, 'kit_order', id);
  return order;
}

/**
 * Plan a kitting work order (加工单 `KO…`): checks the kit is active and the output bin (if given) is
 * the warehouse's and takes the variant, then reserves every input (generic item and components ×
 * quantity) FEFO in the warehouse under the order's number — all or nothing. Short inputs are
 * refused with 409 `warehouse.kit_components_short` naming the first SKU short.
 */
export async function createKitOrder(trx: Trx, input: KitOrderInput, ctx: WhContext): Promise<KitOrderRow> {
  await assertWarehouse(trx, ctx.principal, input.warehouseId);
  const kit = await getKit(trx, input.kitId);
  if (!kit.active) throw new AppError('conflict', 'warehouse.kit_inactive', { code: kit.code });
  if (input.outputBinId) await checkOutputBin(trx, input.warehouseId, input.outputBinId, kit.variantSkuId, 0);
  const number = await nextDocNumber(trx, 'KO', ctx.now);
  const order: KitOrderRow = {
    id: newId(),
    number,
    kit_id: kit.id,
    warehouse_id: input.warehouseId,
    merchant_id: kit.merchantId,
    variant_sku_id: kit.variantSkuId,
    status: 'planned',
    planned_qty: input.qty,
    done_qty: 0,
    output_bin_id: input.outputBinId ?? null,
    due_date: input.dueDate ?? null,
    note: input.note ?? null,
    created_by_id: ctx.actor.id,
    created_by_name: ctx.actor.name,
    created_at: ctx.now,
    started_at: null,
    completed_at: null,
    cancelled_at: null,
    cancel_reason: null,
    updated_at: ctx.now,
  };
  await kitDb(trx).insertInto('warehouse.kit_order').values(order).execute();
  await kitDb(trx)
    .insertInto('warehouse.kit_order_line')
    .values(
      kit.components.map((c) => ({
        order_id: order.id,
        line_no: c.lineNo,
        sku_id: c.skuId,
        role: c.role,
        qty_per_kit: c.qty,
        required_qty: c.qty * input.qty,
        consumed_qty: 0,
      })),
    )
    .execute();
  try {
    await reserve(
      trx,
      {
        orderRef: number,
        lines: kit.components.map((c) => ({
          skuId: c.skuId,
          qty: c.qty * input.qty,
          warehouseId: input.warehouseId,
        })),
      },
      { actor: ctx.actor, now: ctx.now },
    );
  } catch (error) {
    if (isAppError(error) && error.code === 'inventory.insufficient_stock') {
      const c = kit.components.find((x) => x.skuId === error.params.skuId);
      throw new AppError('conflict', 'warehouse.kit_components_short', {
        sku: c?.skuCode ?? String(error.params.skuId ?? '-'),
        required: error.params.requested ?? '-',
        available: error.params.available ?? 0,
      });
    }
    throw error;
  }
  await kitDb(trx)
    .insertInto('warehouse.kit_order_history')
    .values({
      order_id: order.id,
      from_status: null,
      to_status: 'planned',
      at: ctx.now,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      note: input.note ?? null,
    })
    .execute();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'create',
      entity: 'warehouse.kit_order',
      entityId: order.id,
      summary: `kit order ${number}: ${input.qty} × ${kit.variantSkuCode} (kit ${kit.code}), inputs reserved`,
      after: { kitId: kit.id, warehouseId: input.warehouseId, qty: input.qty },
      merchantId: kit.merchantId,
    },
    ctx.now,
  );
  return order;
}

/** The output bin: the warehouse's, active, allowed for the variant, with room for `qty` (0 = just the class). */
async function checkOutputBin(
  trx: Trx,
  warehouseId: string,
  binId: string,
  variantSkuId: string,
  qty: number,
) {
  const [bin] = await binOccupancy(trx, { warehouseId, binIds: [binId] });
  if (!bin) throw notFound('bin', binId);
  const sku = (await warehouseDeps().skusByIds(trx, [variantSkuId])).get(variantSkuId);
  if (!sku) throw notFound('sku', variantSkuId);
  if (bin.kind === 'dispatch') return bin;
  const [slot] = await loadSlotBins(trx, warehouseId, STORAGE_CLASSES, { binIds: [binId] });
  if (!slot || !binAllows(slot, sku.storageClass))
    throw new AppError('conflict', 'warehouse.bin_class_mismatch', {
      bin: bin.code,
      sku: sku.code,
      skuClass: sku.storageClass,
      zoneClass: bin.storageClass ?? '-',
    });
  if (qty > 0) {
    const room = roomFor(slot, { unitWeightG: sku.weightG, unitVolumeMm3: unitVolumeMm3(sku) });
    if (room < qty)
      throw new AppError('conflict', 'warehouse.bin_capacity_exceeded', { bin: bin.code, qty, room });
  }
  return bin;
}

/** Work starts on the order (planned → in_progress). */
export async function startKitOrder(trx: Trx, id: string, ctx: WhContext): Promise<KitOrderRow> {
  const order = await lockKitOrder(trx, ctx.principal, id);
  await transitionKitOrder(trx, order, 'in_progress', ctx);
  return order;
}

export interface KitCompleteInput {
  /** Kits made now (default: all that are left). */
  qty?: number;
  /** Where they go (default: the order's output bin). */
  outputBinId?: string | null;
  /** Lot of a lot-tracked variant (default: the order number and the completion's sequence). */
  lotCode?: string | null;
}

/**
 * Record kits made (partial completion allowed): the reserved inputs are consumed FEFO (`release` +
 * `kit_consume` per lot), and the variant is produced into the output bin (`kit_produce`) — its lot,
 * for a lot-tracked variant, expiring with the first-expiring input consumed. One transaction; the
 * order completes when every planned kit is made.
 */
export async function completeKitOrder(trx: Trx, id: string, input: KitCompleteInput, ctx: WhContext) {
  const order = await lockKitOrder(trx, ctx.principal, id);
  if (order.status === 'planned') await transitionKitOrder(trx, order, 'in_progress', ctx);
  if (order.status !== 'in_progress')
    throw new AppError('conflict', 'warehouse.kit_order_illegal_transition', {
      number: order.number,
      from: order.status,
      to: 'completed',
    });
  const left = Number(order.planned_qty) - Number(order.done_qty);
  const qty = input.qty ?? left;
  if (qty > left) throw new AppError('conflict', 'warehouse.kit_qty_exceeds', { qty, left });
  const binId = input.outputBinId ?? order.output_bin_id;
  if (!binId)
    throw new AppError('bad_request', 'validation_failed', {}, [
      issue('body.outputBinId', 'warehouse.kit_output_bin_required'),
    ]);
  await checkOutputBin(trx, order.warehouse_id, binId, order.variant_sku_id, 0);
  const lines = await kitDb(trx)
    .selectFrom('warehouse.kit_order_line')
    .selectAll()
    .where('order_id', '=', order.id)
    .orderBy('line_no')
    .execute();
  const consumed = await consumeReserved(
    trx,
    {
      orderRef: order.number,
      lines: lines.map((l) => ({ skuId: l.sku_id, qty: Number(l.qty_per_kit) * qty })),
      sourceType: KIT_SOURCE,
      sourceId: order.id,
      reason: `kit ${order.number}`,
    },
    { actor: ctx.actor, now: ctx.now },
  );
  // Room is checked once the inputs are out (the generic item may have left the very bin).
  await checkOutputBin(trx, order.warehouse_id, binId, order.variant_sku_id, qty);
  const variant = (await warehouseDeps().skusByIds(trx, [order.variant_sku_id])).get(order.variant_sku_id)!;
  const seq =
    (
      await kitDb(trx)
        .selectFrom('warehouse.kit_completion')
        .select('id')
        .where('order_id', '=', order.id)
        .execute()
    ).length + 1;
  const expiries = consumed
    .map((c) => c.expiryDate)
    .filter((d): d is string => !!d)
    .sort();
  if (input.lotCode && !variant.lotTracked)
    throwIssues([issue('body.lotCode', 'warehouse.lot_not_tracked', { sku: variant.code })]);
  const movement = await receive(
    trx,
    {
      type: 'kit_produce',
      skuId: order.variant_sku_id,
      binId,
      qty,
      ...(variant.lotTracked
        ? {
            lotCode: input.lotCode ?? `${order.number}-${seq}`,
            ...(expiries.length ? { expiryDate: expiries[0] } : { productionDate: businessDayOf(ctx.now) }),
          }
        : {}),
      sourceType: KIT_SOURCE,
      sourceId: order.id,
      reason: `kit ${order.number}`,
    },
    { actor: ctx.actor, now: ctx.now },
  );
  for (const l of lines)
    await kitDb(trx)
      .updateTable('warehouse.kit_order_line')
      .set({ consumed_qty: Number(l.consumed_qty) + Number(l.qty_per_kit) * qty })
      .where('order_id', '=', order.id)
      .where('line_no', '=', l.line_no)
      .execute();
  const done = Number(order.done_qty) + qty;
  await kitDb(trx)
    .updateTable('warehouse.kit_order')
    .set({ done_qty: done, updated_at: ctx.now })
    .where('id', '=', order.id)
    .execute();
  const lots: ConsumedLot[] = consumed.map((c) => ({
    skuId: c.skuId,
    binId: c.binId,
    lotId: c.lotId,
    lotCode: c.lotCode,
    qty: c.qty,
  }));
  await kitDb(trx)
    .insertInto('warehouse.kit_completion')
    .values({
      id: newId(),
      order_id: order.id,
      qty,
      bin_id: binId,
      lot_id: movement.lot_id,
      movement_id: Number(movement.id),
      consumed: JSON.stringify(lots),
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      at: ctx.now,
    })
    .execute();
  if (done === Number(order.planned_qty)) await transitionKitOrder(trx, order, 'completed', ctx);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'complete',
      entity: 'warehouse.kit_order',
      entityId: order.id,
      summary: `kit order ${order.number}: ${qty} × ${variant.code} made (${done}/${order.planned_qty})`,
      after: { qty, binId, movementId: Number(movement.id), consumed: lots },
      merchantId: order.merchant_id,
    },
    ctx.now,
  );
  return order;
}

/**
 * Close an order short (in progress, some kits made): the inputs still reserved go back to stock.
 * Cancel one with nothing made (planned or in progress): every reservation is released.
 */
export async function closeKitOrder(
  trx: Trx,
  id: string,
  mode: 'close' | 'cancel',
  reason: string,
  ctx: WhContext,
) {
  const order = await lockKitOrder(trx, ctx.principal, id);
  if (mode === 'cancel' && Number(order.done_qty) > 0)
    throw new AppError('conflict', 'warehouse.kit_order_has_output', {
      number: order.number,
      done: order.done_qty,
    });
  if (mode === 'close' && (order.status !== 'in_progress' || Number(order.done_qty) === 0))
    throw new AppError('conflict', 'warehouse.kit_order_illegal_transition', {
      number: order.number,
      from: order.status,
      to: 'completed',
    });
  await transitionKitOrder(
    trx,
    order,
    mode === 'cancel' ? 'cancelled' : 'completed',
    ctx,
    reason,
    mode === 'cancel' ? { cancel_reason: reason } : {},
  );
  const released = await release(trx, { orderRef: order.number }, { actor: ctx.actor, now: ctx.now });
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: mode,
      entity: 'warehouse.kit_order',
      entityId: order.id,
      summary: `kit order ${order.number} ${mode === 'cancel' ? 'cancelled' : 'closed short'}: ${reason}`,
      after: { releasedMovements: released.length },
      merchantId: order.merchant_id,
    },
    ctx.now,
  );
  return order;
}
