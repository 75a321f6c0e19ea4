import type { PointMm, WarehouseLayout } from './model';

/**
 * A point of the aisle graph: on aisle `aisle` at height `y` (`aisle ≥ 0`), or on cross aisle `cross`
 * at abscissa `x` between two aisles (`aisle = -1`; only the depot can be such a point).
 */
export interface Site {
  aisle: number;
  cross: number;
  x: number;
  y: number;
}

export interface Geometry {
  xs: readonly number[];
  ys: readonly number[];
  depot: Site;
  /** From the depot's true position to its snapped point (walked twice per tour). */
  depotAccessMm: number;
}

function checkAscending(values: readonly number[], name: string, min: number) {
  if (values.length < min) throw new RangeError(`${name} needs at least ${min} value(s)`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError(`${name}[${i}] is not a finite number`);
    if (i > 0 && values[i] <= values[i - 1]) throw new RangeError(`${name} must be strictly ascending`);
  }
}

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

export function buildGeometry(layout: WarehouseLayout): Geometry {
  checkAscending(layout.aisleXsMm, 'aisleXsMm', 1);
  checkAscending(layout.crossAisleYsMm, 'crossAisleYsMm', 2);
  const xs = layout.aisleXsMm;
  const ys = layout.crossAisleYsMm;
  const { xMm, yMm } = layout.depot;
  if (!Number.isFinite(xMm) || !Number.isFinite(yMm)) throw new RangeError('depot position is not finite');
  // Nearest point of the graph in rectilinear distance; cross aisles win ties (a dispatch area sits
  // on the front cross aisle).
  let best: Site | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let c = 0; c < ys.length; c++) {
    const x = clamp(xMm, xs[0], xs[xs.length - 1]);
    const cost = Math.abs(yMm - ys[c]) + Math.abs(xMm - x);
    if (cost < bestCost) {
      bestCost = cost;
      const a = xs.indexOf(x);
      best = { aisle: a, cross: c, x, y: ys[c] };
    }
  }
  for (let a = 0; a < xs.length; a++) {
    const y = clamp(yMm, ys[0], ys[ys.length - 1]);
    const cost = Math.abs(xMm - xs[a]) + Math.abs(yMm - y);
    if (cost < bestCost) {
      bestCost = cost;
      best = { aisle: a, cross: -1, x: xs[a], y };
    }
  }
  return { xs, ys, depot: best!, depotAccessMm: bestCost };
}

/** The aisle whose centreline is nearest to `x` (lower index on ties). */
export function nearestAisle(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0 && Math.abs(xs[lo - 1] - x) <= Math.abs(xs[lo] - x)) return lo - 1;
  return lo;
}

/** A pick location on the graph: its nearest aisle, its height clamped to the aisle's extent. */
export function snapPoint(g: Geometry, p: PointMm): Site {
  if (!Number.isFinite(p.xMm) || !Number.isFinite(p.yMm)) throw new RangeError('pick position is not finite');
  const aisle = nearestAisle(g.xs, p.xMm);
  return { aisle, cross: -1, x: g.xs[aisle], y: clamp(p.yMm, g.ys[0], g.ys[g.ys.length - 1]) };
}

/** Index of the cross aisle giving the shortest switch between heights `ya` and `yb` of two aisles. */
function bestCross(ys: readonly number[], ya: number, yb: number): number {
  let best = 0;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let c = 0; c < ys.length; c++) {
    const cost = Math.abs(ya - ys[c]) + Math.abs(yb - ys[c]);
    if (cost < bestCost) {
      bestCost = cost;
      best = c;
    }
  }
  return best;
}

function bestAisle(xs: readonly number[], xa: number, xb: number): number {
  let best = 0;
  let bestCost = Number.POSITIVE_INFINITY;
  for (let a = 0; a < xs.length; a++) {
    const cost = Math.abs(xa - xs[a]) + Math.abs(xb - xs[a]);
    if (cost < bestCost) {
      bestCost = cost;
      best = a;
    }
  }
  return best;
}

/** Corners of a shortest walk from `a` to `b` on the aisle graph, both ends included. */
export function pathBetween(g: Geometry, a: Site, b: Site): PointMm[] {
  const pt = (x: number, y: number): PointMm => ({ xMm: x, yMm: y });
  if (a.aisle >= 0 && b.aisle >= 0) {
    if (a.aisle === b.aisle) return [pt(a.x, a.y), pt(b.x, b.y)];
    const yc = g.ys[bestCross(g.ys, a.y, b.y)];
    return [pt(a.x, a.y), pt(a.x, yc), pt(b.x, yc), pt(b.x, b.y)];
  }
  if (a.aisle >= 0) return [pt(a.x, a.y), pt(a.x, b.y), pt(b.x, b.y)];
  if (b.aisle >= 0) return [pt(a.x, a.y), pt(b.x, a.y), pt(b.x, b.y)];
  if (a.cross === b.cross) return [pt(a.x, a.y), pt(b.x, b.y)];
  const xa = g.xs[bestAisle(g.xs, a.x, b.x)];
  return [pt(a.x, a.y), pt(xa, a.y), pt(xa, b.y), pt(b.x, b.y)];
}

/** Shortest walking distance between two points of the aisle graph. */
export function distance(g: Geometry, a: Site, b: Site): number {
  if (a.aisle >= 0 && b.aisle >= 0) {
    if (a.aisle === b.aisle) return Math.abs(a.y - b.y);
    const yc = g.ys[bestCross(g.ys, a.y, b.y)];
    return Math.abs(a.x - b.x) + Math.abs(a.y - yc) + Math.abs(b.y - yc);
  }
  if (a.aisle >= 0 || b.aisle >= 0 || a.cross === b.cross) return Math.abs(a.x - b.x) + Math.abs(a.y - b.y);
  const xa = g.xs[bestAisle(g.xs, a.x, b.x)];
  return Math.abs(a.y - b.y) + Math.abs(a.x - xa) + Math.abs(b.x - xa);
}

/** Append `points` to a polyline, dropping repeats and merging collinear runs. */
export function appendPath(out: PointMm[], points: readonly PointMm[]): void {
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last.xMm === p.xMm && last.yMm === p.yMm) continue;
    const prev = out[out.length - 2];
    if (
      last &&
      prev &&
      ((prev.xMm === last.xMm && last.xMm === p.xMm && (last.yMm - prev.yMm) * (p.yMm - last.yMm) > 0) ||
        (prev.yMm === last.yMm && last.yMm === p.yMm && (last.xMm - prev.xMm) * (p.xMm - last.xMm) > 0))
    ) {
      out[out.length - 1] = p;
      continue;
    }
    out.push(p);
  }
}

/** Polyline length (rectilinear segments). */
export function polylineLength(points: readonly PointMm[]): number {
  let sum = 0;
  for (let i = 1; i < points.length; i++)
    sum += Math.abs(points[i].xMm - points[i - 1].xMm) + Math.abs(points[i].yMm - points[i - 1].yMm);
  return sum;
}
