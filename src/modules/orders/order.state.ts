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

/** A status change as allocation decides it: the order, its history entry and what goes with it. */
export interface Move {
  order: Pick<OrderRow, 'id' | 'number' | 'status'>;
  entry: HistoryEntry;
  set?: {
    warehouse_id?: string | null;
    shipping_cost_fen?: number | null;
    promised_date?: string | null;
    reason_codes?: string[];
    issues?: unknown[];
  };
}
