/**
 * Test support: random instances and an exhaustive optimum for tiny ones (≤ 8 stops, one vehicle
 * type, no duration cost): the best cost of every subset as one route (all orders), then the best
 * partition into at most `count` routes. Shares no code with the solver.
 */
import { planarMatrix } from './matrix';
import type { Stop, VrpProblem } from './model';
import { Prng } from './prng';

export interface RandomOptions {
  stops: number;
  seed: number;
  capacity?: number;
  vehicles?: number;
  windows?: boolean;
  fixedCost?: number;
  horizon?: number;
}

export const randomProblem = (o: RandomOptions): VrpProblem => {
  const rng = new Prng(o.seed);
  const n = o.stops + 1;
  const xs = Array.from({ length: n }, () => rng.int(100));
  const ys = Array.from({ length: n }, () => rng.int(100));
  const horizon = o.horizon ?? 1000;
  const stops: Stop[] = xs.slice(1).map((_, k) => {
    const stop: Stop = { id: `s${k}`, location: k + 1, demand: { weightG: 1 + rng.int(10) }, serviceS: 10 };
    if (o.windows) {
      const a = rng.int(horizon - 200);
      return { ...stop, timeWindows: [[a, a + 60 + rng.int(200)]] };
    }
    return stop;
  });
  return {
    depots: [{ id: 'd', location: 0 }],
    stops,
    vehicleTypes: [
      {
        id: 'v',
        count: o.vehicles,
        capacity: { weightG: o.capacity ?? 20 },
        fixedCost: o.fixedCost ?? 0,
        costPerKm: 1000,
        shiftStartS: 0,
        shiftEndS: horizon,
        startDepot: 0,
      },
    ],
    matrix: planarMatrix(xs, ys),
  };
};

/** Optimal cost by enumeration, or Infinity when no plan serves every stop. */
export const bruteForceOptimum = (p: VrpProblem): number => {
  const n = p.stops.length;
  if (n > 8) throw new Error('brute force: at most 8 stops');
  const vt = p.vehicleTypes[0];
  const size = p.matrix.size;
  const depot = p.depots[vt.startDepot].location;
  const end = p.depots[vt.endDepot ?? vt.startDepot].location;
  const full = 1 << n;
  const routeCost = new Array<number>(full).fill(Number.POSITIVE_INFINITY);
  const perm: number[] = [];
  const used = new Array<boolean>(n).fill(false);
  const evalRoute = (): number => {
    let t = vt.shiftStartS ?? 0;
    let at = depot;
    let d = 0;
    for (const s of perm) {
      const stop = p.stops[s];
      d += p.matrix.distances[at * size + stop.location];
      t += p.matrix.durations[at * size + stop.location];
      const w = stop.timeWindows?.[0] ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
      t = Math.max(t, w[0]);
      if (t > w[1] + 1e-9) return Number.POSITIVE_INFINITY;
      t += stop.serviceS ?? 0;
      at = stop.location;
    }
    d += p.matrix.distances[at * size + end];
    t += p.matrix.durations[at * size + end];
    if (t > (vt.shiftEndS ?? Number.POSITIVE_INFINITY) + 1e-9) return Number.POSITIVE_INFINITY;
    return (vt.fixedCost ?? 0) + ((vt.costPerKm ?? 1) / 1000) * d;
  };
  const recurse = (mask: number) => {
    if (mask !== 0) {
      const c = evalRoute();
      if (c < routeCost[mask]) routeCost[mask] = c;
    }
    for (let s = 0; s < n; s++) {
      if (used[s]) continue;
      used[s] = true;
      perm.push(s);
      recurse(mask | (1 << s));
      perm.pop();
      used[s] = false;
    }
  };
  recurse(0);
  // capacity filter
  for (let mask = 1; mask < full; mask++) {
    let w = 0;
    for (let s = 0; s < n; s++) if (mask & (1 << s)) w += p.stops[s].demand?.weightG ?? 0;
    if (w > (vt.capacity.weightG ?? Number.POSITIVE_INFINITY)) routeCost[mask] = Number.POSITIVE_INFINITY;
  }
  const maxRoutes = Math.min(vt.count ?? n, n);
  let best = new Array<number>(full).fill(Number.POSITIVE_INFINITY);
  best[0] = 0;
  let answer = n === 0 ? 0 : Number.POSITIVE_INFINITY;
  for (let k = 1; k <= maxRoutes; k++) {
    const next = new Array<number>(full).fill(Number.POSITIVE_INFINITY);
    for (let mask = 1; mask < full; mask++) {
      const low = mask & -mask;
      for (let sub = mask; sub > 0; sub = (sub - 1) & mask) {
        if (!(sub & low)) continue;
        const c = routeCost[sub] + best[mask ^ sub];
        if (c < next[mask]) next[mask] = c;
      }
    }
    best = next;
    answer = Math.min(answer, best[full - 1]);
  }
  return answer;
};
