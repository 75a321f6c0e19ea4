import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/pagination';
import { ALERT_KINDS, ALERT_SEVERITIES, HOLD_STATUSES } from './coldchain.tables';
import { EXPIRY_URGENCIES } from './expiry-report.service';
import { STORAGE_CLASSES } from './location.service';
import { STOCK_STATUSES } from './stock.tables';

/** Request and response schemas of expiry, temperature, alerts and quality holds. */
const tempDc = z.number().int().min(-800).max(800).describe('Tenths of a degree Celsius (−80.0 … 80.0 °C)');
const instant = z.iso.datetime({ offset: true }).describe('ISO-8601 instant');
const deviceId = z
  .string()
  .regex(/^[A-Za-z0-9._:/-]{1,64}$/)
  .describe('Sensor (data logger) id');
const vehicleId = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,40}$/)
  .describe('Vehicle id (reefer truck), for transport readings');

export const nearExpiryQuery = z.object({
  warehouseId: z.uuid().optional(),
  zoneId: z.uuid().optional(),
  skuId: z.uuid().optional(),
  withinDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(365)
    .default(30)
    .describe('Lots expiring within this many days'),
  urgency: z.enum(EXPIRY_URGENCIES).optional(),
  stockStatus: z.enum(STOCK_STATUSES).optional().describe('Default: available and quality_hold'),
  ...pageQuery,
});
export const nearExpiryPage = z.object({
  today: z.string().describe('The business day the report is judged against'),
  withinDays: z.number().int(),
  items: z.array(
    z.object({
      skuId: z.uuid(),
      skuCode: z.string(),
      warehouseId: z.uuid(),
      zoneId: z.uuid().nullable(),
      binId: z.uuid(),
      binCode: z.string(),
      lotId: z.uuid(),
      lotCode: z.string(),
      productionDate: z.string().nullable(),
      expiryDate: z.string(),
      daysLeft: z.number().int(),
      minRemainingShelfLifeDays: z.number().int().nullable(),
      stockStatus: z.enum(STOCK_STATUSES),
      onHand: z.number().int(),
      reserved: z.number().int(),
      urgency: z.enum(EXPIRY_URGENCIES),
    }),
  ),
  nextCursor: z.string().nullable(),
  summary: z.array(
    z.object({ urgency: z.enum(EXPIRY_URGENCIES), lines: z.number().int(), qty: z.number().int() }),
  ),
});
export const expiryRunBody = z.strictObject({
  warehouseId: z.uuid().optional().describe('Default: every warehouse the caller works in'),
});

const readingFields = {
  zoneId: z.uuid().optional(),
  vehicleId: vehicleId.optional(),
  deviceId: deviceId.optional(),
  at: instant,
  tempDc,
};
export const readingBody = z.strictObject(readingFields);
export const readingBatchBody = z.strictObject({
  readings: z.array(z.strictObject(readingFields)).min(1).max(1000),
});
export const recordOutcome = z.object({
  accepted: z.number().int(),
  duplicates: z.number().int().describe('Readings already stored (same zone/vehicle, device and instant)'),
  excursionsOpened: z.array(z.uuid()),
  excursionsClosed: z.array(z.uuid()),
});
export const zoneParams = z.object({ id: z.uuid() });
export const zoneTemperatureQuery = z.object({
  from: instant.optional().describe('Default: 72 hours before `to`'),
  to: instant.optional().describe('Default: now'),
});
const excursionSchema = z.object({
  id: z.uuid(),
  warehouseId: z.uuid(),
  zoneId: z.uuid(),
  zoneCode: z.string(),
  startedAt: z.string(),
  detectedAt: z.string(),
  endedAt: z.string().nullable(),
  direction: z.enum(['high', 'low']),
  trigger: z.enum(['duration', 'hard_limit']),
  peakDc: z.number().int(),
  bandMinDc: z.number().int(),
  bandMaxDc: z.number().int(),
  holdId: z.uuid().nullable(),
  holdDocNo: z.string().nullable(),
});
export const zoneTemperatureSchema = z.object({
  zone: z.object({
    id: z.uuid(),
    code: z.string(),
    warehouseId: z.uuid(),
    storageClass: z.enum(STORAGE_CLASSES),
    tempMinDc: z.number().int().nullable(),
    tempMaxDc: z.number().int().nullable(),
    toleranceMinutes: z.number().int(),
    hardMarginDc: z.number().int(),
  }),
  from: z.string(),
  to: z.string(),
  bucketSeconds: z.number().int(),
  readings: z.array(
    z.object({
      at: z.string(),
      tempDc: z.number().int(),
      minDc: z.number().int(),
      maxDc: z.number().int(),
      n: z.number().int(),
    }),
  ),
  excursions: z.array(excursionSchema),
});
export const excursionQuery = z.object({
  warehouseId: z.uuid().optional(),
  zoneId: z.uuid().optional(),
  state: z.enum(['open', 'closed']).optional(),
  ...pageQuery,
});
export const excursionPage = pageOf(excursionSchema);
export const ruleSchema = z.object({
  storageClass: z.enum(STORAGE_CLASSES),
  toleranceMinutes: z.number().int(),
  hardMarginDc: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export const ruleParams = z.object({ storageClass: z.enum(STORAGE_CLASSES) });
export const ruleBody = z.strictObject({
  toleranceMinutes: z.number().int().min(0).max(1440).describe('Minutes out of range before an excursion'),
  hardMarginDc: z
    .number()
    .int()
    .min(0)
    .max(500)
    .describe('Beyond the range by more than this: an excursion at once'),
});

export const alertSchema = z.object({
  id: z.uuid(),
  warehouseId: z.uuid(),
  kind: z.enum(ALERT_KINDS),
  severity: z.enum(ALERT_SEVERITIES),
  zoneId: z.uuid().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  params: z.record(z.string(), z.unknown()),
  raisedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedByName: z.string().nullable(),
  ackNote: z.string().nullable(),
});
export const alertQuery = z.object({
  warehouseId: z.uuid().optional(),
  kind: z.enum(ALERT_KINDS).optional(),
  state: z.enum(['open', 'acknowledged']).optional(),
  ...pageQuery,
});
export const alertPage = pageOf(alertSchema).extend({ openCount: z.number().int() });
export const idParams = z.object({ id: z.uuid() });
export const ackBody = z.strictObject({ note: z.string().trim().min(1).max(500).optional() });

const holdLine = z.object({
  id: z.number().int(),
  skuId: z.uuid(),
  binId: z.uuid(),
  binCode: z.string(),
  lotId: z.uuid().nullable(),
  lotCode: z.string().nullable(),
  expiryDate: z.string().nullable(),
  qty: z.number().int(),
  releasedQty: z.number().int(),
  damagedQty: z.number().int(),
  scrappedQty: z.number().int(),
  expiredQty: z.number().int(),
  missingQty: z.number().int(),
  remainingQty: z.number().int(),
});
export const holdSchema = z.object({
  id: z.uuid(),
  docNo: z.string(),
  warehouseId: z.uuid(),
  reason: z.string(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  status: z.enum(HOLD_STATUSES),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  reviewNote: z.string().nullable(),
  totalQty: z.number().int(),
  remainingQty: z.number().int(),
  lines: z.array(holdLine).optional(),
});
export const holdQuery = z.object({
  warehouseId: z.uuid().optional(),
  status: z.enum(HOLD_STATUSES).optional(),
  ...pageQuery,
});
export const holdPage = pageOf(holdSchema);
const reviewQty = z.number().int().min(0).max(1_000_000_000).optional();
export const reviewBody = z.strictObject({
  note: z.string().trim().min(1).max(500).describe('The quality review’s finding'),
  lines: z
    .array(
      z.strictObject({
        lineId: z.number().int().min(1),
        release: reviewQty.describe('Back to available'),
        damaged: reviewQty.describe('To damaged status'),
        scrap: reviewQty.describe('Written off'),
      }),
    )
    .min(1)
    .max(1000),
});
export const placeHoldBody = z.strictObject({
  warehouseId: z.uuid(),
  reason: z.string().trim().min(1).max(200).describe('Why the stock is taken out of sale'),
  lines: z
    .array(
      z.strictObject({
        skuId: z.uuid(),
        binId: z.uuid(),
        lotId: z.uuid().nullable().optional().describe('The lot (lot-tracked SKUs); all lots when omitted'),
      }),
    )
    .min(1)
    .max(500)
    .describe('Places whose whole available stock goes on hold'),
});
