/**
 * 3-D placement by extreme points (Crainic, Perboli & Tadei 2008): items are placed one by one, in
 * the given order, at the extreme point and orientation with the best merit; each placement spawns
 * new extreme points by projecting the box's three far corners back along the other axes onto the
 * nearest box or wall. A position must lie inside the carton, overlap no box, rest on the floor or on
 * boxes carrying at least `minSupport` of its base, and keep the fragile rule (nothing heavier than
 * the limit anywhere above a fragile item); the contents' weight stays within the carton's limit.
 */
import type { Orientation, Temperature } from './model';

export interface Unit {
  /** Position in the canonical order (also its identity). */
  id: number;
  sku: string;
  unit: number;
  l: number;
  w: number;
  h: number;
  weightG: number;
  volume: number;
  fragile: boolean;
  upright: boolean;
  temperature: Temperature;
  hazardous: boolean;
  food: boolean;
  coolant: boolean;
}

export interface Box {
  unit: Unit;
  x: number;
  y: number;
  z: number;
  dx: number;
  dy: number;
  dz: number;
  orientation: Orientation;
}

export interface Space {
  L: number;
  W: number;
  H: number;
  /** Weight the contents may have (carton limit − tare). */
  maxContentG: number;
  minSupport: number;
  fragileMaxTopG: number;
}

type Turn = [number, number, number, Orientation];

/** The distinct orientations of a unit (2 when it must stay upright, up to 6 otherwise). */
export function orientationsOf(u: Unit): Turn[] {
  const { l, w, h } = u;
  const all: Turn[] = u.upright
    ? [
        [l, w, h, 'LWH'],
        [w, l, h, 'WLH'],
      ]
    : [
        [l, w, h, 'LWH'],
        [w, l, h, 'WLH'],
        [l, h, w, 'LHW'],
        [h, l, w, 'HLW'],
        [w, h, l, 'WHL'],
        [h, w, l, 'HWL'],
      ];
  const seen = new Set<string>();
  return all.filter(([a, b, c]) => {
    const k = `${a},${b},${c}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Could the unit fit the empty space in some allowed orientation? */
export function fitsEmpty(space: Space, u: Unit): boolean {
  return orientationsOf(u).some(([a, b, c]) => a <= space.L && b <= space.W && c <= space.H);
}

const overlap1 = (a0: number, a1: number, b0: number, b1: number) => a0 < b1 && b0 < a1;

export class Placer {
  readonly boxes: Box[] = [];
  private points: [number, number, number][] = [[0, 0, 0]];
  private weight = 0;

  constructor(private readonly space: Space) {}

  get contentWeightG(): number {
    return this.weight;
  }

  /** Place `u` at the best extreme point, or return false. */
  place(u: Unit): boolean {
    const { space } = this;
    if (this.weight + u.weightG > space.maxContentG) return false;
    let best: Box | null = null;
    let bestMerit: number[] | null = null;
    const turns = orientationsOf(u);
    for (const [x, y, z] of this.points) {
      for (const [dx, dy, dz, orientation] of turns) {
        if (x + dx > space.L || y + dy > space.W || z + dz > space.H) continue;
        // Merit: lowest top first, then nearest the back wall, then the left wall.
        const merit = [z + dz, y + dy, x + dx];
        if (bestMerit && !lexLess(merit, bestMerit)) continue;
        const box: Box = { unit: u, x, y, z, dx, dy, dz, orientation };
        if (!this.canPlace(box)) continue;
        best = box;
        bestMerit = merit;
      }
    }
    if (!best) return false;
    this.commit(best);
    return true;
  }

  private canPlace(b: Box): boolean {
    const { space } = this;
    let supported = 0;
    for (const o of this.boxes) {
      const fx = overlap1(b.x, b.x + b.dx, o.x, o.x + o.dx);
      const fy = overlap1(b.y, b.y + b.dy, o.y, o.y + o.dy);
      if (fx && fy) {
        if (overlap1(b.z, b.z + b.dz, o.z, o.z + o.dz)) return false;
        // Fragile: nothing heavy anywhere above a fragile item.
        if (o.z + o.dz <= b.z && o.unit.fragile && b.unit.weightG > space.fragileMaxTopG) return false;
        if (b.z + b.dz <= o.z && b.unit.fragile && o.unit.weightG > space.fragileMaxTopG) return false;
        if (o.z + o.dz === b.z)
          supported +=
            (Math.min(b.x + b.dx, o.x + o.dx) - Math.max(b.x, o.x)) *
            (Math.min(b.y + b.dy, o.y + o.dy) - Math.max(b.y, o.y));
      }
    }
    return b.z === 0 || supported >= space.minSupport * b.dx * b.dy;
  }

  private commit(b: Box): void {
    this.boxes.push(b);
    this.weight += b.unit.weightG;
    const { x, y, z, dx, dy, dz } = b;
    const fresh: [number, number, number][] = [
      [x + dx, this.projectY(x + dx, y, z), z],
      [x + dx, y, this.projectZ(x + dx, y, z)],
      [this.projectX(x, y + dy, z), y + dy, z],
      [x, y + dy, this.projectZ(x, y + dy, z)],
      [this.projectX(x, y, z + dz), y, z + dz],
      [x, this.projectY(x, y, z + dz), z + dz],
    ];
    const { L, W, H } = this.space;
    const keep = (p: [number, number, number]) =>
      p[0] < L && p[1] < W && p[2] < H && !this.boxes.some((o) => inside(o, p));
    const next = this.points.filter(keep);
    for (const p of fresh)
      if (keep(p) && !next.some((q) => q[0] === p[0] && q[1] === p[1] && q[2] === p[2])) next.push(p);
    this.points = next;
  }

  /** Slide (x, y, z) towards y = 0 until it meets a box face or the wall. */
  private projectY(x: number, y: number, z: number): number {
    let to = 0;
    for (const o of this.boxes)
      if (o.x <= x && x < o.x + o.dx && o.z <= z && z < o.z + o.dz && o.y + o.dy <= y && o.y + o.dy > to)
        to = o.y + o.dy;
    return to;
  }

  private projectX(x: number, y: number, z: number): number {
    let to = 0;
    for (const o of this.boxes)
      if (o.y <= y && y < o.y + o.dy && o.z <= z && z < o.z + o.dz && o.x + o.dx <= x && o.x + o.dx > to)
        to = o.x + o.dx;
    return to;
  }

  private projectZ(x: number, y: number, z: number): number {
    let to = 0;
    for (const o of this.boxes)
      if (o.x <= x && x < o.x + o.dx && o.y <= y && y < o.y + o.dy && o.z + o.dz <= z && o.z + o.dz > to)
        to = o.z + o.dz;
    return to;
  }
}

function inside(o: Box, p: [number, number, number]): boolean {
  return (
    o.x <= p[0] && p[0] < o.x + o.dx && o.y <= p[1] && p[1] < o.y + o.dy && o.z <= p[2] && p[2] < o.z + o.dz
  );
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}

/**
 * Place `units` in order into an empty carton (coolant first); returns the boxes and the units that
 * did not fit.
 */
export function placeUnits(space: Space, units: readonly Unit[]): { boxes: Box[]; failed: Unit[] } {
  const placer = new Placer(space);
  const failed: Unit[] = [];
  for (const u of units) if (!placer.place(u)) failed.push(u);
  return { boxes: placer.boxes, failed };
}
