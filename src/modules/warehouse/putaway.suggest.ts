import { type BinKind, type StorageClass, ZONES_FOR_CLASS } from '../inventory';
import type { SlotReason } from './warehouse.tables';

/** A storage bin as slotting sees it: where it is, what it may hold, how full it is. */
export interface SlotBin {
  id: string;
  code: string;
  kind: BinKind;
  storageClass: StorageClass | null;
  active: boolean;
  /** Walking distance from the dispatch point (mm, rectilinear: aisles and cross-aisles). */
  distanceMm: number;
  maxWeightG: number | null;
  maxVolumeMm3: number | null;
  /** Weight and volume already in the bin or on their way (open putaway tasks). */
  loadWeightG: number;
  loadVolumeMm3: number;
  /** `sku|lot` keys in the bin (on hand or planned). */
  holds: Set<string>;
}

/** Goods to place: one receipt line's accepted quantity (or what is left of it). */
export interface SlotItem {
  key: string;
  skuId: string;
  lotId: string | null;
  qty: number;
  unitWeightG: number;
  unitVolumeMm3: number;
  storageClass: StorageClass;
  /** Class A in the warehouse's ABC classification: belongs on a pick face near dispatch. */
  fastMover: boolean;
}

export interface Placement {
  key: string;
  binId: string;
  qty: number;
  reason: SlotReason;
}

export interface SlotPlan {
  placements: Placement[];
  /** Quantity per item key that no allowed bin has room for. */
  unplaced: Map<string, number>;
}

export const holdKey = (skuId: string, lotId: string | null) => `${skuId}|${lotId ?? ''}`;

/** Rectilinear distance between two points of the floor plan. */
export const walkDistance = (a: { xMm: number; yMm: number }, b: { xMm: number; yMm: number }) =>
  Math.abs(a.xMm - b.xMm) + Math.abs(a.yMm - b.yMm);

/** May the bin store the item at all (storage class, active, not the dispatch point)? */
export const binAllows = (bin: Pick<SlotBin, 'kind' | 'storageClass' | 'active'>, cls: StorageClass) =>
  bin.active &&
  bin.kind !== 'dispatch' &&
  bin.storageClass !== null &&
  ZONES_FOR_CLASS[cls].includes(bin.storageClass);

/** How many more units of the item fit, by weight and by volume (Infinity when unlimited). */
export function roomFor(
  bin: Pick<SlotBin, 'maxWeightG' | 'maxVolumeMm3' | 'loadWeightG' | 'loadVolumeMm3'>,
  item: Pick<SlotItem, 'unitWeightG' | 'unitVolumeMm3'>,
): number {
  const by = (max: number | null, load: number, unit: number) =>
    max === null || unit <= 0 ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor((max - load) / unit));
  return Math.min(
    by(bin.maxWeightG, bin.loadWeightG, item.unitWeightG),
    by(bin.maxVolumeMm3, bin.loadVolumeMm3, item.unitVolumeMm3),
  );
}

/**
 * The slotting rule (货位优化, R-WMS-3), as a rank per bin — lower is better, null = not allowed:
 * 0 a bin already holding the same SKU and lot (consolidate); then empty bins — for an A item (ABC
 * class A) pick faces first, for the rest reserve storage first — nearest to dispatch; last, bins shared with
 * other goods (the same SKU's other lots first).
 */
function rankOf(bin: SlotBin, item: SlotItem): { tier: number; sub: number; reason: SlotReason } | null {
  if (!binAllows(bin, item.storageClass)) return null;
  if (bin.holds.has(holdKey(item.skuId, item.lotId))) return { tier: 0, sub: 0, reason: 'same_lot' };
  if (!bin.holds.size) {
    const face = bin.kind === 'pick_face';
    if (item.fastMover)
      return face
        ? { tier: 1, sub: 0, reason: 'fast_mover_pick_face' }
        : { tier: 2, sub: 0, reason: 'nearest_reserve' };
    return face
      ? { tier: 2, sub: 0, reason: 'nearest_pick_face' }
      : { tier: 1, sub: 0, reason: 'nearest_reserve' };
  }
  const sameSku = [...bin.holds].some((k) => k.startsWith(`${item.skuId}|`));
  return { tier: 3, sub: sameSku ? 0 : 1, reason: 'shared_bin' };
}

/**
 * Place every item into bins, splitting an item across bins when one cannot hold it all. Items are
 * placed in the order given and each placement adds to its bin's load, so items of one receipt
 * never overfill a bin between them. Pure and deterministic (ties broken by distance, then code).
 */
export function suggestPutaway(items: readonly SlotItem[], bins: readonly SlotBin[]): SlotPlan {
  const state = bins.map((b) => ({ ...b, holds: new Set(b.holds) }));
  const placements: Placement[] = [];
  const unplaced = new Map<string, number>();
  for (const item of items) {
    let left = item.qty;
    const ranked = state
      .map((bin) => ({ bin, rank: rankOf(bin, item) }))
      .filter(
        (c): c is { bin: (typeof state)[number]; rank: NonNullable<ReturnType<typeof rankOf>> } => !!c.rank,
      )
      .sort(
        (a, b) =>
          a.rank.tier - b.rank.tier ||
          a.rank.sub - b.rank.sub ||
          a.bin.distanceMm - b.bin.distanceMm ||
          (a.bin.code < b.bin.code ? -1 : a.bin.code > b.bin.code ? 1 : 0),
      );
    for (const { bin, rank } of ranked) {
      if (left <= 0) break;
      const take = Math.min(left, roomFor(bin, item));
      if (take <= 0) continue;
      placements.push({ key: item.key, binId: bin.id, qty: take, reason: rank.reason });
      bin.loadWeightG += take * item.unitWeightG;
      bin.loadVolumeMm3 += take * item.unitVolumeMm3;
      bin.holds.add(holdKey(item.skuId, item.lotId));
      left -= take;
    }
    if (left > 0) unplaced.set(item.key, left);
  }
  return { placements, unplaced };
}
