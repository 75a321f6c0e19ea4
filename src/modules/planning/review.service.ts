import type { Actor } from '../../platform/auth/principal';
import { type Db, inTransaction } from '../../platform/db';
import { type Lang, t } from '../../platform/i18n/i18n';
import { businessDayOf } from '../../platform/time/calendar';
import { dailyRmse } from './accuracy';
import { type AlertDraft, expiryAlerts, type LotStock, stockAlerts } from './alert.logic';
import { type SeriesAlerts, syncAlerts } from './alert.service';
import { lastSaleDays, listSeriesRefs } from './demand.repo';
import type { PlanningDeps, PlanningStockRow } from './planning.deps';
import { type ForecastRow, idList, planningDb } from './planning.tables';
import { defaultPolicy, enteredPolicies } from './policy.service';
import { listPromotions } from './promotion.service';
import {
  eventsAhead,
  type Plan,
  planReplenishment,
  type Receipt,
  sliceFromToday,
} from './replenishment.logic';
import { openSuggestedSupply, type SuggestionCalc, syncSuggestion } from './suggestion.service';

export interface ReviewRequest {
  skuIds?: string[] | null;
  warehouseIds?: string[] | null;
  /** The day reviewed; default today in the business time zone. */
  today?: string | null;
}

export interface ReviewSummary {
  today: string;
  series: number;
  suggestions: { created: number; updated: number; superseded: number; unchanged: number };
  alerts: { raised: number; refreshed: number; resolved: number };
}

interface PairStock {
  onHand: number;
  available: number;
  lots: Map<string, LotStock>;
}

const CHUNK = 100;

async function stockByPair(
  db: Db,
  deps: PlanningDeps,
  warehouseIds: string[],
): Promise<Map<string, PairStock>> {
  const out = new Map<string, PairStock>();
  const add = (r: PlanningStockRow) => {
    const key = `${r.skuId}|${r.warehouseId}`;
    const s = out.get(key) ?? { onHand: 0, available: 0, lots: new Map() };
    s.onHand += r.onHand;
    if (r.status === 'available') s.available += Math.max(0, r.available);
    if (r.lotId && r.expiryDate) {
      const lot = s.lots.get(r.lotId) ?? {
        lotId: r.lotId,
        lotCode: r.lotCode,
        expiryDate: r.expiryDate,
        qty: 0,
      };
      lot.qty += r.onHand;
      s.lots.set(r.lotId, lot);
    }
    out.set(key, s);
  };
  for (const warehouseId of warehouseIds) {
    let cursor: string | undefined;
    do {
      const page = await deps.listStock(db, null, {
        warehouseId,
        limit: 2000,
        ...(cursor ? { cursor } : {}),
      });
      page.items.forEach(add);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  return out;
}

/** The spread of each series' latest backtest errors (RMSE per day), by `${skuId}|${warehouseId}`. */
async function latestBacktestSd(db: Db, warehouseIds: string[]): Promise<Map<string, number>> {
  const rows = await planningDb(db)
    .selectFrom('planning.accuracy as a')
    .innerJoin('planning.run as r', 'r.id', 'a.run_id')
    .distinctOn(['a.sku_id', 'a.warehouse_id'])
    .select([
      'a.sku_id',
      'a.warehouse_id',
      'a.points',
      'a.actual_sum',
      'a.abs_error_sum',
      'a.error_sum',
      'a.squared_error_sum',
    ])
    .where('a.warehouse_id', 'in', idList(warehouseIds))
    .orderBy('a.sku_id')
    .orderBy('a.warehouse_id')
    .orderBy('r.created_at', 'desc')
    .execute();
  const out = new Map<string, number>();
  for (const r of rows) {
    const sd = dailyRmse({
      points: r.points,
      actualSum: r.actual_sum,
      absErrorSum: r.abs_error_sum,
      errorSum: r.error_sum,
      squaredErrorSum: r.squared_error_sum,
    });
    if (sd !== null) out.set(`${r.sku_id}|${r.warehouse_id}`, sd);
  }
  return out;
}

/**
 * The daily review (also run after each forecast): for every SKU × warehouse with stock or a
 * forecast, project the stock, bring its replenishment suggestion up to date and raise or resolve its
 * alerts. Reads stock through the inventory module, writes only planning's tables.
 */
export async function runReview(
  db: Db,
  deps: PlanningDeps,
  req: ReviewRequest,
  ctx: {
    actor: Actor;
    lang: Lang;
    now: Date;
    warehouseScope: string[] | null;
    onProgress?: (fraction: number, message: string) => void;
  },
): Promise<ReviewSummary> {
  const today = req.today ?? businessDayOf(ctx.now, deps.timeZone);
  const report = (fraction: number, code: string, params: Record<string, unknown> = {}) =>
    ctx.onProgress?.(fraction, t(ctx.lang, code, params));
  report(0, 'planning.review.progress.loading');
  const all = await deps.listWarehouses(db, null);
  const warehouseIds = all
    .map((w) => w.id)
    .filter(
      (id) =>
        (!ctx.warehouseScope || ctx.warehouseScope.includes(id)) &&
        (!req.warehouseIds || req.warehouseIds.includes(id)),
    );
  const skuFilter = req.skuIds ? new Set(req.skuIds) : null;
  const [stock, skus, policies, backtestSd, supply, promotions, refs] = await Promise.all([
    stockByPair(db, deps, warehouseIds),
    deps.skus(db),
    enteredPolicies(db, { skuIds: req.skuIds ?? undefined, warehouseIds }),
    latestBacktestSd(db, warehouseIds),
    openSuggestedSupply(db, today, warehouseIds),
    listPromotions(db, {}),
    listSeriesRefs(db, { skuIds: req.skuIds ?? undefined, warehouseIds }),
  ]);
  let fq = planningDb(db)
    .selectFrom('planning.forecast')
    .selectAll()
    .where('warehouse_id', 'in', idList(warehouseIds));
  if (req.skuIds) fq = fq.where('sku_id', 'in', idList(req.skuIds));
  const forecasts = new Map((await fq.execute()).map((f) => [`${f.sku_id}|${f.warehouse_id}`, f]));
  const external = deps.openSupply ? await deps.openSupply(db, req.skuIds ?? null) : [];
  for (const s of external) {
    const key = `${s.skuId}|${s.warehouseId}`;
    supply.set(key, [...(supply.get(key) ?? []), { due: s.due, qty: s.qty, reference: s.reference }]);
  }
  const refByPair = new Map(refs.map((r) => [`${r.skuId}|${r.warehouseId}`, r]));
  const lastSale = await lastSaleDays(
    db,
    refs.map((r) => r.id),
  );
  const skuById = new Map(skus.map((s) => [s.id, s]));
  const promotionNames = new Map(promotions.map((p) => [p.id, p.name]));
  const pairs = [...new Set([...stock.keys(), ...forecasts.keys()])]
    .filter((key) => {
      const [skuId, warehouseId] = key.split('|');
      return (!skuFilter || skuFilter.has(skuId)) && warehouseIds.includes(warehouseId) && skuById.has(skuId);
    })
    .sort();

  const summary: ReviewSummary = {
    today,
    series: pairs.length,
    suggestions: { created: 0, updated: 0, superseded: 0, unchanged: 0 },
    alerts: { raised: 0, refreshed: 0, resolved: 0 },
  };
  for (let i = 0; i < pairs.length; i += CHUNK) {
    const chunk = pairs.slice(i, i + CHUNK);
    await inTransaction(db, async (trx) => {
      const reviewed: SeriesAlerts[] = [];
      for (const key of chunk) {
        const [skuId, warehouseId] = key.split('|');
        const sku = skuById.get(skuId)!;
        const policy = policies.get(key) ?? defaultPolicy(skuId, warehouseId, sku.storageClass);
        const pairStock = stock.get(key) ?? { onHand: 0, available: 0, lots: new Map() };
        const receipts: Receipt[] = (supply.get(key) ?? []).map((r) => ({ due: r.due, qty: r.qty }));
        const forecast = forecasts.get(key);
        let plan: Plan | null = null;
        if (forecast) {
          plan = planReplenishment({
            today,
            available: pairStock.available,
            receipts,
            forecast: forecastSlice(forecast),
            policy,
            backtestSd: backtestSd.get(key) ?? null,
            shelfLifeDays: sku.shelfLifeDays,
            minRemainingShelfLifeDays: sku.minRemainingShelfLifeDays,
            promotionNames,
          });
          if (sku.active || !plan.needed) {
            const outcome = await syncSuggestion(
              trx,
              { skuId, warehouseId, merchantId: sku.merchantId, plan, calc: calcOf(plan, policy, forecast) },
              ctx.actor,
              ctx.now,
            );
            summary.suggestions[outcome]++;
          }
        }
        const mean = forecast ? sliceFromToday(forecastSlice(forecast), today).mean : [];
        const ref = refByPair.get(key);
        const drafts: AlertDraft[] = [];
        if (forecast || ref)
          drafts.push(
            ...stockAlerts({
              today,
              onHand: pairStock.onHand,
              available: pairStock.available,
              mean,
              stockoutDate: plan?.stockoutDate ?? null,
              nextReceipt:
                receipts
                  .map((r) => r.due)
                  .filter((d) => d >= today)
                  .sort()[0] ?? null,
              leadTimeDays: policy.leadTimeDays,
              reviewPeriodDays: policy.reviewPeriodDays,
              storageClass: sku.storageClass,
              lastSaleDay: ref ? (lastSale.get(ref.id) ?? null) : null,
              unitCostFen: policy.unitCostFen,
              eventsBefore:
                forecast && plan?.stockoutDate
                  ? eventsAhead(forecastSlice(forecast), today, plan.stockoutDate, promotionNames)
                  : [],
            }),
          );
        drafts.push(
          ...expiryAlerts({
            today,
            lots: [...pairStock.lots.values()],
            mean,
            shelfLifeDays: sku.shelfLifeDays,
            minRemainingShelfLifeDays: sku.minRemainingShelfLifeDays,
          }),
        );
        reviewed.push({ skuId, warehouseId, merchantId: sku.merchantId, drafts });
      }
      const counts = await syncAlerts(trx, reviewed, ctx.now);
      summary.alerts.raised += counts.raised;
      summary.alerts.refreshed += counts.refreshed;
      summary.alerts.resolved += counts.resolved;
    });
    report((i + chunk.length) / Math.max(1, pairs.length), 'planning.review.progress.series', {
      done: i + chunk.length,
      total: pairs.length,
    });
  }
  report(1, 'planning.review.progress.done', {
    created: summary.suggestions.created,
    raised: summary.alerts.raised,
  });
  return summary;
}

export const forecastSlice = (f: ForecastRow) => ({
  firstDay: f.first_day,
  mean: f.mean,
  p10: f.p10,
  p90: f.p90,
  events: f.events,
});

function calcOf(plan: Plan, policy: ReturnType<typeof defaultPolicy>, forecast: ForecastRow): SuggestionCalc {
  const r2 = (v: number) => Math.round(v * 100) / 100;
  return {
    asOf: forecast.as_of,
    forecastRunId: forecast.run_id,
    available: plan.position - plan.onOrder,
    onOrder: plan.onOrder,
    position: plan.position,
    daily: r2(plan.daily),
    dailySd: r2(plan.dailySd),
    sdSource: plan.sdSource,
    z: r2(plan.levels.z),
    safetyStock: plan.levels.safetyStock,
    reorderPoint: plan.levels.reorderPoint,
    orderUpTo: plan.levels.orderUpTo,
    eoq: plan.levels.eoq === null ? null : r2(plan.levels.eoq),
    lotSize: plan.levels.lotSize,
    serviceLevel: policy.serviceLevel,
    leadTimeDays: policy.leadTimeDays,
    leadTimeSdDays: policy.leadTimeSdDays,
    reviewPeriodDays: policy.reviewPeriodDays,
    moq: policy.moq,
    packSize: policy.packSize,
    policySource: policy.source,
    late: plan.late,
  };
}
