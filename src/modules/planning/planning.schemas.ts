import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/pagination';
import { ALERT_KINDS, ALERT_SEVERITIES } from './alert.logic';
import { ACCURACY_DIMENSIONS } from './backtest.store';
import { FILE_FORMATS } from './planning-sheet';

/** Request and response schemas of the planning API (demand, promotions, forecasts, accuracy). */

export const isoDate = z.iso.date();
const booleanQuery = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .describe('true / false');
const nullableNumber = z.number().nullable();

export const seriesKeyParams = z.object({ skuId: z.uuid(), warehouseId: z.uuid() });

export const seriesListQuery = z.object({
  q: z.string().trim().max(100).optional().describe('SKU code or name (contains)'),
  warehouseId: z.uuid().optional(),
  storageClass: z.string().max(20).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const accuracyBrief = z.object({
  mase: nullableNumber,
  wape: nullableNumber,
  bias: nullableNumber,
});

export const seriesListSchema = z.object({
  total: z.number().int(),
  items: z.array(
    z.object({
      skuId: z.string(),
      skuCode: z.string(),
      skuNameZh: z.string(),
      skuNameEn: z.string(),
      storageClass: z.string(),
      warehouseId: z.string(),
      firstDay: z.string().nullable(),
      lastDay: z.string().nullable(),
      units365: z.number().int().describe('Units sold in the last 365 days'),
      forecast: z
        .object({
          method: z.string(),
          asOf: z.string(),
          generatedAt: z.string(),
          next28: z.number().int().nullable().describe('Forecast units in the next 28 days'),
        })
        .nullable(),
      accuracy: accuracyBrief.extend({ runId: z.string(), abc: z.string().nullable() }).nullable(),
    }),
  ),
});

const forecastEvent = z.object({
  date: z.string(),
  event: z.string(),
  uplift: z.number(),
  label: z.string(),
});
export const promotionSchema = z.object({
  id: z.string(),
  name: z.string(),
  startDay: z.string(),
  endDay: z.string(),
  skuIds: z.array(z.string()).nullable().describe('null = every SKU'),
  warehouseIds: z.array(z.string()).nullable().describe('null = every warehouse'),
  expectedUplift: nullableNumber.describe('Planner’s uplift (× normal demand); null = estimated'),
  note: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const policySchema = z.object({
  skuId: z.string(),
  warehouseId: z.string(),
  source: z.enum(['entered', 'default']),
  serviceLevel: z.number(),
  leadTimeDays: z.number(),
  leadTimeSdDays: z.number(),
  reviewPeriodDays: z.number().int(),
  moq: z.number().int(),
  packSize: z.number().int(),
  orderingCostFen: z.number().int(),
  holdingRate: z.number(),
  unitCostFen: z.number().int().nullable(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});

export const seriesAccuracySchema = z.object({
  skuId: z.string(),
  warehouseId: z.string(),
  merchantId: z.string().nullable(),
  storageClass: z.string().nullable(),
  abc: z.enum(['A', 'B', 'C']).nullable(),
  method: z.string(),
  points: z.number().int(),
  actualSum: z.number(),
  mase: nullableNumber,
  wape: nullableNumber,
  bias: nullableNumber,
  rmse: nullableNumber,
});

export const seriesDetailQuery = z.object({
  historyDays: z.coerce.number().int().min(28).max(1095).default(365),
});

export const seriesDetailSchema = z.object({
  skuId: z.string(),
  warehouseId: z.string(),
  sku: z.object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    storageClass: z.string(),
  }),
  history: z
    .object({
      firstDay: z.string(),
      dates: z.array(z.string()),
      values: z.array(z.number()),
      stockout: z.array(z.boolean()),
    })
    .nullable(),
  forecast: z
    .object({
      runId: z.string(),
      method: z.string(),
      asOf: z.string(),
      generatedAt: z.string(),
      historyDays: z.number().int(),
      dates: z.array(z.string()),
      mean: z.array(z.number()),
      p10: z.array(z.number()),
      p50: z.array(z.number()),
      p90: z.array(z.number()),
      events: z.array(forecastEvent),
    })
    .nullable(),
  promotions: z.array(promotionSchema),
  accuracy: seriesAccuracySchema.extend({ runId: z.string(), runAt: z.string() }).nullable(),
  policy: policySchema,
  stock: z.object({
    onHand: z.number().int(),
    available: z.number().int(),
    onOrder: z.number().int(),
    receipts: z.array(z.object({ due: z.string(), qty: z.number().int(), reference: z.string() })),
  }),
  projection: z
    .object({
      today: z.string(),
      stock: z.array(z.number()).describe('Projected stock at the end of each day from today'),
      stockoutDate: z.string().nullable(),
      daily: z.number(),
      dailySd: z.number(),
      sdSource: z.enum(['backtest', 'quantiles']),
      safetyStock: z.number().int(),
      reorderPoint: z.number().int(),
      orderUpTo: z.number().int(),
      eoq: z.number().nullable(),
      lotSize: z.number().int(),
      needed: z.boolean(),
      qty: z.number().int(),
      orderBy: z.string(),
    })
    .nullable(),
});

export const importQuery = z.object({
  format: z.enum(FILE_FORMATS).optional().describe('Defaults from Content-Type (text/csv or the xlsx type).'),
  mode: z.enum(['validate', 'commit']).default('validate'),
  skipInvalid: booleanQuery.default(false),
});

export const demandRowSchema = z.strictObject({
  skuId: z.uuid(),
  warehouseId: z.uuid(),
  day: isoDate,
  qty: z.number().int().min(0).max(100_000_000),
  stockout: z.boolean().optional(),
});
export const demandPostBody = z.strictObject({
  mode: z.enum(['add', 'replace']).default('add').describe('`add` to the day’s total, or `replace` it'),
  rows: z.array(demandRowSchema).min(1).max(10_000),
});

export const calendarQuery = z.object({
  from: isoDate,
  to: isoDate,
  skuId: z.uuid().optional(),
  warehouseId: z.uuid().optional(),
});
export const calendarSchema = z.array(
  z.object({
    event: z.string(),
    kind: z.enum(['retail', 'holiday', 'makeup_workday', 'promotion']),
    label: z.string(),
    startDay: z.string(),
    endDay: z.string(),
    promotionId: z.string().nullable(),
    expectedUplift: nullableNumber,
  }),
);

export const promotionListQuery = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  includeInactive: booleanQuery.default(false),
});
const promotionFields = {
  name: z.string().trim().min(1).max(100),
  startDay: isoDate,
  endDay: isoDate,
  skuIds: z.array(z.uuid()).min(1).max(5000).nullable().default(null),
  warehouseIds: z.array(z.uuid()).min(1).max(200).nullable().default(null),
  expectedUplift: z.number().min(0.1).max(20).nullable().default(null),
  note: z.string().trim().max(500).nullable().default(null),
};
export const promotionCreateBody = z.strictObject(promotionFields);
export const promotionPatchBody = z.strictObject({
  name: promotionFields.name.optional(),
  startDay: isoDate.optional(),
  endDay: isoDate.optional(),
  skuIds: z.array(z.uuid()).min(1).max(5000).nullable().optional(),
  warehouseIds: z.array(z.uuid()).min(1).max(200).nullable().optional(),
  expectedUplift: z.number().min(0.1).max(20).nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
  active: z.boolean().optional(),
  version: z.number().int().min(1).optional(),
});

export const runBody = z.strictObject({
  kind: z.enum(['forecast', 'backtest']).default('forecast'),
  skuIds: z.array(z.uuid()).min(1).max(100_000).optional().describe('Default: every SKU with history'),
  warehouseIds: z.array(z.uuid()).min(1).max(200).optional().describe('Default: every warehouse you plan'),
  horizon: z
    .number()
    .int()
    .min(1)
    .max(365)
    .optional()
    .describe('Forecast: days ahead (default 90). Backtest: days per origin (default 28).'),
  origins: z.number().int().min(1).max(12).optional().describe('Backtest origins (default 4)'),
  historyDays: z.number().int().min(28).max(1460).default(730),
  asOf: isoDate.optional().describe('Last day of history used (default yesterday)'),
});

export const runSchema = z.object({
  id: z.string(),
  kind: z.enum(['forecast', 'backtest']),
  jobId: z.string().nullable(),
  asOf: z.string(),
  horizon: z.number().int(),
  origins: z.number().int().nullable(),
  series: z.number().int(),
  failed: z.number().int(),
  elapsedMs: z.number().int(),
  msPer1000: z.number().int().nullable().describe('Compute time in the worker threads per 1,000 series (ms)'),
  createdBy: z.string(),
  createdAt: z.string(),
  overall: accuracyBrief.nullable(),
});
export const runListQuery = z.object({
  kind: z.enum(['forecast', 'backtest']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const accuracyQuery = z.object({ runId: z.uuid().optional() });
export const accuracySchema = z.object({
  run: runSchema.nullable(),
  groups: z.array(
    accuracyBrief.extend({
      dimension: z.enum(ACCURACY_DIMENSIONS),
      key: z.string(),
      series: z.number().int(),
    }),
  ),
});
export const seriesAccuracyQuery = z.object({
  runId: z.uuid().optional(),
  warehouseId: z.uuid().optional(),
  skuId: z.uuid().optional(),
  abc: z.enum(['A', 'B', 'C']).optional(),
  storageClass: z.string().max(20).optional(),
  ...pageQuery,
});
export const seriesAccuracyPage = pageOf(seriesAccuracySchema);

export const alertKindSchema = z.enum(ALERT_KINDS);
export const alertSeveritySchema = z.enum(ALERT_SEVERITIES);
