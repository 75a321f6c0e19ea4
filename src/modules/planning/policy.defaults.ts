import type { PolicyParams } from './policy.math';

/**
 * Policies used when a planner has entered none for a SKU × warehouse, by storage class. Fresh
 * (chilled) goods: short lead times, daily review, a lower service level and a high holding rate,
 * because what is not sold in days is thrown away. Lead times are placeholders until procurement
 * supplies the suppliers' real ones.
 */
export const DEFAULT_POLICIES: Record<string, PolicyParams> = {
  ambient: {
    serviceLevel: 0.95,
    leadTimeDays: 7,
    leadTimeSdDays: 2,
    reviewPeriodDays: 7,
    moq: 0,
    packSize: 1,
    orderingCostFen: 20_000,
    holdingRate: 0.25,
    unitCostFen: null,
  },
  chilled: {
    serviceLevel: 0.9,
    leadTimeDays: 2,
    leadTimeSdDays: 0.5,
    reviewPeriodDays: 1,
    moq: 0,
    packSize: 1,
    orderingCostFen: 10_000,
    holdingRate: 0.6,
    unitCostFen: null,
  },
  frozen: {
    serviceLevel: 0.95,
    leadTimeDays: 5,
    leadTimeSdDays: 1,
    reviewPeriodDays: 7,
    moq: 0,
    packSize: 1,
    orderingCostFen: 15_000,
    holdingRate: 0.35,
    unitCostFen: null,
  },
  fragile: {
    serviceLevel: 0.95,
    leadTimeDays: 7,
    leadTimeSdDays: 2,
    reviewPeriodDays: 7,
    moq: 0,
    packSize: 1,
    orderingCostFen: 20_000,
    holdingRate: 0.25,
    unitCostFen: null,
  },
  hazardous: {
    serviceLevel: 0.9,
    leadTimeDays: 10,
    leadTimeSdDays: 3,
    reviewPeriodDays: 14,
    moq: 0,
    packSize: 1,
    orderingCostFen: 30_000,
    holdingRate: 0.3,
    unitCostFen: null,
  },
};

export const defaultPolicyFor = (storageClass: string | null | undefined): PolicyParams =>
  DEFAULT_POLICIES[storageClass ?? 'ambient'] ?? DEFAULT_POLICIES.ambient;

/** Days of cover above which stock counts as overstock, by storage class. */
export const OVERSTOCK_DAYS: Record<string, number> = {
  ambient: 120,
  chilled: 14,
  frozen: 90,
  fragile: 120,
  hazardous: 90,
};

/** Stock with no demand for this many days is a slow mover. */
export const SLOW_MOVER_DAYS = 60;

/** Stock-out alerts look at most this many days ahead. */
export const STOCKOUT_ALERT_DAYS = 30;
