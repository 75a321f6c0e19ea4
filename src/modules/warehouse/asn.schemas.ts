import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/pagination';
import { ASN_STATUSES } from './asn.state';
import { RECEIPT_STATUSES } from './receipt.state';

export const qty = z.number().int().min(1).max(1_000_000_000).describe('Quantity in base units');
export const isoDate = z.iso.date();
export const text = (max: number) => z.string().trim().min(1).max(max);
export const lotCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/)
  .describe('Lot (batch) code as printed on the goods');
export const idParams = z.object({ id: z.uuid() });

export const expectedLine = {
  skuId: z.uuid(),
  lotCode: lotCode.nullable().optional(),
  productionDate: isoDate.nullable().optional(),
  expiryDate: isoDate
    .nullable()
    .optional()
    .describe('Derived from the production date and shelf life when absent'),
};

export const asnCreateBody = z.strictObject({
  merchantId: z.uuid().nullable().optional().describe("The goods' owner; merchant users send their own"),
  warehouseId: z.uuid(),
  supplierName: text(100).nullable().optional(),
  carrier: text(60).nullable().optional(),
  trackingNo: text(60).nullable().optional(),
  expectedDate: isoDate.nullable().optional(),
  note: text(500).nullable().optional(),
  lines: z
    .array(z.strictObject({ ...expectedLine, qty }))
    .min(1)
    .max(200),
});

export const asnQuery = z.object({
  warehouseId: z.uuid().optional(),
  merchantId: z.uuid().optional(),
  status: z.enum(ASN_STATUSES).optional(),
  q: z.string().trim().max(60).optional(),
  ...pageQuery,
});

export const asnSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  merchantId: z.uuid(),
  merchantName: z.string().nullable(),
  warehouseId: z.uuid(),
  status: z.enum(ASN_STATUSES),
  supplierName: z.string().nullable(),
  carrier: z.string().nullable(),
  trackingNo: z.string().nullable(),
  expectedDate: z.string().nullable(),
  note: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  lineCount: z.number().int(),
  totalQty: z.number().int(),
});

export const skuLabelSchema = {
  skuId: z.uuid(),
  skuCode: z.string(),
  skuNameZh: z.string().nullable(),
  skuNameEn: z.string().nullable(),
};

export const asnSchema = asnSummarySchema.extend({
  receipt: z.object({ id: z.uuid(), number: z.string(), status: z.enum(RECEIPT_STATUSES) }).nullable(),
  lines: z.array(
    z.object({
      id: z.uuid(),
      lineNo: z.number().int(),
      ...skuLabelSchema,
      qty: z.number().int(),
      lotCode: z.string().nullable(),
      productionDate: z.string().nullable(),
      expiryDate: z.string().nullable(),
    }),
  ),
});

export const asnPage = pageOf(asnSummarySchema);
export const cancelBody = z.strictObject({ reason: text(200) });
export const asnCancelBody = z.strictObject({ reason: text(200).optional() });
export const destinationsSchema = z.object({
  items: z.array(
    z.object({ id: z.uuid(), code: z.string(), nameZh: z.string(), nameEn: z.string(), city: z.string() }),
  ),
});
