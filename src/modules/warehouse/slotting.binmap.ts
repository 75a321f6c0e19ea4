import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db';
import { binOccupancy, listWarehouses } from '../inventory';
import { abcClassesOf } from './abc.service';
import { assertWarehouse } from './count.scope';
import { type AbcClass, countDb } from './count.tables';
import { unitVolumeMm3, warehouseDeps } from './warehouse.deps';

const RANK: Record<AbcClass, number> = { A: 0, B: 1, C: 2 };

/**
 * The bins of a warehouse (or one zone) on the floor plan with how full each is — the larger of
 * weight and volume used, from what the ledger says is in it (every status) weighed with the
 * catalog — its fastest ABC class and when it was last counted. For the bin grid map. Read-only.
 */
export async function binMap(
  db: Db,
  principal: Principal | null,
  query: { warehouseId: string; zoneId?: string },
) {
  await assertWarehouse(db, principal, query.warehouseId);
  const [bins, warehouses, abc, counted] = await Promise.all([
    binOccupancy(db, { warehouseId: query.warehouseId }),
    listWarehouses(db, null),
    abcClassesOf(db, query.warehouseId),
    countDb(db)
      .selectFrom('warehouse.bin_count')
      .select(['bin_id', 'counted_at'])
      .where('warehouse_id', '=', query.warehouseId)
      .execute(),
  ]);
  const zones = warehouses.find((w) => w.id === query.warehouseId)?.zones ?? [];
  const shown = bins.filter((b) => (query.zoneId ? b.zoneId === query.zoneId : true));
  const skus = await warehouseDeps().skusByIds(
    db,
    shown.flatMap((b) => b.contents.map((c) => c.skuId)),
  );
  const lastCount = new Map(counted.map((c) => [c.bin_id, c.counted_at.toISOString()]));
  const ratio = (used: number, max: number | null) => (max ? used / max : null);
  return {
    zones: zones
      .filter((z) => !query.zoneId || z.id === query.zoneId)
      .map((z) => ({
        id: z.id,
        code: z.code,
        nameZh: z.nameZh,
        nameEn: z.nameEn,
        storageClass: z.storageClass,
      })),
    bins: shown.map((b) => {
      let weight = 0;
      let volume = 0;
      let units = 0;
      let best: AbcClass | null = null;
      for (const c of b.contents) {
        const sku = skus.get(c.skuId);
        units += c.onHand;
        if (sku) {
          weight += c.onHand * sku.weightG;
          volume += c.onHand * unitVolumeMm3(sku);
        }
        const cls = abc.run ? (abc.items.get(c.skuId)?.class ?? 'C') : null;
        if (cls && (!best || RANK[cls] < RANK[best])) best = cls;
      }
      const w = ratio(weight, b.maxWeightG);
      const v = ratio(volume, b.maxVolumeMm3);
      const fill = w === null && v === null ? null : Math.max(w ?? 0, v ?? 0);
      return {
        id: b.id,
        code: b.code,
        zoneId: b.zoneId,
        kind: b.kind,
        active: b.active,
        xMm: b.xMm,
        yMm: b.yMm,
        maxWeightG: b.maxWeightG,
        maxVolumeMm3: b.maxVolumeMm3,
        weightG: weight,
        volumeMm3: volume,
        fillPct: fill === null ? null : Math.round(fill * 1000) / 10,
        skuCount: new Set(b.contents.map((c) => c.skuId)).size,
        units,
        abcClass: best,
        lastCountedAt: lastCount.get(b.id) ?? null,
      };
    }),
  };
}
