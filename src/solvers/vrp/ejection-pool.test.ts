import { describe, expect, it } from 'vitest';
import { EjectionPool } from './ejection-pool';
import { checkSolution } from './feasibility';
import { eliminateByEjectionPool, fleetLowerBound, squeezePenalties } from './fleet-min';
import { Evaluator } from './individual';
import { compileProblem, type Instance } from './instance';
import { LocalSearch } from './local-search';
import { nearestNeighbours } from './neighbours';
import { Prng } from './prng';
import { toSolution } from './result';
import { RouteState } from './route-state';
import { solveVrp } from './solve';
import { bruteForceOptimum, randomProblem } from './testing';

const withSlots = (inst: Instance, slots: number): Instance => ({
  ...inst,
  nSlots: slots,
  slotType: new Int32Array(slots),
});

/** One route per client: always feasible once unreachable stops are set aside. */
const singletons = (inst: Instance) => Array.from({ length: inst.nSlots }, (_, r) => (r < inst.n ? [r] : []));

const meta = { iterations: 0, elapsedMs: 0, history: [] };

describe('ejection pool route elimination (Nagata & Bräysy)', () => {
  it('removes one route at a time and every plan stays feasible (independent checker)', async () => {
    const p = randomProblem({
      stops: 40,
      seed: 21,
      windows: true,
      capacity: 40,
      fixedCost: 5000,
      horizon: 1200,
    });
    const { inst } = compileProblem(p);
    const neighbours = nearestNeighbours(inst, 20);
    const evaluator = new Evaluator(inst);
    const rng = new Prng(5);
    let routes = singletons(inst).filter((r) => r.length > 0);
    const start = routes.length;
    for (let step = 0; step < 15; step++) {
      const small = withSlots(inst, routes.length - 1);
      const pool = new EjectionPool(
        small,
        new RouteState(small),
        new LocalSearch(small, neighbours, false),
        neighbours,
        squeezePenalties(inst),
      );
      const out = await pool.deleteRoute(
        routes,
        rng,
        (it) => it > 20_000,
        () => undefined,
      );
      expect(out).not.toBeNull();
      const next = out!.filter((r) => r.length > 0);
      expect(next.length).toBeLessThan(routes.length);
      expect(
        next
          .flat()
          .sort((a, b) => a - b)
          .join(),
      ).toBe(Array.from({ length: inst.n }, (_, c) => c).join());
      const padded = [...next, ...Array.from({ length: inst.nSlots - next.length }, () => [])];
      expect(evaluator.build(padded).feasible).toBe(true);
      expect(checkSolution(p, toSolution(p, inst, padded, [], meta)).errors).toEqual([]);
      routes = next;
    }
    expect(routes.length).toBeLessThanOrEqual(start - 15);
  });

  it('reaches the known minimum number of vehicles on small windowed instances', async () => {
    let checked = 0;
    for (let seed = 1; seed <= 12; seed++) {
      // a vehicle costs far more than any distance: the brute-force optimum uses the fewest vehicles
      const fixed = 1e6;
      const p = randomProblem({
        stops: 8,
        seed: 300 + seed,
        windows: true,
        vehicles: 8,
        fixedCost: fixed,
        capacity: 20,
        horizon: 600,
      });
      const optimum = bruteForceOptimum(p);
      if (!Number.isFinite(optimum)) continue;
      const minimum = Math.floor(optimum / fixed);
      const { inst } = compileProblem(p);
      if (inst.n < 8) continue;
      const start = new Evaluator(inst).build(singletons(inst));
      const best = await eliminateByEjectionPool(
        inst,
        { seed, maxIterations: 400 },
        start,
        Number.POSITIVE_INFINITY,
        Number.POSITIVE_INFINITY,
        () => {},
        () => {},
      );
      expect(best.feasible).toBe(true);
      expect(best.nRoutes).toBe(minimum);
      expect(checkSolution(p, toSolution(p, inst, best.routes, [], meta)).errors).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it('stops at the capacity lower bound', async () => {
    // no windows, 12 stops of demand ≤ 10 and capacity 60: the lower bound is reachable
    const p = randomProblem({ stops: 12, seed: 9, vehicles: 12, fixedCost: 1e5, capacity: 60 });
    const { inst } = compileProblem(p);
    const lb = fleetLowerBound(inst);
    const best = await eliminateByEjectionPool(
      inst,
      { seed: 2, maxIterations: 200 },
      new Evaluator(inst).build(singletons(inst)),
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      () => {},
      () => {},
    );
    expect(best.nRoutes).toBe(lb);
    expect(checkSolution(p, toSolution(p, inst, best.routes, [], meta)).errors).toEqual([]);
  });

  it('in a solve: progress only improves, ends at the returned plan, and an abort stops it', async () => {
    const p = randomProblem({
      stops: 60,
      seed: 13,
      windows: true,
      capacity: 40,
      fixedCost: 5000,
      horizon: 1500,
    });
    const points: { cost: number; vehicles: number }[] = [];
    const s = await solveVrp(p, {
      seed: 4,
      timeLimitMs: 20_000,
      maxIterations: 300,
      onProgress: (e) => points.push({ cost: e.cost, vehicles: e.vehicles }),
    });
    expect(checkSolution(p, s).errors).toEqual([]);
    expect(s.unassigned).toEqual([]);
    expect(points.length).toBeGreaterThan(1);
    for (let k = 1; k < points.length; k++) expect(points[k].cost).toBeLessThan(points[k - 1].cost);
    expect(points.at(-1)?.vehicles).toBe(s.vehicles);
    expect(s.history.at(-1)?.cost).toBeCloseTo(s.cost, 6);
    expect(s.vehicles).toBeLessThan(points[0].vehicles);

    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = performance.now();
    const cut = await solveVrp(p, { seed: 4, timeLimitMs: 60_000, signal: controller.signal });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(checkSolution(p, cut).errors).toEqual([]);
  });
});
