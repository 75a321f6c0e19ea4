/**
 * Route minimisation for "fewest vehicles first" (homogeneous fleet with a fixed cost), in three
 * phases sharing the budget:
 * 1. HGS on the full fleet for a short share, for a first feasible plan;
 * 2. route elimination by ejection pool (`ejection-pool.ts`, Nagata & Bräysy 2009): one route at a
 *    time is removed and its clients are forced back in, until the fleet reaches the lower bound
 *    (total demand / capacity), an attempt fails within the phase's share, or the share is spent;
 * 3. HGS on distance with the fleet capped at the best count found, started from that plan.
 * Shares apply to the time limit and to `maxIterations` (the ejection pool counts its steps), so seeded
 * runs stay deterministic. Multi-window instances skip phase 2 (its feasibility uses window hulls) and
 * use the previous method: HGS with a fleet capped one below the best plan, from that plan with its
 * shortest route's clients reinserted.
 */
import { EjectionPool } from './ejection-pool';
import { type HgsResult, runHgs } from './hgs';
import { Evaluator, type Individual } from './individual';
import type { Instance } from './instance';
import { LocalSearch } from './local-search';
import type { SolveOptions } from './model';
import { nearestNeighbours } from './neighbours';
import { Prng } from './prng';
import { RouteState } from './route-state';
import type { Penalties } from './segment';

/** Shares of the budget: the first HGS run, and the most route elimination may use in all. */
const FIRST_SHARE = 0.05;
const ELIMINATION_SHARE = 0.4;
/** An ejection-pool attempt that has not removed its route within this share of the budget stops. */
const EP_ATTEMPT_SHARE = 0.15;
/** Multi-window fallback: each HGS elimination attempt gets at most this share. */
const ATTEMPT_SHARE = 0.12;
/** With `maxIterations`, the ejection pool may take this many steps per genetic iteration of budget. */
const EP_STEPS_PER_ITERATION = 5;

export const wantsFleetMinimisation = (inst: Instance): boolean =>
  inst.nTypes === 1 && inst.fixedCost[0] > 0 && inst.n > 2 && inst.emptyCost[0] === 0;

const withSlots = (inst: Instance, slots: number): Instance => ({
  ...inst,
  nSlots: slots,
  slotType: new Int32Array(slots),
});

/** Fewest routes any plan needs: total delivery (and pickup) over capacity, per dimension. */
export const fleetLowerBound = (inst: Instance): number => {
  let lb = 1;
  for (let d = 0; d < inst.dims; d++) {
    let del = 0;
    let pick = 0;
    for (let c = 0; c < inst.n; c++) {
      del += inst.delivery[c * inst.dims + d];
      pick += inst.pickup[c * inst.dims + d];
    }
    const cap = inst.capacity[d];
    if (cap > 0 && Number.isFinite(cap)) lb = Math.max(lb, Math.ceil(Math.max(del, pick) / cap - 1e-9));
  }
  return lb;
};

/** Penalties for the squeeze step: any violation costs far more than the distance it could save. */
export const squeezePenalties = (inst: Instance): Penalties => {
  const { n, m, dims, dist, dur } = inst;
  let sd = 0;
  let st = 0;
  for (let k = 0; k < m * m; k++) {
    if (Number.isFinite(dist[k])) sd += dist[k];
    if (Number.isFinite(dur[k])) st += dur[k];
  }
  const arcs = Math.max(1, m * m - m);
  const arcCost = inst.costDist[0] * (sd / arcs) + inst.costDur[0] * (st / arcs);
  const load = new Float64Array(dims);
  for (let d = 0; d < dims; d++) {
    let s = 0;
    for (let c = 0; c < n; c++) s += Math.max(inst.delivery[c * dims + d], inst.pickup[c * dims + d]);
    load[d] = (100 * Math.max(arcCost, 1e-6)) / Math.max(s / Math.max(n, 1), 1e-9);
  }
  return { load, timeWarp: (100 * Math.max(arcCost, 1e-6)) / Math.max(st / arcs, 1e-9), skill: 1e9 };
};

/** Removes the route with the fewest clients and inserts them one by one at the cheapest position. */
export const eliminateShortest = (inst: Instance, routes: number[][]): number[][] => {
  const used = routes.filter((r) => r.length > 0).map((r) => [...r]);
  let shortest = 0;
  for (let r = 1; r < used.length; r++) if (used[r].length < used[shortest].length) shortest = r;
  const removed = used.splice(shortest, 1)[0] ?? [];
  const { dist, m } = inst;
  const depot = inst.startNode[0];
  const end = inst.endNode[0];
  for (const c of removed) {
    let bestR = 0;
    let bestP = 0;
    let bestD = Number.POSITIVE_INFINITY;
    for (let r = 0; r < used.length; r++) {
      const route = used[r];
      for (let p = 0; p <= route.length; p++) {
        const a = p === 0 ? depot : route[p - 1];
        const b = p === route.length ? end : route[p];
        const d = dist[a * m + c] + dist[c * m + b] - dist[a * m + b];
        if (d < bestD) {
          bestD = d;
          bestR = r;
          bestP = p;
        }
      }
    }
    used[bestR]?.splice(bestP, 0, c);
  }
  return used;
};

export const runWithFleetMinimisation = async (inst: Instance, options: SolveOptions): Promise<HgsResult> => {
  const clock = options.clock ?? (() => performance.now());
  const t0 = clock();
  const total = options.timeLimitMs ?? 10_000;
  const maxIter = options.maxIterations;
  const history: HgsResult['history'] = [];
  let iterations = 0;
  // one best-so-far stream over all phases (a later phase may start above the best plan)
  let reported = Number.POSITIVE_INFINITY;
  const emit = (elapsedMs: number, cost: number, vehicles: number, iteration: number) => {
    if (cost >= reported - 1e-9) return;
    reported = cost;
    history.push({ elapsedMs, cost, vehicles });
    options.onProgress?.({ elapsedMs, iteration, cost, vehicles, feasible: true });
  };
  const phase = async (slots: number, share: number, initial?: number[][]) => {
    const start = clock() - t0;
    const left = total - start;
    const result = await runHgs(
      withSlots(inst, slots),
      {
        ...options,
        timeLimitMs: Math.max(0, Math.min(left, share * total)),
        maxIterations: maxIter === undefined ? undefined : Math.max(1, Math.floor(share * maxIter)),
        onProgress: (p) => emit(p.elapsedMs + start, p.cost, p.vehicles, iterations + p.iteration),
      },
      initial,
    );
    iterations += result.iterations;
    return result;
  };
  const first = await phase(inst.nSlots, FIRST_SHARE);
  let best = first.best;
  let fallback = first.fallback;
  let used = FIRST_SHARE;
  if (best !== null && !inst.hasMultiWindows) {
    best = await eliminateByEjectionPool(
      inst,
      options,
      best,
      t0 + (FIRST_SHARE + ELIMINATION_SHARE) * total,
      EP_ATTEMPT_SHARE * total,
      (steps) => {
        iterations += steps;
      },
      (ind) => emit(clock() - t0, ind.cost, ind.nRoutes, iterations),
    );
    used = Math.max(used, (clock() - t0) / Math.max(total, 1e-9));
    if (maxIter !== undefined) used = FIRST_SHARE + ELIMINATION_SHARE;
  } else {
    let spent = 0;
    while (
      best !== null &&
      best.nRoutes > 1 &&
      spent + 1e-9 < ELIMINATION_SHARE &&
      !options.signal?.aborted
    ) {
      const share = Math.min(ATTEMPT_SHARE, ELIMINATION_SHARE - spent);
      spent += share;
      const r = await phase(best.nRoutes - 1, share, eliminateShortest(inst, best.routes));
      if (r.best === null || r.best.nRoutes >= best.nRoutes) break;
      best = r.best;
    }
    used += spent;
  }
  if (best !== null) {
    const slots = best.nRoutes;
    const last = await phase(slots, Math.max(0, 1 - used), best.routes);
    if (last.best !== null && last.best.cost < best.cost) best = last.best;
    fallback = last.fallback;
  }
  // routes index slots of a smaller fleet: the same type, so they are valid slots of the full fleet
  const pad = (routes: number[][]) => [
    ...routes,
    ...Array.from({ length: inst.nSlots - routes.length }, () => []),
  ];
  if (best !== null) best = { ...best, routes: pad(best.routes) };
  fallback = { ...fallback, routes: pad(fallback.routes) };
  return { best, fallback, iterations, elapsedMs: clock() - t0, history };
};

/**
 * Phase 2: removes routes from `start` (feasible) one at a time with the ejection pool until the
 * lower bound, a failed attempt, the deadline (clock time) or the step budget. Returns the best plan.
 */
export const eliminateByEjectionPool = async (
  inst: Instance,
  options: SolveOptions,
  start: Individual,
  deadline: number,
  attemptMs: number,
  addIterations: (steps: number) => void,
  improved: (ind: Individual) => void,
): Promise<Individual> => {
  const clock = options.clock ?? (() => performance.now());
  const maxSteps =
    options.maxIterations === undefined
      ? Number.POSITIVE_INFINITY
      : EP_STEPS_PER_ITERATION * ELIMINATION_SHARE * options.maxIterations;
  const rng = new Prng(((options.seed ?? 1) * 2654435761) >>> 0);
  const neighbours = nearestNeighbours(inst, options.params?.granularity ?? 20);
  const evaluator = new Evaluator(inst);
  const pen = squeezePenalties(inst);
  const lb = fleetLowerBound(inst);
  let best = start;
  let steps = 0;
  let lastYield = clock();
  const pause = () => {
    if (clock() - lastYield < 20) return undefined;
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      lastYield = clock();
    });
  };
  while (best.nRoutes > lb && !options.signal?.aborted) {
    const k = best.nRoutes;
    const small = withSlots(inst, k - 1);
    const pool = new EjectionPool(
      small,
      new RouteState(small),
      new LocalSearch(small, neighbours, false),
      neighbours,
      pen,
    );
    // with an iteration budget the attempt is bounded in steps (deterministic), otherwise in time
    const deterministic = Number.isFinite(maxSteps);
    const attemptEnd = deterministic ? deadline : Math.min(deadline, clock() + attemptMs);
    const attemptSteps = deterministic
      ? Math.ceil((maxSteps * EP_ATTEMPT_SHARE) / ELIMINATION_SHARE)
      : Number.POSITIVE_INFINITY;
    const routes = await pool.deleteRoute(
      best.routes.filter((r) => r.length > 0),
      rng,
      (it) =>
        options.signal?.aborted === true ||
        clock() >= attemptEnd ||
        steps + it >= maxSteps ||
        it >= attemptSteps,
      pause,
    );
    steps += pool.iterations;
    addIterations(pool.iterations);
    if (routes === null) break;
    const ind = evaluator.build([
      ...routes,
      ...Array.from({ length: inst.nSlots - routes.length }, () => []),
    ]);
    if (!ind.feasible || ind.nRoutes >= k) break;
    best = ind;
    improved(ind);
  }
  return best;
};
