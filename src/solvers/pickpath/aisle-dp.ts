/**
 * Exact picker routing in a rectangular multi-block warehouse by dynamic programming over the aisles,
 * left to right: the Ratliff & Rosenthal (1983) method generalised to any number of cross aisles as in
 * Roodbergen & de Koster (2001, two blocks) and Cambazard & Catusse (2018) / Pansart, Catusse &
 * Cambazard (2018). Written from the papers.
 *
 * A tour is a connected multigraph on the aisle graph with every degree even, holding the depot and
 * every pick. Some optimal tour uses each cross-aisle piece between two neighbouring aisles 0, 1 or 2
 * times, and covers each aisle piece between two cross aisles ("sub-aisle") in one of six ways: not
 * at all (no picks), once through, twice through, from the bottom only, from the top only, or from
 * both ends leaving the largest gap between two picks unvisited. The DP state at an aisle is, for each
 * cross-aisle vertex of that aisle, whether the partial tour touches it, the parity of its degree, and
 * which vertices are already connected. Sub-aisles are decided one at a time (states de-duplicated
 * after each), then the cross-aisle multiplicities towards the next aisle, where a component that
 * stops reaching right is only allowed if it is the finished tour. Linear in the number of aisles;
 * the state count grows with the number of cross aisles, so `auto` uses it up to a limit.
 */
import { decode, type SegmentOption, Transitions } from './dp-state';
import { appendPath, type Geometry, type Site } from './geometry';
import type { PointMm } from './model';

interface Column {
  x: number;
  /** Required points per sub-aisle, indices into `points`, sorted by y (none for the depot's column). */
  segments: number[][] | null;
  /** Cross aisle holding the depot in a depot-only column, else -1. */
  requiredCross: number;
}

interface Entry {
  cost: number;
  prev: number;
  choice: number;
}

export interface AisleDpResult {
  /** Tour length on the graph (without the depot's access). */
  cost: number;
  /** Point indices in first-visit order, the depot's point excluded. */
  order: number[];
  /** Corners of the walk from the depot back to it. */
  walk: PointMm[];
}

function segmentOptions(ys: number[], lo: number, hi: number): SegmentOption[] {
  const len = hi - lo;
  const base = { touchBottom: true, touchTop: true, gap: -1 };
  const through: SegmentOption[] = [
    { ...base, kind: 1, cost: len, odd: true, connects: true },
    { ...base, kind: 2, cost: 2 * len, odd: false, connects: true },
  ];
  if (ys.length === 0)
    return [
      { kind: 0, cost: 0, touchBottom: false, touchTop: false, odd: false, connects: false, gap: -1 },
      ...through,
    ];
  const options = [
    ...through,
    { ...base, kind: 3, cost: 2 * (ys[ys.length - 1] - lo), touchTop: false, odd: false, connects: false },
    { ...base, kind: 4, cost: 2 * (hi - ys[0]), touchBottom: false, odd: false, connects: false },
  ];
  if (ys.length >= 2) {
    let gap = 1;
    for (let i = 2; i < ys.length; i++) if (ys[i] - ys[i - 1] > ys[gap] - ys[gap - 1]) gap = i;
    const cost = 2 * (len - (ys[gap] - ys[gap - 1]));
    options.push({ ...base, kind: 5, cost, odd: false, connects: false, gap });
  }
  return options;
}

/** Transitions depend only on the number of cross aisles: shared across solves (pure memoisation). */
const transitionCache = new Map<number, Transitions>();

function buildColumns(g: Geometry, points: readonly Site[]): Column[] {
  const K = g.ys.length - 1;
  const columns: Column[] = g.xs.map((x) => ({
    x,
    segments: Array.from({ length: K }, () => []),
    requiredCross: -1,
  }));
  points.forEach((p, i) => {
    let s = 0;
    while (s + 1 < K && g.ys[s + 1] <= p.y) s++;
    columns[p.aisle].segments![s].push(i);
  });
  for (const c of columns) for (const seg of c.segments!) seg.sort((a, b) => points[a].y - points[b].y);
  if (g.depot.aisle < 0) {
    const at = columns.findIndex((c) => c.x > g.depot.x);
    columns.splice(at, 0, { x: g.depot.x, segments: null, requiredCross: g.depot.cross });
  }
  return columns;
}

/**
 * Shortest tour through `points` (aisle sites; the depot's point among them when the depot lies on an
 * aisle) starting and ending at the depot. Returns null when the layout has more than `maxCross`
 * cross aisles. `upperBound` (the length of any known tour, e.g. the S-shape walk) prunes states
 * that cannot beat it.
 */
export function solveAisleDp(
  g: Geometry,
  points: readonly Site[],
  depotPoint: number,
  maxCross = 6,
  upperBound = Number.POSITIVE_INFINITY,
): AisleDpResult | null {
  const m = g.ys.length;
  if (m > maxCross || m > 7) return null;
  const columns = buildColumns(g, points);
  const J = columns.length;
  const options = columns.map((c) =>
    c.segments
      ? c.segments.map((seg, s) =>
          segmentOptions(
            seg.map((i) => points[i].y),
            g.ys[s],
            g.ys[s + 1],
          ),
        )
      : [],
  );
  // Something must still be visited right of column j?
  const requiredAfter = new Array<boolean>(J).fill(false);
  for (let j = J - 2; j >= 0; j--) {
    const c = columns[j + 1];
    requiredAfter[j] =
      requiredAfter[j + 1] || c.requiredCross >= 0 || (c.segments?.some((s) => s.length > 0) ?? false);
  }

  // Lower bound on what is still to walk from column j's start: the cheapest way to cover each
  // sub-aisle with picks, plus going to the rightmost required column and back.
  const isRequired = columns.map(
    (c) => c.requiredCross >= 0 || (c.segments?.some((s) => s.length > 0) ?? false),
  );
  const lastRequired = isRequired.lastIndexOf(true);
  const restVertical = new Float64Array(J + 1);
  const firstRequiredFrom = new Int32Array(J + 1).fill(-1);
  for (let j = J - 1; j >= 0; j--) {
    let v = 0;
    columns[j].segments?.forEach((seg, s) => {
      if (seg.length) v += Math.min(...options[j][s].map((o) => o.cost));
    });
    restVertical[j] = restVertical[j + 1] + v;
    firstRequiredFrom[j] = isRequired[j] ? j : firstRequiredFrom[j + 1];
  }
  const lowerBound = (j: number, empty: boolean) => {
    const f = firstRequiredFrom[j];
    if (f < 0) return 0;
    return restVertical[j] + 2 * (columns[lastRequired].x - columns[empty ? f : j].x);
  };
  const limit = upperBound + 1e-7 * Math.max(1, Math.abs(upperBound));

  let memo = transitionCache.get(m);
  if (!memo) {
    memo = new Transitions(m);
    transitionCache.set(m, memo);
  }
  const stages: Map<number, Entry>[][] = [];
  let best: { cost: number; column: number; key: number } | null = null;
  let incoming = new Map<number, Entry>([[0, { cost: 0, prev: -1, choice: -1 }]]);

  for (let j = 0; j < J; j++) {
    const col = columns[j];
    for (const [key, entry] of incoming)
      if (entry.cost + lowerBound(j, key === 0) > limit) incoming.delete(key);
    const colStages = [incoming];
    let current = incoming;
    for (let s = 0; s < options[j].length; s++) {
      const next = new Map<number, Entry>();
      const opts = options[j][s];
      for (const [key, entry] of current) {
        for (let o = 0; o < opts.length; o++) {
          const nk = memo.vertical(key, s, opts[o]);
          const cost = entry.cost + opts[o].cost;
          const old = next.get(nk);
          if (!old || cost < old.cost) next.set(nk, { cost, prev: key, choice: o });
        }
      }
      colStages.push(next);
      current = next;
    }
    stages.push(colStages);

    const width = j + 1 < J ? columns[j + 1].x - col.x : 0;
    const rc = col.requiredCross;
    const nextIncoming = new Map<number, Entry>();
    for (const [key, entry] of current) {
      const info = memo.info(key);
      // The finished tour: one component, all even, nothing left to the right.
      if (info.components === 1 && !info.odd && !requiredAfter[j] && (rc < 0 || info.lab[rc] > 0)) {
        if (!best || entry.cost < best.cost) best = { cost: entry.cost, column: j, key };
      }
      if (j + 1 >= J) continue;
      for (const t of memo.horizontal(key, rc)) {
        const cost = entry.cost + t.edges * width;
        const old = nextIncoming.get(t.key);
        if (!old || cost < old.cost) nextIncoming.set(t.key, { cost, prev: key, choice: t.mask });
      }
    }
    incoming = nextIncoming;
  }
  if (!best) throw new Error('pickpath: no feasible tour found (internal error)');
  return buildTour(g, points, depotPoint, columns, options, stages, best);
}

/** Rebuild the chosen multigraph and walk it as an Euler circuit from the depot (Hierholzer). */
function buildTour(
  g: Geometry,
  points: readonly Site[],
  depotPoint: number,
  columns: Column[],
  options: SegmentOption[][][],
  stages: Map<number, Entry>[][],
  best: { cost: number; column: number; key: number },
): AisleDpResult {
  const m = g.ys.length;
  const vertexBase = points.length;
  const nodeX = points.map((p) => p.x);
  const nodeY = points.map((p) => p.y);
  columns.forEach((c) => {
    for (let v = 0; v < m; v++) {
      nodeX.push(c.x);
      nodeY.push(g.ys[v]);
    }
  });
  const vertex = (j: number, v: number) => vertexBase + j * m + v;
  const adj: number[][] = nodeX.map(() => []);
  const ends: number[] = [];
  const addEdge = (a: number, b: number, times: number) => {
    for (let t = 0; t < times; t++) {
      const e = ends.length / 2;
      ends.push(a, b);
      adj[a].push(e);
      adj[b].push(e);
    }
  };
  const chain = (nodes: number[], times: number) => {
    for (let i = 1; i < nodes.length; i++) addEdge(nodes[i - 1], nodes[i], times);
  };

  let key = best.key;
  for (let j = best.column; j >= 0; j--) {
    const colStages = stages[j];
    const segs = columns[j].segments;
    for (let s = colStages.length - 1; s >= 1; s--) {
      const entry = colStages[s].get(key)!;
      const opt = options[j][s - 1][entry.choice];
      const pts = segs![s - 1];
      const bottom = vertex(j, s - 1);
      const top = vertex(j, s);
      if (opt.kind === 1 || opt.kind === 2) chain([bottom, ...pts, top], opt.kind);
      else if (opt.kind === 3) chain([bottom, ...pts], 2);
      else if (opt.kind === 4) chain([top, ...[...pts].reverse()], 2);
      else if (opt.kind === 5) {
        chain([bottom, ...pts.slice(0, opt.gap)], 2);
        chain([top, ...pts.slice(opt.gap).reverse()], 2);
      }
      key = entry.prev;
    }
    if (j === 0) break;
    const entry = colStages[0].get(key)!;
    key = entry.prev;
    const parity = new Array<number>(m);
    decode(key, m, new Array<number>(m), parity);
    for (let v = 0; v < m; v++)
      if ((entry.choice >> v) & 1) addEdge(vertex(j - 1, v), vertex(j, v), parity[v] ? 1 : 2);
  }

  const start =
    depotPoint >= 0
      ? depotPoint
      : vertex(
          columns.findIndex((c) => c.segments === null),
          g.depot.cross,
        );
  // Hierholzer, iterative.
  const used = new Uint8Array(ends.length / 2);
  const next = new Int32Array(nodeX.length);
  const stack = [start];
  const circuit: number[] = [];
  while (stack.length) {
    const v = stack[stack.length - 1];
    const list = adj[v];
    while (next[v] < list.length && used[list[next[v]]]) next[v]++;
    if (next[v] === list.length) {
      circuit.push(stack.pop()!);
    } else {
      const e = list[next[v]];
      used[e] = 1;
      stack.push(ends[2 * e] === v ? ends[2 * e + 1] : ends[2 * e]);
    }
  }
  circuit.reverse();
  const seen = new Uint8Array(points.length);
  const order: number[] = [];
  const walk: PointMm[] = [];
  for (const n of circuit) {
    if (n < vertexBase && !seen[n]) {
      seen[n] = 1;
      if (n !== depotPoint) order.push(n);
    }
    appendPath(walk, [{ xMm: nodeX[n], yMm: nodeY[n] }]);
  }
  return { cost: best.cost, order, walk };
}
