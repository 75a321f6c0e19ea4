import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PlanInput, type PlanWarehouse, planAllocation, type StorageClass } from './allocation.plan';
import { DEFAULT_TRANSIT_DAYS } from './shipping.rates';

const ALL: StorageClass[] = ['ambient', 'chilled', 'frozen', 'fragile'];
const wh = (code: string, provinceCode: string, lat: number, lng: number, classes = ALL): PlanWarehouse => ({
  id: code,
  code,
  provinceCode,
  point: { lat, lng },
  storageClasses: new Set(classes),
});
const SH = wh('WH-SH', '31', 31.3, 121.16);
const BJ = wh('WH-BJ', '11', 40.13, 116.65);
const GZ = wh('WH-GZ', '44', 23.34, 113.35);
const DRY = wh('WH-DRY', '33', 30.27, 120.16, ['ambient']);

function input(
  over: Omit<Partial<PlanInput>, 'stock'> & { stock: Record<string, Record<string, number>> },
): PlanInput {
  return {
    lines: [{ skuId: 'A', qty: 2, unitWeightG: 500, storageClass: 'ambient' }],
    warehouses: [SH, BJ, GZ],
    destination: { provinceCode: '33', cityCode: '3301' },
    serviceType: 'standard',
    transitDays: (_w, zone) => DEFAULT_TRANSIT_DAYS.standard[zone],
    splitMinSavingFen: 100,
    ...over,
    stock: new Map(Object.entries(over.stock).map(([w, s]) => [w, new Map(Object.entries(s))])),
  };
}

describe('planAllocation', () => {
  it('takes the cheapest single warehouse that has everything (Hangzhou ← Shanghai, same region)', () => {
    const r = planAllocation(input({ stock: { 'WH-SH': { A: 5 }, 'WH-BJ': { A: 5 }, 'WH-GZ': { A: 5 } } }));
    expect(r.ok && r.code).toBe('single_best');
    if (!r.ok) return;
    expect(r.parcels).toHaveLength(1);
    expect(r.parcels[0]).toMatchObject({ warehouseId: 'WH-SH', zone: 2, costFen: 800 });
    expect(r.candidates.find((c) => c.code === 'WH-SH')?.chosen).toBe(true);
    expect(r.candidates.find((c) => c.code === 'WH-BJ')?.chosen).toBe(false);
  });

  it('breaks a cost tie by distance', () => {
    // Guangzhou and Beijing are both zone 3 for Chengdu; Guangzhou is nearer.
    const r = planAllocation(
      input({
        destination: { provinceCode: '51', cityCode: '5101' },
        stock: { 'WH-BJ': { A: 5 }, 'WH-GZ': { A: 5 } },
      }),
    );
    expect(r.ok && r.parcels[0].warehouseId).toBe('WH-GZ');
  });

  it('says when only one warehouse can ship in full', () => {
    const r = planAllocation(input({ stock: { 'WH-BJ': { A: 5 }, 'WH-SH': { A: 1 } } }));
    expect(r.ok && r.code).toBe('single_only');
    expect(r.ok && r.parcels[0].warehouseId).toBe('WH-BJ');
  });

  it('splits when no warehouse has everything', () => {
    const r = planAllocation(
      input({
        lines: [
          { skuId: 'A', qty: 1, unitWeightG: 500, storageClass: 'ambient' },
          { skuId: 'B', qty: 1, unitWeightG: 500, storageClass: 'ambient' },
        ],
        stock: { 'WH-SH': { A: 3 }, 'WH-GZ': { B: 3 } },
      }),
    );
    expect(r.ok && r.code).toBe('split_required');
    if (!r.ok) return;
    expect(r.parcels.map((p) => [p.warehouseId, p.lines])).toEqual([
      ['WH-SH', [{ skuId: 'A', qty: 1 }]],
      ['WH-GZ', [{ skuId: 'B', qty: 1 }]],
    ]);
  });

  it('divides a line only when no warehouse has all of it', () => {
    const r = planAllocation(
      input({
        lines: [{ skuId: 'A', qty: 5, unitWeightG: 100, storageClass: 'ambient' }],
        stock: { 'WH-SH': { A: 3 }, 'WH-BJ': { A: 3 } },
      }),
    );
    expect(r.ok && r.code).toBe('split_required');
    if (!r.ok) return;
    expect(r.parcels.map((p) => p.lines[0].qty).sort()).toEqual([2, 3]);
    expect(r.parcels.find((p) => p.warehouseId === 'WH-SH')?.lines[0].qty).toBe(3);
  });

  it('splits a heavy order when that is cheaper than one far warehouse', () => {
    // 30 kg of A is only near (Shanghai); the light B is only in Beijing, which also has A.
    const r = planAllocation(
      input({
        lines: [
          { skuId: 'A', qty: 30, unitWeightG: 1000, storageClass: 'ambient' },
          { skuId: 'B', qty: 1, unitWeightG: 100, storageClass: 'ambient' },
        ],
        stock: { 'WH-SH': { A: 30 }, 'WH-BJ': { A: 30, B: 1 } },
      }),
    );
    expect(r.ok && r.code).toBe('split_cheaper');
    if (!r.ok) return;
    expect(r.singleCostFen).toBe(1000 + 30 * 400);
    const total = r.parcels.reduce((s, p) => s + p.costFen, 0);
    expect(total).toBeLessThan(r.singleCostFen!);
  });

  it('keeps one warehouse when a split saves less than the threshold', () => {
    const r = planAllocation(
      input({
        lines: [
          { skuId: 'A', qty: 30, unitWeightG: 1000, storageClass: 'ambient' },
          { skuId: 'B', qty: 1, unitWeightG: 100, storageClass: 'ambient' },
        ],
        splitMinSavingFen: 1_000_000,
        stock: { 'WH-SH': { A: 30 }, 'WH-BJ': { A: 30, B: 1 } },
      }),
    );
    expect(r.ok && r.code).toBe('single_only');
  });

  it('never sends a cold-chain order from a warehouse without a cold zone', () => {
    const r = planAllocation(
      input({
        warehouses: [DRY, GZ],
        serviceType: 'cold_chain',
        stock: { 'WH-DRY': { A: 10 }, 'WH-GZ': { A: 10 } },
      }),
    );
    expect(r.ok && r.parcels[0].warehouseId).toBe('WH-GZ');
    expect(r.candidates.find((c) => c.code === 'WH-DRY')?.rejected).toBe('no_cold_chain');
    const none = planAllocation(
      input({ warehouses: [DRY], serviceType: 'cold_chain', stock: { 'WH-DRY': { A: 10 } } }),
    );
    expect(none).toMatchObject({ ok: false, code: 'no_capable_warehouse' });
  });

  it('needs the matching zone for chilled and frozen lines', () => {
    const chilledOnly = wh('WH-C', '33', 30.27, 120.16, ['ambient', 'chilled']);
    const r = planAllocation(
      input({
        warehouses: [chilledOnly, GZ],
        lines: [{ skuId: 'F', qty: 1, unitWeightG: 1000, storageClass: 'frozen' }],
        serviceType: 'cold_chain',
        stock: { 'WH-C': { F: 5 }, 'WH-GZ': { F: 5 } },
      }),
    );
    expect(r.ok && r.parcels[0].warehouseId).toBe('WH-GZ');
    expect(r.candidates.find((c) => c.code === 'WH-C')?.rejected).toBe('no_cold_zone');
  });

  it('reports what is short', () => {
    const r = planAllocation(
      input({
        lines: [{ skuId: 'A', qty: 9, unitWeightG: 1, storageClass: 'ambient' }],
        stock: { 'WH-SH': { A: 3 }, 'WH-GZ': { A: 2 } },
      }),
    );
    expect(r).toMatchObject({
      ok: false,
      code: 'out_of_stock',
      short: [{ skuId: 'A', wanted: 9, available: 5 }],
    });
  });

  it('never plans more than is free, and ships every unit exactly once', () => {
    const skus = ['A', 'B', 'C', 'D'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ sku: fc.constantFrom(...skus), qty: fc.integer({ min: 1, max: 8 }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 4, maxLength: 4 }), {
          minLength: 3,
          maxLength: 3,
        }),
        (rows, levels) => {
          const merged = new Map<string, number>();
          for (const r of rows) merged.set(r.sku, (merged.get(r.sku) ?? 0) + r.qty);
          const stock = Object.fromEntries(
            ['WH-SH', 'WH-BJ', 'WH-GZ'].map((w, i) => [
              w,
              Object.fromEntries(skus.map((s, j) => [s, levels[i][j]])),
            ]),
          );
          const r = planAllocation(
            input({
              lines: [...merged].map(([skuId, qty]) => ({
                skuId,
                qty,
                unitWeightG: 300,
                storageClass: 'ambient',
              })),
              stock,
            }),
          );
          if (!r.ok) return;
          const shipped = new Map<string, number>();
          for (const p of r.parcels)
            for (const l of p.lines) {
              expect(l.qty).toBeLessThanOrEqual(stock[p.warehouseId][l.skuId]);
              shipped.set(l.skuId, (shipped.get(l.skuId) ?? 0) + l.qty);
            }
          expect(shipped).toEqual(merged);
          expect(new Set(r.parcels.map((p) => p.warehouseId)).size).toBe(r.parcels.length);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });
});
