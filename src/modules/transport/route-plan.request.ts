import { z } from 'zod';
import type { Trx } from '../../platform/db/database';
import { AppError } from '../../platform/lib/errors';
import { getFleetSetting } from './route-plan.fleet';
import {
  checkPlan,
  checkVehicleIds,
  ROUTE_PLAN_MAX_STOPS,
  type RoutePlan,
  routePlanBody,
  routePlanFields,
} from './route-plan.schemas';
import type { PlanContext, TransportDeps } from './route-plan.service';
import { type ShipmentStops, shipmentStops, shipmentsSource } from './route-plan.shipments';

/**
 * `POST /api/route-plans`: the stops and vehicles given (the Wayline JSON plan), or `shipments` —
 * a warehouse and a business day whose shipments become the stops, with the vehicles given or the
 * warehouse's default fleet.
 */
export const routePlanRequest = z
  .object({
    ...routePlanFields,
    stops: routePlanFields.stops.optional().describe('The stops; leave out with `shipments`.'),
    vehicles: routePlanFields.vehicles
      .optional()
      .describe('Vehicle types; with `shipments` the default is the warehouse’s saved fleet.'),
    shipments: shipmentsSource
      .optional()
      .describe(
        'Plan the shipments ready to leave a warehouse on a business day (packed, checked or released at the ' +
          'gate, not on another plan of the day) instead of given stops: one stop per outbound document at the ' +
          'consignee’s district (or city) centre, with its parcels’ weight and volume, the order’s delivery ' +
          'window and `refrigerated` for cold chain.',
      ),
  })
  .superRefine((body, ctx) => {
    const issue = (path: string, message: string, params: Record<string, unknown> = {}) =>
      ctx.addIssue({ code: 'custom', message, params, path: [path], input: undefined });
    if (body.shipments) {
      if (body.stops) issue('stops', 'transport.stops_with_shipments');
      if (body.coordinates === 'planar') issue('coordinates', 'transport.shipments_geo_only');
      if (body.date && body.shipments.day && body.date !== body.shipments.day)
        issue('date', 'transport.date_mismatch', { date: body.date, day: body.shipments.day });
      if (body.vehicles) checkVehicleIds(body.vehicles, ctx);
      return;
    }
    if (!body.stops) issue('stops', 'transport.stops_required');
    if (!body.vehicles) issue('vehicles', 'transport.vehicles_required');
    if (body.stops && body.vehicles) checkPlan({ ...body, stops: body.stops, vehicles: body.vehicles }, ctx);
  });
export type RoutePlanRequest = z.output<typeof routePlanRequest>;

/**
 * The plan a request describes: as given, or its stops built from the warehouse's shipments of the
 * day (inside the caller's transaction, serialised per warehouse and day, so two dispatchers never
 * put the same shipment on two plans).
 */
export async function planOfRequest(
  trx: Trx,
  deps: TransportDeps,
  body: RoutePlanRequest,
  ctx: PlanContext,
): Promise<{ plan: RoutePlan; shipments: ShipmentStops | null }> {
  const { shipments: source, ...rest } = body;
  if (!source) return { plan: routePlanBody.parse(rest), shipments: null };
  const built = await shipmentStops(trx, deps, source, {
    principal: ctx.principal,
    now: ctx.now,
    fieldPrefix: 'body.shipments',
    lock: true,
  });
  const { warehouse, day } = built;
  if (rest.warehouseId && rest.warehouseId !== warehouse.id) {
    throw new AppError('unprocessable', 'transport.warehouse_mismatch', { code: warehouse.code }, [
      {
        field: 'body.warehouseId',
        code: 'transport.warehouse_mismatch',
        message: 'transport.warehouse_mismatch',
        params: { code: warehouse.code },
      },
    ]);
  }
  if (!built.items.length) {
    throw new AppError('unprocessable', 'transport.no_shipments', {
      code: warehouse.code,
      day,
      excluded: built.excluded.length,
    });
  }
  if (built.items.length > ROUTE_PLAN_MAX_STOPS) {
    throw new AppError('unprocessable', 'transport.too_many_shipments', {
      count: built.items.length,
      max: ROUTE_PLAN_MAX_STOPS,
    });
  }
  const vehicles = rest.vehicles ?? (await getFleetSetting(trx, warehouse.id)).vehicles;
  const parsed = routePlanBody.safeParse({
    ...rest,
    coordinates: 'geo',
    warehouseId: warehouse.id,
    date: day,
    stops: built.items.map((i) => i.stop),
    vehicles,
  });
  if (!parsed.success) {
    // Only a saved fleet or an order's data the plan cannot express gets here; say which field.
    throw new AppError(
      'unprocessable',
      'transport.shipments_invalid',
      { code: warehouse.code, day },
      parsed.error.issues.slice(0, 20).map((i) => ({
        field: i.path.join('.'),
        code: i.code,
        message: i.message,
      })),
    );
  }
  return { plan: parsed.data, shipments: built };
}
