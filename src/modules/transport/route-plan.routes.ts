import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db/transaction';
import { toJobJson } from '../../platform/jobs';
import { AppError } from '../../platform/lib/errors';
import { businessDayOf } from '../../platform/time/calendar';
import { registerDispatchRoutes } from './dispatch.routes';
import { shanghaiDemoPlan } from './route-plan.demo';
import { streamRoutePlan } from './route-plan.events';
import { planFromFile } from './route-plan.import';
import { planOfRequest, routePlanRequest } from './route-plan.request';
import { routePlanBody } from './route-plan.schemas';
import {
  cancelRoutePlan,
  createRoutePlan,
  finishRoutePlan,
  getRoutePlan,
  getRoutePlanProgress,
  listRoutePlans,
  type PlanContext,
  type TransportDeps,
} from './route-plan.service';
import {
  listRoutePlansQuery,
  parsedPlanSchema,
  parseQuery,
  routePlanDetailSchema,
  routePlanIdParams,
  routePlanPageSchema,
  routePlanProgressSchema,
  routePlanStartedSchema,
  sheetQuery,
} from './route-plan.views';
import { renderRouteSheets } from './route-sheet.service';

const tags = ['transport'];
const RUN = 'transport.route_plan.run';
const READ = 'transport.route_plan.read';

function callerOf(request: FastifyRequest) {
  if (!request.principal) throw new AppError('unauthenticated', 'unauthenticated');
  return request.principal;
}

/** The transport module's HTTP routes. */
export function createTransportRoutes(deps: TransportDeps) {
  return async function transportRoutes(app: FastifyInstance): Promise<void> {
    const api = app.withTypeProvider<ZodTypeProvider>();
    const context = (request: FastifyRequest): PlanContext => ({
      principal: callerOf(request),
      actor: request.actor,
      lang: request.lang,
      now: app.now(),
    });

    api.route({
      method: 'POST',
      url: '/api/route-plans',
      config: { permission: RUN },
      schema: {
        tags,
        summary:
          'Plan vehicle routes for stops and a fleet, or for a warehouse’s shipments of a day; runs as a job',
        description:
          'Decides how many vehicles to use and the stop sequence of each, respecting capacity per dimension ' +
          '(weight, volume, items), time windows, skills (e.g. refrigerated), shifts and maximum duration, with ' +
          'distances from coordinates (`geo`: great-circle × circuity 1.3 at 30 km/h by default; `planar`: km). ' +
          'Stores the plan (number RP…) and returns its job (kind `transport.route_plan`) with `routePlan`. ' +
          'Follow it with GET /api/route-plans/{id}/events (server-sent events with the best-cost series), ' +
          'GET /api/route-plans/{id}/progress, or the jobs API. The result holds routes (stop sequence, ' +
          'arrival/departure, load and utilisation per dimension, km, cost), unassigned stops with the ' +
          'reason, totals and the best-cost history. Costs are in fen. With `shipments` instead of `stops`, the ' +
          'stops are the warehouse’s outbound documents of the day that are packed, checked or released at the ' +
          'gate and not on another live plan of that day (preview them with GET /api/route-plans/shipments); ' +
          'each stop keeps its order and outbound document, and the plan holds them until it fails or is cancelled.',
        body: routePlanRequest,
        response: { 202: routePlanStartedSchema },
      },
      handler: async (request, reply) => {
        const ctx = context(request);
        const { plan, job, shipments } = await inTransaction(app.db, async (trx) => {
          const input = await planOfRequest(trx, deps, request.body, ctx);
          const source = input.shipments ? 'shipments' : 'stops';
          return {
            ...(await createRoutePlan(trx, deps, input.plan, ctx, source)),
            shipments: input.shipments,
          };
        });
        reply.code(202);
        return {
          ...toJobJson(job, request.lang),
          routePlan: { id: plan.id, number: plan.number, name: plan.name },
          ...(shipments
            ? {
                shipments: {
                  warehouseCode: shipments.warehouse.code,
                  day: shipments.day,
                  ...shipments.summary,
                },
              }
            : {}),
        };
      },
    });

    registerDispatchRoutes(app, deps, context);

    api.route({
      method: 'GET',
      url: '/api/route-plans',
      config: { permission: READ },
      schema: {
        tags,
        summary: 'Route plans, newest first (those of your warehouses, or all for unscoped roles)',
        querystring: listRoutePlansQuery,
        response: { 200: routePlanPageSchema },
      },
      handler: async (request) => listRoutePlans(app.db, callerOf(request), request.query, request.lang),
    });

    api.route({
      method: 'GET',
      url: '/api/route-plans/demo',
      config: { permission: RUN },
      schema: {
        tags,
        summary: 'A demo delivery day for the Shanghai DC (WH-SH): stops, windows and a mixed fleet',
        description:
          'Deterministic for a given `seed`; post it to POST /api/route-plans as it is or after edits.',
        querystring: z.object({
          stops: z.coerce.number().int().min(5).max(300).default(60),
          seed: z.coerce.number().int().min(0).max(2_147_483_647).optional(),
        }),
        response: { 200: routePlanBody },
      },
      handler: async (request) => {
        const warehouses = await deps.listWarehouses(app.db, callerOf(request));
        const wh = warehouses.find((w) => w.code === 'WH-SH');
        return routePlanBody.parse(
          shanghaiDemoPlan({
            stops: request.query.stops,
            seed: request.query.seed,
            date: businessDayOf(app.now(), 'Asia/Shanghai'),
            warehouseId: wh?.id,
          }),
        );
      },
    });

    api.route({
      method: 'POST',
      url: '/api/route-plans/parse',
      config: { permission: RUN },
      schema: {
        tags,
        summary: 'Read stops and vehicles from a file (Wayline JSON, Solomon .txt, CVRPLIB .vrp)',
        description:
          'Send the file as the raw body (`application/octet-stream` or `text/plain`). Returns the plan in the ' +
          'shape of POST /api/route-plans, for editing before running; nothing is stored. Solomon and CVRPLIB ' +
          'become `planar` plans (coordinates in km at 60 km/h, so one unit of distance is one minute).',
        querystring: parseQuery,
        response: { 200: parsedPlanSchema },
      },
      handler: async (request) => {
        const body: unknown = request.body;
        const text = Buffer.isBuffer(body)
          ? body.toString('utf8')
          : typeof body === 'string'
            ? body
            : body && typeof body === 'object'
              ? JSON.stringify(body)
              : '';
        if (!text.trim()) throw new AppError('bad_request', 'transport.file.empty');
        return planFromFile(text, request.query.format);
      },
    });

    api.route({
      method: 'GET',
      url: '/api/route-plans/:id',
      config: { permission: READ },
      schema: {
        tags,
        summary: 'One route plan: input, status, best-cost series and, once done, the result',
        params: routePlanIdParams,
        response: { 200: routePlanDetailSchema },
      },
      handler: async (request) => getRoutePlan(app.db, callerOf(request), request.params.id, request.lang),
    });

    api.route({
      method: 'GET',
      url: '/api/route-plans/:id/progress',
      config: { permission: READ },
      schema: {
        tags,
        summary: 'Status, progress and best-cost series of a plan (small; for polling)',
        params: routePlanIdParams,
        response: { 200: routePlanProgressSchema },
      },
      handler: async (request) =>
        getRoutePlanProgress(app.db, callerOf(request), request.params.id, request.lang),
    });

    api.route({
      method: 'GET',
      url: '/api/route-plans/:id/events',
      config: { permission: READ },
      schema: {
        tags,
        summary: 'Follow a plan as server-sent events until it finishes',
        description:
          'A `text/event-stream`: `event: progress` (same JSON as GET /api/route-plans/{id}/progress) each time ' +
          'status, progress or the best-cost series change, then one `event: end`, after which the stream closes.',
        params: routePlanIdParams,
        response: { 200: z.string().describe('text/event-stream') },
      },
      handler: async (request, reply) => {
        const principal = callerOf(request);
        const first = await getRoutePlanProgress(app.db, principal, request.params.id, request.lang);
        await streamRoutePlan(app, request, reply, principal, first);
      },
    });

    api.route({
      method: 'POST',
      url: '/api/route-plans/:id/cancel',
      config: { permission: RUN },
      schema: {
        tags,
        summary: 'Cancel a queued or running plan (nothing is kept)',
        params: routePlanIdParams,
        response: { 200: routePlanDetailSchema },
      },
      handler: async (request) => {
        const ctx = context(request);
        return inTransaction(app.db, (trx) => cancelRoutePlan(trx, ctx.principal, request.params.id, ctx));
      },
    });

    api.route({
      method: 'POST',
      url: '/api/route-plans/:id/finish',
      config: { permission: RUN },
      schema: {
        tags,
        summary: 'Stop a running search now and keep the best plan found so far',
        params: routePlanIdParams,
        response: { 200: routePlanDetailSchema },
      },
      handler: async (request) => {
        const ctx = context(request);
        return inTransaction(app.db, (trx) => finishRoutePlan(trx, ctx.principal, request.params.id, ctx));
      },
    });

    api.route({
      method: 'GET',
      url: '/api/route-plans/:id/sheets',
      config: { permission: READ },
      schema: {
        tags,
        summary: 'Drivers’ route sheets of a finished plan as PDF or Excel',
        description:
          'PDF: a page (or more) per vehicle with the driver line, shift, summary and the stops in order with ' +
          'window, ETA, goods and a signature column, then a summary page. Excel: a summary sheet and a sheet ' +
          'per vehicle. `route` limits the sheets to one route (no summary).',
        params: routePlanIdParams,
        querystring: sheetQuery,
      },
      handler: async (request, reply) => {
        const file = await renderRouteSheets(app.db, callerOf(request), request.params.id, {
          ...request.query,
          lang: request.lang,
          now: app.now(),
        });
        return reply
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .header('cache-control', 'no-store')
          .type(file.contentType)
          .send(file.body);
      },
    });
  };
}
