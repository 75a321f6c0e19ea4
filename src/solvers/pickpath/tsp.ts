/**
 * Tours over a symmetric distance matrix with node 0 as the depot: Held–Karp (exact, for the checker
 * and short lists) and an iterated 2-opt + Or-opt local search (for layouts the aisle DP does not
 * cover). A tour is the order of nodes 1…n−1; the depot closes it at both ends.
 */
import { Prng } from './prng';

export interface Matrix {
  n: number;
  d: Float64Array;
}

export function tourLength(m: Matrix, order: readonly number[]): number {
  let sum = 0;
  let prev = 0;
  for (const v of order) {
    sum += m.d[prev * m.n + v];
    prev = v;
  }
  return sum + m.d[prev * m.n];
}

/** Exact shortest tour by Held & Karp (1962) dynamic programming; at most 16 nodes besides the depot. */
export function heldKarp(m: Matrix): { cost: number; order: number[] } {
  const p = m.n - 1;
  if (p <= 0) return { cost: 0, order: [] };
  if (p > 16) throw new RangeError(`Held–Karp is limited to 16 locations (got ${p})`);
  const full = 1 << p;
  const dp = new Float64Array(full * p).fill(Number.POSITIVE_INFINITY);
  const from = new Int8Array(full * p).fill(-1);
  const d = m.d;
  const n = m.n;
  for (let i = 0; i < p; i++) dp[(1 << i) * p + i] = d[i + 1];
  for (let mask = 1; mask < full; mask++) {
    for (let last = 0; last < p; last++) {
      if (!((mask >> last) & 1)) continue;
      const cur = dp[mask * p + last];
      if (cur === Number.POSITIVE_INFINITY) continue;
      const row = (last + 1) * n;
      for (let nxt = 0; nxt < p; nxt++) {
        if ((mask >> nxt) & 1) continue;
        const nm = mask | (1 << nxt);
        const c = cur + d[row + nxt + 1];
        if (c < dp[nm * p + nxt]) {
          dp[nm * p + nxt] = c;
          from[nm * p + nxt] = last;
        }
      }
    }
  }
  let best = Number.POSITIVE_INFINITY;
  let last = -1;
  for (let i = 0; i < p; i++) {
    const c = dp[(full - 1) * p + i] + d[(i + 1) * n];
    if (c < best) {
      best = c;
      last = i;
    }
  }
  const order: number[] = [];
  let mask = full - 1;
  while (last >= 0) {
    order.push(last + 1);
    const prev = from[mask * p + last];
    mask &= ~(1 << last);
    last = prev;
  }
  order.reverse();
  return { cost: best, order };
}

export function nearestNeighbourTour(m: Matrix): number[] {
  const seen = new Uint8Array(m.n);
  const order: number[] = [];
  let cur = 0;
  seen[0] = 1;
  for (let k = 1; k < m.n; k++) {
    let best = -1;
    for (let v = 1; v < m.n; v++)
      if (!seen[v] && (best < 0 || m.d[cur * m.n + v] < m.d[cur * m.n + best])) best = v;
    seen[best] = 1;
    order.push(best);
    cur = best;
  }
  return order;
}

const EPS = 1e-9;
const NEIGHBOURS = 10;

/** For each node, its `k` nearest other nodes. */
function neighbourLists(m: Matrix, k: number): Int32Array[] {
  const lists: Int32Array[] = [];
  for (let v = 0; v < m.n; v++) {
    const others = [];
    for (let u = 0; u < m.n; u++) if (u !== v) others.push(u);
    others.sort((a, b) => m.d[v * m.n + a] - m.d[v * m.n + b] || a - b);
    lists.push(Int32Array.from(others.slice(0, k)));
  }
  return lists;
}

/**
 * 2-opt and Or-opt (segments of 1–3 nodes, either direction) over neighbour lists with a queue of
 * active nodes ("don't look bits", Bentley 1992), to a local optimum. `tour` is a cyclic order of all
 * nodes; only the nodes in `active` are examined first, and every node touched by a move is re-queued.
 */
class LocalSearch {
  private readonly N: number;
  private readonly d: Float64Array;
  private readonly pos: Int32Array;
  private readonly queued: Uint8Array;
  private readonly queue: number[] = [];
  private tour: number[] = [];
  private n = 0;

  constructor(
    m: Matrix,
    private readonly near: Int32Array[],
  ) {
    this.N = m.n;
    this.d = m.d;
    this.pos = new Int32Array(m.n);
    this.queued = new Uint8Array(m.n);
  }

  run(tour: number[], active: Iterable<number>): void {
    this.tour = tour;
    this.n = tour.length;
    if (this.n < 4) return;
    this.reindex();
    for (const v of active) this.push(v);
    const { queue, queued, near } = this;
    while (queue.length) {
      const a = queue.pop()!;
      queued[a] = 0;
      let moved = false;
      for (const c of near[a]) {
        if (this.twoOpt(a, c) || this.twoOpt(this.pred(a), this.pred(c))) {
          moved = true;
          break;
        }
      }
      for (let len = 1; len <= 3 && !moved; len++) {
        const start = this.pos[a] - len + 1;
        moved = this.orOpt(a, len) || (start >= 0 && this.orOpt(tour[start], len));
      }
      if (moved) this.push(a);
    }
  }

  private reindex() {
    for (let i = 0; i < this.n; i++) this.pos[this.tour[i]] = i;
  }

  private push(v: number) {
    if (!this.queued[v]) {
      this.queued[v] = 1;
      this.queue.push(v);
    }
  }

  private succ(v: number) {
    return this.tour[(this.pos[v] + 1) % this.n];
  }

  private pred(v: number) {
    return this.tour[(this.pos[v] + this.n - 1) % this.n];
  }

  /** Replace edges (a, succ a) and (c, succ c) by (a, c) and (succ a, succ c). */
  private twoOpt(a: number, c: number): boolean {
    const { d, N, tour, pos } = this;
    const b = this.succ(a);
    const e = this.succ(c);
    if (c === b || a === e) return false;
    const delta = d[a * N + c] + d[b * N + e] - d[a * N + b] - d[c * N + e];
    if (delta >= -EPS) return false;
    let i = pos[a] < pos[c] ? pos[a] + 1 : pos[c] + 1;
    let j = pos[a] < pos[c] ? pos[c] : pos[a];
    for (; i < j; i++, j--) {
      const t = tour[i];
      tour[i] = tour[j];
      tour[j] = t;
      pos[tour[i]] = i;
      pos[tour[j]] = j;
    }
    this.push(a);
    this.push(b);
    this.push(c);
    this.push(e);
    return true;
  }

  /** Move tour[i..i+len−1] (i = pos[first]) between two neighbouring nodes elsewhere, either way round. */
  private orOpt(first: number, len: number): boolean {
    const { d, N, tour, pos, n } = this;
    const i = pos[first];
    if (i + len > n || len > n - 3) return false;
    const last = tour[i + len - 1];
    const before = tour[(i + n - 1) % n];
    const after = tour[(i + len) % n];
    const gain = d[before * N + first] + d[last * N + after] - d[before * N + after];
    let bestDelta = -EPS;
    let bestP = -1;
    let bestReversed = false;
    for (let side = 0; side < 2; side++) {
      const end = side === 0 ? first : last;
      for (const u of this.near[end]) {
        if (pos[u] >= i && pos[u] < i + len) continue;
        // The node after / before u once the segment is out.
        const next = u === before ? after : this.succ(u);
        const prev = u === after ? before : this.pred(u);
        // Insert between u and next, `end` next to u; or between prev and u, `end` next to u.
        for (let k = 0; k < 2; k++) {
          const p = k === 0 ? u : prev;
          const q = k === 0 ? next : u;
          const reversed = k === 0 ? end === last : end === first;
          const head = reversed ? last : first;
          const tail = reversed ? first : last;
          const delta = d[p * N + head] + d[tail * N + q] - d[p * N + q] - gain;
          if (delta < bestDelta) {
            bestDelta = delta;
            bestP = p;
            bestReversed = reversed;
          }
        }
      }
    }
    if (bestP < 0) return false;
    const seg = tour.splice(i, len);
    if (bestReversed) seg.reverse();
    const at = tour.indexOf(bestP);
    const q = tour[(at + 1) % tour.length];
    tour.splice(at + 1, 0, ...seg);
    this.reindex();
    for (const v of [before, after, first, last, bestP, q]) this.push(v);
    return true;
  }
}

/** Double bridge on a cyclic tour, cut points within a window so the repair stays local. */
function perturb(tour: number[], rng: Prng): { tour: number[]; touched: number[] } {
  const n = tour.length;
  if (n < 8) {
    const t = [...tour];
    const i = rng.int(n);
    const j = rng.int(n);
    [t[i], t[j]] = [t[j], t[i]];
    return { tour: t, touched: [t[i], t[j]] };
  }
  const window = Math.min(n - 1, 30);
  const start = rng.int(n);
  const cuts = [1 + rng.int(window), 1 + rng.int(window), 1 + rng.int(window)].sort((a, b) => a - b);
  const rotated = [...tour.slice(start), ...tour.slice(0, start)];
  const [p, q, r] = cuts;
  const t = [...rotated.slice(0, p), ...rotated.slice(q, r), ...rotated.slice(p, q), ...rotated.slice(r)];
  const touched = [p - 1, p, q - 1, q, r - 1, r % n].map((k) => rotated[k]);
  return { tour: t, touched };
}

/** The tour's order of nodes 1…n−1 read from the depot. */
function fromDepot(tour: readonly number[]): number[] {
  const k = tour.indexOf(0);
  return [...tour.slice(k + 1), ...tour.slice(0, k)];
}

/**
 * Iterated local search from each seed order: the best tour found, never longer than the best seed.
 * Deterministic for `seed`.
 */
export function improveTour(
  m: Matrix,
  seeds: readonly (readonly number[])[],
  iterations: number,
  seed: number,
): { cost: number; order: number[] } {
  const rng = new Prng(seed);
  const ls = new LocalSearch(m, neighbourLists(m, NEIGHBOURS));
  const all = Array.from({ length: m.n }, (_, v) => v);
  let best: number[] = [];
  let bestCost = Number.POSITIVE_INFINITY;
  for (const s of seeds) {
    const tour = [0, ...s];
    ls.run(tour, all);
    const c = tourLength(m, fromDepot(tour));
    if (c < bestCost - EPS) {
      bestCost = c;
      best = tour;
    }
  }
  let current = best;
  let currentCost = bestCost;
  for (let it = 0; it < iterations && m.n > 3; it++) {
    const { tour, touched } = perturb(current, rng);
    ls.run(tour, touched);
    const c = tourLength(m, fromDepot(tour));
    if (c <= currentCost + EPS) {
      current = tour;
      currentCost = c;
      if (c < bestCost - EPS) {
        best = tour;
        bestCost = c;
      }
    }
  }
  return { cost: bestCost, order: fromDepot(best) };
}
