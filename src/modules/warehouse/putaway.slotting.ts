import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db';
import { binOccupancy, listBins, type StorageClass, ZONES_FOR_CLASS } from '../inventory';
import { holdKey, type SlotBin, type SlotItem, suggestPutaway, walkDistance } from './putaway.suggest';
import { unitVolumeMm3, type WarehouseSku, warehouseDeps } from './warehouse.deps';
import { whDb } from './warehouse.tables';

export interface PutawayNeed {
  key: string;
  skuId: string;
  lotId: string | null;
  qty: number;
}

/** Where the dispatch point is (the origin of the floor plan when the warehouse has none yet). */
async function dispatchPoint(db: Db | Trx, warehouseId: string) {
  const page = await listBins(db as Db, null, { warehouseId, kind: 'dispatch', limit: 1 });
  const d = page.items[0];
  return d ? { xMm: d.xMm, yMm: d.yMm } : { xMm: 0, yMm: 0 };
}

/**
 * The warehouse's storage bins that may take goods of `classes`, with their load: what they hold
 * (inventory balances) plus what open putaway tasks are bringing (except `exceptTaskIds`), weighed
 * with the catalog's SKU weight and dimensions.
 */
export async function loadSlotBins(
  db: Db | Trx,
  warehouseId: string,
  classes: readonly StorageClass[],
  options: { exceptTaskIds?: readonly string[]; binIds?: readonly string[] } = {},
): Promise<SlotBin[]> {
  const zoneClasses = [...new Set(classes.flatMap((c) => ZONES_FOR_CLASS[c]))];
  const [bins, origin] = await Promise.all([
    binOccupancy(db, { warehouseId, storageClasses: zoneClasses, binIds: options.binIds }),
    dispatchPoint(db, warehouseId),
  ]);
  if (!bins.length) return [];
  let planned = whDb(db)
    .selectFrom('warehouse.putaway_task')
    .select(['suggested_bin_id', 'sku_id', 'lot_id'])
    .select((eb) => eb.fn.sum<string>(eb('qty', '-', eb.ref('done_qty'))).as('left'))
    .where('warehouse_id', '=', warehouseId)
    .where('status', '=', 'open')
    .where(
      'suggested_bin_id',
      'in',
      bins.map((b) => b.id),
    )
    .groupBy(['suggested_bin_id', 'sku_id', 'lot_id']);
  if (options.exceptTaskIds?.length) planned = planned.where('id', 'not in', [...options.exceptTaskIds]);
  const plannedRows = await planned.execute();
  const contents = new Map<string, Array<{ skuId: string; lotId: string | null; qty: number }>>();
  for (const b of bins)
    contents.set(
      b.id,
      b.contents.map((c) => ({ skuId: c.skuId, lotId: c.lotId, qty: c.onHand })),
    );
  for (const p of plannedRows)
    contents.get(p.suggested_bin_id!)?.push({ skuId: p.sku_id, lotId: p.lot_id, qty: Number(p.left) });
  const skuIds = [...new Set([...contents.values()].flat().map((c) => c.skuId))];
  const skus = skuIds.length ? await warehouseDeps().skusByIds(db, skuIds) : new Map<string, WarehouseSku>();
  return bins.map((b) => {
    let weight = 0;
    let volume = 0;
    const holds = new Set<string>();
    for (const c of contents.get(b.id) ?? []) {
      if (c.qty <= 0) continue;
      const sku = skus.get(c.skuId);
      if (sku) {
        weight += c.qty * sku.weightG;
        volume += c.qty * unitVolumeMm3(sku);
      }
      holds.add(holdKey(c.skuId, c.lotId));
    }
    return {
      id: b.id,
      code: b.code,
      kind: b.kind,
      storageClass: b.storageClass,
      active: b.active,
      distanceMm: walkDistance(b, origin),
      maxWeightG: b.maxWeightG,
      maxVolumeMm3: b.maxVolumeMm3,
      loadWeightG: weight,
      loadVolumeMm3: volume,
      holds,
    };
  });
}

/**
 * The SKUs among `skuIds` that the warehouse's current ABC classification (its latest run, see
 * abc.service.ts) puts in class A: they go to pick faces near dispatch. One indexed lookup of the
 * SKUs asked about — the classification itself is computed by the ABC run, not per suggestion.
 * Before a warehouse's first ABC run no SKU is class A, and goods are slotted by the class-neutral
 * rule (same lot first, then the nearest reserve storage, then pick faces).
 */
export async function fastMovers(
  db: Db | Trx,
  warehouseId: string,
  skuIds: readonly string[],
): Promise<Set<string>> {
  const unique = [...new Set(skuIds)];
  if (!unique.length) return new Set();
  const { rows } = await sql<{ sku_id: string }>`
    select i.sku_id from warehouse.abc_item i
    where i.run_id = (select r.id from warehouse.abc_run r where r.warehouse_id = ${warehouseId}::uuid
        order by r.computed_at desc, r.id desc limit 1)
      and i.class = 'A' and i.sku_id = any(${unique}::uuid[])`.execute(db);
  return new Set(rows.map((r) => r.sku_id));
}

/** Slotting items for the needs, with the SKUs' weight, volume, storage class and ABC class A. */
export function slotItems(
  needs: readonly PutawayNeed[],
  skus: ReadonlyMap<string, WarehouseSku>,
  fast: ReadonlySet<string>,
): SlotItem[] {
  return needs.map((n) => {
    const sku = skus.get(n.skuId)!;
    return {
      key: n.key,
      skuId: n.skuId,
      lotId: n.lotId,
      qty: n.qty,
      unitWeightG: sku.weightG,
      unitVolumeMm3: unitVolumeMm3(sku),
      storageClass: sku.storageClass,
      fastMover: fast.has(n.skuId),
    };
  });
}

/** Suggest bins for the needs (splitting across bins) in one warehouse. */
export async function planPutaway(
  db: Db | Trx,
  warehouseId: string,
  needs: readonly PutawayNeed[],
  options: { exceptTaskIds?: readonly string[] } = {},
) {
  const skus = await warehouseDeps().skusByIds(
    db,
    needs.map((n) => n.skuId),
  );
  const classes = [...new Set(needs.map((n) => skus.get(n.skuId)!.storageClass))];
  const [bins, fast] = await Promise.all([
    loadSlotBins(db, warehouseId, classes, options),
    fastMovers(
      db,
      warehouseId,
      needs.map((n) => n.skuId),
    ),
  ]);
  return { plan: suggestPutaway(slotItems(needs, skus, fast), bins), bins, skus };
}
