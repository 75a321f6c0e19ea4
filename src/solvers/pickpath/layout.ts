/**
 * Layouts: inferred from bin coordinates (as Wayline stores them) or generated for benchmarks.
 */
import type { PickPoint, PointMm, WarehouseLayout } from './model';
import { Prng } from './prng';

export interface BinPosition extends PointMm {
  /** Optional aisle label (e.g. `A` of `A-03-2-05`); when every bin has one, aisles group by it. */
  aisle?: string;
}

export interface LayoutFromBinsOptions {
  depot: PointMm;
  /** Bins whose x differ by at most this belong to one aisle (default 600 mm; use the aisle width when bins sit on the rack faces). */
  aisleMergeMm?: number;
  aisleWidthMm?: number;
  /** Cross aisles, if known; otherwise front and back are put half a cross aisle beyond the outer bins, and a middle one in every gap wider than `crossAisleGapMm`. */
  crossAisleYsMm?: number[];
  crossAisleWidthMm?: number;
  crossAisleGapMm?: number;
}

/** Infer a rectangular layout (aisle centrelines, cross aisles) from bin positions. */
export function layoutFromBins(
  bins: readonly BinPosition[],
  options: LayoutFromBinsOptions,
): WarehouseLayout {
  if (!bins.length) throw new RangeError('no bins to build a layout from');
  const merge = options.aisleMergeMm ?? 600;
  const crossWidth = options.crossAisleWidthMm ?? 2000;
  let aisleXsMm: number[];
  let aisleNames: string[] | undefined;
  if (bins.every((b) => b.aisle)) {
    const byName = new Map<string, number[]>();
    for (const b of bins) {
      const list = byName.get(b.aisle!);
      if (list) list.push(b.xMm);
      else byName.set(b.aisle!, [b.xMm]);
    }
    const aisles = [...byName].map(([name, xs]) => ({
      name,
      x: Math.round((Math.min(...xs) + Math.max(...xs)) / 2),
    }));
    aisles.sort((a, b) => a.x - b.x);
    for (let i = 1; i < aisles.length; i++)
      if (aisles[i].x === aisles[i - 1].x)
        throw new RangeError(`aisles ${aisles[i - 1].name} and ${aisles[i].name} share x`);
    aisleXsMm = aisles.map((a) => a.x);
    aisleNames = aisles.map((a) => a.name);
  } else {
    const xs = [...new Set(bins.map((b) => b.xMm))].sort((a, b) => a - b);
    aisleXsMm = [];
    let start = xs[0];
    let prev = xs[0];
    for (const x of xs.slice(1)) {
      if (x - prev > merge) {
        aisleXsMm.push(Math.round((start + prev) / 2));
        start = x;
      }
      prev = x;
    }
    aisleXsMm.push(Math.round((start + prev) / 2));
  }
  let crossAisleYsMm = options.crossAisleYsMm;
  if (!crossAisleYsMm) {
    const ys = [...new Set(bins.map((b) => b.yMm))].sort((a, b) => a - b);
    const steps = ys.slice(1).map((y, i) => y - ys[i]);
    const median = steps.length ? [...steps].sort((a, b) => a - b)[steps.length >> 1] : 0;
    const gap = options.crossAisleGapMm ?? Math.max(3000, 2.5 * median);
    crossAisleYsMm = [ys[0] - crossWidth / 2];
    steps.forEach((step, i) => {
      if (step > gap) crossAisleYsMm!.push(Math.round((ys[i] + ys[i + 1]) / 2));
    });
    crossAisleYsMm.push(ys[ys.length - 1] + crossWidth / 2);
  }
  return {
    aisleXsMm,
    crossAisleYsMm,
    aisleWidthMm: options.aisleWidthMm ?? 1500,
    depot: options.depot,
    ...(aisleNames ? { aisleNames } : {}),
  };
}

export interface GeneratedLayoutSpec {
  aisles: number;
  blocks: number;
  /** Storage length of each block along the aisles (default 20 m). */
  blockLengthMm?: number;
  /** Distance between aisle centrelines (default 3 m: 1.5 m aisle + two 0.75 m rack faces). */
  aislePitchMm?: number;
  crossAisleWidthMm?: number;
  /** Spacing of pick locations along an aisle (default 1 m; both sides share a position). */
  bayPitchMm?: number;
  /** `left`: in front of the first aisle (default); `centre`: in front of the middle of the layout. */
  depot?: 'left' | 'centre';
}

export interface GeneratedLayout {
  layout: WarehouseLayout;
  /** Every pick location (bay centre on an aisle), front to back, aisle by aisle. */
  slots: PointMm[];
}

/** A rectangular multi-block layout with its pick locations. */
export function generateLayout(spec: GeneratedLayoutSpec): GeneratedLayout {
  const blockLength = spec.blockLengthMm ?? 20_000;
  const pitch = spec.aislePitchMm ?? 3000;
  const cross = spec.crossAisleWidthMm ?? 2500;
  const bay = spec.bayPitchMm ?? 1000;
  if (spec.aisles < 1 || spec.blocks < 1)
    throw new RangeError('a layout needs at least one aisle and one block');
  const aisleXsMm = Array.from({ length: spec.aisles }, (_, a) => a * pitch);
  const crossAisleYsMm = Array.from({ length: spec.blocks + 1 }, (_, c) => c * (blockLength + cross));
  const bays = Math.floor(blockLength / bay);
  const slots: PointMm[] = [];
  for (const x of aisleXsMm)
    for (let b = 0; b < spec.blocks; b++)
      for (let k = 0; k < bays; k++)
        slots.push({ xMm: x, yMm: crossAisleYsMm[b] + cross / 2 + Math.round((k + 0.5) * bay) });
  const depotX = spec.depot === 'centre' ? Math.round((aisleXsMm[aisleXsMm.length - 1] + pitch / 2) / 2) : 0;
  return {
    layout: { aisleXsMm, crossAisleYsMm, aisleWidthMm: pitch / 2, depot: { xMm: depotX, yMm: -1500 } },
    slots,
  };
}

/**
 * A pick list of `count` distinct locations: uniformly random, or `abc` (the 20 % of locations nearest
 * the depot receive 80 % of the picks, as with class-based storage).
 */
export function generatePickList(
  generated: GeneratedLayout,
  count: number,
  seed: number,
  distribution: 'random' | 'abc' = 'random',
): PickPoint[] {
  const rng = new Prng(seed);
  const { slots, layout } = generated;
  if (count > slots.length) throw new RangeError(`only ${slots.length} locations for ${count} picks`);
  const byDistance = slots
    .map((s, i) => ({ i, d: Math.abs(s.xMm - layout.depot.xMm) + Math.abs(s.yMm - layout.depot.yMm) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((e) => e.i);
  const fast = byDistance.slice(0, Math.max(1, Math.floor(slots.length / 5)));
  const chosen = new Set<number>();
  while (chosen.size < count) {
    const i =
      distribution === 'abc' && rng.float() < 0.8 ? fast[rng.int(fast.length)] : rng.int(slots.length);
    chosen.add(i);
  }
  return [...chosen].map((i, k) => ({ id: `P${k + 1}`, ...slots[i] }));
}
