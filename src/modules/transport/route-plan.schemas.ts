import { z } from 'zod';

export const ROUTE_PLAN_MAX_STOPS = 2000;
export const ROUTE_PLAN_MAX_VEHICLE_TYPES = 50;
/** Default cost per km when a vehicle type gives none: 1 yuan. */
export const DEFAULT_COST_PER_KM_FEN = 100;

/** `HH:MM`; hours past 24 continue into the next day(s) (night shifts, multi-day Solomon horizons). */
const TIME_PATTERN = /^\d{2}:[0-5]\d$/;

/** `HH:MM` → minutes from midnight of the delivery day. */
export const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

/** Seconds from midnight → `HH:MM` (hours past 24 are kept, e.g. `25:10`). */
export const clockOf = (seconds: number): string => {
  const total = Math.round(seconds / 60);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
};

const clock = z
  .string()
  .superRefine((value, ctx) => {
    if (!TIME_PATTERN.test(value)) {
      ctx.addIssue({ code: 'custom', message: 'transport.invalid_time', params: { value }, input: value });
    }
  })
  .describe('Local time of the delivery day, HH:MM; hours past 24 are the next day (e.g. 26:30).');

const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
const planar = z.number().min(-1_000_000).max(1_000_000);
const id = z.string().trim().min(1).max(64);
const text = (max: number) => z.string().trim().max(max);
const amount = z.number().int().min(0).max(1_000_000_000);
const capacity = z.number().int().min(1).max(1_000_000_000);
const skills = z.array(z.string().trim().min(1).max(40)).max(10);
const fen = z.number().int().min(0).max(100_000_000);

const window = z.object({ from: clock, to: clock }).superRefine((w, ctx) => {
  if (TIME_PATTERN.test(w.from) && TIME_PATTERN.test(w.to) && minutesOf(w.from) > minutesOf(w.to)) {
    ctx.addIssue({ code: 'custom', message: 'transport.window_order', params: w, path: ['to'], input: w });
  }
});

/** Where a stop's coordinates come from: given exactly, or a region's centre (approximate). */
export const LOCATION_PRECISIONS = ['exact', 'district', 'city', 'province'] as const;
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];
export const isApproximate = (precision: LocationPrecision | undefined) =>
  precision !== undefined && precision !== 'exact' && precision !== 'district';

const stopShipment = z.object({
  orderId: z.uuid(),
  orderNumber: text(40).min(1),
  outboundId: z.uuid(),
  outboundNumber: text(40).min(1),
  parcels: z.number().int().min(0).max(100_000).optional().describe('Parcels to hand over.'),
  demandSource: z
    .enum(['parcels', 'estimate'])
    .optional()
    .describe(
      '`parcels`: weight and size of the packed cartons; `estimate`: from SKU weights and sizes (not packed yet).',
    ),
});

export const routePlanStop = z.object({
  id: id.describe('Your id for the stop (order, address); unique in the plan.'),
  name: text(120).optional().describe('Consignee or shop name, printed on the route sheet.'),
  address: text(200).optional(),
  contact: text(80).optional().describe('Contact person and phone, printed on the route sheet.'),
  lat: lat.optional().describe('Latitude (WGS-84); with `coordinates: geo`.'),
  lon: lon.optional().describe('Longitude (WGS-84); with `coordinates: geo`.'),
  x: planar.optional().describe('Planar x in km; with `coordinates: planar`.'),
  y: planar.optional().describe('Planar y in km; with `coordinates: planar`.'),
  kind: z
    .enum(['delivery', 'pickup'])
    .optional()
    .describe('`delivery` (default): loaded at the depot. `pickup`: collected and brought back.'),
  weightG: amount.optional().describe('Weight to deliver or collect, grams.'),
  volumeCm3: amount.optional().describe('Volume, cm³.'),
  items: amount.optional().describe('Number of items (parcels, cases).'),
  serviceMin: z.number().min(0).max(1440).optional().describe('Time spent at the stop, minutes.'),
  windows: z
    .array(window)
    .max(5)
    .optional()
    .describe('When service may start; none = any time in the shift.'),
  skills: skills.optional().describe('Skills the vehicle needs, e.g. `refrigerated`.'),
  shipment: stopShipment
    .optional()
    .describe(
      'The order and outbound document this stop delivers (set when the stops come from warehouse shipments).',
    ),
  locationPrecision: z
    .enum(LOCATION_PRECISIONS)
    .optional()
    .describe(
      'How precise lat/lon are: `exact` (given; the default), or only the centre of the consignee’s `district`, `city` or `province` (approximate).',
    ),
});

export const routePlanVehicle = z
  .object({
    id: id.describe('Vehicle type id (e.g. `van-4t`); unique in the plan.'),
    name: text(80).optional().describe('Shown on route sheets, e.g. 4.2 米厢式货车.'),
    count: z.number().int().min(1).max(500).describe('Vehicles of this type available.'),
    capacityWeightG: capacity.optional().describe('Payload, grams; missing = unlimited.'),
    capacityVolumeCm3: capacity.optional().describe('Load volume, cm³; missing = unlimited.'),
    capacityItems: capacity.optional().describe('Items; missing = unlimited.'),
    fixedCostFen: fen.optional().describe('Cost of using one vehicle for the day, fen.'),
    costPerKmFen: fen.optional().describe(`Cost per km driven, fen (default ${DEFAULT_COST_PER_KM_FEN}).`),
    costPerHourFen: fen.optional().describe('Cost per hour on the road (driver, waiting included), fen.'),
    skills: skills.optional(),
    shiftStart: clock.optional().describe('Earliest departure from the depot, HH:MM.'),
    shiftEnd: clock.optional().describe('Latest return to the depot, HH:MM.'),
    maxDurationMin: z
      .number()
      .int()
      .min(1)
      .max(6000)
      .optional()
      .describe('Longest time from leaving to returning, minutes.'),
  })
  .superRefine((v, ctx) => {
    if (
      v.shiftStart &&
      v.shiftEnd &&
      TIME_PATTERN.test(v.shiftStart) &&
      TIME_PATTERN.test(v.shiftEnd) &&
      minutesOf(v.shiftStart) > minutesOf(v.shiftEnd)
    ) {
      ctx.addIssue({
        code: 'custom',
        message: 'transport.shift_order',
        params: { from: v.shiftStart, to: v.shiftEnd },
        path: ['shiftEnd'],
        input: v.shiftEnd,
      });
    }
  });

export const routePlanDepot = z.object({
  lat: lat.optional(),
  lon: lon.optional(),
  x: planar.optional(),
  y: planar.optional(),
  name: text(120).optional(),
  address: text(200).optional(),
});

/** The fields of a plan (stops given); `routePlanBody` checks them together. */
export const routePlanFields = {
  name: text(120).optional().describe('A name for the plan, e.g. 上海 11-25 上午配送.'),
  date: z.iso.date().optional().describe('The delivery day (YYYY-MM-DD), printed on route sheets.'),
  warehouseId: z
    .uuid()
    .optional()
    .describe(
      'The warehouse the vehicles leave from: the depot defaults to its location, and the plan is visible to users of that warehouse.',
    ),
  coordinates: z
    .enum(['geo', 'planar'])
    .default('geo')
    .describe(
      '`geo`: lat/lon, great-circle × circuity. `planar`: x/y in km, straight lines (Solomon, CVRPLIB).',
    ),
  depot: routePlanDepot.optional().describe('Where every vehicle starts and ends; default: the warehouse.'),
  stops: z.array(routePlanStop).min(1).max(ROUTE_PLAN_MAX_STOPS),
  vehicles: z.array(routePlanVehicle).min(1).max(ROUTE_PLAN_MAX_VEHICLE_TYPES),
  speedKmh: z.number().min(1).max(200).optional().describe('Average speed, km/h (default 30).'),
  circuityFactor: z
    .number()
    .min(1)
    .max(3)
    .optional()
    .describe('Road ÷ straight-line distance for `geo` (default 1.3).'),
  timeLimitSeconds: z.number().int().min(1).max(300).default(30).describe('Search budget, seconds.'),
  seed: z.number().int().min(0).max(2_147_483_647).optional().describe('Same seed, same input → same plan.'),
};

function checkUniqueIds(
  list: { id: string }[],
  key: 'stops' | 'vehicles',
  message: string,
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.id)) {
      ctx.addIssue({
        code: 'custom',
        message,
        params: { id: item.id },
        path: [key, i, 'id'],
        input: item.id,
      });
    }
    seen.add(item.id);
  });
}

/** Vehicle type ids are unique (a fleet on its own, e.g. a warehouse's default fleet). */
export const checkVehicleIds = (vehicles: { id: string }[], ctx: z.RefinementCtx) =>
  checkUniqueIds(vehicles, 'vehicles', 'transport.duplicate_vehicle_id', ctx);

/** The checks across fields of a plan with its stops: unique ids, coordinates, a depot. */
export function checkPlan(
  plan: Pick<RoutePlan, 'stops' | 'vehicles' | 'coordinates' | 'depot' | 'warehouseId'>,
  ctx: z.RefinementCtx,
): void {
  checkUniqueIds(plan.stops, 'stops', 'transport.duplicate_stop_id', ctx);
  checkVehicleIds(plan.vehicles, ctx);
  const [a, b] = plan.coordinates === 'planar' ? (['x', 'y'] as const) : (['lat', 'lon'] as const);
  plan.stops.forEach((s, i) => {
    for (const key of [a, b]) {
      if (s[key] === undefined) {
        ctx.addIssue({
          code: 'custom',
          message: 'transport.coordinate_missing',
          params: { id: s.id, field: key },
          path: ['stops', i, key],
          input: undefined,
        });
      }
    }
  });
  const depot = plan.depot;
  const depotComplete = depot && depot[a] !== undefined && depot[b] !== undefined;
  if (!depotComplete && (plan.coordinates === 'planar' || !plan.warehouseId)) {
    ctx.addIssue({
      code: 'custom',
      message: 'transport.depot_missing',
      params: { fields: `${a}, ${b}` },
      path: ['depot'],
      input: depot,
    });
  }
}

/** `POST /api/route-plans` body with stops, also the Wayline JSON file format of `wayline plan-routes`. */
export const routePlanBody = z.object(routePlanFields).superRefine(checkPlan);

export type RoutePlanInput = z.input<typeof routePlanBody>;
export type RoutePlan = z.output<typeof routePlanBody>;
export type RoutePlanStop = z.output<typeof routePlanStop>;
export type RoutePlanVehicle = z.output<typeof routePlanVehicle>;
