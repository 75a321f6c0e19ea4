import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/pagination';
import { STORAGE_CLASSES } from '../inventory';
import { expectedLine, isoDate, lotCode, qty, skuLabelSchema, text } from './asn.schemas';
import { taskSchema } from './putaway.schemas';
import { RECEIPT_STATUSES } from './receipt.state';
import { DOCUMENT_KINDS, REJECT_DISPOSITIONS, REJECT_REASONS } from './warehouse.tables';

const count = z.number().int().min(0).max(1_000_000_000).describe('Quantity in base units');
const arrival = {
  carrier: text(60).nullable().optional(),
  vehiclePlate: text(20).nullable().optional().describe('Licence plate, e.g. 沪A·12345'),
  dock: text(20).nullable().optional().describe('Dock door'),
  deliveryNoteNo: text(60).nullable().optional().describe('Delivery note (送货单) number'),
};

export const receiptLineBody = z.strictObject({ ...expectedLine, expectedQty: count.default(0) });

export const adHocReceiptBody = z.strictObject({
  warehouseId: z.uuid(),
  merchantId: z.uuid().nullable().optional(),
  supplierName: text(100).nullable().optional(),
  note: text(500).nullable().optional(),
  arrived: z.boolean().optional().describe('The goods are at the dock: record the arrival at once'),
  ...arrival,
  lines: z
    .array(z.strictObject({ ...expectedLine, expectedQty: count }))
    .min(1)
    .max(200),
});

export const fromAsnBody = z.strictObject({
  note: text(500).nullable().optional(),
  arrived: z.boolean().optional(),
  ...arrival,
});

export const arrivalBody = z.strictObject(arrival);

export const documentsBody = z.strictObject({
  documents: z
    .array(
      z.strictObject({ kind: z.enum(DOCUMENT_KINDS), ref: text(120).describe('Number or file reference') }),
    )
    .max(20),
  complete: z.boolean().describe('All documents present (手续齐全); needs a delivery note'),
});

const fileRef = z
  .string()
  .trim()
  .max(500)
  .regex(/^(https?:\/\/\S+|[A-Za-z0-9][A-Za-z0-9._/-]*)$/)
  .describe('A photo URL or storage key');

export const inspectionBody = z.strictObject({
  receivedQty: count,
  acceptedQty: count,
  rejections: z
    .array(
      z.strictObject({
        qty,
        reason: z.enum(REJECT_REASONS),
        disposition: z
          .enum(REJECT_DISPOSITIONS)
          .optional()
          .describe('Default `hold` (wait for return to vendor)'),
        note: text(500).nullable().optional(),
      }),
    )
    .max(10)
    .optional(),
  lotCode: lotCode.nullable().optional(),
  productionDate: isoDate.nullable().optional(),
  expiryDate: isoDate.nullable().optional(),
  arrivalTempDc: z
    .number()
    .int()
    .min(-800)
    .max(800)
    .nullable()
    .optional()
    .describe('Arrival temperature, tenths of a degree Celsius (−18.0 °C = −180)'),
  override: z
    .strictObject({ note: text(500) })
    .nullable()
    .optional()
    .describe(
      'Manager override (warehouse.receipt.override) to accept out-of-range temperature or short shelf life',
    ),
  photos: z.array(fileRef).max(10).optional(),
  note: text(500).nullable().optional(),
});

export const vendorReturnBody = z.strictObject({
  carrier: text(60).nullable().optional(),
  trackingNo: text(60).nullable().optional(),
  note: text(500).nullable().optional(),
  lines: z
    .array(z.strictObject({ lineId: z.uuid(), qty }))
    .max(200)
    .optional(),
});

export const receiptCancelBody = z.strictObject({ reason: text(200) });
export const lineParams = z.object({ id: z.uuid(), lineId: z.uuid() });

export const receiptQuery = z.object({
  warehouseId: z.uuid().optional(),
  merchantId: z.uuid().optional(),
  asnId: z.uuid().optional(),
  status: z.enum(RECEIPT_STATUSES).optional(),
  q: z.string().trim().max(60).optional(),
  ...pageQuery,
});

const totals = z.object({
  lines: z.number().int(),
  inspectedLines: z.number().int(),
  expected: z.number().int(),
  received: z.number().int(),
  accepted: z.number().int(),
  rejected: z.number().int(),
  putaway: z.number().int(),
  held: z.number().int(),
  returned: z.number().int(),
  pendingReturn: z.number().int(),
});

export const receiptSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  warehouseId: z.uuid(),
  merchantId: z.uuid(),
  merchantName: z.string().nullable(),
  asnId: z.uuid().nullable(),
  asnNumber: z.string().nullable(),
  status: z.enum(RECEIPT_STATUSES),
  next: z.array(z.enum(RECEIPT_STATUSES)).describe('Statuses the receipt may move to next'),
  supplierName: z.string().nullable(),
  carrier: z.string().nullable(),
  vehiclePlate: z.string().nullable(),
  dock: z.string().nullable(),
  deliveryNoteNo: z.string().nullable(),
  documents: z.array(z.object({ kind: z.enum(DOCUMENT_KINDS), ref: z.string() })),
  documentsComplete: z.boolean(),
  note: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  signedOffAt: z.string().nullable(),
  signedOffByName: z.string().nullable(),
  completedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  totals,
});

const range = z.object({ minDc: z.number().int().nullable(), maxDc: z.number().int().nullable() });

export const receiptLineSchema = z.object({
  id: z.uuid(),
  lineNo: z.number().int(),
  ...skuLabelSchema,
  skuBarcodes: z.array(z.string()),
  storageClass: z.enum(STORAGE_CLASSES).nullable(),
  lotTracked: z.boolean(),
  shelfLifeDays: z.number().int().nullable(),
  expectedQty: z.number().int(),
  receivedQty: z.number().int().nullable(),
  acceptedQty: z.number().int().nullable(),
  rejectedQty: z.number().int(),
  rejections: z.array(
    z.object({
      qty: z.number().int(),
      reason: z.enum(REJECT_REASONS),
      disposition: z.enum(REJECT_DISPOSITIONS),
      note: z.string().nullable(),
    }),
  ),
  lotCode: z.string().nullable(),
  lotId: z.uuid().nullable(),
  productionDate: z.string().nullable(),
  expiryDate: z.string().nullable(),
  arrivalTempDc: z.number().int().nullable(),
  arrivalRange: range.nullable().describe('Cold-chain goods must arrive within this range (tenths of °C)'),
  overrideNote: z.string().nullable(),
  overrideByName: z.string().nullable(),
  photos: z.array(z.string()),
  inspectionNote: z.string().nullable(),
  inspectorName: z.string().nullable(),
  inspectedAt: z.string().nullable(),
  putawayQty: z.number().int(),
  heldQty: z.number().int(),
  returnedQty: z.number().int(),
});

export const receiptSchema = receiptSummarySchema.extend({
  lines: z.array(receiptLineSchema),
  history: z.array(
    z.object({
      from: z.enum(RECEIPT_STATUSES).nullable(),
      to: z.enum(RECEIPT_STATUSES),
      at: z.string(),
      actorName: z.string(),
      note: z.string().nullable(),
    }),
  ),
  tasks: z.array(taskSchema),
  returns: z.array(
    z.object({
      id: z.uuid(),
      number: z.string(),
      carrier: z.string().nullable(),
      trackingNo: z.string().nullable(),
      note: z.string().nullable(),
      actorName: z.string(),
      at: z.string(),
      lines: z.array(z.object({ lineId: z.uuid(), qty: z.number().int() })),
    }),
  ),
});

export const receiptPage = pageOf(receiptSummarySchema);
