import { runWithFleetMinimisation, wantsFleetMinimisation } from './fleet-min';
import { runHgs } from './hgs';
import { compileProblem } from './instance';
import type { SolveOptions, VrpProblem, VrpSolution } from './model';
import { solveTwoSeeds } from './parallel';
import { repairByRemoval, toSolution } from './result';

/**
 * Plans routes for `problem`. Plain data in and out, so it runs as well in a worker thread; yields to
 * the event loop every ~20 ms so `signal` can stop it (the best solution so far is returned).
 */
export const solveVrp = async (problem: VrpProblem, options: SolveOptions = {}): Promise<VrpSolution> =>
  options.threads === 2 ? solveTwoSeeds(problem, options, solveOne) : solveOne(problem, options);

const solveOne = async (problem: VrpProblem, options: SolveOptions): Promise<VrpSolution> => {
  const { inst, unassigned } = compileProblem(problem);
  const result =
    options.params?.fleetMinimisation !== false && wantsFleetMinimisation(inst)
      ? await runWithFleetMinimisation(inst, options)
      : await runHgs(inst, options);
  const meta = { iterations: result.iterations, elapsedMs: result.elapsedMs, history: result.history };
  if (result.best !== null) return toSolution(problem, inst, result.best.routes, unassigned, meta);
  const { routes, removed } = repairByRemoval(inst, result.fallback);
  const extra = removed.map((c) => ({ stop: inst.stopOf[c], reason: 'fleet_exhausted' as const }));
  return toSolution(problem, inst, routes, [...unassigned, ...extra], meta);
};
