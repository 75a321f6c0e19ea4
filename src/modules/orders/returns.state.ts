import type { Trx } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import type { StateContext } from './order.state';
import { type ReturnRow, type ReturnStatus, returnsDb } from './returns.tables';

/**
 * The return lifecycle as one table: requested → approved | rejected; approved → awaiting_goods
 * (pickup booked or drop-off arranged); awaiting_goods → received (counted at the warehouse) →
 * inspected (each unit restocked, held or scrapped on the ledger) → closed (refund recorded,
 * replacement ordered, or closed without either). Until the goods arrive a return may be cancelled.
 */
export const RETURN_TRANSITIONS: Readonly<Record<ReturnStatus, readonly ReturnStatus[]>> = {
  requested: ['approved', 'rejected', 'cancelled'],
  approved: ['awaiting_goods', 'cancelled'],
  awaiting_goods: ['received', 'cancelled'],
  received: ['inspected'],
  inspected: ['closed'],
  rejected: [],
  closed: [],
  cancelled: [],
};

/** Statuses whose requested quantities still count against what may be returned. */
export const OPEN_RETURN: ReadonlySet<ReturnStatus> = new Set(['requested', 'approved', 'awaiting_goods']);
/** Statuses whose received quantities count as returned. */
export const GOODS_BACK: ReadonlySet<ReturnStatus> = new Set(['received', 'inspected', 'closed']);

export const canReturnTransition = (from: ReturnStatus, to: ReturnStatus): boolean =>
  RETURN_TRANSITIONS[from].includes(to);

export function assertReturnTransition(ret: Pick<ReturnRow, 'number' | 'status'>, to: ReturnStatus): void {
  if (!canReturnTransition(ret.status, to))
    throw new AppError('conflict', 'orders.return_illegal_transition', {
      number: ret.number,
      from: ret.status,
      to,
      allowed: RETURN_TRANSITIONS[ret.status].join(', ') || '-',
    });
}

export interface ReturnHistoryEntry {
  action: string;
  note?: string | null;
  details?: Record<string, unknown> | null;
}

/**
 * Move a return to `to` (checked against the table) with whatever changes at the same moment, and
 * record it in its history. A return someone else moved first is `orders.return_concurrent_change`.
 */
export async function transitionReturn(
  trx: Trx,
  ret: Pick<ReturnRow, 'id' | 'number' | 'status'>,
  to: ReturnStatus,
  ctx: StateContext,
  entry: ReturnHistoryEntry,
  set: Partial<Omit<ReturnRow, 'id' | 'status'>> = {},
): Promise<void> {
  assertReturnTransition(ret, to);
  const updated = await returnsDb(trx)
    .updateTable('orders.return')
    .set((eb) => ({
      ...set,
      status: to,
      status_changed_at: ctx.now,
      updated_at: ctx.now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', ret.id)
    .where('status', '=', ret.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError('conflict', 'orders.return_concurrent_change', { number: ret.number });
  await recordReturnHistory(trx, ret.id, ctx, { ...entry, from: ret.status, to });
}

export async function recordReturnHistory(
  trx: Trx,
  returnId: string,
  ctx: StateContext,
  entry: ReturnHistoryEntry & { from?: ReturnStatus | null; to?: ReturnStatus | null },
): Promise<void> {
  await returnsDb(trx)
    .insertInto('orders.return_history')
    .values({
      return_id: returnId,
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
