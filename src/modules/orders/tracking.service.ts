import type { Db } from '../../platform/db';
import { inTransaction } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import { maskPhone } from './contact.check';
import { regionOf } from './order.query';
import { type OrderRow, type OrderStatus, ordersDb } from './order.tables';

/**
 * The consumer's tracking lookup (R-CS-2, 004 §4.3): order number plus the last four digits of the
 * consignee's phone. It answers the journey and nothing personal beyond a masked phone and the
 * district. Lookups are counted per address and per order number so the four digits cannot be
 * guessed: 30 lookups per 10 minutes from one address, 5 wrong digits per hour for one order.
 */
export const PUBLIC_STAGES = [
  'received',
  'preparing',
  'shipped',
  'in_transit',
  'delivered',
  'cancelled',
  'returned',
] as const;
export type PublicStage = (typeof PUBLIC_STAGES)[number];

const STAGE: Record<OrderStatus, PublicStage> = {
  created: 'received',
  exception: 'received',
  validated: 'received',
  allocated: 'preparing',
  released: 'preparing',
  picking: 'preparing',
  packed: 'preparing',
  shipped: 'shipped',
  in_transit: 'in_transit',
  delivered: 'delivered',
  cancelled: 'cancelled',
  returned: 'returned',
};

export const TRACKING_LIMITS = {
  perIp: 30,
  ipWindowMs: 10 * 60_000,
  failuresPerOrder: 5,
  orderWindowMs: 60 * 60_000,
};

export interface TrackingView {
  number: string;
  stage: PublicStage;
  phoneMasked: string;
  region: string | null;
  promisedDate: string | null;
  carrier: string | null;
  waybillNo: string | null;
  timeline: Array<{ at: string; stage: PublicStage }>;
  parts: Array<Omit<TrackingView, 'parts' | 'phoneMasked'>>;
}

async function timelineOf(db: Db, order: OrderRow) {
  const rows = await ordersDb(db)
    .selectFrom('orders.order_history')
    .select(['at', 'to_status'])
    .where('order_id', '=', order.id)
    .where('to_status', 'is not', null)
    .orderBy('id')
    .execute();
  const timeline: Array<{ at: string; stage: PublicStage }> = [];
  for (const r of rows) {
    const stage = STAGE[r.to_status as OrderStatus];
    if (timeline[timeline.length - 1]?.stage !== stage) timeline.push({ at: r.at.toISOString(), stage });
  }
  return {
    number: order.number,
    stage: STAGE[order.status],
    region: regionOf(order),
    promisedDate: order.promised_date,
    carrier: order.carrier,
    waybillNo: order.waybill_no,
    timeline,
  };
}

/**
 * The consumer's proof (order number + the last four digits of the consignee's phone), counted in
 * the attempt table and limited per address and per order. One answer for "no such order" and
 * "wrong digits": the lookup tells nothing about others' orders. Tracking and the returns portal
 * both go through here, so neither is a way around the other's limits.
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

export async function trackOrder(
  db: Db,
  input: { number: string; phoneLast4: string; ip: string },
  now: Date,
): Promise<TrackingView> {
  const order = await verifyConsumer(db, input, now);
  const o = ordersDb(db);
  const parts = order.parent_id
    ? []
    : ((await o
        .selectFrom('orders.order')
        .selectAll()
        .where('parent_id', '=', order.id)
        .orderBy('number')
        .execute()) as OrderRow[]);
  return {
    ...(await timelineOf(db, order)),
    phoneMasked: maskPhone(order.consignee_phone),
    parts: await Promise.all(parts.map((p) => timelineOf(db, p))),
  };
}
