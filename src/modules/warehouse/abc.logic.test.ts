import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyAbc } from './abc.logic';

describe('classifyAbc', () => {
  it('splits by cumulative pick lines: A to 80 %, B to 95 %, C the rest and the unpicked', () => {
    const items = classifyAbc(
      [
        { skuId: 's3', lines: 10, units: 10 },
        { skuId: 's1', lines: 70, units: 100 },
        { skuId: 's2', lines: 15, units: 15 },
        { skuId: 's4', lines: 5, units: 50 },
      ],
      ['s5', 's1'],
    );
    expect(items.map((i) => [i.skuId, i.class, i.rank, i.cum])).toEqual([
      ['s1', 'A', 1, 70],
      // 70 % before it: still A (the SKU crossing the 80 % line belongs to A).
      ['s2', 'A', 2, 85],
      ['s3', 'B', 3, 95],
      ['s4', 'C', 4, 100],
      ['s5', 'C', 5, 100],
    ]);
  });

  it('breaks ties by units, then id, and puts a lone picked SKU in A', () => {
    const items = classifyAbc([
      { skuId: 'b', lines: 5, units: 1 },
      { skuId: 'a', lines: 5, units: 1 },
      { skuId: 'c', lines: 5, units: 9 },
    ]);
    expect(items.map((i) => i.skuId)).toEqual(['c', 'a', 'b']);
    expect(classifyAbc([{ skuId: 'x', lines: 1, units: 1 }])[0].class).toBe('A');
    expect(classifyAbc([], ['y'])).toEqual([{ skuId: 'y', lines: 0, units: 0, class: 'C', rank: 1, cum: 0 }]);
  });

  it('ranks by shipped units with the units basis: lines and units disagree, so do the classes', () => {
    // Few visits for many units (s1, bulk) against many visits for few units (s2, s3).
    const picks = [
      { skuId: 's1', lines: 5, units: 900 },
      { skuId: 's2', lines: 60, units: 60 },
      { skuId: 's3', lines: 30, units: 30 },
      { skuId: 's4', lines: 5, units: 10 },
    ];
    const view = (basis?: 'lines' | 'units') =>
      classifyAbc(picks, ['s5'], undefined, basis).map((i) => [i.skuId, i.class, i.rank, i.cum]);
    expect(view()).toEqual(view('lines'));
    expect(view('lines')).toEqual([
      ['s2', 'A', 1, 60],
      ['s3', 'A', 2, 90],
      // Tied on 5 lines: the units break the tie, then 90 % before: B.
      ['s1', 'B', 3, 95],
      ['s4', 'C', 4, 100],
      ['s5', 'C', 5, 100],
    ]);
    expect(view('units')).toEqual([
      ['s1', 'A', 1, 900],
      // 90 % of 1000 units before it: B, then 96 %: C.
      ['s2', 'B', 2, 960],
      ['s3', 'C', 3, 990],
      ['s4', 'C', 4, 1000],
      ['s5', 'C', 5, 1000],
    ]);
    // Tied on units: the lines break the tie, then the id.
    const tied = classifyAbc(
      [
        { skuId: 'b', lines: 1, units: 5 },
        { skuId: 'a', lines: 1, units: 5 },
        { skuId: 'c', lines: 9, units: 5 },
      ],
      [],
      undefined,
      'units',
    );
    expect(tied.map((i) => i.skuId)).toEqual(['c', 'a', 'b']);
  });

  it('ranks every SKU once, classes never go back up the ranking, and A covers at least the A share (either basis)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ lines: fc.integer({ min: 0, max: 1000 }), units: fc.integer({ min: 0, max: 5000 }) }),
          {
            maxLength: 60,
          },
        ),
        fc.constantFrom('lines' as const, 'units' as const),
        (rows, basis) => {
          const picks = rows.map((r, i) => ({ skuId: `s${String(i).padStart(3, '0')}`, ...r }));
          const items = classifyAbc(picks, [], undefined, basis);
          const picked = picks.filter((p) => p.lines > 0);
          expect(items).toHaveLength(picked.length);
          const order = 'ABC';
          for (let i = 1; i < items.length; i++) {
            expect(items[i][basis]).toBeLessThanOrEqual(items[i - 1][basis]);
            expect(order.indexOf(items[i].class)).toBeGreaterThanOrEqual(order.indexOf(items[i - 1].class));
          }
          const total = picked.reduce((s, p) => s + p[basis], 0);
          const inA = items.filter((i) => i.class === 'A').reduce((s, i) => s + i[basis], 0);
          if (total) expect(inA * 100).toBeGreaterThanOrEqual(80 * total);
          expect(items.at(-1)?.cum ?? 0).toBe(total);
        },
      ),
    );
  });
});
