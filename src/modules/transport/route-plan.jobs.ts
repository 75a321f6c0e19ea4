import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { Db } from '../../platform/db/database';
import { type Lang, t } from '../../platform/i18n/i18n';
import { JobAbortedError, type JobContext } from '../../platform/jobs';
import { AppError } from '../../platform/lib/errors';
import { checkSolution, type SolveProgress, solveVrp } from '../../solvers/vrp';
import { buildRoutePlanProblem } from './route-plan.problem';
import { describeSolution, type RoutePlanResult } from './route-plan.result';
import { type RoutePlan, routePlanBody } from './route-plan.schemas';
import type { ProgressPoint } from './route-plan.table';
import { transportDb } from './route-plan.table';

export const ROUTE_PLAN_JOB = 'transport.route_plan';
/** How often a running plan writes its progress series and picks up "finish now". */
const TICK_MS = 500;

/** What `POST /api/route-plans` stores in the job: the plan row, the validated plan and the language. */
export const routePlanPayload = z.object({
  planId: z.uuid().optional(),
  plan: routePlanBody,
  lang: z.enum(['zh-CN', 'en']),
});
export type RoutePlanPayload = z.input<typeof routePlanPayload>;

const yuan = (fen: number) => (fen / 100).toFixed(2);

export interface RunRoutePlanOptions {
  lang: Lang;
  /** Stops the search; the best plan found so far is returned. */
  signal?: AbortSignal;
  /** Cancels: the run throws instead of returning. */
  cancelSignal?: AbortSignal;
  onProgress?: (fraction: number, message: string, progress: SolveProgress) => void;
}

/** Solve a Wayline plan, check it with the independent checker and describe it. */
export async function runRoutePlan(plan: RoutePlan, options: RunRoutePlanOptions): Promise<RoutePlanResult> {
  const problem = await buildRoutePlanProblem(plan);
  const limitMs = plan.timeLimitSeconds * 1000;
  const signal =
    options.signal && options.cancelSignal
      ? AbortSignal.any([options.signal, options.cancelSignal])
      : (options.signal ?? options.cancelSignal);
  const solution = await solveVrp(problem, {
    seed: plan.seed ?? 1,
    timeLimitMs: limitMs,
    signal,
    onProgress: (p) =>
      options.onProgress?.(
        Math.min(0.99, p.elapsedMs / limitMs),
        t(options.lang, 'transport.route_plan.progress', { cost: yuan(p.cost), vehicles: p.vehicles }),
        p,
      ),
  });
  options.cancelSignal?.throwIfAborted();
  const report = checkSolution(problem, solution);
  if (!report.feasible) {
    throw new AppError('unprocessable', 'transport.route_plan.infeasible', {
      errors: report.errors.slice(0, 5).join('; '),
    });
  }
  return describeSolution(problem, solution, options.lang, report.feasible, plan);
}

/**
 * Keeps the plan row up to date while the solver runs: progress and the best-cost series every
 * `TICK_MS` (one write at a time, never overtaking), and "finish now" read back from the same write.
 */
function planTracker(db: Db, planId: string, limitMs: number, onFinishRequested: () => void) {
  const table = () => transportDb(db).updateTable('transport.route_plan').where('id', '=', planId);
  const series: ProgressPoint[] = [];
  const t0 = performance.now();
  let written = -1;
  let chain: Promise<unknown> = Promise.resolve();
  const fraction = () => Math.min(0.99, (performance.now() - t0) / limitMs);
  const flush = () => {
    const points = series.length === written ? undefined : JSON.stringify(series);
    written = series.length;
    chain = chain
      .then(() =>
        table()
          .set({ progress: fraction(), ...(points ? { progress_series: points } : {}) })
          .returning('stop_requested')
          .executeTakeFirst(),
      )
      .then((row) => {
        if (row?.stop_requested) onFinishRequested();
      })
      .catch(() => {
        // Progress is best effort; the final write below reports failures.
      });
  };
  const timer = setInterval(flush, TICK_MS);
  return {
    fraction,
    point(p: SolveProgress) {
      series.push({ elapsedMs: Math.round(p.elapsedMs), costFen: Math.round(p.cost), vehicles: p.vehicles });
    },
    async start(now: Date) {
      await table()
        .set({
          status: 'running',
          started_at: now,
          finished_at: null,
          progress: 0,
          progress_series: '[]',
          stop_requested: false,
        })
        .execute();
    },
    async stop() {
      clearInterval(timer);
      await chain;
    },
    table,
  };
}

async function runRoutePlanJob(ctx: JobContext): Promise<RoutePlanResult> {
  const payload = routePlanPayload.parse(ctx.job.payload);
  const plan = payload.plan;
  const finish = new AbortController();
  const tracker = payload.planId
    ? planTracker(ctx.db, payload.planId, plan.timeLimitSeconds * 1000, () => finish.abort())
    : null;
  await tracker?.start(ctx.now());
  let message = t(payload.lang, 'transport.route_plan.searching');
  // The job's own progress moves with the clock too, not only when a better plan is found.
  const ticker = setInterval(() => {
    if (tracker) ctx.progress(tracker.fraction(), message);
  }, TICK_MS);
  try {
    const result = await runRoutePlan(plan, {
      lang: payload.lang,
      signal: finish.signal,
      cancelSignal: ctx.signal,
      onProgress: (fraction, text, p) => {
        tracker?.point(p);
        message = text;
        ctx.progress(fraction, text);
      },
    });
    clearInterval(ticker);
    await tracker?.stop();
    await tracker
      ?.table()
      .set({
        status: 'succeeded',
        progress: 1,
        progress_series: JSON.stringify(result.history),
        result: JSON.stringify(result),
        vehicles_used: result.totals.vehicles,
        distance_m: result.totals.distanceM,
        cost_fen: result.totals.costFen,
        unassigned_count: result.totals.unassigned,
        finished_at: ctx.now(),
      })
      .execute();
    ctx.progress(
      1,
      t(payload.lang, 'transport.route_plan.progress', {
        cost: yuan(result.totals.costFen),
        vehicles: result.totals.vehicles,
      }),
    );
    return result;
  } catch (error) {
    clearInterval(ticker);
    await tracker?.stop();
    const reason = ctx.signal.reason instanceof JobAbortedError ? ctx.signal.reason.reason : null;
    // Another worker owns the job now; it keeps the row up to date.
    if (reason === 'lost') throw error;
    const lastAttempt = ctx.job.attempts >= ctx.job.maxAttempts;
    const status =
      reason === 'cancelled'
        ? 'cancelled'
        : reason === 'shutdown' || (!(error instanceof AppError) && !lastAttempt)
          ? 'queued'
          : 'failed';
    await tracker
      ?.table()
      .set({ status, ...(status === 'queued' ? {} : { finished_at: ctx.now() }) })
      .execute()
      .catch(() => undefined);
    throw error;
  }
}

/** Job handlers by kind for the platform job runner. */
export const transportJobHandlers: Record<string, (ctx: JobContext) => Promise<unknown>> = {
  [ROUTE_PLAN_JOB]: runRoutePlanJob,
};
