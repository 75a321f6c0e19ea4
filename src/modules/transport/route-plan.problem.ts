import { AppError } from '../../platform/lib/errors';
import {
  haversineMatrixProvider,
  type Matrix,
  type MatrixProvider,
  type VrpProblem,
} from '../../solvers/vrp';
import { DEFAULT_COST_PER_KM_FEN, minutesOf, type RoutePlan } from './route-plan.schemas';

export const DEFAULT_SPEED_KMH = 30;
export const DEFAULT_CIRCUITY = 1.3;

/** Straight lines between planar points given in km; duration at `speedKmh`. */
export function planarKmMatrix(xs: readonly number[], ys: readonly number[], speedKmh: number): Matrix {
  const n = xs.length;
  const distances = new Float64Array(n * n);
  const durations = new Float64Array(n * n);
  const speedMs = (speedKmh * 1000) / 3600;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const d = Math.round(Math.hypot(xs[i] - xs[j], ys[i] - ys[j]) * 1000);
      distances[i * n + j] = d;
      durations[i * n + j] = Math.round(d / speedMs);
    }
  }
  return { size: n, distances, durations };
}

/** The depot's two coordinates in the plan's system, or a 422 if it was never resolved. */
function depotPoint(plan: RoutePlan): [number, number] {
  const d = plan.depot;
  const point = plan.coordinates === 'planar' ? [d?.x, d?.y] : [d?.lat, d?.lon];
  if (point[0] === undefined || point[1] === undefined) {
    throw new AppError('unprocessable', 'transport.depot_missing', { fields: 'depot' });
  }
  return point as [number, number];
}

/**
 * The solver's problem for a Wayline plan: location 0 is the depot, stop k is location k + 1.
 * `geo` plans use the matrix provider (default: great-circle × circuity at an average speed).
 */
export async function buildRoutePlanProblem(plan: RoutePlan, provider?: MatrixProvider): Promise<VrpProblem> {
  const speedKmh = plan.speedKmh ?? DEFAULT_SPEED_KMH;
  const [d0, d1] = depotPoint(plan);
  let matrix: Matrix;
  let coordinates: VrpProblem['coordinates'];
  if (plan.coordinates === 'planar') {
    const xs = [d0, ...plan.stops.map((s) => s.x ?? 0)];
    const ys = [d1, ...plan.stops.map((s) => s.y ?? 0)];
    matrix = planarKmMatrix(xs, ys, speedKmh);
    coordinates = { x: xs, y: ys };
  } else {
    const points = [{ lat: d0, lon: d1 }, ...plan.stops.map((s) => ({ lat: s.lat ?? 0, lon: s.lon ?? 0 }))];
    const source =
      provider ??
      haversineMatrixProvider({ speedKmh, circuityFactor: plan.circuityFactor ?? DEFAULT_CIRCUITY });
    matrix = await source.matrix(points);
    coordinates = { x: points.map((p) => p.lon), y: points.map((p) => p.lat) };
  }
  return {
    depots: [{ id: 'depot', location: 0 }],
    stops: plan.stops.map((s, k) => ({
      id: s.id,
      location: k + 1,
      kind: s.kind,
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
      fixedCost: v.fixedCostFen ?? 0,
      costPerKm: v.costPerKmFen ?? DEFAULT_COST_PER_KM_FEN,
      costPerHour: v.costPerHourFen ?? 0,
      skills: v.skills,
      shiftStartS: v.shiftStart ? minutesOf(v.shiftStart) * 60 : undefined,
      shiftEndS: v.shiftEnd ? minutesOf(v.shiftEnd) * 60 : undefined,
      maxDurationS: v.maxDurationMin ? v.maxDurationMin * 60 : undefined,
      startDepot: 0,
    })),
    matrix,
    coordinates,
  };
}
