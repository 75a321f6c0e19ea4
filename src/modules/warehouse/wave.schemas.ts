import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/pagination';
import { noteText, outboundSummarySchema, scanText, unitQty } from './outbound.schemas';
import {
  OUTBOUND_SCAN_KINDS,
  PICK_LIST_STATUSES,
  PICK_TASK_STATUSES,
  SCAN_STAGES,
  TEMPERATURE_CLASSES,
} from './outbound.tables';
import { WAVE_STATUSES } from './wave.state';

const point = z.object({ xMm: z.number(), yMm: z.number() });

export const waveSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  warehouseId: z.uuid(),
  status: z.enum(WAVE_STATUSES),
  origin: z.enum(['proposal', 'manual']),
  carrier: z.string().nullable().describe('Null when the orders go with several carriers'),
  carrierName: z.string().nullable(),
  cutoffAt: z.string().nullable().describe('The earliest cut-off of its orders'),
  temperatureClass: z.enum(TEMPERATURE_CLASSES).nullable(),
  zoneKey: z.string().nullable(),
  note: z.string().nullable(),
  orders: z.number().int(),
  pickLists: z.number().int(),
  createdByName: z.string(),
  createdAt: z.string(),
  releasedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
});

export const pickListSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  waveId: z.uuid(),
  warehouseId: z.uuid(),
  zoneId: z.uuid().nullable(),
  zoneCode: z.string().nullable(),
  zoneName: z.string().nullable(),
  temperatureClass: z.enum(TEMPERATURE_CLASSES),
  status: z.enum(PICK_LIST_STATUSES),
  supplementary: z.boolean().describe('Made after a short pick moved units to other bins'),
  tasks: z.number().int(),
  openTasks: z.number().int(),
  routeMm: z.number().int().describe('Length of the sequenced walk, dispatch point and back'),
  sShapeMm: z.number().int().describe('Length of an S-shape walk over the same bins'),
  savingPct: z.number().describe('Saving of the route over the S-shape walk, %'),
  method: z.string(),
  optimal: z.boolean(),
  pickerName: z.string().nullable(),
  wrongScans: z.number().int(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
});

export const waveDetailSchema = waveSummarySchema.extend({
  routeMm: z.number().int(),
  sShapeMm: z.number().int(),
  savingPct: z.number(),
  outbounds: z.array(outboundSummarySchema),
  pickLists: z.array(pickListSummarySchema),
  history: z.array(
    z.object({
      fromStatus: z.enum(WAVE_STATUSES).nullable(),
      toStatus: z.enum(WAVE_STATUSES),
      at: z.string(),
      actorName: z.string(),
      note: z.string().nullable(),
    }),
  ),
});

export const waveQuery = z.object({
  warehouseId: z.uuid().optional(),
  status: z.enum(WAVE_STATUSES).optional(),
  ...pageQuery,
});
export const wavePage = pageOf(waveSummarySchema);

export const proposalQuery = z.object({
  warehouseId: z.uuid(),
  maxOrders: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .describe('Orders per wave at most (default 40)'),
  maxUnits: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .optional()
    .describe('Units per wave at most (default 2,000)'),
});
export const proposalSchema = z.object({
  waiting: z.number().int().describe('Released orders not in a wave'),
  waves: z.array(
    z.object({
      key: z.string(),
      carrier: z.string(),
      carrierName: z.string(),
      cutoffAt: z.string(),
      temperatureClass: z.enum(TEMPERATURE_CLASSES),
      zoneKey: z.string(),
      outboundIds: z.array(z.uuid()),
      orderNumbers: z.array(z.string()),
      orders: z.number().int(),
      lines: z.number().int(),
      units: z.number().int(),
      minutesToCutoff: z.number().int(),
    }),
  ),
});

export const waveCreateBody = z.strictObject({
  warehouseId: z.uuid(),
  outboundIds: z.array(z.uuid()).min(1).max(500),
  note: noteText(300).nullable().optional(),
  origin: z.enum(['proposal', 'manual']).optional(),
});
export const waveCancelBody = z.strictObject({ reason: noteText(300) });
export const waveCloseBody = z.strictObject({ note: noteText(300).nullable().optional() });

export const pickListQuery = z.object({
  warehouseId: z.uuid().optional(),
  waveId: z.uuid().optional(),
  status: z.enum(PICK_LIST_STATUSES).optional(),
  limit: pageQuery.limit,
});
export const pickListList = z.object({ items: z.array(pickListSummarySchema) });

export const pickListDetailSchema = pickListSummarySchema.extend({
  waveNumber: z.string(),
  waveStatus: z.enum(WAVE_STATUSES),
  nextTaskId: z.uuid().nullable().describe('The first open task in walking order'),
  layout: z.object({
    aisleXsMm: z.array(z.number()),
    crossAisleYsMm: z.array(z.number()),
    aisleWidthMm: z.number(),
    depot: point,
    aisleNames: z.array(z.string()).optional(),
  }),
  waypoints: z.array(point).describe('The walk, corner by corner, for drawing'),
  tasks: z.array(
    z.object({
      id: z.uuid(),
      seq: z.number().int(),
      legMm: z.number().int(),
      binId: z.uuid(),
      binCode: z.string(),
      xMm: z.number().int(),
      yMm: z.number().int(),
      skuId: z.uuid(),
      skuCode: z.string(),
      skuName: z.string().nullable(),
      lotCode: z.string().nullable(),
      qty: z.number().int(),
      pickedQty: z.number().int(),
      shortQty: z.number().int(),
      status: z.enum(PICK_TASK_STATUSES),
      orders: z.array(
        z.object({
          outboundNumber: z.string(),
          orderNumber: z.string(),
          qty: z.number().int(),
          pickedQty: z.number().int(),
          shortQty: z.number().int(),
        }),
      ),
    }),
  ),
});

export const taskParams = z.object({ id: z.uuid(), taskId: z.uuid() });
const lotScan = z
  .string()
  .trim()
  .max(40)
  .nullable()
  .optional()
  .describe('Lot code as printed; required when the task names a lot');
export const pickScanBody = z.strictObject({
  binBarcode: scanText,
  skuBarcode: scanText.optional(),
  lotCode: lotScan,
});
export const pickConfirmBody = z.strictObject({
  binBarcode: scanText,
  skuBarcode: scanText,
  lotCode: lotScan,
  qty: unitQty,
});
export const pickConfirmResult = z.object({
  pickedQty: z.number().int(),
  openQty: z.number().int(),
  pickList: pickListDetailSchema,
});
export const pickShortBody = z.strictObject({
  binBarcode: scanText,
  skuBarcode: scanText.optional(),
  lotCode: lotScan,
  foundQty: z.number().int().min(0).max(1_000_000).describe('Units found and picked now'),
  note: noteText(300).nullable().optional(),
});
export const pickShortResult = z.object({
  foundQty: z.number().int(),
  shortQty: z.number().int(),
  countRequestId: z.uuid(),
  outcomes: z.array(z.object({ orderNumber: z.string(), qty: z.number().int(), outcome: z.string() })),
  pickList: pickListDetailSchema,
});

export const scanErrorQuery = z.object({
  warehouseId: z.uuid().optional(),
  stage: z.enum(SCAN_STAGES).optional(),
  pickListId: z.uuid().optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: pageQuery.limit,
});
export const scanErrorReportSchema = z.object({
  total: z.number().int(),
  byActor: z.array(z.object({ actorName: z.string(), count: z.number().int(), pickCount: z.number().int() })),
  byPickList: z.array(z.object({ pickListId: z.uuid(), number: z.string(), count: z.number().int() })),
  items: z.array(
    z.object({
      id: z.uuid(),
      stage: z.enum(SCAN_STAGES),
      kind: z.enum(OUTBOUND_SCAN_KINDS),
      code: z.string(),
      expected: z.string().nullable(),
      scanned: z.string(),
      pickListId: z.uuid().nullable(),
      pickTaskId: z.uuid().nullable(),
      outboundId: z.uuid().nullable(),
      packageId: z.uuid().nullable(),
      actorName: z.string(),
      at: z.string(),
    }),
  ),
});
