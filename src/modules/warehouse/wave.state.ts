import type { Actor } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import { obDb } from './outbound.tables';

export const WAVE_STATUSES = [
  'planned',
  'released',
  'picking',
  'picked',
  'packed',
  'closed',
  'cancelled',
] as const;
export type WaveStatus = (typeof WAVE_STATUSES)[number];

/**
 * The wave (波次) lifecycle. `planned`: orders chosen; `released`: pick lists made and sequenced
 * along the pick path; `picking`: the first pick or shortage is reported; `picked`: no pick task is
 * open; `packed`: every order of the wave is packed (or left it); `closed`: every order has left
 * the gate, or a manager closed it. A wave can be cancelled until picking starts: its orders go
 * back to the pool. A shortage re-allocated to other bins while the wave is `picked` adds a
 * supplementary pick list and the wave is picking again.
 */
export const WAVE_TRANSITIONS: Record<WaveStatus, readonly WaveStatus[]> = {
  planned: ['released', 'cancelled'],
  released: ['picking', 'cancelled'],
  picking: ['picked'],
  picked: ['packed', 'picking'],
  packed: ['closed'],
  closed: [],
  cancelled: [],
};

export const canTransitionWave = (from: WaveStatus, to: WaveStatus): boolean =>
  WAVE_TRANSITIONS[from].includes(to);

/**
 * Move a wave to `to` if the table allows it: status (guarded by the status read, so a concurrent
 * change is a conflict, not a lost update) and the history row, in the caller's transaction.
 * Illegal → 409 `warehouse.wave_illegal_transition`.
 */
export async function transitionWave(
  trx: Trx,
  wave: { id: string; number: string; status: WaveStatus },
  to: WaveStatus,
  ctx: { actor: Actor; now: Date },
  note: string | null = null,
): Promise<void> {
  if (!canTransitionWave(wave.status, to))
    throw new AppError('conflict', 'warehouse.wave_illegal_transition', {
      number: wave.number,
      from: wave.status,
      to,
    });
  const stamps: Record<string, Date | string | null> = {};
  if (to === 'released') stamps.released_at = ctx.now;
  if (to === 'closed') stamps.closed_at = ctx.now;
  if (to === 'cancelled') {
    stamps.cancelled_at = ctx.now;
    stamps.cancel_reason = note;
  }
  const updated = await obDb(trx)
    .updateTable('warehouse.wave')
    .set({ status: to, updated_at: ctx.now, ...stamps })
    .where('id', '=', wave.id)
    .where('status', '=', wave.status)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1)
    throw new AppError('conflict', 'warehouse.wave_changed', { number: wave.number });
  await obDb(trx)
    .insertInto('warehouse.wave_history')
    .values({
      wave_id: wave.id,
      from_status: wave.status,
      to_status: to,
      at: ctx.now,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      note,
    })
    .execute();
  wave.status = to;
}
