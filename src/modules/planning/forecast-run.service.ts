import { recordAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import { type Db, inTransaction } from '../../platform/db';
import { type Lang, t } from '../../platform/i18n/i18n';
import { runCpuTask } from '../../platform/jobs/cpu-pool';
import { AppError } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { businessDayOf } from '../../platform/time/calendar';
import { storeBacktest } from './backtest.store';
import { plusDays } from './days';
import { listSeriesRefs, loadDays, type SeriesRef } from './demand.repo';
import { dailySeries } from './demand-series';
import type { SeriesForecast, SeriesTask } from './forecast.compute';
import type { ForecastBatchInput, ForecastBatchOutput } from './forecast.worker';
import type { PlanningDeps, PlanningSku } from './planning.deps';
import { json, planningDb, type RunKind } from './planning.tables';
import { listPromotions, type Promotion } from './promotion.service';

const WORKER = new URL('./forecast.worker.ts', import.meta.url);
/** Series per worker task: small enough for smooth progress, large enough to amortise the messaging. */
const CHUNK = 25;

export interface RunRequest {
  kind: RunKind;
  skuIds?: string[] | null;
  warehouseIds?: string[] | null;
  /** Forecast: days ahead (default 90). Backtest: days per origin (default 28). */
  horizon: number;
  /** Backtest origins (default 4). */
  origins?: number;
  /** Days of history used (default 730). */
  historyDays?: number;
  /** Last day of history; default yesterday in the business time zone. */
  asOf?: string | null;
}

export interface RunContext {
  actor: Actor;
  lang: Lang;
  now: Date;
  jobId: string | null;
  /** Warehouses the requester may plan (null = all). */
  warehouseScope: string[] | null;
  signal?: AbortSignal;
  onProgress?: (fraction: number, message: string) => void;
}

export interface RunSummary {
  runId: string;
  kind: RunKind;
  asOf: string;
  horizon: number;
  origins: number | null;
  series: number;
  forecast: number;
  failed: number;
  /** Series with no history in the window (nothing to forecast). */
  empty: number;
  elapsedMs: number;
  /** Compute time in the worker threads per 1,000 series, ms (wall time there: includes waiting for a busy CPU). */
  msPer1000: number | null;
  failures: { skuId: string; warehouseId: string; error: string }[];
  /** Backtest: accuracy over all series. */
  overall?: { mase: number | null; wape: number | null; bias: number | null } | null;
}

export const defaultAsOf = (now: Date, timeZone?: string) => plusDays(businessDayOf(now, timeZone), -1);

/** The promotions that apply to a series, as forecaster events (name = id) and planner uplifts. */
export function promotionsFor(promotions: readonly Promotion[], skuId: string, warehouseId: string) {
  const mine = promotions.filter(
    (p) =>
      (!p.skuIds || p.skuIds.includes(skuId)) && (!p.warehouseIds || p.warehouseIds.includes(warehouseId)),
  );
  return {
    promotions: mine.map((p) => ({ name: p.id, start: p.startDay, end: p.endDay })),
    upliftOverrides: Object.fromEntries(
      mine.filter((p) => p.expectedUplift !== null).map((p) => [p.id, p.expectedUplift as number]),
    ),
  };
}

/** The series a request covers, within the requester's warehouses. */
export async function selectSeries(
  db: Db,
  req: Pick<RunRequest, 'skuIds' | 'warehouseIds'>,
  scope: string[] | null,
): Promise<SeriesRef[]> {
  let warehouses = req.warehouseIds ?? null;
  if (scope) {
    if (warehouses?.some((w) => !scope.includes(w)))
      throw new AppError('forbidden', 'planning.warehouse_out_of_scope');
    warehouses ??= scope;
  }
  return listSeriesRefs(db, { skuIds: req.skuIds ?? undefined, warehouseIds: warehouses });
}

/**
 * A forecast or backtest run: read the histories, compute in the worker pool (pure, CPU-heavy),
 * store the results. Forecasts replace each series' previous forecast; a backtest stores accuracy
 * per series and per group. Cancellation stops between batches (and terminates the running batch).
 */
export async function runPlanning(
  db: Db,
  deps: PlanningDeps,
  req: RunRequest,
  ctx: RunContext,
): Promise<RunSummary> {
  const started = performance.now();
  const asOf = req.asOf ?? defaultAsOf(ctx.now, deps.timeZone);
  const historyDays = req.historyDays ?? 730;
  const origins = req.kind === 'backtest' ? (req.origins ?? 4) : null;
  const report = (fraction: number, code: string, params: Record<string, unknown> = {}) =>
    ctx.onProgress?.(fraction, t(ctx.lang, code, params));
  report(0, 'planning.run.progress.loading');
  const refs = await selectSeries(db, req, ctx.warehouseScope);
  // A backtest needs its test windows on top of the history it learns from.
  const window = historyDays + (origins ? origins * req.horizon : 0);
  const from = plusDays(asOf, -window + 1);
  const [days, promotions, skus] = await Promise.all([
    loadDays(
      db,
      refs.map((r) => r.id),
      from,
      asOf,
    ),
    listPromotions(db, { to: plusDays(asOf, req.horizon) }),
    deps.skus(db),
  ]);
  const skuById = new Map(skus.map((s) => [s.id, s]));
  const tasks: SeriesTask[] = [];
  const refByKey = new Map<string, SeriesRef>();
  const historyLength = new Map<string, number>();
  for (const ref of refs) {
    const series = dailySeries(days.get(ref.id) ?? [], asOf, from);
    if (!series) continue;
    const key = String(ref.id);
    refByKey.set(key, ref);
    historyLength.set(key, series.values.length);
    tasks.push({
      key,
      firstDay: series.firstDay,
      values: series.values,
      stockout: series.stockout,
      ...promotionsFor(promotions, ref.skuId, ref.warehouseId),
    });
  }

  const runId = newId();
  await planningDb(db)
    .insertInto('planning.run')
    .values({
      id: runId,
      kind: req.kind,
      job_id: ctx.jobId,
      as_of: asOf,
      horizon: req.horizon,
      origins,
      params: json({ skuIds: req.skuIds ?? null, warehouseIds: req.warehouseIds ?? null, historyDays }),
      series_count: tasks.length,
      failed_count: 0,
      elapsed_ms: 0,
      ms_per_1000: null,
      summary: null,
      created_by_name: ctx.actor.name,
      created_at: ctx.now,
    })
    .execute();

  const pool = deps.cpuPool();
  const lanes = Math.max(1, Math.min(4, pool.maxThreads));
  const chunks: SeriesTask[][] = [];
  for (let i = 0; i < tasks.length; i += CHUNK) chunks.push(tasks.slice(i, i + CHUNK));
  const partial = new Map<number, number>();
  let done = 0;
  let computeMs = 0;
  const failures: RunSummary['failures'] = [];
  const backtests: ForecastBatchOutput['backtests'] = [];
  const progress = () => {
    const current = done + [...partial.values()].reduce((a, b) => a + b, 0);
    report(0.02 + (0.93 * current) / Math.max(1, tasks.length), 'planning.run.progress.series', {
      done: Math.floor(current),
      total: tasks.length,
    });
  };
  let next = 0;
  const lane = async () => {
    while (next < chunks.length) {
      ctx.signal?.throwIfAborted();
      const index = next++;
      const chunk = chunks[index];
      const input: ForecastBatchInput =
        req.kind === 'forecast'
          ? { mode: 'forecast', horizon: req.horizon, series: chunk }
          : { mode: 'backtest', horizon: req.horizon, origins: origins ?? 4, series: chunk };
      const out = await runCpuTask<ForecastBatchInput, ForecastBatchOutput>(pool, WORKER, input, {
        signal: ctx.signal,
        onProgress: (fraction) => {
          partial.set(index, fraction * chunk.length);
          progress();
        },
      });
      partial.delete(index);
      done += chunk.length;
      computeMs += out.computeMs;
      for (const f of out.failed) {
        const ref = refByKey.get(f.key)!;
        failures.push({ skuId: ref.skuId, warehouseId: ref.warehouseId, error: f.error.slice(0, 300) });
      }
      if (req.kind === 'forecast')
        await storeForecasts(db, out.forecasts, {
          refByKey,
          skuById,
          historyLength,
          runId,
          asOf,
          now: ctx.now,
        });
      else backtests.push(...out.backtests);
      progress();
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, chunks.length) }, lane));

  let overall: RunSummary['overall'] = null;
  if (req.kind === 'backtest') {
    report(0.96, 'planning.run.progress.storing');
    overall = await storeBacktest(db, { runId, asOf, results: backtests, refByKey, skuById });
  }
  const elapsedMs = Math.round(performance.now() - started);
  const summary: RunSummary = {
    runId,
    kind: req.kind,
    asOf,
    horizon: req.horizon,
    origins,
    series: refs.length,
    forecast: tasks.length - failures.length,
    failed: failures.length,
    empty: refs.length - tasks.length,
    elapsedMs,
    msPer1000: tasks.length ? Math.round((computeMs / tasks.length) * 1000) : null,
    failures: failures.slice(0, 50),
    overall,
  };
  await inTransaction(db, async (trx) => {
    await planningDb(trx)
      .updateTable('planning.run')
      .set({
        series_count: tasks.length,
        failed_count: failures.length,
        elapsed_ms: elapsedMs,
        ms_per_1000: summary.msPer1000,
        summary: json(summary),
      })
      .where('id', '=', runId)
      .execute();
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: 'run',
        entity: 'planning.run',
        entityId: runId,
        summary: `${req.kind}: ${summary.forecast} series as of ${asOf}, ${summary.msPer1000 ?? 0} ms / 1000 series`,
        after: { ...summary, failures: undefined },
      },
      ctx.now,
    );
  });
  report(1, 'planning.run.progress.done', {
    series: summary.forecast,
    failed: summary.failed,
    seconds: (elapsedMs / 1000).toFixed(1),
  });
  return summary;
}

async function storeForecasts(
  db: Db,
  forecasts: readonly SeriesForecast[],
  c: {
    refByKey: ReadonlyMap<string, SeriesRef>;
    skuById: ReadonlyMap<string, PlanningSku>;
    historyLength: ReadonlyMap<string, number>;
    runId: string;
    asOf: string;
    now: Date;
  },
) {
  if (!forecasts.length) return;
  const { refByKey, skuById, runId, asOf, now } = c;
  const rows = forecasts.map((f) => {
    const ref = refByKey.get(f.key)!;
    return {
      sku_id: ref.skuId,
      warehouse_id: ref.warehouseId,
      merchant_id: skuById.get(ref.skuId)?.merchantId ?? null,
      run_id: runId,
      as_of: asOf,
      first_day: f.firstDay,
      method: f.method,
      history_days: c.historyLength.get(f.key) ?? 0,
      mean: json(f.mean),
      p10: json(f.p10),
      p50: json(f.p50),
      p90: json(f.p90),
      events: json(f.events),
      generated_at: now,
    };
  });
  await planningDb(db)
    .insertInto('planning.forecast')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['sku_id', 'warehouse_id']).doUpdateSet((eb) => ({
        merchant_id: eb.ref('excluded.merchant_id'),
        run_id: eb.ref('excluded.run_id'),
        as_of: eb.ref('excluded.as_of'),
        first_day: eb.ref('excluded.first_day'),
        method: eb.ref('excluded.method'),
        history_days: eb.ref('excluded.history_days'),
        mean: eb.ref('excluded.mean'),
        p10: eb.ref('excluded.p10'),
        p50: eb.ref('excluded.p50'),
        p90: eb.ref('excluded.p90'),
        events: eb.ref('excluded.events'),
        generated_at: eb.ref('excluded.generated_at'),
      })),
    )
    .execute();
}
