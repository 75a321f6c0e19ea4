import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/pagination';
import { alertKindSchema, alertSeveritySchema, isoDate } from './planning.schemas';
import { FILE_FORMATS } from './planning-sheet';
import { SUGGESTION_STATUSES } from './suggestion.state';

/** Request and response schemas of policies, suggestions and alerts. */

export const policyBody = z.strictObject({
  serviceLevel: z.number().min(0.5).max(0.9999).describe('Cycle service level, e.g. 0.95'),
  leadTimeDays: z.number().min(0).max(365),
  leadTimeSdDays: z.number().min(0).max(180),
  reviewPeriodDays: z.number().int().min(0).max(365),
  moq: z.number().int().min(0).max(100_000_000),
  packSize: z.number().int().min(1).max(1_000_000),
  orderingCostFen: z.number().int().min(0).max(1_000_000_000).describe('Cost of placing one order, fen'),
  holdingRate: z.number().min(0).max(5).describe('Holding cost per year as a share of unit cost'),
  unitCostFen: z.number().int().min(0).max(1_000_000_000).nullable(),
  version: z.number().int().min(0).optional().describe('Current version (0 = none entered yet)'),
});

export const policyDefaultsSchema = z.record(
  z.string(),
  policyBody.omit({ version: true }).extend({ overstockDays: z.number().int() }),
);

const reasonSchema = z.object({
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});

export const suggestionSchema = z.object({
  id: z.string(),
  number: z.string(),
  skuId: z.string(),
  warehouseId: z.string(),
  merchantId: z.string().nullable(),
  status: z.enum(SUGGESTION_STATUSES),
  qty: z.number().int(),
  orderBy: z.string(),
  needBy: z.string(),
  suggestedQty: z.number().int(),
  suggestedOrderBy: z.string(),
  stockoutDate: z.string().nullable(),
  edited: z.boolean(),
  requisitionNo: z.string().nullable(),
  exportedAt: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  calc: z.object({
    asOf: z.string().nullable(),
    forecastRunId: z.string().nullable(),
    available: z.number(),
    onOrder: z.number(),
    position: z.number(),
    daily: z.number(),
    dailySd: z.number(),
    sdSource: z.enum(['backtest', 'quantiles']),
    z: z.number(),
    safetyStock: z.number(),
    reorderPoint: z.number(),
    orderUpTo: z.number(),
    eoq: z.number().nullable(),
    lotSize: z.number(),
    serviceLevel: z.number(),
    leadTimeDays: z.number(),
    leadTimeSdDays: z.number(),
    reviewPeriodDays: z.number(),
    moq: z.number(),
    packSize: z.number(),
    policySource: z.enum(['entered', 'default']),
    late: z.boolean(),
  }),
  reasons: z.array(reasonSchema),
});
export const suggestionPage = pageOf(suggestionSchema);
export const suggestionDetailSchema = suggestionSchema.extend({
  history: z.array(
    z.object({
      at: z.string(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      actorName: z.string(),
      reason: z.string().nullable(),
      changes: z.unknown(),
    }),
  ),
});

export const suggestionQuery = z.object({
  status: z.enum(SUGGESTION_STATUSES).optional(),
  warehouseId: z.uuid().optional(),
  skuId: z.uuid().optional(),
  dueBy: isoDate.optional().describe('Order-by date on or before this day'),
  requisitionNo: z.string().max(40).optional(),
  ...pageQuery,
});

export const decisionBody = z.strictObject({
  action: z.enum(['accept', 'edit', 'reject', 'close', 'cancel']),
  qty: z.number().int().min(1).max(100_000_000).optional().describe('edit: the new quantity'),
  orderBy: isoDate.optional().describe('edit: the new order date'),
  reason: z.string().trim().max(500).optional().describe('Required to edit or reject'),
  version: z.number().int().min(1).optional(),
});

export const bulkDecisionBody = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(500),
  action: z.enum(['accept', 'reject', 'close', 'cancel']),
  reason: z.string().trim().max(500).optional(),
});
export const bulkDecisionSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      ok: z.boolean(),
      status: z.enum(SUGGESTION_STATUSES).nullable(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
});

export const exportBody = z.strictObject({
  ids: z
    .array(z.uuid())
    .min(1)
    .max(5000)
    .optional()
    .describe('Default: every accepted suggestion you may see'),
  warehouseId: z.uuid().optional(),
  format: z.enum(FILE_FORMATS).default('xlsx'),
});
export const fileQuery = z.object({ format: z.enum(FILE_FORMATS).default('xlsx') });

export const reviewBody = z.strictObject({
  skuIds: z.array(z.uuid()).min(1).max(100_000).optional(),
  warehouseIds: z.array(z.uuid()).min(1).max(200).optional(),
});

export const alertSchema = z.object({
  id: z.string(),
  kind: alertKindSchema,
  severity: alertSeveritySchema,
  skuId: z.string(),
  warehouseId: z.string(),
  merchantId: z.string().nullable(),
  lotId: z.string().nullable(),
  status: z.enum(['open', 'acknowledged', 'resolved']),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  message: z.string(),
  firstRaisedAt: z.string(),
  lastRaisedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  ackNote: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export const alertPage = pageOf(alertSchema);
export const alertQuery = z.object({
  status: z.enum(['open', 'acknowledged', 'resolved']).optional().describe('Default: open and acknowledged'),
  kind: alertKindSchema.optional(),
  severity: alertSeveritySchema.optional(),
  warehouseId: z.uuid().optional(),
  skuId: z.uuid().optional(),
  ...pageQuery,
});
export const ackBody = z.strictObject({ note: z.string().trim().max(500).optional() });
export const alertCountsSchema = z.array(
  z.object({ kind: alertKindSchema, severity: alertSeveritySchema, count: z.number().int() }),
);
