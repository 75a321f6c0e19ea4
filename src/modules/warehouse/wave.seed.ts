import { sql } from 'kysely';
import { systemActor } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { listWarehouses } from '../inventory';
import { ORDER_RELEASED_TOPIC } from './outbound.handlers';
import { createOutboundFromRelease, type ReleasedPayload } from './outbound.service';
import { obDb } from './outbound.tables';
import { waveProposal } from './wave.query';
import { createWave, releaseWave } from './wave.service';

/**
 * Demo outbound work (出库作业) for a first start: the released demo orders become outbound
 * documents at once — the same idempotent step the outbox runs for `orders.order_released`, keyed by
 * the event, so the dispatcher's later delivery finds the document and changes nothing — and in every
 * warehouse with waiting orders the largest group of the automatic proposal becomes a wave, released
 * with its batch pick lists. The other waiting orders stay for the user to wave. Skips warehouses
 * that already have a wave, so it is safe on every start. Needs the orders module's lookups bound
 * (createModules), as the orders seed does.
 */
export async function seedDemoWaves(trx: Trx, now: Date): Promise<void> {
  const ctx = { actor: systemActor('demo-seed'), now, principal: null };
  const { rows: released } = await sql<{ id: string; payload: unknown }>`
    select id, payload from platform.outbox_event where topic = ${ORDER_RELEASED_TOPIC} order by created_at, id`.execute(
    trx,
  );
  for (const event of released) {
    const payload = (
      typeof event.payload === 'string' ? JSON.parse(event.payload) : event.payload
    ) as ReleasedPayload;
    await createOutboundFromRelease(trx, event.id, payload, ctx);
  }
  for (const w of await listWarehouses(trx as Db, null)) {
    const hasWave = await obDb(trx)
      .selectFrom('warehouse.wave')
      .select('id')
      .where('warehouse_id', '=', w.id)
      .executeTakeFirst();
    if (hasWave) continue;
    const groups = (await waveProposal(trx as Db, null, { warehouseId: w.id }, now)).waves;
    // The proposal's largest group (the earliest truck among equals).
    const first = groups.reduce<(typeof groups)[number] | null>(
      (best, g) => (!best || g.outboundIds.length > best.outboundIds.length ? g : best),
      null,
    );
    if (!first) continue;
    const wave = await createWave(
      trx,
      { warehouseId: w.id, outboundIds: first.outboundIds, origin: 'proposal', note: '演示波次 demo wave' },
      ctx,
    );
    await releaseWave(trx, wave.id, ctx);
  }
}
