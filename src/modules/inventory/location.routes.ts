import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db';
import {
  createWarehouse,
  getWarehouse,
  listWarehouses,
  STORAGE_CLASSES,
  warehousesChanged,
} from './location.service';

const temp = z.number().int().min(-800).max(800).nullable().describe('Tenths of a degree Celsius');
const zone = z.object({
  code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{0,19}$/),
  nameZh: z.string().trim().min(1).max(60),
  nameEn: z.string().trim().min(1).max(80),
  storageClass: z.enum(STORAGE_CLASSES),
  tempMinDc: temp,
  tempMaxDc: temp,
});
const warehouse = z.object({
  id: z.uuid(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  city: z.string(),
  address: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  branchId: z.uuid().nullable(),
  active: z.boolean(),
  zones: z.array(zone.extend({ id: z.uuid() })),
});

export async function locationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['inventory'];
  r.get(
    '/api/inventory/warehouses',
    {
      config: { permission: 'inventory.warehouse.read' },
      schema: {
        tags,
        summary: 'Warehouses (only those assigned, for warehouse-scoped roles) with their zones',
        response: { 200: z.object({ items: z.array(warehouse) }) },
      },
    },
    async (request) => ({ items: await listWarehouses(app.db, request.principal) }),
  );
  r.get(
    '/api/inventory/warehouses/:id',
    {
      config: { permission: 'inventory.warehouse.read' },
      schema: {
        tags,
        summary: 'One warehouse with its zones',
        params: z.object({ id: z.uuid() }),
        response: { 200: warehouse },
      },
    },
    async (request) => getWarehouse(app.db, request.principal!, request.params.id),
  );
  r.post(
    '/api/inventory/warehouses',
    {
      config: { permission: 'inventory.warehouse.write' },
      schema: {
        tags,
        summary: 'Create a warehouse with its zones',
        body: z.strictObject({
          code: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/),
          nameZh: z.string().trim().min(1).max(60),
          nameEn: z.string().trim().min(1).max(80),
          city: z.string().trim().min(1).max(40),
          address: z.string().trim().min(1).max(200),
          latitude: z.number().min(-90).max(90).nullable().optional(),
          longitude: z.number().min(-180).max(180).nullable().optional(),
          branchId: z.uuid().nullable().optional(),
          zones: z.array(zone).max(50),
        }),
        response: { 201: warehouse },
      },
    },
    async (request, reply) => {
      const id = await inTransaction(app.db, (trx) =>
        createWarehouse(trx, request.actor, request.body, app.now()),
      );
      // Committed now: no reader may keep what it loaded while the transaction was open.
      warehousesChanged();
      return reply.code(201).send(await getWarehouse(app.db, request.principal!, id));
    },
  );
}
