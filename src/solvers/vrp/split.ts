/**
 * Split (Prins 2004; Vidal 2016): cuts a giant tour into routes optimally for its order, by a shortest
 * path over route boundaries, pricing each candidate route with the penalised segment cost of the
 * first vehicle type. Routes longer than 1.5 × capacity in a dimension are not considered. When the
 * best cut needs more routes than there are vehicle slots, the limited-fleet Split (the same shortest
 * path layered by the number of routes, Vidal 2016) reuses the route costs of the first pass.
 */
import type { Instance } from './instance';
import { LOAD0, merge, type Penalties, routeCost, strideOf } from './segment';

export class Splitter {
  private readonly S: number;
  private readonly potential: Float64Array;
  private readonly from: Int32Array;
  private readonly buf: Float64Array;
  /** Route cost of tour[i..j] at i * n + (j − i), for j ≤ spanEnd[i] (only with a limited fleet). */
  private readonly arc: Float64Array | null;
  private readonly spanEnd: Int32Array;
  private layers: Float64Array | null = null;
  private layerFrom: Int32Array | null = null;

  constructor(
    private readonly inst: Instance,
    private readonly cs: Float64Array,
    private readonly ds: Float64Array,
  ) {
    this.S = strideOf(inst.dims);
    this.potential = new Float64Array(inst.n + 1);
    this.from = new Int32Array(inst.n + 1);
    this.buf = new Float64Array(3 * this.S);
    this.arc = inst.nSlots < inst.n ? new Float64Array(inst.n * inst.n) : null;
    this.spanEnd = new Int32Array(inst.n);
  }

  split(tour: Int32Array, pen: Penalties): number[][] {
    const { inst, S, potential, from, buf, cs, ds, arc, spanEnd } = this;
    const n = tour.length;
    const t = inst.slotType[0];
    const dims = inst.dims;
    potential.fill(Number.POSITIVE_INFINITY);
    potential[0] = 0;
    spanEnd.fill(-1);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(potential[i])) continue;
      for (let k = 0; k < S; k++) buf[k] = ds[2 * t * S + k];
      let cur = 0;
      for (let j = i; j < n; j++) {
        merge(inst, S, buf, cur * S, cs, tour[j] * S, buf, (1 - cur) * S);
        cur = 1 - cur;
        merge(inst, S, buf, cur * S, ds, (2 * t + 1) * S, buf, 2 * S);
        const route = inst.fixedCost[t] + routeCost(inst, S, pen, t, buf, 2 * S);
        if (arc !== null) {
          arc[i * n + j - i] = route;
          spanEnd[i] = j;
        }
        const cost = potential[i] + route;
        if (cost < potential[j + 1]) {
          potential[j + 1] = cost;
          from[j + 1] = i;
        }
        let over = false;
        for (let d = 0; d < dims; d++) {
          if (buf[cur * S + LOAD0 + 3 * d + 2] > 1.5 * inst.capacity[t * dims + d]) over = true;
        }
        if (over) break;
      }
    }
    let routes: number[][] = [];
    for (let j = n; j > 0; j = from[j]) routes.push(Array.from(tour.subarray(from[j], j)));
    routes.reverse();
    if (routes.length > inst.nSlots) routes = this.splitLimited(tour) ?? routes;
    while (routes.length > inst.nSlots) {
      const last = routes.pop()!;
      routes[routes.length - 1].push(...last);
    }
    while (routes.length < inst.nSlots) routes.push([]);
    return routes;
  }

  /**
   * At most `nSlots` routes: potential per (routes used, clients cut), from the first pass's route
   * costs. Null when no cut into that many routes respects the length bound.
   */
  private splitLimited(tour: Int32Array): number[][] | null {
    const { inst, arc, spanEnd } = this;
    const n = tour.length;
    const K = inst.nSlots;
    if (arc === null) return null;
    if (this.layers === null || this.layers.length < (K + 1) * (n + 1)) {
      this.layers = new Float64Array((K + 1) * (n + 1));
      this.layerFrom = new Int32Array((K + 1) * (n + 1));
    }
    const pot = this.layers;
    const from = this.layerFrom!;
    pot.fill(Number.POSITIVE_INFINITY);
    pot[0] = 0;
    for (let k = 0; k < K; k++) {
      const row = k * (n + 1);
      const next = row + n + 1;
      for (let i = k; i < n; i++) {
        const base = pot[row + i];
        if (base === Number.POSITIVE_INFINITY) continue;
        const end = spanEnd[i];
        for (let j = i; j <= end; j++) {
          const cost = base + arc[i * n + j - i];
          if (cost < pot[next + j + 1]) {
            pot[next + j + 1] = cost;
            from[next + j + 1] = i;
          }
        }
      }
    }
    let bestK = -1;
    for (let k = 1; k <= K; k++) {
      const c = pot[k * (n + 1) + n];
      if (c < Number.POSITIVE_INFINITY && (bestK < 0 || c < pot[bestK * (n + 1) + n])) bestK = k;
    }
    if (bestK < 0) return null;
    const routes: number[][] = [];
    for (let k = bestK, j = n; k > 0; k--) {
      const i = from[k * (n + 1) + j];
      routes.push(Array.from(tour.subarray(i, j)));
      j = i;
    }
    return routes.reverse();
  }
}
