import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { tablesOf } from '../db/database';
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
 */
export function registerIdempotency(app: FastifyInstance): void {
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    request.idempotency = null;
    if (request.method !== 'POST') return;
    const raw = request.headers['idempotency-key'];
    if (raw === undefined) return;
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!KEY_PATTERN.test(key)) throw new AppError('bad_request', 'idempotency_key_invalid');
    const who = request.principal?.userId ?? `anon:${request.ip}`;
    const scope = `${who} POST ${request.routeOptions.url ?? request.url}`;
    const hash = createHash('sha256')
      .update(stableStringify({ url: request.url, body: request.body ?? null }))
      .digest('hex');
    const db = tablesOf<IdempotencyTable>(app.db);
    const now = app.now();

    const inserted = await db
      .insertInto('platform.idempotency_key')
      .values({ scope, key, request_hash: hash, status: 'in_progress', created_at: now })
      .onConflict((oc) => oc.columns(['scope', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    if (inserted) {
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
    const db = tablesOf<IdempotencyTable>(app.db);
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      // A failed or streamed response is not stored: the client may retry with the same key.
      await db
        .deleteFrom('platform.idempotency_key')
        .where('scope', '=', scope)
        .where('key', '=', key)
        .execute();
      return payload;
    }
    await db
      .updateTable('platform.idempotency_key')
      .set({
        status: 'completed',
        response_status: reply.statusCode,
        response_type: String(reply.getHeader('content-type') ?? 'application/json'),
        response_body: payload,
      })
      .where('scope', '=', scope)
      .where('key', '=', key)
      .execute();
    return payload;
  });
}
