import { describe, expect, it } from 'vitest';
import { economicOrderQuantity, policyLevels, roundOrderQty, safetyStock, zFor } from './policy.math';

// Hand computations (docs/guide/planning.md):
// z(0.95) = 1.644854; d = 20/day, σd = 6, L = 4 days, σL = 1 day, R = 5 days → P = 9 days.
// SS = 1.644854 · √(9·6² + 20²·1²) = 1.644854 · √724 = 1.644854 · 26.907248 = 44.2585
// ROP = 20·9 + 44.2585 = 224.26 → 225
// EOQ = √(2 · 7300 · 5000 / (0.25 · 1000)) = √292000 = 540.37 → MOQ 100, packs of 24 → 23 packs = 552
// S = ROP + Q = 225 + 552 = 777
const params = {
  serviceLevel: 0.95,
  leadTimeDays: 4,
  leadTimeSdDays: 1,
  reviewPeriodDays: 5,
  moq: 100,
  packSize: 24,
  orderingCostFen: 5000,
  holdingRate: 0.25,
  unitCostFen: 1000,
};

describe('replenishment policy arithmetic', () => {
  it('z from the cycle service level', () => {
    expect(zFor(0.95)).toBeCloseTo(1.644854, 5);
    expect(zFor(0.5)).toBeCloseTo(0, 9);
    expect(zFor(0.99)).toBeCloseTo(2.326348, 5);
  });

  it('safety stock covers forecast error over L + R and lead-time variability', () => {
    expect(safetyStock(zFor(0.95), { daily: 20, dailySd: 6 }, 4, 1, 5)).toBeCloseTo(44.2585, 3);
    // No lead-time variability: z·σd·√P = 1.644854 · 6 · 3 = 29.6074
    expect(safetyStock(zFor(0.95), { daily: 20, dailySd: 6 }, 4, 0, 5)).toBeCloseTo(29.6074, 3);
    // Only lead-time variability: z·d·σL = 1.644854 · 20 · 1 = 32.8971
    expect(safetyStock(zFor(0.95), { daily: 20, dailySd: 0 }, 4, 1, 5)).toBeCloseTo(32.8971, 3);
  });

  it('EOQ from annual demand and costs; none without cost data', () => {
    expect(economicOrderQuantity(7300, 5000, 0.25, 1000)).toBeCloseTo(540.37, 2);
    expect(economicOrderQuantity(7300, 5000, 0.25, null)).toBeNull();
    expect(economicOrderQuantity(7300, 0, 0.25, 1000)).toBeNull();
  });

  it('rounds order quantities up to the MOQ and whole packs', () => {
    expect(roundOrderQty(540.37, 100, 24)).toBe(552);
    expect(roundOrderQty(10, 100, 24)).toBe(120);
    expect(roundOrderQty(24, 0, 12)).toBe(24);
    expect(roundOrderQty(25, 0, 12)).toBe(36);
    expect(roundOrderQty(0, 0, 6)).toBe(0);
    expect(roundOrderQty(3.2, 0, 1)).toBe(4);
  });

  it('levels: safety stock, reorder point, lot size and order-up-to level', () => {
    const levels = policyLevels(params, { daily: 20, dailySd: 6 });
    expect(levels.protectionDays).toBe(9);
    expect(levels.safetyStock).toBe(45);
    expect(levels.reorderPoint).toBe(225);
    expect(levels.eoq).toBeCloseTo(540.37, 2);
    expect(levels.lotSize).toBe(552);
    expect(levels.orderUpTo).toBe(777);
  });

  it('without cost data the lot covers the review period (at least a week), in packs', () => {
    const levels = policyLevels({ ...params, unitCostFen: null, moq: 0 }, { daily: 20, dailySd: 6 });
    // max(7, R = 5) = 7 days · 20 = 140 → 6 packs of 24 = 144
    expect(levels.eoq).toBeNull();
    expect(levels.lotSize).toBe(144);
    expect(levels.orderUpTo).toBe(225 + 144);
  });
});
