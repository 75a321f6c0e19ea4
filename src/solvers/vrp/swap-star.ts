/**
 * SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source implementation and SWAP*
 * neighborhood"): exchange a client u of route A with a client v of route B, each inserted at its best
 * position in the other route rather than in the other's place. For a route pair, the three cheapest
 * insertion positions of every client into the other route are cached, so the best exchange (and the
 * best single relocation) is found in O(|A|·|B|) from distance deltas and loads; that one move is then
 * priced exactly (plain-CVRP path or segments) before it is applied. Only route pairs whose polar
 * sectors around the depot overlap are tried when coordinates are known, otherwise pairs linked by a
 * granular neighbour.
 */
import type { Instance } from './instance';
import type { RouteState } from './route-state';

const EPS = 1e-7;
const FULL = 65536;
const mod = (a: number) => ((a % FULL) + FULL) % FULL;

export class SwapStar {
  /** Per client: its 3 cheapest insertion costs into the other route and the positions (after p). */
  private readonly insCost: Float64Array;
  private readonly insPos: Int32Array;
  private readonly secStart: Int32Array;
  private readonly secEnd: Int32Array;
  private readonly adj: Uint8Array | null;
  private readonly bufA: Int32Array;

  constructor(
    private readonly inst: Instance,
    private readonly st: RouteState,
    private readonly neighbours: Int32Array[],
  ) {
    this.insCost = new Float64Array(inst.n * 3);
    this.insPos = new Int32Array(inst.n * 3);
    this.secStart = new Int32Array(inst.nSlots);
    this.secEnd = new Int32Array(inst.nSlots);
    this.adj = inst.angle === null ? new Uint8Array(inst.nSlots * inst.nSlots) : null;
    this.bufA = new Int32Array(inst.n + 2);
  }

  /** Sectors (or neighbour links) of every route, before a pass over the route pairs. */
  prepare(): void {
    for (let r = 0; r < this.inst.nSlots; r++) this.refresh(r);
    const adj = this.adj;
    if (adj === null) return;
    const { routeOf } = this.st;
    const R = this.inst.nSlots;
    adj.fill(0);
    for (let c = 0; c < this.inst.n; c++) {
      const nb = this.neighbours[c];
      if (routeOf[c] < 0) continue;
      for (let k = 0; k < nb.length; k++) {
        if (routeOf[nb[k]] < 0) continue;
        adj[routeOf[c] * R + routeOf[nb[k]]] = 1;
        adj[routeOf[nb[k]] * R + routeOf[c]] = 1;
      }
    }
  }

  /** Recomputes the polar sector of route r (HGS-CVRP's CircleSector). */
  refresh(r: number): void {
    const angle = this.inst.angle;
    const st = this.st;
    const L = st.len[r];
    if (angle === null || L === 0) return;
    let start = angle[st.node(r, 1)];
    let end = start;
    for (let p = 2; p <= L; p++) {
      const a = angle[st.node(r, p)];
      if (mod(a - start) <= mod(end - start)) continue;
      if (mod(a - end) <= mod(start - a)) end = a;
      else start = a;
    }
    this.secStart[r] = start;
    this.secEnd[r] = end;
  }

  overlap(a: number, b: number): boolean {
    if (this.adj !== null) return this.adj[a * this.inst.nSlots + b] === 1;
    const { secStart: s, secEnd: e } = this;
    return mod(s[b] - s[a]) <= mod(e[a] - s[a]) || mod(s[a] - s[b]) <= mod(e[b] - s[b]);
  }

  /** The three cheapest insertions of every client of route `from` into route `into`. */
  private preprocess(from: number, into: number): void {
    const st = this.st;
    const { dist, m } = this.inst;
    const Lf = st.len[from];
    const Li = st.len[into];
    const off = into * st.cap;
    const seq = st.seq;
    const { insCost, insPos } = this;
    for (let p = 1; p <= Lf; p++) {
      const u = st.node(from, p);
      let c0 = Number.POSITIVE_INFINITY;
      let c1 = c0;
      let c2 = c0;
      let p0 = -1;
      let p1 = -1;
      let p2 = -1;
      for (let q = 0; q <= Li; q++) {
        const a = seq[off + q];
        const b = seq[off + q + 1];
        const c = dist[a * m + u] + dist[u * m + b] - dist[a * m + b];
        if (c >= c2) continue;
        if (c < c0) {
          c2 = c1;
          p2 = p1;
          c1 = c0;
          p1 = p0;
          c0 = c;
          p0 = q;
        } else if (c < c1) {
          c2 = c1;
          p2 = p1;
          c1 = c;
          p1 = q;
        } else {
          c2 = c;
          p2 = q;
        }
      }
      insCost[3 * u] = c0;
      insCost[3 * u + 1] = c1;
      insCost[3 * u + 2] = c2;
      insPos[3 * u] = p0;
      insPos[3 * u + 1] = p1;
      insPos[3 * u + 2] = p2;
    }
  }

  /**
   * Cheapest insertion of u into route r once the client at position q leaves it: in q's place or at
   * a cached position not adjacent to q. Writes the position (insert after it) to `this.pos`.
   */
  private pos = 0;
  private insertWithout(u: number, r: number, q: number): number {
    const st = this.st;
    const { dist, m } = this.inst;
    const a = st.node(r, q - 1);
    const b = st.node(r, q + 1);
    let best = dist[a * m + u] + dist[u * m + b] - dist[a * m + b];
    this.pos = q - 1;
    for (let k = 0; k < 3; k++) {
      const p = this.insPos[3 * u + k];
      if (p < 0) break;
      if (p === q - 1 || p === q) continue;
      if (this.insCost[3 * u + k] < best) {
        best = this.insCost[3 * u + k];
        this.pos = p;
      }
      break;
    }
    return best;
  }

  /** Finds the best SWAP* (or relocation) between routes a and b and applies it if it improves. */
  tryPair(ra: number, rb: number): boolean {
    const st = this.st;
    const inst = this.inst;
    const { dist, m } = inst;
    const La = st.len[ra];
    const Lb = st.len[rb];
    if (La === 0 || Lb === 0) return false;
    const ta = inst.slotType[ra];
    const tb = inst.slotType[rb];
    const cda = inst.costDist[ta];
    const cdb = inst.costDist[tb];
    this.preprocess(ra, rb);
    this.preprocess(rb, ra);
    const lpA = st.lp(ta, ra, -1, -1, -1, -1);
    const lpB = st.lp(tb, rb, -1, -1, -1, -1);
    let best = -EPS;
    let bu = -1;
    let bv = -1;
    let posU = -1; // u goes after this position of b
    let posV = -1; // v goes after this position of a
    for (let p = 1; p <= La; p++) {
      const u = st.node(ra, p);
      const pu = st.node(ra, p - 1);
      const nu = st.node(ra, p + 1);
      const remU = cda * (dist[pu * m + nu] - dist[pu * m + u] - dist[u * m + nu]);
      // relocate u alone to its best position in b
      if (La > 1) {
        const d =
          remU +
          cdb * this.insCost[3 * u] +
          st.lp(ta, ra, -1, -1, u, -1) -
          lpA +
          st.lp(tb, rb, u, -1, -1, -1) -
          lpB;
        if (d < best) {
          best = d;
          bu = u;
          bv = -1;
          posU = this.insPos[3 * u];
        }
      }
      for (let q = 1; q <= Lb; q++) {
        const v = st.node(rb, q);
        const pv = st.node(rb, q - 1);
        const nv = st.node(rb, q + 1);
        const remV = cdb * (dist[pv * m + nv] - dist[pv * m + v] - dist[v * m + nv]);
        let d = remU + remV + st.lp(ta, ra, v, -1, u, -1) - lpA + st.lp(tb, rb, u, -1, v, -1) - lpB;
        if (d >= best) continue;
        d += cdb * this.insertWithout(u, rb, q);
        const pU = this.pos;
        if (d >= best) continue;
        d += cda * this.insertWithout(v, ra, p);
        if (d < best) {
          best = d;
          bu = u;
          bv = v;
          posU = pU;
          posV = this.pos;
        }
      }
    }
    // relocations of a client of b into a
    for (let q = 1; q <= Lb && Lb > 1; q++) {
      const v = st.node(rb, q);
      const pv = st.node(rb, q - 1);
      const nv = st.node(rb, q + 1);
      const d =
        cdb * (dist[pv * m + nv] - dist[pv * m + v] - dist[v * m + nv]) +
        cda * this.insCost[3 * v] +
        st.lp(ta, ra, v, -1, -1, -1) -
        lpA +
        st.lp(tb, rb, -1, -1, v, -1) -
        lpB;
      if (d < best) {
        best = d;
        bu = -1;
        bv = v;
        posV = this.insPos[3 * v];
      }
    }
    if (bu < 0 && bv < 0) return false;
    // exact price of the chosen move
    const A = this.bufA;
    const La2 = this.build(ra, bu, bv, posV, st.tmpSeq);
    const base = st.rcost[ra] + st.rcost[rb];
    const cA = st.costSeq(ta, La2, base);
    if (cA >= base) return false;
    A.set(st.tmpSeq.subarray(0, La2));
    const Lb2 = this.build(rb, bv, bu, posU, st.tmpSeq);
    const cB = st.costSeq(tb, Lb2, base - EPS - cA);
    if (cA + cB >= base - EPS) return false;
    st.commitSeq(rb, Lb2);
    st.tmpSeq.set(A.subarray(0, La2));
    st.commitSeq(ra, La2);
    return true;
  }

  /** Route r without `out` (−1: none) and with `inn` (−1: none) inserted after position `at`. */
  private build(r: number, out: number, inn: number, at: number, dst: Int32Array): number {
    const st = this.st;
    const L = st.len[r];
    let k = 0;
    if (inn >= 0 && at === 0) dst[k++] = inn;
    for (let p = 1; p <= L; p++) {
      const c = st.node(r, p);
      if (c !== out) dst[k++] = c;
      if (inn >= 0 && p === at) dst[k++] = inn;
    }
    return k;
  }
}
