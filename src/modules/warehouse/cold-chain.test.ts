import { describe, expect, it } from 'vitest';
import { arrivalRange, formatDc, withinRange } from './cold-chain';

const zone = (storageClass: any, tempMinDc: number | null, tempMaxDc: number | null) => ({
  storageClass,
  tempMinDc,
  tempMaxDc,
});

describe('arrival temperature range', () => {
  it('is the envelope of the warehouse zones that may store the class', () => {
    const zones = [
      zone('chilled', 0, 40),
      zone('chilled', 20, 60),
      zone('frozen', -250, -180),
      zone('ambient', 50, 300),
    ];
    expect(arrivalRange('chilled', zones)).toEqual({ minDc: 0, maxDc: 60 });
    expect(arrivalRange('frozen', zones)).toEqual({ minDc: -250, maxDc: -180 });
    expect(arrivalRange('ambient', zones)).toBeNull();
  });

  it('falls back to the cold-chain defaults when no zone states a range', () => {
    expect(arrivalRange('frozen', [])).toEqual({ minDc: null, maxDc: -180 });
    expect(arrivalRange('chilled', [zone('chilled', null, null)])).toEqual({ minDc: 0, maxDc: 80 });
  });

  it('checks bounds inclusively and prints tenths of a degree', () => {
    const range = { minDc: -250, maxDc: -180 };
    expect(withinRange(range, -180)).toBe(true);
    expect(withinRange(range, -179)).toBe(false);
    expect(withinRange({ minDc: null, maxDc: -180 }, -400)).toBe(true);
    expect(formatDc(-185)).toBe('-18.5 °C');
  });
});
