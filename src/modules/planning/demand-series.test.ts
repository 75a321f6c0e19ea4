import { describe, expect, it } from 'vitest';
import { abcClasses, dailySeries, imputeCensored } from './demand-series';

describe('daily demand series', () => {
  it('fills missing days with zero from the first stored day to the last day', () => {
    const s = dailySeries(
      [
        { day: '2026-03-03', qty: 4, stockout: false },
        { day: '2026-03-05', qty: 2, stockout: true },
        { day: '2026-03-09', qty: 9, stockout: false },
      ],
      '2026-03-07',
    );
    expect(s).toEqual({
      firstDay: '2026-03-03',
      values: [4, 0, 2, 0, 0],
      stockout: [false, false, true, false, false],
    });
    expect(dailySeries([{ day: '2026-03-09', qty: 1, stockout: false }], '2026-03-07')).toBeNull();
    expect(dailySeries([{ day: '2026-03-01', qty: 1, stockout: false }], '2026-03-03', '2026-03-02')).toEqual(
      {
        firstDay: '2026-03-02',
        values: [0, 0],
        stockout: [false, false],
      },
    );
  });

  it('replaces censored (stock-out) days by the same weekday’s median when that is higher', () => {
    const values = [10, 1, 1, 1, 1, 1, 1, 12, 1, 1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1, 1, 14];
    const stockout = values.map((_, t) => t === 14);
    const imputed = imputeCensored(values, stockout);
    expect(imputed[14]).toBe(12); // median of 10, 12, 14
    expect(imputed.filter((_, t) => t !== 14)).toEqual(values.filter((_, t) => t !== 14));
    // A stock-out day that sold more than usual keeps its sales.
    expect(
      imputeCensored([1, 1, 1, 1, 1, 1, 1, 9], [false, false, false, false, false, false, false, true])[7],
    ).toBe(9);
  });

  it('ABC classes by cumulative share of volume', () => {
    const classes = abcClasses(
      new Map([
        ['a', 700],
        ['b', 150],
        ['c', 100],
        ['d', 40],
        ['e', 10],
        ['z', 0],
      ]),
    );
    expect(Object.fromEntries(classes)).toEqual({ a: 'A', b: 'A', c: 'B', d: 'C', e: 'C', z: 'C' });
  });
});
