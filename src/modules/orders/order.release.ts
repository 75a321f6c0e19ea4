import { recordAudit } from '../../platform/audit/audit';
import type { Trx } from '../../platform/db';
import { publish } from '../../platform/events';
import { ORDER_ENTITY } from './order.intake';
import { allocationsOf, getOrderRow, linesOf } from './order.repo';
import { type StateContext, transition } from './order.state';

/** Topic of the hand-off to the warehouse: an allocated order becomes work for its warehouse. */
export const ORDER_RELEASED = 'orders.order_released';

export interface OrderReleasedEvent {
  orderId: string;
  number: string;
  merchantId: string;
  warehouseId: string;
  serviceType: string;
  promisedDate: string | null;
  deliveryWindow: { from: string; to: string } | null;
  lines: Array<{ skuId: string; skuCode: string; qty: number }>;
  /** Where the stock is reserved: pick exactly these bins and lots. */
  allocations: Array<{
    skuId: string;
    binId: string;
    binCode: string;
    lotId: string | null;
    lotCode: string | null;
    qty: number;
  }>;
}

/**
 * 下发仓库: the order leaves the order desk for its warehouse (allocated → released). The warehouse
 * learns it from the `orders.order_released` event (at least once, through the outbox) and then
 * reports picking, packing and shipping back through the functions in fulfilment.service.ts.
 */
export async function releaseToWarehouse(
  trx: Trx,
  orderId: string,
  ctx: StateContext,
): Promise<OrderReleasedEvent> {
  const order = await getOrderRow(trx, orderId, true);
  await transition(trx, order, 'released', ctx, { action: 'release_to_warehouse' });
  const [lines, allocations] = await Promise.all([linesOf(trx, orderId), allocationsOf(trx, orderId)]);
  const event: OrderReleasedEvent = {
    orderId,
    number: order.number,
    merchantId: order.merchant_id,
    warehouseId: order.warehouse_id!,
    serviceType: order.service_type,
    promisedDate: order.promised_date,
    deliveryWindow:
      order.window_from && order.window_to
        ? { from: order.window_from.toISOString(), to: order.window_to.toISOString() }
        : null,
    lines: lines.map((l) => ({ skuId: l.sku_id!, skuCode: l.sku_code, qty: l.qty })),
    allocations: allocations.map((a) => ({
      skuId: a.sku_id,
      binId: a.bin_id,
      binCode: a.bin_code,
      lotId: a.lot_id,
      lotCode: a.lot_code,
      qty: a.qty - a.picked_qty,
    })),
  };
  await publish(trx, ORDER_RELEASED, event, ctx.now);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'release',
      entity: ORDER_ENTITY,
      entityId: orderId,
      summary: `${order.number} released to warehouse`,
      merchantId: order.merchant_id,
    },
    ctx.now,
  );
  return event;
}
