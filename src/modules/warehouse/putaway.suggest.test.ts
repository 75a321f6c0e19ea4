import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STORAGE_CLASSES, type StorageClass, ZONES_FOR_CLASS } from '../inventory';
import { holdKey, roomFor, type SlotBin, type SlotItem, suggestPutaway } from './putaway.suggest';

const bin = (over: Partial<SlotBin> & { id: string }): SlotBin => ({
  code: over.id,
  kind: 'reserve',
  storageClass: 'ambient',
  active: true,
  distanceMm: 1000,
  maxWeightG: null,
  maxVolumeMm3: null,
  loadWeightG: 0,
  loadVolumeMm3: 0,
  holds: new Set(),
  ...over,
});
const item = (over: Partial<SlotItem> = {}): SlotItem => ({
  key: 'line-1',
  skuId: 'sku-1',
  lotId: 'lot-1',
  qty: 10,
  unitWeightG: 1000,
  unitVolumeMm3: 1_000_000,
  storageClass: 'ambient',
  fastMover: false,
  ...over,
});

describe('suggestPutaway', () => {
  it('prefers the bin with the same SKU and lot, then empty bins by velocity and distance', () => {
    const bins = [
      bin({ id: 'far-same-lot', distanceMm: 90_000, holds: new Set([holdKey('sku-1', 'lot-1')]) }),
      bin({ id: 'near-face', kind: 'pick_face', distanceMm: 2000 }),
      bin({ id: 'near-reserve', distanceMm: 2500 }),
      bin({ id: 'nearest-shared', distanceMm: 100, holds: new Set([holdKey('sku-9', null)]) }),
    ];
    expect(suggestPutaway([item()], bins).placements.map((p) => [p.binId, p.reason])).toEqual([
      ['far-same-lot', 'same_lot'],
    ]);
    const noLot = bins.slice(1);
    expect(suggestPutaway([item()], noLot).placements[0]).toMatchObject({
      binId: 'near-reserve',
      reason: 'nearest_reserve',
    });
    expect(suggestPutaway([item({ fastMover: true })], noLot).placements[0]).toMatchObject({
      binId: 'near-face',
      reason: 'fast_mover_pick_face',
    });
    // Only shared bins left: the same SKU's other lot before strangers.
    const shared = [
      bin({ id: 'stranger', distanceMm: 10, holds: new Set([holdKey('sku-9', null)]) }),
      bin({ id: 'other-lot', distanceMm: 50_000, holds: new Set([holdKey('sku-1', 'lot-0')]) }),
    ];
    expect(suggestPutaway([item()], shared).placements[0]).toMatchObject({
      binId: 'other-lot',
      reason: 'shared_bin',
    });
  });

  it('splits across bins by the tighter of weight and volume, and reports what does not fit', () => {
    const bins = [
      bin({ id: 'a', distanceMm: 1, maxWeightG: 4500 }),
      bin({ id: 'b', distanceMm: 2, maxVolumeMm3: 3_000_000, loadVolumeMm3: 1_000_000 }),
      bin({ id: 'c', distanceMm: 3, maxWeightG: 100_000, maxVolumeMm3: 1_500_000 }),
    ];
    const plan = suggestPutaway([item({ qty: 10 })], bins);
    expect(plan.placements.map((p) => [p.binId, p.qty])).toEqual([
      ['a', 4],
      ['b', 2],
      ['c', 1],
    ]);
    expect(plan.unplaced.get('line-1')).toBe(3);
  });

  it('lets the items of one receipt share capacity without overfilling', () => {
    const bins = [bin({ id: 'only', maxWeightG: 15_000 })];
    const plan = suggestPutaway(
      [item({ key: 'x', qty: 10 }), item({ key: 'y', skuId: 'sku-2', qty: 10 })],
      bins,
    );
    expect(plan.placements.map((p) => [p.key, p.qty])).toEqual([
      ['x', 10],
      ['y', 5],
    ]);
    expect(plan.unplaced.get('y')).toBe(5);
  });

  it('never uses a bin of another storage class, an inactive bin or the dispatch point', () => {
    const bins = [
      bin({ id: 'ambient', distanceMm: 1 }),
      bin({ id: 'inactive', storageClass: 'frozen', active: false, distanceMm: 2 }),
      bin({ id: 'dispatch', kind: 'dispatch', storageClass: null, distanceMm: 0 }),
      bin({ id: 'frozen', storageClass: 'frozen', distanceMm: 90_000 }),
    ];
    const plan = suggestPutaway([item({ storageClass: 'frozen' })], bins);
    expect(plan.placements.map((p) => p.binId)).toEqual(['frozen']);
    expect(suggestPutaway([item({ storageClass: 'hazardous' })], bins).unplaced.get('line-1')).toBe(10);
  });

  it('holds its invariants for any warehouse and receipt', () => {
    const cls = fc.constantFrom(...STORAGE_CLASSES);
    const arbBin = fc.record({
      id: fc.uuid(),
      kind: fc.constantFrom('pick_face' as const, 'reserve' as const, 'dispatch' as const),
      storageClass: fc.option(cls, { nil: null }),
      active: fc.boolean(),
      distanceMm: fc.nat(100_000),
      maxWeightG: fc.option(fc.integer({ min: 1, max: 500_000 }), { nil: null }),
      maxVolumeMm3: fc.option(fc.integer({ min: 1, max: 1_000_000_000 }), { nil: null }),
      loadWeightG: fc.nat(200_000),
      loadVolumeMm3: fc.nat(500_000_000),
      sku: fc.option(fc.constantFrom('s1', 's2', 's3'), { nil: null }),
    });
    const arbItem = fc.record({
      skuId: fc.constantFrom('s1', 's2', 's3'),
      qty: fc.integer({ min: 1, max: 500 }),
      unitWeightG: fc.integer({ min: 0, max: 20_000 }),
      unitVolumeMm3: fc.integer({ min: 0, max: 50_000_000 }),
      storageClass: cls,
      fastMover: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbBin, { selector: (b) => b.id, maxLength: 12 }),
        fc.array(arbItem, { maxLength: 6 }),
        (rawBins, rawItems) => {
          const bins = rawBins.map(({ sku, ...b }) =>
            bin({ ...b, code: b.id, holds: new Set(sku ? [holdKey(sku, null)] : []) }),
          );
          const items = rawItems.map((it, i) => item({ ...it, key: `k${i}`, lotId: null }));
          const plan = suggestPutaway(items, bins);
          const load = new Map(bins.map((b) => [b.id, { w: b.loadWeightG, v: b.loadVolumeMm3 }]));
          for (const it of items) {
            const placed = plan.placements.filter((p) => p.key === it.key).reduce((s, p) => s + p.qty, 0);
            expect(placed + (plan.unplaced.get(it.key) ?? 0)).toBe(it.qty);
          }
          for (const p of plan.placements) {
            const b = bins.find((x) => x.id === p.binId)!;
            const it = items.find((x) => x.key === p.key)!;
            expect(p.qty).toBeGreaterThan(0);
            expect(b.active && b.kind !== 'dispatch').toBe(true);
            expect(ZONES_FOR_CLASS[it.storageClass as StorageClass]).toContain(b.storageClass);
            const l = load.get(b.id)!;
            l.w += p.qty * it.unitWeightG;
            l.v += p.qty * it.unitVolumeMm3;
            // A placement never pushes a bin over a capacity it was within before.
            if (b.maxWeightG !== null && it.unitWeightG > 0)
              expect(l.w).toBeLessThanOrEqual(Math.max(b.maxWeightG, b.loadWeightG));
            if (b.maxVolumeMm3 !== null && it.unitVolumeMm3 > 0)
              expect(l.v).toBeLessThanOrEqual(Math.max(b.maxVolumeMm3, b.loadVolumeMm3));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('roomFor and fast movers', () => {
  it('counts room by the tighter limit, unlimited when a bin has no capacity set', () => {
    expect(roomFor(bin({ id: 'x', maxWeightG: 10_000, loadWeightG: 2500 }), item())).toBe(7);
    expect(roomFor(bin({ id: 'x', maxWeightG: 1000, loadWeightG: 5000 }), item())).toBe(0);
    expect(roomFor(bin({ id: 'x' }), item())).toBe(Number.POSITIVE_INFINITY);
  });
});
