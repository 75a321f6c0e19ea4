import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/pagination';
import { JOB_STATUSES, jobSchema } from '../../platform/jobs';
import { fleetSettingSchema } from './route-plan.fleet';
import { LOCATION_PRECISIONS, routePlanBody, routePlanStop } from './route-plan.schemas';
import { EXCLUSION_REASONS, shipmentsSource } from './route-plan.shipments';
import { ROUTE_PLAN_SOURCES } from './route-plan.table';

/** Response schemas of the route-plan API (they become OpenAPI and the console's types). */
const loads = z.object({ weightG: z.number(), volumeCm3: z.number(), items: z.number() });
const capacities = z.object({
  weightG: z.number().nullable(),
  volumeCm3: z.number().nullable(),
  items: z.number().nullable(),
});

export const unassignedReasonSchema = z.enum([
  'no_vehicle_with_skills',
  'too_heavy_for_any_vehicle',
  'window_unreachable',
  'fleet_exhausted',
]);

export const progressPointSchema = z.object({
  elapsedMs: z.number().describe('Since the search started.'),
  costFen: z.number().describe('Best plan’s cost at that time, fen.'),
  vehicles: z.number(),
});

export const resultStopSchema = z.object({
  id: z.string(),
  seq: z.number().describe('1-based position on the route.'),
  name: z.string().nullable(),
  address: z.string().nullable(),
  kind: z.enum(['delivery', 'pickup']),
  arrival: z.string().describe('HH:MM'),
  start: z.string().describe('Service start, HH:MM (after waiting for the window).'),
  departure: z.string(),
  arrivalS: z.number().describe('Seconds from midnight of the delivery day.'),
  startS: z.number(),
  departureS: z.number(),
  waitMin: z.number(),
  legKm: z.number().describe('From the previous stop or the depot.'),
  demand: loads,
  loadAfter: loads.describe('On board after this stop.'),
  orderNumber: z.string().optional().describe('The order this stop delivers (plans made from shipments).'),
  locationPrecision: z
    .enum(LOCATION_PRECISIONS)
    .optional()
    .describe('`district`, `city`, `province`: the point is only that region’s centre.'),
});

export const resultRouteSchema = z.object({
  vehicleId: z.string(),
  vehicleName: z.string(),
  vehicleNo: z.number().describe('Which vehicle of the type (1-based).'),
  departure: z.string(),
  return: z.string(),
  departureS: z.number(),
  returnS: z.number(),
  stops: z.array(resultStopSchema),
  startLoad: loads,
  load: loads.describe('Peak load per dimension, base units (g, cm³, items).'),
  capacity: capacities,
  utilisationPct: capacities.describe('Peak load ÷ capacity, %; null = no limit in that dimension.'),
  km: z.number(),
  distanceM: z.number(),
  durationMin: z.number(),
  drivingMin: z.number(),
  serviceMin: z.number(),
  waitMin: z.number(),
  costFen: z.number(),
  costBreakdown: z.object({ fixedFen: z.number(), distanceFen: z.number(), timeFen: z.number() }),
});

export const routePlanResultSchema = z.object({
  routes: z.array(resultRouteSchema),
  unassigned: z.array(
    z.object({
      id: z.string(),
      name: z.string().nullable(),
      reason: unassignedReasonSchema,
      message: z.string(),
      orderNumber: z.string().optional(),
    }),
  ),
  totals: z.object({
    vehicles: z.number(),
    km: z.number(),
    distanceM: z.number(),
    costFen: z.number(),
    stops: z.number(),
    served: z.number(),
    unassigned: z.number(),
    byVehicle: z.array(z.object({ vehicleId: z.string(), used: z.number(), available: z.number() })),
    approximate: z
      .number()
      .optional()
      .describe('Stops placed only at a city or province centre (their times and km are rough).'),
  }),
  history: z.array(progressPointSchema),
  feasible: z.boolean(),
  iterations: z.number(),
  elapsedMs: z.number(),
});

export const routePlanSummarySchema = z.object({
  id: z.string(),
  number: z.string().describe('Document number, e.g. RP20261125000001.'),
  name: z.string(),
  status: z.enum(JOB_STATUSES),
  jobId: z.string(),
  deliveryDate: z.string().nullable(),
  warehouseId: z.string().nullable(),
  warehouseCode: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdByName: z.string(),
  stopCount: z.number(),
  fleetSize: z.number().describe('Vehicles available over all types.'),
  timeLimitSeconds: z.number(),
  progress: z.number().min(0).max(1),
  stopRequested: z.boolean(),
  vehiclesUsed: z.number().nullable(),
  km: z.number().nullable(),
  costFen: z.number().nullable(),
  unassignedCount: z.number().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  source: z
    .enum(ROUTE_PLAN_SOURCES)
    .describe('`stops`: given by the caller; `shipments`: built from a warehouse’s shipments of the day.'),
});

export const routePlanDetailSchema = routePlanSummarySchema.extend({
  plan: routePlanBody.describe('The input as validated (depot resolved from the warehouse).'),
  progressSeries: z.array(progressPointSchema),
  result: routePlanResultSchema.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export const routePlanProgressSchema = z.object({
  id: z.string(),
  status: z.enum(JOB_STATUSES),
  progress: z.number().min(0).max(1).describe('Share of the time budget used (1 when done).'),
  stopRequested: z.boolean(),
  timeLimitSeconds: z.number(),
  startedAt: z.string().nullable(),
  series: z.array(progressPointSchema).describe('Best cost over time so far.'),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

export const routePlanPageSchema = pageOf(routePlanSummarySchema);

export const shipmentsSummarySchema = z.object({
  shipments: z.number().describe('Outbound documents of the day found in the warehouse.'),
  stops: z.number(),
  weightG: z.number(),
  volumeCm3: z.number(),
  parcels: z.number(),
  coldChain: z.number().describe('Stops needing a refrigerated vehicle.'),
  approximate: z.number().describe('Stops placed only at a city or province centre.'),
  estimated: z.number().describe('Stops whose weight and volume are estimated (not packed yet).'),
  excluded: z.number().describe('Shipments left out (already planned, no location, too far).'),
});

export const routePlanStartedSchema = jobSchema.extend({
  routePlan: z.object({ id: z.string(), number: z.string(), name: z.string() }),
  shipments: shipmentsSummarySchema
    .extend({ warehouseCode: z.string(), day: z.string() })
    .optional()
    .describe('With `shipments`: what was planned.'),
});

const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

export const shipmentsPreviewQuery = z.object({
  warehouse: shipmentsSource.shape.warehouse,
  day: shipmentsSource.shape.day,
  serviceMin: z.coerce.number().min(0).max(240).optional().describe('Unloading time per stop, minutes.'),
  includeUnpacked: bool.optional().describe('Also documents still being picked or packed.'),
  includePlanned: bool.optional().describe('Also shipments already on another plan of the day.'),
  maxDistanceKm: z.coerce.number().min(1).max(5000).optional(),
});

export const shipmentsPreviewSchema = z.object({
  warehouse: z.object({
    id: z.string(),
    code: z.string(),
    name: z.string(),
    address: z.string(),
    latitude: z.number(),
    longitude: z.number(),
  }),
  day: z.string(),
  serviceMin: z.number(),
  items: z.array(
    z.object({
      stop: routePlanStop,
      outboundStatus: z.string().describe('packed, shipped (released at the gate), or in work.'),
      gateChecked: z.boolean().describe('Every parcel checked at the gate (出门复核) or released.'),
      distanceKm: z.number().describe('Straight line from the warehouse.'),
      windowPassed: z.boolean().describe('The order’s window ended before the day; planned without it.'),
    }),
  ),
  excluded: z.array(
    z.object({
      outboundId: z.string(),
      outboundNumber: z.string(),
      orderNumber: z.string(),
      reason: z.enum(EXCLUSION_REASONS),
      message: z.string(),
      planNumber: z.string().optional(),
      distanceKm: z.number().optional(),
    }),
  ),
  summary: shipmentsSummarySchema,
  fleet: fleetSettingSchema.describe('The vehicles used when the request gives none.'),
});
export type ShipmentsPreview = z.output<typeof shipmentsPreviewSchema>;

export const routePlanIdParams = z.object({ id: z.uuid() });

export const listRoutePlansQuery = z.object({
  ...pageQuery,
  status: z.enum(JOB_STATUSES).optional(),
  warehouseId: z.uuid().optional(),
  q: z.string().trim().max(100).optional().describe('Number or name contains.'),
});
export type ListRoutePlansQuery = z.output<typeof listRoutePlansQuery>;

export const SHEET_FORMATS = ['pdf', 'xlsx'] as const;
export const sheetQuery = z.object({
  format: z.enum(SHEET_FORMATS).default('pdf'),
  route: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .optional()
    .describe('Only this route (1-based, as listed in the result); default: every route and a summary.'),
});

export const FILE_KINDS = ['auto', 'wayline', 'solomon', 'cvrplib'] as const;
export const parseQuery = z.object({ format: z.enum(FILE_KINDS).default('auto') });

export const parsedPlanSchema = z.object({
  format: z.enum(['wayline', 'solomon', 'cvrplib']),
  name: z.string(),
  plan: routePlanBody,
});

export type RoutePlanDetail = z.output<typeof routePlanDetailSchema>;
