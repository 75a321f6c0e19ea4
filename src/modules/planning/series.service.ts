import type { Db } from '../../platform/db';
import { notFound } from '../../platform/lib/errors';
import { businessDayOf } from '../../platform/time/calendar';
import { latestSeriesAccuracy } from './accuracy.service';
import { dateOf, epochDay, plusDays } from './days';
import { listSeriesRefs, loadDays, seriesStats } from './demand.repo';
import { dailySeries } from './demand-series';
import { type PlanningDeps, type PlanningSku, skuOrNull } from './planning.deps';
import { planningDb } from './planning.tables';
import { effectivePolicy } from './policy.service';
import { listPromotions } from './promotion.service';
import { planReplenishment } from './replenishment.logic';
import { forecastSlice } from './review.service';
import { openSuggestedSupply, type Scope } from './suggestion.service';

export interface SeriesListQuery {
  q?: string;
  warehouseId?: string;
  storageClass?: string;
  limit: number;
  offset: number;
}

const matches = (s: PlanningSku, q: string) => {
  const needle = q.toLowerCase();
  return (
    s.code.toLowerCase().includes(needle) ||
    s.nameZh.includes(q) ||
    (s.nameEn ?? '').toLowerCase().includes(needle)
  );
};

/**
 * SKU × warehouse series with history, in SKU code order: what was sold in the last year, the latest
 * forecast (next 28 days) and how accurate the latest backtest was.
 */
export async function listSeries(
  db: Db,
  deps: PlanningDeps,
  query: SeriesListQuery,
  scope: Scope,
  now: Date,
) {
  const skus = (await deps.skus(db)).filter(
    (s) =>
      (!query.q || matches(s, query.q)) &&
      (!query.storageClass || s.storageClass === query.storageClass) &&
      (!scope.merchantId || s.merchantId === scope.merchantId),
  );
  const skuById = new Map(skus.map((s) => [s.id, s]));
  let warehouses = query.warehouseId ? [query.warehouseId] : null;
  if (scope.warehouseIds)
    warehouses = (warehouses ?? scope.warehouseIds).filter((w) => scope.warehouseIds!.includes(w));
  const refs = (await listSeriesRefs(db, { warehouseIds: warehouses }))
    .filter((r) => skuById.has(r.skuId))
    .sort((a, b) => {
      const ca = skuById.get(a.skuId)!.code;
      const cb = skuById.get(b.skuId)!.code;
      return ca < cb ? -1 : ca > cb ? 1 : a.warehouseId < b.warehouseId ? -1 : 1;
    });
  const page = refs.slice(query.offset, query.offset + query.limit);
  const today = businessDayOf(now, deps.timeZone);
  const [stats, forecasts, accuracy] = await Promise.all([
    seriesStats(
      db,
      page.map((r) => r.id),
      plusDays(today, -365),
    ),
    page.length
      ? planningDb(db)
          .selectFrom('planning.forecast')
          .select(['sku_id', 'warehouse_id', 'method', 'first_day', 'mean', 'generated_at', 'as_of'])
          .where('sku_id', 'in', [...new Set(page.map((r) => r.skuId))])
          .execute()
      : [],
    Promise.all(page.map((r) => latestSeriesAccuracy(db, r.skuId, r.warehouseId))),
  ]);
  const forecastOf = new Map(forecasts.map((f) => [`${f.sku_id}|${f.warehouse_id}`, f]));
  return {
    total: refs.length,
    items: page.map((r, i) => {
      const sku = skuById.get(r.skuId)!;
      const f = forecastOf.get(`${r.skuId}|${r.warehouseId}`);
      const offset = f ? Math.max(0, epochDay(today) - epochDay(f.first_day)) : 0;
      const next28 = f ? f.mean.slice(offset, offset + 28).reduce((a, b) => a + b, 0) : null;
      const st = stats.get(r.id);
      const a = accuracy[i];
      return {
        skuId: r.skuId,
        skuCode: sku.code,
        skuNameZh: sku.nameZh,
        skuNameEn: sku.nameEn ?? sku.nameZh,
        storageClass: sku.storageClass,
        warehouseId: r.warehouseId,
        firstDay: st?.firstDay ?? null,
        lastDay: st?.lastDay ?? null,
        units365: st?.units365 ?? 0,
        forecast: f
          ? {
              method: f.method,
              asOf: f.as_of,
              generatedAt: f.generated_at.toISOString(),
              next28: next28 === null ? null : Math.round(next28),
            }
          : null,
        accuracy: a ? { runId: a.runId, mase: a.mase, wape: a.wape, bias: a.bias, abc: a.abc } : null,
      };
    }),
  };
}

/** Everything the forecast chart of one SKU × warehouse shows. Reads only. */
export async function seriesDetail(
  db: Db,
  deps: PlanningDeps,
  key: { skuId: string; warehouseId: string },
  options: { historyDays: number; now: Date },
  scope: Scope,
) {
  if (scope.warehouseIds && !scope.warehouseIds.includes(key.warehouseId))
    throw notFound('series', `${key.skuId}:${key.warehouseId}`);
  const sku = await skuOrNull(db, deps, key.skuId);
  if (!sku || (scope.merchantId && sku.merchantId !== scope.merchantId))
    throw notFound('series', `${key.skuId}:${key.warehouseId}`);
  const today = businessDayOf(options.now, deps.timeZone);
  const last = plusDays(today, -1);
  const [ref] = await listSeriesRefs(db, { skuIds: [key.skuId], warehouseIds: [key.warehouseId] });
  const forecastRow = await planningDb(db)
    .selectFrom('planning.forecast')
    .selectAll()
    .where('sku_id', '=', key.skuId)
    .where('warehouse_id', '=', key.warehouseId)
    .executeTakeFirst();
  if (!ref && !forecastRow) throw notFound('series', `${key.skuId}:${key.warehouseId}`);
  const from = plusDays(last, -options.historyDays + 1);
  const days = ref ? ((await loadDays(db, [ref.id], from, last)).get(ref.id) ?? []) : [];
  const series = dailySeries(days, last, from);
  const [policy, accuracy, promotions, supply] = await Promise.all([
    effectivePolicy(db, key.skuId, key.warehouseId, sku.storageClass),
    latestSeriesAccuracy(db, key.skuId, key.warehouseId),
    listPromotions(db, { skuId: key.skuId, warehouseId: key.warehouseId, from }),
    openSuggestedSupply(db, today, [key.warehouseId]),
  ]);
  let available = 0;
  let onHand = 0;
  let cursor: string | undefined;
  do {
    const page = await deps.listStock(db, null, {
      warehouseId: key.warehouseId,
      skuId: key.skuId,
      limit: 500,
      ...(cursor ? { cursor } : {}),
    });
    for (const r of page.items) {
      onHand += r.onHand;
      if (r.status === 'available') available += Math.max(0, r.available);
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  const receipts = supply.get(`${key.skuId}|${key.warehouseId}`) ?? [];
  const plan = forecastRow
    ? planReplenishment({
        today,
        available,
        receipts,
        forecast: forecastSlice(forecastRow),
        policy,
        backtestSd: accuracy?.rmse ?? null,
        shelfLifeDays: sku.shelfLifeDays,
        minRemainingShelfLifeDays: sku.minRemainingShelfLifeDays,
        promotionNames: new Map(promotions.map((p) => [p.id, p.name])),
      })
    : null;
  const forecastDates = forecastRow
    ? forecastRow.mean.map((_, h) => dateOf(epochDay(forecastRow.first_day) + h))
    : [];
  return {
    skuId: key.skuId,
    warehouseId: key.warehouseId,
    sku: { code: sku.code, nameZh: sku.nameZh, nameEn: sku.nameEn, storageClass: sku.storageClass },
    history: series
      ? {
          firstDay: series.firstDay,
          dates: series.values.map((_, t) => dateOf(epochDay(series.firstDay) + t)),
          values: series.values,
          stockout: series.stockout,
        }
      : null,
    forecast: forecastRow
      ? {
          runId: forecastRow.run_id,
          method: forecastRow.method,
          asOf: forecastRow.as_of,
          generatedAt: forecastRow.generated_at.toISOString(),
          historyDays: forecastRow.history_days,
          dates: forecastDates,
          mean: forecastRow.mean,
          p10: forecastRow.p10,
          p50: forecastRow.p50,
          p90: forecastRow.p90,
          events: forecastRow.events,
        }
      : null,
    promotions,
    accuracy,
    policy,
    stock: { onHand, available, onOrder: receipts.reduce((s, r) => s + r.qty, 0), receipts },
    projection: plan
      ? {
          today,
          stock: plan.stock,
          stockoutDate: plan.stockoutDate,
          daily: Math.round(plan.daily * 100) / 100,
          dailySd: Math.round(plan.dailySd * 100) / 100,
          sdSource: plan.sdSource,
          safetyStock: plan.levels.safetyStock,
          reorderPoint: plan.levels.reorderPoint,
          orderUpTo: plan.levels.orderUpTo,
          eoq: plan.levels.eoq === null ? null : Math.round(plan.levels.eoq),
          lotSize: plan.levels.lotSize,
          needed: plan.needed,
          qty: plan.qty,
          orderBy: plan.orderBy,
        }
      : null,
  };
}
