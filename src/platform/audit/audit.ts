import { type RawBuilder, sql } from 'kysely';
import type { Actor } from '../auth/principal';
import { type Db, type Trx, tablesOf } from '../db/database';
import { containsPattern } from '../db/like';
import { outboxRow, type PendingEvent } from '../events/outbox.service';
import { decodeCursor, paginate } from '../http/pagination';
import { newId } from '../lib/ids';

interface AuditTable {
  'platform.audit_log': {
    id: string;
    at: Date;
    actor_id: string | null;
    actor_name: string;
    actor_kind: string;
    action: string;
    entity: string;
    entity_id: string;
    summary: string | null;
    before: unknown;
    after: unknown;
    request_id: string | null;
    merchant_id: string | null;
  };
}

export interface AuditEntry {
  action: 'create' | 'update' | 'delete' | (string & {});
  entity: string;
  entityId: string;
  summary?: string;
  before?: unknown;
  after?: unknown;
  merchantId?: string | null;
  /** Who did it, when entries of several requests are written together (else the call's actor). */
  actor?: Actor;
}

const SECRET_KEYS = /password|secret|token_hash|hash$/i;

/** Drop secrets before a row image is written to the audit log. */
function redact(value: unknown): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      SECRET_KEYS.test(k) ? '[redacted]' : redact(v),
    ]),
  );
}

/** Record a mutation in the same transaction as the change itself. */
export async function recordAudit(trx: Trx, actor: Actor, entry: AuditEntry, at: Date): Promise<void> {
  await recordAudits(trx, actor, [entry], at);
}

/**
 * Record many mutations in one statement, however many (bulk imports too): the rows travel as one
 * JSON document, so the statement's text — and its prepared plan — is the same for one entry or
 * thousands. Outbox events of the same change may be given, and other writes of the caller's
 * (`also`: data-modifying statements, e.g. an `insert … select`): all go in the same statement, one
 * round trip on hot paths such as an order placement.
 */
export async function recordAudits(
  trx: Trx,
  actor: Actor,
  entries: AuditEntry[],
  at: Date,
  events: PendingEvent[] = [],
  also: RawBuilder<unknown>[] = [],
): Promise<void> {
  if (!entries.length && !events.length && !also.length) return;
  const rows = entries.map(({ actor: own = actor, ...entry }) => ({
    id: newId(),
    actor_id: own.id,
    actor_name: own.name,
    actor_kind: own.kind,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId,
    summary: entry.summary ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
    request_id: own.requestId,
    merchant_id: entry.merchantId ?? null,
  }));
  const eventRows = events.map((e) => outboxRow(e, at));
  const extra = also.map((write, i) => sql`, ${sql.raw(`also_${i}`)} as (${write})`);
  await sql`
    with events as (
      insert into platform.outbox_event (id, topic, payload, created_at, available_at, fanned_out_at)
      select e.id, e.topic, e.payload::jsonb, e.created_at, e.available_at, null
        from json_to_recordset(${JSON.stringify(eventRows)}::json)
          as e(id uuid, topic text, payload text, created_at timestamptz, available_at timestamptz))
    ${extra.length ? sql.join(extra, sql``) : sql``}
    insert into platform.audit_log (id, at, actor_id, actor_name, actor_kind, action, entity, entity_id,
      summary, before, after, request_id, merchant_id)
    select r.id, ${at}::timestamptz, r.actor_id, r.actor_name, r.actor_kind, r.action, r.entity, r.entity_id,
      r.summary, r.before, r.after, r.request_id, r.merchant_id
      from json_to_recordset(${JSON.stringify(rows)}::json)
        as r(id uuid, actor_id uuid, actor_name text, actor_kind text, action text, entity text,
          entity_id text, summary text, before jsonb, after jsonb, request_id text, merchant_id uuid)`.execute(
    trx,
  );
}

export interface AuditQuery {
  entity?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  q?: string;
  from?: Date;
  to?: Date;
  limit: number;
  cursor?: string;
}

export interface AuditRecord {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string;
  actorKind: string;
  action: string;
  entity: string;
  entityId: string;
  summary: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export async function searchAudit(db: Db, query: AuditQuery) {
  let q = tablesOf<AuditTable>(db).selectFrom('platform.audit_log').selectAll();
  if (query.entity) q = q.where('entity', '=', query.entity);
  if (query.entityId) q = q.where('entity_id', '=', query.entityId);
  if (query.actorId) q = q.where('actor_id', '=', query.actorId);
  if (query.action) q = q.where('action', '=', query.action);
  if (query.from) q = q.where('at', '>=', query.from);
  if (query.to) q = q.where('at', '<', query.to);
  if (query.q) {
    const like = containsPattern(query.q);
    q = q.where((eb) =>
      eb.or([
        eb('summary', 'ilike', like),
        eb('actor_name', 'ilike', like),
        eb('entity_id', 'ilike', like),
        eb(sql<string>`"after"::text`, 'ilike', like),
      ]),
    );
  }
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    q = q.where((eb) =>
      eb.or([
        eb('at', '<', new Date(String(at))),
        eb.and([eb('at', '=', new Date(String(at))), eb('id', '<', String(id))]),
      ]),
    );
  }
  const rows = await q
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.at.toISOString(), r.id]);
  return {
    items: page.items.map(
      (r): AuditRecord => ({
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actor_id,
        actorName: r.actor_name,
        actorKind: r.actor_kind,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        summary: r.summary,
        before: r.before,
        after: r.after,
        requestId: r.request_id,
      }),
    ),
    nextCursor: page.nextCursor,
  };
}
