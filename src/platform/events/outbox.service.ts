import { sql } from 'kysely';
import { type Db, type Trx, tablesOf } from '../db/database';
import { AppError } from '../lib/errors';
import { newId } from '../lib/ids';
import { type OutboxEvent, type OutboxTables, toOutboxEvent } from './outbox.table';

const TOPIC = /^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)*$/;

export interface PublishOptions {
  /** Deliver no earlier than this (default: `now`). */
  availableAt?: Date;
}

/**
 * Write an event to the outbox in the caller's transaction: it becomes visible to the dispatcher
 * only if the business change commits, and then reaches every subscribed handler at least once.
 * Topics are dotted lower-case names owned by the publishing module, e.g. `orders.order_confirmed`.
 */
export async function publish<P>(
  trx: Trx,
  topic: string,
  payload: P,
  now: Date,
  options: PublishOptions = {},
): Promise<OutboxEvent<P>> {
  const row = await tablesOf<OutboxTables>(trx)
    .insertInto('platform.outbox_event')
    .values(outboxRow({ topic, payload, availableAt: options.availableAt }, now))
    .returning(['id', 'topic', 'payload', 'created_at', 'available_at'])
    .executeTakeFirstOrThrow();
  return toOutboxEvent(row) as OutboxEvent<P>;
}

/** An event to be written with other rows of the same transaction (see `recordAudits`). */
export interface PendingEvent {
  topic: string;
  payload: unknown;
  availableAt?: Date;
}

/** The outbox row for an event (the topic checked). */
export function outboxRow(event: PendingEvent, now: Date) {
  if (event.topic.length > 200 || !TOPIC.test(event.topic))
    throw new AppError('bad_request', 'outbox.invalid_topic', { topic: event.topic });
  return {
    id: newId(),
    topic: event.topic,
    payload: JSON.stringify(event.payload ?? null),
    created_at: now,
    available_at: event.availableAt ?? now,
    fanned_out_at: null,
  };
}

export interface DeliveryStatus {
  handler: string;
  deliveredAt: Date | null;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date;
  gaveUpAt: Date | null;
}

/** Per-handler delivery state of one event (for operators and tests). */
export async function getDeliveries(db: Db, eventId: string): Promise<DeliveryStatus[]> {
  const rows = await tablesOf<OutboxTables>(db)
    .selectFrom('platform.outbox_delivery')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('handler')
    .execute();
  return rows.map((r) => ({
    handler: r.handler,
    deliveredAt: r.delivered_at,
    attempts: r.attempts,
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at,
    gaveUpAt: r.gave_up_at,
  }));
}

/** Give deliveries that ran out of attempts another round (after fixing the cause). Returns how many. */
export async function retryAbandonedDeliveries(
  db: Db,
  now: Date,
  filter: { handler?: string } = {},
): Promise<number> {
  let query = tablesOf<OutboxTables>(db)
    .updateTable('platform.outbox_delivery')
    .set({ gave_up_at: null, attempts: 0, next_attempt_at: now })
    .where('gave_up_at', 'is not', null)
    .where('delivered_at', 'is', null);
  if (filter.handler) query = query.where('handler', '=', filter.handler);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Delete events created before `before` that every handler has finished with (delivered or given
 * up on). Run from a scheduled job to keep the outbox small. Returns how many were deleted.
 */
export async function pruneOutbox(db: Db, before: Date): Promise<number> {
  const { rows } = await sql<{ count: number | string }>`
    with gone as (
      delete from platform.outbox_event e
      where e.created_at < ${before}
        and e.fanned_out_at is not null
        and not exists (
          select 1 from platform.outbox_delivery d
          where d.event_id = e.id and d.delivered_at is null and d.gave_up_at is null
        )
      returning 1
    )
    select count(*) as count from gone
  `.execute(db);
  return Number(rows[0].count);
}
