import type { Db, Trx } from '../../platform/db';
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
  const deps = ordersDeps();
  const today = businessDayOf(now, timeZoneOf());
  const out = new Map<string, Map<string, number>>();
  for (const { skuId, minRemainingShelfLifeDays } of skus) {
    const cutoff = addDays(today, Math.max(0, minRemainingShelfLifeDays ?? 0));
    let cursor: string | undefined;
    do {
      const page = await deps.listStock(db as Db, null, { skuId, status: 'available', limit: 500, cursor });
      for (const row of page.items) {
        if (row.zoneId === null || row.available <= 0) continue;
        if (row.expiryDate !== null && row.expiryDate < cutoff) continue;
        const bySku = out.get(row.warehouseId) ?? new Map<string, number>();
        bySku.set(skuId, (bySku.get(skuId) ?? 0) + row.available);
        out.set(row.warehouseId, bySku);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return out;
}

/** Transit days: the service-level table's row for warehouse × destination province × service, else by zone. */
export async function transitDaysFor(
  db: Db | Trx,
  destinationProvince: string | null,
  service: ServiceType,
): Promise<(warehouseId: string, zone: Zone) => number> {
  const rows = destinationProvince
    ? await ordersDb(db as Db)
        .selectFrom('orders.service_level')
        .select(['warehouse_id', 'days'])
        .where('dest_province_code', '=', destinationProvince)
        .where('service_type', '=', service)
        .execute()
    : [];
  const byWarehouse = new Map(rows.map((r) => [r.warehouse_id, r.days]));
  return (warehouseId, zone) => byWarehouse.get(warehouseId) ?? DEFAULT_TRANSIT_DAYS[service][zone];
}
