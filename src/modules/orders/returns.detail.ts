import type { Db } from '../../platform/db';
import { maskPhone } from './contact.check';
import { type OrderScope, regionOf } from './order.query';
import { getOrderRow } from './order.repo';
import { ordersDb } from './order.tables';
import { ordersDeps, timeZoneOf } from './orders.deps';
import { accessibleReturn, returnSummary } from './returns.query';
import { deadlineOf, returnableLines } from './returns.rules';
import { returnsDb } from './returns.tables';

/** One return with everything a person needs to act on it: lines, what came back, what was done, history. */
export async function returnDetail(db: Db, id: string, scope: OrderScope) {
  const r = await accessibleReturn(db, id, scope);
  const order = await getOrderRow(db, r.order_id);
  const [lines, inspections, history, refund, shipped, replacement, warehouses] = await Promise.all([
    returnsDb(db)
      .selectFrom('orders.return_line')
      .selectAll()
      .where('return_id', '=', id)
      .orderBy('line_no')
      .execute(),
    returnsDb(db)
      .selectFrom('orders.return_inspection')
      .selectAll()
      .where('return_id', '=', id)
      .orderBy('id')
      .execute(),
    returnsDb(db)
      .selectFrom('orders.return_history')
      .selectAll()
      .where('return_id', '=', id)
      .orderBy('id')
      .execute(),
    returnsDb(db).selectFrom('orders.refund').selectAll().where('return_id', '=', id).executeTakeFirst(),
    returnableLines(db, order),
    r.replacement_order_id
      ? ordersDb(db)
          .selectFrom('orders.order')
          .select(['id', 'number', 'status'])
          .where('id', '=', r.replacement_order_id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    r.warehouse_id ? ordersDeps().listWarehouses(db, null) : Promise.resolve([]),
  ]);
  const warehouse = warehouses.find((w) => w.id === r.warehouse_id);
  return {
    ...returnSummary(r),
    reasonNote: r.reason_note,
    rejectReason: r.reject_reason,
    requestedByName: r.requested_by_name,
    window: {
      days: r.window_days,
      basisAt: r.window_basis_at.toISOString(),
      deadline: deadlineOf(r.window_basis_at, r.window_days, timeZoneOf()),
    },
    order: {
      id: order.id,
      number: order.number,
      status: order.status,
      phoneMasked: maskPhone(order.consignee_phone),
      region: regionOf(order),
      currency: order.currency,
    },
    pickup:
      r.method === 'pickup'
        ? {
            name: r.pickup_name,
            phone: r.pickup_phone,
            address: r.pickup_address,
            date: r.pickup_date,
          }
        : null,
    warehouse: warehouse
      ? { id: warehouse.id, code: warehouse.code, nameZh: warehouse.nameZh, nameEn: warehouse.nameEn }
      : null,
    carrier: r.carrier,
    waybillNo: r.waybill_no,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      skuId: l.sku_id,
      skuCode: l.sku_code,
      skuName: l.sku_name,
      storageClass: l.storage_class,
      unitPriceFen: Number(l.unit_price_fen),
      qty: l.qty,
      receivedQty: l.received_qty,
      restockQty: l.restock_qty,
      holdQty: l.hold_qty,
      scrapQty: l.scrap_qty,
      // Where the goods were picked from: the default bin and lot to put them back in.
      shippedFrom: (shipped.find((s) => s.lineNo === l.line_no)?.lots ?? []).map((s) => ({
        warehouseId: s.warehouseId,
        binId: s.binId,
        binCode: s.binCode,
        lotId: s.lotId,
        lotCode: s.lotCode,
        expiryDate: s.expiryDate,
        qty: s.qty,
      })),
    })),
    inspections: inspections.map((i) => ({
      lineNo: i.line_no,
      disposition: i.disposition,
      qty: i.qty,
      binId: i.bin_id,
      binCode: i.bin_code,
      lotId: i.lot_id,
      lotCode: i.lot_code,
      holdDocNo: i.hold_doc_no,
      at: i.at.toISOString(),
      actorName: i.actor_name,
    })),
    refund: refund
      ? {
          grossFen: Number(refund.gross_fen),
          restockingFeeFen: Number(refund.restocking_fee_fen),
          amountFen: Number(refund.amount_fen),
          currency: refund.currency,
          status: refund.status,
          reference: refund.reference,
          note: refund.note,
          createdAt: refund.created_at.toISOString(),
          createdBy: refund.created_by,
          refundedAt: refund.refunded_at?.toISOString() ?? null,
          refundedBy: refund.refunded_by,
        }
      : null,
    replacementOrder: replacement ?? null,
    history: history.map((h) => ({
      at: h.at.toISOString(),
      actorName: h.actor_name,
      action: h.action,
      fromStatus: h.from_status,
      toStatus: h.to_status,
      note: h.note,
      details: (h.details ?? null) as Record<string, unknown> | null,
    })),
  };
}

export type ReturnDetail = Awaited<ReturnType<typeof returnDetail>>;
