import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/pagination';
import { ORDER_STATUSES } from './order.tables';
import {
  DISPOSITIONS,
  RAISED_VIA,
  REFUND_STATUSES,
  RETURN_CONDITIONS,
  RETURN_METHODS,
  RETURN_OUTCOMES,
  RETURN_REASONS,
  RETURN_RESOLUTIONS,
  RETURN_STATUSES,
} from './returns.tables';

/** Request and response schemas of the returns API (they become the OpenAPI document). */
const trimmed = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || undefined);
const note = z.string().trim().max(500);
const qty = z.number().int().min(1).max(1_000_000);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const returnIdParams = z.object({ id: z.uuid() });
export const orderIdParams = z.object({ orderId: z.uuid() });

export const returnLinesInput = z
  .array(z.strictObject({ lineNo: z.number().int().min(1).max(10_000), qty }))
  .min(1)
  .max(200)
  .describe('Order lines (by line number) and how many units of each come back.');

const requestFields = {
  reason: z.enum(RETURN_REASONS).describe('`no_longer_wanted` is 七天无理由退货.'),
  condition: z.enum(RETURN_CONDITIONS).describe('State of the goods as the customer describes them.'),
  resolution: z.enum(RETURN_RESOLUTIONS).default('refund').describe('What the customer asks for.'),
  note: note.optional().describe('What is wrong, in the customer’s words.'),
  lines: returnLinesInput,
};

export const returnCreateBody = z.strictObject({
  orderId: z.uuid(),
  ...requestFields,
});

export const portalLookupBody = z.strictObject({
  number: z.string().trim().min(1).max(40).describe('Order number (SO…).'),
  phoneLast4: z.string().regex(/^\d{4}$/),
});

export const portalRequestBody = portalLookupBody.extend(requestFields);

export const returnListQuery = z.object({
  status: z.enum(RETURN_STATUSES).optional(),
  reason: z.enum(RETURN_REASONS).optional(),
  raisedVia: z.enum(RAISED_VIA).optional(),
  refundStatus: z.enum(REFUND_STATUSES).optional(),
  merchantId: z.uuid().optional(),
  warehouseId: z.uuid().optional(),
  orderId: z.uuid().optional(),
  from: trimmed(40)
    .optional()
    .describe('Requested at or after (ISO date or date-time; a date is Beijing time).'),
  to: trimmed(40).optional().describe('Requested before (a plain date includes that day).'),
  q: trimmed(100).optional().describe('Return number or order number (prefix), or consignee name.'),
  ...pageQuery,
});

export const returnSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  orderId: z.string(),
  orderNumber: z.string(),
  merchantId: z.string(),
  merchantName: z.string().nullable(),
  warehouseId: z.string().nullable(),
  status: z.enum(RETURN_STATUSES),
  reason: z.enum(RETURN_REASONS),
  condition: z.enum(RETURN_CONDITIONS),
  resolution: z.enum(RETURN_RESOLUTIONS),
  raisedVia: z.enum(RAISED_VIA),
  method: z.enum(RETURN_METHODS).nullable(),
  outcome: z.enum(RETURN_OUTCOMES).nullable(),
  consigneeName: z.string(),
  replacementOrderId: z.string().nullable(),
  createdAt: z.string(),
  statusChangedAt: z.string(),
});

export const returnPageSchema = pageOf(
  returnSummarySchema.extend({
    totalQty: z.number().int(),
    receivedQty: z.number().int(),
    refundFen: z.number().int().nullable(),
    refundStatus: z.enum(REFUND_STATUSES).nullable(),
  }),
);

const refundSchema = z.object({
  grossFen: z.number().int(),
  restockingFeeFen: z.number().int(),
  amountFen: z.number().int(),
  currency: z.string(),
  status: z.enum(REFUND_STATUSES),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
  refundedAt: z.string().nullable(),
  refundedBy: z.string().nullable(),
});

export const returnDetailSchema = returnSummarySchema.extend({
  reasonNote: z.string().nullable(),
  rejectReason: z.string().nullable(),
  requestedByName: z.string(),
  window: z.object({ days: z.number().int(), basisAt: z.string(), deadline: z.string() }),
  order: z.object({
    id: z.string(),
    number: z.string(),
    status: z.enum(ORDER_STATUSES),
    phoneMasked: z.string(),
    region: z.string().nullable(),
    currency: z.string(),
  }),
  pickup: z
    .object({
      name: z.string().nullable(),
      phone: z.string().nullable(),
      address: z.string().nullable(),
      date: z.string().nullable(),
    })
    .nullable(),
  warehouse: z
    .object({ id: z.string(), code: z.string(), nameZh: z.string(), nameEn: z.string() })
    .nullable()
    .describe('Where the goods come back to.'),
  carrier: z.string().nullable(),
  waybillNo: z.string().nullable(),
  lines: z.array(
    z.object({
      lineNo: z.number().int(),
      skuId: z.string(),
      skuCode: z.string(),
      skuName: z.string().nullable(),
      storageClass: z.string().nullable(),
      unitPriceFen: z.number().int(),
      qty: z.number().int(),
      receivedQty: z.number().int(),
      restockQty: z.number().int(),
      holdQty: z.number().int(),
      scrapQty: z.number().int(),
      shippedFrom: z.array(
        z.object({
          warehouseId: z.string(),
          binId: z.string(),
          binCode: z.string(),
          lotId: z.string().nullable(),
          lotCode: z.string().nullable(),
          expiryDate: z.string().nullable(),
          qty: z.number().int(),
        }),
      ),
    }),
  ),
  inspections: z.array(
    z.object({
      lineNo: z.number().int(),
      disposition: z.enum(DISPOSITIONS),
      qty: z.number().int(),
      binId: z.string(),
      binCode: z.string(),
      lotId: z.string().nullable(),
      lotCode: z.string().nullable(),
      holdDocNo: z.string().nullable(),
      at: z.string(),
      actorName: z.string(),
    }),
  ),
  refund: refundSchema.nullable(),
  replacementOrder: z
    .object({ id: z.string(), number: z.string(), status: z.enum(ORDER_STATUSES) })
    .nullable(),
  history: z.array(
    z.object({
      at: z.string(),
      actorName: z.string(),
      action: z.string(),
      fromStatus: z.enum(RETURN_STATUSES).nullable(),
      toStatus: z.enum(RETURN_STATUSES).nullable(),
      note: z.string().nullable(),
      details: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});

export const returnableSchema = z.object({
  orderId: z.string(),
  orderNumber: z.string(),
  orderStatus: z.enum(ORDER_STATUSES),
  returnable: z.boolean(),
  windowBasis: z.enum(['delivered', 'shipped']),
  windowBasisAt: z.string(),
  deadline: z.string().describe('Last day for any reason (七天无理由).'),
  defectDeadline: z.string().describe('Last day for damaged, wrong, not-as-described or faulty goods.'),
  today: z.string(),
  lines: z.array(
    z.object({
      lineNo: z.number().int(),
      skuId: z.string().nullable(),
      skuCode: z.string(),
      skuName: z.string().nullable(),
      storageClass: z.string().nullable(),
      unitPriceFen: z.number().int(),
      shippedQty: z.number().int(),
      returnedQty: z.number().int(),
      returnableQty: z.number().int(),
    }),
  ),
});

export const approveBody = z.strictObject({ note: note.optional() });
export const reasonBody = z.strictObject({ reason: z.string().trim().min(2).max(500) });

export const arrangeBody = z.discriminatedUnion('method', [
  z.strictObject({
    method: z.literal('pickup'),
    pickupDate: day.optional().describe('Day the carrier collects (YYYY-MM-DD); today or later.'),
    address: z
      .string()
      .trim()
      .min(4)
      .max(300)
      .optional()
      .describe('Pickup address; default the consignee’s address on the order.'),
    carrier: z.string().trim().min(1).max(60).optional(),
    waybillNo: z.string().trim().min(1).max(60).optional(),
    note: note.optional(),
  }),
  z.strictObject({
    method: z.literal('dropoff'),
    warehouseId: z.uuid().optional().describe('Default: the warehouse the order shipped from.'),
    note: note.optional(),
  }),
]);

export const receiveBody = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        lineNo: z.number().int().min(1).max(10_000),
        qty: z.number().int().min(0).max(1_000_000),
      }),
    )
    .min(1)
    .max(200)
    .describe('Units counted per return line (lines left out arrived with 0).'),
  note: note.optional(),
});

export const inspectBody = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        lineNo: z.number().int().min(1).max(10_000),
        disposition: z.enum(DISPOSITIONS),
        qty,
        binId: z.uuid().optional().describe('Default: the bin the order was picked from.'),
        lotId: z.uuid().optional().describe('Default: the lot shipped, when there was only one.'),
      }),
    )
    .max(400)
    .describe('What happens to every received unit; per line they add up to what was received.'),
  note: note.optional(),
});

export const refundBody = z.strictObject({
  restockingFeeFen: z.number().int().min(0).max(10_000_000_000).optional(),
  note: note.optional(),
});

export const refundCompleteBody = z.strictObject({
  reference: z.string().trim().min(1).max(100).describe('Payment or channel refund reference.'),
  note: note.optional(),
});

export const replacementBody = z.strictObject({
  lines: z
    .array(
      z.strictObject({
        lineNo: z.number().int().min(1).max(10_000),
        qty,
        skuCode: z.string().trim().min(1).max(40).toUpperCase().optional(),
      }),
    )
    .min(1)
    .max(200)
    .optional(),
  note: note.optional(),
});

export const closeBody = z.strictObject({ note: z.string().trim().min(2).max(500) });

export const returnActionReply = z.object({
  id: z.string(),
  number: z.string(),
  status: z.enum(RETURN_STATUSES),
  orderStatus: z.enum(ORDER_STATUSES),
});

const portalLine = z.object({
  lineNo: z.number().int(),
  skuCode: z.string(),
  skuName: z.string().nullable(),
  perishable: z.boolean(),
  shippedQty: z.number().int(),
  returnableQty: z.number().int(),
});

export const portalViewSchema = z.object({
  orderNumber: z.string(),
  orderStatus: z.enum(ORDER_STATUSES),
  phoneMasked: z.string(),
  region: z.string().nullable(),
  returnable: z.boolean(),
  today: z.string(),
  deadline: z.string().nullable(),
  defectDeadline: z.string().nullable(),
  lines: z.array(portalLine),
  returns: z.array(
    z.object({
      number: z.string(),
      status: z.enum(RETURN_STATUSES),
      reason: z.enum(RETURN_REASONS),
      resolution: z.enum(RETURN_RESOLUTIONS),
      outcome: z.enum(RETURN_OUTCOMES).nullable(),
      createdAt: z.string(),
    }),
  ),
});

export const portalCreatedSchema = z.object({
  number: z.string(),
  status: z.enum(RETURN_STATUSES),
  orderNumber: z.string(),
});
