/**
 * Granular local search of HGS (Vidal 2012/2022): for each client u and each of its nearest clients v,
 * relocate (1 or 2 clients, 2 reversed), swap (1-1, 2-1, 2-2), 2-opt (intra-route) and 2-opt*
 * (inter-route tails), first improvement, in the penalised space.
 * Inter-route moves are priced in O(dims) from prefix/suffix segments; intra-route moves in O(route).
 */

import { bestFastMove } from './fast-moves';
import type { Instance } from './instance';
import { IntraRoute } from './intra-route';
import type { Prng } from './prng';
import { RouteState } from './route-state';
import type { Penalties } from './segment';
import { SwapStar } from './swap-star';

const EPS = 1e-7;

export class LocalSearch {
  readonly st: RouteState;
  private readonly A: Int32Array;
  private readonly B: Int32Array;
  private readonly lastMod: Int32Array;
  private readonly lastTest: Int32Array;
  private readonly order: Int32Array;
  private readonly sameEnd: Uint8Array;
  private readonly intra: IntraRoute;
  private readonly swap: SwapStar | null;
  private readonly lastSwap: Int32Array;
  private nbMoves = 0;
  private improved = false;

  constructor(
    readonly inst: Instance,
    readonly neighbours: Int32Array[],
    swapStar = true,
  ) {
    this.st = new RouteState(inst);
    this.intra = new IntraRoute(inst, this.st);
    this.swap = swapStar ? new SwapStar(inst, this.st, neighbours) : null;
    this.lastSwap = new Int32Array(inst.nSlots);
    this.A = new Int32Array(inst.n + 2);
    this.B = new Int32Array(inst.n + 2);
    this.lastMod = new Int32Array(inst.nSlots);
    this.lastTest = new Int32Array(inst.n);
    this.order = Int32Array.from({ length: inst.n }, (_, i) => i);
    const T = inst.nTypes;
    this.sameEnd = new Uint8Array(T * T);
    for (let a = 0; a < T; a++) {
      for (let b = 0; b < T; b++) {
        this.sameEnd[a * T + b] =
          inst.endNode[a] === inst.endNode[b] &&
          inst.shiftStart[a] === inst.shiftStart[b] &&
          inst.shiftEnd[a] === inst.shiftEnd[b]
            ? 1
            : 0;
      }
    }
  }

  run(routes: number[][], pen: Penalties, rng: Prng): number[][] {
    const st = this.st;
    st.pen = pen;
    st.load(routes);
    rng.shuffle(this.order);
    for (const nb of this.neighbours) rng.shuffle(nb);
    this.nbMoves = 0;
    this.lastTest.fill(-1);
    this.lastMod.fill(0);
    let loop = 0;
    // as in HGS-CVRP, the second loop always runs: it is the first to try empty routes
    for (let done = false; !done; loop++) {
      this.improved = false;
      for (let k = 0; k < this.order.length; k++) {
        const u = this.order[k];
        if (st.routeOf[u] < 0) continue;
        const lastTestU = this.lastTest[u];
        this.lastTest[u] = this.nbMoves;
        const nb = this.neighbours[u];
        for (let q = 0; q < nb.length; q++) {
          const v = nb[q];
          const ru = st.routeOf[u];
          const rv = st.routeOf[v];
          if (rv < 0) continue;
          if (loop > 0 && Math.max(this.lastMod[ru], this.lastMod[rv]) <= lastTestU) continue;
          if (this.tryPair(u, rv, st.posOf[v])) continue;
          if (st.posOf[v] === 1 && this.tryPair(u, rv, 0)) continue;
        }
        if (loop > 0) this.tryEmptyRoutes(u);
      }
      if (this.swap !== null) this.swapStarPass(loop);
      done = (loop >= 1 && !this.improved) || loop > 1000;
    }
    return st.export();
  }

  /** SWAP* over route pairs with overlapping sectors, modified since the first was last tested. */
  private swapStarPass(loop: number): void {
    const swap = this.swap!;
    const st = this.st;
    const R = this.inst.nSlots;
    swap.prepare();
    if (loop === 0) this.lastSwap.fill(-1);
    for (let a = 0; a < R; a++) {
      if (st.len[a] === 0) continue;
      const last = this.lastSwap[a];
      this.lastSwap[a] = this.nbMoves;
      for (let b = a + 1; b < R; b++) {
        if (st.len[b] === 0 || st.len[a] === 0) continue;
        if (loop > 0 && Math.max(this.lastMod[a], this.lastMod[b]) <= last) continue;
        if (!swap.overlap(a, b)) continue;
        if (swap.tryPair(a, b)) {
          this.moved(a, b);
          swap.refresh(a);
          swap.refresh(b);
        }
      }
    }
  }

  /** Records a move on routes a and b. */
  moved(a = -1, b = -1): void {
    this.nbMoves++;
    if (a >= 0) this.lastMod[a] = this.nbMoves;
    if (b >= 0) this.lastMod[b] = this.nbMoves;
    this.improved = true;
  }

  private tryEmptyRoutes(u: number): void {
    const st = this.st;
    const inst = this.inst;
    let seenTypes = 0;
    for (let r = 0; r < inst.nSlots; r++) {
      if (st.len[r] !== 0) continue;
      const t = inst.slotType[r];
      if (t < 31 && seenTypes & (1 << t)) continue;
      if (t < 31) seenTypes |= 1 << t;
      if (this.tryPair(u, r, 0)) return;
    }
  }

  /** Tries the moves between client u and position j of route rv (j = 0: the start depot). */
  private tryPair(u: number, rv: number, j: number): boolean {
    const st = this.st;
    const ru = st.routeOf[u];
    const i = st.posOf[u];
    if (ru === rv) {
      if (!this.intra.tryMoves(ru, i, j)) return false;
      this.moved(ru, ru);
      return true;
    }
    const base = st.rcost[ru] + st.rcost[rv];
    if (st.fast) {
      const kind = bestFastMove(this.inst, st, u, ru, i, rv, j, base);
      return kind > 0 ? this.applyInter(kind, ru, i, rv, j) : this.twoOptStar(u, ru, i, rv, j, base);
    }
    const inst = this.inst;
    const tu = inst.slotType[ru];
    const tv = inst.slotType[rv];
    const Lu = st.len[ru];
    const Lv = st.len[rv];
    const x = i < Lu ? st.node(ru, i + 1) : -1;
    const v = j >= 1 ? st.node(rv, j) : -1;
    const y = j < Lv ? st.node(rv, j + 1) : -1;
    const sk = st.hasSkills;
    const mu = st.mis[ru];
    const mv = st.mis[rv];
    const pu = st.preOff(ru, i - 1);
    const pv = st.preOff(rv, j);
    // Lower bounds from distance alone (penalties and duration cost are ≥ 0) prune most moves.
    const dist = inst.dist;
    const m = inst.m;
    const cdu = inst.costDist[tu];
    const cdv = inst.costDist[tv];
    const fu = inst.fixedCost[tu];
    const fv = inst.fixedCost[tv];
    const eu = inst.emptyCost[tu];
    const pre = st.pre;
    const suf = st.suf;
    const pu0 = st.node(ru, i - 1);
    const nv0 = st.node(rv, j + 1);
    const vj = st.node(rv, j);
    const bound = base - EPS;
    // relocate u after v
    if (
      (Lu === 1
        ? eu
        : fu + cdu * (pre[pu] + dist[pu0 * m + st.node(ru, i + 1)] + suf[st.preOff(ru, i + 1)])) +
        fv +
        cdv * (pre[pv] + dist[vj * m + u] + dist[u * m + nv0] + suf[st.preOff(rv, j + 1)]) <
      bound
    ) {
      const cu = Lu === 1 ? eu : st.costAB(tu, pu, st.preOff(ru, i + 1), sk ? mu - st.mismatch(u, tu) : 0);
      if (cu < base) {
        const cv = st.costAxB(tv, pv, u, st.preOff(rv, j + 1), sk ? mv + st.mismatch(u, tv) : 0);
        if (cu + cv < base - EPS) return this.applyInter(1, ru, i, rv, j);
      }
    }
    if (
      x >= 0 &&
      (Lu === 2
        ? eu
        : fu + cdu * (pre[pu] + dist[pu0 * m + st.node(ru, i + 2)] + suf[st.preOff(ru, i + 2)])) +
        fv +
        cdv *
          (pre[pv] +
            Math.min(dist[vj * m + u] + dist[x * m + nv0], dist[vj * m + x] + dist[u * m + nv0]) +
            dist[u * m + x] +
            suf[st.preOff(rv, j + 1)]) <
        bound
    ) {
      const cu =
        Lu === 2
          ? eu
          : st.costAB(tu, pu, st.preOff(ru, i + 2), sk ? mu - st.mismatch(u, tu) - st.mismatch(x, tu) : 0);
      if (cu < base) {
        const m2 = sk ? mv + st.mismatch(u, tv) + st.mismatch(x, tv) : 0;
        const so = st.preOff(rv, j + 1);
        if (cu + st.costAxyB(tv, pv, u, x, so, m2) < base - EPS) return this.applyInter(2, ru, i, rv, j);
        if (cu + st.costAxyB(tv, pv, x, u, so, m2) < base - EPS) return this.applyInter(3, ru, i, rv, j);
      }
    }
    if (v >= 0) {
      const pv1 = st.preOff(rv, j - 1);
      const dmu = sk ? mu - st.mismatch(u, tu) + st.mismatch(v, tu) : 0;
      const dmv = sk ? mv - st.mismatch(v, tv) + st.mismatch(u, tv) : 0;
      const pv0 = st.node(rv, j - 1);
      const nu1 = st.node(ru, i + 1);
      const nv1 = st.node(rv, j + 1);
      // swap u and v
      let c =
        fu +
        fv +
        cdu * (pre[pu] + dist[pu0 * m + v] + dist[v * m + nu1] + suf[st.preOff(ru, i + 1)]) +
        cdv * (pre[pv1] + dist[pv0 * m + u] + dist[u * m + nv1] + suf[st.preOff(rv, j + 1)]);
      c = c < bound ? st.costAxB(tu, pu, v, st.preOff(ru, i + 1), dmu) : Number.POSITIVE_INFINITY;
      if (c < base) {
        c += st.costAxB(tv, pv1, u, st.preOff(rv, j + 1), dmv);
        if (c < base - EPS) return this.applyInter(4, ru, i, rv, j);
      }
      if (x >= 0) {
        const mx = sk ? st.mismatch(x, tu) : 0;
        // swap (u, x) with v
        const nu2 = st.node(ru, i + 2);
        c =
          fu +
          fv +
          cdu * (pre[pu] + dist[pu0 * m + v] + dist[v * m + nu2] + suf[st.preOff(ru, i + 2)]) +
          cdv *
            (pre[pv1] + dist[pv0 * m + u] + dist[u * m + x] + dist[x * m + nv1] + suf[st.preOff(rv, j + 1)]);
        c = c < bound ? st.costAxB(tu, pu, v, st.preOff(ru, i + 2), dmu - mx) : Number.POSITIVE_INFINITY;
        if (c < base) {
          c += st.costAxyB(tv, pv1, u, x, st.preOff(rv, j + 1), dmv + (sk ? st.mismatch(x, tv) : 0));
          if (c < base - EPS) return this.applyInter(5, ru, i, rv, j);
        }
        if (y >= 0) {
          const dmu2 = sk ? dmu - mx + st.mismatch(y, tu) : 0;
          const dmv2 = sk ? dmv - st.mismatch(y, tv) + st.mismatch(x, tv) : 0;
          const nv2 = st.node(rv, j + 2);
          c =
            fu +
            fv +
            cdu *
              (pre[pu] +
                dist[pu0 * m + v] +
                dist[v * m + y] +
                dist[y * m + nu2] +
                suf[st.preOff(ru, i + 2)]) +
            cdv *
              (pre[pv1] +
                dist[pv0 * m + u] +
                dist[u * m + x] +
                dist[x * m + nv2] +
                suf[st.preOff(rv, j + 2)]);
          c = c < bound ? st.costAxyB(tu, pu, v, y, st.preOff(ru, i + 2), dmu2) : Number.POSITIVE_INFINITY;
          if (c < base) {
            c += st.costAxyB(tv, pv1, u, x, st.preOff(rv, j + 2), dmv2);
            if (c < base - EPS) return this.applyInter(6, ru, i, rv, j);
          }
        }
      }
    }
    return this.twoOptStar(u, ru, i, rv, j, base);
  }

  /** 2-opt*: u's tail after i goes behind v, v's tail after j goes behind u. */
  private twoOptStar(u: number, ru: number, i: number, rv: number, j: number, base: number): boolean {
    const st = this.st;
    const inst = this.inst;
    const tu = inst.slotType[ru];
    const tv = inst.slotType[rv];
    const Lu = st.len[ru];
    const Lv = st.len[rv];
    const sk = st.hasSkills;
    const { dist, m } = inst;
    const bound = base - EPS;
    const { pre, suf } = st;
    const eu = inst.emptyCost[tu];
    const fu = inst.fixedCost[tu];
    const fv = inst.fixedCost[tv];
    const cdu = inst.costDist[tu];
    const cdv = inst.costDist[tv];
    const pv = st.preOff(rv, j);
    const vj = st.node(rv, j);
    const nv0 = st.node(rv, j + 1);
    if (sk || !this.sameEnd[tu * inst.nTypes + tv]) {
      const A = st.tmpSeq;
      let L = 0;
      for (let p = 1; p <= i; p++) A[L++] = st.node(ru, p);
      for (let p = j + 1; p <= Lv; p++) A[L++] = st.node(rv, p);
      let c = st.costSeq(tu, L);
      if (c < base) {
        L = 0;
        for (let p = 1; p <= j; p++) A[L++] = st.node(rv, p);
        for (let p = i + 1; p <= Lu; p++) A[L++] = st.node(ru, p);
        c += st.costSeq(tv, L);
        if (c < base - EPS) return this.applyInter(7, ru, i, rv, j);
      }
    } else {
      const lenU = i + Lv - j;
      const lenV = j + Lu - i;
      const lb =
        (lenU === 0
          ? eu
          : fu + cdu * (pre[st.preOff(ru, i)] + dist[u * m + nv0] + suf[st.preOff(rv, j + 1)])) +
        (lenV === 0
          ? inst.emptyCost[tv]
          : fv + cdv * (pre[pv] + dist[vj * m + st.node(ru, i + 1)] + suf[st.preOff(ru, i + 1)]));
      if (lb >= bound) return false;
      if (st.fast) {
        const c =
          lb +
          (lenU === 0 ? 0 : st.lpJoin(tu, st.preOff(ru, i), st.preOff(rv, j + 1))) +
          (lenV === 0 ? 0 : st.lpJoin(tv, pv, st.preOff(ru, i + 1)));
        return c < bound && this.applyInter(7, ru, i, rv, j);
      }
      let c = lenU === 0 ? eu : st.costAB(tu, st.preOff(ru, i), st.preOff(rv, j + 1), 0);
      if (c < base) {
        c += lenV === 0 ? inst.emptyCost[tv] : st.costAB(tv, pv, st.preOff(ru, i + 1), 0);
        if (c < base - EPS) return this.applyInter(7, ru, i, rv, j);
      }
    }
    return false;
  }

  /** Builds both new routes of an inter-route move into A and B, then commits them. */
  private applyInter(kind: number, ru: number, i: number, rv: number, j: number): boolean {
    const st = this.st;
    const { A, B } = this;
    const Lu = st.len[ru];
    const Lv = st.len[rv];
    let a = 0;
    let b = 0;
    const copy = copyRange;
    const u = st.node(ru, i);
    const x = i < Lu ? st.node(ru, i + 1) : -1;
    const v = j >= 1 ? st.node(rv, j) : -1;
    const y = j < Lv ? st.node(rv, j + 1) : -1;
    switch (kind) {
      case 1:
      case 2:
      case 3: {
        const k = kind === 1 ? 1 : 2;
        a = copy(st, A, a, ru, 1, i - 1);
        a = copy(st, A, a, ru, i + k, Lu);
        b = copy(st, B, b, rv, 1, j);
        if (kind === 3) {
          B[b++] = x;
          B[b++] = u;
        } else {
          B[b++] = u;
          if (kind === 2) B[b++] = x;
        }
        b = copy(st, B, b, rv, j + 1, Lv);
        break;
      }
      case 4:
      case 5:
      case 6: {
        const ku = kind === 4 ? 1 : 2;
        const kv = kind === 6 ? 2 : 1;
        a = copy(st, A, a, ru, 1, i - 1);
        A[a++] = v;
        if (kv === 2) A[a++] = y;
        a = copy(st, A, a, ru, i + ku, Lu);
        b = copy(st, B, b, rv, 1, j - 1);
        B[b++] = u;
        if (ku === 2) B[b++] = x;
        b = copy(st, B, b, rv, j + kv, Lv);
        break;
      }
      default: {
        a = copy(st, A, a, ru, 1, i);
        a = copy(st, A, a, rv, j + 1, Lv);
        b = copy(st, B, b, rv, 1, j);
        b = copy(st, B, b, ru, i + 1, Lu);
      }
    }
    this.commit(ru, A, a);
    this.commit(rv, B, b);
    this.moved(ru, rv);
    return true;
  }

  commit(r: number, buf: Int32Array, L: number): void {
    const st = this.st;
    const base = r * st.cap;
    for (let k = 0; k < L; k++) st.seq[base + 1 + k] = buf[k];
    st.len[r] = L;
    st.update(r);
  }
}

const copyRange = (
  st: RouteState,
  dst: Int32Array,
  at: number,
  r: number,
  from: number,
  to: number,
): number => {
  let k = at;
  for (let p = from; p <= to; p++) dst[k++] = st.node(r, p);
  return k;
};
