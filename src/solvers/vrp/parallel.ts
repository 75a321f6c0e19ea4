/**
 * Two seeds at once (`SolveOptions.threads: 2`): the calling thread solves with `seed`, a worker
 * thread (node:worker_threads, the solver's TypeScript loaded through tsx as in platform/jobs) solves
 * with `seed + 1`, and the better plan is kept (fewer unassigned stops, then lower cost; the calling
 * thread's on a tie), so `maxIterations` runs stay deterministic. The worker gets the budget left when
 * it is ready; abort reaches it by message. If the worker cannot start or fails, the calling thread's
 * plan is returned alone. Solvers may not import platform code (STYLE), hence this small wrapper.
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SolveOptions, VrpProblem, VrpSolution } from './model';

export type WorkerRequest = { type: 'start'; timeLimitMs: number } | { type: 'abort' };
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'progress'; cost: number; vehicles: number; elapsedMs: number; iteration: number }
  | { type: 'done'; solution: VrpSolution }
  | { type: 'error'; message: string };

export interface WorkerInput {
  problem: VrpProblem;
  options: Pick<SolveOptions, 'seed' | 'maxIterations' | 'maxIterationsNoImprovement' | 'params'>;
}

const tsxLoader = (): string | null => {
  try {
    return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  } catch {
    return null;
  }
};

/** The better of two plans: fewer unassigned stops, then lower cost; `a` on a tie. */
export const better = (a: VrpSolution, b: VrpSolution | null): VrpSolution =>
  b !== null &&
  (b.unassigned.length < a.unassigned.length ||
    (b.unassigned.length === a.unassigned.length && b.cost < a.cost - 1e-9))
    ? b
    : a;

export const solveTwoSeeds = async (
  problem: VrpProblem,
  options: SolveOptions,
  solveOne: (p: VrpProblem, o: SolveOptions) => Promise<VrpSolution>,
): Promise<VrpSolution> => {
  const clock = options.clock ?? (() => performance.now());
  const t0 = clock();
  const budget = options.timeLimitMs ?? 10_000;
  const seed = options.seed ?? 1;
  let bestReported = Number.POSITIVE_INFINITY;
  const report = options.onProgress;
  const onProgress: SolveOptions['onProgress'] = report
    ? (p) => {
        if (p.feasible && p.cost < bestReported) {
          bestReported = p.cost;
          report(p);
        }
      }
    : undefined;
  const other = runWorker(
    {
      problem,
      options: {
        seed: seed + 1,
        maxIterations: options.maxIterations,
        maxIterationsNoImprovement: options.maxIterationsNoImprovement,
        params: options.params,
      },
    },
    () => Math.max(0, budget - (clock() - t0)),
    options.signal,
    (p) => onProgress?.({ ...p, feasible: true }),
  );
  const mine = await solveOne(problem, { ...options, onProgress, threads: 1 });
  const theirs = await other.result(options.maxIterations === undefined ? 2_000 : 60_000);
  const winner = better(mine, theirs);
  return {
    ...winner,
    iterations: mine.iterations + (theirs?.iterations ?? 0),
    elapsedMs: Math.max(mine.elapsedMs, clock() - t0),
  };
};

interface RunningWorker {
  /** The worker's plan, or null if it failed or is not done `graceMs` after this call. */
  result(graceMs: number): Promise<VrpSolution | null>;
}

const runWorker = (
  input: WorkerInput,
  remainingMs: () => number,
  signal: AbortSignal | undefined,
  onProgress: (p: { cost: number; vehicles: number; elapsedMs: number; iteration: number }) => void,
): RunningWorker => {
  const loader = tsxLoader();
  if (loader === null) return { result: async () => null };
  let worker: Worker;
  try {
    worker = new Worker(new URL('./solve-worker.ts', import.meta.url), {
      workerData: input,
      execArgv: ['--import', loader],
    });
  } catch {
    return { result: async () => null };
  }
  const abort = () => worker.postMessage({ type: 'abort' } satisfies WorkerRequest);
  signal?.addEventListener('abort', abort, { once: true });
  const done = new Promise<VrpSolution | null>((resolve) => {
    worker.on('message', (msg: WorkerReply) => {
      if (msg.type === 'ready') {
        worker.postMessage({ type: 'start', timeLimitMs: remainingMs() } satisfies WorkerRequest);
        if (signal?.aborted) abort();
      } else if (msg.type === 'progress') onProgress(msg);
      else if (msg.type === 'done') resolve(msg.solution);
      else resolve(null);
    });
    worker.on('error', () => resolve(null));
    worker.on('exit', () => resolve(null));
  });
  return {
    async result(graceMs) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<null>((resolve) => {
        timer = setTimeout(() => {
          abort();
          // the worker returns its best plan once it sees the abort; after that, give up on it
          timer = setTimeout(() => resolve(null), 1_000);
        }, graceMs);
      });
      const out = await Promise.race([done, timeout]);
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      await worker.terminate();
      return out;
    },
  };
};
