/**
 * The local search's view of a solution: one flat client sequence per vehicle slot with prefix and
 * suffix segments at every position, so a move's cost is a few O(dims) concatenations.
 */
import type { Instance } from './instance';
import {
  clientSegments,
  DIST,
  depotSegments,
  LOAD0,
  merge,
  type Penalties,
  routeCost,
  strideOf,
} from './segment';

/**
 * Plain CVRP (no windows, shifts, duration limits or costs, no pickups): a route's cost is then its
 * fixed cost + distance cost + load and skill penalties, so moves are priced in O(dims) from distance
 * deltas and route loads, with no segment merges.
 */
export const isPlainCvrp = (inst: Instance): boolean => {
  if (inst.hasMultiWindows) return false;
  for (let c = 0; c < inst.n; c++) {
    if (Number.isFinite(inst.twEarly[c]) || Number.isFinite(inst.twLate[c])) return false;
  }
  for (let k = 0; k < inst.pickup.length; k++) if (inst.pickup[k] !== 0) return false;
  for (let t = 0; t < inst.nTypes; t++) {
    if (inst.costDur[t] !== 0 || Number.isFinite(inst.shiftEnd[t]) || Number.isFinite(inst.maxDuration[t]))
      return false;
  }
  return true;
};

export class RouteState {
  readonly S: number;
  /** Positions per route: 0 = start depot, 1..len = clients, len+1 = end depot. */
  readonly cap: number;
  readonly seq: Int32Array;
  readonly len: Int32Array;
  readonly routeOf: Int32Array;
  readonly posOf: Int32Array;
  readonly pre: Float64Array;
  readonly suf: Float64Array;
  /** Penalised cost per route including the fixed cost and skill penalty (0 when empty). */
  readonly rcost: Float64Array;
  readonly mis: Int32Array;
  readonly cs: Float64Array;
  readonly ds: Float64Array;
  readonly tmp: Float64Array;
  readonly tmpSeq: Int32Array;
  readonly hasSkills: boolean;
  /** Plain CVRP: see `isPlainCvrp`. */
  readonly fast: boolean;
  /** Delivered load per route and dimension. */
  readonly rload: Float64Array;
  pen: Penalties = { load: new Float64Array(1), timeWarp: 1, skill: 1 };

  constructor(readonly inst: Instance) {
    const S = strideOf(inst.dims);
    this.S = S;
    this.cap = inst.n + 2;
    const R = inst.nSlots;
    this.seq = new Int32Array(R * this.cap);
    this.len = new Int32Array(R);
    this.routeOf = new Int32Array(inst.n);
    this.posOf = new Int32Array(inst.n);
    this.pre = new Float64Array(R * this.cap * S);
    this.suf = new Float64Array(R * this.cap * S);
    this.rcost = new Float64Array(R);
    this.mis = new Int32Array(R);
    this.cs = clientSegments(inst);
    this.ds = depotSegments(inst);
    this.tmp = new Float64Array(8 * S);
    this.tmpSeq = new Int32Array(this.cap);
    this.hasSkills = inst.skillMask.some((m) => m !== 0);
    this.fast = isPlainCvrp(inst);
    this.rload = new Float64Array(R * inst.dims);
  }

  /**
   * Load penalty of type t for route r's load + delivery of a and b − delivery of c and e (−1: none).
   * Exact in the plain-CVRP fast path (peak load = delivered load).
   */
  lp(t: number, r: number, a: number, b: number, c: number, e: number): number {
    const { dims, delivery, capacity } = this.inst;
    let p = 0;
    for (let d = 0; d < dims; d++) {
      let l = this.rload[r * dims + d];
      if (a >= 0) l += delivery[a * dims + d];
      if (b >= 0) l += delivery[b * dims + d];
      if (c >= 0) l -= delivery[c * dims + d];
      if (e >= 0) l -= delivery[e * dims + d];
      const ex = l - capacity[t * dims + d];
      if (ex > 0) p += this.pen.load[d] * ex;
    }
    return p;
  }

  /** Load penalty of type t for the prefix segment at `po` joined with the suffix segment at `so`. */
  lpJoin(t: number, po: number, so: number): number {
    const { dims, capacity } = this.inst;
    let p = 0;
    for (let d = 0; d < dims; d++) {
      const ex = this.pre[po + LOAD0 + 3 * d] + this.suf[so + LOAD0 + 3 * d] - capacity[t * dims + d];
      if (ex > 0) p += this.pen.load[d] * ex;
    }
    return p;
  }

  /** Clients in no route (e.g. waiting in an ejection pool) get `routeOf` −1. */
  load(routes: number[][]): void {
    this.routeOf.fill(-1);
    for (let r = 0; r < this.inst.nSlots; r++) {
      const route = routes[r] ?? [];
      const base = r * this.cap;
      for (let k = 0; k < route.length; k++) this.seq[base + k + 1] = route[k];
      this.len[r] = route.length;
      this.update(r);
    }
  }

  export(): number[][] {
    const out: number[][] = [];
    for (let r = 0; r < this.inst.nSlots; r++) {
      const base = r * this.cap;
      out.push(Array.from(this.seq.subarray(base + 1, base + 1 + this.len[r])));
    }
    return out;
  }

  node(r: number, p: number): number {
    return this.seq[r * this.cap + p];
  }

  preOff(r: number, p: number): number {
    return (r * this.cap + p) * this.S;
  }

  mismatch(c: number, t: number): number {
    return (this.inst.skillMask[c] & ~this.inst.typeSkills[t]) !== 0 ? 1 : 0;
  }

  /** Recomputes positions, prefix/suffix segments and cost of route r. */
  update(r: number): void {
    const { inst, S, seq, pre, suf, cs, ds } = this;
    const t = inst.slotType[r];
    const L = this.len[r];
    const base = r * this.cap;
    seq[base] = inst.startNode[t];
    seq[base + L + 1] = inst.endNode[t];
    let o = base * S;
    for (let i = 0; i < S; i++) pre[o + i] = ds[2 * t * S + i];
    let mis = 0;
    for (let p = 1; p <= L; p++) {
      const c = seq[base + p];
      this.routeOf[c] = r;
      this.posOf[c] = p;
      if (this.hasSkills) mis += this.mismatch(c, t);
      merge(inst, S, pre, o, cs, c * S, pre, o + S);
      o += S;
    }
    merge(inst, S, pre, o, ds, (2 * t + 1) * S, pre, o + S);
    o = (base + L + 1) * S;
    for (let i = 0; i < S; i++) suf[o + i] = ds[(2 * t + 1) * S + i];
    for (let p = L; p >= 1; p--) {
      const c = seq[base + p];
      merge(inst, S, cs, c * S, suf, o, suf, o - S);
      o -= S;
    }
    merge(inst, S, ds, 2 * t * S, suf, o, suf, o - S);
    this.mis[r] = mis;
    const lo = (base + L + 1) * S + LOAD0;
    for (let d = 0; d < inst.dims; d++) this.rload[r * inst.dims + d] = pre[lo + 3 * d];
    this.rcost[r] = L === 0 ? inst.emptyCost[t] : this.finish(t, pre, (base + L + 1) * S, mis);
  }

  /** Cost of a complete route segment for type t with `mis` skill mismatches. */
  finish(t: number, buf: Float64Array, o: number, mis: number): number {
    return routeCost(this.inst, this.S, this.pen, t, buf, o) + this.inst.fixedCost[t] + this.pen.skill * mis;
  }

  /** pre(r, p) ⊕ suf(r2, q), both already ending in depots. */
  costAB(t: number, po: number, so: number, mis: number): number {
    merge(this.inst, this.S, this.pre, po, this.suf, so, this.tmp, 0);
    return this.finish(t, this.tmp, 0, mis);
  }

  costAxB(t: number, po: number, x: number, so: number, mis: number): number {
    const { inst, S, tmp } = this;
    merge(inst, S, this.pre, po, this.cs, x * S, tmp, 0);
    merge(inst, S, tmp, 0, this.suf, so, tmp, S);
    return this.finish(t, tmp, S, mis);
  }

  costAxyB(t: number, po: number, x: number, y: number, so: number, mis: number): number {
    const { inst, S, tmp } = this;
    merge(inst, S, this.pre, po, this.cs, x * S, tmp, 0);
    merge(inst, S, tmp, 0, this.cs, y * S, tmp, S);
    merge(inst, S, tmp, S, this.suf, so, tmp, 2 * S);
    return this.finish(t, tmp, 2 * S, mis);
  }

  /** Cost of the client sequence `tmpSeq[0..L)` driven by slot type t (slow path, O(L)). */
  costSeq(t: number, L: number, bound = Number.POSITIVE_INFINITY): number {
    const { inst, S, tmp, tmpSeq, cs, ds } = this;
    if (L === 0) return inst.emptyCost[t];
    // distance-only lower bound first
    let prev = inst.startNode[t];
    let d = 0;
    for (let k = 0; k < L; k++) {
      d += inst.dist[prev * inst.m + tmpSeq[k]];
      prev = tmpSeq[k];
    }
    d += inst.dist[prev * inst.m + inst.endNode[t]];
    if (inst.fixedCost[t] + inst.costDist[t] * d >= bound) return Number.POSITIVE_INFINITY;
    if (this.fast) {
      let mis = 0;
      let p = 0;
      const { dims, delivery, capacity } = inst;
      for (let dd = 0; dd < dims; dd++) {
        let l = 0;
        for (let k = 0; k < L; k++) l += delivery[tmpSeq[k] * dims + dd];
        if (l > capacity[t * dims + dd]) p += this.pen.load[dd] * (l - capacity[t * dims + dd]);
      }
      if (this.hasSkills) for (let k = 0; k < L; k++) mis += this.mismatch(tmpSeq[k], t);
      return inst.fixedCost[t] + inst.costDist[t] * d + p + this.pen.skill * mis;
    }
    for (let i = 0; i < S; i++) tmp[i] = ds[2 * t * S + i];
    let cur = 0;
    let mis = 0;
    for (let k = 0; k < L; k++) {
      const c = tmpSeq[k];
      if (this.hasSkills) mis += this.mismatch(c, t);
      merge(inst, S, tmp, cur * S, cs, c * S, tmp, (1 - cur) * S);
      cur = 1 - cur;
    }
    merge(inst, S, tmp, cur * S, ds, (2 * t + 1) * S, tmp, (1 - cur) * S);
    return this.finish(t, tmp, (1 - cur) * S, mis);
  }

  /** Writes `tmpSeq[0..L)` as route r. */
  commitSeq(r: number, L: number): void {
    const base = r * this.cap;
    for (let k = 0; k < L; k++) this.seq[base + 1 + k] = this.tmpSeq[k];
    this.len[r] = L;
    this.update(r);
  }

  totalCost(): number {
    let c = 0;
    for (let r = 0; r < this.inst.nSlots; r++) c += this.rcost[r];
    return c;
  }

  distanceOf(r: number): number {
    return this.pre[this.preOff(r, this.len[r] + 1) + DIST];
  }
}
