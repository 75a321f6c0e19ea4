import { createHmac } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db';
import { orderContact } from '../orders';
import { staffContact } from '../org';
import { currentEmailProvider, currentSmsProvider } from './notify.providers';
import { type DeliveryPayload, type DeliveryRecord, notifyDb, parseJson } from './notify.tables';
import { postWebhook } from './webhook.guard';

export interface RetryPolicy {
  /** Attempts before a delivery is marked failed. */
  maxAttempts: number;
  /** Delay after the first failure; doubles each attempt, capped at `maxMs`. */
  baseMs: number;
  maxMs: number;
  /** Consecutive failed attempts after which a webhook endpoint is disabled. */
  disableAfter: number;
  /** A claimed row is ours this long (a crashed worker's row comes back after it). */
  leaseMs: number;
  timeoutMs: number;
}

export const DEFAULT_POLICY: RetryPolicy = {
  maxAttempts: 6,
  baseMs: 30_000,
  maxMs: 3_600_000,
  disableAfter: 20,
  leaseMs: 120_000,
  timeoutMs: 10_000,
};

export const backoff = (attempt: number, p: RetryPolicy): number =>
  Math.min(p.maxMs, p.baseMs * 2 ** Math.max(0, attempt - 1));

/** The signature header: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`. */
export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  const v1 = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
  return `t=${t},v1=${v1}`;
}

export interface DeliverOutcome {
  claimed: number;
  sent: number;
  failed: number;
  retrying: number;
  /** The earliest retry still pending among the claimed rows' event (for a follow-up job). */
  nextAt: Date | null;
}

class SendError extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

async function send(db: Db, row: DeliveryRecord, policy: RetryPolicy, now: Date): Promise<number | null> {
  const payload = parseJson<DeliveryPayload>(row.payload);
  if (row.channel === 'webhook') {
    if (payload.kind !== 'webhook') throw new SendError('bad payload');
    const endpoint = await notifyDb(db)
      .selectFrom('notifications.webhook_endpoint')
      .selectAll()
      .where('id', '=', row.endpoint_id!)
      .executeTakeFirst();
    if (endpoint?.status !== 'active') throw new SendError('endpoint_disabled');
    let status: number;
    try {
      status = await postWebhook(
        endpoint.url,
        {
          'content-type': 'application/json',
          'user-agent': 'Wayline-Webhooks/1',
          'wayline-event-id': row.event_id,
          'wayline-event': row.topic,
          'wayline-signature': signWebhook(endpoint.secret, payload.body, now),
        },
        payload.body,
        policy.timeoutMs,
      );
    } catch (error) {
      throw new SendError((error as Error).message ?? String(error));
    }
    if (status < 200 || status >= 300) throw new SendError(`HTTP ${status}`, status);
    return status;
  }
  if (payload.kind !== 'message') throw new SendError('bad payload');
  if (row.user_id) {
    const staff = await staffContact(db, row.user_id);
    const email = currentEmailProvider();
    if (!email || !staff?.email) throw new SendError('email_not_configured');
    await email.send({ to: staff.email, subject: payload.subject, text: payload.text });
    return null;
  }
  const contact = row.order_id ? await orderContact(db, row.order_id) : null;
  if (!contact) throw new SendError('order_not_found');
  if (row.channel === 'sms') {
    await currentSmsProvider().send({ to: contact.phone, toMasked: contact.phoneMasked, text: payload.text });
    return null;
  }
  const email = currentEmailProvider();
  if (!email || !contact.email) throw new SendError('email_not_configured');
  await email.send({ to: contact.email, subject: payload.subject, text: payload.text });
  return null;
}

/**
 * Attempt the due pending deliveries (of one event, or all): each row is claimed atomically
 * (attempts + 1, leased) so two workers never send it twice at once; the network is called
 * outside any transaction. A failure is retried with exponential backoff until `maxAttempts`,
 * then marked failed; webhook failures count against the endpoint, which is disabled after
 * `disableAfter` consecutive ones.
 */
export async function deliverDue(
  db: Db,
  now: Date,
  options: { eventId?: string; ids?: string[]; limit?: number; policy?: RetryPolicy } = {},
): Promise<DeliverOutcome> {
  const policy = options.policy ?? DEFAULT_POLICY;
  const lease = new Date(now.getTime() + policy.leaseMs);
  const byEvent = options.eventId ? sql`and event_id = ${options.eventId}` : sql``;
  const byIds = options.ids?.length ? sql`and id in (${sql.join(options.ids)})` : sql``;
  const { rows } = await sql<DeliveryRecord>`
    with due as (
      select id from notifications.delivery
      where status = 'pending' and next_attempt_at <= ${now} ${byEvent} ${byIds}
      order by next_attempt_at, id
      limit ${options.limit ?? 100}
      for update skip locked
    )
    update notifications.delivery d
    set attempts = d.attempts + 1, next_attempt_at = ${lease}
    from due where d.id = due.id
    returning d.*
  `.execute(db);
  const outcome: DeliverOutcome = { claimed: rows.length, sent: 0, failed: 0, retrying: 0, nextAt: null };
  const t = notifyDb(db);
  for (const row of rows) {
    try {
      const status = await send(db, row, policy, now);
      await t
        .updateTable('notifications.delivery')
        .set({
          status: 'sent',
          sent_at: now,
          next_attempt_at: null,
          last_error: null,
          response_status: status,
        })
        .where('id', '=', row.id)
        .execute();
      if (row.endpoint_id)
        await t
          .updateTable('notifications.webhook_endpoint')
          .set({ consecutive_failures: 0 })
          .where('id', '=', row.endpoint_id)
          .execute();
      outcome.sent += 1;
    } catch (error) {
      const e = error as SendError;
      const permanent = ['endpoint_disabled', 'email_not_configured', 'order_not_found'].includes(e.message);
      const giveUp = permanent || row.attempts >= policy.maxAttempts;
      const next = giveUp ? null : new Date(now.getTime() + backoff(row.attempts, policy));
      await t
        .updateTable('notifications.delivery')
        .set({
          status: permanent ? 'skipped' : giveUp ? 'failed' : 'pending',
          next_attempt_at: next,
          last_error: String(e.message ?? e).slice(0, 500),
          response_status: e.status ?? null,
        })
        .where('id', '=', row.id)
        .execute();
      if (row.endpoint_id && !permanent) await countFailure(db, row.endpoint_id, policy, now);
      if (giveUp) outcome.failed += 1;
      else {
        outcome.retrying += 1;
        if (!outcome.nextAt || next! < outcome.nextAt) outcome.nextAt = next;
      }
    }
  }
  return outcome;
}

async function countFailure(db: Db, endpointId: string, policy: RetryPolicy, now: Date) {
  await sql`
    update notifications.webhook_endpoint
    set consecutive_failures = consecutive_failures + 1,
        status = case when consecutive_failures + 1 >= ${policy.disableAfter} then 'disabled' else status end,
        disabled_reason = case when consecutive_failures + 1 >= ${policy.disableAfter}
          then 'too_many_failures' else disabled_reason end,
        updated_at = ${now}
    where id = ${endpointId}
  `.execute(db);
}
