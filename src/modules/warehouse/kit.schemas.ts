import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination';
import { isoDate, lotCode, qty, text } from './asn.schemas';
import { KIT_ORDER_STATUSES, KIT_ROLES } from './kit.tables';

const skuLabel = {
  skuId: z.uuid(),
  skuCode: z.string(),
  skuNameZh: z.string().nullable(),
  skuNameEn: z.string().nullable(),
};
const variant = {
  variantSkuId: z.uuid(),
  variantSkuCode: z.string(),
  variantSkuNameZh: z.string().nullable(),
  variantSkuNameEn: z.string().nullable(),
};

export const kitBody = z.strictObject({
  merchantId: z.uuid().describe("The goods' owner; every SKU of the kit is theirs"),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/),
  name: text(100),
  variantSkuId: z.uuid().describe('The SKU produced (the customised variant)'),
  components: z
    .array(z.strictObject({ skuId: z.uuid(), qty, role: z.enum(KIT_ROLES) }))
    .min(1)
    .max(50)
    .describe('Per kit: one generic item and the components added to it'),
  note: text(500).nullable().optional(),
  active: z.boolean().optional(),
});

export const kitSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  merchantId: z.uuid(),
  merchantName: z.string().nullable(),
  ...variant,
  note: z.string().nullable(),
  active: z.boolean(),
  components: z.array(
    z.object({ lineNo: z.number().int(), ...skuLabel, role: z.enum(KIT_ROLES), qty: z.number().int() }),
  ),
  createdByName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
export const kitQuery = z.object({ merchantId: z.uuid().optional(), active: bool.optional() });

export const kitOrderBody = z.strictObject({
  kitId: z.uuid(),
  warehouseId: z.uuid(),
  qty: qty.describe('Kits to make'),
  outputBinId: z.uuid().nullable().optional().describe('Where the variants go (or choose at completion)'),
  dueDate: isoDate.nullable().optional(),
  note: text(500).nullable().optional(),
});
export const kitCompleteBody = z.strictObject({
  qty: qty.optional().describe('Kits made now (default: all that are left)'),
  outputBinId: z.uuid().nullable().optional(),
  lotCode: lotCode
    .nullable()
    .optional()
    .describe('Lot of a lot-tracked variant (default: order number-sequence)'),
});
export const kitCloseBody = z.strictObject({ reason: text(200) });

export const kitOrderSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  kitId: z.uuid(),
  kitCode: z.string(),
  kitName: z.string(),
  warehouseId: z.uuid(),
  merchantId: z.uuid(),
  ...variant,
  status: z.enum(KIT_ORDER_STATUSES),
  plannedQty: z.number().int(),
  doneQty: z.number().int(),
  outputBinId: z.uuid().nullable(),
  outputBinCode: z.string().nullable(),
  dueDate: z.string().nullable(),
  note: z.string().nullable(),
  createdByName: z.string(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  lines: z.array(
    z.object({
      lineNo: z.number().int(),
      ...skuLabel,
      role: z.enum(KIT_ROLES),
      qtyPerKit: z.number().int(),
      requiredQty: z.number().int(),
      consumedQty: z.number().int(),
    }),
  ),
  completions: z.array(
    z.object({
      qty: z.number().int(),
      binId: z.uuid(),
      binCode: z.string(),
      lotCode: z.string().nullable(),
      movementId: z.number().int(),
      consumed: z.array(
        z.object({
          skuId: z.uuid(),
          binId: z.uuid(),
          lotId: z.uuid().nullable(),
          lotCode: z.string().nullable(),
          qty: z.number().int(),
        }),
      ),
      actorName: z.string(),
      at: z.string(),
    }),
  ),
  history: z.array(
    z.object({
      from: z.enum(KIT_ORDER_STATUSES).nullable(),
      to: z.enum(KIT_ORDER_STATUSES),
      at: z.string(),
      actorName: z.string(),
      note: z.string().nullable(),
    }),
  ),
});
export const kitOrderQuery = z.object({
  warehouseId: z.uuid().optional(),
  status: z.enum(KIT_ORDER_STATUSES).optional(),
  ...pageQuery,
});
export const kitOrderPage = z.object({ items: z.array(kitOrderSchema), nextCursor: z.string().nullable() });
