import { describe, expect, it } from 'vitest';
import { checkSolution } from './feasibility';
import { eliminateShortest } from './fleet-min';
import { compileProblem } from './instance';
import type { SolveOptions, VrpProblem } from './model';
import { solveVrp } from './solve';
import { randomProblem } from './testing';

const solveChecked = async (p: VrpProblem, o: SolveOptions) => {
  const s = await solveVrp(p, { timeLimitMs: 20_000, ...o });
  expect(checkSolution(p, s).errors).toEqual([]);
  expect(s.unassigned).toEqual([]);
  return s;
};

describe('route minimisation (vehicles first)', () => {
  it('eliminateShortest drops the shortest route and keeps every client once', () => {
    const { inst } = compileProblem(randomProblem({ stops: 12, seed: 4 }));
    const routes = [[0, 1, 2], [], [3], [4, 5, 6, 7], [8, 9, 10, 11]];
    const out = eliminateShortest(inst, routes);
    expect(out).toHaveLength(3);
    expect(out.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('is deterministic and never uses more vehicles than plain HGS', async () => {
    const p = randomProblem({
      stops: 50,
      seed: 8,
      windows: true,
      capacity: 40,
      fixedCost: 2000,
      horizon: 1500,
    });
    const o: SolveOptions = { seed: 3, maxIterations: 400 };
    const a = await solveChecked(p, o);
    const b = await solveChecked(p, o);
    expect(b.routes.map((r) => r.stops)).toEqual(a.routes.map((r) => r.stops));
    const plain = await solveChecked(p, { ...o, params: { fleetMinimisation: false } });
    expect(a.vehicles).toBeLessThanOrEqual(plain.vehicles);
  });
});
