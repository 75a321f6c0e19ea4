/**
 * The S-shape (traversal) walk, the baseline most warehouses use, in its multi-block form after
 * Roodbergen & de Koster (2001, "Routing methods for warehouses with multiple cross aisles"):
 *
 * 1. Go from the depot to the front of the outermost aisle holding picks nearest to the depot (the
 *    left one, or the right one when closer), and walk up that aisle to the front of the farthest block
 *    holding picks, picking on the way.
 * 2. Block by block from the farthest towards the depot: every aisle with picks in the block is
 *    traversed entirely, alternately up and down, sweeping from the end nearer to the picker; when the
 *    parity does not bring the picker back to the block's front, the last aisle is entered from the
 *    front to its farthest pick and left the same way. A block without picks is crossed down the
 *    current aisle.
 * 3. Return to the depot along the front cross aisle.
 *
 * "Front" is the side of the depot: a depot at the back mirrors the layout.
 */
import type { Geometry, Site } from './geometry';

export interface TargetWalk {
  /** The sites walked through in order, depot first and last (shortest legs between them). */
  targets: Site[];
  /** For each target, the index of the point picked there, or -1 (a corner or the depot). */
  picks: number[];
}

export function segmentOf(ys: readonly number[], y: number): number {
  const K = ys.length - 1;
  let s = 0;
  while (s + 1 < K && ys[s + 1] <= y) s++;
  return s;
}

export function sShapeWalk(g: Geometry, points: readonly Site[]): TargetWalk {
  const K = g.ys.length - 1;
  const flip = Math.abs(g.depot.y - g.ys[K]) < Math.abs(g.depot.y - g.ys[0]);
  const cross = (c: number) => (flip ? K - c : c);
  const height = (i: number) => (flip ? -points[i].y : points[i].y);
  const targets: Site[] = [g.depot];
  const picks: number[] = [-1];
  const corner = (a: number, c: number) => {
    targets.push({ aisle: a, cross: cross(c), x: g.xs[a], y: g.ys[cross(c)] });
    picks.push(-1);
  };
  const visit = (list: number[], upwards: boolean) => {
    const sorted = [...list].sort((a, b) => (upwards ? height(a) - height(b) : height(b) - height(a)));
    for (const i of sorted) {
      targets.push(points[i]);
      picks.push(i);
    }
  };

  const byCell = new Map<number, number[]>();
  let farthest = -1;
  points.forEach((p, i) => {
    const s = segmentOf(g.ys, p.y);
    const b = flip ? K - 1 - s : s;
    farthest = Math.max(farthest, b);
    const cell = p.aisle * K + b;
    const list = byCell.get(cell);
    if (list) list.push(i);
    else byCell.set(cell, [i]);
  });
  if (farthest < 0) {
    targets.push(g.depot);
    picks.push(-1);
    return { targets, picks };
  }
  const aislesWithPicks = [...new Set(points.map((p) => p.aisle))].sort((a, b) => a - b);
  const first = aislesWithPicks[0];
  const last = aislesWithPicks[aislesWithPicks.length - 1];
  const start = Math.abs(g.xs[first] - g.depot.x) <= Math.abs(g.xs[last] - g.depot.x) ? first : last;

  corner(start, 0);
  const below: number[] = [];
  for (let b = 0; b < farthest; b++) below.push(...(byCell.get(start * K + b) ?? []));
  visit(below, true);
  corner(start, farthest);

  let current = start;
  for (let b = farthest; b >= 0; b--) {
    const entryAtTop = b < farthest;
    const aisles = aislesWithPicks.filter((a) => byCell.has(a * K + b) && !(entryAtTop && a === start));
    if (!aisles.length) {
      corner(current, b);
      continue;
    }
    if (Math.abs(g.xs[aisles[aisles.length - 1]] - g.xs[current]) < Math.abs(g.xs[aisles[0]] - g.xs[current]))
      aisles.reverse();
    const n = aisles.length;
    const full = entryAtTop ? (n % 2 === 1 ? n : n - 1) : n % 2 === 0 ? n : n - 1;
    let upwards = !entryAtTop;
    aisles.forEach((a, i) => {
      const cell = byCell.get(a * K + b)!;
      if (i < full) {
        corner(a, upwards ? b : b + 1);
        visit(cell, upwards);
        corner(a, upwards ? b + 1 : b);
        upwards = !upwards;
      } else {
        corner(a, b);
        visit(cell, true);
        corner(a, b);
      }
    });
    current = aisles[n - 1];
  }
  targets.push(g.depot);
  picks.push(-1);
  return { targets, picks };
}
