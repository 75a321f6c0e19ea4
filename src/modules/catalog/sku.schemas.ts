import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/pagination';
import { isValidGtin, normaliseGtin } from './gtin';

export const STORAGE_CLASSES = ['ambient', 'chilled', 'frozen', 'fragile', 'hazardous'] as const;
export type StorageClass = (typeof STORAGE_CLASSES)[number];

export const UNITS = [
  'each',
  'piece',
  'pack',
  'box',
  'carton',
  'bag',
  'bottle',
  'can',
  'pair',
  'set',
  'roll',
  'kg',
] as const;
export type Unit = (typeof UNITS)[number];

/** UN dangerous-goods classes and divisions (UN Model Regulations, part 2). */
// biome-ignore format: one row per class reads better
export const HAZARD_CLASSES = [
  '1', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6',
  '2', '2.1', '2.2', '2.3',
  '3',
  '4', '4.1', '4.2', '4.3',
  '5', '5.1', '5.2',
  '6', '6.1', '6.2',
  '7', '8', '9',
] as const;

export const SKU_CODE_PATTERN = /^[A-Z0-9_.-]{1,40}$/;
export const MAX_BARCODES = 20;
const FRESH_CLASSES: ReadonlySet<StorageClass> = new Set(['chilled', 'frozen']);

// ── Fields: one definition each, shared by create, patch and import ────────────────────────────

const code = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => SKU_CODE_PATTERN.test(v), { message: 'catalog.invalid_code' })
  .describe('SKU code, unique per merchant: A–Z, 0–9, - _ . (1–40); lower case is upper-cased.');
const name = z.string().trim().min(1).max(200);
const optionalName = z
  .string()
  .trim()
  .max(200)
  .transform((v) => v || null)
  .nullable();
const grams = z.number().int().min(1).max(10_000_000).describe('Gross weight in grams.');
const millimetres = z.number().int().min(1).max(100_000);
const days = (min: number) => z.number().int().min(min).max(36_500).nullable();

const barcodes = z
  .array(z.string().trim().transform(normaliseGtin))
  .max(MAX_BARCODES)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((barcode, i) => {
      if (!isValidGtin(barcode)) {
        ctx.addIssue({
          code: 'custom',
          message: 'catalog.invalid_gtin',
          path: [i],
          params: { barcode },
          input: barcode,
        });
      } else if (seen.has(barcode)) {
        ctx.addIssue({
          code: 'custom',
          message: 'catalog.duplicate_barcode',
          path: [i],
          params: { barcode },
          input: barcode,
        });
      }
      seen.add(barcode);
    });
  })
  .describe('GTIN-8/12/13/14 barcodes, each unique across all SKUs.');

const hazardClass = z
  .string()
  .trim()
  .transform((v) => v || null)
  .superRefine((value, ctx) => {
    if (value !== null && !(HAZARD_CLASSES as readonly string[]).includes(value)) {
      ctx.addIssue({
        code: 'custom',
        message: 'catalog.invalid_hazard_class',
        params: { value },
        input: value,
      });
    }
  })
  .nullable()
  .describe('UN hazard class or division (e.g. 3, 9, 2.1); required for hazardous goods only.');

const skuFields = {
  code,
  nameZh: name,
  nameEn: optionalName,
  barcodes,
  unit: z.enum(UNITS),
  weightG: grams,
  lengthMm: millimetres,
  widthMm: millimetres,
  heightMm: millimetres,
  storageClass: z.enum(STORAGE_CLASSES),
  shelfLifeDays: days(1).describe('Total shelf life in days; set for goods that expire.'),
  minRemainingShelfLifeDays: days(0).describe('Least remaining shelf life accepted at receipt (days).'),
  lotTracked: z.boolean(),
  hazardClass,
  active: z.boolean(),
};

interface RuleInput {
  storageClass: StorageClass;
  shelfLifeDays: number | null;
  minRemainingShelfLifeDays: number | null;
  lotTracked?: boolean | undefined;
  hazardClass: string | null;
}

const RULE_FIELDS: ReadonlySet<PropertyKey> = new Set([
  'storageClass',
  'shelfLifeDays',
  'minRemainingShelfLifeDays',
  'lotTracked',
  'hazardClass',
]);
/** Run the cross-field rules whenever the fields they read are valid, even if others are not. */
const rulesParams = {
  when: (payload: z.core.ParsePayload) =>
    !payload.issues.some((i) => RULE_FIELDS.has(i.path?.[0] as PropertyKey)),
};

/** Rules across fields; each issue lands on the field the user has to change. */
function checkSkuRules(v: RuleInput, ctx: z.RefinementCtx) {
  const issue = (field: keyof RuleInput, message: string, params: Record<string, unknown> = {}) =>
    ctx.addIssue({ code: 'custom', path: [field], message, params, input: v[field] });
  const shelf = v.shelfLifeDays;
  const minRemaining = v.minRemainingShelfLifeDays;
  if (shelf === null && minRemaining !== null)
    issue('minRemainingShelfLifeDays', 'catalog.min_remaining_without_shelf_life');
  if (shelf !== null && minRemaining !== null && minRemaining > shelf) {
    issue('minRemainingShelfLifeDays', 'catalog.min_remaining_exceeds_shelf_life', { shelfLifeDays: shelf });
  }
  if (shelf !== null && minRemaining === null && FRESH_CLASSES.has(v.storageClass)) {
    issue('minRemainingShelfLifeDays', 'catalog.min_remaining_required');
  }
  if (shelf !== null && v.lotTracked === false) issue('lotTracked', 'catalog.lot_tracking_required');
  if (v.storageClass === 'hazardous' && v.hazardClass === null)
    issue('hazardClass', 'catalog.hazard_class_required');
  if (v.storageClass !== 'hazardous' && v.hazardClass !== null)
    issue('hazardClass', 'catalog.hazard_class_not_allowed');
}

const inputShape = {
  ...skuFields,
  nameEn: skuFields.nameEn.default(null),
  barcodes: skuFields.barcodes.default([]),
  shelfLifeDays: skuFields.shelfLifeDays.default(null),
  minRemainingShelfLifeDays: skuFields.minRemainingShelfLifeDays.default(null),
  // Omitted → true exactly when the SKU has a shelf life.
  lotTracked: skuFields.lotTracked.optional(),
  hazardClass: skuFields.hazardClass.default(null),
  active: skuFields.active.default(true),
};

const deriveLotTracked = <T extends { lotTracked?: boolean; shelfLifeDays: number | null }>(v: T) => ({
  ...v,
  lotTracked: v.lotTracked ?? v.shelfLifeDays !== null,
});

/** A complete SKU as given by a user: the fields of the create body, and every import row. */
export const skuInputSchema = z
  .strictObject(inputShape)
  .superRefine(checkSkuRules, rulesParams)
  .transform(deriveLotTracked);
export type SkuInput = z.output<typeof skuInputSchema>;
/** What a caller may give: the input type (before defaults and normalisation). */
export type SkuInputDraft = z.input<typeof skuInputSchema>;

export const skuCreateBody = z
  .strictObject({
    ...inputShape,
    merchantId: z
      .uuid()
      .optional()
      .describe('Owner merchant; merchant-portal users may omit it (their own).'),
  })
  .superRefine(checkSkuRules, rulesParams)
  .transform(deriveLotTracked);
export type SkuCreateInput = z.output<typeof skuCreateBody>;

/** PATCH: any subset of the fields, optionally with the version the client last saw. */
export const skuPatchBody = z.strictObject({
  code: skuFields.code.optional(),
  nameZh: skuFields.nameZh.optional(),
  nameEn: skuFields.nameEn.optional(),
  barcodes: skuFields.barcodes.optional(),
  unit: skuFields.unit.optional(),
  weightG: skuFields.weightG.optional(),
  lengthMm: skuFields.lengthMm.optional(),
  widthMm: skuFields.widthMm.optional(),
  heightMm: skuFields.heightMm.optional(),
  storageClass: skuFields.storageClass.optional(),
  shelfLifeDays: skuFields.shelfLifeDays.optional(),
  minRemainingShelfLifeDays: skuFields.minRemainingShelfLifeDays.optional(),
  lotTracked: skuFields.lotTracked.optional(),
  hazardClass: skuFields.hazardClass.optional(),
  active: skuFields.active.optional(),
  version: z.number().int().min(1).optional().describe('Version last read; a stale one answers 409.'),
});
export type SkuPatchInput = z.output<typeof skuPatchBody>;

// ── Responses ────────────────────────────────────────────────────────────────────────────────

export const skuRecordSchema = z.object({
  id: z.string(),
  code: z.string(),
  merchantId: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  barcodes: z.array(z.string()),
  unit: z.enum(UNITS),
  weightG: z.number().int(),
  lengthMm: z.number().int(),
  widthMm: z.number().int(),
  heightMm: z.number().int(),
  storageClass: z.enum(STORAGE_CLASSES),
  shelfLifeDays: z.number().int().nullable(),
  minRemainingShelfLifeDays: z.number().int().nullable(),
  lotTracked: z.boolean(),
  hazardClass: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SkuRecord = z.output<typeof skuRecordSchema>;

export const skuSchema = skuRecordSchema.extend({ merchantName: z.string().nullable() });
export type Sku = z.output<typeof skuSchema>;

export const skuPageSchema = pageOf(skuSchema);

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const skuFilterQuery = {
  q: z
    .string()
    .trim()
    .max(100)
    .transform((v) => v || undefined)
    .optional()
    .describe('Code, Chinese or English name (contains) or exact barcode; empty = no search.'),
  storageClass: z.enum(STORAGE_CLASSES).optional(),
  active: booleanQuery.optional(),
  merchantId: z.uuid().optional(),
};
export const skuListQuery = z.object({ ...skuFilterQuery, ...pageQuery });
export type SkuFilter = { q?: string; storageClass?: StorageClass; active?: boolean; merchantId?: string };

export const skuStatsSchema = z.object({
  byStorageClass: z.array(z.object({ storageClass: z.enum(STORAGE_CLASSES), count: z.number().int() })),
  total: z.number().int(),
  active: z.number().int(),
});
export type SkuStats = z.output<typeof skuStatsSchema>;

export const FILE_FORMATS = ['csv', 'xlsx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export const importQuery = z.object({
  format: z.enum(FILE_FORMATS).optional().describe('Defaults from Content-Type (text/csv or the xlsx type).'),
  mode: z.enum(['validate', 'commit']).default('validate'),
  skipInvalid: booleanQuery.default(false),
  merchantId: z.uuid().optional().describe('Merchant for rows without a merchant_code (staff only).'),
});
