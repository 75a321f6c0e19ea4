import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type RawBuilder, sql } from 'kysely';
import { type Db, tablesOf } from '../db/database';
import { isUniqueViolation } from '../db/transaction';
import { coalesce } from '../lib/coalesce';
import { AppError } from '../lib/errors';

interface IdempotencyTable {
  'platform.idempotency_key': {
    scope: string;
    key: string;
    request_hash: string;
    status: 'in_progress' | 'completed';
    response_status: number | null;
    response_type: string | null;
    response_body: string | null;
    created_at: Date;
  };
}

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;
/** An in-progress row older than this belongs to a crashed request and may be taken over. */
const STALE_MS = 5 * 60_000;

/**
 * The key of a request to a route that writes its key itself (route config `idempotency: 'own'`),
 * in the transaction that does the work, with the answer when it is known there: no statement of
 * its own before the work and none after it. The plugin only checks the key and fingerprints the
 * request; the route writes the key (`ownKeyWrite`) and says what it wrote (`written`).
 */
export interface OwnKey {
  readonly scope: string;
  readonly key: string;
  readonly hash: string;
  readonly at: Date;
  /** What the route's committed transaction wrote: the key with its answer, the key alone, or nothing. */
  written: 'answer' | 'key' | null;
}

/** An answer as stored and replayed. */
export interface StoredAnswer {
  status: number;
  type: string;
  body: string;
}

/**
 * The insert of keys (with their answers, where known) for the route's own transaction, as one
 * data-modifying statement to run with its others. A key already stored (or being stored by a
 * transaction not yet committed, which it waits for) fails it with a unique violation
 * (`isOwnKeyTaken`): the route then leaves those requests out (`takenOwnKeys`) and answers them
 * with `answerTakenKey`.
 */
export function ownKeyWrite(items: Array<{ own: OwnKey; answer: StoredAnswer | null }>): RawBuilder<unknown> {
  const rows = items.map(({ own, answer }) => ({
    scope: own.scope,
    key: own.key,
    hash: own.hash,
    at: own.at.toISOString(),
    status: answer ? 'completed' : 'in_progress',
    response_status: answer?.status ?? null,
    response_type: answer?.type ?? null,
    response_body: answer?.body ?? null,
  }));
  return sql`insert into platform.idempotency_key (scope, key, request_hash, status, response_status,
      response_type, response_body, created_at)
    select k.scope, k.key, k.hash, k.status, k.response_status, k.response_type, k.response_body, k.at
      from json_to_recordset(${JSON.stringify(rows)}::json)
        as k(scope text, key text, hash text, status text, response_status int, response_type text,
          response_body text, at timestamptz)`;
}

/** The error of a transaction whose `ownKeyWrite` met a key stored by another request. */
export const isOwnKeyTaken = (error: unknown) => isUniqueViolation(error, 'idempotency_key_pk');

/** Which of these keys are stored now (after a transaction failed with `isOwnKeyTaken`). */
export async function takenOwnKeys(db: Db, keys: OwnKey[]): Promise<Set<OwnKey>> {
  if (!keys.length) return new Set();
  const { rows } = await sql<{ scope: string; key: string }>`
    select k.scope, k.key from platform.idempotency_key k
      join unnest(${keys.map((o) => o.scope)}::text[], ${keys.map((o) => o.key)}::text[]) as t(scope, key)
        on k.scope = t.scope and k.key = t.key`.execute(db);
  const stored = new Set(rows.map((r) => `${r.scope}\u0000${r.key}`));
  return new Set(keys.filter((o) => stored.has(`${o.scope}\u0000${o.key}`)));
}

/** A request left out of the work because another request holds its key: `answerTakenKey` answers it. */
export class OwnKeyTaken extends Error {
  constructor(readonly own: OwnKey) {
    super(`idempotency key ${own.key} is held by another request`);
  }
}

function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'undefined';
  if (Buffer.isBuffer(value)) return `buffer:${value.toString('base64')}`;
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

/**
 * `Idempotency-Key` on every POST: the first response is stored and replayed for retries with the
 * same key and the same body; the same key with another body is a 422; a retry while the first is
 * still running is a 409. Keys are scoped to the caller and the route.
 *
 * Keys claimed and answers stored at the same moment by concurrent requests are written together,
 * one statement per group (`coalesce`): under load a POST then costs a share of two statements, not two.
 * The answer is stored while it is sent, not before: a retry that reaches this process meanwhile
 * waits for it; one that reaches another process within those milliseconds gets the 409 (as if the
 * first were still running). Nothing changes for the business data, which is committed before the
 * answer is built either way.
 *
 * Both statements commit without waiting for the disk (`synchronous_commit` off for their own
 * transaction only): a claim is durable as soon as anything written after it is — the request's
 * own transaction, which waits for the disk, comes after it in the log — and an answer lost in a
 * crash leaves its key in progress, taken over after five minutes, as a crash before storing it
 * always did. The client waits for neither flush.
 */
export function registerIdempotency(app: FastifyInstance): void {
  const db = tablesOf<IdempotencyTable>(app.db);
  /** Claim keys: true for each key this request now holds; a key repeated in the group is held by its first. */
  const claim = coalesce(async (items: Array<{ scope: string; key: string; hash: string; at: Date }>) => {
    const { rows } = await sql<{ scope: string; key: string }>`
      insert into platform.idempotency_key (scope, key, request_hash, status, created_at)
      select scope, key, hash, 'in_progress', at
        from unnest(${items.map((i) => i.scope)}::text[], ${items.map((i) => i.key)}::text[],
          ${items.map((i) => i.hash)}::text[], ${items.map((i) => i.at.toISOString())}::timestamptz[])
          as t(scope, key, hash, at)
          -- Committed without waiting for the disk: durable with the first write after it.
          cross join (select set_config('synchronous_commit', 'off', true)) async
      on conflict (scope, key) do nothing
      returning scope, key`.execute(app.db);
    const won = new Set(rows.map((r) => `${r.scope}\u0000${r.key}`));
    return items.map((i) => won.delete(`${i.scope}\u0000${i.key}`));
  });
  /** Store the answers of completed requests (as one JSON document: answers are long texts). */
  const complete = coalesce(
    async (items: Array<{ scope: string; key: string; status: number; type: string; body: string }>) => {
      await sql`
        update platform.idempotency_key k
           set status = 'completed', response_status = v.status, response_type = v.type, response_body = v.body
          from json_to_recordset(${JSON.stringify(items)}::json)
            as v(scope text, key text, status int, type text, body text)
            cross join (select set_config('synchronous_commit', 'off', true)) async
         where k.scope = v.scope and k.key = v.key`.execute(app.db);
      return items.map(() => true);
    },
  );

  /** Answers being stored, by key: a retry that arrives meanwhile waits for its answer. */
  const storing = new Map<string, Promise<unknown>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled(storing.values());
  });

  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    request.idempotency = null;
    if (request.method !== 'POST') return;
    const raw = request.headers['idempotency-key'];
    if (raw === undefined) return;
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!KEY_PATTERN.test(key)) throw new AppError('bad_request', 'idempotency_key_invalid');
    const who = request.principal?.userId ?? `anon:${request.ip}`;
    const scope = `${who} POST ${request.routeOptions.url ?? request.url}`;
    const id = `${scope}\u0000${key}`;
    await storing.get(id);
    const hash = createHash('sha256')
      .update(stableStringify({ url: request.url, body: request.body ?? null }))
      .digest('hex');
    const now = app.now();

    if (request.routeOptions.config?.idempotency === 'own') {
      // The route writes the key in its own transaction; a key already held is found there.
      request.idempotency = { id, own: { scope, key, hash, at: now, written: null } };
      return;
    }
    if (await claim({ scope, key, hash, at: now })) {
      request.idempotency = { id, own: null };
      return;
    }
    const answered = await answerStored(reply, { scope, key, hash, at: now });
    if (answered === 'stale') {
      await db
        .updateTable('platform.idempotency_key')
        .set({ created_at: now })
        .where('scope', '=', scope)
        .where('key', '=', key)
        .execute();
      request.idempotency = { id, own: null };
      return;
    }
    return answered;
  });

  /**
   * Answer a request whose key another request holds: the stored answer replayed, a 422 for
   * another body, a 409 while the first is still running. 'stale': the holder crashed long ago.
   */
  async function answerStored(
    reply: FastifyReply,
    asked: Pick<OwnKey, 'scope' | 'key' | 'hash' | 'at'>,
  ): Promise<FastifyReply | 'stale'> {
    const { scope, key } = asked;
    await storing.get(`${scope}\u0000${key}`);
    const existing = await db
      .selectFrom('platform.idempotency_key')
      .selectAll()
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!existing) throw new AppError('conflict', 'idempotency_in_progress', { key });
    if (existing.request_hash !== asked.hash)
      throw new AppError('unprocessable', 'idempotency_key_reused', { key });
    if (existing.status === 'in_progress') {
      const stale = asked.at.getTime() - new Date(existing.created_at).getTime() > STALE_MS;
      if (!stale) throw new AppError('conflict', 'idempotency_in_progress', { key });
      return 'stale';
    }
    reply.header('idempotent-replayed', 'true');
    reply.code(existing.response_status ?? 200);
    if (existing.response_type) reply.type(existing.response_type);
    return reply.send(existing.response_body ?? '');
  }

  app.decorate('answerTakenKey', async (request: FastifyRequest, reply: FastifyReply, own: OwnKey) => {
    // Answered from what is stored: nothing to store for this request.
    request.idempotency = null;
    const answered = await answerStored(reply, own);
    if (answered !== 'stale') return answered;
    // The holder crashed long ago and stored nothing: its key is given up, and the route may retry.
    await db
      .deleteFrom('platform.idempotency_key')
      .where('scope', '=', own.scope)
      .where('key', '=', own.key)
      .where('status', '=', 'in_progress')
      .execute();
    return 'retry' as const;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const ctx = request.idempotency;
    if (!ctx) return payload;
    request.idempotency = null;
    const [scope, key] = ctx.id.split('\u0000');
    const { own } = ctx;
    // Stored with the work, answer and all: nothing left to do.
    if (own?.written === 'answer') return payload;
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      // A failed or streamed response is not stored: the client may retry with the same key.
      if (!own || own.written === 'key')
        await db
          .deleteFrom('platform.idempotency_key')
          .where('scope', '=', scope)
          .where('key', '=', key)
          .execute();
      return payload;
    }
    // A route's own key not written by its work (refused before it): claimed now, as any other.
    if (own && own.written === null && !(await claim(own))) return payload;
    // Stored while the answer goes out (a share of one statement per moment): the client does not
    // wait for it. A retry reaching this process meanwhile waits for it above; one reaching another
    // process within those milliseconds is told the request is still in progress (409).
    const stored = complete({
      scope,
      key,
      status: reply.statusCode,
      type: String(reply.getHeader('content-type') ?? 'application/json'),
      body: payload,
    })
      .catch((error) => request.log.error({ err: error, scope, key }, 'idempotency answer not stored'))
      .finally(() => storing.delete(ctx.id));
    storing.set(ctx.id, stored);
    return payload;
  });
}
