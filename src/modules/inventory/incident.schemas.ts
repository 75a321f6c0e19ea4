import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/pagination';
import { INCIDENT_KINDS, INCIDENT_STATUSES } from './coldchain.tables';
import { STOCK_STATUSES } from './stock.tables';

const fileRef = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .regex(/^[^\s<>"]+$/)
  .describe('A file reference: a storage key or URL of the photo');

export const incidentLineBody = z.strictObject({
  skuId: z.uuid(),
  binId: z.uuid(),
  lotId: z.uuid().nullable().optional(),
  status: z
    .enum(STOCK_STATUSES)
    .optional()
    .describe('The stock status the goods are taken from (default available)'),
  qty: z.number().int().min(1).max(1_000_000_000),
});
export const incidentBody = z.strictObject({
  warehouseId: z.uuid(),
  kind: z.enum(INCIDENT_KINDS),
  occurredAt: z.iso.datetime({ offset: true }),
  description: z.string().trim().min(1).max(2000),
  photos: z.array(fileRef).max(20).default([]),
  lines: z.array(incidentLineBody).min(1).max(200),
  post: z.boolean().default(false).describe('Post at once (writes the write-off movements)'),
});
export const incidentSchema = z.object({
  id: z.uuid(),
  docNo: z.string(),
  warehouseId: z.uuid(),
  kind: z.enum(INCIDENT_KINDS),
  status: z.enum(INCIDENT_STATUSES),
  occurredAt: z.string(),
  description: z.string(),
  photos: z.array(z.string()),
  reportedByName: z.string(),
  createdAt: z.string(),
  postedAt: z.string().nullable(),
  postedByName: z.string().nullable(),
  totalQty: z.number().int(),
  lines: z.array(
    z.object({
      lineNo: z.number().int(),
      skuId: z.uuid(),
      binId: z.uuid(),
      binCode: z.string(),
      lotId: z.uuid().nullable(),
      lotCode: z.string().nullable(),
      status: z.enum(STOCK_STATUSES),
      qty: z.number().int(),
    }),
  ),
});
export const incidentQuery = z.object({
  warehouseId: z.uuid().optional(),
  kind: z.enum(INCIDENT_KINDS).optional(),
  status: z.enum(INCIDENT_STATUSES).optional(),
  ...pageQuery,
});
export const incidentPage = pageOf(incidentSchema);
