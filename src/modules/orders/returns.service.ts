import { recordAudit } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { publish } from '../../platform/events';
import { nextDocNumber } from '../../platform/lib/doc-number';
import { badRequest, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { businessDayOf } from '../../platform/time/calendar';
import { getOrderRow } from './order.repo';
import { recordHistory, type StateContext } from './order.state';
import type { OrderRow } from './order.tables';
import { ordersDeps, timeZoneOf } from './orders.deps';
import { lockReturn } from './returns.query';
import {
  assertReturnable,
  checkReturnRequest,
  deadlineOf,
  type ReturnRequestInput,
  returnableLines,
  windowBasis,
  windowDaysFor,
} from './returns.rules';
import { getReturnSettings } from './returns.settings';
import { transitionReturn } from './returns.state';
import { type RaisedVia, type ReturnRow, type ReturnStatus, returnsDb } from './returns.tables';

/**
 * Return authorisation (退货申请) and the customer-service steps before the goods come back:
 * request (merchant, customer service or the consumer), approve or reject, book a pickup at the
 * consignee's address or arrange a drop-off at a warehouse, cancel. Each step writes the return's
 * history, a line on the order's timeline, an outbox event and an audit row, in the caller's
 * transaction.
 */
export const RETURN_ENTITY = 'order_return';

export const RETURN_EVENTS = {
  requested: 'orders.return_requested',
  approved: 'orders.return_approved',
  rejected: 'orders.return_rejected',
  cancelled: 'orders.return_cancelled',
  pickupRequested: 'orders.return_pickup_requested',
  dropoffArranged: 'orders.return_dropoff_arranged',
  received: 'orders.return_received',
  inspected: 'orders.return_inspected',
  closed: 'orders.return_closed',
  refundRecorded: 'orders.refund_recorded',
  refundCompleted: 'orders.refund_completed',
} as const;

export interface ReturnContext extends StateContext {
  principal?: Principal | null;
}

/** The common payload of return events. */
export const eventOf = (r: ReturnRow, extra: Record<string, unknown> = {}) => ({
  returnId: r.id,
  number: r.number,
  orderId: r.order_id,
  orderNumber: r.order_number,
  merchantId: r.merchant_id,
  warehouseId: r.warehouse_id,
  ...extra,
});

export async function auditReturn(
  trx: Trx,
  r: ReturnRow,
  ctx: StateContext,
  action: string,
  summary: string,
  after: Record<string, unknown> = {},
  before: ReturnStatus | null = r.status,
): Promise<void> {
  await recordAudit(
    trx,
    ctx.actor,
    {
      action,
      entity: RETURN_ENTITY,
      entityId: r.id,
      summary: `${r.number} (${r.order_number}) ${summary}`,
      before: before ? { status: before } : null,
      after,
      merchantId: r.merchant_id,
    },
    ctx.now,
  );
}

/** Raise a return for an order (already checked to be visible to the caller). */
export async function requestReturn(
  trx: Trx,
  orderId: string,
  input: ReturnRequestInput,
  ctx: ReturnContext & { raisedVia: RaisedVia },
): Promise<ReturnRow> {
  // The order row is locked so two requests at once cannot both take the last returnable units.
  const order = await getOrderRow(trx, orderId, true);
  assertReturnable(order);
  const settings = await getReturnSettings(trx);
  const basis = await windowBasis(trx, order);
  const days = windowDaysFor(input.reason, settings);
  const tz = timeZoneOf();
  const lines = await returnableLines(trx, order);
  checkReturnRequest(
    input,
    lines,
    { days, deadline: deadlineOf(basis.basisAt, days, tz), today: businessDayOf(ctx.now, tz) },
    order,
  );
  const row: ReturnRow = {
    id: newId(),
    number: await nextDocNumber(trx, 'RT', ctx.now, tz),
    order_id: order.id,
    order_number: order.number,
    merchant_id: order.merchant_id,
    warehouse_id: order.warehouse_id,
    status: 'requested',
    reason: input.reason,
    reason_note: input.note ?? null,
    condition: input.condition,
    raised_via: ctx.raisedVia,
    resolution: input.resolution,
    method: null,
    consignee_name: order.consignee_name,
    pickup_name: null,
    pickup_phone: null,
    pickup_address: null,
    pickup_date: null,
    carrier: null,
    waybill_no: null,
    reject_reason: null,
    window_days: days,
    window_basis_at: basis.basisAt,
    outcome: null,
    replacement_order_id: null,
    requested_by_id: ctx.actor.id,
    requested_by_name: ctx.actor.name,
    created_at: ctx.now,
    updated_at: ctx.now,
    status_changed_at: ctx.now,
    version: 1,
  };
  await returnsDb(trx).insertInto('orders.return').values(row).execute();
  const chosen = input.lines.map((l) => {
    const line = lines.find((x) => x.lineNo === l.lineNo)!;
    return {
      return_id: row.id,
      line_no: l.lineNo,
      sku_id: line.skuId!,
      sku_code: line.skuCode,
      sku_name: line.skuName,
      storage_class: line.storageClass,
      unit_price_fen: line.unitPriceFen,
      qty: l.qty,
      received_qty: 0,
      restock_qty: 0,
      hold_qty: 0,
      scrap_qty: 0,
    };
  });
  await returnsDb(trx).insertInto('orders.return_line').values(chosen).execute();
  const summary = chosen.map((l) => ({ lineNo: l.line_no, skuId: l.sku_id, qty: l.qty }));
  await returnsDb(trx)
    .insertInto('orders.return_history')
    .values({
      return_id: row.id,
      at: ctx.now,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      action: 'requested',
      from_status: null,
      to_status: 'requested',
      note: input.note ?? null,
      details: JSON.stringify({ raisedVia: ctx.raisedVia, reason: input.reason, lines: summary }),
    })
    .execute();
  await recordHistory(trx, order.id, ctx, {
    action: 'return_requested',
    note: row.number,
    details: { returnNumber: row.number, reason: input.reason, lines: summary },
  });
  await publish(
    trx,
    RETURN_EVENTS.requested,
    eventOf(row, { reason: input.reason, raisedVia: ctx.raisedVia, lines: summary }),
    ctx.now,
  );
  await auditReturn(trx, row, ctx, 'create', `requested (${input.reason})`, { lines: summary }, null);
  return row;
}

export async function approveReturn(trx: Trx, id: string, note: string | null, ctx: ReturnContext) {
  const r = await lockReturn(trx, id);
  await transitionReturn(trx, r, 'approved', ctx, { action: 'approve', note });
  await recordHistory(trx, r.order_id, ctx, { action: 'return_approved', note: r.number });
  await publish(trx, RETURN_EVENTS.approved, eventOf(r), ctx.now);
  await auditReturn(trx, r, ctx, 'approve', `approved${note ? `: ${note}` : ''}`);
}

export async function rejectReturn(trx: Trx, id: string, reason: string, ctx: ReturnContext) {
  const r = await lockReturn(trx, id);
  await transitionReturn(
    trx,
    r,
    'rejected',
    ctx,
    { action: 'reject', note: reason },
    { reject_reason: reason },
  );
  await recordHistory(trx, r.order_id, ctx, { action: 'return_rejected', note: `${r.number}: ${reason}` });
  await publish(trx, RETURN_EVENTS.rejected, eventOf(r, { reason }), ctx.now);
  await auditReturn(trx, r, ctx, 'reject', `rejected: ${reason}`);
}

export async function cancelReturn(trx: Trx, id: string, reason: string, ctx: ReturnContext) {
  const r = await lockReturn(trx, id);
  await transitionReturn(trx, r, 'cancelled', ctx, { action: 'cancel', note: reason });
  await recordHistory(trx, r.order_id, ctx, { action: 'return_cancelled', note: `${r.number}: ${reason}` });
  await publish(trx, RETURN_EVENTS.cancelled, eventOf(r, { reason }), ctx.now);
  await auditReturn(trx, r, ctx, 'cancel', `cancelled: ${reason}`);
}

export type ArrangeInput =
  | {
      method: 'pickup';
      pickupDate?: string;
      address?: string;
      carrier?: string;
      waybillNo?: string;
      note?: string;
    }
  | { method: 'dropoff'; warehouseId?: string; note?: string };

/** Book the pickup at the consignee's address, or tell where to drop the goods off (approved → awaiting_goods). */
export async function arrangeReturn(trx: Trx, id: string, input: ArrangeInput, ctx: ReturnContext) {
  const r = await lockReturn(trx, id);
  const order: OrderRow = await getOrderRow(trx, r.order_id);
  if (input.method === 'pickup') {
    const today = businessDayOf(ctx.now, timeZoneOf());
    if (input.pickupDate && input.pickupDate < today)
      throw badRequest('validation_failed', {}, [
        {
          field: 'body.pickupDate',
          code: 'orders.return_pickup_past',
          message: 'orders.return_pickup_past',
          params: { today },
        },
      ]);
    const pickup = {
      method: 'pickup' as const,
      pickup_name: order.consignee_name,
      pickup_phone: order.consignee_phone,
      pickup_address: input.address?.trim() || order.address_text,
      pickup_date: input.pickupDate ?? null,
      carrier: input.carrier ?? null,
      waybill_no: input.waybillNo ?? null,
    };
    await transitionReturn(
      trx,
      r,
      'awaiting_goods',
      ctx,
      { action: 'pickup_booked', note: input.note ?? null, details: { date: pickup.pickup_date } },
      pickup,
    );
    await publish(
      trx,
      RETURN_EVENTS.pickupRequested,
      eventOf(r, {
        name: pickup.pickup_name,
        phone: pickup.pickup_phone,
        address: pickup.pickup_address,
        districtCode: order.district_code,
        date: pickup.pickup_date,
        carrier: pickup.carrier,
        waybillNo: pickup.waybill_no,
      }),
      ctx.now,
    );
    await auditReturn(trx, r, ctx, 'arrange', `pickup booked for ${pickup.pickup_date ?? 'the next round'}`);
    return;
  }
  const warehouseId = input.warehouseId ?? r.warehouse_id;
  const warehouse = (await ordersDeps().listWarehouses(trx, null)).find((w) => w.id === warehouseId);
  if (!warehouseId || !warehouse?.active) throw notFound('warehouse', warehouseId ?? '-');
  await transitionReturn(
    trx,
    r,
    'awaiting_goods',
    ctx,
    { action: 'dropoff_arranged', note: input.note ?? null, details: { warehouse: warehouse.code } },
    { method: 'dropoff', warehouse_id: warehouse.id },
  );
  await publish(
    trx,
    RETURN_EVENTS.dropoffArranged,
    eventOf({ ...r, warehouse_id: warehouse.id }, { address: warehouse.address }),
    ctx.now,
  );
  await auditReturn(trx, r, ctx, 'arrange', `drop-off at ${warehouse.code}`);
}
