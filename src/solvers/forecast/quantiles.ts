/** Turns a point forecast with a per-step spread into quantiles: normal, or a count distribution. */
import { normalQuantile } from './stats';
import type { ModelForecast, QuantileForecast } from './types';

/** Quantile of a count with mean μ and variance v: negative binomial when v > μ, else Poisson. */
export function countQuantile(mu: number, variance: number, p: number): number {
  if (!(mu > 0)) return 0;
  const v = Math.max(variance, mu);
  if (mu > 500) return Math.max(0, Math.round(mu + Math.sqrt(v) * normalQuantile(p)));
  let pmf: number;
  let next: (k: number, current: number) => number;
  if (v > mu * 1.000001) {
    const r = (mu * mu) / (v - mu);
    const q = mu / (r + mu);
    pmf = Math.exp(r * Math.log(1 - q));
    next = (k, current) => (current * (k + r) * q) / (k + 1);
  } else {
    pmf = Math.exp(-mu);
    next = (k, current) => (current * mu) / (k + 1);
  }
  let cdf = pmf;
  let k = 0;
  const limit = Math.ceil(mu + 50 * Math.sqrt(v) + 50);
  while (cdf < p && k < limit) {
    pmf = next(k, pmf);
    k++;
    cdf += pmf;
  }
  return k;
}

export function toQuantiles(
  f: ModelForecast,
  probabilities: readonly number[],
  nonNegative: boolean,
): QuantileForecast[] {
  return probabilities.map((p) => {
    if (f.distribution === 'count') {
      return { p, values: f.mean.map((mu, h) => countQuantile(mu, f.sd[h] ** 2, p)) };
    }
    const z = normalQuantile(p);
    return {
      p,
      values: f.mean.map((mu, h) => {
        const q = mu + z * f.sd[h];
        return nonNegative ? Math.max(0, q) : q;
      }),
    };
  });
}
