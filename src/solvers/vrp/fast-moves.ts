/**
 * Plain-CVRP fast path of the local search: relocate 1 / 2 (reversed), swap 1-1 / 2-1 / 2-2 between
 * routes, priced exactly from distance deltas and route loads (no segment merges). Returns the kind of
 * the first improving move (as `LocalSearch.applyInter` numbers them) or 0.
 */
import type { Instance } from './instance';
import type { RouteState } from './route-state';

const EPS = 1e-7;

export const bestFastMove = (
  inst: Instance,
  st: RouteState,
  u: number,
  ru: number,
  i: number,
  rv: number,
  j: number,
  base: number,
): number => {
  const { dist, m } = inst;
  const seq = st.seq;
  const tu = inst.slotType[ru];
  const tv = inst.slotType[rv];
  const Lu = st.len[ru];
  const Lv = st.len[rv];
  const ou = ru * st.cap;
  const ov = rv * st.cap;
  const cdu = inst.costDist[tu];
  const cdv = inst.costDist[tv];
  const fu = inst.fixedCost[tu];
  const fv = inst.fixedCost[tv];
  const du = st.distanceOf(ru);
  const dv = st.distanceOf(rv);
  const sk = st.hasSkills;
  const mu = st.mis[ru];
  const mv = st.mis[rv];
  const bound = base - EPS;
  const pu0 = seq[ou + i - 1];
  const nu1 = seq[ou + i + 1];
  const x = i < Lu ? nu1 : -1;
  const nu2 = i < Lu ? seq[ou + i + 2] : -1;
  const vj = seq[ov + j];
  const nv1 = seq[ov + j + 1];
  const v = j >= 1 ? vj : -1;
  const misU = sk ? st.mismatch(u, tu) : 0;
  const misUv = sk ? st.mismatch(u, tv) : 0;
  // relocate u after position j
  const cutU = du - dist[pu0 * m + u] - dist[u * m + nu1] + dist[pu0 * m + nu1];
  let cU = Lu === 1 ? inst.emptyCost[tu] : fu + cdu * cutU;
  let cV = fv + cdv * (dv - dist[vj * m + nv1] + dist[vj * m + u] + dist[u * m + nv1]);
  if (cU + cV < bound) {
    if (Lu > 1) cU += st.lp(tu, ru, -1, -1, u, -1) + (sk ? st.pen.skill * (mu - misU) : 0);
    cV += st.lp(tv, rv, u, -1, -1, -1) + (sk ? st.pen.skill * (mv + misUv) : 0);
    if (cU + cV < bound) return 1;
  }
  const misX = x >= 0 && sk ? st.mismatch(x, tu) : 0;
  const misXv = x >= 0 && sk ? st.mismatch(x, tv) : 0;
  if (x >= 0) {
    // relocate (u, x), also reversed, after position j
    const cut2 = du - dist[pu0 * m + u] - dist[u * m + x] - dist[x * m + nu2] + dist[pu0 * m + nu2];
    cU = Lu === 2 ? inst.emptyCost[tu] : fu + cdu * cut2;
    const open = dv - dist[vj * m + nv1] + dist[u * m + x];
    const dUx = dist[vj * m + u] + dist[x * m + nv1];
    const dXu = dist[vj * m + x] + dist[u * m + nv1];
    cV = fv + cdv * (open + Math.min(dUx, dXu));
    if (cU + cV < bound) {
      if (Lu > 2) cU += st.lp(tu, ru, -1, -1, u, x) + (sk ? st.pen.skill * (mu - misU - misX) : 0);
      const extra = st.lp(tv, rv, u, x, -1, -1) + (sk ? st.pen.skill * (mv + misUv + misXv) : 0);
      const cUx = cU + fv + cdv * (open + dUx) + extra;
      const cXu = cU + fv + cdv * (dv - dist[vj * m + nv1] + dist[x * m + u] + dXu) + extra;
      if (cUx < bound && cUx <= cXu) return 2;
      if (cXu < bound) return 3;
    }
  }
  if (v >= 0) {
    const pv0 = seq[ov + j - 1];
    const misV = sk ? st.mismatch(v, tv) : 0;
    const misVu = sk ? st.mismatch(v, tu) : 0;
    const cutV = dv - dist[pv0 * m + v] - dist[v * m + nv1];
    // swap u and v
    cU = fu + cdu * (du - dist[pu0 * m + u] - dist[u * m + nu1] + dist[pu0 * m + v] + dist[v * m + nu1]);
    cV = fv + cdv * (cutV + dist[pv0 * m + u] + dist[u * m + nv1]);
    if (cU + cV < bound) {
      cU += st.lp(tu, ru, v, -1, u, -1) + (sk ? st.pen.skill * (mu - misU + misVu) : 0);
      cV += st.lp(tv, rv, u, -1, v, -1) + (sk ? st.pen.skill * (mv - misV + misUv) : 0);
      if (cU + cV < bound) return 4;
    }
    if (x >= 0) {
      const cut2 = du - dist[pu0 * m + u] - dist[u * m + x] - dist[x * m + nu2];
      // swap (u, x) with v
      cU = fu + cdu * (cut2 + dist[pu0 * m + v] + dist[v * m + nu2]);
      cV = fv + cdv * (cutV + dist[pv0 * m + u] + dist[u * m + x] + dist[x * m + nv1]);
      if (cU + cV < bound) {
        cU += st.lp(tu, ru, v, -1, u, x) + (sk ? st.pen.skill * (mu - misU - misX + misVu) : 0);
        cV += st.lp(tv, rv, u, x, v, -1) + (sk ? st.pen.skill * (mv - misV + misUv + misXv) : 0);
        if (cU + cV < bound) return 5;
      }
      if (j < Lv) {
        // swap (u, x) with (v, y)
        const y = nv1;
        const nv2 = seq[ov + j + 2];
        cU = fu + cdu * (cut2 + dist[pu0 * m + v] + dist[v * m + y] + dist[y * m + nu2]);
        cV =
          fv +
          cdv *
            (dv -
              dist[pv0 * m + v] -
              dist[v * m + y] -
              dist[y * m + nv2] +
              dist[pv0 * m + u] +
              dist[u * m + x] +
              dist[x * m + nv2]);
        if (cU + cV < bound) {
          const misY = sk ? st.mismatch(y, tv) : 0;
          const misYu = sk ? st.mismatch(y, tu) : 0;
          cU += st.lp(tu, ru, v, y, u, x) + (sk ? st.pen.skill * (mu - misU - misX + misVu + misYu) : 0);
          cV += st.lp(tv, rv, u, x, v, y) + (sk ? st.pen.skill * (mv - misV - misY + misUv + misXv) : 0);
          if (cU + cV < bound) return 6;
        }
      }
    }
  }
  return 0;
};
