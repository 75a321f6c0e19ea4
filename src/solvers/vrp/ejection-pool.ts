/**
 * Route elimination by an ejection pool (Nagata & Bräysy 2009, "A powerful route minimization
 * heuristic for the vehicle routing problem with time windows"), written from the paper: one route of
 * a feasible plan is removed and its clients go to the ejection pool (EP, a stack). While the pool is
 * not empty, its top client v is inserted at a random feasible position; failing that, it is
 * *squeezed* in at its least-violating position and a penalty-driven local search tries to restore
 * feasibility; failing that, v's penalty counter p[v] grows and v is inserted with up to `kMax` clients
 * of the same route ejected, choosing the ejection with the smallest sum of penalty counters (clients
 * that failed often are ejected last); the ejected clients go to the pool and the plan is perturbed by
 * random feasible relocate / swap / 2-opt* moves. Only feasible plans are kept between steps.
 *
 * Everything is priced with the route segments (`route-state.ts`), so loads per dimension, pickups,
 * shifts and maximum durations count, as in the rest of the search. One vehicle type and
 * single-window stops only: the caller (`fleet-min.ts`) checks both.
 */
import type { Instance } from './instance';
import type { LocalSearch } from './local-search';
import type { Prng } from './prng';
import type { RouteState } from './route-state';
import { DUR, LOAD0, merge, type Penalties, TW } from './segment';

const EPS = 1e-7;

export interface EjectionPoolParams {
  /** Most clients ejected for one insertion (Nagata & Bräysy: 5). */
  kMax: number;
  /** Random feasible moves tried after each ejection (I_rand). */
  perturbMoves: number;
  /** Search nodes one ejection search may visit before it settles for the best found. */
  ejectionBudget: number;
}

export const DEFAULT_EJECTION: EjectionPoolParams = { kMax: 5, perturbMoves: 1000, ejectionBudget: 60_000 };

export class EjectionPool {
  private readonly S: number;
  private readonly inEp: Uint8Array;
  private readonly penalty: Int32Array;
  private readonly pool: number[] = [];
  private readonly buf: Float64Array;
  /** Sequence with v inserted (1-based), its suffix segments and the DFS prefix stack. */
  private readonly seqS: Int32Array;
  private readonly sufS: Float64Array;
  private readonly preS: Float64Array;
  private readonly ejStack: Int32Array;
  private readonly bestSet: Int32Array;
  private bestCount = 0;
  private bestPsum = 0;
  private bestRoute = -1;
  private bestPos = -1;
  private steps = 0;
  private found = false;
  /** EP iterations done in the last `deleteRoute` call. */
  iterations = 0;

  constructor(
    private readonly inst: Instance,
    private readonly st: RouteState,
    private readonly ls: LocalSearch,
    private readonly neighbours: Int32Array[],
    private readonly squeezePen: Penalties,
    private readonly params: EjectionPoolParams = DEFAULT_EJECTION,
  ) {
    this.S = st.S;
    const n = inst.n;
    this.inEp = new Uint8Array(n);
    this.penalty = new Int32Array(n);
    this.buf = new Float64Array(4 * this.S);
    this.seqS = new Int32Array(n + 3);
    this.sufS = new Float64Array((n + 4) * this.S);
    this.preS = new Float64Array((n + 4) * this.S);
    this.ejStack = new Int32Array(params.kMax + 1);
    this.bestSet = new Int32Array(params.kMax + 1);
  }

  /**
   * Tries to serve every client of `routes` (feasible, at most `inst.nSlots` non-empty routes plus the
   * one to remove) with one route fewer. Returns the feasible plan (one entry per slot) or null when
   * `stop(iterations)` says so first. `pause` is awaited between steps (the caller yields to the event
   * loop there, so an abort signal is seen).
   */
  async deleteRoute(
    routes: number[][],
    rng: Prng,
    stop: (iterations: number) => boolean,
    pause: () => Promise<void> | undefined,
  ): Promise<number[][] | null> {
    const { st, inst } = this;
    const used = routes.filter((r) => r.length > 0);
    if (used.length === 0 || used.length > inst.nSlots + 1) return null;
    const removed = used.length > inst.nSlots ? rng.int(used.length) : -1;
    const kept = used.filter((_, k) => k !== removed);
    st.pen = this.squeezePen;
    st.load(Array.from({ length: inst.nSlots }, (_, r) => kept[r] ?? []));
    this.inEp.fill(0);
    this.penalty.fill(1);
    this.pool.length = 0;
    if (removed >= 0) {
      for (const c of used[removed]) this.push(c);
      rng.shuffle(this.pool);
    }
    this.iterations = 0;
    while (this.pool.length > 0) {
      const wait = pause();
      if (wait !== undefined) await wait;
      if (stop(this.iterations)) return null;
      this.iterations++;
      const v = this.pool.pop()!;
      this.inEp[v] = 0;
      if (this.insertFeasible(v, rng)) continue;
      if (this.squeeze(v, rng)) continue;
      this.penalty[v]++;
      if (!this.ejectInsert(v, rng)) {
        // no ejection of at most kMax clients makes room: retry v later, after a perturbation
        this.pool.unshift(v);
        this.inEp[v] = 1;
      }
      this.perturb(rng);
    }
    return st.export();
  }

  private push(c: number): void {
    this.pool.push(c);
    this.inEp[c] = 1;
  }

  /** Is the complete route segment at `o` of `a` feasible for the (single) vehicle type? */
  private feasible(a: Float64Array, o: number): boolean {
    const inst = this.inst;
    if (a[o + TW] > EPS || a[o + DUR] > inst.maxDuration[0] + EPS) return false;
    for (let d = 0, p = LOAD0 + 2; d < inst.dims; d++, p += 3) {
      if (a[o + p] > inst.capacity[d] + EPS) return false;
    }
    return true;
  }

  /** Violation of a complete route segment, load and time warp weighted as in the squeeze penalties. */
  private violation(a: Float64Array, o: number): number {
    const inst = this.inst;
    const pen = this.squeezePen;
    let v = pen.timeWarp * (a[o + TW] + Math.max(a[o + DUR] - inst.maxDuration[0], 0));
    for (let d = 0, p = LOAD0 + 2; d < inst.dims; d++, p += 3) {
      v += pen.load[d] * Math.max(a[o + p] - inst.capacity[d], 0);
    }
    return v;
  }

  /** pre(r, p) ⊕ v ⊕ suf(r, p + 1) into buf[S..2S). */
  private priceInsertion(v: number, r: number, p: number): void {
    const { inst, st, S, buf } = this;
    merge(inst, S, st.pre, st.preOff(r, p), st.cs, v * S, buf, 0);
    merge(inst, S, buf, 0, st.suf, st.preOff(r, p + 1), buf, S);
  }

  private insertAt(v: number, r: number, p: number): void {
    const st = this.st;
    const L = st.len[r];
    let k = 0;
    for (let q = 1; q <= L; q++) {
      if (q === p + 1) st.tmpSeq[k++] = v;
      st.tmpSeq[k++] = st.node(r, q);
    }
    if (p === L) st.tmpSeq[k++] = v;
    st.commitSeq(r, k);
  }

  /** Inserts v at a position drawn uniformly among the feasible ones. */
  private insertFeasible(v: number, rng: Prng): boolean {
    const { inst, st } = this;
    let count = 0;
    let br = -1;
    let bp = -1;
    for (let r = 0; r < inst.nSlots; r++) {
      for (let p = 0; p <= st.len[r]; p++) {
        this.priceInsertion(v, r, p);
        if (!this.feasible(this.buf, this.S)) continue;
        count++;
        if (rng.int(count) === 0) {
          br = r;
          bp = p;
        }
      }
    }
    if (br < 0) return false;
    this.insertAt(v, br, bp);
    return true;
  }

  /**
   * Squeeze: v at its least-violating position, then the local search with heavy violation penalties;
   * kept only if every route ends feasible.
   */
  private squeeze(v: number, rng: Prng): boolean {
    const { inst, st, S } = this;
    let best = Number.POSITIVE_INFINITY;
    let br = 0;
    let bp = 0;
    for (let r = 0; r < inst.nSlots; r++) {
      const before = this.violation(st.pre, st.preOff(r, st.len[r] + 1));
      for (let p = 0; p <= st.len[r]; p++) {
        this.priceInsertion(v, r, p);
        const f = this.violation(this.buf, S) - before;
        if (f < best) {
          best = f;
          br = r;
          bp = p;
        }
      }
    }
    const saved = st.export();
    this.insertAt(v, br, bp);
    const out = this.ls.run(st.export(), this.squeezePen, rng);
    st.pen = this.squeezePen;
    // clients waiting in the pool stay out of the local search's routes, so `out` holds the same clients
    st.load(out);
    for (let r = 0; r < inst.nSlots; r++) {
      if (!this.feasible(st.pre, st.preOff(r, st.len[r] + 1))) {
        st.load(saved);
        return false;
      }
    }
    return true;
  }

  /**
   * Inserts v with the ejection of at most kMax other clients of the receiving route that makes it
   * feasible with the least sum of penalty counters; the ejected clients go to the pool.
   */
  private ejectInsert(v: number, rng: Prng): boolean {
    const { inst, st } = this;
    this.found = false;
    this.bestPsum = Number.POSITIVE_INFINITY;
    this.steps = 0;
    const R = inst.nSlots;
    const first = rng.int(R);
    for (let k = 0; k < R; k++) {
      const r = (first + k) % R;
      for (let p = 0; p <= st.len[r]; p++) {
        this.searchEjections(v, r, p);
        if (this.steps > this.params.ejectionBudget && this.found) break;
      }
    }
    if (!this.found) return false;
    const r = this.bestRoute;
    const p = this.bestPos;
    const L = st.len[r];
    // the sequence with v after position p, less the ejected positions (1-based in that sequence)
    const out = new Set<number>();
    for (let k = 0; k < this.bestCount; k++) out.add(this.bestSet[k]);
    let w = 0;
    let pos = 0;
    for (let q = 0; q <= L; q++) {
      if (q >= 1) {
        pos++;
        const c = st.node(r, q);
        if (out.has(pos)) this.push(c);
        else st.tmpSeq[w++] = c;
      }
      if (q === p) {
        pos++;
        st.tmpSeq[w++] = v;
      }
    }
    st.commitSeq(r, w);
    return true;
  }

  private searchEjections(v: number, r: number, p: number): void {
    const { inst, st, S, seqS, sufS } = this;
    const L = st.len[r];
    const n = L + 1;
    let k = 1;
    for (let q = 1; q <= L; q++) {
      if (q === p + 1) seqS[k++] = v;
      seqS[k++] = st.node(r, q);
    }
    if (p === L) seqS[k++] = v;
    // suffix segments of the new sequence: positions after v are the route's own suffixes
    for (let i = 0; i < S; i++) sufS[(n + 1) * S + i] = st.suf[st.preOff(r, L + 1) + i];
    for (let q = n; q >= 1; q--) {
      if (q >= p + 2) {
        const o = st.preOff(r, q - 1);
        for (let i = 0; i < S; i++) sufS[q * S + i] = st.suf[o + i];
      } else {
        merge(inst, S, st.cs, seqS[q] * S, sufS, (q + 1) * S, sufS, q * S);
      }
    }
    for (let i = 0; i < S; i++) this.preS[i] = st.pre[st.preOff(r, 0) + i];
    this.dfs(r, p, n, 1, 0, 0, 0);
  }

  /** Positions k.. of seqS[1..n] to decide; the kept prefix is at preS[pOff]. */
  private dfs(r: number, p: number, n: number, k: number, pOff: number, count: number, psum: number): void {
    const { inst, S, buf, preS } = this;
    this.steps++;
    // stop ejecting here: prefix ⊕ the rest unchanged
    merge(inst, S, preS, pOff, this.sufS, k * S, buf, 2 * S);
    if (this.feasible(buf, 2 * S)) {
      if (psum < this.bestPsum) {
        this.bestPsum = psum;
        this.bestCount = count;
        this.bestSet.set(this.ejStack.subarray(0, count));
        this.bestRoute = r;
        this.bestPos = p;
        this.found = true;
      }
      return;
    }
    if (k > n || this.steps > this.params.ejectionBudget) return;
    const c = this.seqS[k];
    const pc = this.penalty[c];
    const isV = k === p + 1;
    if (!isV && count < this.params.kMax && psum + pc < this.bestPsum) {
      this.ejStack[count] = k;
      this.dfs(r, p, n, k + 1, pOff, count + 1, psum + pc);
    }
    // keep c: a time warp in the prefix cannot be undone by later ejections
    const next = (k + 1) * S;
    merge(inst, S, preS, pOff, this.st.cs, c * S, preS, next);
    if (preS[next + TW] > EPS || preS[next + DUR] > inst.maxDuration[0] + EPS) return;
    if (psum >= this.bestPsum) return;
    this.dfs(r, p, n, k + 1, next, count, psum);
  }

  /** Random feasible moves between a client and one of its neighbours: relocate, swap, 2-opt*. */
  private perturb(rng: Prng): void {
    const { inst, st, S, buf } = this;
    const n = inst.n;
    for (let t = 0; t < this.params.perturbMoves; t++) {
      const u = rng.int(n);
      if (this.inEp[u]) continue;
      const nb = this.neighbours[u];
      const v = nb[rng.int(nb.length)];
      if (this.inEp[v]) continue;
      const ru = st.routeOf[u];
      const rv = st.routeOf[v];
      if (ru === rv) continue;
      const i = st.posOf[u];
      const j = st.posOf[v];
      const kind = rng.int(3);
      if (kind === 0) {
        // u after v
        merge(inst, S, st.pre, st.preOff(ru, i - 1), st.suf, st.preOff(ru, i + 1), buf, 0);
        if (!this.feasible(buf, 0)) continue;
        merge(inst, S, st.pre, st.preOff(rv, j), st.cs, u * S, buf, S);
        merge(inst, S, buf, S, st.suf, st.preOff(rv, j + 1), buf, 2 * S);
        if (!this.feasible(buf, 2 * S)) continue;
        this.rebuild(ru, rv, kind, i, j);
      } else if (kind === 1) {
        merge(inst, S, st.pre, st.preOff(ru, i - 1), st.cs, v * S, buf, 0);
        merge(inst, S, buf, 0, st.suf, st.preOff(ru, i + 1), buf, S);
        if (!this.feasible(buf, S)) continue;
        merge(inst, S, st.pre, st.preOff(rv, j - 1), st.cs, u * S, buf, 0);
        merge(inst, S, buf, 0, st.suf, st.preOff(rv, j + 1), buf, 2 * S);
        if (!this.feasible(buf, 2 * S)) continue;
        this.rebuild(ru, rv, kind, i, j);
      } else {
        merge(inst, S, st.pre, st.preOff(ru, i), st.suf, st.preOff(rv, j + 1), buf, 0);
        if (!this.feasible(buf, 0)) continue;
        merge(inst, S, st.pre, st.preOff(rv, j), st.suf, st.preOff(ru, i + 1), buf, S);
        if (!this.feasible(buf, S)) continue;
        this.rebuild(ru, rv, kind, i, j);
      }
    }
  }

  /** Applies a perturbation move (0 relocate u after v, 1 swap, 2 2-opt*) to routes ru and rv. */
  private rebuild(ru: number, rv: number, kind: number, i: number, j: number): void {
    const st = this.st;
    const Lu = st.len[ru];
    const Lv = st.len[rv];
    const u = st.node(ru, i);
    const v = st.node(rv, j);
    const a: number[] = [];
    const b: number[] = [];
    if (kind === 0) {
      for (let q = 1; q <= Lu; q++) if (q !== i) a.push(st.node(ru, q));
      for (let q = 1; q <= Lv; q++) {
        b.push(st.node(rv, q));
        if (q === j) b.push(u);
      }
    } else if (kind === 1) {
      for (let q = 1; q <= Lu; q++) a.push(q === i ? v : st.node(ru, q));
      for (let q = 1; q <= Lv; q++) b.push(q === j ? u : st.node(rv, q));
    } else {
      for (let q = 1; q <= i; q++) a.push(st.node(ru, q));
      for (let q = j + 1; q <= Lv; q++) a.push(st.node(rv, q));
      for (let q = 1; q <= j; q++) b.push(st.node(rv, q));
      for (let q = i + 1; q <= Lu; q++) b.push(st.node(ru, q));
    }
    st.tmpSeq.set(a);
    st.commitSeq(ru, a.length);
    st.tmpSeq.set(b);
    st.commitSeq(rv, b.length);
  }
}
