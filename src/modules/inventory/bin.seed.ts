import { systemActor } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { type BinPattern, createBins, dispatchBinOf, expandBinPattern } from './bin.service';
import type { StorageClass } from './location.service';
import { stockDb } from './stock.tables';

type Grid = Omit<BinPattern, 'zoneId' | 'originXMm' | 'originYMm'>;

const shelf = { aislePitchMm: 3200, bayPitchMm: 1300 };
/** A realistic grid per zone class: aisles × bays × levels × positions, pick faces at the bottom. */
const GRIDS: Record<StorageClass, Grid> = {
  ambient: {
    ...shelf,
    aisles: ['A', 'B', 'C'],
    bays: 8,
    levels: 3,
    positions: 1,
    pickFaceLevels: 1,
    maxWeightG: 500_000,
    maxVolumeMm3: 1_200_000_000,
  },
  chilled: {
    ...shelf,
    aisles: ['K', 'L'],
    bays: 6,
    levels: 3,
    positions: 1,
    pickFaceLevels: 1,
    maxWeightG: 300_000,
    maxVolumeMm3: 800_000_000,
  },
  frozen: {
    ...shelf,
    aisles: ['F'],
    bays: 6,
    levels: 3,
    positions: 1,
    pickFaceLevels: 1,
    maxWeightG: 300_000,
    maxVolumeMm3: 800_000_000,
  },
  fragile: {
    ...shelf,
    aisles: ['G'],
    bays: 6,
    levels: 2,
    positions: 1,
    pickFaceLevels: 1,
    maxWeightG: 100_000,
    maxVolumeMm3: 600_000_000,
  },
  hazardous: {
    ...shelf,
    aisles: ['H'],
    bays: 4,
    levels: 2,
    positions: 1,
    pickFaceLevels: 1,
    maxWeightG: 200_000,
    maxVolumeMm3: 600_000_000,
  },
};

/**
 * Bins for every zone of every warehouse that has none yet (zones side by side, 20 m apart, bays
 * running away from the dispatch point at the origin), and each warehouse's dispatch point.
 * Idempotent: a zone that already has bins is left alone.
 */
export async function seedDemoBins(trx: Trx, now: Date): Promise<number> {
  const db = stockDb(trx);
  const zones = await db
    .selectFrom('inventory.zone as z')
    .select(['z.id', 'z.warehouse_id', 'z.storage_class', 'z.code'])
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('inventory.bin as b').select('b.id').whereRef('b.zone_id', '=', 'z.id')),
      ),
    )
    .orderBy('z.warehouse_id')
    .orderBy('z.code')
    .execute();
  const allZones = await db
    .selectFrom('inventory.zone')
    .select(['id', 'warehouse_id', 'code'])
    .orderBy('code')
    .execute();
  let created = 0;
  for (const zone of zones) {
    const index = allZones
      .filter((z) => z.warehouse_id === zone.warehouse_id)
      .findIndex((z) => z.id === zone.id);
    const bins = expandBinPattern({
      ...GRIDS[zone.storage_class],
      zoneId: zone.id,
      originXMm: 4000 + index * 20_000,
      originYMm: 3000,
    });
    created += (await createBins(trx, systemActor('demo-seed'), null, zone.warehouse_id, bins, now)).length;
  }
  const warehouses = await db.selectFrom('inventory.warehouse').select('id').execute();
  for (const w of warehouses) await dispatchBinOf(trx, w.id);
  return created;
}
