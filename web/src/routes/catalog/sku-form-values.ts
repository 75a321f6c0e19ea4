import type { Sku, SkuCreate, SkuPatch, SkuUnit, StorageClass } from '../../api/types';

/** What the SKU form edits (antd form values). */
export interface SkuFormValues {
  code: string;
  merchantId?: string;
  nameZh: string;
  /** Optional: empty means the SKU has no English name. */
  nameEn: string | null;
  barcodes: string[];
  unit: SkuUnit;
  weightG: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  storageClass: StorageClass;
  /** UN class or division ("3", "2.1", "9"); only for (and required by) hazardous goods. */
  hazardClass: string | null;
  shelfLifeDays: number | null;
  minRemainingShelfLifeDays: number | null;
  lotTracked: boolean;
  active: boolean;
}

export const EMPTY_SKU: Partial<SkuFormValues> = {
  nameEn: null,
  barcodes: [],
  storageClass: 'ambient',
  hazardClass: null,
  shelfLifeDays: null,
  minRemainingShelfLifeDays: null,
  lotTracked: false,
  active: true,
};

export function skuToForm(sku: Sku): SkuFormValues {
  return {
    code: sku.code,
    merchantId: sku.merchantId,
    nameZh: sku.nameZh,
    nameEn: sku.nameEn,
    barcodes: [...sku.barcodes],
    unit: sku.unit,
    weightG: sku.weightG,
    lengthMm: sku.lengthMm,
    widthMm: sku.widthMm,
    heightMm: sku.heightMm,
    storageClass: sku.storageClass,
    hazardClass: sku.hazardClass,
    shelfLifeDays: sku.shelfLifeDays,
    minRemainingShelfLifeDays: sku.minRemainingShelfLifeDays,
    lotTracked: sku.lotTracked,
    active: sku.active,
  };
}

const num = (v: number | null | undefined) => (v == null ? 0 : v);
const optNum = (v: number | null | undefined) => (v == null ? null : v);
const optText = (v: string | null | undefined) => v?.trim() || null;

export function formToCreate(v: SkuFormValues): SkuCreate {
  const shelfLifeDays = optNum(v.shelfLifeDays);
  return {
    code: v.code.trim(),
    ...(v.merchantId ? { merchantId: v.merchantId } : {}),
    nameZh: v.nameZh.trim(),
    nameEn: optText(v.nameEn),
    barcodes: (v.barcodes ?? []).map((b) => b.trim()).filter(Boolean),
    unit: v.unit,
    weightG: num(v.weightG),
    lengthMm: num(v.lengthMm),
    widthMm: num(v.widthMm),
    heightMm: num(v.heightMm),
    storageClass: v.storageClass,
    // The server refuses a hazard class on anything but hazardous goods.
    hazardClass: v.storageClass === 'hazardous' ? optText(v.hazardClass) : null,
    shelfLifeDays,
    minRemainingShelfLifeDays: optNum(v.minRemainingShelfLifeDays),
    // Goods with a shelf life must be lot-tracked (server rule; the form shows it ticked).
    lotTracked: Boolean(v.lotTracked) || shelfLifeDays !== null,
    active: Boolean(v.active),
  };
}

const PATCH_KEYS = [
  'nameZh',
  'nameEn',
  'barcodes',
  'unit',
  'weightG',
  'lengthMm',
  'widthMm',
  'heightMm',
  'storageClass',
  'hazardClass',
  'shelfLifeDays',
  'minRemainingShelfLifeDays',
  'lotTracked',
  'active',
] as const satisfies readonly (keyof SkuPatch & keyof SkuCreate & keyof Sku)[];
type PatchKey = (typeof PATCH_KEYS)[number];

function copyField<K extends PatchKey>(patch: SkuPatch, next: SkuCreate, key: K): void {
  patch[key] = next[key];
}

/**
 * Only the fields that changed, so the audit log shows exactly what the user did, plus the
 * version the form was loaded from (a stale one answers 409 `catalog.version_conflict`).
 * Null when nothing changed.
 */
export function formToPatch(v: SkuFormValues, original: Sku): SkuPatch | null {
  const next = formToCreate({ ...v, code: original.code, merchantId: undefined });
  const patch: SkuPatch = {};
  for (const key of PATCH_KEYS) {
    if (JSON.stringify(next[key] ?? null) !== JSON.stringify(original[key] ?? null))
      copyField(patch, next, key);
  }
  if (!Object.keys(patch).length) return null;
  return { ...patch, version: original.version };
}
