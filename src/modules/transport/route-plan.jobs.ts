import { z } from 'zod';
import { t } from '../../platform/i18n/i18n';
import type { JobContext } from '../../platform/jobs';
import {
  checkSolution,
  DEMAND_DIMENSIONS,
  type DemandDimension,
  haversineMatrixProvider,
  type SolveProgress,
  solveVrp,
  type UnassignedReason,
  type VrpProblem,
  type VrpSolution,
} from '../../solvers/vrp';
import { clockOf, minutesOf, type RoutePlan, routePlanBody } from './route-plan.schemas';

export const ROUTE_PLAN_JOB = 'transport.route_plan';

/** What `POST /api/route-plans` stores in the job: the validated plan and the caller's language. */
export const routePlanPayload = z.object({
  plan: routePlanBody,
  lang: z.enum(['zh-CN', 'en']),
});
export type RoutePlanPayload = z.input<typeof routePlanPayload>;

export type Lang = 'zh-CN' | 'en';

export interface RoutePlanResultRoute {
  /** Vehicle type id, and which of that type's vehicles (1-based). */
  vehicleId: string;
  vehicleNo: number;
  departure: string;
  return: string;
  stops: { id: string; arrival: string; start: string; departure: string }[];
  /** Peak load per dimension (base units) and its share of the vehicle's capacity (null = unlimited). */
  load: Record<DemandDimension, number>;
  utilisationPct: Record<DemandDimension, number | null>;
  km: number;
  durationMin: number;
  cost: number;
}

export interface RoutePlanResult {
  routes: RoutePlanResultRoute[];
  unassigned: { id: string; reason: UnassignedReason; message: string }[];
  totals: { vehicles: number; km: number; cost: number; stops: number; served: number; unassigned: number };
  /** Best cost over time, for a progress chart. */
  history: { elapsedMs: number; cost: number; vehicles: number }[];
  feasible: boolean;
  iterations: number;
  elapsedMs: number;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The solver's problem for a Wayline plan: location 0 is the depot, stop k is location k + 1. */
export async function buildRoutePlanProblem(plan: RoutePlan): Promise<VrpProblem> {
  const points = [plan.depot, ...plan.stops.map((s) => ({ lat: s.lat, lon: s.lon }))];
  const matrix = await haversineMatrixProvider().matrix(points);
  return {
    depots: [{ id: 'depot', location: 0 }],
    stops: plan.stops.map((s, k) => ({
      id: s.id,
      location: k + 1,
      demand: { weightG: s.weightG, volumeCm3: s.volumeCm3, items: s.items },
      serviceS: Math.round((s.serviceMin ?? 0) * 60),
      timeWindows: s.windows?.length
        ? s.windows.map((w) => [minutesOf(w.from) * 60, minutesOf(w.to) * 60] as const)
        : undefined,
      skills: s.skills,
    })),
    vehicleTypes: plan.vehicles.map((v) => ({
      id: v.id,
      count: v.count,
      capacity: { weightG: v.capacityWeightG, volumeCm3: v.capacityVolumeCm3, items: v.capacityItems },
      fixedCost: v.fixedCost,
      costPerKm: v.costPerKm,
      skills: v.skills,
      shiftStartS: v.shiftStart ? minutesOf(v.shiftStart) * 60 : undefined,
      shiftEndS: v.shiftEnd ? minutesOf(v.shiftEnd) * 60 : undefined,
      startDepot: 0,
    })),
    matrix,
    coordinates: { x: points.map((p) => p.lon), y: points.map((p) => p.lat) },
  };
}

/** Routes, loads, times and unassigned stops of a solution, in the terms of the problem's ids. */
export function describeSolution(
  problem: VrpProblem,
  solution: VrpSolution,
  lang: Lang,
  feasible: boolean,
): RoutePlanResult {
  const used = new Map<number, number>();
  const routes = solution.routes.map((route): RoutePlanResultRoute => {
    const type = problem.vehicleTypes[route.vehicleType];
    const vehicleNo = (used.get(route.vehicleType) ?? 0) + 1;
    used.set(route.vehicleType, vehicleNo);
    const load = {} as Record<DemandDimension, number>;
    const utilisationPct = {} as Record<DemandDimension, number | null>;
    DEMAND_DIMENSIONS.forEach((dim, d) => {
      load[dim] = route.peakLoad[d] ?? 0;
      const cap = type.capacity[dim];
      utilisationPct[dim] = cap ? round((100 * load[dim]) / cap, 1) : null;
    });
    return {
      vehicleId: type.id,
      vehicleNo,
      departure: clockOf(route.departureS),
      return: clockOf(route.returnS),
      stops: route.visits.map((v) => ({
        id: problem.stops[v.stop].id,
        arrival: clockOf(v.arrivalS),
        start: clockOf(v.startS),
        departure: clockOf(v.departureS),
      })),
      load,
      utilisationPct,
      km: round(route.distanceM / 1000, 2),
      durationMin: Math.round(route.durationS / 60),
      cost: round(route.cost, 2),
    };
  });
  const unassigned = solution.unassigned.map((u) => ({
    id: problem.stops[u.stop].id,
    reason: u.reason,
    message: t(lang, `transport.unassigned.${u.reason}`),
  }));
  return {
    routes,
    unassigned,
    totals: {
      vehicles: solution.vehicles,
      km: round(solution.distanceM / 1000, 2),
      cost: round(solution.cost, 2),
      stops: problem.stops.length,
      served: problem.stops.length - unassigned.length,
      unassigned: unassigned.length,
    },
    history: solution.history.map((h) => ({ ...h, cost: round(h.cost, 2) })),
    feasible,
    iterations: solution.iterations,
    elapsedMs: Math.round(solution.elapsedMs),
  };
}

export interface RunRoutePlanOptions {
  lang: Lang;
  signal?: AbortSignal;
  onProgress?: (fraction: number, message: string, progress: SolveProgress) => void;
}

/** Solve a Wayline plan, check it with the independent checker and describe it. */
export async function runRoutePlan(plan: RoutePlan, options: RunRoutePlanOptions): Promise<RoutePlanResult> {
  const problem = await buildRoutePlanProblem(plan);
  const limitMs = plan.timeLimitSeconds * 1000;
  const solution = await solveVrp(problem, {
    seed: plan.seed ?? 1,
    timeLimitMs: limitMs,
    signal: options.signal,
    onProgress: (p) =>
      options.onProgress?.(
        Math.min(0.99, p.elapsedMs / limitMs),
        t(options.lang, 'transport.route_plan.progress', { cost: round(p.cost, 2), vehicles: p.vehicles }),
        p,
      ),
  });
  options.signal?.throwIfAborted();
  const report = checkSolution(problem, solution);
  if (!report.feasible) {
    throw new Error(
      t(options.lang, 'transport.route_plan.infeasible', { errors: report.errors.slice(0, 5).join('; ') }),
    );
  }
  return describeSolution(problem, solution, options.lang, report.feasible);
}

async function runRoutePlanJob(ctx: JobContext): Promise<RoutePlanResult> {
  const payload = routePlanPayload.parse(ctx.job.payload);
  const result = await runRoutePlan(payload.plan, {
    lang: payload.lang,
    signal: ctx.signal,
    onProgress: (fraction, message) => ctx.progress(fraction, message),
  });
  ctx.progress(
    1,
    t(payload.lang, 'transport.route_plan.progress', {
      cost: result.totals.cost,
      vehicles: result.totals.vehicles,
    }),
  );
  return result;
}

/** Job handlers by kind for the platform job runner. */
export const transportJobHandlers: Record<string, (ctx: JobContext) => Promise<unknown>> = {
  [ROUTE_PLAN_JOB]: runRoutePlanJob,
};
