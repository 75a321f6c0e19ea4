import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/pagination';
import { GATE_REASONS } from './gate.rules';
import { OUTBOUND_STATUSES } from './outbound.state';
import {
  COUNT_REQUEST_STATUSES,
  PACKAGE_STATUSES,
  SERVICE_TYPES,
  TEMPERATURE_CLASSES,
} from './outbound.tables';
import { CARRIER_CODES, CUTOFF_PATTERN } from './waybill.carriers';

export const scanText = z.string().trim().min(1).max(100);
export const noteText = (max = 500) => z.string().trim().min(1).max(max);
export const unitQty = z.number().int().min(1).max(1_000_000).describe('Quantity in base units');

export const outboundSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  orderId: z.uuid(),
  orderNumber: z.string(),
  merchantId: z.uuid(),
  warehouseId: z.uuid(),
  status: z.enum(OUTBOUND_STATUSES),
  serviceType: z.string(),
  carrier: z.string(),
  carrierName: z.string(),
  cutoffAt: z.string().describe('When the carrier’s truck leaves (UTC)'),
  temperatureClass: z.enum(TEMPERATURE_CLASSES),
  zoneKey: z.string().describe('Zones the goods are picked in'),
  waveId: z.uuid().nullable(),
  waveNumber: z.string().nullable(),
  promisedDate: z.string().nullable(),
  lines: z.number().int(),
  units: z.number().int(),
  pickedUnits: z.number().int(),
  shortUnits: z.number().int(),
  parcels: z.number().int(),
  creditApprovedAt: z.string().nullable(),
  creditApprovedByName: z.string().nullable(),
  packedAt: z.string().nullable(),
  shippedAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdAt: z.string(),
});

const gateReasonSchema = z.object({
  code: z.enum(GATE_REASONS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  message: z.string(),
});

export const packageSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  status: z.enum(PACKAGE_STATUSES),
  proposedCartonTypeId: z.string(),
  cartonTypeId: z.string(),
  cartonChangedReason: z.string().nullable(),
  cartonChangedByName: z.string().nullable(),
  temperature: z.enum(TEMPERATURE_CLASSES),
  coolantPacks: z.number().int(),
  lengthMm: z.number().int(),
  widthMm: z.number().int(),
  heightMm: z.number().int(),
  computedWeightG: z.number().int(),
  weightG: z.number().int().nullable(),
  fillPct: z.number().int(),
  waybillNo: z.string().nullable(),
  sealedAt: z.string().nullable(),
  sealedByName: z.string().nullable(),
  gateCheckedAt: z.string().nullable(),
  gateCheckedByName: z.string().nullable(),
  items: z.array(
    z.object({
      skuId: z.uuid(),
      skuCode: z.string(),
      skuName: z.string().nullable(),
      qty: z.number().int(),
      scannedQty: z.number().int(),
    }),
  ),
});

export const outboundDetailSchema = outboundSummarySchema.extend({
  creditNote: z.string().nullable(),
  gatePassId: z.uuid().nullable(),
  cancelledAt: z.string().nullable(),
  lines: z.array(
    z.object({
      id: z.uuid(),
      skuId: z.uuid(),
      skuCode: z.string(),
      skuName: z.string().nullable(),
      binId: z.uuid(),
      binCode: z.string(),
      lotId: z.uuid().nullable(),
      lotCode: z.string().nullable(),
      qty: z.number().int(),
      pickedQty: z.number().int(),
      shortQty: z.number().int(),
      pickTaskId: z.uuid().nullable(),
    }),
  ),
  packages: z.array(packageSchema),
  shortages: z.array(
    z.object({
      skuId: z.uuid(),
      binId: z.uuid(),
      lotId: z.uuid().nullable(),
      qty: z.number().int(),
      outcome: z.string().describe('same_warehouse, reallocated, split, or failed:<code>'),
      countRequestId: z.uuid().nullable(),
      actorName: z.string(),
      at: z.string(),
    }),
  ),
  gate: z.object({
    ready: z.boolean(),
    paymentStatus: z.string().nullable(),
    reasons: z.array(gateReasonSchema).describe('Why the shipment may not leave yet'),
  }),
});

export const outboundQuery = z.object({
  warehouseId: z.uuid().optional(),
  status: z.enum(OUTBOUND_STATUSES).optional(),
  waveId: z.uuid().optional(),
  carrier: z.enum(CARRIER_CODES).optional(),
  q: z.string().trim().max(40).optional().describe('Outbound or order number'),
  ...pageQuery,
});
export const outboundPage = pageOf(outboundSummarySchema);

export const countRequestQuery = z.object({
  warehouseId: z.uuid().optional(),
  status: z.enum(COUNT_REQUEST_STATUSES).optional(),
  limit: pageQuery.limit,
});
export const countRequestList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      warehouseId: z.uuid(),
      binId: z.uuid(),
      binCode: z.string(),
      skuId: z.uuid(),
      lotId: z.uuid().nullable(),
      reason: z.enum(['short_pick', 'manual']),
      expectedQty: z.number().int().describe('On hand in the books when the request was raised'),
      foundQty: z.number().int().describe('What the picker found'),
      status: z.enum(COUNT_REQUEST_STATUSES),
      note: z.string().nullable(),
      createdByName: z.string(),
      createdAt: z.string(),
      closedAt: z.string().nullable(),
    }),
  ),
});

export const cutoffRowSchema = z.object({
  serviceType: z.enum(SERVICE_TYPES),
  carrier: z.enum(CARRIER_CODES),
  cutoffLocal: z.string().regex(CUTOFF_PATTERN).describe('Last truck, HH:MM local time'),
});
export const cutoffList = z.object({
  items: z.array(cutoffRowSchema.extend({ carrier: z.string(), custom: z.boolean() })),
});
export const cutoffQuery = z.object({ warehouseId: z.uuid() });
export const cutoffBody = z.strictObject({
  warehouseId: z.uuid(),
  rows: z
    .array(cutoffRowSchema.strict())
    .min(1)
    .max(SERVICE_TYPES.length)
    .refine((rows) => new Set(rows.map((r) => r.serviceType)).size === rows.length, {
      message: 'warehouse.duplicate_service_type',
    }),
});

export const cartonTypeList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      innerLengthMm: z.number().int(),
      innerWidthMm: z.number().int(),
      innerHeightMm: z.number().int(),
      maxWeightG: z.number().int(),
      tareWeightG: z.number().int(),
      costFen: z.number().int(),
      insulated: z.boolean(),
    }),
  ),
});

export const scanItemBody = z.strictObject({
  barcode: scanText,
  qty: unitQty.optional().describe('Default 1'),
});
export const scanItemResult = z.object({
  skuCode: z.string(),
  scannedQty: z.number().int(),
  qty: z.number().int(),
});
export const cartonBody = z.strictObject({
  cartonTypeId: z.string().trim().min(1).max(20),
  reason: noteText(200),
});
export const sealBody = z.strictObject({
  weightG: z
    .number()
    .int()
    .min(1)
    .max(100_000_000)
    .optional()
    .describe('Scale weight; default the computed weight'),
  acceptWeight: z.boolean().optional().describe('Seal although the scale weight is off the computed weight'),
});
export const sealResult = z.object({
  waybillNo: z.string(),
  weightG: z.number().int(),
  outboundPacked: z.boolean(),
});

export const creditBody = z.strictObject({ note: noteText(300) });
export const gateScanBody = z.strictObject({ warehouseId: z.uuid(), waybillNo: scanText });
export const gateScanResult = z.object({
  outboundId: z.uuid(),
  parcel: z.number().int(),
  alreadyChecked: z.boolean(),
  outbound: outboundDetailSchema,
});
export const gatePassBody = z.strictObject({
  warehouseId: z.uuid(),
  outboundIds: z.array(z.uuid()).min(1).max(500),
  vehiclePlate: z.string().trim().min(5).max(12).describe('Licence plate, e.g. 沪A·12345'),
  carrier: z.enum(CARRIER_CODES),
  driverName: noteText(40).nullable().optional(),
  note: noteText(300).nullable().optional(),
});
export const gatePassSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  warehouseId: z.uuid(),
  carrier: z.string(),
  carrierName: z.string(),
  vehiclePlate: z.string(),
  driverName: z.string().nullable(),
  note: z.string().nullable(),
  parcels: z.number().int(),
  actorName: z.string(),
  at: z.string(),
});
export const gatePassDetail = gatePassSchema.extend({
  lines: z.array(
    z.object({
      outboundId: z.uuid(),
      outboundNumber: z.string(),
      orderNumber: z.string(),
      waybills: z.array(z.string()),
    }),
  ),
});
export const gatePassQuery = z.object({ warehouseId: z.uuid().optional(), limit: pageQuery.limit });
export const labelQuery = z.object({ lang: z.enum(['zh-CN', 'en']).optional() });
