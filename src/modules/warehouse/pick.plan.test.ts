import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aisleOfCode, type LayoutBin, sequenceTasks, type TaskDraft } from './pick.plan';

/** A zone like the demo's: aisles A–C 3.2 m apart, 8 bays 1.3 m apart, the dispatch point in front. */
const bins: LayoutBin[] = ['A', 'B', 'C'].flatMap((aisle, a) =>
  Array.from({ length: 8 }, (_, b) => ({
    code: `${aisle}-${String(b + 1).padStart(2, '0')}-1-01`,
    xMm: 20_000 + a * 3200,
    yMm: 1000 + b * 1300,
  })),
);
const depot = { xMm: 0, yMm: 0 };
const task = (bin: LayoutBin, sku: string): TaskDraft => ({
  key: `${bin.code}|${sku}`,
  binId: bin.code,
  binCode: bin.code,
  skuCode: sku,
  xMm: bin.xMm,
  yMm: bin.yMm,
});

describe('pick list sequencing', () => {
  it('reads aisles from bin codes', () => {
    expect(aisleOfCode('A-03-2-05')).toBe('A');
    expect(aisleOfCode('K12-01')).toBe('K12');
    expect(aisleOfCode('DISPATCH')).toBeUndefined();
  });

  it('visits every task once, tasks at one bin together, never longer than an S-shape walk', () => {
    const tasks = [task(bins[1], 'X'), task(bins[20], 'Y'), task(bins[1], 'W'), task(bins[12], 'Z')];
    const plan = sequenceTasks(bins, depot, tasks);
    expect(plan.order.map((o) => o.seq)).toEqual([1, 2, 3, 4]);
    expect(new Set(plan.order.map((o) => o.key))).toEqual(new Set(tasks.map((t) => t.key)));
    const atA = plan.order.filter((o) => o.key.startsWith('A-02'));
    expect(atA.map((o) => o.key)).toEqual(['A-02-1-01|W', 'A-02-1-01|X']);
    expect(atA[1].seq - atA[0].seq).toBe(1);
    expect(atA[1].legMm).toBe(0);
    expect(plan.distanceMm).toBeLessThanOrEqual(plan.sShapeDistanceMm);
    expect(plan.layout.aisleNames).toEqual(['A', 'B', 'C']);
  });

  it('holds on random pick lists (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: bins.length - 1 }), { minLength: 1, maxLength: 15 }),
        (idx) => {
          const plan = sequenceTasks(
            bins,
            depot,
            idx.map((i) => task(bins[i], 'S')),
          );
          expect(plan.order).toHaveLength(idx.length);
          expect(plan.distanceMm).toBeLessThanOrEqual(plan.sShapeDistanceMm);
          const legs = plan.order.reduce((s, o) => s + o.legMm, 0);
          expect(legs).toBeLessThanOrEqual(plan.distanceMm);
        },
      ),
      { numRuns: 60 },
    );
  });
});
