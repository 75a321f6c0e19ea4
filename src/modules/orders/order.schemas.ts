import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/pagination';
import { REASON_CODES } from './order.reasons';
import { ORDER_STATUSES } from './order.tables';
import { SERVICE_TYPES } from './shipping.rates';
import { PUBLIC_STAGES } from './tracking.service';

/** Request and response schemas of the orders API (they become the OpenAPI document). */
const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
const trimmed = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || undefined);

export const orderListQuery = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  merchantId: z.uuid().optional(),
  channel: trimmed(30).optional(),
  warehouseId: z.uuid().optional(),
  serviceType: z.enum(SERVICE_TYPES).optional(),
  reason: z.enum(REASON_CODES).optional().describe('Exception reason code.'),
  overdue: booleanQuery.optional().describe('Only exceptions waiting longer than the SLA.'),
  from: trimmed(40)
    .optional()
    .describe('Created at or after (ISO date or date-time; a date is Beijing time).'),
  to: trimmed(40).optional().describe('Created before (a plain date includes that day).'),
  q: trimmed(100)
    .optional()
    .describe('Order number (prefix), channel order number, consignee name or phone.'),
  ...pageQuery,
});

export const orderSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  parentId: z.string().nullable(),
  merchantId: z.string(),
  merchantName: z.string().nullable(),
  channel: z.string(),
  externalNo: z.string(),
  status: z.enum(ORDER_STATUSES),
  reasons: z.array(z.string()),
  consigneeName: z.string(),
  phoneMasked: z.string(),
  region: z.string().nullable(),
  serviceType: z.enum(SERVICE_TYPES),
  paymentStatus: z.string(),
  totalFen: z.number().int(),
  warehouseId: z.string().nullable(),
  promisedDate: z.string().nullable(),
  createdAt: z.string(),
  exceptionSince: z.string().nullable(),
  ageHours: z.number().nullable(),
  overdue: z.boolean(),
});

export const orderPageSchema = pageOf(orderSummarySchema);

const suggestionSchema = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  cityCode: z.string(),
  cityName: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  detail: z.string(),
  text: z.string(),
});

const candidateSchema = z.object({
  warehouseId: z.string(),
  code: z.string(),
  rejected: z.string().nullable(),
  rejectedMessage: z.string().nullable(),
  coversLines: z.number().int(),
  totalLines: z.number().int(),
  zone: z.number().int(),
  distanceKm: z.number().nullable(),
  costFen: z.number().int(),
  transitDays: z.number().int(),
  chosen: z.boolean(),
});

export const orderDetailSchema = orderSummarySchema.extend({
  consignee: z.object({
    name: z.string(),
    phone: z.string(),
    email: z.string().nullable().describe('Lower-cased; null when none was given.'),
    phoneKind: z.string(),
    addressText: z.string(),
    provinceCode: z.string().nullable(),
    provinceName: z.string().nullable(),
    cityCode: z.string().nullable(),
    cityName: z.string().nullable(),
    districtCode: z.string().nullable(),
    districtName: z.string().nullable(),
    detail: z.string(),
    addressStatus: z.string(),
    addressNotes: z.array(z.string()),
    suggestions: z.array(suggestionSchema),
  }),
  issues: z.array(
    z.object({
      code: z.string(),
      field: z.string().nullable(),
      params: z.record(z.string(), z.unknown()),
      message: z.string(),
      overridable: z.boolean(),
    }),
  ),
  overrides: z.array(z.string()),
  codAmountFen: z.number().int().nullable(),
  currency: z.string(),
  weightG: z.number().int(),
  shippingCostFen: z.number().int().nullable(),
  deliveryWindow: z.object({ from: z.string(), to: z.string() }).nullable(),
  notes: z.string().nullable(),
  carrier: z.string().nullable(),
  waybillNo: z.string().nullable(),
  interceptRequestedAt: z.string().nullable(),
  source: z.string(),
  version: z.number().int(),
  lines: z.array(
    z.object({
      lineNo: z.number().int(),
      skuId: z.string().nullable(),
      skuCode: z.string(),
      skuName: z.string().nullable(),
      storageClass: z.string().nullable(),
      qty: z.number().int(),
      unitPriceFen: z.number().int(),
      unitWeightG: z.number().int().nullable(),
    }),
  ),
  allocations: z.array(
    z.object({
      skuId: z.string(),
      warehouseId: z.string(),
      binId: z.string(),
      binCode: z.string(),
      lotId: z.string().nullable(),
      lotCode: z.string().nullable(),
      expiryDate: z.string().nullable(),
      qty: z.number().int(),
      pickedQty: z.number().int(),
    }),
  ),
  decisions: z.array(
    z.object({
      at: z.string(),
      kind: z.string(),
      code: z.string(),
      params: z.record(z.string(), z.unknown()),
      message: z.string().describe('Why, in the request language.'),
      candidates: z.array(candidateSchema),
    }),
  ),
  history: z.array(
    z.object({
      at: z.string(),
      actorName: z.string(),
      action: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      note: z.string().nullable(),
      details: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
  family: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      status: z.enum(ORDER_STATUSES),
      warehouseId: z.string().nullable(),
      isRoot: z.boolean(),
    }),
  ),
});

export const intakeReplySchema = orderDetailSchema.extend({
  resent: z
    .boolean()
    .describe(
      'True when this channel order was already taken in: the stored order is returned, nothing changed.',
    ),
});

export const fieldIssueSchema = z.object({ field: z.string(), code: z.string(), message: z.string() });

export const batchBody = z.strictObject({
  orders: z
    .array(z.unknown())
    .min(1)
    .max(1000)
    .describe('Up to 1,000 orders, each as the body of POST /api/orders; each is answered on its own.'),
});

export const batchReplySchema = z.object({
  created: z.number().int(),
  existing: z.number().int(),
  invalid: z.number().int(),
  results: z.array(
    z.object({
      index: z.number().int(),
      result: z.enum(['created', 'existing', 'invalid']),
      id: z.string().nullable(),
      number: z.string().nullable(),
      status: z.enum(ORDER_STATUSES).nullable(),
      reasons: z.array(z.string()),
      issues: z.array(fieldIssueSchema),
    }),
  ),
});

export const exceptionSummarySchema = z.object({
  total: z.number().int(),
  overdue: z.number().int(),
  slaHours: z.number().int(),
  oldestAgeHours: z.number().nullable(),
  byReason: z.array(z.object({ code: z.string(), count: z.number().int() })),
});

export const actionReplySchema = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(ORDER_STATUSES),
  reasons: z.array(z.string()),
  parts: z.array(z.object({ id: z.string(), number: z.string(), status: z.enum(ORDER_STATUSES) })),
});

export const trackBody = z.strictObject({
  number: z.string().trim().min(1).max(40),
  phoneLast4: z.string().regex(/^\d{4}$/),
});

const stageEntry = z.object({ at: z.string(), stage: z.enum(PUBLIC_STAGES) });
const trackPart = z.object({
  number: z.string(),
  stage: z.enum(PUBLIC_STAGES),
  region: z.string().nullable(),
  promisedDate: z.string().nullable(),
  carrier: z.string().nullable(),
  waybillNo: z.string().nullable(),
  timeline: z.array(stageEntry),
});
export const trackReplySchema = trackPart.extend({ phoneMasked: z.string(), parts: z.array(trackPart) });

export const idParams = z.object({ id: z.uuid() });
