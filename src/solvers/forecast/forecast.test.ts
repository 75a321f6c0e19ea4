import { describe, expect, it } from 'vitest';
import {
  autoEts,
  classifyDemand,
  croston,
  fitEts,
  forecastEts,
  forecastSeries,
  isSeasonal,
  minimiseNelderMead,
  naive2,
  seasonalNaive,
  tsb,
} from './index';
import { countQuantile } from './quantiles';
import { createRandom, normalQuantile } from './stats';

const normal = (rand: () => number) => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

describe('known answers', () => {
  it('Nelder–Mead finds the minimum of a quadratic', () => {
    const r = minimiseNelderMead((x) => (x[0] - 3) ** 2 + 2 * (x[1] + 1) ** 2, [0, 0], {
      maxEvaluations: 500,
    });
    expect(r.x[0]).toBeCloseTo(3, 3);
    expect(r.x[1]).toBeCloseTo(-1, 3);
  });

  it('SES on a constant series forecasts the constant', () => {
    const fit = fitEts(Array(30).fill(42), 1, { error: 'A', trend: 'N', season: 'N' });
    const f = forecastEts(fit as NonNullable<typeof fit>, 5);
    for (const v of f.mean) expect(v).toBeCloseTo(42, 6);
  });

  it('Holt on a linear trend extends the line', () => {
    const y = Array.from({ length: 30 }, (_, t) => 10 + 2 * t);
    const fit = fitEts(y, 1, { error: 'A', trend: 'A', season: 'N' });
    const f = forecastEts(fit as NonNullable<typeof fit>, 4);
    for (let h = 0; h < 4; h++) expect(f.mean[h]).toBeCloseTo(10 + 2 * (30 + h), 2);
  });

  it('seasonal naive repeats the last season', () => {
    const y = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(seasonalNaive(y, 4, 6).mean).toEqual([5, 6, 7, 8, 5, 6]);
  });

  it('Naive2 re-seasonalises a flat forecast of a seasonal series', () => {
    const pattern = [0.8, 1.2, 0.9, 1.1];
    const y = Array.from({ length: 24 }, (_, t) => 100 * pattern[t % 4]);
    expect(isSeasonal(y, 4)).toBe(true);
    const f = naive2(y, 4, 4).mean;
    for (let h = 0; h < 4; h++) expect(f[h]).toBeCloseTo(100 * pattern[h], 6);
  });

  it('Croston and SBA on a regular intermittent series', () => {
    const y = Array.from({ length: 40 }, (_, t) => (t % 4 === 3 ? 4 : 0));
    expect(croston(y, 3).mean).toEqual([1, 1, 1]);
    expect(croston(y, 1, 0.1, true).mean[0]).toBeCloseTo(0.95, 10);
    expect(classifyDemand(y)).toBe('intermittent');
  });

  it('automatic ETS picks a seasonal model for a strongly seasonal series', () => {
    const rand = createRandom(7);
    const y = Array.from(
      { length: 72 },
      (_, t) => (100 + t) * (1 + 0.3 * Math.sin((2 * Math.PI * t) / 12)) + normal(rand),
    );
    expect(autoEts(y, 12)?.spec.season).not.toBe('N');
  });

  it('normal and count quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 8);
    expect(countQuantile(2, 2, 0.5)).toBe(2); // Poisson(2) median
    expect(countQuantile(0.1, 0.1, 0.5)).toBe(0);
  });
});

describe('forecastSeries', () => {
  const monthly = Array.from(
    { length: 60 },
    (_, t) => 200 + 3 * t + 40 * Math.sin((2 * Math.PI * t) / 12) + ((t * 37) % 11),
  );

  it('is deterministic', () => {
    const a = forecastSeries({ values: monthly, period: 12, horizon: 18 });
    const b = forecastSeries({ values: monthly, period: 12, horizon: 18 });
    expect(a).toEqual(b);
    expect(a.mean).toHaveLength(18);
    expect(a.method).toMatch(/^comb\(/);
  });

  it('returns ordered quantiles for every step', () => {
    const f = forecastSeries({ values: monthly, period: 12, horizon: 6 });
    for (let h = 0; h < 6; h++) {
      const q = f.quantiles.map((x) => x.values[h]);
      for (let i = 1; i < q.length; i++) expect(q[i]).toBeGreaterThanOrEqual(q[i - 1]);
    }
  });

  it('never forecasts zero for an item that sells, even after a long run of zeros', () => {
    const y = [...Array(30).fill(0), 3, 0, 1, ...Array(30).fill(0)];
    const f = forecastSeries({ values: y, period: 12, horizon: 12 });
    for (const v of f.mean) expect(v).toBeGreaterThan(0);
    expect(tsb(y, 1).mean[0]).toBeGreaterThan(0);
    expect(forecastSeries({ values: Array(20).fill(0), period: 1, horizon: 3 }).mean).toEqual([0, 0, 0]);
  });

  it('rejects empty input', () => {
    expect(() => forecastSeries({ values: [], period: 1, horizon: 3 })).toThrow(RangeError);
  });
});

describe('interval coverage on simulated data', () => {
  it('80% intervals of a local-level series cover about 80%', () => {
    const rand = createRandom(2024);
    let inside = 0;
    let total = 0;
    for (let s = 0; s < 150; s++) {
      let level = 50;
      const y: number[] = [];
      for (let t = 0; t < 66; t++) {
        const e = normal(rand);
        y.push(level + e);
        level += 0.4 * e;
      }
      const train = y.slice(0, 60);
      const f = forecastSeries(
        { values: train, period: 1, horizon: 6 },
        { method: 'ets', probabilities: [0.1, 0.9] },
      );
      for (let h = 0; h < 6; h++) {
        total++;
        if (y[60 + h] >= f.quantiles[0].values[h] && y[60 + h] <= f.quantiles[1].values[h]) inside++;
      }
    }
    expect(inside / total).toBeGreaterThan(0.72);
    expect(inside / total).toBeLessThan(0.88);
  });

  it('intermittent 90% quantile covers about 90% of Poisson demand', () => {
    const rand = createRandom(99);
    let inside = 0;
    let total = 0;
    for (let s = 0; s < 200; s++) {
      const draw = () => {
        let k = 0;
        let p = Math.exp(-0.6);
        let c = p;
        const u = rand();
        while (u > c) {
          k++;
          p *= 0.6 / k;
          c += p;
        }
        return k;
      };
      const y = Array.from({ length: 48 }, draw);
      const f = forecastSeries({ values: y.slice(0, 36), period: 12, horizon: 12 }, { probabilities: [0.9] });
      for (let h = 0; h < 12; h++) {
        total++;
        if (y[36 + h] <= f.quantiles[0].values[h]) inside++;
      }
    }
    expect(inside / total).toBeGreaterThan(0.85);
    expect(inside / total).toBeLessThan(0.99);
  });
});
