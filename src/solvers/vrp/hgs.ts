/**
 * Hybrid Genetic Search (Vidal 2012, 2022) with time windows by time-warp penalties (Vidal 2013,
 * PyVRP): OX crossover on giant tours, Split, granular local search in a penalised space with adaptive
 * penalties, and a population kept diverse by biased fitness. Anytime, cancellable, seeded.
 */
import { Evaluator, type Individual, penalisedCost } from './individual';
import type { Instance } from './instance';
import { LocalSearch } from './local-search';
import type { HgsParams, SolveOptions } from './model';
import { nearestNeighbours } from './neighbours';
import { Population } from './population';
import { Prng } from './prng';
import { clientSegments, depotSegments, type Penalties } from './segment';
import { Splitter } from './split';

export const DEFAULT_PARAMS: HgsParams = {
  granularity: 20,
  minPopulation: 25,
  generationSize: 40,
  nbElite: 4,
  nbClose: 5,
  targetFeasible: 0.2,
  restartAfter: 20_000,
  repairProbability: 0.5,
  fleetMinimisation: true,
  swapStar: true,
};

export interface HgsResult {
  best: Individual | null;
  /** Least-penalised solution seen, used when no feasible one exists. */
  fallback: Individual;
  iterations: number;
  elapsedMs: number;
  history: { elapsedMs: number; cost: number; vehicles: number }[];
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

const initialPenalties = (inst: Instance): Penalties => {
  const { n, m, dims, dist, dur } = inst;
  let maxDist = 0;
  let sumDist = 0;
  let sumDur = 0;
  for (let k = 0; k < m * m; k++) {
    maxDist = Math.max(maxDist, dist[k]);
    sumDist += dist[k];
    sumDur += dur[k];
  }
  const cd = inst.costDist[0];
  // With a fixed cost per vehicle, dropping a route must not be cheaper than the violation it causes.
  const fixed = Math.max(0, inst.fixedCost[0]);
  const load = new Float64Array(dims);
  for (let d = 0; d < dims; d++) {
    let maxDemand = 0;
    for (let c = 0; c < n; c++) {
      maxDemand = Math.max(maxDemand, inst.delivery[c * dims + d], inst.pickup[c * dims + d]);
    }
    load[d] = maxDemand > 0 ? Math.max(1e-3, Math.min(1e5, (cd * maxDist + fixed) / maxDemand)) : 1;
  }
  const meanDur = sumDur / Math.max(1, m * m - m);
  const perSecond =
    sumDur > 0 ? (cd * sumDist) / sumDur + inst.costDur[0] + fixed / Math.max(meanDur, 1e-9) : 1;
  return { load, timeWarp: Math.max(perSecond, 1e-6), skill: Math.max(1, cd * maxDist * 10) };
};

/** `initial`: routes to start from (educated and added first), e.g. a plan with one route removed. */
export const runHgs = async (
  inst: Instance,
  options: SolveOptions,
  initial?: number[][],
): Promise<HgsResult> => {
  const params = { ...DEFAULT_PARAMS, ...options.params };
  const clock = options.clock ?? (() => performance.now());
  const t0 = clock();
  const elapsed = () => clock() - t0;
  const timeLimit = options.timeLimitMs ?? 10_000;
  const maxIter = options.maxIterations ?? Number.POSITIVE_INFINITY;
  const maxNoImp = options.maxIterationsNoImprovement ?? Number.POSITIVE_INFINITY;
  const rng = new Prng(options.seed ?? 1);
  const evaluator = new Evaluator(inst);
  const ls = new LocalSearch(inst, nearestNeighbours(inst, params.granularity), params.swapStar);
  const splitter = new Splitter(inst, clientSegments(inst), depotSegments(inst));
  const pen = initialPenalties(inst);
  const costOf = (ind: Individual) => penalisedCost(ind, pen.load, pen.timeWarp, pen.skill);
  const pop = new Population(params, costOf);
  const history: HgsResult['history'] = [];
  let best: Individual | null = null;
  let fallback: Individual | null = null;
  let fallbackCost = Number.POSITIVE_INFINITY;
  let iter = 0;
  let noImprove = 0;
  let lastYield = elapsed();
  const loadOk: boolean[] = [];
  const warpOk: boolean[] = [];
  const stopped = () =>
    options.signal?.aborted === true || elapsed() >= timeLimit || iter >= maxIter || noImprove >= maxNoImp;

  const educate = (routes: number[][]): Individual => {
    const ind = evaluator.build(ls.run(routes, pen, rng));
    loadOk.push(ind.excess.every((e) => e <= 1e-7));
    warpOk.push(ind.warp <= 1e-7);
    let result = ind;
    if (!ind.feasible && rng.float() < params.repairProbability) {
      for (const factor of [10, 100]) {
        const strong: Penalties = {
          load: pen.load.map((p) => p * factor),
          timeWarp: pen.timeWarp * factor,
          skill: pen.skill * factor,
        };
        const repaired = evaluator.build(ls.run(result.routes, strong, rng));
        if (repaired.feasible) return repaired;
        result = ind;
      }
    }
    return result;
  };

  const consider = (ind: Individual): boolean => {
    pop.add(ind);
    if (ind.feasible && (best === null || ind.cost < best.cost - 1e-9)) {
      best = ind;
      history.push({ elapsedMs: elapsed(), cost: ind.cost, vehicles: ind.nRoutes });
      options.onProgress?.({
        elapsedMs: elapsed(),
        iteration: iter,
        cost: ind.cost,
        vehicles: ind.nRoutes,
        feasible: true,
      });
      return true;
    }
    const c = costOf(ind);
    if (c < fallbackCost) {
      fallback = ind;
      fallbackCost = c;
    }
    return false;
  };

  const managePenalties = () => {
    const adjust = (share: number, p: number) => {
      if (share < params.targetFeasible - 0.05) return Math.min(1e9, p * 1.2);
      if (share > params.targetFeasible + 0.05) return Math.max(1e-6, p * 0.85);
      return p;
    };
    const shareOf = (xs: boolean[]) => xs.filter(Boolean).length / Math.max(1, xs.length);
    const loadShare = shareOf(loadOk);
    for (let d = 0; d < pen.load.length; d++) pen.load[d] = adjust(loadShare, pen.load[d]);
    pen.timeWarp = adjust(shareOf(warpOk), pen.timeWarp);
    loadOk.length = 0;
    warpOk.length = 0;
    pop.setCost(costOf);
  };

  const initialise = async () => {
    const tour = Int32Array.from({ length: inst.n }, (_, i) => i);
    // started from a given plan (e.g. a tight fleet after route elimination): fewer random members
    const count = (initial === undefined ? 4 : 1) * params.minPopulation;
    for (let k = 0; k < count && !stopped(); k++) {
      rng.shuffle(tour);
      consider(educate(splitter.split(tour, pen)));
      if (elapsed() - lastYield > 20) {
        await yieldToEventLoop();
        lastYield = elapsed();
      }
    }
  };

  if (initial !== undefined && inst.n > 0) {
    const used = initial.filter((r) => r.length > 0);
    if (used.length <= inst.nSlots)
      consider(educate(Array.from({ length: inst.nSlots }, (_, r) => used[r] ?? [])));
  }
  await initialise();
  const child = new Int32Array(inst.n);
  const seen = new Uint8Array(inst.n);
  while (!stopped() && inst.n > 0) {
    iter++;
    const p1 = pop.select(rng);
    const p2 = pop.select(rng);
    orderCrossover(p1.giantTour, p2.giantTour, child, seen, rng);
    if (consider(educate(splitter.split(child, pen)))) noImprove = 0;
    else noImprove++;
    if (iter % 100 === 0) managePenalties();
    if (noImprove > 0 && noImprove % params.restartAfter === 0) {
      pop.clear();
      await initialise();
    }
    if (elapsed() - lastYield > 20) {
      await yieldToEventLoop();
      lastYield = elapsed();
    }
  }
  if (fallback === null) fallback = best ?? evaluator.build(Array.from({ length: inst.nSlots }, () => []));
  return { best, fallback, iterations: iter, elapsedMs: elapsed(), history };
};

/** OX crossover: a random slice of p1, the rest in p2's order after the slice. */
const orderCrossover = (
  p1: Int32Array,
  p2: Int32Array,
  child: Int32Array,
  seen: Uint8Array,
  rng: Prng,
): void => {
  const n = p1.length;
  if (n < 2) {
    child.set(p1);
    return;
  }
  const start = rng.int(n);
  let end = rng.int(n);
  while (end === start) end = rng.int(n);
  seen.fill(0);
  for (let k = start; k !== (end + 1) % n; k = (k + 1) % n) {
    child[k] = p1[k];
    seen[p1[k]] = 1;
  }
  let w = (end + 1) % n;
  for (let k = 1; k <= n; k++) {
    const c = p2[(end + k) % n];
    if (seen[c]) continue;
    child[w] = c;
    w = (w + 1) % n;
  }
};
