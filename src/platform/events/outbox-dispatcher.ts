import { sql } from 'kysely';
import { type Db, tablesOf } from '../db/database';
import { inTransaction } from '../db/transaction';
import { newId } from '../lib/ids';
import {
  type DeliveredEvent,
  type OutboxEventRow,
  type OutboxTables,
  SUBSCRIPTION_LOCK,
  toOutboxEvent,
} from './outbox.table';

/** A named consumer of some topics. It must be idempotent: the same event may arrive more than once. */
export interface OutboxHandler {
  /** Stable name; delivery state is kept per (event, handler name). */
  name: string;
  topics: readonly string[];
  handle(db: Db, event: DeliveredEvent): Promise<void>;
}

export interface OutboxRetryPolicy {
  /** Delay after the first failure; doubles each attempt. Default 1 s. */
  baseMs?: number;
  /** Longest delay between attempts. Default 10 min. */
  maxMs?: number;
  /** Attempts before a delivery is abandoned (`gave_up_at` set). Default 25. */
  maxAttempts?: number;
}

export interface OutboxDispatcherOptions {
  db: Db;
  handlers: readonly OutboxHandler[];
  now: () => Date;
  /** Idle wait between polls. Default 1000 ms. */
  pollMs?: number;
  /** Events fanned out / deliveries claimed per round. Default 50. */
  batch?: number;
  /** Handler calls running at once. Default 4. */
  concurrency?: number;
  /** A claimed delivery is ours this long, renewed while the handler runs. Default 5 min. */
  leaseMs?: number;
  retry?: OutboxRetryPolicy;
  /** Recorded as `locked_by`; defaults to a fresh id per dispatcher. */
  dispatcherId?: string;
  /** Errors of the loop itself and of handlers (handler errors are also stored as `last_error`). */
  onError?: (error: unknown, context: { handler?: string; eventId?: string }) => void;
}

export interface DrainResult {
  /** Events given their delivery rows this round. */
  fannedOut: number;
  /** Deliveries claimed this round. */
  claimed: number;
  delivered: number;
  failed: number;
}

export interface OutboxDispatcher {
  /** Poll in the background until `stop()`. */
  start(): void;
  /** Stop polling and wait for in-flight deliveries to finish. */
  stop(): Promise<void>;
  /** One round: register subscriptions (first time), fan out new events, deliver due work. */
  drainOnce(): Promise<DrainResult>;
  /** Skip the rest of the current idle wait (e.g. right after publishing). */
  wake(): void;
}

interface ClaimedRow extends OutboxEventRow {
  handler: string;
  attempts: number;
}

export function backoffMs(attempt: number, policy: Required<OutboxRetryPolicy>): number {
  return Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
}

const errorText = (error: unknown): string => {
  const e = error as { code?: unknown; message?: unknown };
  const message = typeof e?.message === 'string' ? e.message : String(error);
  return (typeof e?.code === 'string' ? `${e.code}: ${message}` : message).slice(0, 2000);
};

/**
 * Delivers outbox events to handlers at least once, safely from any number of processes:
 * 1. subscriptions (handler × topic) are registered in `platform.outbox_subscription`; a new one is
 *    back-filled with the events already fanned out;
 * 2. fan-out claims new events with `FOR UPDATE SKIP LOCKED` and creates one delivery row per
 *    subscribed handler (from the table, so handlers of other processes are included);
 * 3. delivery claims due rows of this process's handlers with `FOR UPDATE SKIP LOCKED`, leases them
 *    (`locked_by`, `locked_until`) and calls the handler outside any transaction; success sets
 *    `delivered_at`, failure records `last_error` and schedules a retry with exponential backoff.
 * A delivery is never handed to two dispatchers at once while its lease is held; the lease is renewed
 * while the handler runs and only expires if the process dies.
 */
export function createOutboxDispatcher(options: OutboxDispatcherOptions): OutboxDispatcher {
  const { db, handlers, now } = options;
  const pollMs = options.pollMs ?? 1000;
  const batch = options.batch ?? 50;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const leaseMs = options.leaseMs ?? 5 * 60_000;
  const retry: Required<OutboxRetryPolicy> = {
    baseMs: options.retry?.baseMs ?? 1000,
    maxMs: options.retry?.maxMs ?? 10 * 60_000,
    maxAttempts: options.retry?.maxAttempts ?? 25,
  };
  const me = options.dispatcherId ?? `outbox:${newId()}`;
  const onError = options.onError ?? ((error) => console.error('[outbox]', error));
  const byName = new Map(handlers.map((h) => [h.name, h]));
  if (byName.size !== handlers.length) throw new Error('outbox handler names must be unique');
  const t = tablesOf<OutboxTables>(db);

  let subscribed = false;
  let stopping = false;
  let loop: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;

  async function ensureSubscriptions(): Promise<void> {
    if (subscribed) return;
    const pairs = handlers.flatMap((h) => h.topics.map((topic) => ({ handler: h.name, topic })));
    if (pairs.length) {
      await inTransaction(db, async (trx) => {
        await sql`select pg_advisory_xact_lock(${SUBSCRIPTION_LOCK})`.execute(trx);
        const added = await tablesOf<OutboxTables>(trx)
          .insertInto('platform.outbox_subscription')
          .values(pairs.map((p) => ({ ...p, created_at: now() })))
          .onConflict((c) => c.columns(['handler', 'topic']).doNothing())
          .returning(['handler', 'topic'])
          .execute();
        for (const { handler, topic } of added) {
          // A new subscriber also gets the events fanned out before it existed.
          await sql`
            insert into platform.outbox_delivery (event_id, handler, next_attempt_at)
            select id, ${handler}, available_at from platform.outbox_event
            where topic = ${topic} and fanned_out_at is not null
            on conflict do nothing
          `.execute(trx);
        }
      });
    }
    subscribed = true;
  }

  async function fanOut(): Promise<number> {
    return inTransaction(db, async (trx) => {
      await sql`select pg_advisory_xact_lock_shared(${SUBSCRIPTION_LOCK})`.execute(trx);
      const { rows } = await sql<{ id: string }>`
        with pending as (
          select id, topic, available_at from platform.outbox_event
          where fanned_out_at is null
          order by created_at, id
          limit ${batch}
          for update skip locked
        ), deliveries as (
          insert into platform.outbox_delivery (event_id, handler, next_attempt_at)
          select p.id, s.handler, p.available_at
          from pending p join platform.outbox_subscription s on s.topic = p.topic
          on conflict do nothing
        )
        update platform.outbox_event e set fanned_out_at = ${now()}
        from pending p where e.id = p.id
        returning e.id
      `.execute(trx);
      return rows.length;
    });
  }

  async function claim(): Promise<ClaimedRow[]> {
    if (handlers.length === 0) return [];
    const at = now();
    const until = new Date(at.getTime() + leaseMs);
    const names = sql.join(handlers.map((h) => h.name));
    const { rows } = await sql<ClaimedRow>`
      with due as (
        select event_id, handler from platform.outbox_delivery
        where handler in (${names})
          and delivered_at is null and gave_up_at is null
          and next_attempt_at <= ${at}
          and (locked_until is null or locked_until <= ${at})
        order by next_attempt_at, event_id
        limit ${batch}
        for update skip locked
      )
      update platform.outbox_delivery d
      set locked_by = ${me}, locked_until = ${until}, attempts = d.attempts + 1
      from due join platform.outbox_event e on e.id = due.event_id
      where d.event_id = due.event_id and d.handler = due.handler
      returning e.id, e.topic, e.payload, e.created_at, e.available_at, d.handler, d.attempts
    `.execute(db);
    return rows;
  }

  async function deliver(row: ClaimedRow): Promise<boolean> {
    const handler = byName.get(row.handler)!;
    const event: DeliveredEvent = { ...toOutboxEvent(row), handler: row.handler, attempt: row.attempts };
    const mine = t
      .updateTable('platform.outbox_delivery')
      .where('event_id', '=', row.id)
      .where('handler', '=', row.handler)
      .where('locked_by', '=', me);
    try {
      await handler.handle(db, event);
    } catch (error) {
      onError(error, { handler: row.handler, eventId: row.id });
      const at = now();
      const giveUp = row.attempts >= retry.maxAttempts;
      await mine
        .set({
          last_error: errorText(error),
          next_attempt_at: new Date(at.getTime() + backoffMs(row.attempts, retry)),
          gave_up_at: giveUp ? at : null,
          locked_by: null,
          locked_until: null,
        })
        .execute();
      return false;
    }
    await mine.set({ delivered_at: now(), last_error: null, locked_by: null, locked_until: null }).execute();
    return true;
  }

  async function renewLeases(): Promise<void> {
    await t
      .updateTable('platform.outbox_delivery')
      .set({ locked_until: new Date(now().getTime() + leaseMs) })
      .where('locked_by', '=', me)
      .where('delivered_at', 'is', null)
      .execute();
  }

  async function drainOnce(): Promise<DrainResult> {
    await ensureSubscriptions();
    const fannedOut = await fanOut();
    const claimed = await claim();
    let delivered = 0;
    let failed = 0;
    if (claimed.length) {
      const renew = setInterval(() => renewLeases().catch((e) => onError(e, {})), Math.max(50, leaseMs / 3));
      try {
        let next = 0;
        const worker = async () => {
          while (next < claimed.length) {
            const row = claimed[next++];
            try {
              if (await deliver(row)) delivered++;
              else failed++;
            } catch (error) {
              // Recording the outcome failed (database gone); the lease expires and it is retried.
              failed++;
              onError(error, { handler: row.handler, eventId: row.id });
            }
          }
        };
        await Promise.all(Array.from({ length: Math.min(concurrency, claimed.length) }, worker));
      } finally {
        clearInterval(renew);
      }
    }
    return { fannedOut, claimed: claimed.length, delivered, failed };
  }

  async function run(): Promise<void> {
    while (!stopping) {
      let busy = false;
      try {
        const result = await drainOnce();
        busy = result.fannedOut >= batch || result.claimed >= batch;
      } catch (error) {
        onError(error, {});
      }
      if (stopping || busy) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = null;
    }
  }

  return {
    start() {
      if (loop) return;
      stopping = false;
      loop = run();
    },
    async stop() {
      stopping = true;
      wakeUp?.();
      await loop;
      loop = null;
    },
    drainOnce,
    wake() {
      wakeUp?.();
    },
  };
}
