import type { Db, Trx } from '../../platform/db/database';
import { tablesOf } from '../../platform/db/database';
import type { SkuInput, SkuRecord, StorageClass, Unit } from './sku.schemas';

export interface SkuRow {
  id: string;
  merchant_id: string;
  code: string;
  name_zh: string;
  name_en: string | null;
  unit: Unit;
  weight_g: number;
  length_mm: number;
  width_mm: number;
  height_mm: number;
  storage_class: StorageClass;
  shelf_life_days: number | null;
  min_remaining_shelf_life_days: number | null;
  lot_tracked: boolean;
  hazard_class: string | null;
  active: boolean;
  created_at: Date;
  updated_at: Date;
  version: number;
}

export interface SkuBarcodeRow {
  barcode: string;
  sku_id: string;
  /** Order as the user listed them; the first is the primary barcode. */
  position: number;
}

export interface CatalogTables {
  'catalog.sku': SkuRow;
  'catalog.sku_barcode': SkuBarcodeRow;
}

/** The handle typed with this module's tables (a transaction is a handle too). */
export const catalogDb = (db: Db | Trx) => tablesOf<CatalogTables>(db as Db);

/** Row (snake_case, Dates) → domain record (camelCase, ISO strings). */
export function toSkuRecord(row: SkuRow, barcodes: string[]): SkuRecord {
  return {
    id: row.id,
    code: row.code,
    merchantId: row.merchant_id,
    nameZh: row.name_zh,
    nameEn: row.name_en,
    barcodes,
    unit: row.unit,
    weightG: row.weight_g,
    lengthMm: row.length_mm,
    widthMm: row.width_mm,
    heightMm: row.height_mm,
    storageClass: row.storage_class,
    shelfLifeDays: row.shelf_life_days,
    minRemainingShelfLifeDays: row.min_remaining_shelf_life_days,
    lotTracked: row.lot_tracked,
    hazardClass: row.hazard_class,
    active: row.active,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** The user-editable fields of a stored SKU, as input for re-validation after a change. */
export function inputOf(record: SkuRecord): SkuInput {
  return {
    code: record.code,
    nameZh: record.nameZh,
    nameEn: record.nameEn,
    barcodes: record.barcodes,
    unit: record.unit,
    weightG: record.weightG,
    lengthMm: record.lengthMm,
    widthMm: record.widthMm,
    heightMm: record.heightMm,
    storageClass: record.storageClass,
    shelfLifeDays: record.shelfLifeDays,
    minRemainingShelfLifeDays: record.minRemainingShelfLifeDays,
    lotTracked: record.lotTracked,
    hazardClass: record.hazardClass,
    active: record.active,
  };
}

/**
 * Apply changes to a stored SKU's fields. Giving a shelf life without saying whether the SKU is
 * lot-tracked turns lot tracking on (it is required then) rather than failing.
 */
export function mergeInput(current: SkuInput, changes: Partial<SkuInput>): Partial<SkuInput> {
  const merged: Partial<SkuInput> = { ...current };
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
  }
  if (changes.lotTracked === undefined && changes.shelfLifeDays != null) delete merged.lotTracked;
  return merged;
}

export function sameInput(a: SkuInput, b: SkuInput): boolean {
  return (Object.keys(a) as Array<keyof SkuInput>).every((k) =>
    k === 'barcodes' ? a.barcodes.join('|') === b.barcodes.join('|') : a[k] === b[k],
  );
}

export function toSkuRow(
  input: SkuInput,
  base: { id: string; merchantId: string; createdAt: Date; updatedAt: Date; version: number },
): SkuRow {
  return {
    id: base.id,
    merchant_id: base.merchantId,
    code: input.code,
    name_zh: input.nameZh,
    name_en: input.nameEn,
    unit: input.unit,
    weight_g: input.weightG,
    length_mm: input.lengthMm,
    width_mm: input.widthMm,
    height_mm: input.heightMm,
    storage_class: input.storageClass,
    shelf_life_days: input.shelfLifeDays,
    min_remaining_shelf_life_days: input.minRemainingShelfLifeDays,
    lot_tracked: input.lotTracked,
    hazard_class: input.hazardClass,
    active: input.active,
    created_at: base.createdAt,
    updated_at: base.updatedAt,
    version: base.version,
  };
}
