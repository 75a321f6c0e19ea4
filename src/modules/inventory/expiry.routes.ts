import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { canAccessWarehouse } from '../../platform/auth/principal';
import { jobSchema, toJobJson } from '../../platform/jobs';
import { notFound } from '../../platform/lib/errors';
import { expiryRunBody, nearExpiryPage, nearExpiryQuery } from './coldchain.schemas';
import { EXPIRE_STOCK_JOB, requestExpiryRun } from './expiry.jobs';
import { nearExpiryReport } from './expiry-report.service';
import { missingWarehouses } from './location.service';
import { scopeOf } from './stock.query';

const tags = ['inventory'];

export async function expiryRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/inventory/near-expiry',
    {
      config: { permission: 'inventory.stock.read' },
      schema: {
        tags,
        summary:
          'Near-expiry report: expired lots, lots below the minimum remaining shelf life, lots expiring within N days',
        description:
          'Stock of dated lots (available and on quality hold unless `stockStatus` says otherwise), soonest expiry ' +
          'first, with days left and an urgency: `expired`, `below_min_shelf_life` (orders can no longer be ' +
          'allocated it) or `near_expiry`. `summary` counts lines and units per urgency over the whole report.',
        querystring: nearExpiryQuery,
        response: { 200: nearExpiryPage },
      },
    },
    async (request) => nearExpiryReport(app.db, request.principal, request.query, app.now()),
  );
  r.post(
    '/api/inventory/expiry-runs',
    {
      config: { permission: 'inventory.expiry.run' },
      schema: {
        tags,
        summary: 'Run the expiry check now: expired stock → quarantine (also runs daily by itself)',
        description:
          `Queues a job of kind \`${EXPIRE_STOCK_JOB}\` (follow it with GET /api/jobs/{id}). Idempotent: stock ` +
          'already quarantined is not moved again. Reserved expired stock is released from its orders first ' +
          '(event `inventory.reservation_lost`).',
        body: expiryRunBody,
        response: { 202: jobSchema },
      },
    },
    async (request, reply) => {
      const principal = request.principal!;
      const wanted = request.body.warehouseId;
      if (wanted) {
        if (!canAccessWarehouse(principal, wanted)) throw notFound('warehouse', wanted);
        const [missing] = await missingWarehouses(app.db, [wanted]);
        if (missing) throw notFound('warehouse', missing);
      }
      const job = await requestExpiryRun(app.db, {
        warehouseIds: wanted ? [wanted] : scopeOf(principal),
        actor: request.actor,
        now: app.now(),
      });
      return reply.code(202).send(toJobJson(job, request.lang));
    },
  );
}
