import { recordAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { AppError, badRequest, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { checkPhone, maskPhone } from './contact.check';
import { ordersDb } from './order.tables';

/**
 * Customers whose orders are held for a person (fraud, repeated refusal of COD parcels, abuse),
 * by phone number — for one merchant or for everyone. Managed by customer service; orders of a
 * blocked phone go to the exception queue as `customer_blocked`.
 */
export interface BlockedCustomer {
  id: string;
  phone: string;
  phoneMasked: string;
  merchantId: string | null;
  reason: string;
  createdAt: string;
  createdBy: string;
}

const view = (r: {
  id: string;
  phone: string;
  merchant_id: string | null;
  reason: string;
  created_at: Date;
  created_by: string;
}): BlockedCustomer => ({
  id: r.id,
  phone: r.phone,
  phoneMasked: maskPhone(r.phone),
  merchantId: r.merchant_id,
  reason: r.reason,
  createdAt: r.created_at.toISOString(),
  createdBy: r.created_by,
});

export async function listBlocked(db: Db, merchantScope: string | null): Promise<BlockedCustomer[]> {
  let q = ordersDb(db).selectFrom('orders.blocked_customer').selectAll().where('active', '=', true);
  if (merchantScope) q = q.where('merchant_id', '=', merchantScope);
  return (await q.orderBy('created_at', 'desc').limit(2000).execute()).map(view);
}

export async function blockCustomer(
  trx: Trx,
  input: { phone: string; merchantId: string | null; reason: string },
  actor: Actor,
  now: Date,
): Promise<BlockedCustomer> {
  const phone = checkPhone(input.phone);
  if (phone.kind === 'invalid')
    throw badRequest('validation_failed', {}, [
      {
        field: 'body.phone',
        code: 'orders.reason.phone_invalid',
        message: 'orders.reason.phone_invalid',
        params: { phone: input.phone },
      },
    ]);
  const existing = await ordersDb(trx)
    .selectFrom('orders.blocked_customer')
    .select('id')
    .where('phone', '=', phone.normalised)
    .where('active', '=', true)
    .where((eb) =>
      input.merchantId ? eb('merchant_id', '=', input.merchantId) : eb('merchant_id', 'is', null),
    )
    .executeTakeFirst();
  if (existing) throw new AppError('conflict', 'orders.already_blocked', { phone: maskPhone(phone) });
  const row = {
    id: newId(),
    phone: phone.normalised,
    merchant_id: input.merchantId,
    reason: input.reason,
    active: true,
    created_at: now,
    created_by: actor.name,
    removed_at: null,
    removed_by: null,
  };
  await ordersDb(trx).insertInto('orders.blocked_customer').values(row).execute();
  await recordAudit(
    trx,
    actor,
    {
      action: 'create',
      entity: 'orders.blocked_customer',
      entityId: row.id,
      summary: `block ${maskPhone(phone)}: ${input.reason}`,
      after: { phone: maskPhone(phone), reason: input.reason },
      merchantId: input.merchantId,
    },
    now,
  );
  return view(row);
}

export async function unblockCustomer(
  trx: Trx,
  id: string,
  merchantScope: string | null,
  actor: Actor,
  now: Date,
): Promise<void> {
  let q = ordersDb(trx)
    .updateTable('orders.blocked_customer')
    .set({ active: false, removed_at: now, removed_by: actor.name })
    .where('id', '=', id)
    .where('active', '=', true);
  if (merchantScope) q = q.where('merchant_id', '=', merchantScope);
  const result = await q.executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw notFound('blocked_customer', id);
  await recordAudit(
    trx,
    actor,
    { action: 'delete', entity: 'orders.blocked_customer', entityId: id, summary: 'unblock' },
    now,
  );
}
