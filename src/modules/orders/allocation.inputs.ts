import type { Db, Trx } from '../../platform/db';
import { REFERENCE_TTL_MS, referenceCache } from '../../platform/lib/reference-cache';
import { addDays, businessDayOf } from '../../platform/time/calendar';
import { parseAddress } from './address.parse';
import type { PlanWarehouse, StorageClass } from './allocation.plan';
import { ordersDb } from './order.tables';
import { ordersDeps, timeZoneOf, type WarehouseInfo } from './orders.deps';
import { DEFAULT_TRANSIT_DAYS, type ServiceType, type Zone } from './shipping.rates';

/** What the planner needs from the inventory module, in its own terms. */

export interface KnownWarehouse extends PlanWarehouse {
  nameZh: string;
  nameEn: string;
}

/** Parsed warehouse provinces by city and address (a pure function of the text, so kept). */
const provinces = new Map<string, string | null>();

/** The warehouse's province from its address (or its city), for zones and service levels. */
function provinceOf(w: WarehouseInfo): string | null {
  const key = `${w.city}\u0000${w.address}`;
  let code = provinces.get(key);
  if (code === undefined) {
    code = parseAddress(w.address).provinceCode ?? parseAddress(`${w.city}市${w.address}`).provinceCode;
    if (provinces.size >= 10_000) provinces.clear();
    provinces.set(key, code);
  }
  return code;
}

export async function activeWarehouses(db: Db | Trx): Promise<KnownWarehouse[]> {
  const all = await ordersDeps().listWarehouses(db as Db, null);
  return all
    .filter((w) => w.active)
    .map((w) => ({
      id: w.id,
      code: w.code,
      nameZh: w.nameZh,
      nameEn: w.nameEn,
      provinceCode: provinceOf(w),
      point: w.latitude !== null && w.longitude !== null ? { lat: w.latitude, lng: w.longitude } : null,
      storageClasses: new Set<StorageClass>(w.zones.map((z) => z.storageClass)),
    }));
}

/**
 * Free stock each warehouse could reserve for these SKUs now: available balances in storage bins
 * (not the dispatch point), leaving out lots that expired or have less than the SKU's minimum
 * remaining shelf life — the same stock the inventory's `reserve` would choose from.
 */
export async function allocatableStock(
  db: Db | Trx,
  skus: Array<{ skuId: string; minRemainingShelfLifeDays: number | null }>,
  now: Date,
): Promise<Map<string, Map<string, number>>> {
  const today = businessDayOf(now, timeZoneOf());
  const cutoffs = new Map(
    skus.map((s) => [s.skuId, addDays(today, Math.max(0, s.minRemainingShelfLifeDays ?? 0))]),
  );
  const out = new Map<string, Map<string, number>>();
  const rows = await ordersDeps().availableStock(
    db as Db,
    skus.map((s) => s.skuId),
  );
  for (const row of rows) {
    const cutoff = cutoffs.get(row.skuId);
    if (cutoff === undefined || row.available <= 0) continue;
    if (row.expiryDate !== null && row.expiryDate < cutoff) continue;
    const bySku = out.get(row.warehouseId) ?? new Map<string, number>();
    bySku.set(row.skuId, (bySku.get(row.skuId) ?? 0) + row.available);
    out.set(row.warehouseId, bySku);
  }
  return out;
}

/** The whole service-level table (a few hundred rows), cached like other reference data. */
const serviceLevels = referenceCache(REFERENCE_TTL_MS, async (db: Db) => {
  const rows = await ordersDb(db)
    .selectFrom('orders.service_level')
    .select(['warehouse_id', 'dest_province_code', 'service_type', 'days'])
    .execute();
  const byKey = new Map<string, number>();
  for (const r of rows) byKey.set(`${r.warehouse_id}|${r.dest_province_code}|${r.service_type}`, r.days);
  return byKey;
});

/** After a committed change of the service-level table. */
export const serviceLevelsChanged = () => serviceLevels.invalidate();

/**
 * Warehouses and the service-level table for allocations, read before a transaction from the
 * request's database (so from the reference-data cache) and handed to `allocateOrder`. Never read
 * the request's database inside a transaction: on PGlite there is one connection, which the
 * transaction holds.
 */
export interface AllocationReference {
  warehouses: KnownWarehouse[];
  serviceLevels: Map<string, number>;
}

export async function allocationReference(db: Db): Promise<AllocationReference> {
  const [warehouses, levels] = await Promise.all([activeWarehouses(db), serviceLevels.get(db)]);
  return { warehouses, serviceLevels: levels };
}

/** Transit days: the service-level table's row for warehouse × destination province × service, else by zone. */
export async function transitDaysFor(
  db: Db | Trx,
  destinationProvince: string | null,
  service: ServiceType,
  reference?: AllocationReference,
): Promise<(warehouseId: string, zone: Zone) => number> {
  const table = !destinationProvince
    ? new Map<string, number>()
    : (reference?.serviceLevels ?? (await serviceLevels.get(db)));
  return (warehouseId, zone) =>
    table.get(`${warehouseId}|${destinationProvince}|${service}`) ?? DEFAULT_TRANSIT_DAYS[service][zone];
}
