import { describe, expect, it } from 'vitest';
import {
  aggregateBuckets,
  aggregationLevels,
  demandPattern,
  fitEtsCandidates,
  forecastEts,
  forecastEtsAkaike,
  forecastSeries,
  huberLocation,
  intermittentForecast,
  isSeasonal,
  regularForecast,
  robustSizeRate,
  thetaStandard,
  thetaTemporal,
  tsbMeanForecast,
} from './index';
import { createRandom } from './stats';

const normal = (rand: () => number) => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const poisson = (rand: () => number, lambda: number) => {
  let k = 0;
  let p = Math.exp(-lambda);
  let c = p;
  const u = rand();
  while (u > c) {
    k++;
    p *= lambda / k;
    c += p;
  }
  return k;
};

describe('Akaike-weighted ETS', () => {
  const rand = createRandom(17);
  const y = Array.from({ length: 48 }, (_, t) => 100 + 0.8 * t + 3 * normal(rand));
  const fits = fitEtsCandidates(y, 1);

  it('is the single fit when only one model is kept', () => {
    const one = forecastEtsAkaike(fits, 6, (f) => f.name === 'AAN');
    const direct = forecastEts(fits.find((f) => f.name === 'AAN') as (typeof fits)[number], 6);
    expect(one?.mean).toEqual(direct.mean);
    expect(one?.sd[5]).toBeCloseTo(direct.sd[5], 9);
    expect(forecastEtsAkaike(fits, 6, () => false)).toBeUndefined();
  });

  it('weights models by exp(−½ ΔAICc)', () => {
    const f = forecastEtsAkaike(fits, 4) as NonNullable<ReturnType<typeof forecastEtsAkaike>>;
    const best = Math.min(...fits.map((x) => x.aicc));
    const w = fits.map((x) => Math.exp(-0.5 * (x.aicc - best)));
    const total = w.reduce((a, b) => a + b, 0);
    for (let h = 0; h < 4; h++) {
      const expected = fits.reduce((s, x, i) => s + (w[i] / total) * forecastEts(x, 4).mean[h], 0);
      expect(f.mean[h]).toBeCloseTo(expected, 9);
    }
    expect(f.method).toBe(`ets-akaike(${fits.length})`);
  });
});

describe('Theta over temporal aggregation levels', () => {
  it('uses the divisors of the period with at least four buckets', () => {
    expect(aggregationLevels(12)).toEqual([1, 2, 3, 4, 6]);
    expect(aggregationLevels(4)).toEqual([1, 2]);
    expect(aggregationLevels(7)).toEqual([1]);
    expect(aggregationLevels(1)).toEqual([1]);
    expect(aggregateBuckets([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([9, 18]);
    const rand = createRandom(3);
    const long = Array.from({ length: 60 }, () => 50 + normal(rand));
    expect(thetaTemporal(long, 12, 18).method).toBe('theta-mta(1,2,3,4,6)');
    expect(thetaTemporal(long.slice(0, 20), 12, 18).method).toBe('theta-mta(1,2,3,4)');
  });

  it('forecasts a constant and keeps a seasonal pattern', () => {
    for (const v of thetaTemporal(Array(48).fill(7), 12, 18).mean) expect(v).toBeCloseTo(7, 6);
    const pattern = [0.8, 1.3, 1.0, 0.9];
    const y = Array.from({ length: 40 }, (_, t) => 200 * pattern[t % 4]);
    const f = thetaTemporal(y, 4, 8).mean;
    for (let h = 0; h < 8; h++) expect(f[h]).toBeCloseTo(200 * pattern[h % 4], 4);
  });

  it('averages Theta on the series and on its bucket sums ÷ k', () => {
    const rand = createRandom(41);
    const y = Array.from({ length: 30 }, (_, t) => 100 + t + 8 * normal(rand));
    expect(isSeasonal(y, 4)).toBe(false);
    const f = thetaTemporal(y, 4, 5);
    const level1 = thetaStandard(y, 1, 5).mean;
    const level2 = thetaStandard(aggregateBuckets(y, 2), 1, 3).mean;
    for (let h = 0; h < 5; h++)
      expect(f.mean[h]).toBeCloseTo((level1[h] + level2[Math.floor(h / 2)] / 2) / 2, 9);
    expect(f.sd).toEqual(thetaStandard(y, 1, 5).sd);
  });

  it('is half of the seasonal combination, next to two Akaike-weighted ETS members', () => {
    const rand = createRandom(5);
    const y = Array.from(
      { length: 72 },
      (_, t) => (300 + 2 * t) * (1 + 0.25 * Math.sin((2 * Math.PI * t) / 12)) + 5 * normal(rand),
    );
    const f = regularForecast(y, 12, 18);
    expect(f.method).toMatch(/^comb\(ets-akaike\(\d+\),ets-akaike\(\d+\),theta-mta\(1,2,3,4,6\),theta-mta/);
    const theta = thetaTemporal(y, 12, 18).mean;
    const fits = fitEtsCandidates(y, 12);
    const all = forecastEtsAkaike(fits, 18)?.mean ?? [];
    const damped = forecastEtsAkaike(fits, 18, (x) => x.spec.trend === 'Ad')?.mean ?? [];
    for (let h = 0; h < 18; h++) expect(f.mean[h]).toBeCloseTo((all[h] + damped[h] + 2 * theta[h]) / 4, 9);
  });
});

describe('intermittent demand', () => {
  it('Huber location ignores a bulk order but keeps ordinary spread', () => {
    expect(huberLocation([])).toBe(0);
    expect(huberLocation([2, 4, 6])).toBeCloseTo(4, 9);
    expect(huberLocation([1, 1, 2, 1, 1, 2, 1, 60])).toBeLessThan(1.8);
    const light = huberLocation([1, 1, 1, 2, 2]);
    expect(light).toBeGreaterThan(1.2);
    expect(light).toBeLessThanOrEqual(1.4);
  });

  it('one bulk order does not set the forecast of lumpy demand', () => {
    const y: number[] = Array.from({ length: 36 }, (_, t) => (t % 3 === 0 ? 1 : 0));
    y[33] = 40;
    const robust = robustSizeRate(y, 3).mean[0];
    const plain = tsbMeanForecast(y, 3).mean[0];
    expect(robust).toBeLessThan(0.5 * plain);
    expect(robust).toBeGreaterThan(0.2);
    expect(intermittentForecast(y, 3, 12).method).toBe('tsb-huber');
  });

  it('follows the decline of an item that still sells in most periods', () => {
    const rand = createRandom(8);
    const y = Array.from({ length: 39 }, (_, t) => poisson(rand, 3 * (1 - t / 45)));
    const { adi } = demandPattern(y);
    expect(adi).toBeGreaterThanOrEqual(1.32);
    expect(adi).toBeLessThan(2);
    const f = forecastSeries({ values: y, period: 12, horizon: 12 }, { probabilities: [0.5, 0.9] });
    expect(f.method).toMatch(/^theta-mta/);
    const last12 = y.slice(-12).reduce((a, b) => a + b, 0) / 12;
    expect(f.mean[11]).toBeLessThan(last12);
    expect(f.mean[11]).toBeLessThan(tsbMeanForecast(y, 12).mean[11]);
    for (const q of f.quantiles) for (const v of q.values) expect(Number.isInteger(v)).toBe(true);
  });

  it('is unbiased on stationary Poisson demand (within 6%)', () => {
    for (const lambda of [0.3, 0.7, 1.2]) {
      const rand = createRandom(Math.round(lambda * 100));
      let sum = 0;
      let count = 0;
      for (let s = 0; s < 300; s++) {
        const y = Array.from({ length: 48 }, () => poisson(rand, lambda));
        if (!y.some((v) => v > 0)) continue;
        sum += forecastSeries({ values: y, period: 12, horizon: 1 }, { probabilities: [0.5] }).mean[0];
        count++;
      }
      expect(sum / count / lambda).toBeGreaterThan(0.94);
      expect(sum / count / lambda).toBeLessThan(1.06);
    }
  });
});
