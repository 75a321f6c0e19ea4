import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination';
import { BIN_KINDS, STORAGE_CLASSES } from '../inventory';
import { ABC_BASES, ABC_CLASSES, MOVE_TASK_STATUSES, RESLOT_REASONS } from './count.tables';

const scan = z.string().trim().min(1).max(100);
const abcBasis = z
  .enum(ABC_BASES)
  .describe(
    'What SKUs are ranked by and the Pareto shares are taken of: lines = pick lines (visits to a bin, what walking depends on; the default), units = units picked (shipped volume). The other measure breaks ties',
  );
const skuLabel = {
  skuId: z.uuid(),
  skuCode: z.string(),
  skuNameZh: z.string().nullable(),
  skuNameEn: z.string().nullable(),
};

export const runSchema = z.object({
  id: z.uuid(),
  warehouseId: z.uuid(),
  computedAt: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  aPct: z.number().int(),
  bPct: z.number().int(),
  basis: abcBasis,
  skus: z.number().int(),
  totalPickLines: z.number().int(),
  totalUnits: z.number().int(),
  computedByName: z.string(),
});

export const abcComputeBody = z.strictObject({
  warehouseId: z.uuid(),
  days: z.number().int().min(7).max(730).optional().describe('Look-back in days (default 90)'),
  aPct: z
    .number()
    .int()
    .min(1)
    .max(98)
    .optional()
    .describe('Share of the basis measure (pick lines or units) class A covers (default 80)'),
  bPct: z.number().int().min(1).max(98).optional().describe('Share class B covers next (default 15)'),
  basis: abcBasis
    .optional()
    .describe(
      'lines (default): rank by pick lines, visits to a bin, what walking depends on; units: rank by units picked (shipped volume)',
    ),
});

export const abcQuery = z.object({
  warehouseId: z.uuid(),
  class: z.enum(ABC_CLASSES).optional(),
  ...pageQuery,
});
export const abcPage = z.object({
  run: runSchema.nullable().describe('The classification shown (the latest); null = never computed'),
  counts: z.object({ A: z.number().int(), B: z.number().int(), C: z.number().int() }),
  items: z.array(
    z.object({
      ...skuLabel,
      class: z.enum(ABC_CLASSES),
      rank: z.number().int(),
      pickLines: z.number().int(),
      units: z.number().int(),
      sharePct: z.number().describe("Share of the run's basis measure (pick lines or units), %"),
      cumSharePct: z.number().describe('Share of this SKU and every SKU ranked above it, %'),
      picksPerMonth: z.number().int(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const reslotQuery = z.object({
  warehouseId: z.uuid(),
  primeSharePct: z.coerce.number().int().min(1).max(100).optional(),
  minTripGainMm: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export const reslotList = z.object({
  run: runSchema.nullable(),
  savedMPerMonth: z.number().int().describe('Walking saved per month by all suggestions, metres'),
  items: z.array(
    z.object({
      reason: z.enum(RESLOT_REASONS),
      ...skuLabel,
      abcClass: z.enum(ABC_CLASSES),
      picksPerMonth: z.number().int(),
      fromBinId: z.uuid(),
      fromBinCode: z.string(),
      toBinId: z.uuid(),
      toBinCode: z.string(),
      lots: z.array(z.object({ lotId: z.uuid().nullable(), qty: z.number().int() })),
      qty: z.number().int(),
      fromTripMm: z.number().int().describe('Round trip dispatch → bin → dispatch along the aisles'),
      toTripMm: z.number().int(),
      savedMmPerMonth: z.number().int(),
      savedMPerMonth: z.number().describe('Picks per month × trip difference, metres'),
      afterFreeingBin: z.uuid().nullable().describe('Do the C move out of this bin first'),
    }),
  ),
});

export const acceptBody = z.strictObject({
  warehouseId: z.uuid(),
  skuId: z.uuid(),
  fromBinId: z.uuid(),
  toBinId: z.uuid(),
  reason: z.enum(RESLOT_REASONS),
});

export const moveTaskSchema = z.object({
  id: z.uuid(),
  warehouseId: z.uuid(),
  ...skuLabel,
  skuBarcodes: z.array(z.string()),
  lotId: z.uuid().nullable(),
  lotCode: z.string().nullable(),
  fromBinId: z.uuid(),
  fromBinCode: z.string(),
  toBinId: z.uuid(),
  toBinCode: z.string(),
  qty: z.number().int(),
  doneQty: z.number().int(),
  status: z.enum(MOVE_TASK_STATUSES),
  reason: z.enum(RESLOT_REASONS),
  abcClass: z.enum(ABC_CLASSES).nullable(),
  picksPerMonth: z.number().int(),
  savedMPerMonth: z.number(),
  createdByName: z.string(),
  createdAt: z.string(),
  doneByName: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export const moveTaskQuery = z.object({
  warehouseId: z.uuid().optional(),
  status: z.enum(MOVE_TASK_STATUSES).optional(),
  ...pageQuery,
});
export const moveTaskPage = z.object({ items: z.array(moveTaskSchema), nextCursor: z.string().nullable() });
export const moveConfirmBody = z.strictObject({
  fromBinBarcode: scan,
  skuBarcode: scan,
  toBinBarcode: scan,
  qty: z.number().int().min(1).max(1_000_000_000).optional(),
});

export const binMapQuery = z.object({ warehouseId: z.uuid(), zoneId: z.uuid().optional() });
export const binMapSchema = z.object({
  zones: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      nameZh: z.string(),
      nameEn: z.string(),
      storageClass: z.enum(STORAGE_CLASSES),
    }),
  ),
  bins: z.array(
    z.object({
      id: z.uuid(),
      code: z.string(),
      zoneId: z.uuid().nullable(),
      kind: z.enum(BIN_KINDS),
      active: z.boolean(),
      xMm: z.number().int(),
      yMm: z.number().int(),
      maxWeightG: z.number().int().nullable(),
      maxVolumeMm3: z.number().int().nullable(),
      weightG: z.number().int(),
      volumeMm3: z.number().int(),
      fillPct: z.number().nullable().describe('Larger of weight and volume used, %; null = no capacity set'),
      skuCount: z.number().int(),
      units: z.number().int(),
      abcClass: z.enum(ABC_CLASSES).nullable(),
      lastCountedAt: z.string().nullable(),
    }),
  ),
});
