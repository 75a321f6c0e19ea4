import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db/transaction';
import { t } from '../../platform/i18n/i18n';
import { AppError } from '../../platform/lib/errors';
import { fleetSettingBody, fleetSettingSchema, getFleetSetting, saveFleetSetting } from './route-plan.fleet';
import type { PlanContext, TransportDeps } from './route-plan.service';
import { shipmentStops } from './route-plan.shipments';
import { shipmentsPreviewQuery, shipmentsPreviewSchema } from './route-plan.views';

const tags = ['transport'];
const RUN = 'transport.route_plan.run';

/**
 * Route planning from a warehouse's shipments: the preview of the stops a day's shipments make,
 * and each warehouse's default fleet for such plans.
 */
export function registerDispatchRoutes(
  app: FastifyInstance,
  deps: TransportDeps,
  context: (request: FastifyRequest) => PlanContext,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  /** A warehouse the caller may see, by id; otherwise a 422 on `field`. */
  const warehouseOf = async (ctx: PlanContext, id: string, field: string) => {
    const wh = (await deps.listWarehouses(app.db, ctx.principal)).find((w) => w.id === id);
    if (!wh) {
      throw new AppError('unprocessable', 'transport.warehouse_not_found', { id }, [
        {
          field,
          code: 'transport.warehouse_not_found',
          message: 'transport.warehouse_not_found',
          params: { id },
        },
      ]);
    }
    return wh;
  };

  api.route({
    method: 'GET',
    url: '/api/route-plans/shipments',
    config: { permission: RUN },
    schema: {
      tags,
      summary: 'Preview the stops a warehouse’s shipments of a day make (nothing is stored)',
      description:
        'The outbound documents of the warehouse that are packed (parcels sealed, perhaps checked at the gate) ' +
        'or released at the gate on the business day (default today), and not on another live plan of that day: ' +
        'one stop each at the consignee’s district centre (`locationPrecision`; `city`/`province` are ' +
        'approximate), with the parcels’ weight, volume and count, the unloading time, the order’s delivery ' +
        'window and `refrigerated` for cold chain or chilled/frozen goods. `excluded` lists shipments left out ' +
        'and why; `fleet` is the vehicle set used when a plan gives none. Post the same parameters as ' +
        '`shipments` to POST /api/route-plans to plan them.',
      querystring: shipmentsPreviewQuery,
      response: { 200: shipmentsPreviewSchema },
    },
    handler: async (request) => {
      const ctx = context(request);
      const q = request.query;
      const built = await shipmentStops(
        app.db,
        deps,
        {
          warehouse: q.warehouse,
          day: q.day,
          serviceMin: q.serviceMin,
          includeUnpacked: q.includeUnpacked ?? false,
          includePlanned: q.includePlanned ?? false,
          maxDistanceKm: q.maxDistanceKm,
        },
        { principal: ctx.principal, now: ctx.now, fieldPrefix: 'querystring' },
      );
      const wh = built.warehouse;
      return {
        warehouse: {
          id: wh.id,
          code: wh.code,
          name: ctx.lang === 'en' ? wh.nameEn : wh.nameZh,
          address: wh.address,
          latitude: wh.latitude,
          longitude: wh.longitude,
        },
        day: built.day,
        serviceMin: built.serviceMin,
        items: built.items,
        excluded: built.excluded.map((e) => ({
          ...e,
          message: t(ctx.lang, `transport.excluded.${e.reason}`, {
            plan: e.planNumber ?? '',
            km: e.distanceKm ?? '',
          }),
        })),
        summary: built.summary,
        fleet: await getFleetSetting(app.db, wh.id),
      };
    },
  });

  api.route({
    method: 'GET',
    url: '/api/route-plans/fleet',
    config: { permission: RUN },
    schema: {
      tags,
      summary: 'A warehouse’s default fleet and unloading time for plans made from its shipments',
      querystring: z.object({ warehouseId: z.uuid() }),
      response: { 200: fleetSettingSchema },
    },
    handler: async (request) => {
      const ctx = context(request);
      const wh = await warehouseOf(ctx, request.query.warehouseId, 'querystring.warehouseId');
      return getFleetSetting(app.db, wh.id);
    },
  });

  api.route({
    method: 'PUT',
    url: '/api/route-plans/fleet',
    config: { permission: RUN },
    schema: {
      tags,
      summary: 'Save a warehouse’s default fleet and unloading time for plans made from its shipments',
      body: fleetSettingBody,
      response: { 200: fleetSettingSchema },
    },
    handler: async (request) => {
      const ctx = context(request);
      const wh = await warehouseOf(ctx, request.body.warehouseId, 'body.warehouseId');
      return inTransaction(app.db, (trx) =>
        saveFleetSetting(trx, request.body, {
          actor: ctx.actor,
          actorName: ctx.principal.displayName || ctx.principal.username,
          merchantId: ctx.principal.merchantId,
          now: ctx.now,
          warehouseCode: wh.code,
        }),
      );
    },
  });
}
