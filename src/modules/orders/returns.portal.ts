import type { Db } from '../../platform/db';
import { inTransaction } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import { businessDayOf } from '../../platform/time/calendar';
import { maskPhone } from './contact.check';
import { regionOf } from './order.query';
import { type OrderRow, ordersDb } from './order.tables';
import { timeZoneOf } from './orders.deps';
import { deadlineOf, RETURNABLE_ORDER, returnableLines, windowBasis } from './returns.rules';
import { getReturnSettings } from './returns.settings';
import { returnsDb } from './returns.tables';
import { TRACKING_LIMITS } from './tracking.service';

/**
 * The consumer's side of returns (消费者退货申请): the same proof as the tracking lookup — order
 * number plus the last four digits of the consignee's phone — counted in the same attempt table and
 * under the same limits, so the portal is no way around them. Answers only what a consumer needs:
 * the lines, how many units may still come back, until when, and their earlier requests.
 */
export async function verifyConsumer(
  db: Db,
  input: { number: string; phoneLast4: string; ip: string },
  now: Date,
): Promise<OrderRow> {
  const number = input.number.trim().toUpperCase();
  const o = ordersDb(db);
  const since = (ms: number) => new Date(now.getTime() - ms);
  const [byIp, failures] = await Promise.all([
    o
      .selectFrom('orders.tracking_attempt')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip', '=', input.ip)
      .where('at', '>', since(TRACKING_LIMITS.ipWindowMs))
      .executeTakeFirstOrThrow(),
    o
      .selectFrom('orders.tracking_attempt')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('number', '=', number)
      .where('ok', '=', false)
      .where('at', '>', since(TRACKING_LIMITS.orderWindowMs))
      .executeTakeFirstOrThrow(),
  ]);
  if (Number(byIp.n) >= TRACKING_LIMITS.perIp || Number(failures.n) >= TRACKING_LIMITS.failuresPerOrder)
    throw new AppError('rate_limited', 'orders.tracking_rate_limited');
  const order = (await o
    .selectFrom('orders.order')
    .selectAll()
    .where('number', '=', number)
    .executeTakeFirst()) as OrderRow | undefined;
  const ok = !!order && order.phone_last4 === input.phoneLast4;
  await inTransaction(db, async (trx) => {
    await ordersDb(trx)
      .insertInto('orders.tracking_attempt')
      .values({ at: now, ip: input.ip, number, ok })
      .execute();
    await ordersDb(trx)
      .deleteFrom('orders.tracking_attempt')
      .where('ip', '=', input.ip)
      .where('at', '<', since(86_400_000))
      .execute();
  });
  if (!order || !ok) throw new AppError('not_found', 'orders.tracking_not_found');
  return order;
}

/** What the consumer sees before asking: returnable lines, the deadlines, earlier requests. */
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
