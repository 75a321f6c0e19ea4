/**
 * Split (Prins 2004; Vidal 2016): cuts a giant tour into routes optimally for its order, by a shortest
 * path over route boundaries, pricing each candidate route with the penalised segment cost of the
 * first vehicle type. Routes longer than 1.5 × capacity in a dimension are not considered.
 */
import type { Instance } from './instance';
import { LOAD0, merge, type Penalties, routeCost, strideOf } from './segment';

export class Splitter {
  private readonly S: number;
  private readonly potential: Float64Array;
  private readonly from: Int32Array;
  private readonly buf: Float64Array;

  constructor(
    private readonly inst: Instance,
    private readonly cs: Float64Array,
    private readonly ds: Float64Array,
  ) {
    this.S = strideOf(inst.dims);
    this.potential = new Float64Array(inst.n + 1);
    this.from = new Int32Array(inst.n + 1);
    this.buf = new Float64Array(3 * this.S);
  }

  split(tour: Int32Array, pen: Penalties): number[][] {
    const { inst, S, potential, from, buf, cs, ds } = this;
    const n = tour.length;
    const t = inst.slotType[0];
    const dims = inst.dims;
    potential.fill(Number.POSITIVE_INFINITY);
    potential[0] = 0;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(potential[i])) continue;
      for (let k = 0; k < S; k++) buf[k] = ds[2 * t * S + k];
      let cur = 0;
      for (let j = i; j < n; j++) {
        merge(inst, S, buf, cur * S, cs, tour[j] * S, buf, (1 - cur) * S);
        cur = 1 - cur;
        merge(inst, S, buf, cur * S, ds, (2 * t + 1) * S, buf, 2 * S);
        const cost = potential[i] + inst.fixedCost[t] + routeCost(inst, S, pen, t, buf, 2 * S);
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
    const routes: number[][] = [];
    for (let j = n; j > 0; j = from[j]) routes.push(Array.from(tour.subarray(from[j], j)));
    routes.reverse();
    while (routes.length > inst.nSlots) {
      const last = routes.pop()!;
      routes[routes.length - 1].push(...last);
    }
    while (routes.length < inst.nSlots) routes.push([]);
    return routes;
  }
}
