/**
 * Turns the solver's best individual into the public solution: schedules, loads and costs per route.
 * When no feasible solution was found (fleet too small for every stop), stops are taken out of
 * violating routes one by one and reported as `fleet_exhausted`, so nothing is dropped silently.
 */
import { Evaluator, type Individual } from './individual';
import type { Instance } from './instance';
import { DEMAND_DIMENSIONS, type PlannedRoute, type VrpProblem, type VrpSolution } from './model';
import { clientSegments, depotSegments, EARLY, merge, strideOf } from './segment';

export const repairByRemoval = (
  inst: Instance,
  ind: Individual,
): { routes: number[][]; removed: number[] } => {
  const evaluator = new Evaluator(inst);
  const routes = ind.routes.map((r) => [...r]);
  const removed: number[] = [];
  const violation = (r: number, route: number[]) => {
    const single = routes.map((_, k) => (k === r ? route : []));
    const e = evaluator.build(single);
    return e.feasible ? 0 : e.warp + e.excess.reduce((a, b) => a + b, 0) + e.skillViolations + 1;
  };
  for (let r = 0; r < routes.length; r++) {
    while (routes[r].length > 0 && violation(r, routes[r]) > 0) {
      let bestK = 0;
      let bestV = Number.POSITIVE_INFINITY;
      for (let k = 0; k < routes[r].length; k++) {
        const v = violation(
          r,
          routes[r].filter((_, q) => q !== k),
        );
        if (v < bestV) {
          bestV = v;
          bestK = k;
        }
      }
      removed.push(routes[r][bestK]);
      routes[r].splice(bestK, 1);
    }
  }
  return { routes, removed };
};

/** Schedules one route: leave as late as possible without waiting more than needed. */
export const describeRoute = (
  problem: VrpProblem,
  inst: Instance,
  slot: number,
  clients: number[],
): PlannedRoute => {
  const t = inst.slotType[slot];
  const vt = problem.vehicleTypes[t];
  const stops = clients.map((c) => inst.stopOf[c]);
  const m = inst.m;
  // forward schedule from a given departure, waiting for windows to open
  const simulate = (depart: number) => {
    let node = inst.startNode[t];
    let time = depart;
    const visits = [];
    for (const c of clients) {
      const arrival = time + inst.dur[node * m + c];
      let start = arrival;
      const w = inst.windows[c];
      if (w === null) start = Math.max(arrival, inst.twEarly[c]);
      else {
        for (let k = 0; k < w.length; k += 2) {
          if (arrival <= w[k + 1]) {
            start = Math.max(arrival, w[k]);
            break;
          }
        }
      }
      time = start + inst.service[c];
      visits.push({ stop: inst.stopOf[c], arrivalS: arrival, startS: start, departureS: time });
      node = c;
    }
    return { visits, back: time + inst.dur[node * m + inst.endNode[t]] };
  };
  // Leave at the earliest start that achieves the route's minimal duration (segment algebra).
  const S = strideOf(inst.dims);
  const cs = clientSegments(inst);
  const ds = depotSegments(inst);
  const buf = new Float64Array(2 * S);
  buf.set(ds.subarray(2 * t * S, 2 * t * S + S));
  let cur = 0;
  for (const c of [...clients, -1]) {
    if (c >= 0) merge(inst, S, buf, cur * S, cs, c * S, buf, (1 - cur) * S);
    else merge(inst, S, buf, cur * S, ds, (2 * t + 1) * S, buf, (1 - cur) * S);
    cur = 1 - cur;
  }
  let depart0 = Math.max(inst.shiftStart[t], Math.min(buf[cur * S + EARLY], inst.shiftEnd[t]));
  let plan = simulate(depart0);
  // The segment algebra knows only each stop's window hull. With several windows per stop, leaving
  // "as late as possible" can land in a gap between windows; the search verified the route leaving
  // at the shift start (Evaluator.exactWarp). Being on time is monotone in the departure (a later
  // departure never makes a stop earlier), so take the latest on-time departure by bisection.
  const late = (p: ReturnType<typeof simulate>) =>
    p.back > inst.shiftEnd[t] ||
    clients.some((c, i) => {
      const w = inst.windows[c];
      return p.visits[i].startS > (w === null ? inst.twLate[c] : w[w.length - 1]);
    });
  if (inst.hasMultiWindows && depart0 > inst.shiftStart[t] && late(plan)) {
    let lo = inst.shiftStart[t];
    let hi = depart0;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (late(simulate(mid))) hi = mid;
      else lo = mid;
    }
    depart0 = lo;
    plan = simulate(depart0);
  }
  const peakLoad = DEMAND_DIMENSIONS.map(() => 0);
  inst.dimIndex.forEach((k, d) => {
    let load = 0;
    for (const c of clients) load += inst.delivery[c * inst.dims + d];
    let peak = load;
    for (const c of clients) {
      load += inst.pickup[c * inst.dims + d] - inst.delivery[c * inst.dims + d];
      peak = Math.max(peak, load);
    }
    peakLoad[k] = peak;
  });
  let distanceM = 0;
  let node = inst.startNode[t];
  for (const c of [...clients, inst.endNode[t]]) {
    distanceM += inst.dist[node * m + c];
    node = c;
  }
  const departureS = depart0;
  const durationS = plan.back - departureS;
  const cost = (vt.fixedCost ?? 0) + inst.costDist[t] * distanceM + inst.costDur[t] * durationS;
  return {
    vehicleType: t,
    stops,
    visits: plan.visits,
    departureS,
    returnS: plan.back,
    distanceM,
    durationS,
    peakLoad,
    cost,
  };
};

export const toSolution = (
  problem: VrpProblem,
  inst: Instance,
  slots: number[][],
  unassigned: VrpSolution['unassigned'],
  meta: Pick<VrpSolution, 'iterations' | 'elapsedMs' | 'history'>,
): VrpSolution => {
  const routes = slots.flatMap((clients, slot) =>
    clients.length > 0 ? [describeRoute(problem, inst, slot, clients)] : [],
  );
  return {
    routes,
    unassigned: [...unassigned].sort((a, b) => a.stop - b.stop),
    cost: routes.reduce((s, r) => s + r.cost, 0),
    distanceM: routes.reduce((s, r) => s + r.distanceM, 0),
    vehicles: routes.length,
    ...meta,
  };
};
