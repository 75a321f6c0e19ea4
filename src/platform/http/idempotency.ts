import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { tablesOf } from '../db/database';
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
    await storing.get(`${scope}\u0000${key}`);
    const hash = createHash('sha256')
      .update(stableStringify({ url: request.url, body: request.body ?? null }))
      .digest('hex');
    const now = app.now();

    if (await claim({ scope, key, hash, at: now })) {
      request.idempotency = { id: `${scope}\u0000${key}` };
      return;
    }
    const existing = await db
      .selectFrom('platform.idempotency_key')
      .selectAll()
      .where('scope', '=', scope)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!existing) throw new AppError('conflict', 'idempotency_in_progress', { key });
    if (existing.request_hash !== hash)
      throw new AppError('unprocessable', 'idempotency_key_reused', { key });
    if (existing.status === 'in_progress') {
      const stale = now.getTime() - new Date(existing.created_at).getTime() > STALE_MS;
      if (!stale) throw new AppError('conflict', 'idempotency_in_progress', { key });
      await db
        .updateTable('platform.idempotency_key')
        .set({ created_at: now })
        .where('scope', '=', scope)
        .where('key', '=', key)
        .execute();
      request.idempotency = { id: `${scope}\u0000${key}` };
      return;
    }
    reply.header('idempotent-replayed', 'true');
    reply.code(existing.response_status ?? 200);
    if (existing.response_type) reply.type(existing.response_type);
    return reply.send(existing.response_body ?? '');
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const ctx = request.idempotency;
    if (!ctx) return payload;
    request.idempotency = null;
    const [scope, key] = ctx.id.split('\u0000');
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      // A failed or streamed response is not stored: the client may retry with the same key.
      await db
        .deleteFrom('platform.idempotency_key')
        .where('scope', '=', scope)
        .where('key', '=', key)
        .execute();
      return payload;
    }
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
