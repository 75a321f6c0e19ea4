import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CartonType,
  CHINA_EXPRESS_CARTON_SET,
  CHINA_POSTAL_CARTONS,
  checkPacking,
  DEFAULT_RULES,
  generateOrders,
  type PackInput,
  type PackItem,
  packOrder,
  packSmallestSingleBox,
} from './index';

const carton = (
  id: string,
  l: number,
  w: number,
  h: number,
  extra: Partial<CartonType> = {},
): CartonType => ({
  id,
  innerLengthMm: l,
  innerWidthMm: w,
  innerHeightMm: h,
  maxWeightG: 30_000,
  tareWeightG: 0,
  costFen: 0,
  ...extra,
});
const cube = (
  sku: string,
  side: number,
  weightG: number,
  qty = 1,
  extra: Partial<PackItem> = {},
): PackItem => ({
  sku,
  lengthMm: side,
  widthMm: side,
  heightMm: side,
  weightG,
  qty,
  ...extra,
});

function packChecked(input: PackInput) {
  const r = packOrder(input);
  expect(checkPacking(input, r).errors).toEqual([]);
  return r;
}

describe('packOrder: geometry and carton choice', () => {
  it('fills a carton exactly with 24 cubes', () => {
    const r = packChecked({ items: [cube('c', 100, 10, 24)], cartonTypes: [carton('A', 200, 300, 400)] });
    expect(r.cartons).toHaveLength(1);
    expect(r.cartons[0].fillPct).toBeCloseTo(100, 9);
    expect(r.cartons[0].items).toHaveLength(24);
  });

  it('picks the carton with the least billable weight, and prices it by dimensional weight', () => {
    const input: PackInput = {
      items: [cube('c', 100, 200, 2)],
      cartonTypes: [
        carton('big', 400, 400, 400, { tareWeightG: 300 }),
        carton('small', 200, 100, 100, { tareWeightG: 50 }),
      ],
    };
    const r = packChecked(input);
    expect(r.cartons.map((c) => c.cartonTypeId)).toEqual(['small']);
    // Outer 210 × 110 × 110 mm = 2 541 000 mm³ → 2541 cm³ / 6000 → 423.5 g, rounded up.
    expect(r.cartons[0].dimWeightG).toBe(424);
    expect(r.cartons[0].grossWeightG).toBe(450);
    expect(r.billableWeightG).toBe(450);
  });

  it('splits an order when two small cartons bill less than one big one, unless each carton costs extra', () => {
    const input: PackInput = {
      items: [cube('c', 100, 100, 2)],
      cartonTypes: [carton('double', 250, 120, 120), carton('single', 100, 100, 100)],
    };
    // One 'double': outer 260 × 130 × 130 → 733 g; two 'single': 2 × 222 g.
    const pure = packChecked({ ...input, rules: { cartonPenaltyG: 0 } });
    expect(pure.cartons.map((c) => c.cartonTypeId)).toEqual(['single', 'single']);
    const merged = packChecked({ ...input, rules: { cartonPenaltyG: 500 } });
    expect(merged.cartons.map((c) => c.cartonTypeId)).toEqual(['double']);
    expect(merged.billableWeightG).toBe(733);
  });

  it('rounds billable weight up to the billing step', () => {
    const r = packChecked({
      items: [cube('c', 100, 200)],
      cartonTypes: [carton('small', 100, 100, 100, { tareWeightG: 50 })],
      rules: { billingStepG: 500 },
    });
    expect(r.billableWeightG).toBe(500);
  });

  it('stands a carton on its side so an upright bottle fits', () => {
    const bottle: PackItem = {
      sku: 'b',
      lengthMm: 70,
      widthMm: 70,
      heightMm: 240,
      weightG: 800,
      qty: 1,
      orientation: 'upright',
    };
    const r = packChecked({ items: [bottle], cartonTypes: [carton('flat', 300, 250, 100)] });
    expect(r.cartons[0].innerZMm).toBe(250);
    expect(['LWH', 'WLH']).toContain(r.cartons[0].items[0].orientation);
    expect(r.cartons[0].items[0].dzMm).toBe(240);
  });

  it('keeps fragile goods under nothing heavy: the heavy unit goes below', () => {
    const items = [cube('glass', 100, 300, 1, { fragile: true }), cube('iron', 100, 2000)];
    const r = packChecked({ items, cartonTypes: [carton('tower', 100, 100, 200)] });
    const z = Object.fromEntries(r.cartons[0].items.map((p) => [p.sku, p.zMm]));
    expect(z).toEqual({ iron: 0, glass: 100 });
    // Two heavy fragile units cannot stack: two cartons.
    const two = packChecked({
      items: [cube('vase', 100, 2000, 2, { fragile: true })],
      cartonTypes: [carton('tower', 100, 100, 200)],
    });
    expect(two.cartons).toHaveLength(2);
  });

  it('splits by the weight limit', () => {
    const r = packChecked({
      items: [cube('lead', 100, 4000, 5)],
      cartonTypes: [carton('A', 500, 500, 500, { maxWeightG: 10_000, tareWeightG: 500 })],
    });
    expect(r.cartons).toHaveLength(3);
    expect(Math.max(...r.cartons.map((c) => c.grossWeightG))).toBeLessThanOrEqual(10_000);
  });

  it('reports what no carton takes, with the reason', () => {
    const r = packChecked({
      items: [
        cube('huge', 900, 100),
        cube('anvil', 100, 50_000),
        { ...cube('flat', 100, 10), heightMm: 0 },
        cube('fish', 100, 500, 2, { temperature: 'frozen', food: true }),
        cube('ok', 100, 100),
      ],
      cartonTypes: [carton('A', 500, 500, 500)],
    });
    expect(r.unpacked).toEqual(
      expect.arrayContaining([
        { sku: 'huge', qty: 1, reason: 'too_large' },
        { sku: 'anvil', qty: 1, reason: 'too_heavy' },
        { sku: 'flat', qty: 1, reason: 'invalid_item' },
        { sku: 'fish', qty: 2, reason: 'no_insulated_carton' },
      ]),
    );
    expect(r.cartons.flatMap((c) => c.items.map((i) => i.sku))).toEqual(['ok']);
  });

  it('rejects duplicate SKUs and carton ids', () => {
    expect(() =>
      packOrder({ items: [cube('a', 10, 1), cube('a', 10, 1)], cartonTypes: [carton('A', 100, 100, 100)] }),
    ).toThrow(RangeError);
    expect(() =>
      packOrder({ items: [], cartonTypes: [carton('A', 100, 100, 100), carton('A', 90, 90, 90)] }),
    ).toThrow(RangeError);
  });
});

describe('packOrder: cold and hazardous rules', () => {
  const set = [
    carton('plain', 400, 300, 300, { tareWeightG: 200 }),
    carton('cool', 400, 300, 300, { insulated: true, tareWeightG: 600 }),
  ];

  it('packs chilled and frozen goods apart, in insulated cartons, with coolant', () => {
    const r = packChecked({
      items: [
        cube('milk', 100, 1000, 1, { temperature: 'chilled', food: true }),
        cube('dumplings', 100, 1000, 1, { temperature: 'frozen', food: true }),
        cube('book', 100, 400),
      ],
      cartonTypes: set,
    });
    const byTemp = Object.fromEntries(r.cartons.map((c) => [c.temperature, c]));
    expect(Object.keys(byTemp).sort()).toEqual(['ambient', 'chilled', 'frozen']);
    expect(byTemp.chilled.cartonTypeId).toBe('cool');
    expect(byTemp.chilled.coolant).toHaveLength(1);
    expect(byTemp.frozen.coolant).toHaveLength(2);
    expect(byTemp.ambient.cartonTypeId).toBe('plain');
    expect(byTemp.frozen.grossWeightG).toBe(600 + 1000 + 2 * 400);
  });

  it('never puts hazardous goods with food, but may with other ambient goods', () => {
    const r = packChecked({
      items: [cube('powerbank', 100, 300, 1, { hazardous: true }), cube('tea', 100, 300, 1, { food: true })],
      cartonTypes: set,
    });
    expect(r.cartons).toHaveLength(2);
    const shared = packChecked({
      items: [cube('powerbank', 100, 300, 1, { hazardous: true }), cube('socks', 100, 300)],
      cartonTypes: set,
    });
    expect(shared.cartons).toHaveLength(1);
  });
});

describe('checkPacking catches broken results', () => {
  const input: PackInput = {
    items: [
      { sku: 'a', lengthMm: 150, widthMm: 100, heightMm: 50, weightG: 600, qty: 2 },
      cube('glass', 100, 200, 1, { fragile: true }),
    ],
    cartonTypes: [carton('A', 300, 100, 200, { maxWeightG: 2000 })],
  };
  const good = packOrder(input);
  const broken = (edit: (r: typeof good) => void) => {
    const r = structuredClone(good);
    edit(r);
    return checkPacking(input, r).errors;
  };

  it('accepts the packer result and flags each kind of fault', () => {
    expect(checkPacking(input, good).errors).toEqual([]);
    expect(
      broken((r) => Object.assign(r.cartons[0].items[1], { xMm: r.cartons[0].items[0].xMm, yMm: 0, zMm: 0 })),
    ).not.toEqual([]);
    expect(broken((r) => Object.assign(r.cartons[0].items[0], { xMm: 250 })).join()).toMatch(
      /sticks out|overlaps/,
    );
    expect(broken((r) => r.cartons[0].items.pop()).join()).toMatch(/packed \+/);
    expect(broken((r) => (r.cartons[0].grossWeightG += 1)).join()).toMatch(/gross weight/);
    const turn = (r: typeof good) => {
      const p = r.cartons[0].items.find((i) => i.sku === 'a')!;
      p.orientation = p.orientation === 'HWL' ? 'LWH' : 'HWL';
    };
    expect(broken(turn).join()).toMatch(/do not match orientation/);
    expect(broken((r) => Object.assign(r.cartons[0].items[0], { zMm: 150 })).join()).toMatch(
      /supported|sticks out/,
    );
    expect(broken((r) => r.cartons[0].items.push({ ...r.cartons[0].items[0] })).join()).toMatch(
      /packed 2 times/,
    );
  });

  it('flags something heavy above a fragile item', () => {
    const tower: PackInput = {
      items: [cube('glass', 100, 200, 1, { fragile: true }), cube('iron', 100, 900)],
      cartonTypes: [carton('T', 100, 100, 200)],
    };
    const r = packOrder(tower);
    const swapped = structuredClone(r);
    for (const p of swapped.cartons[0].items) p.zMm = p.zMm === 0 ? 100 : 0;
    expect(checkPacking(tower, swapped).errors.join()).toMatch(/rests above fragile/);
  });
});

const arbitraryItem = fc.record({
  l: fc.integer({ min: 10, max: 450 }),
  w: fc.integer({ min: 10, max: 300 }),
  h: fc.integer({ min: 10, max: 300 }),
  weightG: fc.integer({ min: 1, max: 6000 }),
  qty: fc.integer({ min: 1, max: 4 }),
  fragile: fc.boolean(),
  temperature: fc.constantFrom('ambient', 'ambient', 'chilled', 'frozen'),
  hazardous: fc.boolean(),
  food: fc.boolean(),
  upright: fc.boolean(),
});

describe('packOrder: properties on random orders', () => {
  it('is valid, accounts for every unit and is never worse than the baseline', () => {
    fc.assert(
      fc.property(fc.array(arbitraryItem, { minLength: 1, maxLength: 6 }), (raw) => {
        const items: PackItem[] = raw.map((r, i) => ({
          sku: `s${i}`,
          lengthMm: r.l,
          widthMm: r.w,
          heightMm: r.h,
          weightG: r.weightG,
          qty: r.qty,
          fragile: r.fragile,
          temperature: r.temperature as PackItem['temperature'],
          hazardous: r.hazardous && r.temperature === 'ambient' && !r.food,
          food: r.food,
          orientation: r.upright ? 'upright' : 'any',
        }));
        const input = { items, cartonTypes: CHINA_EXPRESS_CARTON_SET };
        const r = packOrder(input);
        const b = packSmallestSingleBox(input);
        expect(checkPacking(input, r).errors).toEqual([]);
        expect(checkPacking(input, b).errors).toEqual([]);
        expect(r.unpacked).toEqual(b.unpacked);
        // The objective: billable weight plus the per-carton first-weight surcharge.
        const penalty = DEFAULT_RULES.cartonPenaltyG;
        expect(r.billableWeightG + penalty * r.cartons.length).toBeLessThanOrEqual(
          b.billableWeightG + penalty * b.cartons.length,
        );
      }),
      { numRuns: 150 },
    );
  });
});

describe('packOrder on generated e-commerce orders', () => {
  it('fills cartons better than the smallest-single-box baseline, fast and deterministically', () => {
    const orders = generateOrders(120, 5);
    let fill = 0;
    let n = 0;
    let baseFill = 0;
    let baseN = 0;
    let ms = 0;
    for (const o of orders) {
      const input = { items: o.items, cartonTypes: CHINA_EXPRESS_CARTON_SET };
      const t = performance.now();
      const r = packOrder(input);
      ms += performance.now() - t;
      expect(checkPacking(input, r).errors).toEqual([]);
      expect(r.unpacked).toEqual([]);
      const b = packSmallestSingleBox(input);
      for (const c of r.cartons) fill += c.fillPct;
      n += r.cartons.length;
      for (const c of b.cartons) baseFill += c.fillPct;
      baseN += b.cartons.length;
    }
    expect(fill / n).toBeGreaterThan(baseFill / baseN);
    expect(ms / orders.length).toBeLessThan(50);
    const again = generateOrders(120, 5)[7];
    const input = { items: again.items, cartonTypes: CHINA_POSTAL_CARTONS };
    expect(packOrder(input)).toEqual(packOrder(input));
  });
});
