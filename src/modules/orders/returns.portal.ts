import type { Db } from '../../platform/db';
import { businessDayOf } from '../../platform/time/calendar';
import { maskPhone } from './contact.check';
import { regionOf } from './order.query';
import type { OrderRow } from './order.tables';
import { timeZoneOf } from './orders.deps';
import { deadlineOf, RETURNABLE_ORDER, returnableLines, windowBasis } from './returns.rules';
import { getReturnSettings } from './returns.settings';
import { returnsDb } from './returns.tables';

/**
 * The consumer's side of returns (消费者退货申请): the same proof as the tracking lookup
 * (`verifyConsumer`: order number plus the last four digits of the phone, under the same limits).
 * Answers only what a consumer needs: the lines, how many units may still come back, until when,
 * and their earlier requests: returnable lines and the deadlines.
 */
export async function portalView(db: Db, order: OrderRow, now: Date) {
  const tz = timeZoneOf();
  const [settings, basis, lines, returns] = await Promise.all([
    getReturnSettings(db),
    windowBasis(db, order),
    returnableLines(db, order),
    returnsDb(db)
      .selectFrom('orders.return')
      .select(['number', 'status', 'reason', 'resolution', 'created_at', 'outcome'])
      .where('order_id', '=', order.id)
      .orderBy('created_at')
      .execute(),
  ]);
  const shipped = RETURNABLE_ORDER.has(order.status);
  return {
    orderNumber: order.number,
    orderStatus: order.status,
    phoneMasked: maskPhone(order.consignee_phone),
    region: regionOf(order),
    returnable: shipped && lines.some((l) => l.returnableQty > 0),
    today: businessDayOf(now, tz),
    deadline: shipped ? deadlineOf(basis.basisAt, settings.windowDays, tz) : null,
    defectDeadline: shipped ? deadlineOf(basis.basisAt, settings.defectWindowDays, tz) : null,
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      skuCode: l.skuCode,
      skuName: l.skuName,
      perishable: l.storageClass === 'chilled' || l.storageClass === 'frozen',
      shippedQty: l.shippedQty,
      returnableQty: shipped ? l.returnableQty : 0,
    })),
    returns: returns.map((r) => ({
      number: r.number,
      status: r.status,
      reason: r.reason,
      resolution: r.resolution,
      outcome: r.outcome,
      createdAt: r.created_at.toISOString(),
    })),
  };
}
