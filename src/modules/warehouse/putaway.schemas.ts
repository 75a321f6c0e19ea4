import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination';
import { STORAGE_CLASSES } from '../inventory';
import { qty, skuLabelSchema } from './asn.schemas';
import { PUTAWAY_TASK_STATUSES, SCAN_KINDS, SLOT_REASONS } from './warehouse.tables';

const scan = z.string().trim().min(1).max(100);

export const taskSchema = z.object({
  id: z.uuid(),
  receiptId: z.uuid(),
  receiptNumber: z.string(),
  receiptLineId: z.uuid(),
  lineNo: z.number().int(),
  warehouseId: z.uuid(),
  ...skuLabelSchema,
  skuBarcodes: z.array(z.string()),
  storageClass: z.enum(STORAGE_CLASSES).nullable(),
  lotId: z.uuid().nullable(),
  lotCode: z.string().nullable(),
  expiryDate: z.string().nullable(),
  qty: z.number().int(),
  doneQty: z.number().int(),
  remainingQty: z.number().int(),
  suggestedBinId: z.uuid().nullable(),
  suggestedBinCode: z.string().nullable(),
  slotReason: z.enum(SLOT_REASONS).nullable().describe('The slotting rule that chose the bin'),
  status: z.enum(PUTAWAY_TASK_STATUSES),
  wrongScans: z.number().int().describe('Refused scans on this task'),
  confirmations: z.array(
    z.object({
      binId: z.uuid(),
      binCode: z.string(),
      qty: z.number().int(),
      deviated: z.boolean().describe('Put away into another bin than suggested'),
      actorName: z.string(),
      at: z.string(),
    }),
  ),
  createdAt: z.string(),
});

export const taskQuery = z.object({
  warehouseId: z.uuid().optional(),
  receiptId: z.uuid().optional(),
  status: z.enum(PUTAWAY_TASK_STATUSES).optional(),
  ...pageQuery,
});
export const taskPage = z.object({ items: z.array(taskSchema), nextCursor: z.string().nullable() });

export const confirmBody = z.strictObject({
  binBarcode: scan.describe('The destination bin barcode, as scanned'),
  skuBarcode: scan.describe('The goods barcode (GTIN) or SKU code, as scanned'),
  qty: qty.optional().describe('Default: all that is left on the task'),
  acceptDifferentBin: z
    .boolean()
    .optional()
    .describe(
      'Confirm a valid bin other than the suggested one (the first attempt answers 409 putaway_bin_differs)',
    ),
});
export const confirmResult = z.object({
  task: taskSchema,
  deviated: z.boolean(),
  movementId: z.number().int(),
  binId: z.uuid(),
});

export const alternativesSchema = z.object({
  items: z.array(
    z.object({
      binId: z.uuid(),
      binCode: z.string(),
      room: z.number().int().describe('Units of the SKU that fit'),
      reason: z.enum(SLOT_REASONS),
    }),
  ),
});

export const scanErrorQuery = z.object({
  warehouseId: z.uuid().optional(),
  receiptId: z.uuid().optional(),
  taskId: z.uuid().optional(),
  ...pageQuery,
});
export const scanErrorPage = z.object({
  total: z.number().int().describe('Refused scans matching the filter'),
  nextCursor: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.uuid(),
      warehouseId: z.uuid(),
      receiptId: z.uuid().nullable(),
      taskId: z.uuid().nullable(),
      kind: z.enum(SCAN_KINDS),
      code: z.string(),
      expected: z.string().nullable(),
      scanned: z.string(),
      actorName: z.string(),
      at: z.string(),
    }),
  ),
});
