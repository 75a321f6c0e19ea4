import { type RawBuilder, sql } from 'kysely';
import type { Db, Trx } from '../../platform/db';
import { notFound } from '../../platform/lib/errors';
import type { AllocationRow, OrderLineRow, OrderRow, StoredIssue } from './order.tables';
import { ordersDb } from './order.tables';

/**
 * Kysely queries for orders. Bulk writes use one `insert … select from unnest(…)` per table with one
 * array parameter per column, so a batch of thousands of orders is a handful of statements whose
 * size does not depend on the batch (no parameter limit, one plan).
 */
export type NewOrderRow = Omit<OrderRow, 'version' | 'issues' | 'address_suggestions'> & {
  issues: StoredIssue[];
  address_suggestions: unknown[];
};

const ORDER_COLUMNS = [
  ['id', 'uuid'],
  ['number', 'text'],
  ['parent_id', 'uuid'],
  ['split_seq', 'int'],
  ['merchant_id', 'uuid'],
  ['channel', 'text'],
  ['external_no', 'text'],
  ['status', 'text'],
  ['exception_since', 'timestamptz'],
  ['consignee_name', 'text'],
  ['consignee_phone', 'text'],
  ['consignee_email', 'text'],
  ['phone_kind', 'text'],
  ['phone_last4', 'text'],
  ['address_text', 'text'],
  ['province_code', 'text'],
  ['province_name', 'text'],
  ['city_code', 'text'],
  ['city_name', 'text'],
  ['district_code', 'text'],
  ['district_name', 'text'],
  ['address_detail', 'text'],
  ['address_status', 'text'],
  ['payment_status', 'text'],
  ['cod_amount_fen', 'bigint'],
  ['total_fen', 'bigint'],
  ['currency', 'text'],
  ['service_type', 'text'],
  ['window_from', 'timestamptz'],
  ['window_to', 'timestamptz'],
  ['notes', 'text'],
  ['weight_g', 'bigint'],
  ['dedupe_key', 'text'],
  ['warehouse_id', 'uuid'],
  ['shipping_cost_fen', 'bigint'],
  ['promised_date', 'date'],
  ['source', 'text'],
  ['import_job_id', 'uuid'],
  ['created_by', 'uuid'],
  ['created_at', 'timestamptz'],
  ['updated_at', 'timestamptz'],
  ['status_changed_at', 'timestamptz'],
] as const satisfies ReadonlyArray<readonly [keyof NewOrderRow, string]>;

/** Dates as ISO text: both drivers then read array elements the same way. */
const plain = (v: unknown) => (v instanceof Date ? v.toISOString() : (v ?? null));

/** Columns passed as JSON text (arrays of arrays and objects do not travel well as SQL arrays). */
const encodedArrays = (rows: NewOrderRow[]) => ({
  reasons: rows.map((r) => r.reason_codes.join(',')),
  overrides: rows.map((r) => r.overrides.join(',')),
  notes: rows.map((r) => r.address_notes.join(',')),
  issues: rows.map((r) => JSON.stringify(r.issues)),
  suggestions: rows.map((r) => JSON.stringify(r.address_suggestions)),
});

/**
 * Insert orders; a (merchant, channel, external no) already taken is skipped (someone else's request
 * won the race). Returns the ids actually inserted.
 */
/** `insert into orders."order" … on conflict do nothing returning id` for these rows. */
function insertOrdersSql(rows: NewOrderRow[], under?: string) {
  const columns = ORDER_COLUMNS.map(([name]) => sql.ref(name));
  const params = ORDER_COLUMNS.map(
    ([name, type]) => sql`${rows.map((r) => plain(r[name]))}::${sql.raw(type)}[]`,
  );
  const e = encodedArrays(rows);
  return sql`
    insert into orders."order" (${sql.join(columns)}, reason_codes, overrides, address_notes, issues, address_suggestions)
    select ${sql.join(columns)},
      string_to_array(x_reasons, ','), string_to_array(x_overrides, ','), string_to_array(x_notes, ','),
      x_issues::jsonb, x_suggestions::jsonb
    from unnest(${sql.join(params)}, ${e.reasons}::text[], ${e.overrides}::text[], ${e.notes}::text[],
      ${e.issues}::text[], ${e.suggestions}::text[])
      as t(${sql.join(columns)}, x_reasons, x_overrides, x_notes, x_issues, x_suggestions)
    ${under ? sql`where t.parent_id in (select id from ${sql.raw(under)})` : sql``}
    on conflict (merchant_id, channel, external_no) where parent_id is null do nothing
    returning id`;
}

export async function insertOrders(trx: Trx, rows: NewOrderRow[]): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const { rows: inserted } = await sql<{ id: string }>`${insertOrdersSql(rows)}`.execute(trx);
  return new Set(inserted.map((r) => r.id));
}

const CHUNK = 20_000;

/** The lines as a row source `l(id, order_id, …)`. */
function linesSource(chunk: OrderLineRow[]) {
  const col = <K extends keyof OrderLineRow>(k: K) => chunk.map((l) => l[k] ?? null);
  return sql`unnest(${col('id')}::uuid[], ${col('order_id')}::uuid[], ${col('line_no')}::int[],
    ${col('sku_id')}::uuid[], ${col('sku_code')}::text[], ${col('sku_name')}::text[], ${col('storage_class')}::text[],
    ${col('unit_weight_g')}::int[], ${col('qty')}::int[], ${col('unit_price_fen')}::bigint[])
    as l(id, order_id, line_no, sku_id, sku_code, sku_name, storage_class, unit_weight_g, qty, unit_price_fen)`;
}

const LINE_COLUMNS = sql.raw(
  'id, order_id, line_no, sku_id, sku_code, sku_name, storage_class, unit_weight_g, qty, unit_price_fen',
);

export async function insertLines(trx: Trx, lines: OrderLineRow[]): Promise<void> {
  for (let i = 0; i < lines.length; i += CHUNK) {
    await sql`insert into orders.order_line (${LINE_COLUMNS})
      select * from ${linesSource(lines.slice(i, i + CHUNK))}`.execute(trx);
  }
}

export interface NewHistory {
  orderId: string;
  action: string;
  from: string | null;
  to: string | null;
  note: string | null;
  details: Record<string, unknown> | null;
}

type HistoryActor = { id: string | null; name: string };

/** `insert into orders.order_history … select … from unnest(…) as t` (the caller may add a where on `t`). */
function insertHistorySql(chunk: NewHistory[], actor: HistoryActor, at: Date) {
  return sql`
    insert into orders.order_history (order_id, at, actor_id, actor_name, action, from_status, to_status, note, details)
    select t.order_id, ${at}::timestamptz, ${actor.id}::uuid, ${actor.name}::text, t.action, t.from_status, t.to_status,
      t.note, t.details::jsonb
    from unnest(${chunk.map((e) => e.orderId)}::uuid[], ${chunk.map((e) => e.action)}::text[],
      ${chunk.map((e) => e.from)}::text[], ${chunk.map((e) => e.to)}::text[], ${chunk.map((e) => e.note)}::text[],
      ${chunk.map((e) => (e.details ? JSON.stringify(e.details) : null))}::text[])
      as t(order_id, action, from_status, to_status, note, details)`;
}

export async function insertHistory(
  trx: Trx,
  entries: NewHistory[],
  actor: HistoryActor,
  at: Date,
): Promise<void> {
  for (let i = 0; i < entries.length; i += CHUNK)
    await insertHistorySql(entries.slice(i, i + CHUNK), actor, at).execute(trx);
}

/**
 * New orders with their lines and history in one statement (one round trip for an intake). Orders
 * whose (merchant, channel, external no) is already taken are skipped, and so are their lines and
 * history, and the split parts (`parts`) of skipped orders. Returns the ids of the orders inserted
 * (not of the parts).
 */
export async function insertOrdersWithLines(
  trx: Trx,
  rows: NewOrderRow[],
  lines: OrderLineRow[],
  history: NewHistory[],
  actor: HistoryActor,
  at: Date,
  parts: NewOrderRow[] = [],
  /** A query of the caller's to run in the same statement (`alsoRows`: its rows). */
  also?: RawBuilder<unknown>,
): Promise<Set<string> & { alsoRows?: unknown[] }> {
  if (!rows.length) return new Set();
  if (lines.length > CHUNK || history.length > CHUNK) {
    const inserted = await insertOrders(trx, rows);
    const written = new Set(inserted);
    const under = parts.filter((p) => p.parent_id && inserted.has(p.parent_id));
    for (const id of await insertOrders(trx, under)) written.add(id);
    await insertLines(
      trx,
      lines.filter((l) => written.has(l.order_id)),
    );
    await insertHistory(
      trx,
      history.filter((h) => written.has(h.orderId)),
      actor,
      at,
    );
    return also ? Object.assign(inserted, { alsoRows: (await also.execute(trx)).rows }) : inserted;
  }
  const written = parts.length ? sql`(select id from o union all select id from p)` : sql`(select id from o)`;
  if (also) {
    const { rows: answer } = await sql<{ ids: string[]; also: unknown[] }>`
      with o as (${insertOrdersSql(rows)}),
      ${parts.length ? sql`p as (${insertOrdersSql(parts, 'o')}),` : sql``}
      l as (insert into orders.order_line (${LINE_COLUMNS})
        select l.* from ${linesSource(lines)} where l.order_id in ${written}),
      h as (${insertHistorySql(history, actor, at)} where t.order_id in ${written}),
      x as materialized (${also})
      select (select coalesce(json_agg(id), '[]') from o) as ids,
        (select coalesce(json_agg(x), '[]') from x) as also`.execute(trx);
    return Object.assign(new Set(answer[0].ids), { alsoRows: answer[0].also });
  }
  const { rows: inserted } = await sql<{ id: string }>`
    with o as (${insertOrdersSql(rows)}),
    ${parts.length ? sql`p as (${insertOrdersSql(parts, 'o')}),` : sql``}
    l as (insert into orders.order_line (${LINE_COLUMNS})
      select l.* from ${linesSource(lines)} where l.order_id in ${written}),
    h as (${insertHistorySql(history, actor, at)} where t.order_id in ${written})
    select id from o`.execute(trx);
  return new Set(inserted.map((r) => r.id));
}

/** Root orders already taken, by `${merchantId}|${channel}|${externalNo}`. */
export async function existingByChannelNo(
  db: Db | Trx,
  keys: Array<{ merchantId: string; channel: string; externalNo: string }>,
): Promise<Map<string, Pick<OrderRow, 'id' | 'number' | 'status'>>> {
  const out = new Map<string, Pick<OrderRow, 'id' | 'number' | 'status'>>();
  for (let i = 0; i < keys.length; i += 10_000) {
    const chunk = keys.slice(i, i + 10_000);
    const { rows } = await sql<
      Pick<OrderRow, 'id' | 'number' | 'status' | 'merchant_id' | 'channel' | 'external_no'>
    >`
      select o.id, o.number, o.status, o.merchant_id, o.channel, o.external_no
      from unnest(${chunk.map((k) => k.merchantId)}::uuid[], ${chunk.map((k) => k.channel)}::text[],
        ${chunk.map((k) => k.externalNo)}::text[]) as k(merchant_id, channel, external_no)
      -- Key by key through the unique index (offset 0 keeps the subquery from being flattened into a
      -- join): the prepared statement's generic plan must not turn into a scan of all orders.
      cross join lateral (
        select id, number, status, merchant_id, channel, external_no from orders."order" o
         where o.merchant_id = k.merchant_id and o.channel = k.channel and o.external_no = k.external_no
           and o.parent_id is null
        offset 0) o`.execute(db);
    for (const r of rows) out.set(`${r.merchant_id}|${r.channel}|${r.external_no}`, r);
  }
  return out;
}

/** Recent, not cancelled orders with these dedupe keys: key → order number (the oldest). */
export async function recentByDedupeKey(
  db: Db | Trx,
  merchantId: string,
  keys: string[],
  since: Date,
  excludeIds: string[] = [],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < keys.length; i += 10_000) {
    let q = ordersDb(db as Db)
      .selectFrom('orders.order')
      .select(['dedupe_key', 'number'])
      .where('merchant_id', '=', merchantId)
      .where('dedupe_key', 'in', keys.slice(i, i + 10_000))
      .where('created_at', '>=', since)
      .where('status', '<>', 'cancelled')
      .orderBy('created_at')
      .orderBy('id');
    if (excludeIds.length) q = q.where('id', 'not in', excludeIds);
    for (const r of await q.execute()) if (!out.has(r.dedupe_key)) out.set(r.dedupe_key, r.number);
  }
  return out;
}

/**
 * Both cross-checks of an intake in one statement: active blocklist entries for these phones
 * (phone → reason, the merchant's own or everyone's) and, when `since` is set, recent orders not
 * cancelled with these dedupe keys (key → number of the oldest). The same answers as
 * `blockedPhones` and `recentByDedupeKey`.
 */
export async function crossCheckFacts(
  db: Db | Trx,
  merchantId: string,
  phones: string[],
  keys: string[],
  since: Date | null,
): Promise<{ blocked: Map<string, string>; recent: Map<string, string> }> {
  const blocked = new Map<string, string>();
  const recent = new Map<string, string>();
  const uniquePhones = [...new Set(phones)];
  const uniqueKeys = [...new Set(keys)];
  for (let i = 0; i < Math.max(uniquePhones.length, uniqueKeys.length); i += 10_000) {
    const { rows } = await sql<{ kind: 'blocked' | 'recent'; key: string; value: string }>`
      select 'blocked' as kind, phone as key, reason as value, null::timestamptz as at, null::uuid as id
        from orders.blocked_customer
       where active and phone = any(${uniquePhones.slice(i, i + 10_000)}::text[])
         and (merchant_id is null or merchant_id = ${merchantId}::uuid)
      union all
      -- Key by key through the (merchant, dedupe key, created) index, however many recent orders
      -- the merchant has (a large import: thousands of keys against a table that grows meanwhile);
      -- offset 0 keeps the planner from flattening it into a hash join over all the merchant's recent
      -- orders, which a prepared statement's generic plan did.
      select 'recent', o.dedupe_key, o.number, o.created_at, o.id
        from unnest(${uniqueKeys.slice(i, i + 10_000)}::text[]) as k(key)
        cross join lateral (
          select dedupe_key, number, created_at, id from orders."order"
           where merchant_id = ${merchantId}::uuid and dedupe_key = k.key
             and created_at >= ${since}::timestamptz and status <> 'cancelled'
          offset 0) o
       where ${since}::timestamptz is not null
      order by kind, at, id`.execute(db);
    for (const r of rows)
      if (r.kind === 'blocked') blocked.set(r.key, r.value);
      else if (!recent.has(r.key)) recent.set(r.key, r.value);
  }
  return { blocked, recent };
}

/** Active blocklist entries for these phones: phone → reason (merchant's own or everyone's). */
export async function blockedPhones(
  db: Db | Trx,
  merchantId: string,
  phones: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(phones)];
  for (let i = 0; i < unique.length; i += 10_000) {
    const rows = await ordersDb(db as Db)
      .selectFrom('orders.blocked_customer')
      .select(['phone', 'reason'])
      .where('active', '=', true)
      .where('phone', 'in', unique.slice(i, i + 10_000))
      .where((eb) => eb.or([eb('merchant_id', 'is', null), eb('merchant_id', '=', merchantId)]))
      .execute();
    for (const r of rows) out.set(r.phone, r.reason);
  }
  return out;
}

export async function getOrderRow(db: Db | Trx, id: string, forUpdate = false): Promise<OrderRow> {
  let q = ordersDb(db as Db)
    .selectFrom('orders.order')
    .selectAll()
    .where('id', '=', id);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound('order', id);
  return row as OrderRow;
}

export async function linesOf(db: Db | Trx, orderId: string): Promise<OrderLineRow[]> {
  return ordersDb(db as Db)
    .selectFrom('orders.order_line')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('line_no')
    .execute();
}

export async function allocationsOf(db: Db | Trx, orderId: string): Promise<AllocationRow[]> {
  return (await ordersDb(db as Db)
    .selectFrom('orders.allocation')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('id')
    .execute()) as AllocationRow[];
}
