/**
 * Independent feasibility checker. Written apart from the solver on purpose: it reads only the public
 * problem and solution, and re-simulates every route from the matrix, with no code shared with the
 * solver's segment algebra. Checks every stop once (or unassigned with a reason), vehicle counts,
 * skills, capacity per dimension with deliveries and pickups, time windows, shift and maximum duration,
 * and the reported distance.
 */
import { DEMAND_DIMENSIONS, type VrpProblem, type VrpSolution } from './model';

export interface FeasibilityReport {
  feasible: boolean;
  errors: string[];
  /** Recomputed total distance of all routes. */
  distance: number;
  vehicles: number;
}

const TOL = 1e-6;

export const checkSolution = (problem: VrpProblem, solution: VrpSolution): FeasibilityReport => {
  const errors: string[] = [];
  const { stops, vehicleTypes, depots, matrix } = problem;
  const at = (a: number, b: number) => a * matrix.size + b;
  const seen = new Array<number>(stops.length).fill(0);
  for (const u of solution.unassigned) {
    if (!u.reason) errors.push(`stop ${u.stop}: unassigned without a reason`);
    seen[u.stop]++;
  }
  const used = new Array<number>(vehicleTypes.length).fill(0);
  let distance = 0;
  solution.routes.forEach((route, r) => {
    const vt = vehicleTypes[route.vehicleType];
    if (!vt) {
      errors.push(`route ${r}: unknown vehicle type ${route.vehicleType}`);
      return;
    }
    used[route.vehicleType]++;
    if (route.stops.length === 0) errors.push(`route ${r}: empty route`);
    const vehicleSkills = new Set(vt.skills ?? []);
    // load: deliveries are on board from the start, pickups accumulate
    for (const dim of DEMAND_DIMENSIONS) {
      const cap = vt.capacity[dim] ?? Number.POSITIVE_INFINITY;
      let load = 0;
      for (const s of route.stops) if (stops[s]?.kind !== 'pickup') load += stops[s]?.demand?.[dim] ?? 0;
      let peak = load;
      for (const s of route.stops) {
        const q = stops[s]?.demand?.[dim] ?? 0;
        load += stops[s]?.kind === 'pickup' ? q : -q;
        peak = Math.max(peak, load);
      }
      if (peak > cap + TOL) errors.push(`route ${r}: ${dim} load ${peak} exceeds capacity ${cap}`);
    }
    // time
    const shiftStart = vt.shiftStartS ?? 0;
    const shiftEnd = vt.shiftEndS ?? Number.POSITIVE_INFINITY;
    if (route.departureS < shiftStart - TOL) errors.push(`route ${r}: leaves before the shift starts`);
    let loc = depots[vt.startDepot].location;
    let time = route.departureS;
    for (const s of route.stops) {
      const stop = stops[s];
      if (!stop) {
        errors.push(`route ${r}: unknown stop ${s}`);
        continue;
      }
      seen[s]++;
      for (const skill of stop.skills ?? []) {
        if (!vehicleSkills.has(skill)) errors.push(`route ${r}: stop ${s} needs skill ${skill}`);
      }
      distance += matrix.distances[at(loc, stop.location)];
      const arrival = time + matrix.durations[at(loc, stop.location)];
      const windows = stop.timeWindows?.length ? stop.timeWindows : [[-Infinity, Infinity] as const];
      let start = Number.NaN;
      for (const [a, b] of windows) {
        const candidate = Math.max(arrival, a);
        if (candidate <= b + TOL && !(candidate >= start)) start = candidate;
      }
      if (Number.isNaN(start)) {
        errors.push(`route ${r}: stop ${s} reached at ${arrival}, after its time windows`);
        start = arrival;
      }
      time = start + (stop.serviceS ?? 0);
      loc = stop.location;
    }
    const endLoc = depots[vt.endDepot ?? vt.startDepot].location;
    distance += matrix.distances[at(loc, endLoc)];
    time += matrix.durations[at(loc, endLoc)];
    if (time > shiftEnd + TOL)
      errors.push(`route ${r}: returns at ${time}, after the shift ends at ${shiftEnd}`);
    const duration = time - route.departureS;
    if (duration > (vt.maxDurationS ?? Number.POSITIVE_INFINITY) + TOL) {
      errors.push(`route ${r}: duration ${duration} exceeds ${vt.maxDurationS}`);
    }
  });
  used.forEach((k, t) => {
    const count = vehicleTypes[t].count;
    if (count !== undefined && k > count) errors.push(`vehicle type ${t}: ${k} routes for ${count} vehicles`);
    const servable = stops.length - solution.unassigned.length;
    if (vehicleTypes[t].useAll && count !== undefined && k < Math.min(count, servable))
      errors.push(`vehicle type ${t}: ${k} routes, all ${count} vehicles must be used`);
  });
  seen.forEach((k, s) => {
    if (k !== 1) errors.push(`stop ${s}: ${k === 0 ? 'missing' : `appears ${k} times`}`);
  });
  const reported = solution.routes.reduce((a, r) => a + r.distanceM, 0);
  if (Math.abs(reported - distance) > TOL * Math.max(1, distance)) {
    errors.push(`reported distance ${reported} differs from recomputed ${distance}`);
  }
  return { feasible: errors.length === 0, errors, distance, vehicles: solution.routes.length };
};
