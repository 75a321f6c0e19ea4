import type { Trx } from '../../platform/db';
import { type OutboundStatus, transitionOutbound } from './outbound.state';
import { obDb, type PickTaskStatus } from './outbound.tables';
import type { WhContext } from './warehouse.access';
import { transitionWave, type WaveStatus } from './wave.state';

/**
 * Outbound lines are the truth (what each order still needs from which bin and lot); pick tasks,
 * pick lists, outbound documents and waves are aggregates of them. After lines change, these
 * functions bring the aggregates in line — each status change through its transition table.
 */

/** Recompute tasks from their lines: quantities, and open / done / short / cancelled. */
export async function settleTasks(trx: Trx, taskIds: Iterable<string>, now: Date): Promise<string[]> {
  const ids = [...new Set(taskIds)];
  if (!ids.length) return [];
  const sums = await obDb(trx)
    .selectFrom('warehouse.outbound_line')
    .select('pick_task_id')
    .select((eb) => [
      eb.fn.sum<string>('qty').as('qty'),
      eb.fn.sum<string>('picked_qty').as('picked'),
      eb.fn.sum<string>('short_qty').as('short'),
    ])
    .where('pick_task_id', 'in', ids)
    .groupBy('pick_task_id')
    .execute();
  const listIds = new Set<string>();
  for (const id of ids) {
    const s = sums.find((r) => r.pick_task_id === id);
    const qty = Number(s?.qty ?? 0);
    const picked = Number(s?.picked ?? 0);
    const short = Number(s?.short ?? 0);
    const status: PickTaskStatus =
      qty === 0 ? 'cancelled' : picked + short < qty ? 'open' : short > 0 ? 'short' : 'done';
    const row = await obDb(trx)
      .updateTable('warehouse.pick_task')
      .set({ qty, picked_qty: picked, short_qty: short, status, updated_at: now })
      .where('id', '=', id)
      .returning('pick_list_id')
      .executeTakeFirstOrThrow();
    listIds.add(row.pick_list_id);
  }
  await settlePickLists(trx, listIds, now);
  return [...listIds];
}

/** A list with no open task is done (or cancelled when every task was); one with work is picking or open. */
export async function settlePickLists(trx: Trx, listIds: Iterable<string>, now: Date): Promise<void> {
  for (const id of new Set(listIds)) {
    const list = await obDb(trx)
      .selectFrom('warehouse.pick_list')
      .select(['status', 'started_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (list.status === 'cancelled') continue;
    const tasks = await obDb(trx)
      .selectFrom('warehouse.pick_task')
      .select(['status', 'picked_qty', 'short_qty'])
      .where('pick_list_id', '=', id)
      .execute();
    const open = tasks.some((t) => t.status === 'open');
    const live = tasks.some((t) => t.status !== 'cancelled');
    const touched = tasks.some((t) => Number(t.picked_qty) + Number(t.short_qty) > 0);
    const status = !live ? 'cancelled' : open ? (touched ? 'picking' : 'open') : 'done';
    if (status !== list.status)
      await obDb(trx)
        .updateTable('warehouse.pick_list')
        .set({
          status,
          started_at: list.started_at ?? (touched ? now : null),
          completed_at: status === 'done' || status === 'cancelled' ? now : null,
        })
        .where('id', '=', id)
        .execute();
  }
}

/** The picking part of an outbound document's status, from its lines. */
export async function settleOutboundPicking(
  trx: Trx,
  doc: { id: string; number: string; status: OutboundStatus },
  now: Date,
): Promise<void> {
  const lines = await obDb(trx)
    .selectFrom('warehouse.outbound_line')
    .select(['qty', 'picked_qty', 'short_qty'])
    .where('outbound_id', '=', doc.id)
    .execute();
  const open = lines.reduce((s, l) => s + Number(l.qty) - Number(l.picked_qty) - Number(l.short_qty), 0);
  const picked = lines.reduce((s, l) => s + Number(l.picked_qty), 0);
  if (doc.status === 'waved' || doc.status === 'picking') {
    if (open === 0 && picked > 0) await transitionOutbound(trx, doc, 'picked', now);
    else if (doc.status === 'waved' && picked > 0) await transitionOutbound(trx, doc, 'picking', now);
  } else if ((doc.status === 'picked' || doc.status === 'packing') && open > 0) {
    await transitionOutbound(trx, doc, 'picking', now);
  }
}

/** Advance (or take back) a wave from what its pick tasks and orders show. */
export async function settleWave(trx: Trx, waveId: string | null, ctx: WhContext): Promise<void> {
  if (!waveId) return;
  const wave = await obDb(trx)
    .selectFrom('warehouse.wave')
    .select(['id', 'number', 'status'])
    .where('id', '=', waveId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (wave.status === 'planned' || wave.status === 'closed' || wave.status === 'cancelled') return;
  const tasks = await obDb(trx)
    .selectFrom('warehouse.pick_task as t')
    .innerJoin('warehouse.pick_list as l', 'l.id', 't.pick_list_id')
    .select(['t.status', 't.picked_qty', 't.short_qty'])
    .where('l.wave_id', '=', waveId)
    .where('l.status', '<>', 'cancelled')
    .execute();
  const docs = await obDb(trx)
    .selectFrom('warehouse.outbound')
    .select('status')
    .where('wave_id', '=', waveId)
    .execute();
  const open = tasks.some((t) => t.status === 'open');
  const touched = tasks.some((t) => Number(t.picked_qty) + Number(t.short_qty) > 0);
  const live = docs.filter((d) => d.status !== 'cancelled');
  const step = async (to: WaveStatus) => transitionWave(trx, wave, to, ctx);
  if (wave.status === 'released' && touched) await step('picking');
  if (wave.status === 'picked' && open) await step('picking');
  if (wave.status === 'picking' && !open) await step('picked');
  // Every order left the wave (cancelled or allocated afresh): nothing more will happen to it.
  if (!live.length) {
    if (wave.status === 'picked') await step('packed');
    if (wave.status === 'packed') await step('closed');
    return;
  }
  if (wave.status === 'picked' && live.every((d) => d.status === 'packed' || d.status === 'shipped'))
    await step('packed');
  if (wave.status === 'packed' && live.every((d) => d.status === 'shipped')) await step('closed');
}
