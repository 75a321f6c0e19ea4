import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination';
import { lotCode, text } from './asn.schemas';
import {
  ABC_CLASSES,
  COUNT_KINDS,
  COUNT_PLAN_KINDS,
  COUNT_STATUSES,
  COUNT_TASK_STATUSES,
} from './count.tables';

const validZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
const days = z.number().int().min(1).max(3660);
const scan = z.string().trim().min(1).max(100);

export const rulesBody = {
  tolerancePct: z
    .number()
    .int()
    .min(0)
    .max(100)
    .optional()
    .describe('Accurate when |variance| ≤ this % of book'),
  toleranceQty: z.number().int().min(0).max(1_000_000).optional().describe('…or ≤ this many units'),
  approvalPct: z
    .number()
    .int()
    .min(0)
    .max(1000)
    .optional()
    .describe('A variance above this % of book needs a manager (0 = every variance)'),
  approvalValueFen: z
    .number()
    .int()
    .min(0)
    .max(1e12)
    .nullable()
    .optional()
    .describe('…or above this value in fen (declared unit value × |variance|); null = no value rule'),
  maxRecounts: z.number().int().min(0).max(3).optional().describe('Recounts of a bin outside the tolerance'),
};
const rulesSchema = {
  tolerancePct: z.number().int(),
  toleranceQty: z.number().int(),
  approvalPct: z.number().int(),
  approvalValueFen: z.number().int().nullable(),
  maxRecounts: z.number().int(),
};

export const planBody = z.strictObject({
  warehouseId: z.uuid(),
  name: text(60),
  kind: z.enum(COUNT_PLAN_KINDS).describe('abc: by ABC class frequency; zone: every bin of the zones'),
  zoneIds: z.array(z.uuid()).max(50).optional(),
  freqADays: days.optional().describe('Count A items every N days (default 30: monthly)'),
  freqBDays: days.optional().describe('B items (default 90: quarterly)'),
  freqCDays: days.optional().describe('C items (default 365: yearly)'),
  zoneFreqDays: days.optional().describe('Zone plan: count each bin every N days (default 90)'),
  maxBins: z.number().int().min(1).max(100_000).nullable().optional().describe('Bins per generated count'),
  active: z.boolean().optional(),
  ...rulesBody,
});

export const planSchema = z.object({
  id: z.uuid(),
  warehouseId: z.uuid(),
  name: z.string(),
  kind: z.enum(COUNT_PLAN_KINDS),
  zoneIds: z.array(z.uuid()),
  freqADays: z.number().int(),
  freqBDays: z.number().int(),
  freqCDays: z.number().int(),
  zoneFreqDays: z.number().int(),
  maxBins: z.number().int().nullable(),
  ...rulesSchema,
  active: z.boolean(),
  lastGeneratedAt: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
});

export const countCreateBody = z.strictObject({
  warehouseId: z.uuid(),
  kind: z.enum(['full', 'ad_hoc']).describe('full: every bin (全盘); ad_hoc: the bins named or asked for'),
  binIds: z.array(z.uuid()).min(1).max(10_000).optional().describe('ad_hoc: the bins to count'),
  fromRequests: z
    .boolean()
    .optional()
    .describe('ad_hoc: count the bins with open count requests (short picks)'),
  note: text(200).nullable().optional(),
  ...rulesBody,
});

const stats = {
  tasksOpen: z.number().int(),
  tasksDone: z.number().int(),
  linesCounted: z.number().int(),
  varianceLines: z.number().int(),
  approvalLines: z.number().int().describe('Lines over the approval thresholds'),
  accurateLines: z.number().int().describe('Lines within the tolerance'),
  netVarianceUnits: z.number().int(),
  varianceValueFen: z.number().int().describe('Σ |variance| × declared unit value'),
};

export const countSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  warehouseId: z.uuid(),
  planId: z.uuid().nullable(),
  kind: z.enum(COUNT_KINDS),
  status: z.enum(COUNT_STATUSES),
  bins: z.number().int(),
  ...rulesSchema,
  note: z.string().nullable(),
  ...stats,
  postedMovements: z.number().int(),
  createdByName: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedByName: z.string().nullable(),
  autoApproved: z.boolean().describe('Approved without a manager: no line over the thresholds'),
  postedAt: z.string().nullable(),
  postedByName: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export const countDetailSchema = countSchema.extend({
  history: z.array(
    z.object({
      from: z.enum(COUNT_STATUSES).nullable(),
      to: z.enum(COUNT_STATUSES),
      at: z.string(),
      actorName: z.string(),
      note: z.string().nullable(),
    }),
  ),
});
export const countQuery = z.object({
  warehouseId: z.uuid().optional(),
  status: z.enum(COUNT_STATUSES).optional(),
  kind: z.enum(COUNT_KINDS).optional(),
  ...pageQuery,
});
export const countPage = z.object({ items: z.array(countSchema), nextCursor: z.string().nullable() });

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const lineQuery = z.object({
  variancesOnly: bool.optional(),
  needsApproval: bool.optional(),
  ...pageQuery,
});
const skuLabel = {
  skuId: z.uuid(),
  skuCode: z.string(),
  skuNameZh: z.string().nullable(),
  skuNameEn: z.string().nullable(),
};
export const linePage = z.object({
  nextCursor: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.uuid(),
      binId: z.uuid(),
      binCode: z.string(),
      ...skuLabel,
      lotId: z.uuid().nullable(),
      lotCode: z.string().nullable(),
      abcClass: z.enum(ABC_CLASSES).nullable(),
      listed: z.boolean().describe('On the books when the count was created'),
      rounds: z.number().int(),
      firstBookQty: z.number().int().nullable(),
      firstCountedQty: z.number().int().nullable(),
      bookQty: z.number().int().nullable().describe('Book quantity when the bin was (last) counted'),
      countedQty: z.number().int().nullable(),
      variance: z.number().int().nullable(),
      unitValueFen: z.number().int().nullable(),
      varianceValueFen: z.number().int().nullable(),
      withinTolerance: z.boolean().nullable(),
      needsApproval: z.boolean(),
      countedAt: z.string().nullable(),
      counterName: z.string().nullable(),
    }),
  ),
});

export const approveBody = z.strictObject({
  note: text(500).nullable().optional(),
  post: z.boolean().optional().describe('Post the variances in the same step'),
});
export const recountBody = z.strictObject({
  binIds: z.array(z.uuid()).min(1).max(1000),
  note: text(500).nullable().optional(),
});
export const cancelBody = z.strictObject({ reason: text(200) });

export const taskSchema = z.object({
  id: z.uuid(),
  countId: z.uuid(),
  countNumber: z.string(),
  warehouseId: z.uuid(),
  binId: z.uuid(),
  binCode: z.string(),
  binBarcode: z.string(),
  round: z.number().int().describe('1 = first count, 2+ = recount'),
  status: z.enum(COUNT_TASK_STATUSES),
  counterName: z.string().nullable(),
  startedAt: z.string().nullable(),
  goods: z
    .array(
      z.object({
        ...skuLabel,
        skuBarcodes: z.array(z.string()),
        lotTracked: z.boolean(),
        lotCode: z.string().nullable(),
      }),
    )
    .describe('What the books list in the bin — never how many (blind count)'),
});
export const taskQuery = z.object({
  warehouseId: z.uuid().optional(),
  countId: z.uuid().optional(),
  status: z.enum(COUNT_TASK_STATUSES).optional(),
  binBarcode: scan.optional(),
  ...pageQuery,
});
export const taskPage = z.object({ items: z.array(taskSchema), nextCursor: z.string().nullable() });
export const startBody = z.strictObject({ binBarcode: scan });
export const submitBody = z.strictObject({
  binBarcode: scan.describe('The bin barcode as scanned'),
  lines: z
    .array(
      z.strictObject({
        skuId: z.uuid(),
        lotCode: lotCode.nullable().optional(),
        qty: z.number().int().min(0).max(1_000_000_000),
      }),
    )
    .max(500)
    .describe('What was found, per SKU and lot; an empty list = the bin is empty'),
});
export const submitResult = z.object({
  taskId: z.uuid(),
  binCode: z.string(),
  round: z.number().int(),
  linesCounted: z.number().int(),
  recount: z.boolean().describe('The bin must be counted again (a new task)'),
  countStatus: z.enum(COUNT_STATUSES),
});

export const accuracyQuery = z.object({
  warehouseId: z.uuid().optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  period: z.enum(['month', 'week']).default('month'),
  timeZone: z
    .string()
    .max(60)
    .refine(validZone, { message: 'unknown time zone' })
    .default('Asia/Shanghai')
    .describe('IANA zone the periods are cut in'),
});
const accuracyFields = {
  warehouseId: z.uuid(),
  lines: z.number().int(),
  accurateLines: z.number().int(),
  iraPct: z.number().describe('Accurate lines / counted lines, %'),
  absVarianceUnits: z.number().int(),
  absVarianceValueFen: z.number().int(),
};
export const accuracySchema = z.object({
  rows: z.array(
    z.object({ ...accuracyFields, period: z.string(), abcClass: z.enum(ABC_CLASSES).nullable() }),
  ),
  totals: z.array(z.object({ ...accuracyFields, group: z.enum(['A', 'B', 'C', 'unclassified', 'all']) })),
});

export const recordQuery = z.object({
  warehouseId: z.uuid(),
  binId: z.uuid().optional(),
  skuId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const recordList = z.object({
  items: z.array(
    z.object({
      binId: z.uuid(),
      binCode: z.string(),
      skuId: z.uuid(),
      lotId: z.uuid().nullable(),
      countId: z.uuid(),
      countNumber: z.string(),
      bookQty: z.number().int(),
      countedQty: z.number().int(),
      countedAt: z.string(),
      postedAt: z.string(),
    }),
  ),
});

export const valuesBody = z.strictObject({
  values: z
    .array(z.strictObject({ skuId: z.uuid(), unitValueFen: z.number().int().min(0).max(1e12) }))
    .min(1)
    .max(1000),
});
export const valueList = z.object({
  items: z.array(
    z.object({
      ...skuLabel,
      unitValueFen: z.number().int(),
      updatedByName: z.string(),
      updatedAt: z.string(),
    }),
  ),
});
export const valueQuery = z.object({
  skuId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
