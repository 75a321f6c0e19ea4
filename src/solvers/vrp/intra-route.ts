/**
 * Intra-route moves of the local search: relocate a block of 1 or 2 clients (2 also reversed), swap two
 * clients, 2-opt. Each is first bounded in O(1) by its distance delta (penalties and duration cost are
 * ≥ 0, so a move whose distance alone reaches the route's current cost cannot improve it); only the
 * few that pass are rebuilt and priced exactly in O(route) with the segment algebra.
 */
import type { Instance } from './instance';
import type { RouteState } from './route-state';
import { DIST } from './segment';

const EPS = 1e-7;

export class IntraRoute {
  private readonly symmetric: boolean;

  constructor(
    private readonly inst: Instance,
    private readonly st: RouteState,
  ) {
    const { m, dist, dur } = inst;
    let sym = true;
    for (let a = 0; a < m && sym; a++) {
      for (let b = a + 1; b < m; b++) {
        if (dist[a * m + b] !== dist[b * m + a] || dur[a * m + b] !== dur[b * m + a]) {
          sym = false;
          break;
        }
      }
    }
    this.symmetric = sym;
  }

  /** Tries the moves between client at position i of route r and position j (0 = start depot). */
  tryMoves(r: number, i: number, j: number): boolean {
    const { st, inst } = this;
    const L = st.len[r];
    const t = inst.slotType[r];
    const base = st.rcost[r];
    const seq = st.seq;
    const off = r * st.cap;
    const m = inst.m;
    const dist = inst.dist;
    const fixed = inst.fixedCost[t];
    const cd = inst.costDist[t];
    const cur = st.pre[st.preOff(r, L + 1) + DIST];
    const bound = base - EPS;
    const v = seq[off + j];
    const w = seq[off + j + 1];
    // relocate the block [i, i + k - 1] to after position j
    for (let k = 1; k <= 2; k++) {
      if (i + k - 1 > L || (j >= i - 1 && j <= i + k - 1)) continue;
      const a = seq[off + i - 1];
      const b1 = seq[off + i];
      const bk = seq[off + i + k - 1];
      const c = seq[off + i + k];
      const removed = dist[a * m + c] - dist[a * m + b1] - dist[bk * m + c] - dist[v * m + w] + cur;
      if (fixed + cd * (removed + dist[v * m + b1] + dist[bk * m + w]) < bound) {
        if (this.relocate(r, L, i, k, j, false, t, base)) return true;
      }
      if (k === 2) {
        const inner = dist[bk * m + b1] - dist[b1 * m + bk];
        if (fixed + cd * (removed + dist[v * m + bk] + dist[b1 * m + w] + inner) < bound) {
          if (this.relocate(r, L, i, k, j, true, t, base)) return true;
        }
      }
    }
    if (j < 1 || j === i) return false;
    const p = Math.min(i, j);
    const q = Math.max(i, j);
    const x = seq[off + p];
    const y = seq[off + q];
    const a = seq[off + p - 1];
    const c = seq[off + q + 1];
    // swap
    let d: number;
    if (q === p + 1) {
      d = cur - dist[a * m + x] - dist[x * m + y] - dist[y * m + c] + dist[a * m + y] + dist[y * m + x];
      d += dist[x * m + c];
    } else {
      const b = seq[off + p + 1];
      const e = seq[off + q - 1];
      d = cur - dist[a * m + x] - dist[x * m + b] - dist[e * m + y] - dist[y * m + c];
      d += dist[a * m + y] + dist[y * m + b] + dist[e * m + x] + dist[x * m + c];
    }
    if (fixed + cd * d < bound) {
      const A = st.tmpSeq;
      for (let s = 1; s <= L; s++) A[s - 1] = s === p ? y : s === q ? x : seq[off + s];
      if (this.tryIntraSeq(r, t, L, base)) return true;
    }
    // 2-opt: reverse the path p+1 .. q
    const lo = p + 1;
    const hi = q;
    if (hi - lo < 1) return false;
    if (this.symmetric) {
      const s0 = seq[off + lo - 1];
      const s1 = seq[off + lo];
      const e0 = seq[off + hi];
      const e1 = seq[off + hi + 1];
      const d2 = cur - dist[s0 * m + s1] - dist[e0 * m + e1] + dist[s0 * m + e0] + dist[s1 * m + e1];
      if (fixed + cd * d2 >= bound) return false;
    }
    const A = st.tmpSeq;
    for (let s = 1; s <= L; s++) A[s - 1] = s >= lo && s <= hi ? seq[off + lo + hi - s] : seq[off + s];
    return this.tryIntraSeq(r, t, L, base);
  }

  private relocate(
    r: number,
    L: number,
    i: number,
    k: number,
    j: number,
    rev: boolean,
    t: number,
    base: number,
  ): boolean {
    const st = this.st;
    const seq = st.seq;
    const off = r * st.cap;
    const A = st.tmpSeq;
    let n = 0;
    const b1 = seq[off + i];
    const bk = seq[off + i + k - 1];
    if (j === 0) {
      A[n++] = rev ? bk : b1;
      if (k === 2) A[n++] = rev ? b1 : bk;
    }
    for (let s = 1; s <= L; s++) {
      if (s >= i && s < i + k) continue;
      A[n++] = seq[off + s];
      if (s === j) {
        A[n++] = rev ? bk : b1;
        if (k === 2) A[n++] = rev ? b1 : bk;
      }
    }
    return this.tryIntraSeq(r, t, n, base);
  }

  private tryIntraSeq(r: number, t: number, n: number, base: number): boolean {
    const st = this.st;
    if (st.costSeq(t, n, base - EPS) < base - EPS) {
      st.commitSeq(r, n);
      return true;
    }
    return false;
  }
}
