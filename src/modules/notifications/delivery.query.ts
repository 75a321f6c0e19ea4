import { recordAudit } from '../../platform/audit/audit';
import type { Actor, Principal } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { conflict, notFound } from '../../platform/lib/errors';
import {
  type DeliveryPayload,
  type DeliveryRecord,
  type DeliveryStatus,
  notifyDb,
  parseJson,
} from './notify.tables';

export interface DeliveryQuery {
  orderId?: string;
  orderNumber?: string;
  merchantId?: string;
  status?: DeliveryStatus;
  channel?: 'sms' | 'email' | 'webhook';
  limit: number;
  cursor?: string;
}

export const deliveryView = (r: DeliveryRecord) => {
  const payload = parseJson<DeliveryPayload>(r.payload);
  return {
    id: r.id,
    eventId: r.event_id,
    topic: r.topic,
    channel: r.channel,
    orderId: r.order_id,
    orderNumber: r.order_number,
    merchantId: r.merchant_id,
    endpointId: r.endpoint_id,
    recipient: r.recipient_masked,
    status: r.status,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? (r.next_attempt_at?.toISOString() ?? null) : null,
    lastError: r.last_error,
    responseStatus: r.response_status,
    /** The rendered message (SMS/e-mail) or the JSON document posted (webhook). */
    content: payload.kind === 'message' ? payload.text : payload.body,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at?.toISOString() ?? null,
  };
};

/** The delivery log, newest first; a merchant user sees its own merchant's rows only. */
export async function listDeliveries(db: Db, principal: Principal, q: DeliveryQuery) {
  let s = notifyDb(db).selectFrom('notifications.delivery').selectAll();
  const merchantId = principal.merchantId ?? q.merchantId;
  if (merchantId) s = s.where('merchant_id', '=', merchantId);
  if (q.orderId) s = s.where('order_id', '=', q.orderId);
  if (q.orderNumber) s = s.where('order_number', '=', q.orderNumber);
  if (q.status) s = s.where('status', '=', q.status);
  if (q.channel) s = s.where('channel', '=', q.channel);
  if (q.cursor) {
    const [at, id] = decodeCursor(q.cursor, 2);
    const when = new Date(String(at));
    s = s.where((eb) =>
      eb.or([eb('created_at', '<', when), eb.and([eb('created_at', '=', when), eb('id', '<', String(id))])]),
    );
  }
  const rows = await s
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit + 1)
    .execute();
  const page = paginate(rows, q.limit, (r) => [r.created_at.toISOString(), r.id]);
  return { items: page.items.map(deliveryView), nextCursor: page.nextCursor };
}

/** Put a failed or skipped delivery back in the queue for one more round of attempts. */
export async function retryDelivery(trx: Trx, principal: Principal, id: string, actor: Actor, now: Date) {
  const row = await notifyDb(trx)
    .selectFrom('notifications.delivery')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row || (principal.merchantId && row.merchant_id !== principal.merchantId))
    throw notFound('notification_delivery', id);
  if (row.status === 'sent' || row.status === 'pending')
    throw conflict('notifications.not_retryable', { id, status: row.status });
  const updated = await notifyDb(trx)
    .updateTable('notifications.delivery')
    .set({ status: 'pending', attempts: 0, next_attempt_at: now, last_error: null })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(
    trx,
    actor,
    {
      action: 'retry',
      entity: 'notifications.delivery',
      entityId: id,
      before: { status: row.status, attempts: row.attempts },
      merchantId: row.merchant_id,
    },
    now,
  );
  return deliveryView(updated);
}
