import type { Actor } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import { whDb } from './warehouse.tables';

export const RECEIPT_STATUSES = [
  'draft',
  'arrived',
  'inspecting',
  'inspected',
  'putaway_in_progress',
  'completed',
  'cancelled',
] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];

/**
 * The receipt (入库单) lifecycle. `draft`: expected, goods not here yet; `arrived`: at the dock,
 * documents being checked; `inspecting`: lines being inspected (验收); `inspected`: signed off —
 * accepted goods are on the books at the dock and putaway tasks exist; `putaway_in_progress`: the
 * first task is confirmed; `completed`: everything accepted is in storage (or nothing was accepted).
 * A delivery can be turned away (cancelled) until it is signed off; after that, stock is on the books
 * and only putaway or return to the vendor move it.
 */
export const RECEIPT_TRANSITIONS: Record<ReceiptStatus, readonly ReceiptStatus[]> = {
  draft: ['arrived', 'cancelled'],
  arrived: ['inspecting', 'cancelled'],
  inspecting: ['inspected', 'cancelled'],
  inspected: ['putaway_in_progress', 'completed'],
  putaway_in_progress: ['completed'],
  completed: [],
  cancelled: [],
};

/** What may be done to a receipt (besides changing its status) in each status. */
export const RECEIPT_ACTIONS = {
  add_line: ['draft', 'arrived', 'inspecting'],
  record_documents: ['draft', 'arrived', 'inspecting'],
  inspect_line: ['arrived', 'inspecting'],
  putaway: ['inspected', 'putaway_in_progress'],
  return_to_vendor: ['inspected', 'putaway_in_progress', 'completed'],
} as const satisfies Record<string, readonly ReceiptStatus[]>;
export type ReceiptAction = keyof typeof RECEIPT_ACTIONS;

export const canTransition = (from: ReceiptStatus, to: ReceiptStatus): boolean =>
  RECEIPT_TRANSITIONS[from].includes(to);

/** 409 `warehouse.receipt_action_not_allowed` unless `action` is allowed in `status`. */
export function assertReceiptAction(
  receipt: { number: string; status: ReceiptStatus },
  action: ReceiptAction,
): void {
  if (!(RECEIPT_ACTIONS[action] as readonly ReceiptStatus[]).includes(receipt.status))
    throw new AppError('conflict', 'warehouse.receipt_action_not_allowed', {
      number: receipt.number,
      status: receipt.status,
      action,
    });
}

/**
 * Move a receipt to `to` if the table allows it: updates the status (guarded by the status read, so
 * a concurrent change is a conflict, not a lost update) and appends the history row, in the
 * caller's transaction. Illegal → 409 `warehouse.receipt_illegal_transition`.
 */
export async function transitionReceipt(
  trx: Trx,
  receipt: { id: string; number: string; status: ReceiptStatus },
  to: ReceiptStatus,
  ctx: { actor: Actor; now: Date },
  note: string | null = null,
): Promise<void> {
  if (!canTransition(receipt.status, to))
    throw new AppError('conflict', 'warehouse.receipt_illegal_transition', {
      number: receipt.number,
      from: receipt.status,
      to,
    });
  const stamps: Record<string, Date> = {};
  if (to === 'arrived') stamps.arrived_at = ctx.now;
  if (to === 'completed') stamps.completed_at = ctx.now;
  if (to === 'cancelled') stamps.cancelled_at = ctx.now;
  const updated = await whDb(trx)
    .updateTable('warehouse.receipt')
    .set({ status: to, updated_at: ctx.now, ...stamps })
    .where('id', '=', receipt.id)
    .where('status', '=', receipt.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError('conflict', 'warehouse.receipt_changed', { number: receipt.number });
  await whDb(trx)
    .insertInto('warehouse.receipt_history')
    .values({
      receipt_id: receipt.id,
      from_status: receipt.status,
      to_status: to,
      at: ctx.now,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      note,
    })
    .execute();
  receipt.status = to;
}
