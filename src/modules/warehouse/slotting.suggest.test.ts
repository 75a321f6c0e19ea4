import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StorageClass } from '../inventory';
import { type ReslotBin, type ReslotItem, suggestReslotting } from './slotting.suggest';

const bin = (id: string, tripMm: number, over: Partial<ReslotBin> = {}): ReslotBin => ({
  id,
  code: id,
  kind: 'pick_face',
  storageClass: 'ambient',
  active: true,
  tripMm,
  maxWeightG: 10_000,
  maxVolumeMm3: null,
  loadWeightG: 0,
  loadVolumeMm3: 0,
  skus: new Set(),
  movable: true,
  ...over,
});
const item = (
  skuId: string,
  cls: 'A' | 'B' | 'C',
  picks: number,
  stock: Array<[string, number]>,
  over: Partial<ReslotItem> = {},
): ReslotItem => ({
  skuId,
  class: cls,
  picksPerMonth: picks,
  storageClass: 'ambient',
  unitWeightG: 100,
  unitVolumeMm3: 1000,
  stock: stock.map(([binId, freeQty]) => ({ binId, lotId: null, freeQty })),
  ...over,
});
/** Bins with their loads for the items given (what is in each). */
function withLoads(bins: ReslotBin[], items: ReslotItem[]) {
  for (const i of items)
    for (const s of i.stock) {
      const b = bins.find((x) => x.id === s.binId)!;
      b.loadWeightG += s.freeQty * i.unitWeightG;
      b.loadVolumeMm3 += s.freeQty * i.unitVolumeMm3;
      b.skus.add(i.skuId);
    }
  return bins;
}

describe('suggestReslotting', () => {
  it('moves an A item to the nearest free pick face that has room, saving picks × trip difference', () => {
    const items = [item('fast', 'A', 100, [['far', 50]])];
    const bins = withLoads(
      [
        bin('near-small', 4000, { maxWeightG: 4000 }), // 50 × 100 g do not fit
        bin('near', 6000),
        bin('reserve', 2000, { kind: 'reserve' }),
        bin('chilled', 1000, { storageClass: 'chilled' }),
        bin('far', 30_000),
      ],
      items,
    );
    const [s] = suggestReslotting(items, bins);
    expect(s).toMatchObject({
      reason: 'a_to_prime',
      fromBinId: 'far',
      toBinId: 'near',
      qty: 50,
      savedMmPerMonth: 100 * 24_000,
      afterFreeingBin: null,
    });
  });

  it('does not move an A item for a gain below the minimum, nor a B item at all', () => {
    const items = [item('fast', 'A', 100, [['a', 5]]), item('mid', 'B', 50, [['b', 5]])];
    const bins = withLoads([bin('free', 9000), bin('a', 10_000), bin('b', 40_000)], items);
    expect(suggestReslotting(items, bins)).toEqual([]);
    expect(suggestReslotting(items, bins, { minTripGainMm: 500 }).map((s) => s.skuId)).toEqual(['fast']);
  });

  it('frees prime slots held by C items only, and lets the A item take the freed slot', () => {
    const items = [item('slow', 'C', 1, [['p1', 3]]), item('fast', 'A', 80, [['f', 10]])];
    const bins = withLoads(
      [
        bin('p1', 2000),
        bin('p2', 3000, { skus: new Set(['other']) }),
        bin('m', 8000),
        bin('f', 50_000),
        ...[1, 2, 3, 4, 5, 6].map((n) => bin(`x${n}`, 60_000 + n)),
      ],
      items,
    );
    const out = suggestReslotting(items, bins);
    expect(out.map((s) => [s.reason, s.skuId, s.fromBinId, s.toBinId, s.afterFreeingBin])).toEqual([
      ['c_out_of_prime', 'slow', 'p1', 'm', null],
      ['a_to_prime', 'fast', 'f', 'p1', 'p1'],
    ]);
    expect(out[0].savedMmPerMonth).toBe(1 * (2000 - 8000));
  });

  it('leaves a prime slot alone when it cannot be emptied (reserved stock, or an A item shares it)', () => {
    const items = [item('slow', 'C', 1, [['p1', 3]]), item('fast', 'A', 80, [['p1', 2]])];
    const bins = withLoads(
      [bin('p1', 2000), bin('m', 8000), ...[1, 2, 3, 4].map((n) => bin(`x${n}`, 60_000 + n))],
      items,
    );
    expect(suggestReslotting(items, bins).filter((s) => s.reason === 'c_out_of_prime')).toEqual([]);
    const held = withLoads(
      [
        bin('p1', 2000, { movable: false }),
        bin('m', 8000),
        ...[1, 2, 3, 4].map((n) => bin(`x${n}`, 60_000 + n)),
      ],
      [items[0]],
    );
    expect(suggestReslotting([items[0]], held)).toEqual([]);
  });

  it('never breaks storage class or capacity, never targets a busy bin, never moves more than is free', () => {
    const classes: StorageClass[] = ['ambient', 'chilled'];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            trip: fc.integer({ min: 1000, max: 60_000 }),
            cls: fc.constantFrom(...classes),
            kind: fc.constantFrom('pick_face' as const, 'reserve' as const),
            max: fc.option(fc.integer({ min: 500, max: 20_000 }), { nil: null }),
          }),
          { minLength: 2, maxLength: 14 },
        ),
        fc.array(
          fc.record({
            cls: fc.constantFrom('A' as const, 'B' as const, 'C' as const),
            storage: fc.constantFrom(...classes),
            picks: fc.integer({ min: 0, max: 500 }),
            weight: fc.integer({ min: 1, max: 800 }),
            qty: fc.integer({ min: 1, max: 30 }),
            at: fc.nat(),
          }),
          { maxLength: 8 },
        ),
        (binSpecs, itemSpecs) => {
          const bins = binSpecs.map((b, i) =>
            bin(`b${i}`, b.trip, { storageClass: b.cls, kind: b.kind, maxWeightG: b.max }),
          );
          const items = itemSpecs.map((s, i) => {
            const allowed = bins.filter((b) => b.storageClass === s.storage);
            const home = allowed.length ? allowed[s.at % allowed.length].id : bins[0].id;
            return item(`s${i}`, s.cls, s.picks, [[home, s.qty]], {
              storageClass: s.storage,
              unitWeightG: s.weight,
              unitVolumeMm3: 1,
            });
          });
          withLoads(bins, items);
          const before = new Map(bins.map((b) => [b.id, { ...b, skus: new Set(b.skus) }]));
          const out = suggestReslotting(items, bins);
          const freed = new Set(out.filter((s) => s.reason === 'c_out_of_prime').map((s) => s.fromBinId));
          const added = new Map<string, number>();
          for (const s of out) {
            const it = items.find((i) => i.skuId === s.skuId)!;
            const to = before.get(s.toBinId)!;
            expect(to.storageClass).toBe(it.storageClass);
            expect(to.active).toBe(true);
            expect(s.fromBinId).not.toBe(s.toBinId);
            if (s.reason === 'a_to_prime') {
              expect(to.kind).toBe('pick_face');
              expect(s.toTripMm).toBeLessThan(s.fromTripMm);
            }
            // The target was empty, or a C move frees it first.
            expect(to.skus.size === 0 || freed.has(to.id)).toBe(true);
            const free = it.stock.filter((x) => x.binId === s.fromBinId).reduce((t, x) => t + x.freeQty, 0);
            expect(s.qty).toBeLessThanOrEqual(free);
            added.set(to.id, (added.get(to.id) ?? 0) + s.qty * it.unitWeightG);
          }
          for (const [id, weight] of added) {
            const b = before.get(id)!;
            const base = freed.has(id) ? 0 : b.loadWeightG;
            if (b.maxWeightG !== null) expect(base + weight).toBeLessThanOrEqual(b.maxWeightG);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
