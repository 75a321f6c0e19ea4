/**
 * Reads a plan from a file the dispatcher uploads: Wayline JSON (the body of POST /api/route-plans),
 * a Solomon VRPTW `.txt` or a CVRPLIB `.vrp`. The two benchmark formats have planar coordinates;
 * they become `coordinates: planar` plans in km at 60 km/h, so one distance unit is one minute, as
 * in Solomon's own convention.
 */
import type { z } from 'zod';
import { AppError, type FieldIssue } from '../../platform/lib/errors';
import { fleetFromName, parseCvrplib } from '../../solvers/vrp/formats/cvrplib';
import { parseSolomon } from '../../solvers/vrp/formats/solomon';
import {
  ROUTE_PLAN_MAX_STOPS,
  type RoutePlan,
  type RoutePlanInput,
  routePlanBody,
} from './route-plan.schemas';

export type PlanFileKind = 'wayline' | 'solomon' | 'cvrplib';
export const PLANAR_SPEED_KMH = 60;
const MAX_VEHICLES = 500;

export function detectPlanFile(text: string): PlanFileKind | null {
  const head = text.trimStart();
  if (head.startsWith('{')) return 'wayline';
  if (/NODE_COORD_SECTION/i.test(text) && /DEMAND_SECTION/i.test(text)) return 'cvrplib';
  if (/^\s*VEHICLE\s*$/im.test(text) && /^\s*CUSTOMER\s*$/im.test(text)) return 'solomon';
  return null;
}

/** Minutes → HH:MM (Solomon times are minutes from the start of the horizon). */
const hhmm = (minutes: number) => {
  const total = Math.max(0, Math.round(minutes));
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

function solomonPlan(text: string): { name: string; plan: RoutePlanInput } {
  const s = parseSolomon(text);
  const n = s.x.length;
  if (s.due.some((d) => d >= 100 * 60)) {
    throw new AppError('bad_request', 'transport.file.horizon_too_long', { format: 'solomon' });
  }
  return {
    name: s.name,
    plan: {
      name: s.name,
      coordinates: 'planar',
      speedKmh: PLANAR_SPEED_KMH,
      depot: { x: s.x[0], y: s.y[0], name: 'Depot' },
      stops: Array.from({ length: n - 1 }, (_, i) => {
        const k = i + 1;
        return {
          id: String(k),
          x: s.x[k],
          y: s.y[k],
          items: Math.round(s.demand[k]),
          serviceMin: s.service[k],
          windows: [{ from: hhmm(s.ready[k]), to: hhmm(s.due[k]) }],
        };
      }),
      vehicles: [
        {
          id: 'vehicle',
          count: Math.min(MAX_VEHICLES, Math.max(1, s.vehicles)),
          capacityItems: Math.max(1, Math.round(s.capacity)),
          shiftStart: hhmm(s.ready[0]),
          shiftEnd: hhmm(s.due[0]),
        },
      ],
    },
  };
}

function cvrplibPlan(text: string): { name: string; plan: RoutePlanInput } {
  const c = parseCvrplib(text);
  const customers = c.x.length - 1;
  if (customers < 1 || !(c.capacity > 0)) throw new Error('no customers or no CAPACITY');
  const k = fleetFromName(c.name);
  return {
    name: c.name,
    plan: {
      name: k ? `${c.name} (k = ${k})` : c.name,
      coordinates: 'planar',
      speedKmh: PLANAR_SPEED_KMH,
      depot: { x: c.x[0], y: c.y[0], name: 'Depot' },
      stops: Array.from({ length: customers }, (_, i) => ({
        id: String(i + 1),
        x: c.x[i + 1],
        y: c.y[i + 1],
        items: Math.round(c.demand[i + 1]),
      })),
      vehicles: [
        {
          id: 'vehicle',
          count: Math.min(MAX_VEHICLES, customers),
          capacityItems: Math.round(c.capacity),
        },
      ],
    },
  };
}

/** Zod issues of a file's plan as field issues (`file.stops.3.lat`), message codes kept for localising. */
function fileIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.slice(0, 50).map((issue) => {
    const custom = issue.code === 'custom';
    return {
      field: ['file', ...issue.path.map(String)].join('.'),
      code: custom ? issue.message : issue.code,
      message: custom ? issue.message : 'field.invalid',
      params: custom ? ((issue as { params?: Record<string, unknown> }).params ?? {}) : {},
    };
  });
}

/** Parse and validate a plan file; bad files are a 400 with the reason, never a 500. */
export function planFromFile(
  text: string,
  kind: PlanFileKind | 'auto',
): { format: PlanFileKind; name: string; plan: RoutePlan } {
  const format = kind === 'auto' ? detectPlanFile(text) : kind;
  if (!format) throw new AppError('bad_request', 'transport.file.unknown_format');
  let parsed: { name: string; plan: unknown };
  try {
    if (format === 'wayline') {
      const json = JSON.parse(text) as { name?: unknown };
      parsed = { name: typeof json?.name === 'string' ? json.name : '', plan: json };
    } else if (format === 'solomon') parsed = solomonPlan(text);
    else parsed = cvrplibPlan(text);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
    throw new AppError('bad_request', 'transport.file.unreadable', { format, reason });
  }
  const stops = (parsed.plan as { stops?: unknown[] })?.stops;
  if (Array.isArray(stops) && stops.length > ROUTE_PLAN_MAX_STOPS) {
    throw new AppError('bad_request', 'transport.file.too_many_stops', {
      count: stops.length,
      max: ROUTE_PLAN_MAX_STOPS,
    });
  }
  const result = routePlanBody.safeParse(parsed.plan);
  if (!result.success) {
    throw new AppError('bad_request', 'transport.file.invalid_plan', { format }, fileIssues(result.error));
  }
  return { format, name: parsed.name || result.data.name || '', plan: result.data };
}
