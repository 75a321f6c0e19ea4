import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import {
  assertQuantity,
  chargeableWeightG,
  fromBaseUnits,
  mlToMm3,
  mm3ToCubicMetres,
  mm3ToLitres,
  packsFor,
  type QuantityUnit,
  toBaseUnits,
  volumeMm3,
  volumetricWeightG,
} from './quantity';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
  return undefined;
};

describe('quantities in base units', () => {
  it('converts user text to base units exactly', () => {
    expect(toBaseUnits('1.5', 'kg')).toBe(1500);
    expect(toBaseUnits('3', 'jin')).toBe(1500);
    expect(toBaseUnits('0.5', 'jin')).toBe(250);
    expect(toBaseUnits('0.001', 't')).toBe(1000);
    expect(toBaseUnits('12.5', 'cm')).toBe(125);
    expect(toBaseUnits('2', 'l')).toBe(2_000_000);
    expect(toBaseUnits('0.2', 'm3')).toBe(200_000_000);
    expect(toBaseUnits('-2', 'each')).toBe(-2);
  });

  it('rejects text that is not a whole number of base units, or malformed', () => {
    expect(codeOf(() => toBaseUnits('0.0005', 'kg'))).toBe('quantity.invalid_text');
    expect(codeOf(() => toBaseUnits('1.5', 'each'))).toBe('quantity.invalid_text');
    expect(codeOf(() => toBaseUnits('1,5', 'kg'))).toBe('quantity.invalid_text');
    expect(codeOf(() => toBaseUnits('1e3', 'g'))).toBe('quantity.invalid_text');
  });

  it('formats base units in a display unit with trailing zeros dropped', () => {
    expect(fromBaseUnits(1500, 'kg')).toBe('1.5');
    expect(fromBaseUnits(1500, 'jin')).toBe('3');
    expect(fromBaseUnits(250, 'jin')).toBe('0.5');
    expect(fromBaseUnits(1, 'jin')).toBe('0.002');
    expect(fromBaseUnits(2000, 'kg')).toBe('2');
    expect(fromBaseUnits(-7, 'cm')).toBe('-0.7');
    expect(fromBaseUnits(123, 'mm')).toBe('123');
  });

  it('property: toBaseUnits ∘ fromBaseUnits round-trips', () => {
    const units: QuantityUnit[] = ['g', 'kg', 'jin', 't', 'mm', 'cm', 'm', 'mm3', 'ml', 'l', 'm3', 'each'];
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), fc.constantFrom(...units), (value, unit) => {
        expect(toBaseUnits(fromBaseUnits(value, unit), unit)).toBe(value);
      }),
    );
  });

  it('computes volumes and carrier weights', () => {
    const box = volumeMm3(300, 200, 150); // 30 × 20 × 15 cm
    expect(box).toBe(9_000_000);
    expect(mm3ToLitres(box)).toBe(9);
    expect(mm3ToCubicMetres(box)).toBe(0.009);
    expect(mlToMm3(500)).toBe(500_000);
    // 9000 cm³ / 6000 = 1.5 kg volumetric.
    expect(volumetricWeightG(box)).toBe(1500);
    expect(volumetricWeightG(box, 5000)).toBe(1800);
    expect(volumetricWeightG(6001)).toBe(2); // rounds up
    expect(chargeableWeightG(800, box)).toBe(1500);
    expect(chargeableWeightG(2100, box)).toBe(2100);
    expect(packsFor(25, 12)).toEqual({ packs: 2, loose: 1 });
  });

  it('guards non-integers, negatives and overflow', () => {
    expect(codeOf(() => assertQuantity(1.5))).toBe('quantity.invalid');
    expect(codeOf(() => assertQuantity(-1))).toBe('quantity.invalid');
    expect(assertQuantity(-1, 'adjustEach', { allowNegative: true })).toBe(-1);
    expect(codeOf(() => assertQuantity(0, 'packSize', { allowZero: false }))).toBe('quantity.invalid');
    expect(codeOf(() => volumeMm3(300.5, 1, 1))).toBe('quantity.invalid');
    expect(codeOf(() => volumeMm3(1e6, 1e6, 1e6))).toBe('quantity.overflow');
    expect(codeOf(() => packsFor(5, 0))).toBe('quantity.invalid');
  });
});
