/**
 * Replenishment policy arithmetic (pure; docs/guide/planning.md gives the formulas with examples).
 *
 *   P   = L + R                       protection period: lead time plus review period (days)
 *   SS  = z · √(P·σd² + d²·σL²)        safety stock; z = Φ⁻¹(cycle service level)
 *   ROP = d·P + SS                     reorder point (order when the inventory position is at or below)
 *   EOQ = √(2·D·S / (h·c))             D = 365·d units a year, S ordering cost, h holding rate, c unit cost
 *   S   = ROP + Q                      order-up-to level, Q = EOQ rounded up to MOQ and pack size
 *
 * d is the mean daily forecast over the protection period (so promotions inside it raise it) and σd
 * the standard deviation of the daily forecast error. Without cost data the lot size Q covers the
 * review period (d·R, at least a week). Quantities round up to whole units.
 */
import { normalQuantile } from '../../solvers/forecast';

export interface PolicyParams {
  /** Cycle service level: probability of no stock-out in a replenishment cycle (0.5–0.9999). */
  serviceLevel: number;
  leadTimeDays: number;
  leadTimeSdDays: number;
  reviewPeriodDays: number;
  /** Minimum order quantity, units (0 = none). */
  moq: number;
  /** Orders are whole multiples of this, units. */
  packSize: number;
  /** Cost of placing one order, fen. */
  orderingCostFen: number;
  /** Holding cost per year as a share of the unit cost (0.25 = 25 %). */
  holdingRate: number;
  /** Unit cost, fen; null when unknown. */
  unitCostFen: number | null;
}

export interface DemandRate {
  /** Mean daily demand over the protection period, units. */
  daily: number;
  /** Standard deviation of the daily forecast error, units. */
  dailySd: number;
}

export interface PolicyLevels {
  z: number;
  protectionDays: number;
  safetyStock: number;
  reorderPoint: number;
  /** Unrounded economic order quantity, null without cost data. */
  eoq: number | null;
  /** The lot size actually used: EOQ (or the review-period cover) rounded to MOQ and pack size. */
  lotSize: number;
  orderUpTo: number;
}

/** z for a cycle service level. */
export const zFor = (serviceLevel: number): number => normalQuantile(serviceLevel);

/** z · √(P·σd² + d²·σL²), unrounded. */
export function safetyStock(
  z: number,
  demand: DemandRate,
  leadTimeDays: number,
  leadTimeSdDays: number,
  reviewPeriodDays: number,
): number {
  const p = leadTimeDays + reviewPeriodDays;
  return Math.max(0, z * Math.sqrt(p * demand.dailySd ** 2 + demand.daily ** 2 * leadTimeSdDays ** 2));
}

/** √(2·D·S / (h·c)), or null when a cost is missing or zero. */
export function economicOrderQuantity(
  annualDemand: number,
  orderingCostFen: number,
  holdingRate: number,
  unitCostFen: number | null,
): number | null {
  if (!unitCostFen || !(holdingRate > 0) || !(orderingCostFen > 0) || !(annualDemand > 0)) return null;
  return Math.sqrt((2 * annualDemand * orderingCostFen) / (holdingRate * unitCostFen));
}

/** Smallest quantity ≥ max(q, MOQ) that is a whole number of packs (0 stays 0 unless MOQ > 0). */
export function roundOrderQty(q: number, moq: number, packSize: number): number {
  const pack = Math.max(1, Math.floor(packSize));
  const wanted = Math.max(Math.ceil(q - 1e-9), moq);
  if (wanted <= 0) return 0;
  return Math.ceil(wanted / pack) * pack;
}

export function policyLevels(params: PolicyParams, demand: DemandRate): PolicyLevels {
  const z = zFor(params.serviceLevel);
  const protectionDays = params.leadTimeDays + params.reviewPeriodDays;
  const ss = safetyStock(z, demand, params.leadTimeDays, params.leadTimeSdDays, params.reviewPeriodDays);
  const safety = Math.ceil(ss - 1e-9);
  const reorderPoint = Math.ceil(demand.daily * protectionDays + ss - 1e-9);
  const eoq = economicOrderQuantity(
    demand.daily * 365,
    params.orderingCostFen,
    params.holdingRate,
    params.unitCostFen,
  );
  const base = eoq ?? demand.daily * Math.max(7, params.reviewPeriodDays);
  const lotSize = Math.max(
    roundOrderQty(base, params.moq, params.packSize),
    roundOrderQty(1, 0, params.packSize),
  );
  return {
    z,
    protectionDays,
    safetyStock: safety,
    reorderPoint,
    eoq,
    lotSize,
    orderUpTo: reorderPoint + lotSize,
  };
}
