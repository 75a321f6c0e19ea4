/**
 * Cartonisation of one order: compatibility groups, a constructive first-fit-decreasing packing that
 * chooses a carton type per carton, then improvement (downsize, merge, empty the emptiest carton),
 * and finally the better of that and the baseline. Objective, lexicographic: least total billable
 * weight, fewest cartons, least carton cost.
 */
import type {
  CartonType,
  PackedCarton,
  PackInput,
  PackingRules,
  PackOptions,
  PackResult,
  PlacedItem,
  Temperature,
  UnpackedItem,
} from './model';
import { type Box, fitsEmpty, placeUnits, type Unit } from './placer';
import {
  billableG,
  cartonFrames,
  compatible,
  coolantUnits,
  dimWeightG,
  eligibleCartons,
  expandUnits,
  type Frame,
  innerVolume,
  resolveRules,
  spaceOf,
  unpackableReason,
  validateCartons,
} from './rules';

/** A filled carton during the search. */
export interface Packing {
  type: CartonType;
  /** Inner extents along x, y, z (up) as the carton stands. */
  frame: Frame;
  temperature: Temperature;
  units: Unit[];
  boxes: Box[];
  billableG: number;
  grossG: number;
}

interface Solution {
  cartons: Packing[];
}

const byId = (a: Unit, b: Unit) => a.id - b.id;

/** Packing attempts with a memo (same carton type and unit set → same result). */
export class Packer {
  private readonly memo = new Map<string, Packing | null>();

  constructor(readonly rules: PackingRules) {}

  /** All `units` (one temperature) in a carton of `type`, coolant first; null when they do not all fit. */
  packAll(type: CartonType, units: readonly Unit[]): Packing | null {
    const sorted = [...units].sort(byId);
    const key = `${type.id}|${sorted.map((u) => u.id).join(',')}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const result = this.tryPack(type, sorted);
    this.memo.set(key, result);
    return result;
  }

  /** Stand the carton on another face only when some goods must stay upright. */
  private framesFor(type: CartonType, units: readonly Unit[]): Frame[] {
    const frames = cartonFrames(type);
    return units.some((u) => u.upright) ? frames : frames.slice(0, 1);
  }

  private tryPack(type: CartonType, units: Unit[]): Packing | null {
    const temperature = units[0].temperature;
    const all = [...coolantUnits(this.rules, temperature), ...units];
    let volume = 0;
    let weight = 0;
    for (const u of all) {
      volume += u.volume;
      weight += u.weightG;
    }
    if (volume > innerVolume(type) || weight > type.maxWeightG - type.tareWeightG) return null;
    for (const frame of this.framesFor(type, units)) {
      const space = spaceOf(type, this.rules, frame);
      if (!all.every((u) => fitsEmpty(space, u))) continue;
      const { boxes, failed } = placeUnits(space, all);
      if (!failed.length) return this.finish(type, frame, temperature, units, boxes);
    }
    return null;
  }

  /** Greedy fill of one carton: coolant, then every unit that still fits, in order. */
  fill(type: CartonType, units: readonly Unit[]): Packing | null {
    const sorted = [...units].sort(byId);
    const temperature = sorted[0].temperature;
    const coolant = coolantUnits(this.rules, temperature);
    let best: Packing | null = null;
    for (const frame of this.framesFor(type, sorted)) {
      const space = spaceOf(type, this.rules, frame);
      const { boxes, failed } = placeUnits(space, [...coolant, ...sorted.filter((u) => fitsEmpty(space, u))]);
      if (failed.some((u) => u.coolant)) continue;
      const placed = boxes.filter((b) => !b.unit.coolant).map((b) => b.unit);
      if (!placed.length) continue;
      const p = this.finish(type, frame, temperature, placed, boxes);
      if (!best || fillRatio(p) > fillRatio(best)) best = p;
    }
    return best;
  }

  private finish(
    type: CartonType,
    frame: Frame,
    temperature: Temperature,
    units: Unit[],
    boxes: Box[],
  ): Packing {
    const grossG = type.tareWeightG + boxes.reduce((s, b) => s + b.unit.weightG, 0);
    return {
      type,
      frame,
      temperature,
      units,
      boxes,
      grossG,
      billableG: billableG(grossG, dimWeightG(type, this.rules), this.rules),
    };
  }

  /** The carton type holding all `units` with the least billable weight, then cost, then volume. */
  bestSingle(types: readonly CartonType[], units: readonly Unit[]): Packing | null {
    let best: Packing | null = null;
    for (const t of types) {
      const p = this.packAll(t, units);
      if (p && (!best || cartonLess(p, best))) best = p;
    }
    return best;
  }
}

function cartonLess(a: Packing, b: Packing): boolean {
  if (a.billableG !== b.billableG) return a.billableG < b.billableG;
  if (a.type.costFen !== b.type.costFen) return a.type.costFen < b.type.costFen;
  return innerVolume(a.type) < innerVolume(b.type);
}

function totals(s: Solution, rules: PackingRules) {
  let billable = 0;
  let cost = 0;
  for (const c of s.cartons) {
    billable += c.billableG + rules.cartonPenaltyG;
    cost += c.type.costFen;
  }
  return { billable, count: s.cartons.length, cost };
}

/** Objective order: billable weight (with the per-carton surcharge), then cartons, then cost. */
export function solutionLess(a: Solution, b: Solution, rules: PackingRules): boolean {
  const x = totals(a, rules);
  const y = totals(b, rules);
  if (x.billable !== y.billable) return x.billable < y.billable;
  if (x.count !== y.count) return x.count < y.count;
  return x.cost < y.cost;
}

const fillRatio = (p: Packing) => p.units.reduce((s, u) => s + u.volume, 0) / innerVolume(p.type);

/** Groups packed apart at first: temperature class, hazardous goods apart. */
function groupUnits(units: readonly Unit[]): Unit[][] {
  const groups = new Map<string, Unit[]>();
  for (const u of units) {
    const key = `${u.temperature}:${u.hazardous ? 'H' : 'N'}`;
    const g = groups.get(key);
    if (g) g.push(u);
    else groups.set(key, [u]);
  }
  return [...groups.values()];
}

/**
 * First-fit decreasing with a carton choice per carton: the remaining units go into the best single
 * carton when one holds them all (from the first carton on only with `singleFirst`); otherwise each
 * carton type is filled greedily and the one with the highest volume fill is kept.
 */
function construct(
  packer: Packer,
  types: readonly CartonType[],
  units: Unit[],
  singleFirst: boolean,
): Packing[] {
  const cartons: Packing[] = [];
  let remaining = units;
  while (remaining.length) {
    const single = singleFirst || cartons.length ? packer.bestSingle(types, remaining) : null;
    if (single) {
      cartons.push(single);
      break;
    }
    let best: Packing | null = null;
    let bestScore = -1;
    for (const t of types) {
      const p = packer.fill(t, remaining);
      if (!p) continue;
      const score = fillRatio(p);
      if (
        score > bestScore + 1e-12 ||
        (Math.abs(score - bestScore) <= 1e-12 && p.units.length > best!.units.length)
      ) {
        best = p;
        bestScore = score;
      }
    }
    if (!best) throw new Error('packing: no carton takes any remaining unit (internal error)');
    cartons.push(best);
    const taken = new Set(best.units);
    remaining = remaining.filter((u) => !taken.has(u));
  }
  return cartons;
}

/** Downsize, merge pairs, and try to empty the emptiest carton, while the objective improves. */
function improve(
  packer: Packer,
  cartonTypes: readonly CartonType[],
  start: Packing[],
  rounds: number,
): Packing[] {
  let cartons = [...start];
  const typesFor = (t: Temperature) => eligibleCartons(cartonTypes, t);
  for (let round = 0; round < rounds; round++) {
    let changed = false;
    // Downsize.
    cartons = cartons.map((c) => {
      const b = packer.bestSingle(typesFor(c.temperature), c.units);
      if (b && cartonLess(b, c)) {
        changed = true;
        return b;
      }
      return c;
    });
    // Merge pairs.
    for (let i = 0; i < cartons.length; i++)
      for (let j = i + 1; j < cartons.length; j++) {
        const union = [...cartons[i].units, ...cartons[j].units];
        if (!compatible(union)) continue;
        const m = packer.bestSingle(typesFor(cartons[i].temperature), union);
        if (m && m.billableG <= cartons[i].billableG + cartons[j].billableG + packer.rules.cartonPenaltyG) {
          cartons = [...cartons.slice(0, i), m, ...cartons.slice(i + 1, j), ...cartons.slice(j + 1)];
          changed = true;
          j = i;
        }
      }
    // Empty the emptiest carton into the others.
    if (cartons.length > 1) {
      const order = [...cartons].sort((a, b) => fillRatio(a) - fillRatio(b));
      const victim = order[0];
      let others = cartons.filter((c) => c !== victim);
      let ok = true;
      for (const u of victim.units) {
        let moved = false;
        const targets = [...others].sort((a, b) => fillRatio(b) - fillRatio(a));
        for (const t of targets) {
          const union = [...t.units, u];
          if (!compatible(union)) continue;
          const m = packer.bestSingle(typesFor(t.temperature), union);
          if (m) {
            others = others.map((o) => (o === t ? m : o));
            moved = true;
            break;
          }
        }
        if (!moved) {
          ok = false;
          break;
        }
      }
      if (ok && solutionLess({ cartons: others }, { cartons }, packer.rules)) {
        cartons = others;
        changed = true;
      }
    }
    if (!changed) break;
  }
  return cartons;
}

/** The baseline: per group the smallest carton type holding everything, else one unit per smallest box. */
export function baselineCartons(
  packer: Packer,
  cartonTypes: readonly CartonType[],
  units: Unit[],
): Packing[] {
  const cartons: Packing[] = [];
  for (const group of groupUnits(units)) {
    const types = [...eligibleCartons(cartonTypes, group[0].temperature)].sort(
      (a, b) => innerVolume(a) - innerVolume(b),
    );
    const whole = types.map((t) => packer.packAll(t, group)).find((p) => p);
    if (whole) {
      cartons.push(whole);
      continue;
    }
    for (const u of group) {
      const alone = types.map((t) => packer.packAll(t, [u])).find((p) => p);
      if (alone) cartons.push(alone);
    }
  }
  return cartons;
}

/** Units no carton can take even alone, with the reason, and the packable rest. */
function splitUnpackable(packer: Packer, cartonTypes: readonly CartonType[], units: Unit[]) {
  const packable: Unit[] = [];
  const unpacked = new Map<string, UnpackedItem>();
  const verdict = new Map<string, boolean>();
  for (const u of units) {
    const key = `${u.sku}|${u.l}|${u.w}|${u.h}|${u.weightG}|${u.temperature}|${u.upright}`;
    let ok = verdict.get(key);
    if (ok === undefined) {
      ok = eligibleCartons(cartonTypes, u.temperature).some((t) => packer.packAll(t, [u]) !== null);
      verdict.set(key, ok);
    }
    if (ok) {
      packable.push(u);
      continue;
    }
    const reason =
      unpackableReason(u, cartonTypes, packer.rules, (c, x) =>
        cartonFrames(c).some((f) => fitsEmpty(spaceOf(c, packer.rules, f), x)),
      ) ?? 'too_large';
    const k = `${u.sku}|${reason}`;
    const entry = unpacked.get(k);
    if (entry) entry.qty++;
    else unpacked.set(k, { sku: u.sku, qty: 1, reason });
  }
  return { packable, unpacked: [...unpacked.values()] };
}

function toPlaced(b: Box): PlacedItem {
  return {
    sku: b.unit.sku,
    unit: b.unit.unit,
    xMm: b.x,
    yMm: b.y,
    zMm: b.z,
    dxMm: b.dx,
    dyMm: b.dy,
    dzMm: b.dz,
    orientation: b.orientation,
  };
}

export function toResult(cartons: Packing[], unpacked: UnpackedItem[], rules: PackingRules): PackResult {
  const out: PackedCarton[] = cartons.map((c) => {
    const goods = c.boxes.filter((b) => !b.unit.coolant);
    return {
      cartonTypeId: c.type.id,
      innerXMm: c.frame[0],
      innerYMm: c.frame[1],
      innerZMm: c.frame[2],
      temperature: c.temperature,
      items: goods.map(toPlaced),
      coolant: c.boxes.filter((b) => b.unit.coolant).map(toPlaced),
      fillPct: (100 * goods.reduce((s, b) => s + b.unit.volume, 0)) / innerVolume(c.type),
      grossWeightG: c.grossG,
      dimWeightG: dimWeightG(c.type, rules),
      billableWeightG: c.billableG,
      costFen: c.type.costFen,
    };
  });
  return {
    cartons: out,
    unpacked,
    billableWeightG: out.reduce((s, c) => s + c.billableWeightG, 0),
    grossWeightG: out.reduce((s, c) => s + c.grossWeightG, 0),
    costFen: out.reduce((s, c) => s + c.costFen, 0),
    meanFillPct: out.length ? out.reduce((s, c) => s + c.fillPct, 0) / out.length : 0,
  };
}

function prepare(input: PackInput) {
  validateCartons(input.cartonTypes);
  const rules = resolveRules(input.rules);
  const packer = new Packer(rules);
  const { units, invalid } = expandUnits(input.items);
  const { packable, unpacked } = splitUnpackable(packer, input.cartonTypes, units);
  return { rules, packer, packable, unpacked: [...invalid, ...unpacked] };
}

/** Cartonise one order. Deterministic; never worse than `packSmallestSingleBox` by the objective. */
export function packOrder(input: PackInput, options: PackOptions = {}): PackResult {
  const { rules, packer, packable, unpacked } = prepare(input);
  // Two constructions — one carton per group when it fits, or split by fill from the start — each
  // improved; then the best of those and the baseline.
  let best: Packing[] = baselineCartons(packer, input.cartonTypes, packable);
  for (const singleFirst of [true, false]) {
    const constructed: Packing[] = [];
    for (const group of groupUnits(packable))
      constructed.push(
        ...construct(packer, eligibleCartons(input.cartonTypes, group[0].temperature), group, singleFirst),
      );
    const improved = improve(packer, input.cartonTypes, constructed, options.improveRounds ?? 3);
    if (solutionLess({ cartons: improved }, { cartons: best }, rules)) best = improved;
  }
  return toResult(best, unpacked, rules);
}

/**
 * The naive baseline: for each compatibility group of the order, the smallest carton type (by inner
 * volume) that holds everything — checked with the same 3-D placer — else one unit per smallest box.
 */
export function packSmallestSingleBox(input: PackInput): PackResult {
  const { rules, packer, packable, unpacked } = prepare(input);
  return toResult(baselineCartons(packer, input.cartonTypes, packable), unpacked, rules);
}
