import { solveAisleDp } from './aisle-dp';
import {
  appendPath,
  buildGeometry,
  distance,
  type Geometry,
  pathBetween,
  type Site,
  snapPoint,
} from './geometry';
import type {
  BatchLine,
  BatchRoute,
  PickPoint,
  PickRoute,
  PointMm,
  RouteMethod,
  RouteOptions,
  RouteStop,
  WarehouseLayout,
} from './model';
import { segmentOf, sShapeWalk, type TargetWalk } from './s-shape';
import { heldKarp, improveTour, type Matrix, nearestNeighbourTour } from './tsp';

/** Distinct locations of a pick list, with the picks made at each. */
interface Locations {
  g: Geometry;
  sites: Site[];
  pickIds: string[][];
}

function locate(layout: WarehouseLayout, picks: readonly PickPoint[]): Locations {
  const g = buildGeometry(layout);
  const index = new Map<string, number>();
  const sites: Site[] = [];
  const pickIds: string[][] = [];
  const seen = new Set<string>();
  for (const p of picks) {
    if (seen.has(p.id)) throw new RangeError(`pick id ${p.id} appears twice`);
    seen.add(p.id);
    const s = snapPoint(g, p);
    const key = `${s.aisle}:${s.y}`;
    let i = index.get(key);
    if (i === undefined) {
      i = sites.length;
      index.set(key, i);
      sites.push(s);
      pickIds.push([]);
    }
    pickIds[i].push(p.id);
  }
  return { g, sites, pickIds };
}

function walkLength(g: Geometry, w: TargetWalk): number {
  let sum = 0;
  for (let i = 1; i < w.targets.length; i++) sum += distance(g, w.targets[i - 1], w.targets[i]);
  return sum;
}

/** A walk that goes straight (shortest legs) from the depot through `order` and back. */
function directWalk(g: Geometry, sites: readonly Site[], order: readonly number[]): TargetWalk {
  return {
    targets: [g.depot, ...order.map((i) => sites[i]), g.depot],
    picks: [-1, ...order, -1],
  };
}

export function distanceMatrix(g: Geometry, sites: readonly Site[]): Matrix {
  const all = [g.depot, ...sites];
  const n = all.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const v = distance(g, all[i], all[j]);
      d[i * n + j] = v;
      d[j * n + i] = v;
    }
  return { n, d };
}

/** Exact DP over the aisles; null when the layout has too many cross aisles for it. */
function dpOrder(g: Geometry, sites: readonly Site[], maxCross: number, upperBound: number): number[] | null {
  const points = [...sites];
  let depotPoint = -1;
  if (g.depot.aisle >= 0) {
    depotPoint = points.findIndex((p) => p.aisle === g.depot.aisle && p.y === g.depot.y);
    if (depotPoint < 0) {
      depotPoint = points.length;
      points.push({ ...g.depot, cross: -1 });
    }
  }
  // A pick at the depot's own spot is made first, with no walking.
  const first = depotPoint >= 0 && depotPoint < sites.length ? [depotPoint] : [];
  const dp = solveAisleDp(g, points, depotPoint, maxCross, upperBound);
  if (depotPoint >= 0) {
    // Depot and every pick inside one sub-aisle: the tour may stay inside it.
    const seg = segmentOf(g.ys, g.depot.y);
    const inside = points.every((p) => p.aisle === g.depot.aisle && segmentOf(g.ys, p.y) === seg);
    const ys = points.map((p) => p.y);
    if (inside && (!dp || 2 * (Math.max(...ys) - Math.min(...ys)) <= dp.cost)) {
      const others = sites.map((_, i) => i).filter((i) => i !== depotPoint);
      const below = others.filter((i) => sites[i].y < g.depot.y).sort((a, b) => sites[b].y - sites[a].y);
      const above = others.filter((i) => sites[i].y > g.depot.y).sort((a, b) => sites[a].y - sites[b].y);
      return [...first, ...below, ...above];
    }
  }
  return dp ? [...first, ...dp.order] : null;
}

function assemble(
  loc: Locations,
  walk: TargetWalk,
  method: RouteMethod,
  optimal: boolean,
  sShapeMm: number,
  depot: PointMm,
): PickRoute {
  const { g } = loc;
  const access = g.depotAccessMm;
  const stops: RouteStop[] = [];
  const waypoints: PointMm[] = [];
  if (access > 0) {
    const snapOnCross = g.depot.cross >= 0;
    appendPath(waypoints, [
      depot,
      snapOnCross ? { xMm: depot.xMm, yMm: g.depot.y } : { xMm: g.depot.x, yMm: depot.yMm },
    ]);
  }
  let leg = access;
  for (let i = 1; i < walk.targets.length; i++) {
    leg += distance(g, walk.targets[i - 1], walk.targets[i]);
    appendPath(waypoints, pathBetween(g, walk.targets[i - 1], walk.targets[i]));
    const p = walk.picks[i];
    if (p >= 0) {
      const s = loc.sites[p];
      stops.push({ pickIds: loc.pickIds[p], aisle: s.aisle, xMm: s.x, yMm: s.y, legMm: leg });
      leg = 0;
    }
  }
  if (access > 0) {
    const snapOnCross = g.depot.cross >= 0;
    appendPath(waypoints, [
      snapOnCross ? { xMm: depot.xMm, yMm: g.depot.y } : { xMm: g.depot.x, yMm: depot.yMm },
      depot,
    ]);
  }
  const returnLegMm = leg + access;
  const distanceMm = stops.reduce((s, x) => s + x.legMm, 0) + returnLegMm;
  return {
    method,
    optimal,
    distanceMm,
    sShapeDistanceMm: sShapeMm,
    stops,
    sequence: stops.flatMap((s) => s.pickIds),
    returnLegMm,
    waypoints,
  };
}

/**
 * Shortest pick tour from the layout's depot through every pick and back. Picks at the same location
 * (same aisle and height after snapping) are made at one stop. Never longer than the S-shape walk.
 */
export function routePicks(
  layout: WarehouseLayout,
  picks: readonly PickPoint[],
  options: RouteOptions = {},
): PickRoute {
  const loc = locate(layout, picks);
  const { g, sites } = loc;
  const sShape = sShapeWalk(g, sites);
  const sShapeMm = walkLength(g, sShape) + 2 * g.depotAccessMm;
  const method = options.method ?? 'auto';
  if (sites.length === 0)
    return assemble(loc, directWalk(g, sites, []), 'exact-dp', true, sShapeMm, layout.depot);
  if (method === 's-shape') return assemble(loc, sShape, 's-shape', false, sShapeMm, layout.depot);

  let order: number[] | null = null;
  let chosen: RouteMethod = 'exact-dp';
  let optimal = false;
  if (method === 'auto' || method === 'exact-dp') {
    order = dpOrder(
      g,
      sites,
      method === 'exact-dp' ? 7 : (options.maxDpCrossAisles ?? 5),
      sShapeMm - 2 * g.depotAccessMm,
    );
    if (!order && method === 'exact-dp')
      throw new RangeError(`the exact aisle DP handles at most 7 cross aisles (layout has ${g.ys.length})`);
    optimal = order !== null;
  }
  if (!order) {
    const m = distanceMatrix(g, sites);
    if (sites.length <= (options.heldKarpMax ?? 12)) {
      order = heldKarp(m).order;
      chosen = 'held-karp';
      optimal = true;
    } else {
      const sOrder = sShape.picks.filter((p) => p >= 0).map((p) => p + 1);
      const iterations = options.maxIterations ?? 60 + 4 * sites.length;
      order = improveTour(m, [sOrder, nearestNeighbourTour(m)], iterations, options.seed ?? 1).order;
      chosen = 'local-search';
    }
    order = order.map((v) => v - 1);
  }
  const route = assemble(loc, directWalk(g, sites, order), chosen, optimal, sShapeMm, layout.depot);
  if (route.distanceMm > sShapeMm) return assemble(loc, sShape, 's-shape', false, sShapeMm, layout.depot);
  return route;
}

/**
 * Exact shortest tour length by Held–Karp over the aisle graph's shortest-path distances — the
 * independent checker used by tests and the benchmark (at most 16 distinct locations).
 */
export function exactTourLength(layout: WarehouseLayout, picks: readonly PickPoint[]): number {
  const loc = locate(layout, picks);
  return heldKarp(distanceMatrix(loc.g, loc.sites)).cost + 2 * loc.g.depotAccessMm;
}

/**
 * Batch picking: the lines of several orders merged by location (the bin, or its position) and routed
 * as one pick list; each stop lists every order line picked there.
 */
export function routeBatch(
  layout: WarehouseLayout,
  lines: readonly BatchLine[],
  options: RouteOptions = {},
): BatchRoute {
  const groups = new Map<string, BatchLine[]>();
  for (const line of lines) {
    const key = line.locationKey ?? `${line.xMm},${line.yMm}`;
    const group = groups.get(key);
    if (group) group.push(line);
    else groups.set(key, [line]);
  }
  const picks: PickPoint[] = [...groups].map(([key, group]) => ({
    id: key,
    xMm: group[0].xMm,
    yMm: group[0].yMm,
  }));
  const route = routePicks(layout, picks, options);
  const stops = route.stops.map((s) => ({ ...s, lines: s.pickIds.flatMap((k) => groups.get(k)!) }));
  return {
    ...route,
    stops,
    sequence: stops.flatMap((s) => s.lines.map((l) => l.lineId)),
    orderRefs: [...new Set(lines.map((l) => l.orderRef))],
  };
}
