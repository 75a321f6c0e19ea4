/** Units, carton figures and the compatibility rules shared by the packer, the baseline and the checker. */
import type { CartonType, PackItem, PackingRules, Temperature, UnpackedItem, UnpackedReason } from './model';
import { DEFAULT_RULES } from './model';
import type { Space, Unit } from './placer';

export function resolveRules(rules: Partial<PackingRules> | undefined): PackingRules {
  return { ...DEFAULT_RULES, ...rules, coolant: { ...DEFAULT_RULES.coolant, ...rules?.coolant } };
}

const positiveInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v > 0;

export function validItem(it: PackItem): boolean {
  return (
    positiveInt(it.lengthMm) &&
    positiveInt(it.widthMm) &&
    positiveInt(it.heightMm) &&
    typeof it.weightG === 'number' &&
    Number.isInteger(it.weightG) &&
    it.weightG >= 0 &&
    Number.isInteger(it.qty) &&
    it.qty >= 0
  );
}

export function validateCartons(cartons: readonly CartonType[]): void {
  const ids = new Set<string>();
  for (const c of cartons) {
    if (ids.has(c.id)) throw new RangeError(`carton type ${c.id} appears twice`);
    ids.add(c.id);
    for (const k of ['innerLengthMm', 'innerWidthMm', 'innerHeightMm', 'maxWeightG'] as const)
      if (!positiveInt(c[k])) throw new RangeError(`carton type ${c.id}: ${k} must be a positive integer`);
    if (
      !Number.isInteger(c.tareWeightG) ||
      c.tareWeightG < 0 ||
      !Number.isInteger(c.costFen) ||
      c.costFen < 0
    )
      throw new RangeError(`carton type ${c.id}: tare and cost must be non-negative integers`);
  }
}

/** Every unit of every item, in the canonical packing order: sturdy before fragile, big before small. */
export function expandUnits(items: readonly PackItem[]): { units: Unit[]; invalid: UnpackedItem[] } {
  const units: Unit[] = [];
  const invalid: UnpackedItem[] = [];
  const skus = new Set<string>();
  for (const it of items) {
    if (skus.has(it.sku)) throw new RangeError(`SKU ${it.sku} appears on two lines; merge them`);
    skus.add(it.sku);
    if (!validItem(it)) {
      invalid.push({
        sku: it.sku,
        qty: Number.isInteger(it.qty) && it.qty > 0 ? it.qty : 0,
        reason: 'invalid_item',
      });
      continue;
    }
    for (let k = 1; k <= it.qty; k++)
      units.push({
        id: 0,
        sku: it.sku,
        unit: k,
        l: it.lengthMm,
        w: it.widthMm,
        h: it.heightMm,
        weightG: it.weightG,
        volume: it.lengthMm * it.widthMm * it.heightMm,
        fragile: !!it.fragile,
        upright: it.orientation === 'upright',
        temperature: it.temperature ?? 'ambient',
        hazardous: !!it.hazardous,
        food: !!it.food,
        coolant: false,
      });
  }
  units.sort(
    (a, b) =>
      Number(a.fragile) - Number(b.fragile) ||
      b.volume - a.volume ||
      b.weightG - a.weightG ||
      (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0) ||
      a.unit - b.unit,
  );
  units.forEach((u, i) => {
    u.id = i;
  });
  return { units, invalid };
}

export function coolantUnits(rules: PackingRules, temperature: Temperature): Unit[] {
  if (temperature === 'ambient') return [];
  const c = rules.coolant[temperature];
  return Array.from({ length: c.count }, (_, k) => ({
    id: -1 - k,
    sku: 'coolant',
    unit: k + 1,
    l: c.lengthMm,
    w: c.widthMm,
    h: c.heightMm,
    weightG: c.weightG,
    volume: c.lengthMm * c.widthMm * c.heightMm,
    fragile: false,
    upright: false,
    temperature,
    hazardous: false,
    food: false,
    coolant: true,
  }));
}

/** May these units share one carton? One temperature class; hazardous goods never with food or cold goods. */
export function compatible(units: readonly Unit[]): boolean {
  if (!units.length) return true;
  const t = units[0].temperature;
  let hazardous = false;
  let sensitive = false;
  for (const u of units) {
    if (u.temperature !== t) return false;
    if (u.hazardous) hazardous = true;
    else if (u.food || u.temperature !== 'ambient') sensitive = true;
  }
  return !(hazardous && sensitive);
}

/** Carton types a set of units of this temperature may use. */
export function eligibleCartons(cartons: readonly CartonType[], temperature: Temperature): CartonType[] {
  if (temperature !== 'ambient') return cartons.filter((c) => c.insulated);
  const plain = cartons.filter((c) => !c.insulated);
  return plain.length ? plain : [...cartons];
}

export function outerDims(c: CartonType, rules: PackingRules): [number, number, number] {
  return [
    c.outerLengthMm ?? c.innerLengthMm + 2 * rules.wallMm,
    c.outerWidthMm ?? c.innerWidthMm + 2 * rules.wallMm,
    c.outerHeightMm ?? c.innerHeightMm + 2 * rules.wallMm,
  ];
}

/** Dimensional weight in g: outer mm³ / divisor (cm³ per kg) — mm³/1000 cm³, ÷ divisor kg, × 1000 g. */
export function dimWeightG(c: CartonType, rules: PackingRules): number {
  const [l, w, h] = outerDims(c, rules);
  return Math.ceil((l * w * h) / rules.dimDivisorCm3PerKg);
}

export function billableG(grossG: number, dimG: number, rules: PackingRules): number {
  const step = Math.max(1, rules.billingStepG);
  return Math.ceil(Math.max(grossG, dimG) / step) * step;
}

export function innerVolume(c: CartonType): number {
  return c.innerLengthMm * c.innerWidthMm * c.innerHeightMm;
}

export type Frame = [number, number, number];

/**
 * The ways a carton can stand: its inner extents along x, y and z (up). A carton may stand on any
 * face; this matters only for goods that must stay upright.
 */
export function cartonFrames(c: CartonType): Frame[] {
  const { innerLengthMm: l, innerWidthMm: w, innerHeightMm: h } = c;
  const frames: Frame[] = [
    [l, w, h],
    [l, h, w],
    [w, h, l],
  ];
  return frames.filter((f, i) => frames.findIndex((g) => g[2] === f[2]) === i);
}

export function spaceOf(c: CartonType, rules: PackingRules, frame: Frame = cartonFrames(c)[0]): Space {
  return {
    L: frame[0],
    W: frame[1],
    H: frame[2],
    maxContentG: c.maxWeightG - c.tareWeightG,
    minSupport: rules.minSupportRatio,
    fragileMaxTopG: rules.fragileMaxTopWeightG,
  };
}

/** Why a single unit cannot be packed in any carton, or null if some carton could take it alone. */
export function unpackableReason(
  u: Unit,
  cartons: readonly CartonType[],
  rules: PackingRules,
  fits: (c: CartonType, u: Unit) => boolean,
): UnpackedReason | null {
  const eligible = eligibleCartons(cartons, u.temperature);
  if (!eligible.length) return u.temperature === 'ambient' ? 'no_carton' : 'no_insulated_carton';
  const coolantG = coolantUnits(rules, u.temperature).reduce((s, c) => s + c.weightG, 0);
  const bySize = eligible.filter((c) => fits(c, u));
  if (!bySize.length) return 'too_large';
  if (!bySize.some((c) => u.weightG + coolantG + c.tareWeightG <= c.maxWeightG)) return 'too_heavy';
  return null;
}
