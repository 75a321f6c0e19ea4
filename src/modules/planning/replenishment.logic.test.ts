import { describe, expect, it } from 'vitest';
import { planReplenishment, projectStock } from './replenishment.logic';

const Z90 = 1.2815515655446004;
const days = 30;
const forecast = {
  firstDay: '2026-03-01', // made yesterday: the first day is already past
  mean: Array(days).fill(20),
  p10: Array(days).fill(20 - Z90 * 5), // σd = 5 exactly
  p90: Array(days).fill(20 + Z90 * 5),
  events: [
    { date: '2026-03-08', event: 'promotion:P1', uplift: 2 },
    { date: '2026-03-09', event: 'promotion:P1', uplift: 2 },
    { date: '2026-03-10', event: 'holiday:Tomb-sweeping Day', uplift: 1.05 },
  ],
};
const policy = {
  serviceLevel: 0.95,
  leadTimeDays: 3,
  leadTimeSdDays: 0,
  reviewPeriodDays: 2,
  moq: 0,
  packSize: 10,
  orderingCostFen: 0,
  holdingRate: 0.25,
  unitCostFen: null,
};

describe('replenishment suggestion', () => {
  it('projects stock from available + receipts − forecast', () => {
    const p = projectStock('2026-03-02', 60, [{ due: '2026-03-05', qty: 50 }], Array(8).fill(20), 19);
    expect(p.stock).toEqual([40, 20, 0, 30, 10, -10, -30, -50]);
    expect(p.stockoutDate).toBe('2026-03-07');
    expect(p.belowSafetyDate).toBe('2026-03-04');
  });

  it('orders up to S when the position is at or below the reorder point, with why', () => {
    // SS = 1.644854 · √(5 · 5²) = 18.39 → 19; ROP = 20 · 5 + 18.39 → 119; lot = 20 · 7 = 140 → S = 259.
    // Position = 60 + 50 = 110 ≤ 119 → order 259 − 110 = 149 → packs of 10 → 150.
    const plan = planReplenishment({
      today: '2026-03-02',
      available: 60,
      receipts: [{ due: '2026-03-05', qty: 50 }],
      forecast,
      policy,
      promotionNames: new Map([['P1', 'Spring sale']]),
    });
    expect(plan.daily).toBe(20);
    expect(plan.dailySd).toBeCloseTo(5, 9);
    expect(plan.sdSource).toBe('quantiles');
    expect(plan.levels.safetyStock).toBe(19);
    expect(plan.levels.reorderPoint).toBe(119);
    expect(plan.levels.orderUpTo).toBe(259);
    expect(plan.position).toBe(110);
    expect(plan.needed).toBe(true);
    expect(plan.qty).toBe(150);
    // Stock falls below safety stock on 03-04; with a 3-day lead time the order was due on 03-01.
    expect(plan.late).toBe(true);
    expect(plan.orderBy).toBe('2026-03-02');
    expect(plan.needBy).toBe('2026-03-05');
    expect(plan.stockoutDate).toBe('2026-03-07');
    expect(plan.reasons).toEqual([
      { code: 'below_reorder_point', params: { position: 110, rop: 119 } },
      { code: 'stockout_projected', params: { date: '2026-03-07', days: 5 } },
      { code: 'promotion_ahead', params: { name: 'Spring sale', date: '2026-03-08', uplift: 200 } },
    ]);
  });

  it('nothing to order above the reorder point; the order date waits for the stock to run down', () => {
    const plan = planReplenishment({ today: '2026-03-02', available: 400, receipts: [], forecast, policy });
    expect(plan.needed).toBe(false);
    expect(plan.qty).toBe(0);
    // 400 − 20 · t < 19 first at t = 19 (03-21); minus the lead time → order by 03-18.
    expect(plan.belowSafetyDate).toBe('2026-03-21');
    expect(plan.orderBy).toBe('2026-03-18');
    expect(plan.late).toBe(false);
  });

  it('a backtest’s error spread replaces the quantile spread; shelf life caps fresh orders', () => {
    const plan = planReplenishment({
      today: '2026-03-02',
      available: 0,
      receipts: [],
      forecast,
      policy,
      backtestSd: 10,
      shelfLifeDays: 5,
      minRemainingShelfLifeDays: 2,
    });
    // SS = 1.644854 · √(5 · 100) = 36.78 → 37; ROP = 136.78 → 137; S = 137 + 140 = 277 → 280 wanted,
    // but only 3 sellable days · 20 = 60 can be sold before expiry → 60.
    expect(plan.sdSource).toBe('backtest');
    expect(plan.levels.safetyStock).toBe(37);
    expect(plan.qty).toBe(60);
    expect(plan.reasons.map((r) => r.code)).toContain('shelf_life_cap');
    expect(plan.reasons.map((r) => r.code)).toContain('arrives_after_stockout');
  });

  it('no demand, no order', () => {
    const zero = {
      ...forecast,
      mean: Array(days).fill(0),
      p10: Array(days).fill(0),
      p90: Array(days).fill(0),
    };
    expect(
      planReplenishment({ today: '2026-03-02', available: 0, receipts: [], forecast: zero, policy }).needed,
    ).toBe(false);
  });
});
