import type { Actor } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import { type KitOrderStatus, kitDb } from './kit.tables';

/**
 * The kitting work order (加工单) lifecycle. `planned`: components reserved, nothing done;
 * `in_progress`: work started, kits may be completed in parts; `completed`: all planned kits made, or
 * closed short (the rest of the reservation released); `cancelled`: before any kit was made, with
 * every reservation released.
 */
export const KIT_ORDER_TRANSITIONS: Record<KitOrderStatus, readonly KitOrderStatus[]> = {
  planned: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

/** Move a work order to `to` if the table allows it, with a history row (409 otherwise). */
export async function transitionKitOrder(
  trx: Trx,
  order: { id: string; number: string; status: KitOrderStatus },
  to: KitOrderStatus,
  ctx: { actor: Actor; now: Date },
  note: string | null = null,
  extra: { cancel_reason?: string } = {},
): Promise<void> {
  if (!KIT_ORDER_TRANSITIONS[order.status].includes(to))
    throw new AppError('conflict', 'warehouse.kit_order_illegal_transition', {
      number: order.number,
      from: order.status,
      to,
    });
  const stamps: Record<string, Date> = {};
  if (to === 'in_progress') stamps.started_at = ctx.now;
  if (to === 'completed') stamps.completed_at = ctx.now;
  if (to === 'cancelled') stamps.cancelled_at = ctx.now;
  const updated = await kitDb(trx)
    .updateTable('warehouse.kit_order')
    .set({ status: to, updated_at: ctx.now, ...stamps, ...extra })
    .where('id', '=', order.id)
    .where('status', '=', order.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError('conflict', 'warehouse.kit_order_changed', { number: order.number });
  await kitDb(trx)
    .insertInto('warehouse.kit_order_history')
    .values({
      order_id: order.id,
      from_status: order.status,
      to_status: to,
      at: ctx.now,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      note,
    })
    .execute();
  order.status = to;
}
