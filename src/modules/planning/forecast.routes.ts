import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { jobSchema, toJobJson } from '../../platform/jobs';
import { AppError } from '../../platform/lib/errors';
import { accuracyGroups, backtestRun, listRuns, seriesAccuracy } from './accuracy.service';
import { selectSeries } from './forecast-run.service';
import type { PlanningDeps } from './planning.deps';
import { scopeOf, tags, warehouseScopeOf } from './planning.http';
import { PLANNING_RUN_JOB, type RunPayload } from './planning.jobs';
import {
  accuracyQuery,
  accuracySchema,
  runBody,
  runListQuery,
  runSchema,
  seriesAccuracyPage,
  seriesAccuracyQuery,
} from './planning.schemas';

/** Forecast and backtest runs (jobs) and the accuracy they measured. */
export function createForecastRoutes(deps: PlanningDeps) {
  return async function forecastRoutes(app: FastifyInstance): Promise<void> {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.post(
      '/api/planning/runs',
      {
        config: { permission: 'planning.forecast.run' },
        schema: {
          tags,
          summary: 'Forecast (or backtest) every SKU × warehouse with history, or a selection; runs as a job',
          description:
            '`kind=forecast` stores a daily forecast with p10/p50/p90 for `horizon` days (default 90) per series ' +
            'and then refreshes suggestions and alerts; `kind=backtest` forecasts `origins` (default 4) rolling ' +
            'windows of `horizon` days (default 28) from the history before each and stores MASE, WAPE and bias ' +
            'per series and per group. The heavy part runs in worker threads; the result reports the time per ' +
            '1,000 series.',
          body: runBody,
          response: { 202: jobSchema },
        },
      },
      async (request, reply) => {
        const body = request.body;
        const scope = warehouseScopeOf(request);
        const series = await selectSeries(app.db, body, scope);
        if (!series.length) throw new AppError('unprocessable', 'planning.run.nothing_selected');
        const payload: RunPayload = {
          request: {
            kind: body.kind,
            skuIds: body.skuIds ?? null,
            warehouseIds: body.warehouseIds ?? null,
            horizon: body.horizon ?? (body.kind === 'forecast' ? 90 : 28),
            origins: body.kind === 'backtest' ? (body.origins ?? 4) : undefined,
            historyDays: body.historyDays,
            asOf: body.asOf ?? null,
          },
          warehouseScope: scope,
          lang: request.lang,
          actor: request.actor,
        };
        const job = await deps.enqueueJob(app.db, {
          kind: PLANNING_RUN_JOB,
          payload,
          createdBy: request.principal?.userId ?? null,
          merchantId: request.principal?.merchantId ?? null,
          now: app.now(),
        });
        reply.code(202);
        return toJobJson(job, request.lang);
      },
    );

    api.get(
      '/api/planning/runs',
      {
        config: { permission: 'planning.forecast.read' },
        schema: {
          tags,
          summary: 'Recent forecast and backtest runs (series, time per 1,000 series, overall accuracy)',
          querystring: runListQuery,
          response: { 200: z.array(runSchema) },
        },
      },
      async (request) => listRuns(app.db, request.query),
    );

    api.get(
      '/api/planning/accuracy',
      {
        config: { permission: 'planning.forecast.read' },
        schema: {
          tags,
          summary:
            'Accuracy of a backtest (default the latest) overall and by storage class, ABC, merchant, warehouse',
          querystring: accuracyQuery,
          response: { 200: accuracySchema },
        },
      },
      async (request) => {
        const run = await backtestRun(app.db, request.query.runId);
        if (!run) return { run: null, groups: [] };
        const scope = scopeOf(request);
        let groups = await accuracyGroups(app.db, run.id);
        // Scoped users see the groups of their own warehouses (and merchant) only.
        if (scope.warehouseIds || scope.merchantId)
          groups = groups.filter(
            (g) =>
              (g.dimension === 'warehouse' && (!scope.warehouseIds || scope.warehouseIds.includes(g.key))) ||
              (g.dimension === 'merchant' && scope.merchantId === g.key && !scope.warehouseIds),
          );
        return { run, groups };
      },
    );

    api.get(
      '/api/planning/accuracy/series',
      {
        config: { permission: 'planning.forecast.read' },
        schema: {
          tags,
          summary: 'Per-series accuracy of a backtest, least accurate first',
          querystring: seriesAccuracyQuery,
          response: { 200: seriesAccuracyPage },
        },
      },
      async (request) => {
        const { runId, ...rest } = request.query;
        const run = await backtestRun(app.db, runId);
        if (!run) return { items: [], nextCursor: null };
        return seriesAccuracy(app.db, { ...rest, runId: run.id }, scopeOf(request));
      },
    );
  };
}
