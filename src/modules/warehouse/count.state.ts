import type { Actor } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import { type CountStatus, countDb } from './count.tables';

/**
 * The count (盘点单) lifecycle. `planned`: tasks exist, nobody has started; `counting`: the first bin
 * was started; `submitted`: every bin is counted and the variances wait for approval (a manager's
 * when a line is over the approval threshold); `recount`: bins whose variance was outside the
 * tolerance (or that a manager sent back) are being counted again — when they are done the count is
 * `submitted` again; `approved`: the variances may be posted (automatically when none needed a
 * manager); `posted`: the variances are `count_variance` movements in the ledger. Anything not posted
 * can be cancelled.
 */
export const COUNT_TRANSITIONS: Record<CountStatus, readonly CountStatus[]> = {
  planned: ['counting', 'cancelled'],
  counting: ['submitted', 'recount', 'cancelled'],
  submitted: ['recount', 'approved', 'cancelled'],
  recount: ['submitted', 'cancelled'],
  approved: ['posted', 'cancelled'],
  posted: [],
  cancelled: [],
};

/** What may be done to a count besides changing its status, in each status. */
export const COUNT_ACTIONS = {
  count_bin: ['planned', 'counting', 'recount'],
  approve: ['submitted'],
  request_recount: ['submitted'],
  post: ['approved'],
} as const satisfies Record<string, readonly CountStatus[]>;
export type CountAction = keyof typeof COUNT_ACTIONS;

export const canTransitionCount = (from: CountStatus, to: CountStatus): boolean =>
  COUNT_TRANSITIONS[from].includes(to);

/** 409 `warehouse.count_action_not_allowed` unless `action` is allowed in the count's status. */
export function assertCountAction(count: { number: string; status: CountStatus }, action: CountAction): void {
  if (!(COUNT_ACTIONS[action] as readonly CountStatus[]).includes(count.status))
    throw new AppError('conflict', 'warehouse.count_action_not_allowed', {
      number: count.number,
      status: count.status,
      action,
    });
}

/**
 * Move a count to `to` if the table allows it: the status update is guarded by the status read (a
 * concurrent change is a conflict, not a lost update) and a history row is appended, in the
 * caller's transaction. Illegal → 409 `warehouse.count_illegal_transition`.
 */
export async function transitionCount(
  trx: Trx,
  count: { id: string; number: string; status: CountStatus },
  to: CountStatus,
  ctx: { actor: Actor; now: Date },
  note: string | null = null,
  extra: { approved_by_name?: string | null; cancel_reason?: string | null; posted_movements?: number } = {},
): Promise<void> {
  if (!canTransitionCount(count.status, to))
    throw new AppError('conflict', 'warehouse.count_illegal_transition', {
      number: count.number,
      from: count.status,
      to,
    });
  const stamps: Record<string, Date> = {};
  if (to === 'counting') stamps.started_at = ctx.now;
  if (to === 'submitted') stamps.submitted_at = ctx.now;
  if (to === 'approved') stamps.approved_at = ctx.now;
  if (to === 'cancelled') stamps.cancelled_at = ctx.now;
  if (to === 'posted') stamps.posted_at = ctx.now;
  const names = to === 'posted' ? { posted_by_name: ctx.actor.name } : {};
  const updated = await countDb(trx)
    .updateTable('warehouse.count')
    .set({ status: to, updated_at: ctx.now, ...stamps, ...names, ...extra })
    .where('id', '=', count.id)
    .where('status', '=', count.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError('conflict', 'warehouse.count_changed', { number: count.number });
  await countDb(trx)
    .insertInto('warehouse.count_history')
    .values({
      count_id: count.id,
      from_status: count.status,
      to_status: to,
      at: ctx.now,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      note,
    })
    .execute();
  count.status = to;
}
