import { z } from 'zod';
import { systemActor } from '../../platform/auth/principal';
import type { JobContext } from '../../platform/jobs';
import { businessDayOf } from '../../platform/time/calendar';
import { runDemandImport } from './demand-import.service';
import { runPlanning } from './forecast-run.service';
import type { PlanningDeps } from './planning.deps';
import { FILE_FORMATS } from './planning-sheet';
import { runReview } from './review.service';

export const PLANNING_IMPORT_JOB = 'planning.demand_import';
export const PLANNING_RUN_JOB = 'planning.run';
export const PLANNING_REVIEW_JOB = 'planning.review';

const lang = z.enum(['zh-CN', 'en']).default('zh-CN');
const actor = z
  .object({
    id: z.string().nullable(),
    name: z.string(),
    kind: z.enum(['user', 'token', 'system']),
    requestId: z.string().nullable(),
  })
  .default(systemActor('scheduler'));
const scope = z.array(z.string()).nullable().default(null);

export const importPayload = z.object({
  file: z.string(),
  format: z.enum(FILE_FORMATS),
  mode: z.enum(['validate', 'commit']),
  skipInvalid: z.boolean(),
  warehouseScope: scope,
  lang,
  actor,
});
export type ImportPayload = z.input<typeof importPayload>;

const selection = {
  skuIds: z.array(z.string()).nullable().optional(),
  warehouseIds: z.array(z.string()).nullable().optional(),
};

export const runPayload = z.object({
  request: z.object({
    kind: z.enum(['forecast', 'backtest']),
    ...selection,
    horizon: z.number().int(),
    origins: z.number().int().optional(),
    historyDays: z.number().int().optional(),
    asOf: z.string().nullable().optional(),
  }),
  warehouseScope: scope,
  lang,
  actor,
});
export type RunPayload = z.input<typeof runPayload>;

export const reviewPayload = z.object({
  request: z.object({ ...selection, today: z.string().nullable().optional() }).default({}),
  warehouseScope: scope,
  lang,
  actor,
});
export type ReviewPayload = z.input<typeof reviewPayload>;

/** Job handlers by kind: demand import, forecast / backtest runs, the daily review. */
export function createPlanningJobHandlers(
  deps: PlanningDeps,
): Record<string, (ctx: JobContext) => Promise<unknown>> {
  return {
    async [PLANNING_IMPORT_JOB](ctx) {
      const p = importPayload.parse(ctx.job.payload);
      const [skus, warehouses] = await Promise.all([deps.skus(ctx.db), deps.listWarehouses(ctx.db, null)]);
      const merchantCodes = await deps.merchantCodes(ctx.db, [...new Set(skus.map((s) => s.merchantId))]);
      return runDemandImport(ctx.db, {
        file: Buffer.from(p.file, 'base64'),
        format: p.format,
        mode: p.mode,
        skipInvalid: p.skipInvalid,
        skus,
        warehouses,
        merchantCodes,
        warehouseScope: p.warehouseScope,
        today: businessDayOf(ctx.now(), deps.timeZone),
        actor: p.actor,
        lang: p.lang,
        now: ctx.now(),
        onProgress: (fraction, message) => ctx.progress(fraction, message),
        signal: ctx.signal,
      });
    },

    async [PLANNING_RUN_JOB](ctx) {
      const p = runPayload.parse(ctx.job.payload);
      const base = { actor: p.actor, lang: p.lang, now: ctx.now(), warehouseScope: p.warehouseScope };
      const run = await runPlanning(ctx.db, deps, p.request, {
        ...base,
        jobId: ctx.job.id,
        signal: ctx.signal,
        onProgress: (fraction, message) =>
          ctx.progress(p.request.kind === 'forecast' ? fraction * 0.9 : fraction, message),
      });
      if (p.request.kind !== 'forecast') return { run };
      // Fresh forecasts: bring suggestions and alerts of the same series up to date.
      const review = await runReview(
        ctx.db,
        deps,
        { skuIds: p.request.skuIds, warehouseIds: p.request.warehouseIds },
        { ...base, onProgress: (fraction, message) => ctx.progress(0.9 + fraction * 0.1, message) },
      );
      return { run, review };
    },

    async [PLANNING_REVIEW_JOB](ctx) {
      const p = reviewPayload.parse(ctx.job.payload ?? {});
      const review = await runReview(ctx.db, deps, p.request, {
        actor: p.actor,
        lang: p.lang,
        now: ctx.now(),
        warehouseScope: p.warehouseScope,
        onProgress: (fraction, message) => ctx.progress(fraction, message),
      });
      return { review };
    },
  };
}
