import type { Db } from '../../platform/db';
import { inTransaction } from '../../platform/db';
import type { DeliveredEvent, OutboxHandler } from '../../platform/events';
import { enqueueJob, type JobHandler } from '../../platform/jobs';
import { newId } from '../../platform/lib/ids';
import { type OrderContact, orderContact } from '../orders';
import { deliverDue } from './notify.delivery';
import { channelSettings, templateFor } from './notify.settings';
import { CHANNELS, type DeliveryRow, notifyDb } from './notify.tables';
import { NOTIFY_TOPICS, type NotifyTopic, type Placeholders, render } from './notify.templates';

export const DELIVER_JOB = 'notifications.deliver';

/**
 * Where consumers follow an order: the public tracking page (`WAYLINE_PUBLIC_URL` is the console's
 * public address). Links sent before the page existed (`/track?no=…`) are redirected to it.
 */
export const trackingUrl = (number: string) =>
  `${(process.env.WAYLINE_PUBLIC_URL ?? 'http://localhost:3000').replace(/\/$/, '')}/portal/track?no=${encodeURIComponent(number)}`;

const STATUS_OF: Record<NotifyTopic, string> = {
  'orders.order_released': 'released',
  'orders.order_shipped': 'shipped',
  'orders.order_in_transit': 'in_transit',
  'orders.order_delivered': 'delivered',
  'orders.order_cancelled': 'cancelled',
  'orders.order_returned': 'returned',
  'orders.intercept_requested': 'intercept_requested',
  'orders.return_approved': 'return_approved',
  'orders.return_rejected': 'return_rejected',
  'orders.return_pickup_requested': 'return_pickup',
  'orders.refund_completed': 'refunded',
};

function valuesOf(topic: NotifyTopic, c: OrderContact, payload: Record<string, unknown>): Placeholders {
  return {
    orderNumber: c.number,
    consigneeName: c.consigneeName,
    promisedDate: c.promisedDate ?? '',
    carrier: String(payload.carrier ?? c.carrier ?? ''),
    waybillNo: String(payload.waybillNo ?? c.waybillNo ?? ''),
    trackingUrl: trackingUrl(c.number),
    status: STATUS_OF[topic],
    // Return events carry the RT number; order milestones have none.
    returnNumber: typeof payload.returnId === 'string' ? String(payload.number ?? '') : '',
  };
}

type NewDelivery = Omit<DeliveryRow, 'payload' | 'user_id'> & { payload: string; user_id?: string | null };

/**
 * Turn one order milestone into delivery-log rows (SMS and e-mail to the consignee, a webhook per
 * subscribed endpoint of the merchant) and queue a job that sends them. Idempotent: rows are keyed
 * by (event, channel, target), so a redelivered event inserts nothing and queues nothing.
 */
export async function planNotifications(db: Db, event: DeliveredEvent, now: Date): Promise<number> {
  const topic = event.topic as NotifyTopic;
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  const orderId = typeof payload.orderId === 'string' ? payload.orderId : null;
  if (!orderId) return 0;
  const contact = await orderContact(db, orderId);
  if (!contact) return 0;
  const values = valuesOf(topic, contact, payload);
  return inTransaction(db, async (trx) => {
    const t = notifyDb(trx);
    const settings = await channelSettings(trx);
    const base = {
      event_id: event.id,
      topic,
      order_id: contact.id,
      order_number: contact.number,
      merchant_id: contact.merchantId,
      attempts: 0,
      last_error: null,
      response_status: null,
      created_at: now,
      sent_at: null,
    };
    const rows: NewDelivery[] = [];
    for (const channel of CHANNELS) {
      const setting = settings[channel];
      const template = await templateFor(trx, topic, channel, setting.lang);
      const recipient = channel === 'sms' ? contact.phoneMasked : contact.email;
      const skip = !setting.enabled
        ? 'channel_disabled'
        : !template.enabled
          ? 'template_disabled'
          : !recipient
            ? 'no_recipient'
            : null;
      rows.push({
        ...base,
        id: newId(),
        channel,
        target: '-',
        endpoint_id: null,
        recipient_masked: recipient
          ? channel === 'email'
            ? recipient.replace(/^(.).*@/, '$1***@')
            : recipient
          : null,
        status: skip ? 'skipped' : 'pending',
        last_error: skip,
        next_attempt_at: skip ? null : now,
        payload: JSON.stringify({
          kind: 'message',
          lang: setting.lang,
          subject: render(template.subject, values),
          text: render(template.body, values),
        }),
      });
    }
    const endpoints = await t
      .selectFrom('notifications.webhook_endpoint')
      .selectAll()
      .where('merchant_id', '=', contact.merchantId)
      .where('status', '=', 'active')
      .execute();
    for (const ep of endpoints) {
      const events = Array.isArray(ep.events) ? ep.events : [];
      if (events.length && !events.includes(topic)) continue;
      const body = JSON.stringify({
        id: event.id,
        type: topic,
        createdAt: new Date(event.createdAt).toISOString(),
        data: { orderId: contact.id, merchantId: contact.merchantId, ...values },
      });
      rows.push({
        ...base,
        id: newId(),
        channel: 'webhook',
        target: ep.id,
        endpoint_id: ep.id,
        recipient_masked: ep.url.replace(/\?.*$/, ''),
        status: 'pending',
        next_attempt_at: now,
        payload: JSON.stringify({ kind: 'webhook', body }),
      });
    }
    const added = await t
      .insertInto('notifications.delivery')
      .values(rows)
      .onConflict((c) => c.columns(['event_id', 'channel', 'target']).doNothing())
      .returning(['id', 'status'])
      .execute();
    if (added.some((r) => r.status === 'pending'))
      await enqueueJob(trx, { kind: DELIVER_JOB, payload: { eventId: event.id }, now });
    return added.length;
  });
}

export const notificationsHandler: OutboxHandler = {
  name: 'notifications.order_milestones',
  topics: NOTIFY_TOPICS,
  async handle(db, event) {
    await planNotifications(db, event, new Date());
  },
};

/**
 * Sends the pending deliveries of an event; while some wait for a retry, queues itself again for
 * the earliest one (a job runs after `runAfter`, so the backoff holds across restarts).
 */
export const deliverJob: JobHandler<{ eventId?: string }> = async ({ job, db }) => {
  const now = new Date();
  const outcome = await deliverDue(db, now, { eventId: job.payload?.eventId });
  if (outcome.nextAt)
    await enqueueJob(db, { kind: DELIVER_JOB, payload: job.payload, now, runAfter: outcome.nextAt });
  return { sent: outcome.sent, failed: outcome.failed, retrying: outcome.retrying };
};
