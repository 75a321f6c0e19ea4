import type { Db, Trx } from '../../platform/db';
import { maskPhone } from './contact.check';
import { ordersDb } from './order.tables';

/** What a notification about an order needs: who to tell, and what to tell them. */
export interface OrderContact {
  id: string;
  number: string;
  merchantId: string;
  status: string;
  consigneeName: string;
  /** The consignee's phone in full (for the SMS provider only; log `phoneMasked`). */
  phone: string;
  phoneMasked: string;
  /** The consignee's e-mail as given at intake (lower-cased), or null when there is none. */
  email: string | null;
  promisedDate: string | null;
  carrier: string | null;
  waybillNo: string | null;
}

/** The contact facts of one order (null when there is no such order). */
export async function orderContact(db: Db | Trx, orderId: string): Promise<OrderContact | null> {
  const o = await ordersDb(db as Db)
    .selectFrom('orders.order')
    .select([
      'id',
      'number',
      'merchant_id',
      'status',
      'consignee_name',
      'consignee_phone',
      'consignee_email',
      'promised_date',
      'carrier',
      'waybill_no',
    ])
    .where('id', '=', orderId)
    .executeTakeFirst();
  if (!o) return null;
  return {
    id: o.id,
    number: o.number,
    merchantId: o.merchant_id,
    status: o.status,
    consigneeName: o.consignee_name,
    phone: o.consignee_phone,
    phoneMasked: maskPhone(o.consignee_phone),
    email: o.consignee_email,
    promisedDate: o.promised_date === null ? null : String(o.promised_date).slice(0, 10),
    carrier: o.carrier,
    waybillNo: o.waybill_no,
  };
}
