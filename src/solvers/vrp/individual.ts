/**
 * A solution as the genetic algorithm holds it: one client sequence per vehicle slot, its giant tour,
 * successor/predecessor arrays for the broken-pairs distance, and its cost split into distance cost
 * and violations so it can be re-priced when the penalties change.
 */
import type { Instance } from './instance';
import { clientSegments, depotSegments, LOAD0, merge, routeViolation, strideOf } from './segment';

export interface Individual {
  /** Client sequence per vehicle slot (empty for unused slots). */
  routes: number[][];
  giantTour: Int32Array;
  /** Successor / predecessor client, -1 for a depot. */
  succ: Int32Array;
  pred: Int32Array;
  /** Fixed + distance + duration cost, without penalties. */
  cost: number;
  distance: number;
  nRoutes: number;
  warp: number;
  /** Excess load per dimension. */
  excess: Float64Array;
  skillViolations: number;
  feasible: boolean;
  /** Sorted distances to the other members of its subpopulation. */
  proximity: { d: number; other: Individual }[];
  biasedFitness: number;
}

const EPS = 1e-7;

/** Evaluates routes from scratch (used once per offspring, not in inner loops). */
export class Evaluator {
  readonly stride: number;
  private readonly clientSegs: Float64Array;
  private readonly depotSegs: Float64Array;
  private readonly buf: Float64Array;

  constructor(private readonly inst: Instance) {
    this.stride = strideOf(inst.dims);
    this.clientSegs = clientSegments(inst);
    this.depotSegs = depotSegments(inst);
    this.buf = new Float64Array(2 * this.stride);
  }

  build(routes: number[][]): Individual {
    const { inst, stride, buf } = this;
    const n = inst.n;
    const succ = new Int32Array(n).fill(-1);
    const pred = new Int32Array(n).fill(-1);
    const giantTour = new Int32Array(n);
    const excess = new Float64Array(inst.dims);
    let cost = 0;
    let distance = 0;
    let warp = 0;
    let skillViolations = 0;
    let nRoutes = 0;
    let g = 0;
    for (let r = 0; r < routes.length; r++) {
      const route = routes[r];
      const t = inst.slotType[r];
      if (route.length === 0) {
        cost += inst.emptyCost[t];
        continue;
      }
      nRoutes++;
      // fold the route into buf[0..stride)
      let cur = 0;
      for (let i = 0; i < stride; i++) buf[i] = this.depotSegs[2 * t * stride + i];
      for (let k = 0; k < route.length; k++) {
        const c = route[k];
        giantTour[g++] = c;
        succ[c] = k + 1 < route.length ? route[k + 1] : -1;
        pred[c] = k > 0 ? route[k - 1] : -1;
        if ((inst.skillMask[c] & ~inst.typeSkills[t]) !== 0) skillViolations++;
        merge(inst, stride, buf, cur * stride, this.clientSegs, c * stride, buf, (1 - cur) * stride);
        cur = 1 - cur;
      }
      merge(inst, stride, buf, cur * stride, this.depotSegs, (2 * t + 1) * stride, buf, (1 - cur) * stride);
      cur = 1 - cur;
      const o = cur * stride;
      const v = routeViolation(inst, stride, t, buf, o);
      let routeWarp = v.warp;
      if (inst.hasMultiWindows) routeWarp = Math.max(routeWarp, this.exactWarp(t, route));
      warp += routeWarp;
      for (let d = 0; d < inst.dims; d++) {
        excess[d] += Math.max(buf[o + LOAD0 + 3 * d + 2] - inst.capacity[t * inst.dims + d], 0);
      }
      distance += buf[o];
      cost += inst.fixedCost[t] + inst.costDist[t] * buf[o] + inst.costDur[t] * buf[o + 1];
    }
    let feasible = warp <= EPS && skillViolations === 0;
    for (let d = 0; d < inst.dims; d++) if (excess[d] > EPS) feasible = false;
    return {
      routes,
      giantTour,
      succ,
      pred,
      cost,
      distance,
      nRoutes,
      warp,
      excess,
      skillViolations,
      feasible,
      proximity: [],
      biasedFitness: 0,
    };
  }

  /**
   * Time warp of a route with multi-window stops, by a forward scan from the shift start (waiting for
   * the next window when one has closed). The segment algebra only knows each stop's window hull.
   */
  private exactWarp(t: number, route: number[]): number {
    const inst = this.inst;
    let node = inst.startNode[t];
    let time = inst.shiftStart[t];
    let warp = 0;
    for (const c of route) {
      time += inst.dur[node * inst.m + c];
      const w = inst.windows[c];
      if (w === null) {
        time = Math.max(time, inst.twEarly[c]);
        if (time > inst.twLate[c]) {
          warp += time - inst.twLate[c];
          time = inst.twLate[c];
        }
      } else {
        let placed = false;
        for (let k = 0; k < w.length; k += 2) {
          if (time <= w[k + 1]) {
            time = Math.max(time, w[k]);
            placed = true;
            break;
          }
        }
        if (!placed) {
          warp += time - w[w.length - 1];
          time = w[w.length - 1];
        }
      }
      time += inst.service[c];
      node = c;
    }
    time += inst.dur[node * inst.m + inst.endNode[t]];
    if (time > inst.shiftEnd[t]) warp += time - inst.shiftEnd[t];
    return warp;
  }
}

export const penalisedCost = (
  ind: Individual,
  loadPenalty: Float64Array,
  warpPenalty: number,
  skillPenalty: number,
): number => {
  let c = ind.cost + warpPenalty * ind.warp + skillPenalty * ind.skillViolations;
  for (let d = 0; d < ind.excess.length; d++) c += loadPenalty[d] * ind.excess[d];
  return c;
};

/** Broken-pairs distance (share of clients whose neighbours differ), as in HGS-CVRP. */
export const brokenPairs = (a: Individual, b: Individual): number => {
  const n = a.succ.length;
  let diff = 0;
  for (let j = 0; j < n; j++) {
    const s = a.succ[j];
    if (s !== b.succ[j] && s !== b.pred[j]) diff++;
    else if (a.pred[j] === -1 && b.pred[j] !== -1 && b.succ[j] !== -1) diff++;
  }
  return n === 0 ? 0 : diff / n;
};
