import { type Db, inTransaction } from '../../platform/db';
import { type Accuracy, groupAccuracy } from './accuracy';
import { plusDays } from './days';
import { type SeriesRef, seriesStats } from './demand.repo';
import { abcClasses } from './demand-series';
import type { SeriesBacktest } from './forecast.compute';
import type { PlanningSku } from './planning.deps';
import { type AccuracyRow, planningDb } from './planning.tables';
import { enteredPolicies } from './policy.service';

/** Groups accuracy is reported by: everything, storage class, ABC class, merchant, warehouse. */
export const ACCURACY_DIMENSIONS = ['all', 'storage_class', 'abc', 'merchant', 'warehouse'] as const;
export type AccuracyDimension = (typeof ACCURACY_DIMENSIONS)[number];

const finite = (v: number | null) => (v === null || !Number.isFinite(v) ? null : v);

/**
 * Store a backtest's accuracy per series (with its storage class, ABC class and merchant) and per
 * group. ABC classes come from the last 365 days' volume (units × unit cost where a policy gives one).
 */
export async function storeBacktest(
  db: Db,
  input: {
    runId: string;
    asOf: string;
    results: readonly SeriesBacktest[];
    refByKey: ReadonlyMap<string, SeriesRef>;
    skuById: ReadonlyMap<string, PlanningSku>;
  },
): Promise<{ mase: number | null; wape: number | null; bias: number | null } | null> {
  const { runId, results, refByKey, skuById } = input;
  const scored = results.filter((r) => r.origins > 0);
  const refs = scored.map((r) => refByKey.get(r.key)!);
  const stats = await seriesStats(
    db,
    refs.map((r) => r.id),
    plusDays(input.asOf, -364),
  );
  const policies = await enteredPolicies(db, { skuIds: [...new Set(refs.map((r) => r.skuId))] });
  const volume = new Map<string, number>();
  for (const r of refs) {
    const cost = policies.get(`${r.skuId}|${r.warehouseId}`)?.unitCostFen ?? 1;
    volume.set(r.skuId + r.warehouseId, (stats.get(r.id)?.units365 ?? 0) * (cost || 1));
  }
  const abc = abcClasses(volume);
  const rows: AccuracyRow[] = scored.map((r) => {
    const ref = refByKey.get(r.key)!;
    const sku = skuById.get(ref.skuId);
    return {
      run_id: runId,
      sku_id: ref.skuId,
      warehouse_id: ref.warehouseId,
      merchant_id: sku?.merchantId ?? null,
      storage_class: sku?.storageClass ?? null,
      abc: abc.get(ref.skuId + ref.warehouseId) ?? 'C',
      method: r.method,
      points: r.points,
      actual_sum: r.actualSum,
      abs_error_sum: r.absErrorSum,
      error_sum: r.errorSum,
      squared_error_sum: r.squaredErrorSum,
      mase: finite(r.mase),
      wape: finite(r.wape),
      bias: finite(r.bias),
    };
  });
  const groups = new Map<string, { dimension: AccuracyDimension; key: string; members: Accuracy[] }>();
  const add = (dimension: AccuracyDimension, key: string | null, a: Accuracy) => {
    const id = `${dimension}|${key ?? '-'}`;
    const g = groups.get(id) ?? { dimension, key: key ?? '-', members: [] };
    g.members.push(a);
    groups.set(id, g);
  };
  scored.forEach((r, i) => {
    const row = rows[i];
    add('all', 'all', r);
    add('storage_class', row.storage_class, r);
    add('abc', row.abc, r);
    add('merchant', row.merchant_id, r);
    add('warehouse', row.warehouse_id, r);
  });
  await inTransaction(db, async (trx) => {
    for (let i = 0; i < rows.length; i += 1000)
      await planningDb(trx)
        .insertInto('planning.accuracy')
        .values(rows.slice(i, i + 1000))
        .execute();
    const groupRows = [...groups.values()].map((g) => {
      const a = groupAccuracy(g.members);
      return {
        run_id: runId,
        dimension: g.dimension,
        group_key: g.key,
        series: a.series,
        mase: finite(a.mase),
        wape: finite(a.wape),
        bias: finite(a.bias),
      };
    });
    if (groupRows.length)
      await planningDb(trx).insertInto('planning.accuracy_group').values(groupRows).execute();
  });
  const all = scored.length ? groupAccuracy(scored) : null;
  return all ? { mase: finite(all.mase), wape: finite(all.wape), bias: finite(all.bias) } : null;
}
