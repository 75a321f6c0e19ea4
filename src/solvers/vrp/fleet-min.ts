/**
 * Route minimisation for "fewest vehicles first" (homogeneous fleet with a fixed cost): HGS runs on the
 * full fleet for a share of the budget; then, as long as budget remains for it, the fleet is capped at
 * one vehicle fewer than the best feasible plan, the shortest route of that plan is removed and its
 * clients are put back at their cheapest positions (infeasibility allowed, penalised), and HGS searches
 * from there. A feasible plan at the smaller fleet becomes the new best; the last phase continues HGS
 * with the fleet capped at the best count. (The idea of PyVRP's fleet minimisation and of Nagata &
 * Bräysy's route elimination, carried by the penalised HGS.)
 */
import { type HgsResult, runHgs } from './hgs';
import type { Instance } from './instance';
import type { SolveOptions } from './model';

/** Shares of the budget: the first HGS run, and the most the elimination phases may use in all. */
const FIRST_SHARE = 0.2;
const ELIMINATION_SHARE = 0.6;
/** Each elimination attempt gets at most this share of the budget. */
const ATTEMPT_SHARE = 0.12;

export const wantsFleetMinimisation = (inst: Instance): boolean =>
  inst.nTypes === 1 && inst.fixedCost[0] > 0 && inst.n > 2 && inst.emptyCost[0] === 0;

const withSlots = (inst: Instance, slots: number): Instance => ({
  ...inst,
  nSlots: slots,
  slotType: new Int32Array(slots),
});

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
  const phase = async (slots: number, share: number, initial?: number[][]) => {
    const start = clock() - t0;
    const left = total - start;
    const result = await runHgs(
      withSlots(inst, slots),
      {
        ...options,
        timeLimitMs: Math.max(0, Math.min(left, share * total)),
        maxIterations: maxIter === undefined ? undefined : Math.max(1, Math.floor(share * maxIter)),
        onProgress: options.onProgress
          ? (p) =>
              options.onProgress?.({
                ...p,
                elapsedMs: p.elapsedMs + start,
                iteration: iterations + p.iteration,
              })
          : undefined,
      },
      initial,
    );
    iterations += result.iterations;
    for (const h of result.history) history.push({ ...h, elapsedMs: h.elapsedMs + start });
    return result;
  };
  const first = await phase(inst.nSlots, FIRST_SHARE);
  let best = first.best;
  let fallback = first.fallback;
  let used = 0;
  while (best !== null && best.nRoutes > 1 && used + 1e-9 < ELIMINATION_SHARE && !options.signal?.aborted) {
    const share = Math.min(ATTEMPT_SHARE, ELIMINATION_SHARE - used);
    used += share;
    const r = await phase(best.nRoutes - 1, share, eliminateShortest(inst, best.routes));
    if (r.best === null || r.best.nRoutes >= best.nRoutes) break;
    best = r.best;
  }
  if (best !== null) {
    const slots = best.nRoutes;
    const last = await phase(slots, 1 - FIRST_SHARE - used, best.routes);
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
