import type { Db } from '../../platform/db';
import { getOrderRow } from './order.repo';
import { ordersDb } from './order.tables';
import { ordersDeps } from './orders.deps';

/** Merchant names for display (org module), added to orders that carry `merchantId`. */
export async function withMerchantNames<T extends { merchantId: string }>(
  db: Db,
  items: T[],
): Promise<Array<T & { merchantName: string | null }>> {
  const names = items.length
    ? await ordersDeps().merchantNames(db, [...new Set(items.map((i) => i.merchantId))])
    : new Map<string, string>();
  return items.map((i) => ({ ...i, merchantName: names.get(i.merchantId) ?? null }));
}

/** The answer to an action: where the order (and any parts split off it) stands now. */
export async function actionReply(db: Db, id: string) {
  const order = await getOrderRow(db, id);
  const parts = await ordersDb(db)
    .selectFrom('orders.order')
    .select(['id', 'number', 'status'])
    .where('parent_id', '=', order.parent_id ?? order.id)
    .where('id', '<>', order.id)
    .orderBy('number')
    .execute();
  return { id: order.id, number: order.number, status: order.status, reasons: order.reason_codes, parts };
}
