import { describe, expect, it } from 'vitest';
import { checkSolution } from './feasibility';
import type { SolveOptions, VrpProblem, VrpSolution } from './model';
import { solveVrp } from './solve';
import { bruteForceOptimum, randomProblem } from './testing';

const solveChecked = async (p: VrpProblem, o: SolveOptions = {}): Promise<VrpSolution> => {
  const s = await solveVrp(p, { seed: 7, timeLimitMs: 20_000, maxIterations: 300, ...o });
  const report = checkSolution(p, s);
  expect(report.errors).toEqual([]);
  expect(Math.abs(report.distance - s.distanceM)).toBeLessThan(1e-6);
  return s;
};

describe('solveVrp on tiny instances: the brute-force optimum', () => {
  for (let seed = 1; seed <= 12; seed++) {
    it(`CVRP seed ${seed}`, async () => {
      const p = randomProblem({ stops: 5 + (seed % 4), seed, capacity: 15 + (seed % 3) * 5 });
      const s = await solveChecked(p);
      expect(s.unassigned).toEqual([]);
      expect(s.cost).toBeCloseTo(bruteForceOptimum(p), 6);
    });
  }
  for (let seed = 1; seed <= 10; seed++) {
    it(`VRPTW seed ${seed} (fleet limit, fixed cost)`, async () => {
      const p = randomProblem({
        stops: 6 + (seed % 3),
        seed: 100 + seed,
        windows: true,
        vehicles: 4,
        fixedCost: 1000,
        capacity: 30,
      });
      const optimum = bruteForceOptimum(p);
      if (!Number.isFinite(optimum)) return;
      const s = await solveChecked(p);
      expect(s.unassigned).toEqual([]);
      expect(s.cost).toBeCloseTo(optimum, 6);
    });
  }
});

describe('solveVrp behaviour', () => {
  it('is deterministic for a seed', async () => {
    const p = randomProblem({ stops: 40, seed: 3, windows: true, capacity: 40 });
    const a = await solveChecked(p, { maxIterations: 150, seed: 11 });
    const b = await solveChecked(p, { maxIterations: 150, seed: 11 });
    expect(a.routes.map((r) => r.stops)).toEqual(b.routes.map((r) => r.stops));
    expect(a.cost).toBe(b.cost);
  });

  it('stops when cancelled and returns the best plan so far', async () => {
    const p = randomProblem({ stops: 80, seed: 5, windows: true, capacity: 40 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const started = performance.now();
    const s = await solveChecked(p, {
      timeLimitMs: 60_000,
      maxIterations: undefined,
      signal: controller.signal,
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(s.routes.length).toBeGreaterThan(0);
  });

  it('respects a time budget and reports progress', async () => {
    const p = randomProblem({ stops: 60, seed: 9, capacity: 30 });
    const points: number[] = [];
    const s = await solveChecked(p, {
      timeLimitMs: 700,
      maxIterations: undefined,
      onProgress: (e) => points.push(e.cost),
    });
    expect(s.elapsedMs).toBeLessThan(3_000);
    expect(points.length).toBeGreaterThan(0);
    for (let k = 1; k < points.length; k++) expect(points[k]).toBeLessThan(points[k - 1]);
    expect(s.history.at(-1)?.cost).toBeCloseTo(s.cost, 6);
  });

  it('meets time windows on a 60-stop VRPTW', async () => {
    const p = randomProblem({ stops: 60, seed: 21, windows: true, capacity: 50, horizon: 1500 });
    const s = await solveChecked(p, { maxIterations: 200 });
    expect(s.unassigned).toEqual([]);
    for (const r of s.routes) {
      for (const v of r.visits) {
        const [a, b] = p.stops[v.stop].timeWindows![0];
        expect(v.startS).toBeGreaterThanOrEqual(a);
        expect(v.startS).toBeLessThanOrEqual(b);
      }
    }
  });
});
