/**
 * Route segments (Vidal et al. 2013 time-window concatenation, as in PyVRP's duration segments) stored
 * flat in Float64Arrays: `stride` numbers per segment, no objects. A segment summarises a visit
 * sequence so two sequences join in O(dims): distance, minimal duration, time warp, earliest and latest
 * start, first and last node, and per load dimension delivery, pickup and peak load.
 */
import type { Instance } from './instance';

export const DIST = 0;
export const DUR = 1;
export const TW = 2;
export const EARLY = 3;
export const LATE = 4;
export const FIRST = 5;
export const LAST = 6;
export const LOAD0 = 7;

export const strideOf = (dims: number) => LOAD0 + 3 * dims;

/** out = a ⊕ b (out may alias neither a nor b unless offsets differ). */
export const merge = (
  inst: Instance,
  stride: number,
  a: Float64Array,
  ao: number,
  b: Float64Array,
  bo: number,
  out: Float64Array,
  oo: number,
): void => {
  const from = a[ao + LAST];
  const to = b[bo + FIRST];
  const k = from * inst.m + to;
  const travel = inst.dur[k];
  const aDur = a[ao + DUR];
  const aTw = a[ao + TW];
  const aEarly = a[ao + EARLY];
  const aLate = a[ao + LATE];
  const bEarly = b[bo + EARLY];
  const bLate = b[bo + LATE];
  const delta = aDur - aTw + travel;
  const wait = Math.max(bEarly - delta - aLate, 0);
  const warp = Math.max(aEarly + delta - bLate, 0);
  out[oo + DIST] = a[ao + DIST] + b[bo + DIST] + inst.dist[k];
  out[oo + DUR] = aDur + b[bo + DUR] + travel + wait;
  out[oo + TW] = aTw + b[bo + TW] + warp;
  out[oo + EARLY] = Math.max(bEarly - delta, aEarly) - wait;
  out[oo + LATE] = Math.min(bLate - delta, aLate) + warp;
  out[oo + FIRST] = a[ao + FIRST];
  out[oo + LAST] = b[bo + LAST];
  for (let p = LOAD0; p < stride; p += 3) {
    const ad = a[ao + p];
    const ap = a[ao + p + 1];
    const bd = b[bo + p];
    const bp = b[bo + p + 1];
    const peak = Math.max(a[ao + p + 2] + bd, b[bo + p + 2] + ap);
    out[oo + p] = ad + bd;
    out[oo + p + 1] = ap + bp;
    out[oo + p + 2] = peak;
  }
};

export const copySeg = (stride: number, src: Float64Array, so: number, dst: Float64Array, doff: number) => {
  for (let i = 0; i < stride; i++) dst[doff + i] = src[so + i];
};

/** One segment per client (index c * stride). */
export const clientSegments = (inst: Instance): Float64Array => {
  const stride = strideOf(inst.dims);
  const segs = new Float64Array(inst.n * stride);
  for (let c = 0; c < inst.n; c++) {
    const o = c * stride;
    segs[o + DUR] = inst.service[c];
    segs[o + EARLY] = inst.twEarly[c];
    segs[o + LATE] = inst.twLate[c];
    segs[o + FIRST] = c;
    segs[o + LAST] = c;
    for (let d = 0; d < inst.dims; d++) {
      const dv = inst.delivery[c * inst.dims + d];
      const pv = inst.pickup[c * inst.dims + d];
      segs[o + LOAD0 + 3 * d] = dv;
      segs[o + LOAD0 + 3 * d + 1] = pv;
      segs[o + LOAD0 + 3 * d + 2] = Math.max(dv, pv);
    }
  }
  return segs;
};

/** Start and end depot segment per vehicle type: `[start_t, end_t]` at (2t, 2t+1) * stride. */
export const depotSegments = (inst: Instance): Float64Array => {
  const stride = strideOf(inst.dims);
  const segs = new Float64Array(2 * inst.nTypes * stride);
  for (let t = 0; t < inst.nTypes; t++) {
    for (let e = 0; e < 2; e++) {
      const o = (2 * t + e) * stride;
      const node = e === 0 ? inst.startNode[t] : inst.endNode[t];
      segs[o + EARLY] = inst.shiftStart[t];
      segs[o + LATE] = inst.shiftEnd[t];
      segs[o + FIRST] = node;
      segs[o + LAST] = node;
    }
  }
  return segs;
};

export interface Penalties {
  /** Per unit of excess load, per dimension. */
  load: Float64Array;
  /** Per second of time warp (and of excess route duration). */
  timeWarp: number;
  /** Per client on a vehicle without its skills. */
  skill: number;
}

/** Penalised cost of a complete route segment (depot to depot) driven by a vehicle of type t. */
export const routeCost = (
  inst: Instance,
  stride: number,
  pen: Penalties,
  t: number,
  s: Float64Array,
  o: number,
): number => {
  const duration = s[o + DUR];
  let cost = inst.costDist[t] * s[o + DIST] + inst.costDur[t] * duration;
  const warp = s[o + TW] + Math.max(duration - inst.maxDuration[t], 0);
  if (warp > 0) cost += pen.timeWarp * warp;
  for (let d = 0, p = LOAD0 + 2; p < stride; d++, p += 3) {
    const excess = s[o + p] - inst.capacity[t * inst.dims + d];
    if (excess > 0) cost += pen.load[d] * excess;
  }
  return cost;
};

/** Violations of a complete route segment: [time warp incl. excess duration, Σ excess load]. */
export const routeViolation = (inst: Instance, stride: number, t: number, s: Float64Array, o: number) => {
  const warp = s[o + TW] + Math.max(s[o + DUR] - inst.maxDuration[t], 0);
  let excess = 0;
  for (let d = 0, p = LOAD0 + 2; p < stride; d++, p += 3) {
    excess += Math.max(s[o + p] - inst.capacity[t * inst.dims + d], 0);
  }
  return { warp, excess };
};
