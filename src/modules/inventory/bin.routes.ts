import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db';
import { badRequest } from '../../platform/lib/errors';
import { createBins, expandBinPattern, listBins } from './bin.service';
import { binCreateBody, binListQuery, binPage, binPatternBody, binSchema } from './stock.schemas';

const MAX_PATTERN_BINS = 5000;
const tags = ['inventory'];

export async function binRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/inventory/bins',
    {
      config: { permission: 'inventory.warehouse.read' },
      schema: {
        tags,
        summary: 'Bins (only in assigned warehouses, for warehouse-scoped roles)',
        querystring: binListQuery,
        response: { 200: binPage },
      },
    },
    async (request) => listBins(app.db, request.principal, request.query),
  );
  r.post(
    '/api/inventory/bins',
    {
      config: { permission: 'inventory.warehouse.write' },
      schema: { tags, summary: 'Create a bin in a zone', body: binCreateBody, response: { 201: binSchema } },
    },
    async (request, reply) => {
      const { warehouseId, ...bin } = request.body;
      const [created] = await inTransaction(app.db, (trx) =>
        createBins(trx, request.actor, request.principal, warehouseId, [bin], app.now()),
      );
      return reply.code(201).send(created);
    },
  );
  r.post(
    '/api/inventory/bins/bulk',
    {
      config: { permission: 'inventory.warehouse.write' },
      schema: {
        tags,
        summary: 'Create a grid of bins `AISLE-BB-L-PP` (e.g. A-03-2-05) in a zone, all or none',
        body: binPatternBody,
        response: { 201: z.object({ created: z.number().int(), items: z.array(binSchema) }) },
      },
    },
    async (request, reply) => {
      const { warehouseId, ...pattern } = request.body;
      const count = pattern.aisles.length * pattern.bays * pattern.levels * pattern.positions;
      if (count > MAX_PATTERN_BINS)
        throw badRequest('inventory.bin_pattern_too_large', { max: MAX_PATTERN_BINS, count });
      const bins = await inTransaction(app.db, (trx) =>
        createBins(trx, request.actor, request.principal, warehouseId, expandBinPattern(pattern), app.now()),
      );
      return reply.code(201).send({ created: bins.length, items: bins.slice(0, 500) });
    },
  );
}
