import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db/database';
import { type EnqueueJobInput, type Job, jobSchema, toJobJson } from '../../platform/jobs';
import { ROUTE_PLAN_JOB, type RoutePlanPayload } from './route-plan.jobs';
import { routePlanBody } from './route-plan.schemas';

const tags = ['transport'];

export interface TransportDeps {
  enqueueJob: (db: Db, input: EnqueueJobInput<RoutePlanPayload>) => Promise<Job>;
}

/** The transport module's HTTP routes. */
export function createTransportRoutes(deps: TransportDeps) {
  return async function transportRoutes(app: FastifyInstance): Promise<void> {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.route({
      method: 'POST',
      url: '/api/route-plans',
      config: { permission: 'transport.route_plan.run' },
      schema: {
        tags,
        summary: 'Plan vehicle routes for stops and a fleet; runs as a job',
        description:
          'Decides how many vehicles to use and the stop sequence of each, respecting capacity per dimension ' +
          '(weight, volume, items), time windows, skills and shifts, with distances from coordinates ' +
          '(great-circle × 1.3, 30 km/h). Returns a job (kind `transport.route_plan`): follow it with ' +
          'GET /api/jobs/{id} or the SSE stream /api/jobs/{id}/events. The result holds routes (stop sequence, ' +
          'arrival/departure HH:MM, load and utilisation per dimension, km, cost), unassigned stops with the ' +
          'reason, totals and the best-cost history.',
        body: routePlanBody,
        response: { 202: jobSchema },
      },
      handler: async (request, reply) => {
        const payload: RoutePlanPayload = { plan: request.body, lang: request.lang };
        const job = await deps.enqueueJob(app.db, {
          kind: ROUTE_PLAN_JOB,
          payload,
          createdBy: request.principal?.userId ?? null,
          merchantId: request.principal?.merchantId ?? null,
          now: app.now(),
        });
        reply.code(202);
        return toJobJson(job, request.lang);
      },
    });
  };
}
