import { sql } from 'kysely';
import type { Db } from '../../platform/db';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { notFound } from '../../platform/lib/errors';
import type { AccuracyDimension } from './backtest.store';
import { type AccuracyRow, idList, planningDb, type RunKind, type RunRow } from './planning.tables';
import type { Scope } from './suggestion.service';

export interface RunView {
  id: string;
  kind: RunKind;
  jobId: string | null;
  asOf: string;
  horizon: number;
  origins: number | null;
  series: number;
  failed: number;
  elapsedMs: number;
  msPer1000: number | null;
  createdBy: string;
  createdAt: string;
  overall: { mase: number | null; wape: number | null; bias: number | null } | null;
}

const toRun = (r: RunRow): RunView => ({
  id: r.id,
  kind: r.kind,
  jobId: r.job_id,
  asOf: r.as_of,
  horizon: r.horizon,
  origins: r.origins,
  series: r.series_count,
  failed: r.failed_count,
  elapsedMs: r.elapsed_ms,
  msPer1000: r.ms_per_1000,
  createdBy: r.created_by_name,
  createdAt: r.created_at.toISOString(),
  overall: ((r.summary as { overall?: RunView['overall'] } | null)?.overall ?? null) as RunView['overall'],
});

export async function listRuns(db: Db, query: { kind?: RunKind; limit: number }): Promise<RunView[]> {
  let q = planningDb(db).selectFrom('planning.run').selectAll();
  if (query.kind) q = q.where('kind', '=', query.kind);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
  return rows.map(toRun);
}

/** The given backtest run, or the latest finished one. */
export async function backtestRun(db: Db, runId?: string): Promise<RunView | null> {
  let q = planningDb(db)
    .selectFrom('planning.run')
    .selectAll()
    .where('kind', '=', 'backtest')
    .where('summary', 'is not', null);
  if (runId) q = q.where('id', '=', runId);
  const row = await q.orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  if (!row && runId) throw notFound('run', runId);
  return row ? toRun(row) : null;
}

export interface GroupAccuracyView {
  dimension: AccuracyDimension;
  key: string;
  series: number;
  mase: number | null;
  wape: number | null;
  bias: number | null;
}

export async function accuracyGroups(db: Db, runId: string): Promise<GroupAccuracyView[]> {
  const rows = await planningDb(db)
    .selectFrom('planning.accuracy_group')
    .selectAll()
    .where('run_id', '=', runId)
    .orderBy('dimension')
    .orderBy('group_key')
    .execute();
  return rows.map((r) => ({
    dimension: r.dimension as AccuracyDimension,
    key: r.group_key,
    series: r.series,
    mase: r.mase,
    wape: r.wape,
    bias: r.bias,
  }));
}

export interface SeriesAccuracyView {
  skuId: string;
  warehouseId: string;
  merchantId: string | null;
  storageClass: string | null;
  abc: 'A' | 'B' | 'C' | null;
  method: string;
  points: number;
  actualSum: number;
  mase: number | null;
  wape: number | null;
  bias: number | null;
  /** Daily root mean squared error (units): the error spread safety stock uses. */
  rmse: number | null;
}

export const toSeriesAccuracy = (r: AccuracyRow): SeriesAccuracyView => ({
  skuId: r.sku_id,
  warehouseId: r.warehouse_id,
  merchantId: r.merchant_id,
  storageClass: r.storage_class,
  abc: r.abc,
  method: r.method,
  points: r.points,
  actualSum: Math.round(r.actual_sum),
  mase: r.mase,
  wape: r.wape,
  bias: r.bias,
  rmse: r.points ? Math.round(Math.sqrt(r.squared_error_sum / r.points) * 100) / 100 : null,
});

export interface SeriesAccuracyQuery {
  runId: string;
  warehouseId?: string;
  skuId?: string;
  abc?: 'A' | 'B' | 'C';
  storageClass?: string;
  limit: number;
  cursor?: string;
}

/** Per-series accuracy of a run, least accurate (highest WAPE) first. */
export async function seriesAccuracy(db: Db, query: SeriesAccuracyQuery, scope: Scope) {
  const wape = sql<number>`coalesce(wape, 1e9)`;
  let q = planningDb(db).selectFrom('planning.accuracy').selectAll().where('run_id', '=', query.runId);
  if (scope.warehouseIds) q = q.where('warehouse_id', 'in', idList(scope.warehouseIds));
  if (scope.merchantId) q = q.where('merchant_id', '=', scope.merchantId);
  if (query.warehouseId) q = q.where('warehouse_id', '=', query.warehouseId);
  if (query.skuId) q = q.where('sku_id', '=', query.skuId);
  if (query.abc) q = q.where('abc', '=', query.abc);
  if (query.storageClass) q = q.where('storage_class', '=', query.storageClass);
  if (query.cursor) {
    const [w, s, h] = decodeCursor(query.cursor, 3).map(String);
    q = q.where(
      sql<boolean>`(${wape} < ${Number(w)} or (${wape} = ${Number(w)} and (sku_id, warehouse_id) > (${s}::uuid, ${h}::uuid)))`,
    );
  }
  const rows = await q
    .orderBy(wape, 'desc')
    .orderBy('sku_id')
    .orderBy('warehouse_id')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.wape ?? 1e9, r.sku_id, r.warehouse_id]);
  return { items: page.items.map(toSeriesAccuracy), nextCursor: page.nextCursor };
}

/** The latest backtest accuracy of one series (any run). */
export async function latestSeriesAccuracy(db: Db, skuId: string, warehouseId: string) {
  const row = await planningDb(db)
    .selectFrom('planning.accuracy as a')
    .innerJoin('planning.run as r', 'r.id', 'a.run_id')
    .selectAll('a')
    .select(['r.created_at as run_at'])
    .where('a.sku_id', '=', skuId)
    .where('a.warehouse_id', '=', warehouseId)
    .orderBy('r.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { runId: row.run_id, runAt: row.run_at.toISOString(), ...toSeriesAccuracy(row) } : null;
}
