import type { BinKind, StorageClass } from '../inventory';
import type { AbcClass, ReslotReason } from './count.tables';
import { binAllows, roomFor } from './putaway.suggest';

/** A storage bin as re-slotting sees it. */
export interface ReslotBin {
  id: string;
  code: string;
  kind: BinKind;
  storageClass: StorageClass | null;
  active: boolean;
  /** Walk from the dispatch point to the bin and back, along the aisles (mm). */
  tripMm: number;
  maxWeightG: number | null;
  maxVolumeMm3: number | null;
  /** What is in the bin or on its way (putaway and move tasks). */
  loadWeightG: number;
  loadVolumeMm3: number;
  /** SKUs in the bin or on their way to it. */
  skus: Set<string>;
  /** Everything in the bin is free available stock and nothing is on its way: it can be emptied. */
  movable: boolean;
}

/** Free (unreserved, available) stock of a SKU in one bin, per lot. */
export interface ReslotStock {
  binId: string;
  lotId: string | null;
  freeQty: number;
}

export interface ReslotItem {
  skuId: string;
  class: AbcClass;
  picksPerMonth: number;
  storageClass: StorageClass;
  unitWeightG: number;
  unitVolumeMm3: number;
  stock: ReslotStock[];
}

export interface ReslotSuggestion {
  reason: ReslotReason;
  skuId: string;
  abcClass: AbcClass;
  picksPerMonth: number;
  fromBinId: string;
  toBinId: string;
  lots: Array<{ lotId: string | null; qty: number }>;
  qty: number;
  fromTripMm: number;
  toTripMm: number;
  /** Walking saved per month: picks per month × (trip from − trip to); negative for a C item moved out. */
  savedMmPerMonth: number;
  /** A C item's move that frees the target bin first (its suggestion's `fromBinId`). */
  afterFreeingBin: string | null;
}

export interface ReslotOptions {
  /** Share of each storage class's pick faces, nearest the dispatch point first, that are prime slots (default 20 %). */
  primeSharePct?: number;
  /** A move must save at least this much per trip (default 2 m), or it is not worth the labour. */
  minTripGainMm?: number;
}

const byTrip = (a: ReslotBin, b: ReslotBin) =>
  a.tripMm - b.tripMm || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

/**
 * Re-slotting (货位优化, R-WMS-3): A items to the free pick faces nearest the dispatch point, C items
 * out of prime pick faces. Prime slots are the nearest `primeSharePct` % of each storage class's
 * pick faces. First each C item whose bin is a prime slot holding only C items moves to the nearest
 * free non-prime bin of its class (pick face first, then reserve) — freeing the slot; then each A
 * item, most picked first, moves from its main pick face (the one with most free stock) to the
 * nearest free pick face — an empty one, or one a C move frees — that saves at least
 * `minTripGainMm` per trip. Storage class and capacity (weight and volume, with what is in or on its
 * way to the bin) are respected. Only free stock moves; the saving is picks per month × the trip
 * difference. Pure and deterministic.
 */
export function suggestReslotting(
  items: readonly ReslotItem[],
  bins: readonly ReslotBin[],
  options: ReslotOptions = {},
): ReslotSuggestion[] {
  const primeShare = options.primeSharePct ?? 20;
  const minGain = options.minTripGainMm ?? 2000;
  const state = new Map(bins.map((b) => [b.id, { ...b, skus: new Set(b.skus) }]));
  const faces = [...state.values()].filter((b) => b.active && b.kind === 'pick_face' && b.storageClass);
  const prime = new Set<string>();
  for (const cls of new Set(faces.map((b) => b.storageClass))) {
    const ofClass = faces.filter((b) => b.storageClass === cls).sort(byTrip);
    for (const b of ofClass.slice(0, Math.ceil((ofClass.length * primeShare) / 100))) prime.add(b.id);
  }
  const itemBySku = new Map(items.map((i) => [i.skuId, i]));
  const classOf = (skuId: string) => itemBySku.get(skuId)?.class ?? 'C';
  const out: ReslotSuggestion[] = [];
  const freed = new Set<string>();
  const place = (b: ReslotBin, item: ReslotItem, qty: number) => {
    b.loadWeightG += qty * item.unitWeightG;
    b.loadVolumeMm3 += qty * item.unitVolumeMm3;
    b.skus.add(item.skuId);
  };
  const suggest = (
    reason: ReslotReason,
    item: ReslotItem,
    from: ReslotBin,
    to: ReslotBin,
    stock: ReslotStock[],
    after: string | null,
  ) => {
    const qty = stock.reduce((s, x) => s + x.freeQty, 0);
    out.push({
      reason,
      skuId: item.skuId,
      abcClass: item.class,
      picksPerMonth: item.picksPerMonth,
      fromBinId: from.id,
      toBinId: to.id,
      lots: stock.map((s) => ({ lotId: s.lotId, qty: s.freeQty })),
      qty,
      fromTripMm: from.tripMm,
      toTripMm: to.tripMm,
      savedMmPerMonth: Math.round(item.picksPerMonth * (from.tripMm - to.tripMm)),
      afterFreeingBin: after,
    });
    place(to, item, qty);
  };
  const fits = (b: ReslotBin, item: ReslotItem, qty: number) => roomFor(b, item) >= qty;

  // 1. C items out of prime slots that hold only C items.
  for (const binId of [...prime].sort((a, b) => byTrip(state.get(a)!, state.get(b)!))) {
    const bin = state.get(binId)!;
    if (!bin.movable || !bin.skus.size || [...bin.skus].some((s) => classOf(s) !== 'C')) continue;
    const leaving = items.filter((i) => i.class === 'C' && bin.skus.has(i.skuId));
    // Everything in the bin must be free stock of known C items, or the slot does not come free.
    const stockOf = (i: ReslotItem) => i.stock.filter((s) => s.binId === bin.id && s.freeQty > 0);
    if (leaving.length !== bin.skus.size || leaving.some((i) => !stockOf(i).length)) continue;
    const moves: Array<[ReslotItem, ReslotBin, ReslotStock[]]> = [];
    for (const item of leaving) {
      const stock = stockOf(item);
      const qty = stock.reduce((s, x) => s + x.freeQty, 0);
      const target = [...state.values()]
        .filter(
          (b) =>
            b.id !== bin.id &&
            !prime.has(b.id) &&
            !b.skus.size &&
            !freed.has(b.id) &&
            binAllows(b, item.storageClass) &&
            fits(b, item, qty),
        )
        .sort((a, b) => (a.kind === b.kind ? byTrip(a, b) : a.kind === 'pick_face' ? -1 : 1))[0];
      if (!target) break;
      moves.push([item, target, stock]);
      place(target, item, qty);
    }
    if (moves.length !== leaving.length) {
      // Undo the partial plan: the slot would not come free.
      for (const [item, target, stock] of moves) {
        const qty = stock.reduce((s, x) => s + x.freeQty, 0);
        target.loadWeightG -= qty * item.unitWeightG;
        target.loadVolumeMm3 -= qty * item.unitVolumeMm3;
        target.skus.delete(item.skuId);
      }
      continue;
    }
    for (const [item, target, stock] of moves) {
      const qty = stock.reduce((s, x) => s + x.freeQty, 0);
      target.loadWeightG -= qty * item.unitWeightG;
      target.loadVolumeMm3 -= qty * item.unitVolumeMm3;
      target.skus.delete(item.skuId);
      suggest('c_out_of_prime', item, bin, target, stock, null);
      bin.loadWeightG = Math.max(0, bin.loadWeightG - qty * item.unitWeightG);
      bin.loadVolumeMm3 = Math.max(0, bin.loadVolumeMm3 - qty * item.unitVolumeMm3);
    }
    bin.skus.clear();
    freed.add(bin.id);
  }

  // 2. A items to the nearest free pick faces, most picked first.
  const aItems = items
    .filter((i) => i.class === 'A' && i.picksPerMonth > 0)
    .sort((a, b) => b.picksPerMonth - a.picksPerMonth || (a.skuId < b.skuId ? -1 : 1));
  for (const item of aItems) {
    const holding = [...new Set(item.stock.filter((s) => s.freeQty > 0).map((s) => s.binId))]
      .map((id) => state.get(id))
      .filter((b): b is NonNullable<typeof b> => !!b);
    const faceBins = holding.filter((b) => b.kind === 'pick_face');
    const pool = faceBins.length ? faceBins : holding;
    const freeIn = (b: ReslotBin) =>
      item.stock.filter((s) => s.binId === b.id).reduce((s, x) => s + x.freeQty, 0);
    const from = pool.sort((a, b) => freeIn(b) - freeIn(a) || byTrip(a, b))[0];
    if (!from) continue;
    // Its best pick face now: moving is worth it only if the new one beats every face it has.
    const bestNow = Math.min(...(faceBins.length ? faceBins : [from]).map((b) => b.tripMm));
    const stock = item.stock.filter((s) => s.binId === from.id && s.freeQty > 0);
    const qty = stock.reduce((s, x) => s + x.freeQty, 0);
    const target = faces
      .filter(
        (b) =>
          !b.skus.size &&
          b.tripMm <= bestNow - minGain &&
          binAllows(b, item.storageClass) &&
          fits(b, item, qty),
      )
      .sort(byTrip)[0];
    if (!target) continue;
    suggest('a_to_prime', item, from, target, stock, freed.has(target.id) ? target.id : null);
  }
  return out;
}
