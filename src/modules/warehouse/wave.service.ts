import { recordAudit } from '../../platform/audit/audit';
import { canAccessWarehouse, type Principal } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { nextDocNumber } from '../../platform/lib/doc-number';
import { AppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { outboundDeps } from './outbound.deps';
import { settleWave } from './outbound.settle';
import { transitionOutbound } from './outbound.state';
import { obDb, type WaveRow } from './outbound.tables';
import { generatePickLists } from './pick.generate';
import type { WhContext } from './warehouse.access';
import { transitionWave } from './wave.state';

export const WAVE_ENTITY = 'warehouse.wave';

/** Warehouse staff of the warehouse (merchant users never see waves, which mix merchants). */
export const seesWarehouse = (principal: Principal | null, warehouseId: string): boolean =>
  !principal || (!principal.merchantId && canAccessWarehouse(principal, warehouseId));

/** The wave, locked, if the caller may see it (else "not found"). */
export async function lockWave(trx: Trx, principal: Principal | null, id: string): Promise<WaveRow> {
  const wave = await obDb(trx)
    .selectFrom('warehouse.wave')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!wave || !seesWarehouse(principal, wave.warehouse_id)) throw notFound('wave', id);
  return wave;
}

export interface WaveInput {
  warehouseId: string;
  outboundIds: string[];
  note?: string | null;
  /** `proposal` when the orders are one group of the automatic proposal. */
  origin?: 'proposal' | 'manual';
}

/**
 * A wave (波次) of orders waiting in one warehouse — a group of the proposal or any selection. Every
 * order must be `open` (released, not in another wave). The wave carries the carrier, cut-off,
 * temperature class and zones its orders share (null where they differ) and the earliest cut-off.
 */
export async function createWave(trx: Trx, input: WaveInput, ctx: WhContext): Promise<WaveRow> {
  if (!seesWarehouse(ctx.principal, input.warehouseId)) throw notFound('warehouse', input.warehouseId);
  const ids = [...new Set(input.outboundIds)].sort();
  const docs = await obDb(trx)
    .selectFrom('warehouse.outbound')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
  for (const id of ids) {
    const doc = docs.find((d) => d.id === id);
    if (!doc || doc.warehouse_id !== input.warehouseId) throw notFound('outbound', id);
    if (doc.status !== 'open')
      throw new AppError('conflict', 'warehouse.outbound_not_open', {
        number: doc.number,
        status: doc.status,
      });
  }
  const same = <T>(values: T[]): T | null => (values.every((v) => v === values[0]) ? values[0] : null);
  const wave: WaveRow = {
    id: newId(),
    number: await nextDocNumber(trx, 'WV', ctx.now, outboundDeps().timeZone),
    warehouse_id: input.warehouseId,
    status: 'planned',
    origin: input.origin ?? 'manual',
    carrier: same(docs.map((d) => d.carrier)),
    cutoff_at: new Date(Math.min(...docs.map((d) => d.cutoff_at.getTime()))),
    temperature_class: same(docs.map((d) => d.temperature_class)),
    zone_key: same(docs.map((d) => d.zone_key)),
    note: input.note ?? null,
    created_by_id: ctx.actor.id,
    created_by_name: ctx.actor.name,
    created_at: ctx.now,
    updated_at: ctx.now,
    released_at: null,
    closed_at: null,
    cancelled_at: null,
    cancel_reason: null,
  };
  await obDb(trx).insertInto('warehouse.wave').values(wave).execute();
  await obDb(trx)
    .insertInto('warehouse.wave_history')
    .values({
      wave_id: wave.id,
      from_status: null,
      to_status: 'planned',
      at: ctx.now,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      note: input.note ?? null,
    })
    .execute();
  for (const doc of docs) await transitionOutbound(trx, doc, 'waved', ctx.now, { wave_id: wave.id });
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'create',
      entity: WAVE_ENTITY,
      entityId: wave.id,
      summary: `wave ${wave.number}: ${docs.length} order(s) (${wave.origin})`,
      after: {
        outbounds: docs.map((d) => d.number),
        carrier: wave.carrier,
        cutoffAt: wave.cutoff_at,
        temperatureClass: wave.temperature_class,
      },
    },
    ctx.now,
  );
  return wave;
}

/** Release a planned wave to the floor: its batch pick lists are made and sequenced. */
export async function releaseWave(trx: Trx, id: string, ctx: WhContext): Promise<string[]> {
  const wave = await lockWave(trx, ctx.principal, id);
  await transitionWave(trx, wave, 'released', ctx);
  const lists = await generatePickLists(trx, wave, false, ctx);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'release',
      entity: WAVE_ENTITY,
      entityId: wave.id,
      summary: `wave ${wave.number} released: ${lists.length} pick list(s)`,
    },
    ctx.now,
  );
  return lists;
}

/**
 * Cancel a wave before picking starts: its pick lists are withdrawn and its orders go back to the
 * pool (`open`), to be waved again.
 */
export async function cancelWave(trx: Trx, id: string, reason: string, ctx: WhContext): Promise<void> {
  const wave = await lockWave(trx, ctx.principal, id);
  await transitionWave(trx, wave, 'cancelled', ctx, reason);
  const lists = await obDb(trx)
    .selectFrom('warehouse.pick_list')
    .select('id')
    .where('wave_id', '=', wave.id)
    .execute();
  if (lists.length) {
    const listIds = lists.map((l) => l.id);
    const tasks = await obDb(trx)
      .selectFrom('warehouse.pick_task')
      .select('id')
      .where('pick_list_id', 'in', listIds)
      .execute();
    if (tasks.length) {
      await obDb(trx)
        .updateTable('warehouse.outbound_line')
        .set({ pick_task_id: null })
        .where(
          'pick_task_id',
          'in',
          tasks.map((t) => t.id),
        )
        .execute();
      await obDb(trx)
        .updateTable('warehouse.pick_task')
        .set({ status: 'cancelled', updated_at: ctx.now })
        .where('pick_list_id', 'in', listIds)
        .execute();
    }
    await obDb(trx)
      .updateTable('warehouse.pick_list')
      .set({ status: 'cancelled', completed_at: ctx.now })
      .where('id', 'in', listIds)
      .execute();
  }
  const docs = await obDb(trx)
    .selectFrom('warehouse.outbound')
    .selectAll()
    .where('wave_id', '=', wave.id)
    .forUpdate()
    .execute();
  for (const doc of docs)
    if (doc.status === 'waved') await transitionOutbound(trx, doc, 'open', ctx.now, { wave_id: null });
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'cancel',
      entity: WAVE_ENTITY,
      entityId: wave.id,
      summary: `wave ${wave.number} cancelled: ${reason}`,
    },
    ctx.now,
  );
}

/** Close a packed wave by hand (its packed orders still leave through the gate on their own). */
export async function closeWave(trx: Trx, id: string, note: string | null, ctx: WhContext): Promise<void> {
  const wave = await lockWave(trx, ctx.principal, id);
  await transitionWave(trx, wave, 'closed', ctx, note);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'close',
      entity: WAVE_ENTITY,
      entityId: wave.id,
      summary: `wave ${wave.number} closed${note ? `: ${note}` : ''}`,
    },
    ctx.now,
  );
}

/** Waves of outbound documents (for settling after gate releases and packing). */
export async function settleWavesOf(trx: Trx, waveIds: Array<string | null>, ctx: WhContext): Promise<void> {
  for (const id of new Set(waveIds)) await settleWave(trx, id, ctx);
}
