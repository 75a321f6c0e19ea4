/**
 * Synthetic e-commerce orders for benchmarks and tests: a catalogue of typical goods (small parcels,
 * books, bottles, fragile glass and ceramics, chilled and frozen food, hazardous power banks and
 * aerosols) and orders of 1–12 lines drawn from it, deterministic for a seed.
 */
import type { PackItem } from './model';
import { Prng } from './prng';

type Kind = 'small' | 'book' | 'bottle' | 'fragile' | 'box' | 'snack' | 'chilled' | 'frozen' | 'hazardous';

interface Template {
  kind: Kind;
  name: string;
  dims: [number, number, number];
  weightG: number;
  flags?: Partial<Pick<PackItem, 'fragile' | 'temperature' | 'hazardous' | 'food' | 'orientation'>>;
}

export const CATALOGUE: Template[] = [
  { kind: 'small', name: 'lipstick', dims: [90, 30, 30], weightG: 60 },
  { kind: 'small', name: 'phone case', dims: [170, 95, 20], weightG: 80 },
  { kind: 'small', name: 'socks 3-pack', dims: [200, 120, 40], weightG: 150 },
  { kind: 'small', name: 'charging cable', dims: [110, 80, 30], weightG: 70 },
  { kind: 'small', name: 'face cream', dims: [75, 75, 60], weightG: 180 },
  { kind: 'small', name: 't-shirt', dims: [280, 220, 30], weightG: 200 },
  { kind: 'book', name: 'paperback', dims: [210, 145, 25], weightG: 350 },
  { kind: 'book', name: 'hardcover', dims: [260, 185, 35], weightG: 800 },
  {
    kind: 'bottle',
    name: 'shampoo 750 ml',
    dims: [85, 60, 240],
    weightG: 820,
    flags: { orientation: 'upright' },
  },
  {
    kind: 'bottle',
    name: 'cooking oil 1.8 l',
    dims: [110, 75, 290],
    weightG: 1750,
    flags: { orientation: 'upright', food: true },
  },
  {
    kind: 'bottle',
    name: 'soy sauce 500 ml',
    dims: [70, 70, 230],
    weightG: 650,
    flags: { orientation: 'upright', food: true, fragile: true },
  },
  {
    kind: 'fragile',
    name: 'red wine',
    dims: [85, 85, 320],
    weightG: 1350,
    flags: { food: true, fragile: true },
  },
  { kind: 'fragile', name: 'glass cup set', dims: [180, 95, 110], weightG: 450, flags: { fragile: true } },
  { kind: 'fragile', name: 'ceramic bowl', dims: [150, 150, 70], weightG: 380, flags: { fragile: true } },
  {
    kind: 'fragile',
    name: 'perfume',
    dims: [70, 50, 120],
    weightG: 250,
    flags: { fragile: true, orientation: 'upright' },
  },
  { kind: 'box', name: 'bluetooth speaker', dims: [190, 110, 90], weightG: 700 },
  { kind: 'box', name: 'shoe box', dims: [330, 210, 120], weightG: 1100 },
  { kind: 'box', name: 'kettle', dims: [240, 190, 230], weightG: 1300 },
  { kind: 'box', name: 'toy set', dims: [300, 200, 80], weightG: 600 },
  { kind: 'snack', name: 'nut gift box', dims: [250, 180, 80], weightG: 900, flags: { food: true } },
  { kind: 'snack', name: 'tea tin', dims: [100, 100, 140], weightG: 300, flags: { food: true } },
  {
    kind: 'snack',
    name: 'instant noodles 5-pack',
    dims: [240, 200, 100],
    weightG: 550,
    flags: { food: true },
  },
  {
    kind: 'chilled',
    name: 'yoghurt 4-pack',
    dims: [130, 90, 110],
    weightG: 700,
    flags: { temperature: 'chilled', food: true, orientation: 'upright' },
  },
  {
    kind: 'chilled',
    name: 'fresh fruit box',
    dims: [250, 180, 100],
    weightG: 1500,
    flags: { temperature: 'chilled', food: true, fragile: true },
  },
  {
    kind: 'chilled',
    name: 'fresh milk 950 ml',
    dims: [75, 75, 210],
    weightG: 1000,
    flags: { temperature: 'chilled', food: true, orientation: 'upright' },
  },
  {
    kind: 'frozen',
    name: 'dumplings 1 kg',
    dims: [250, 180, 60],
    weightG: 1000,
    flags: { temperature: 'frozen', food: true },
  },
  {
    kind: 'frozen',
    name: 'ice cream tub',
    dims: [150, 100, 80],
    weightG: 450,
    flags: { temperature: 'frozen', food: true },
  },
  { kind: 'hazardous', name: 'power bank', dims: [150, 75, 25], weightG: 330, flags: { hazardous: true } },
  {
    kind: 'hazardous',
    name: 'hair spray',
    dims: [60, 60, 210],
    weightG: 300,
    flags: { hazardous: true, orientation: 'upright' },
  },
];

const pickOf = (rng: Prng, kinds: Kind[]) => {
  const list = CATALOGUE.filter((t) => kinds.includes(t.kind));
  return list[rng.int(list.length)];
};

/** One order of 1–12 lines (mostly short), each a distinct SKU with quantity 1–3 (mostly 1). */
export function generateOrder(rng: Prng, ref: string): PackItem[] {
  const r = rng.float();
  const lines =
    r < 0.35 ? 1 : r < 0.6 ? rng.between(2, 3) : r < 0.85 ? rng.between(4, 6) : rng.between(7, 12);
  const cold = rng.float() < 0.2;
  const hazardous = rng.float() < 0.1;
  const items: PackItem[] = [];
  const used = new Set<string>();
  for (let i = 0; i < lines; i++) {
    const k = rng.float();
    const kinds: Kind[] =
      cold && k < 0.4
        ? ['chilled', 'frozen']
        : hazardous && k > 0.85
          ? ['hazardous']
          : k < 0.35
            ? ['small']
            : k < 0.5
              ? ['book']
              : k < 0.62
                ? ['bottle']
                : k < 0.74
                  ? ['fragile']
                  : k < 0.87
                    ? ['box']
                    : ['snack'];
    const t = pickOf(rng, kinds);
    if (used.has(t.name)) continue;
    used.add(t.name);
    const q = rng.float();
    items.push({
      sku: `${ref}-${t.name.replace(/[^a-z0-9]+/gi, '-')}`,
      lengthMm: t.dims[0],
      widthMm: t.dims[1],
      heightMm: t.dims[2],
      weightG: t.weightG,
      qty: q < 0.75 ? 1 : q < 0.93 ? 2 : 3,
      ...t.flags,
    });
  }
  return items;
}

export function generateOrders(count: number, seed: number): { ref: string; items: PackItem[] }[] {
  const rng = new Prng(seed);
  return Array.from({ length: count }, (_, i) => {
    const ref = `SO${String(i + 1).padStart(4, '0')}`;
    return { ref, items: generateOrder(rng, ref) };
  });
}
