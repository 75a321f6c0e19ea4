import { describe, expect, it } from 'vitest';
import {
  CARTON_TYPES,
  OWN_PACKAGING,
  type PackSku,
  packItemsOf,
  proposePackages,
  refitPackage,
} from './pack.plan';

const sku = (id: string, over: Partial<PackSku> = {}): PackSku => ({
  id,
  code: id.toUpperCase(),
  lengthMm: 200,
  widthMm: 150,
  heightMm: 100,
  weightG: 800,
  storageClass: 'ambient',
  ...over,
});
const skus = new Map(
  [
    sku('tea'),
    sku('milk', { storageClass: 'chilled', lengthMm: 100, widthMm: 70, heightMm: 200, weightG: 1050 }),
    sku('glass', { storageClass: 'fragile', weightG: 400 }),
    sku('spray', {
      storageClass: 'hazardous',
      hazardClass: '2.1',
      lengthMm: 60,
      widthMm: 60,
      heightMm: 200,
      weightG: 300,
    }),
    sku('sofa', { lengthMm: 2000, widthMm: 900, heightMm: 800, weightG: 40_000 }),
  ].map((s) => [s.id, s]),
);

describe('cartonisation of an order', () => {
  it('maps catalog facts to the solver rules', () => {
    const items = packItemsOf(
      [
        { skuId: 'milk', qty: 2 },
        { skuId: 'glass', qty: 1 },
        { skuId: 'spray', qty: 1 },
        { skuId: 'milk', qty: 1 },
      ],
      skus,
    );
    expect(items.find((i) => i.sku === 'milk')).toMatchObject({
      qty: 3,
      temperature: 'chilled',
      food: true,
      hazardous: false,
    });
    expect(items.find((i) => i.sku === 'glass')).toMatchObject({ fragile: true, orientation: 'upright' });
    expect(items.find((i) => i.sku === 'spray')).toMatchObject({ hazardous: true, food: false });
  });

  it('keeps chilled goods in insulated boxes and hazardous goods away from food, every unit packed once', () => {
    const items = packItemsOf(
      [
        { skuId: 'milk', qty: 2 },
        { skuId: 'tea', qty: 2 },
        { skuId: 'spray', qty: 1 },
      ],
      skus,
    );
    const plan = proposePackages(items);
    const count = (id: string) =>
      plan
        .flatMap((p) => p.items)
        .filter((i) => i.skuId === id)
        .reduce((s, i) => s + i.qty, 0);
    expect([count('milk'), count('tea'), count('spray')]).toEqual([2, 2, 1]);
    for (const p of plan) {
      const ids = p.items.map((i) => i.skuId);
      if (ids.includes('milk')) {
        expect(CARTON_TYPES.find((c) => c.id === p.cartonTypeId)?.insulated).toBe(true);
        expect(p.coolantPacks).toBeGreaterThan(0);
        expect(p.temperature).toBe('chilled');
      }
      expect(ids.includes('spray') && ids.includes('milk')).toBe(false);
      expect(p.grossWeightG).toBeGreaterThan(0);
    }
  });

  it('ships goods no carton takes in their own packaging, one parcel per unit', () => {
    const plan = proposePackages(
      packItemsOf(
        [
          { skuId: 'sofa', qty: 2 },
          { skuId: 'tea', qty: 1 },
        ],
        skus,
      ),
    );
    const own = plan.filter((p) => p.cartonTypeId === OWN_PACKAGING);
    expect(own).toHaveLength(2);
    expect(own[0]).toMatchObject({
      items: [{ skuId: 'sofa', qty: 1 }],
      lengthMm: 2000,
      grossWeightG: 40_000,
    });
  });

  it('refits a package into a larger carton, and refuses one too small or not insulated', () => {
    const items = packItemsOf([{ skuId: 'tea', qty: 2 }], skus);
    expect(refitPackage(items, 'P1')).toMatchObject({
      cartonTypeId: 'P1',
      items: [{ skuId: 'tea', qty: 2 }],
    });
    expect(refitPackage(items, 'P12')).toBeNull();
    expect(refitPackage(packItemsOf([{ skuId: 'milk', qty: 1 }], skus), 'P1')).toBeNull();
    expect(refitPackage(items, 'NOPE')).toBeNull();
  });
});
