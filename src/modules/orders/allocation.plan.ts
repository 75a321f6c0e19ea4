import { distanceKm, type GeoPoint, pointOf } from './region.geo';
import { type ServiceType, shippingCostFen, type Zone, zoneOf } from './shipping.rates';

/**
 * Choosing the warehouse(s) for an order (订单分配), as a pure function of the order, the
 * warehouses and their free stock. Rules, in order:
 *
 * 1. A warehouse is capable when it can hold every line's goods at the right temperature: chilled
 *    lines need a chilled zone, frozen lines a frozen zone, and a cold-chain order needs a chilled
 *    or frozen zone to dispatch from at all.
 * 2. One warehouse that has everything is preferred; among several, the cheapest shipping cost,
 *    then the shorter promised transit, then the shorter distance, then the code.
 * 3. A split (two or three parcels from different warehouses) is chosen only when no single
 *    warehouse can ship the order in full, or when it is cheaper than the best single warehouse by
 *    at least `splitMinSavingFen`. Within a set of warehouses each line goes, whole, to the one
 *    with the lowest per-kg rate (then nearest) that has it; a line is divided only when no
 *    warehouse of the set has all of it.
 * 4. Otherwise the order cannot be allocated: out of stock (with what is short) or no capable
 *    warehouse.
 */
export type StorageClass = 'ambient' | 'chilled' | 'frozen' | 'fragile' | 'hazardous';

export interface PlanLine {
  skuId: string;
  qty: number;
  unitWeightG: number;
  storageClass: StorageClass | null;
}

export interface PlanWarehouse {
  id: string;
  code: string;
  provinceCode: string | null;
  point: GeoPoint | null;
  storageClasses: ReadonlySet<StorageClass>;
}

export interface PlanInput {
  lines: PlanLine[];
  warehouses: PlanWarehouse[];
  /** Free, allocatable quantity: warehouse id → SKU id → qty. */
  stock: ReadonlyMap<string, ReadonlyMap<string, number>>;
  destination: { provinceCode: string | null; cityCode: string | null };
  serviceType: ServiceType;
  transitDays: (warehouseId: string, zone: Zone) => number;
  splitMinSavingFen: number;
  maxParcels?: number;
}

export interface Parcel {
  warehouseId: string;
  lines: Array<{ skuId: string; qty: number }>;
  weightG: number;
  zone: Zone;
  costFen: number;
  transitDays: number;
  distanceKm: number | null;
}

export type Rejection = 'no_cold_zone' | 'no_cold_chain' | 'insufficient_stock';

export interface CandidateView {
  warehouseId: string;
  code: string;
  rejected: Rejection | null;
  /** Lines this warehouse could ship in full. */
  coversLines: number;
  totalLines: number;
  zone: Zone;
  distanceKm: number | null;
  /** What shipping the whole order from here would cost. */
  costFen: number;
  transitDays: number;
  chosen: boolean;
}

export type DecisionCode =
  | 'single_only'
  | 'single_best'
  | 'split_required'
  | 'split_cheaper'
  | 'out_of_stock'
  | 'no_capable_warehouse';

export type PlanResult =
  | {
      ok: true;
      code: DecisionCode;
      parcels: Parcel[];
      singleCostFen: number | null;
      candidates: CandidateView[];
    }
  | {
      ok: false;
      code: DecisionCode;
      short: Array<{ skuId: string; wanted: number; available: number }>;
      candidates: CandidateView[];
    };

const COLD: ReadonlySet<StorageClass | null> = new Set(['chilled', 'frozen']);
const MAX_SPLIT_WAREHOUSES = 8;

function rejectionOf(w: PlanWarehouse, input: PlanInput): Rejection | null {
  for (const line of input.lines)
    if (line.storageClass && COLD.has(line.storageClass) && !w.storageClasses.has(line.storageClass))
      return 'no_cold_zone';
  if (
    input.serviceType === 'cold_chain' &&
    !w.storageClasses.has('chilled') &&
    !w.storageClasses.has('frozen')
  )
    return 'no_cold_chain';
  return null;
}

interface Option {
  w: PlanWarehouse;
  zone: Zone;
  distanceKm: number | null;
  transitDays: number;
}

function parcelOf(o: Option, lines: Array<{ skuId: string; qty: number }>, input: PlanInput): Parcel {
  const weightOf = new Map(input.lines.map((l) => [l.skuId, l.unitWeightG]));
  const weightG = lines.reduce((sum, l) => sum + l.qty * (weightOf.get(l.skuId) ?? 0), 0);
  return {
    warehouseId: o.w.id,
    lines,
    weightG,
    zone: o.zone,
    costFen: shippingCostFen(input.serviceType, o.zone, weightG),
    transitDays: o.transitDays,
    distanceKm: o.distanceKm === null ? null : Math.round(o.distanceKm),
  };
}

const free = (input: PlanInput, warehouseId: string, skuId: string) =>
  input.stock.get(warehouseId)?.get(skuId) ?? 0;

/** Cheapest first, then quicker, then nearer, then by code. */
const byPreference = (a: Option, b: Option, ca: number, cb: number) =>
  ca - cb ||
  a.transitDays - b.transitDays ||
  (a.distanceKm ?? Number.MAX_VALUE) - (b.distanceKm ?? Number.MAX_VALUE) ||
  a.w.code.localeCompare(b.w.code);

export function planAllocation(input: PlanInput): PlanResult {
  const dest = pointOf(input.destination.provinceCode, input.destination.cityCode);
  const totalWeight = input.lines.reduce((s, l) => s + l.qty * l.unitWeightG, 0);
  const wholeOrder = input.lines.map((l) => ({ skuId: l.skuId, qty: l.qty }));
  const candidates: CandidateView[] = [];
  const options: Option[] = [];
  for (const w of input.warehouses) {
    const zone = zoneOf(w.provinceCode, input.destination.provinceCode);
    const o: Option = {
      w,
      zone,
      distanceKm: w.point && dest ? distanceKm(w.point, dest) : null,
      transitDays: input.transitDays(w.id, zone),
    };
    const rejected = rejectionOf(w, input);
    const covers = input.lines.filter((l) => free(input, w.id, l.skuId) >= l.qty).length;
    candidates.push({
      warehouseId: w.id,
      code: w.code,
      rejected: rejected ?? (covers < input.lines.length ? 'insufficient_stock' : null),
      coversLines: covers,
      totalLines: input.lines.length,
      zone,
      distanceKm: o.distanceKm === null ? null : Math.round(o.distanceKm),
      costFen: shippingCostFen(input.serviceType, zone, totalWeight),
      transitDays: o.transitDays,
      chosen: false,
    });
    if (!rejected) options.push(o);
  }
  const costOf = (o: Option) => shippingCostFen(input.serviceType, o.zone, totalWeight);
  const singles = options
    .filter((o) => input.lines.every((l) => free(input, o.w.id, l.skuId) >= l.qty))
    .sort((a, b) => byPreference(a, b, costOf(a), costOf(b)));
  const single = singles[0] ? [parcelOf(singles[0], wholeOrder, input)] : null;
  const split = bestSplit(options, input);
  const choose = (code: DecisionCode, parcels: Parcel[]): PlanResult => {
    for (const c of candidates) c.chosen = parcels.some((p) => p.warehouseId === c.warehouseId);
    return { ok: true, code, parcels, singleCostFen: single?.[0].costFen ?? null, candidates };
  };
  if (single) {
    const saving = single[0].costFen - (split ? totalCost(split) : Number.MAX_SAFE_INTEGER);
    if (split && saving >= Math.max(1, input.splitMinSavingFen)) return choose('split_cheaper', split);
    return choose(singles.length === 1 ? 'single_only' : 'single_best', single);
  }
  if (split) return choose('split_required', split);
  if (!options.length) return { ok: false, code: 'no_capable_warehouse', short: [], candidates };
  const short = input.lines
    .map((l) => ({
      skuId: l.skuId,
      wanted: l.qty,
      available: options.reduce((s, o) => s + free(input, o.w.id, l.skuId), 0),
    }))
    .filter((s) => s.available < s.wanted);
  return { ok: false, code: 'out_of_stock', short, candidates };
}

const totalCost = (parcels: Parcel[]) => parcels.reduce((s, p) => s + p.costFen, 0);

function subsets<T>(items: T[], size: number): T[][] {
  if (size === 0) return [[]];
  const out: T[][] = [];
  items.forEach((item, i) => {
    for (const rest of subsets(items.slice(i + 1), size - 1)) out.push([item, ...rest]);
  });
  return out;
}

/** The cheapest way to ship in full from 2..maxParcels warehouses, or null. */
function bestSplit(options: Option[], input: PlanInput): Parcel[] | null {
  if (options.length < 2) return null;
  const maxParcels = input.maxParcels ?? 3;
  // Consider the warehouses that hold most of the order (then the nearest) to bound the search.
  const considered = [...options]
    .sort(
      (a, b) =>
        input.lines.filter((l) => free(input, b.w.id, l.skuId) > 0).length -
          input.lines.filter((l) => free(input, a.w.id, l.skuId) > 0).length || byPreference(a, b, 0, 0),
    )
    .slice(0, MAX_SPLIT_WAREHOUSES);
  let best: Parcel[] | null = null;
  for (let size = 2; size <= Math.min(maxParcels, considered.length); size++) {
    for (const set of subsets(considered, size)) {
      const parcels = assign(set, input);
      if (!parcels || parcels.length < 2) continue;
      if (
        !best ||
        totalCost(parcels) < totalCost(best) ||
        (totalCost(parcels) === totalCost(best) && parcels.length < best.length)
      )
        best = parcels;
    }
  }
  return best;
}

/** Lines to the warehouses of `set`: whole to the cheapest per-kg holder, divided only when none has all. */
function assign(set: Option[], input: PlanInput): Parcel[] | null {
  const rank = [...set].sort((a, b) => {
    const ra =
      shippingCostFen(input.serviceType, a.zone, 2000) - shippingCostFen(input.serviceType, a.zone, 1000);
    const rb =
      shippingCostFen(input.serviceType, b.zone, 2000) - shippingCostFen(input.serviceType, b.zone, 1000);
    return byPreference(a, b, ra, rb);
  });
  const byWarehouse = new Map<string, Array<{ skuId: string; qty: number }>>();
  const give = (o: Option, skuId: string, qty: number) =>
    byWarehouse.set(o.w.id, [...(byWarehouse.get(o.w.id) ?? []), { skuId, qty }]);
  for (const line of input.lines) {
    const whole = rank.find((o) => free(input, o.w.id, line.skuId) >= line.qty);
    if (whole) {
      give(whole, line.skuId, line.qty);
      continue;
    }
    let left = line.qty;
    for (const o of rank) {
      const take = Math.min(left, free(input, o.w.id, line.skuId));
      if (take > 0) give(o, line.skuId, take);
      left -= take;
      if (left === 0) break;
    }
    if (left > 0) return null;
  }
  return rank.filter((o) => byWarehouse.has(o.w.id)).map((o) => parcelOf(o, byWarehouse.get(o.w.id)!, input));
}
