import { describe, expect, it } from 'vitest';
import { accuracyOf, dailyRmse, groupAccuracy, naiveScale } from './accuracy';

describe('backtest accuracy', () => {
  it('naive scale: lag 7 for long histories, lag 1 for short ones', () => {
    // [5, 7, 4, 4]: |7−5| + |4−7| + |4−4| = 5 over 3 → 5/3
    expect(naiveScale([5, 7, 4, 4])).toBeCloseTo(5 / 3, 9);
    // 28 days: week 1 all 10, week 2 all 17, weeks 3–4 all 10 → lag-7 errors 7·7 + 7·7 = 98 over 21
    const train = [...Array(7).fill(10), ...Array(7).fill(17), ...Array(14).fill(10)];
    expect(naiveScale(train)).toBeCloseTo(98 / 21, 9);
    expect(naiveScale(Array(30).fill(3))).toBeNull();
    expect(naiveScale([4])).toBeNull();
  });

  it('MASE, WAPE and bias by hand', () => {
    const a = accuracyOf([
      // errors +2, −2, 0 → |e| 4, MAE 4/3, scaled by 2 → 0.6667
      { actual: [10, 20, 30], forecast: [12, 18, 30], scale: 2 },
      // errors +5, −3 → |e| 8, MAE 4, scaled by 5 → 0.8
      { actual: [0, 10], forecast: [5, 7], scale: 5 },
      // the stock-out day is left out; no scale → not in MASE
      { actual: [100, 10], forecast: [10, 10], skip: [true, false], scale: null },
    ]);
    expect(a.points).toBe(6);
    expect(a.actualSum).toBe(80);
    expect(a.absErrorSum).toBe(12);
    expect(a.errorSum).toBe(2);
    expect(a.wape).toBeCloseTo(12 / 80, 12);
    expect(a.bias).toBeCloseTo(2 / 80, 12);
    expect(a.mase).toBeCloseTo((4 / 3 / 2 + 4 / 5) / 2, 12);
    expect(dailyRmse(a)).toBeCloseTo(Math.sqrt(42 / 6), 12);
  });

  it('no actual demand: WAPE and bias undefined', () => {
    const a = accuracyOf([{ actual: [0, 0], forecast: [1, 1], scale: null }]);
    expect(a.wape).toBeNull();
    expect(a.bias).toBeNull();
    expect(a.mase).toBeNull();
  });

  it('groups pool WAPE and bias and average MASE', () => {
    const x = accuracyOf([{ actual: [10, 10], forecast: [12, 12], scale: 1 }]); // |e| 4, e +4, MASE 2
    const y = accuracyOf([{ actual: [30, 50], forecast: [30, 40], scale: 5 }]); // |e| 10, e −10, MASE 1
    const g = groupAccuracy([x, y]);
    expect(g.series).toBe(2);
    expect(g.wape).toBeCloseTo(14 / 100, 12);
    expect(g.bias).toBeCloseTo(-6 / 100, 12);
    expect(g.mase).toBeCloseTo(1.5, 12);
  });
});
