import { sql } from 'kysely';
import { systemActor } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { coldDb } from './coldchain.tables';
import { createIncident, postIncident } from './incident.service';
import { reviewHold } from './quality-hold.service';
import { type ReadingInput, recordReadings } from './temperature.service';

const STEP_MS = 15 * 60_000;
const DAYS = 3;
/** The demo's one past excursion: the Shanghai chilled zone, this long before `now`. */
const EXCURSION_HOURS_AGO = 40;
/** A door left open: tenths of °C every 15 minutes, back in range after 90 minutes. */
const EXCURSION_PROFILE = [46, 58, 69, 74, 68, 51, 36];

/** A smooth, deterministic wobble per zone (a compressor cycle and a day/night drift), in tenths of °C. */
function wobble(seed: number, i: number): number {
  return Math.round(
    6 * Math.sin(i / 3 + seed) +
      4 * Math.sin((i * 2 * Math.PI) / 96 + seed * 2) +
      2 * Math.sin(i * 1.7 + seed * 5),
  );
}

/**
 * Demo cold chain and safety data: three days of sensor readings (every 15 minutes) for the chilled and
 * frozen zones of the demo warehouses, with one past excursion in WH-SH's chilled zone — detected by
 * the real evaluation, so it has its alert (left open, to be acknowledged) and its quality hold,
 * which quality reviewed and released. And one posted damage incident in WH-SH. Idempotent: does
 * nothing once any temperature reading exists.
 */
export async function seedDemoColdChain(trx: Trx, now: Date): Promise<void> {
  const db = coldDb(trx);
  const done = await db.selectFrom('inventory.temperature_reading').select('id').limit(1).executeTakeFirst();
  if (done) return;
  const zones = await db
    .selectFrom('inventory.zone as z')
    .innerJoin('inventory.warehouse as w', 'w.id', 'z.warehouse_id')
    .select([
      'z.id',
      'z.code',
      'z.storage_class',
      'z.temp_min_dc',
      'z.temp_max_dc',
      'w.code as warehouse_code',
      'w.id as warehouse_id',
    ])
    .where('w.code', 'in', ['WH-SH', 'WH-BJ', 'WH-GZ'])
    .where('z.storage_class', 'in', ['chilled', 'frozen'])
    .orderBy('z.code')
    .execute();
  if (!zones.length) return;
  const end = Math.floor(now.getTime() / STEP_MS) * STEP_MS;
  const steps = (DAYS * 24 * 3_600_000) / STEP_MS;
  const excursionStart = end - EXCURSION_HOURS_AGO * 3_600_000;
  const ctx = { actor: systemActor('demo-seed'), now, principal: null };
  const readings: ReadingInput[] = [];
  zones.forEach((z, k) => {
    if (z.temp_min_dc === null || z.temp_max_dc === null) return;
    const mid = Math.round((z.temp_min_dc + z.temp_max_dc) / 2);
    const half = Math.round((z.temp_max_dc - z.temp_min_dc) / 2);
    const withExcursion = z.warehouse_code === 'WH-SH' && z.storage_class === 'chilled';
    for (let i = steps; i >= 0; i--) {
      const at = end - i * STEP_MS;
      const n = (at - excursionStart) / STEP_MS;
      const spike = withExcursion && n >= 0 && n < EXCURSION_PROFILE.length ? EXCURSION_PROFILE[n] : null;
      // Stay well inside the band (the wobble is at most ±12, the band at least ±20).
      const normal = mid + Math.max(-half + 4, Math.min(half - 4, wobble(k + 1, steps - i)));
      readings.push({
        zoneId: z.id,
        deviceId: `TL-${z.code}-01`,
        at: new Date(at).toISOString(),
        tempDc: spike ?? normal,
      });
    }
  });
  const outcome = await recordReadings(trx, readings, 'sensor', ctx);
  // Quality reviewed the held chilled stock: product core temperature stayed below 8 °C, released.
  for (const excursionId of outcome.excursionsOpened) {
    const excursion = await db
      .selectFrom('inventory.temperature_excursion')
      .selectAll()
      .where('id', '=', excursionId)
      .executeTakeFirstOrThrow();
    if (!excursion.hold_id) continue;
    const lines = await db
      .selectFrom('inventory.quality_hold_line')
      .select(['id', 'qty'])
      .where('hold_id', '=', excursion.hold_id)
      .execute();
    await reviewHold(
      trx,
      excursion.hold_id,
      {
        note: '复核合格：抽检产品中心温度未超过 8 °C，放行 Core temperature stayed below 8 °C, released',
        lines: lines.map((l) => ({ lineId: Number(l.id), release: Number(l.qty) })),
      },
      { ...ctx, actor: systemActor('quality-demo') },
    );
  }
  await seedDemoIncident(trx, now, ctx);
}

/** A forklift knocked a pallet in WH-SH: two units of an ambient SKU written off as scrap. */
async function seedDemoIncident(
  trx: Trx,
  now: Date,
  ctx: { actor: ReturnType<typeof systemActor>; now: Date; principal: null },
) {
  const { rows } = await sql<{ warehouse_id: string; sku_id: string; bin_id: string; bin_code: string }>`
    select b.warehouse_id, b.sku_id, b.bin_id, n.code as bin_code
    from inventory.balance b
    join inventory.bin n on n.id = b.bin_id
    join inventory.zone z on z.id = n.zone_id
    join inventory.warehouse w on w.id = b.warehouse_id
    where w.code = 'WH-SH' and z.storage_class = 'ambient' and b.lot_id is null and b.status = 'available'
      and b.on_hand - b.reserved >= 12 and n.kind = 'reserve'
    order by n.code, b.id limit 1`.execute(trx);
  const line = rows[0];
  if (!line) return;
  const incident = await createIncident(
    trx,
    {
      warehouseId: line.warehouse_id,
      kind: 'damage',
      occurredAt: new Date(now.getTime() - 26 * 3_600_000).toISOString(),
      description: `叉车倒车时碰撞库位 ${line.bin_code} 的托盘，2 件外包装及内件破损，已拍照并隔离。A reversing forklift hit the pallet in ${line.bin_code}; 2 units damaged.`,
      photos: ['demo/incidents/forklift-damage-1.jpg', 'demo/incidents/forklift-damage-2.jpg'],
      lines: [{ skuId: line.sku_id, binId: line.bin_id, qty: 2 }],
    },
    ctx,
  );
  await postIncident(trx, incident.id, ctx);
}
