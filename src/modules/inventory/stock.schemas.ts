import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/pagination';
import { BIN_KINDS, MOVEMENT_TYPES, STOCK_STATUSES } from './stock.tables';

const qty = z.number().int().min(1).max(1_000_000_000).describe('Quantity in base units');
const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().min(1).max(max);
const source = {
  sourceType: text(40).optional().describe('Source document type, e.g. `asn`, `order`, `count`'),
  sourceId: text(100).optional(),
};
const status = z.enum(STOCK_STATUSES);

export const binSchema = z.object({
  id: z.uuid(),
  warehouseId: z.uuid(),
  zoneId: z.uuid().nullable(),
  code: z.string(),
  barcode: z.string(),
  kind: z.enum(BIN_KINDS),
  xMm: z.number().int(),
  yMm: z.number().int(),
  maxWeightG: z.number().int().nullable(),
  maxVolumeMm3: z.number().int().nullable(),
  active: z.boolean(),
});

const position = z.number().int().min(0).max(10_000_000).describe('Millimetres from the dispatch point');
const capacity = {
  maxWeightG: z.number().int().min(1).max(100_000_000).nullable().optional(),
  maxVolumeMm3: z.number().int().min(1).max(1_000_000_000_000).nullable().optional(),
};
export const binCreateBody = z.strictObject({
  warehouseId: z.uuid(),
  zoneId: z.uuid(),
  code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,29}$/),
  barcode: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,40}$/)
    .optional(),
  kind: z.enum(['pick_face', 'reserve']),
  xMm: position,
  yMm: position,
  ...capacity,
});
export const binPatternBody = z.strictObject({
  warehouseId: z.uuid(),
  zoneId: z.uuid(),
  aisles: z
    .array(z.string().regex(/^[A-Z0-9]{1,3}$/))
    .min(1)
    .max(26),
  bays: z.number().int().min(1).max(99),
  levels: z.number().int().min(1).max(9),
  positions: z.number().int().min(1).max(99),
  pickFaceLevels: z.number().int().min(0).max(9).default(1),
  originXMm: position.default(0),
  originYMm: position.default(0),
  aislePitchMm: z.number().int().min(100).max(100_000).default(3200),
  bayPitchMm: z.number().int().min(100).max(100_000).default(1300),
  ...capacity,
});
export const binListQuery = z.object({
  warehouseId: z.uuid().optional(),
  zoneId: z.uuid().optional(),
  kind: z.enum(BIN_KINDS).optional(),
  q: z.string().trim().max(40).optional(),
  ...pageQuery,
});

export const stockQuery = z.object({
  warehouseId: z.uuid().optional(),
  zoneId: z.uuid().optional(),
  skuId: z.uuid().optional(),
  binId: z.uuid().optional(),
  lotId: z.uuid().optional(),
  status: status.optional(),
  includeEmpty: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageQuery,
});
export const stockRowSchema = z.object({
  skuId: z.uuid(),
  warehouseId: z.uuid(),
  zoneId: z.uuid().nullable(),
  binId: z.uuid(),
  binCode: z.string(),
  lotId: z.uuid().nullable(),
  lotCode: z.string().nullable(),
  expiryDate: z.string().nullable(),
  status,
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
});

export const movementQuery = z.object({
  warehouseId: z.uuid().optional(),
  skuId: z.uuid().optional(),
  binId: z.uuid().optional(),
  lotId: z.uuid().optional(),
  type: z.enum(MOVEMENT_TYPES).optional(),
  ...source,
  ...pageQuery,
});
export const movementSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  type: z.enum(MOVEMENT_TYPES),
  skuId: z.uuid(),
  lotId: z.uuid().nullable(),
  warehouseId: z.uuid(),
  fromBinId: z.uuid().nullable(),
  fromStatus: status.nullable(),
  toBinId: z.uuid().nullable(),
  toStatus: status.nullable(),
  qty: z.number().int(),
  actorId: z.uuid().nullable(),
  actorName: z.string(),
  reason: z.string().nullable(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
});

export const receiveBody = z.strictObject({
  skuId: z.uuid(),
  binId: z.uuid(),
  qty,
  lotCode: z
    .string()
    .regex(/^[A-Za-z0-9._/-]{1,40}$/)
    .optional(),
  productionDate: isoDate.optional(),
  expiryDate: isoDate.optional(),
  status: status.optional(),
  type: z.enum(['receipt', 'return']).optional(),
  reason: text(200).optional(),
  ...source,
});
export const moveBody = z.strictObject({
  skuId: z.uuid(),
  lotId: z.uuid().nullable().optional(),
  fromBinId: z.uuid(),
  toBinId: z.uuid(),
  qty,
  fromStatus: status.optional(),
  toStatus: status.optional(),
  type: z.enum(['move', 'putaway']).optional(),
  reason: text(200).optional(),
  ...source,
});
export const adjustBody = z.strictObject({
  skuId: z.uuid(),
  binId: z.uuid(),
  lotId: z.uuid().nullable().optional(),
  status: status.optional(),
  delta: z
    .number()
    .int()
    .min(-1_000_000_000)
    .max(1_000_000_000)
    .refine((v) => v !== 0, 'inventory.adjust_zero'),
  reason: text(200),
  type: z.enum(['adjust', 'count_variance', 'scrap']).optional(),
  ...source,
});
const orderRef = text(100).describe('The order (or other document) the stock is reserved for');
export const reserveBody = z.strictObject({
  orderRef,
  lines: z
    .array(z.strictObject({ skuId: z.uuid(), qty, warehouseId: z.uuid() }))
    .min(1)
    .max(500),
});
export const releaseBody = z.strictObject({
  orderRef,
  lines: z
    .array(z.strictObject({ skuId: z.uuid(), qty }))
    .min(1)
    .max(500)
    .optional(),
});
export const pickBody = z.strictObject({
  orderRef,
  skuId: z.uuid(),
  binId: z.uuid().describe('The bin the stock was reserved in'),
  lotId: z.uuid().nullable().optional(),
  qty,
});
export const shipBody = z.strictObject({ orderRef });
export const allocationSchema = z.object({
  skuId: z.uuid(),
  warehouseId: z.uuid(),
  binId: z.uuid(),
  binCode: z.string(),
  lotId: z.uuid().nullable(),
  lotCode: z.string().nullable(),
  expiryDate: z.string().nullable(),
  qty: z.number().int(),
});
export const auditQuery = z.object({ warehouseId: z.uuid().optional() });
export const auditSchema = z.object({
  ok: z.boolean(),
  movements: z.number().int(),
  balances: z.number().int(),
  counted: z.number().int().describe('Bin × SKU × lot positions checked against their last posted count'),
  discrepancyCount: z.number().int(),
  discrepancies: z.array(
    z.object({
      kind: z
        .enum(['balance', 'reservation', 'count'])
        .describe(
          '`balance`: balance ≠ ledger; `reservation`: order reservations ≠ reserved; `count`: ledger ≠ the last count (book at the count + posted variance ≠ found)',
        ),
      skuId: z.uuid(),
      warehouseId: z.uuid(),
      binId: z.uuid(),
      binCode: z.string().nullable(),
      lotId: z.uuid().nullable(),
      lotCode: z.string().nullable(),
      status: z.string(),
      ledgerOnHand: z.number().int(),
      balanceOnHand: z.number().int(),
      ledgerReserved: z.number().int(),
      balanceReserved: z.number().int(),
      count: z
        .object({
          countId: z.uuid(),
          countNumber: z.string(),
          bookQty: z.number().int(),
          countedQty: z.number().int(),
          ledgerAtCount: z.number().int(),
          postedVariance: z.number().int(),
        })
        .nullable(),
    }),
  ),
  durationMs: z.number().int(),
});

export const binPage = pageOf(binSchema);
export const stockPage = pageOf(stockRowSchema);
export const movementPage = pageOf(movementSchema);
