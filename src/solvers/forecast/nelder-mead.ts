/**
 * A compact Nelder–Mead simplex minimiser (Nelder & Mead 1965, with the usual reflection 1,
 * expansion 2, contraction ½ and shrink ½ coefficients). Deterministic: the start simplex is
 * built from the start point and per-coordinate steps. Bounds are the caller's business (return a
 * large value outside the feasible region).
 */
export interface NelderMeadOptions {
  /** Initial step per coordinate (default 10% of |x|, or 0.05 when x is 0). */
  steps?: readonly number[];
  maxEvaluations?: number;
  /** Stop when the spread of function values in the simplex falls below this (relative). */
  tolerance?: number;
}

export interface NelderMeadResult {
  x: number[];
  value: number;
  evaluations: number;
}

export function minimiseNelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const n = start.length;
  const maxEvaluations = options.maxEvaluations ?? 200 * n;
  const tolerance = options.tolerance ?? 1e-8;
  let evaluations = 0;
  const evaluate = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  const simplex: number[][] = [start.slice()];
  for (let i = 0; i < n; i++) {
    const p = start.slice();
    const step = options.steps?.[i] ?? (p[i] !== 0 ? 0.1 * Math.abs(p[i]) : 0.05);
    p[i] += step;
    simplex.push(p);
  }
  const values = simplex.map(evaluate);
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Array<number>(n);
  const along = (c: number, worst: number[], coef: number): number[] => {
    const p = new Array<number>(n);
    for (let j = 0; j < n; j++) p[j] = c === 0 ? 0 : centroid[j] + coef * (worst[j] - centroid[j]);
    return p;
  };
  while (evaluations < maxEvaluations) {
    order.sort((a, b) => values[a] - values[b]);
    const best = order[0];
    const worst = order[n];
    const second = order[n - 1];
    const spread = Math.abs(values[worst] - values[best]);
    if (spread <= tolerance * (Math.abs(values[best]) + tolerance)) break;
    centroid.fill(0);
    for (let k = 0; k < n; k++) {
      const p = simplex[order[k]];
      for (let j = 0; j < n; j++) centroid[j] += p[j] / n;
    }
    const reflected = along(1, simplex[worst], -1);
    const fr = evaluate(reflected);
    if (fr < values[best]) {
      const expanded = along(1, simplex[worst], -2);
      const fe = evaluate(expanded);
      if (fe < fr) {
        simplex[worst] = expanded;
        values[worst] = fe;
      } else {
        simplex[worst] = reflected;
        values[worst] = fr;
      }
      continue;
    }
    if (fr < values[second]) {
      simplex[worst] = reflected;
      values[worst] = fr;
      continue;
    }
    const outside = fr < values[worst];
    const contracted = along(1, outside ? reflected : simplex[worst], 0.5);
    const fc = evaluate(contracted);
    if (fc < (outside ? fr : values[worst])) {
      simplex[worst] = contracted;
      values[worst] = fc;
      continue;
    }
    const b = simplex[best];
    for (const i of order.slice(1)) {
      simplex[i] = simplex[i].map((v, j) => b[j] + 0.5 * (v - b[j]));
      values[i] = evaluate(simplex[i]);
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= n; i++) if (values[i] < values[bestIndex]) bestIndex = i;
  return { x: simplex[bestIndex], value: values[bestIndex], evaluations };
}
