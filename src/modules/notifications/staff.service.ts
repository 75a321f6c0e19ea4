import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { enqueueJob } from '../../platform/jobs';
import { notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { staffWithPermission } from '../org';
import { channelSettings } from './notify.settings';
import { notifyDb, type StaffMessageRow } from './notify.tables';

export const STAFF_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type StaffSeverity = (typeof STAFF_SEVERITIES)[number];
type Texts = { 'zh-CN': string; en: string };

/** Something staff must act on, addressed by the permission it needs rather than by name. */
export interface StaffNotice {
  /** The outbox event it comes from: a redelivered event adds nothing (idempotent). */
  eventId: string;
  topic: string;
  severity: StaffSeverity;
  /** Everyone holding this permission, within the scope, is told. */
  permission: string;
  warehouseId?: string | null;
  merchantId?: string | null;
  title: Texts;
  body: Texts;
  /** Console path to act on it, e.g. `/planning/alerts?id=…`. */
  link?: string | null;
}

/** Severities that also go out by e-mail (when the e-mail channel is on and the user has an address); the rest wait in the inbox, so a morning review does not flood anyone's mailbox. */
const EMAILED: ReadonlySet<StaffSeverity> = new Set(['critical']);

/**
 * Put a notice in the inbox of every staff member who holds the permission in the scope, and queue
 * an e-mail for the serious ones, in each user's language. Returns the number of inbox rows added.
 */
export async function notifyStaff(trx: Trx, notice: StaffNotice, now: Date): Promise<number> {
  const recipients = await staffWithPermission(trx, notice.permission, {
    warehouseId: notice.warehouseId,
    merchantId: notice.merchantId,
  });
  if (!recipients.length) return 0;
  const t = notifyDb(trx);
  const added = await t
    .insertInto('notifications.staff_message')
    .values(
      recipients.map((r) => ({
        id: newId(),
        event_id: notice.eventId,
        topic: notice.topic,
        user_id: r.id,
        severity: notice.severity,
        title_zh: notice.title['zh-CN'],
        title_en: notice.title.en,
        body_zh: notice.body['zh-CN'],
        body_en: notice.body.en,
        link: notice.link ?? null,
        created_at: now,
        read_at: null,
      })),
    )
    .onConflict((c) => c.columns(['event_id', 'user_id']).doNothing())
    .returning('user_id')
    .execute();
  const fresh = new Set(added.map((a) => a.user_id));
  const email = (await channelSettings(trx)).email;
  const mailTo = EMAILED.has(notice.severity) ? recipients.filter((r) => fresh.has(r.id) && r.email) : [];
  if (mailTo.length) {
    const link = notice.link ? `\n\n${publicUrl()}${notice.link}` : '';
    await t
      .insertInto('notifications.delivery')
      .values(
        mailTo.map((r) => ({
          id: newId(),
          event_id: notice.eventId,
          topic: notice.topic,
          channel: 'email' as const,
          target: r.id,
          user_id: r.id,
          order_id: null,
          order_number: null,
          merchant_id: notice.merchantId ?? null,
          endpoint_id: null,
          recipient_masked: r.email!.replace(/^(.).*@/, '$1***@'),
          status: email.enabled ? ('pending' as const) : ('skipped' as const),
          payload: JSON.stringify({
            kind: 'message',
            lang: r.locale,
            subject: notice.title[r.locale],
            text: `${notice.body[r.locale]}${link}`,
          }),
          attempts: 0,
          next_attempt_at: email.enabled ? now : null,
          last_error: email.enabled ? null : 'channel_disabled',
          response_status: null,
          created_at: now,
          sent_at: null,
        })),
      )
      .onConflict((c) => c.columns(['event_id', 'channel', 'target']).doNothing())
      .execute();
    if (email.enabled)
      await enqueueJob(trx, { kind: 'notifications.deliver', payload: { eventId: notice.eventId }, now });
  }
  return added.length;
}

const publicUrl = () => (process.env.WAYLINE_PUBLIC_URL ?? 'http://localhost:3000').replace(/\/$/, '');

export interface InboxItem {
  id: string;
  topic: string;
  severity: StaffSeverity;
  title: string;
  body: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

const toItem = (r: StaffMessageRow, lang: 'zh-CN' | 'en'): InboxItem => ({
  id: r.id,
  topic: r.topic,
  severity: r.severity,
  title: lang === 'en' ? r.title_en : r.title_zh,
  body: lang === 'en' ? r.body_en : r.body_zh,
  link: r.link,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

/** A user's inbox, newest first, in the request's language. */
export async function listInbox(
  db: Db,
  userId: string,
  query: { unread?: boolean; limit: number; cursor?: string },
  lang: 'zh-CN' | 'en',
) {
  let q = notifyDb(db).selectFrom('notifications.staff_message').selectAll().where('user_id', '=', userId);
  if (query.unread) q = q.where('read_at', 'is', null);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    const after = new Date(String(at));
    q = q.where(sql<boolean>`(created_at < ${after} or (created_at = ${after} and id > ${String(id)}))`);
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.created_at.toISOString(), r.id]);
  return { items: page.items.map((r) => toItem(r, lang)), nextCursor: page.nextCursor };
}

/** Unread messages, in all and the critical ones (the console's bell). */
export async function inboxSummary(db: Db, userId: string) {
  const row = await notifyDb(db)
    .selectFrom('notifications.staff_message')
    .select([
      sql<number>`count(*)::int`.as('unread'),
      sql<number>`(count(*) filter (where severity = 'critical'))::int`.as('critical'),
    ])
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return { unread: Number(row?.unread ?? 0), critical: Number(row?.critical ?? 0) };
}

/** Mark one message read (only the user's own; someone else's is "not found"). */
export async function markRead(db: Db | Trx, userId: string, id: string, now: Date, lang: 'zh-CN' | 'en') {
  const row = await notifyDb(db as Db)
    .updateTable('notifications.staff_message')
    .set({ read_at: sql`coalesce(read_at, ${now})` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('staff_message', id);
  return toItem(row, lang);
}

export async function markAllRead(db: Db | Trx, userId: string, now: Date): Promise<number> {
  const res = await notifyDb(db as Db)
    .updateTable('notifications.staff_message')
    .set({ read_at: now })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
