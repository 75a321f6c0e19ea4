/**
 * States of the aisle DP (see aisle-dp.ts): for each cross-aisle vertex of the current aisle a
 * component label (0 = untouched) and the parity of its degree, packed 4 bits per vertex into one
 * number, labels renumbered canonically.
 */

export interface SegmentOption {
  /** 0 none, 1 once through, 2 twice through, 3 bottom only, 4 top only, 5 both ends (largest gap skipped). */
  kind: number;
  cost: number;
  touchBottom: boolean;
  touchTop: boolean;
  odd: boolean;
  connects: boolean;
  gap: number;
}

const BITS = 4;

export function decode(key: number, m: number, lab: number[], par: number[]) {
  for (let v = 0; v < m; v++) {
    const cell = (key >>> (BITS * v)) & 15;
    lab[v] = cell & 7;
    par[v] = cell >>> 3;
  }
}

/** Canonical key: labels renumbered 1, 2, … in vertex order. */
export function encode(m: number, lab: number[], par: number[]): number {
  const map = new Map<number, number>();
  let key = 0;
  for (let v = 0; v < m; v++) {
    let l = 0;
    if (lab[v] !== 0) {
      l = map.get(lab[v]) ?? map.size + 1;
      map.set(lab[v], l);
    }
    key |= (l | (par[v] << 3)) << (BITS * v);
  }
  return key >>> 0;
}

export interface StateInfo {
  lab: Int8Array;
  par: Int8Array;
  components: number;
  odd: boolean;
}

/** State transitions, memoised by key (they do not depend on costs or on the column). */
export class Transitions {
  private readonly infos = new Map<number, StateInfo>();
  private readonly verticals = new Map<number, number>();
  private readonly horizontals = new Map<number, { key: number; edges: number; mask: number }[]>();
  private readonly lab: number[];
  private readonly par: number[];

  constructor(private readonly m: number) {
    this.lab = new Array<number>(m);
    this.par = new Array<number>(m);
  }

  info(key: number): StateInfo {
    let info = this.infos.get(key);
    if (!info) {
      const lab = new Int8Array(this.m);
      const par = new Int8Array(this.m);
      let components = 0;
      let odd = false;
      for (let v = 0; v < this.m; v++) {
        const cell = (key >>> (BITS * v)) & 15;
        lab[v] = cell & 7;
        par[v] = cell >>> 3;
        if (lab[v] > components) components = lab[v];
        if (par[v]) odd = true;
      }
      info = { lab, par, components, odd };
      this.infos.set(key, info);
    }
    return info;
  }

  /** The state after covering sub-aisle `s` (between vertices s and s + 1) with `opt`. */
  vertical(key: number, s: number, opt: SegmentOption): number {
    const memoKey = key * 64 + s * 8 + opt.kind;
    const hit = this.verticals.get(memoKey);
    if (hit !== undefined) return hit;
    const { lab, par, m } = this;
    decode(key, m, lab, par);
    if (opt.touchBottom) {
      if (lab[s] === 0) lab[s] = 8 + s;
      if (opt.odd) par[s] ^= 1;
    }
    if (opt.touchTop) {
      if (lab[s + 1] === 0) lab[s + 1] = 8 + s + 1;
      if (opt.odd) par[s + 1] ^= 1;
    }
    if (opt.connects) {
      const from = lab[s + 1];
      for (let v = 0; v < m; v++) if (lab[v] === from) lab[v] = lab[s];
    }
    const nk = encode(m, lab, par);
    this.verticals.set(memoKey, nk);
    return nk;
  }

  /**
   * Cross-aisle multiplicities towards the next column: an odd vertex continues once, an even touched
   * one 0 or 2 times, an untouched one not at all (a spur to an empty vertex is useless) unless it is
   * the depot's vertex `rc`; every component must keep reaching right.
   */
  horizontal(key: number, rc: number): { key: number; edges: number; mask: number }[] {
    const memoKey = key * 8 + rc + 1;
    const hit = this.horizontals.get(memoKey);
    if (hit) return hit;
    const { m } = this;
    const { lab, par, components } = this.info(key);
    const out: { key: number; edges: number; mask: number }[] = [];
    const h = new Array<number>(m);
    const nlab = new Array<number>(m);
    const npar = new Array<number>(m);
    for (let mask = 0; mask < 1 << m; mask++) {
      let ok = true;
      let edges = 0;
      for (let v = 0; v < m && ok; v++) {
        const on = (mask >> v) & 1;
        if (par[v]) {
          if (!on) ok = false;
          h[v] = 1;
        } else if (lab[v] === 0 && on && v !== rc) ok = false;
        else h[v] = on ? 2 : 0;
        edges += h[v];
      }
      if (!ok || (edges === 0 && components > 0)) continue;
      if (rc >= 0 && lab[rc] === 0 && h[rc] === 0) continue;
      for (let l = 1; l <= components && ok; l++) {
        let reaches = false;
        for (let v = 0; v < m; v++) if (lab[v] === l && h[v] > 0) reaches = true;
        if (!reaches) ok = false;
      }
      if (!ok) continue;
      for (let v = 0; v < m; v++) {
        nlab[v] = h[v] > 0 ? (lab[v] > 0 ? lab[v] : 8 + v) : 0;
        npar[v] = h[v] & 1;
      }
      out.push({ key: encode(m, nlab, npar), edges, mask });
    }
    this.horizontals.set(memoKey, out);
    return out;
  }
}
