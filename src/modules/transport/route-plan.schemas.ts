import { z } from 'zod';

export const ROUTE_PLAN_MAX_STOPS = 2000;
export const ROUTE_PLAN_MAX_VEHICLE_TYPES = 50;

const TIME_PATTERN = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** `HH:MM` → minutes from midnight. */
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
  .describe('Local time of the delivery day, HH:MM (00:00–24:00).');

const lat = z.number().min(-90).max(90);
const lon = z.number().min(-180).max(180);
const id = z.string().trim().min(1).max(64);
const amount = z.number().int().min(0).max(1_000_000_000);
const capacity = z.number().int().min(1).max(1_000_000_000);
const skills = z.array(z.string().trim().min(1).max(40)).max(10);
const money = z.number().min(0).max(1_000_000);

const window = z.object({ from: clock, to: clock }).superRefine((w, ctx) => {
  if (TIME_PATTERN.test(w.from) && TIME_PATTERN.test(w.to) && minutesOf(w.from) > minutesOf(w.to)) {
    ctx.addIssue({ code: 'custom', message: 'transport.window_order', params: w, path: ['to'], input: w });
  }
});

export const routePlanStop = z.object({
  id: id.describe('Your id for the stop (order, address); unique in the plan.'),
  lat,
  lon,
  weightG: amount.optional().describe('Weight to deliver, grams.'),
  volumeCm3: amount.optional().describe('Volume to deliver, cm³.'),
  items: amount.optional().describe('Number of items (parcels, cases).'),
  serviceMin: z.number().min(0).max(1440).optional().describe('Time spent at the stop, minutes.'),
  windows: z
    .array(window)
    .max(5)
    .optional()
    .describe('When service may start; none = any time in the shift.'),
  skills: skills.optional().describe('Skills the vehicle needs, e.g. `refrigerated`.'),
});

export const routePlanVehicle = z
  .object({
    id: id.describe('Vehicle type id (e.g. `van-4t`); unique in the plan.'),
    count: z.number().int().min(1).max(500).describe('Vehicles of this type available.'),
    capacityWeightG: capacity.optional().describe('Payload, grams; missing = unlimited.'),
    capacityVolumeCm3: capacity.optional().describe('Load volume, cm³; missing = unlimited.'),
    capacityItems: capacity.optional().describe('Items; missing = unlimited.'),
    fixedCost: money.optional().describe('Cost of using one vehicle for the day.'),
    costPerKm: money.optional().describe('Cost per km driven (default 1).'),
    skills: skills.optional(),
    shiftStart: clock.optional().describe('Earliest departure from the depot, HH:MM.'),
    shiftEnd: clock.optional().describe('Latest return to the depot, HH:MM.'),
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

/** `POST /api/route-plans` body, also the Wayline JSON file format of `wayline plan-routes`. */
export const routePlanBody = z
  .object({
    depot: z.object({ lat, lon }).describe('Where every vehicle starts and ends.'),
    stops: z.array(routePlanStop).min(1).max(ROUTE_PLAN_MAX_STOPS),
    vehicles: z.array(routePlanVehicle).min(1).max(ROUTE_PLAN_MAX_VEHICLE_TYPES),
    timeLimitSeconds: z.number().int().min(1).max(300).default(30).describe('Search budget, seconds.'),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2_147_483_647)
      .optional()
      .describe('Same seed, same input → same plan.'),
  })
  .superRefine((plan, ctx) => {
    const duplicates = (list: { id: string }[], key: 'stops' | 'vehicles', message: string) => {
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
    };
    duplicates(plan.stops, 'stops', 'transport.duplicate_stop_id');
    duplicates(plan.vehicles, 'vehicles', 'transport.duplicate_vehicle_id');
  });

export type RoutePlanInput = z.input<typeof routePlanBody>;
export type RoutePlan = z.output<typeof routePlanBody>;
