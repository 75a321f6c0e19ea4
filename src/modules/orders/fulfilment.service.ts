import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit';
import type { Trx } from '../../platform/db';
import { publish } from '../../platform/events';
import { AppError } from '../../platform/lib/errors';
import { businessDayOf } from '../../platform/time/calendar';
import { ORDER_ENTITY } from './order.intake';
import { allocationsOf, getOrderRow } from './order.repo';
import { recordHistory, type StateContext, transition } from './order.state';
import type { OrderRow } from './order.tables';
import { ordersDb } from './order.tables';
import { ordersDeps, timeZoneOf } from './orders.deps';

/**
 * What the warehouse (and later transport) tells the order desk: picks, packing, shipping, the
 * parcel's journey. Each call moves the order through the state machine in the caller's
 * transaction and, where goods move, posts the ledger movement through the inventory module from
 * the bins that were reserved — never from anywhere else.
 */

export interface PickReport {
  orderId: string;
  skuId: string;
  binId: string;
  lotId?: string | null;
  qty: number;
}

/** A pick of reserved stock to the dispatch point; the first pick starts picking (released → picking). */
export async function recordPick(trx: Trx, input: PickReport, ctx: StateContext): Promise<void> {
  const order = await getOrderRow(trx, input.orderId, true);
  if (order.status !== 'released' && order.status !== 'picking')
    throw new AppError('conflict', 'orders.illegal_transition', {
      number: order.number,
      from: order.status,
      to: 'picking',
      allowed: '-',
    });
  const row = (await allocationsOf(trx, order.id)).find(
    (a) => a.sku_id === input.skuId && a.bin_id === input.binId && a.lot_id === (input.lotId ?? null),
  );
  if (!row || row.qty - row.picked_qty < input.qty)
    throw new AppError('conflict', 'orders.pick_not_allocated', {
      number: order.number,
      bin: row?.bin_code ?? input.binId,
      requested: input.qty,
      open: row ? row.qty - row.picked_qty : 0,
    });
  await ordersDeps().pick(
    trx,
    {
      orderRef: order.number,
      skuId: input.skuId,
      binId: input.binId,
      lotId: input.lotId ?? null,
      qty: input.qty,
    },
    ctx,
  );
  await sql`update orders.allocation set picked_qty = picked_qty + ${input.qty} where id = ${row.id}`.execute(
    trx,
  );
  if (order.status === 'released') await transition(trx, order, 'picking', ctx, { action: 'pick_started' });
  await recordHistory(trx, order.id, ctx, {
    action: 'pick',
    details: { bin: row.bin_code, lot: row.lot_code, qty: input.qty, skuId: input.skuId },
  });
}

/** Pick everything still open exactly as allocated (a WMS that reports whole orders). */
export async function pickAllocated(trx: Trx, orderId: string, ctx: StateContext): Promise<void> {
  for (const a of await allocationsOf(trx, orderId))
    if (a.qty > a.picked_qty)
      await recordPick(
        trx,
        { orderId, skuId: a.sku_id, binId: a.bin_id, lotId: a.lot_id, qty: a.qty - a.picked_qty },
        ctx,
      );
}

/** Packed (picking → packed): only when every allocated unit was picked. */
export async function markPacked(
  trx: Trx,
  orderId: string,
  ctx: StateContext,
  note?: string | null,
): Promise<void> {
  const order = await getOrderRow(trx, orderId, true);
  const open = (await allocationsOf(trx, orderId)).reduce((s, a) => s + a.qty - a.picked_qty, 0);
  if (order.status === 'picking' && open > 0)
    throw new AppError('conflict', 'orders.not_fully_picked', { number: order.number, open });
  await transition(trx, order, 'packed', ctx, { action: 'pack', note });
}

export const ORDER_SHIPPED = 'orders.order_shipped';

export interface OrderShippedLine {
  skuId: string;
  warehouseId: string;
  qty: number;
}

/** Payload of `orders.order_shipped`: the parcel, and what left on which business day. */
export interface OrderShippedEvent {
  orderId: string;
  number: string;
  warehouseId: string | null;
  carrier: string | null;
  waybillNo: string | null;
  /** Business day of the shipment (YYYY-MM-DD in the business time zone). */
  day: string;
  lines: OrderShippedLine[];
}

/** Shipped (packed → shipped): the picked goods leave the dispatch point and the books. */
export async function markShipped(
  trx: Trx,
  orderId: string,
  ctx: StateContext,
  parcel: { carrier?: string | null; waybillNo?: string | null } = {},
): Promise<void> {
  const order = await getOrderRow(trx, orderId, true);
  await transition(
    trx,
    order,
    'shipped',
    ctx,
    { action: 'ship', details: { carrier: parcel.carrier ?? null, waybillNo: parcel.waybillNo ?? null } },
    { carrier: parcel.carrier ?? null, waybill_no: parcel.waybillNo ?? null },
  );
  await ordersDeps().ship(trx, { orderRef: order.number }, ctx);
  // What left, per SKU and warehouse, on which business day: demand history is kept from this.
  const shipped = new Map<string, OrderShippedLine>();
  for (const a of await allocationsOf(trx, orderId)) {
    if (a.picked_qty <= 0) continue;
    const key = `${a.sku_id}|${a.warehouse_id}`;
    const line = shipped.get(key) ?? { skuId: a.sku_id, warehouseId: a.warehouse_id, qty: 0 };
    line.qty += a.picked_qty;
    shipped.set(key, line);
  }
  const event: OrderShippedEvent = {
    orderId,
    number: order.number,
    warehouseId: order.warehouse_id,
    carrier: parcel.carrier ?? null,
    waybillNo: parcel.waybillNo ?? null,
    day: businessDayOf(ctx.now, timeZoneOf()),
    lines: [...shipped.values()],
  };
  await publish(trx, ORDER_SHIPPED, event, ctx.now);
}

/** In transit / delivered / returned: reported by the carrier or transport. */
export async function markJourney(
  trx: Trx,
  orderId: string,
  to: 'in_transit' | 'delivered' | 'returned',
  ctx: StateContext,
  note?: string | null,
): Promise<void> {
  const order = await getOrderRow(trx, orderId, true);
  await transition(trx, order, to, ctx, { action: to, note });
  await publish(trx, `orders.order_${to}`, { orderId, number: order.number }, ctx.now);
}

export type CancelOutcome =
  | { outcome: 'cancelled'; putBack: Array<{ skuId: string; binCode: string; qty: number }> }
  | { outcome: 'intercept_requested' };

/**
 * Cancel. Before shipping: reservations are released (what was already picked stays reserved at
 * the dispatch point and is listed for putting back). After shipping it cannot be undone here: an
 * intercept request (拦截) goes to the carrier, and the order becomes `returned` when the parcel is
 * back. A delivered order is a return, not a cancellation.
 */
export async function cancelOrder(
  trx: Trx,
  orderId: string,
  reason: string,
  ctx: StateContext,
): Promise<CancelOutcome> {
  const order = await getOrderRow(trx, orderId, true);
  if (order.status === 'shipped' || order.status === 'in_transit') {
    if (order.intercept_requested_at)
      throw new AppError('conflict', 'orders.intercept_already_requested', { number: order.number });
    await ordersDb(trx)
      .updateTable('orders.order')
      .set({ intercept_requested_at: ctx.now, updated_at: ctx.now })
      .where('id', '=', orderId)
      .execute();
    await recordHistory(trx, orderId, ctx, { action: 'intercept_requested', note: reason });
    await publish(
      trx,
      'orders.intercept_requested',
      { orderId, number: order.number, carrier: order.carrier, waybillNo: order.waybill_no, reason },
      ctx.now,
    );
    await audit(trx, order, ctx, 'intercept', reason);
    return { outcome: 'intercept_requested' };
  }
  if (order.status === 'delivered' || order.status === 'returned' || order.status === 'cancelled')
    throw new AppError('conflict', 'orders.not_cancellable', { number: order.number, status: order.status });
  const allocations = await allocationsOf(trx, orderId);
  if (allocations.length) await ordersDeps().release(trx, { orderRef: order.number }, ctx);
  const putBack = allocations
    .filter((a) => a.picked_qty > 0)
    .map((a) => ({ skuId: a.sku_id, binCode: a.bin_code, qty: a.picked_qty }));
  await ordersDb(trx)
    .deleteFrom('orders.allocation')
    .where('order_id', '=', orderId)
    .where('picked_qty', '=', 0)
    .execute();
  await sql`update orders.allocation set qty = picked_qty where order_id = ${orderId}`.execute(trx);
  await transition(trx, order, 'cancelled', ctx, {
    action: 'cancel',
    note: reason,
    details: putBack.length ? { putBack } : null,
  });
  await publish(
    trx,
    'orders.order_cancelled',
    { orderId, number: order.number, warehouseId: order.warehouse_id, putBack },
    ctx.now,
  );
  await audit(trx, order, ctx, 'cancel', reason);
  return { outcome: 'cancelled', putBack };
}

async function audit(trx: Trx, order: OrderRow, ctx: StateContext, action: string, reason: string) {
  await recordAudit(
    trx,
    ctx.actor,
    {
      action,
      entity: ORDER_ENTITY,
      entityId: order.id,
      summary: `${order.number} ${action}: ${reason}`,
      before: { status: order.status },
      merchantId: order.merchant_id,
    },
    ctx.now,
  );
}
