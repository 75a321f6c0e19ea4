import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import { type OrderRow, type OrderStatus, ordersDb } from './order.tables';

/**
 * The order lifecycle as one explicit table: from each status, where an order may go. Every status
 * change goes through `transition`, which checks this table, updates the order only if it is still
 * in the status the caller read (so two people acting at once cannot both win), and writes the
 * history row in the same transaction.
 *
 * created → exception | validated; exception ↔ validated; validated → allocated (or back to
 * exception when nothing can ship it); allocated → released → picking → packed → shipped →
 * in_transit → delivered; allocated/released/picking go back to validated to be allocated again;
 * anything before shipping may be cancelled; shipped goods come back as returned.
 */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  created: ['validated', 'exception', 'cancelled'],
  exception: ['validated', 'cancelled'],
  validated: ['allocated', 'exception', 'cancelled'],
  allocated: ['released', 'validated', 'exception', 'cancelled'],
  released: ['picking', 'validated', 'cancelled'],
  picking: ['packed', 'cancelled'],
  // Packed goods lost before shipping (damaged, expired) are picked again.
  packed: ['shipped', 'picking', 'cancelled'],
  shipped: ['in_transit', 'delivered', 'returned'],
  in_transit: ['delivered', 'returned'],
  delivered: ['returned'],
  cancelled: [],
  returned: [],
};

/** Statuses in which goods are still in the warehouse (cancelling releases their reservations). */
export const BEFORE_SHIPPING: ReadonlySet<OrderStatus> = new Set([
  'created',
  'exception',
  'validated',
  'allocated',
  'released',
  'picking',
  'packed',
]);

/** Statuses that hold stock reservations in the inventory module. */
export const HOLDS_STOCK: ReadonlySet<OrderStatus> = new Set(['allocated', 'released', 'picking', 'packed']);

export const canTransition = (from: OrderStatus, to: OrderStatus): boolean =>
  ORDER_TRANSITIONS[from].includes(to);

export function assertTransition(order: Pick<OrderRow, 'number' | 'status'>, to: OrderStatus): void {
  if (!canTransition(order.status, to))
    throw new AppError('conflict', 'orders.illegal_transition', {
      number: order.number,
      from: order.status,
      to,
      allowed: ORDER_TRANSITIONS[order.status].join(', ') || '-',
    });
}

export interface HistoryEntry {
  action: string;
  note?: string | null;
  details?: Record<string, unknown> | null;
}

export interface StateContext {
  actor: Actor;
  now: Date;
}

/**
 * Move an order to `to` (checked against the table), with whatever else must change at the same
 * moment (`set`), and record it in the history. Throws `orders.illegal_transition` (409) for a move
 * the table does not allow, and `orders.concurrent_change` (409) when someone else moved it first.
 */
export async function transition(
  trx: Trx,
  order: Pick<OrderRow, 'id' | 'number' | 'status'>,
  to: OrderStatus,
  ctx: StateContext,
  entry: HistoryEntry,
  set: Partial<Omit<OrderRow, 'id' | 'status'>> = {},
): Promise<void> {
  assertTransition(order, to);
  const exceptionFields =
    to === 'exception'
      ? { exception_since: ctx.now }
      : order.status === 'exception'
        ? { exception_since: null }
        : {};
  // The guarded update and its history row in one statement: no row updated, no history written.
  const written = await ordersDb(trx)
    .with('updated', (db) =>
      db
        .updateTable('orders.order')
        .set((eb) => ({
          ...exceptionFields,
          ...set,
          status: to,
          status_changed_at: ctx.now,
          updated_at: ctx.now,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', order.id)
        .where('status', '=', order.status)
        .returning('id'),
    )
    .insertInto('orders.order_history')
    .columns([
      'order_id',
      'at',
      'actor_id',
      'actor_name',
      'action',
      'from_status',
      'to_status',
      'note',
      'details',
    ])
    .expression((eb) =>
      eb
        .selectFrom('updated')
        .select([
          'updated.id',
          sql<Date>`${ctx.now}::timestamptz`.as('at'),
          sql<string | null>`${ctx.actor.id}::uuid`.as('actor_id'),
          sql<string>`${ctx.actor.name}::text`.as('actor_name'),
          sql<string>`${entry.action}::text`.as('action'),
          sql<string>`${order.status}::text`.as('from_status'),
          sql<string>`${to}::text`.as('to_status'),
          sql<string | null>`${entry.note ?? null}::text`.as('note'),
          sql<unknown>`${entry.details ? JSON.stringify(entry.details) : null}::jsonb`.as('details'),
        ]),
    )
    .returning('order_id')
    .executeTakeFirst();
  if (!written) throw new AppError('conflict', 'orders.concurrent_change', { number: order.number });
}

/** A history row that is not a status change (a contact, a note, an address fix). */
export async function recordHistory(
  trx: Trx,
  orderId: string,
  ctx: StateContext,
  entry: HistoryEntry & { from?: OrderStatus | null; to?: OrderStatus | null },
): Promise<void> {
  await ordersDb(trx)
    .insertInto('orders.order_history')
    .values({
      order_id: orderId,
      at: ctx.now,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      action: entry.action,
      from_status: entry.from ?? null,
      to_status: entry.to ?? null,
      note: entry.note ?? null,
      details: entry.details ? JSON.stringify(entry.details) : null,
    })
    .execute();
}

/** The columns a `transitionMany` may change besides the status, with their SQL types. */
const MANY_COLUMNS = {
  warehouse_id: 'uuid',
  shipping_cost_fen: 'bigint',
  promised_date: 'date',
  reason_codes: 'text',
  issues: 'text',
} as const;

export interface Move {
  order: Pick<OrderRow, 'id' | 'number' | 'status'>;
  entry: HistoryEntry;
  /** The same columns for every move of one call. */
  set?: {
    warehouse_id?: string | null;
    shipping_cost_fen?: number | null;
    promised_date?: string | null;
    reason_codes?: string[];
    issues?: unknown[];
  };
}

/**
 * `transition` for many orders at once (orders placed together): every move checked against the
 * table, the guarded updates and their history rows in one statement. Throws
 * `orders.concurrent_change` naming the first order someone else moved first (nothing is written
 * then: the caller's transaction is rolled back).
 */
export async function transitionMany(
  trx: Trx,
  to: OrderStatus,
  ctx: StateContext,
  moves: Move[],
): Promise<void> {
  if (!moves.length) return;
  for (const m of moves) assertTransition(m.order, to);
  const columns = Object.keys(moves[0].set ?? {}) as Array<keyof typeof MANY_COLUMNS>;
  const value = (m: Move, c: keyof typeof MANY_COLUMNS) => {
    const v = m.set?.[c];
    if (c === 'reason_codes') return (v as string[] | undefined)?.join(',') ?? '';
    if (c === 'issues') return JSON.stringify(v ?? []);
    return v ?? null;
  };
  const arrays = columns.map((c) => sql`${moves.map((m) => value(m, c))}::${sql.raw(MANY_COLUMNS[c])}[]`);
  const assignments = columns.map((c) =>
    c === 'reason_codes'
      ? sql`reason_codes = string_to_array(v.x_reason_codes, ',')`
      : c === 'issues'
        ? sql`issues = v.x_issues::jsonb`
        : sql`${sql.ref(c)} = v.${sql.ref(`x_${c}`)}`,
  );
  const { rows } = await sql<{ order_id: string }>`
    with v as (
      select * from unnest(${moves.map((m) => m.order.id)}::uuid[], ${moves.map((m) => m.order.status)}::text[],
        ${moves.map((m) => m.entry.action)}::text[], ${moves.map((m) => m.entry.note ?? null)}::text[],
        ${moves.map((m) => (m.entry.details ? JSON.stringify(m.entry.details) : null))}::text[]
        ${sql.join([sql``, ...arrays])})
        as v(id, from_status, action, note, details${sql.raw(columns.map((c) => `, x_${c}`).join(''))})),
    updated as (
      update orders."order" o
         set status = ${to}, status_changed_at = ${ctx.now}, updated_at = ${ctx.now}, version = o.version + 1,
             exception_since = case when ${to} = 'exception' then ${ctx.now}::timestamptz
                                    when v.from_status = 'exception' then null else o.exception_since end
             ${sql.join([sql``, ...assignments])}
        from v
       where o.id = v.id and o.status = v.from_status
      returning o.id, v.from_status, v.action, v.note, v.details)
    insert into orders.order_history (order_id, at, actor_id, actor_name, action, from_status, to_status, note, details)
    select id, ${ctx.now}, ${ctx.actor.id}::uuid, ${ctx.actor.name}, action, from_status, ${to}, note, details::jsonb
      from updated
    returning order_id`.execute(trx);
  if (rows.length === moves.length) return;
  const written = new Set(rows.map((r) => r.order_id));
  const lost = moves.find((m) => !written.has(m.order.id))!;
  throw new AppError('conflict', 'orders.concurrent_change', { number: lost.order.number });
}
