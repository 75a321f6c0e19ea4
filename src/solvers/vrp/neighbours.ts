/**
 * Granular neighbourhoods: for each client the `k` most correlated clients, by travel distance plus a
 * weighted minimal waiting time and time warp when visiting one right after the other (the correlation
 * used by HGS for VRPTW and by PyVRP).
 */
import type { Instance } from './instance';

export const nearestNeighbours = (inst: Instance, k: number): Int32Array[] => {
  const { n, m, dist, dur, service, twEarly, twLate } = inst;
  const out: Int32Array[] = [];
  const score = new Float64Array(n);
  const idx = Array.from({ length: n }, (_, i) => i);
  const waitWeight = 0.2;
  const warpWeight = 1;
  const has = (x: number) => Number.isFinite(x);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) {
        score[j] = Number.POSITIVE_INFINITY;
        continue;
      }
      const s = (a: number, b: number) => {
        const t = dur[a * m + b];
        const wait =
          has(twEarly[b]) && has(twLate[a]) ? Math.max(twEarly[b] - t - service[a] - twLate[a], 0) : 0;
        const warp =
          has(twEarly[a]) && has(twLate[b]) ? Math.max(twEarly[a] + service[a] + t - twLate[b], 0) : 0;
        return dist[a * m + b] + waitWeight * wait + warpWeight * warp;
      };
      score[j] = Math.min(s(i, j), s(j, i));
    }
    const order = idx.filter((j) => j !== i).sort((a, b) => score[a] - score[b] || a - b);
    out.push(Int32Array.from(order.slice(0, Math.min(k, n - 1))));
  }
  return out;
};
