import { recordAudit } from '../../platform/audit/audit';
import { type Actor, canAccessWarehouse, type Principal } from '../../platform/auth/principal';
import { type Db, isUniqueViolation, type Trx, tablesOf } from '../../platform/db';
import { AppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { REFERENCE_TTL_MS, referenceCache } from '../../platform/lib/reference-cache';

export const STORAGE_CLASSES = ['ambient', 'chilled', 'frozen', 'fragile', 'hazardous'] as const;
export type StorageClass = (typeof STORAGE_CLASSES)[number];

export interface LocationTables {
  'inventory.warehouse': {
    id: string;
    code: string;
    name_zh: string;
    name_en: string;
    city: string;
    district_code: string | null;
    address: string;
    latitude: number | null;
    longitude: number | null;
    branch_id: string | null;
    active: boolean;
    created_at: Date;
  };
  'inventory.zone': {
    id: string;
    warehouse_id: string;
    code: string;
    name_zh: string;
    name_en: string;
    storage_class: StorageClass;
    temp_min_dc: number | null;
    temp_max_dc: number | null;
  };
}

export interface ZoneView {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  storageClass: StorageClass;
  /** Temperature range in tenths of a degree Celsius. */
  tempMinDc: number | null;
  tempMaxDc: number | null;
}

export interface WarehouseView {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  city: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  branchId: string | null;
  active: boolean;
  zones: ZoneView[];
}

/**
 * Warehouses and zones, read by every order allocation: kept for a few seconds (see
 * `referenceCache`); `createWarehouse` and its route invalidate the entry.
 */
const warehouseRows = referenceCache(REFERENCE_TTL_MS, (db: Db) => {
  const inv = tablesOf<LocationTables>(db);
  return Promise.all([
    inv.selectFrom('inventory.warehouse').selectAll().orderBy('code').execute(),
    inv.selectFrom('inventory.zone').selectAll().orderBy('code').execute(),
  ]);
});

/** After a committed change to warehouses or zones made outside `createWarehouse`'s own route. */
export const warehousesChanged = () => warehouseRows.invalidate();

export async function listWarehouses(db: Db, principal: Principal | null): Promise<WarehouseView[]> {
  const [warehouses, zones] = await warehouseRows.get(db);
  return warehouses
    .filter((w) => !principal || canAccessWarehouse(principal, w.id))
    .map((w) => ({
      id: w.id,
      code: w.code,
      nameZh: w.name_zh,
      nameEn: w.name_en,
      city: w.city,
      address: w.address,
      latitude: w.latitude,
      longitude: w.longitude,
      branchId: w.branch_id,
      active: w.active,
      zones: zones
        .filter((z) => z.warehouse_id === w.id)
        .map((z) => ({
          id: z.id,
          code: z.code,
          nameZh: z.name_zh,
          nameEn: z.name_en,
          storageClass: z.storage_class,
          tempMinDc: z.temp_min_dc,
          tempMaxDc: z.temp_max_dc,
        })),
    }));
}

export async function getWarehouse(db: Db, principal: Principal, id: string): Promise<WarehouseView> {
  const found = (await listWarehouses(db, principal)).find((w) => w.id === id);
  // A warehouse outside the user's assignment is reported as missing, not forbidden.
  if (!found) throw notFound('warehouse', id);
  return found;
}

export interface WarehouseInput {
  code: string;
  nameZh: string;
  nameEn: string;
  city: string;
  address: string;
  latitude?: number | null;
  longitude?: number | null;
  branchId?: string | null;
  zones: Array<Omit<ZoneView, 'id'>>;
}

export async function createWarehouse(
  trx: Trx,
  actor: Actor,
  input: WarehouseInput,
  now: Date,
): Promise<string> {
  const inv = tablesOf<LocationTables>(trx);
  const id = newId();
  warehouseRows.invalidate();
  try {
    await inv
      .insertInto('inventory.warehouse')
      .values({
        id,
        code: input.code,
        name_zh: input.nameZh,
        name_en: input.nameEn,
        city: input.city,
        district_code: null,
        address: input.address,
        latitude: input.latitude ?? null,
        longitude: input.longitude ?? null,
        branch_id: input.branchId ?? null,
        active: true,
        created_at: now,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'inventory.warehouse_code_taken', { code: input.code });
    throw error;
  }
  const codes = new Set<string>();
  input.zones.forEach((z, index) => {
    if (codes.has(z.code)) {
      throw new AppError('bad_request', 'validation_failed', {}, [
        {
          field: `body.zones.${index}.code`,
          code: 'inventory.zone_code_duplicate',
          message: 'inventory.zone_code_duplicate',
          params: { code: z.code },
        },
      ]);
    }
    codes.add(z.code);
    if (z.tempMinDc !== null && z.tempMaxDc !== null && z.tempMinDc > z.tempMaxDc) {
      throw new AppError('bad_request', 'validation_failed', {}, [
        {
          field: `body.zones.${index}.tempMaxDc`,
          code: 'inventory.temp_range_inverted',
          message: 'inventory.temp_range_inverted',
        },
      ]);
    }
  });
  if (input.zones.length) {
    await inv
      .insertInto('inventory.zone')
      .values(
        input.zones.map((z) => ({
          id: newId(),
          warehouse_id: id,
          code: z.code,
          name_zh: z.nameZh,
          name_en: z.nameEn,
          storage_class: z.storageClass,
          temp_min_dc: z.tempMinDc,
          temp_max_dc: z.tempMaxDc,
        })),
      )
      .execute();
  }
  await recordAudit(
    trx,
    actor,
    { action: 'create', entity: 'warehouse', entityId: id, summary: `warehouse ${input.code}`, after: input },
    now,
  );
  return id;
}

export async function missingWarehouses(db: Db, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await tablesOf<LocationTables>(db)
    .selectFrom('inventory.warehouse')
    .select('id')
    .where('id', 'in', ids)
    .execute();
  return ids.filter((id) => !rows.some((r) => r.id === id));
}

export async function warehouseIdsByCode(db: Db): Promise<Record<string, string>> {
  const rows = await tablesOf<LocationTables>(db)
    .selectFrom('inventory.warehouse')
    .select(['id', 'code'])
    .execute();
  return Object.fromEntries(rows.map((r) => [r.code, r.id]));
}
