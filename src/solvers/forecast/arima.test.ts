import { describe, expect, it } from 'vitest';
import { autoArima, chooseDifferences } from './arima';
import { createRandom } from './stats';

const normal = (rand: () => number) => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());

describe('auto-ARIMA', () => {
  it('differences a random walk and not white noise (KPSS)', () => {
    const rand = createRandom(3);
    const noise = Array.from({ length: 200 }, () => 50 + normal(rand));
    let level = 50;
    const walk = Array.from({ length: 200 }, () => (level += normal(rand)));
    expect(chooseDifferences(noise)).toBe(0);
    expect(chooseDifferences(walk)).toBe(1);
  });

  it('forecasts an AR(1) back towards its mean', () => {
    const rand = createRandom(5);
    const y = [100];
    for (let t = 1; t < 300; t++) y.push(100 + 0.7 * (y[t - 1] - 100) + normal(rand));
    y.push(110);
    const f = autoArima(y, 1, 20);
    expect(f.mean[0]).toBeGreaterThan(104);
    expect(f.mean[0]).toBeLessThan(109);
    expect(Math.abs(f.mean[19] - 100)).toBeLessThan(1.5);
    expect(f.sd[19]).toBeGreaterThan(f.sd[0]);
  });
});
