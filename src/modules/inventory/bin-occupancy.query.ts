import type { Db, Trx } from '../../platform/db';
import type { StorageClass } from './location.service';
import { type BinKind, stockDb } from './stock.tables';

/** What a bin holds right now (every status), for capacity and slotting decisions. */
export interface BinContent {
  skuId: string;
  lotId: string | null;
  onHand: number;
}

/** A bin with its zone's storage class and its contents. */
export interface BinOccupancy {
  id: string;
  warehouseId: string;
  zoneId: string | null;
  code: string;
  barcode: string;
  kind: BinKind;
  storageClass: StorageClass | null;
  xMm: number;
  yMm: number;
  maxWeightG: number | null;
  maxVolumeMm3: number | null;
  active: boolean;
  contents: BinContent[];
}

export interface BinOccupancyQuery {
  warehouseId: string;
  /** Only bins in zones of these classes (the dispatch point has none, so it is left out). */
  storageClasses?: readonly StorageClass[];
  binIds?: readonly string[];
  /** Exact barcode (a scan). */
  barcode?: string;
}

/**
 * Bins of one warehouse with what each holds (on hand per SKU and lot, any status). The warehouse
 * module weighs the contents with the catalog's SKU facts to know the room left in a bin. Read-only.
 */
export async function binOccupancy(db: Db | Trx, query: BinOccupancyQuery): Promise<BinOccupancy[]> {
  const s = stockDb(db);
  if (query.storageClasses && !query.storageClasses.length) return [];
  if (query.binIds && !query.binIds.length) return [];
  let q = s
    .selectFrom('inventory.bin as b')
    .leftJoin('inventory.zone as z', 'z.id', 'b.zone_id')
    .selectAll('b')
    .select('z.storage_class')
    .where('b.warehouse_id', '=', query.warehouseId);
  if (query.storageClasses) q = q.where('z.storage_class', 'in', [...query.storageClasses]);
  if (query.binIds) q = q.where('b.id', 'in', [...new Set(query.binIds)]);
  if (query.barcode !== undefined) q = q.where('b.barcode', '=', query.barcode);
  const bins = await q.orderBy('b.code').execute();
  if (!bins.length) return [];
  const contents = new Map<string, BinContent[]>();
  const ids = bins.map((b) => b.id);
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await s
      .selectFrom('inventory.balance')
      .select(['bin_id', 'sku_id', 'lot_id'])
      .select((eb) => eb.fn.sum<string>('on_hand').as('on_hand'))
      .where('warehouse_id', '=', query.warehouseId)
      .where('bin_id', 'in', ids.slice(i, i + 1000))
      .where('on_hand', '>', 0)
      .groupBy(['bin_id', 'sku_id', 'lot_id'])
      .execute();
    for (const r of rows) {
      const list = contents.get(r.bin_id) ?? [];
      list.push({ skuId: r.sku_id, lotId: r.lot_id, onHand: Number(r.on_hand) });
      contents.set(r.bin_id, list);
    }
  }
  return bins.map((b) => ({
    id: b.id,
    warehouseId: b.warehouse_id,
    zoneId: b.zone_id,
    code: b.code,
    barcode: b.barcode,
    kind: b.kind,
    storageClass: b.storage_class ?? null,
    xMm: b.x_mm,
    yMm: b.y_mm,
    maxWeightG: b.max_weight_g === null ? null : Number(b.max_weight_g),
    maxVolumeMm3: b.max_volume_mm3 === null ? null : Number(b.max_volume_mm3),
    active: b.active,
    contents: contents.get(b.id) ?? [],
  }));
}
