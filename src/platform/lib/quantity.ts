import { formatScaled, parseDecimal, roundDiv, toSafeNumber, trimZeros } from './decimal';
import { AppError } from './errors';

/**
 * Quantities are integers in base units, with the unit in the field name: mass in grams (`weightG`),
 * length in millimetres (`lengthMm`), volume in cubic millimetres (`volumeMm3`) or millilitres for
 * liquids (`volumeMl`), countables in each (`qtyEach`). Conversion from what a user types (`1.5 kg`,
 * `3 斤`, `0.2 m³`) happens only at the API edge, with `toBaseUnits` / `fromBaseUnits`, exactly.
 */
export type MassUnit = 'g' | 'kg' | 'jin' | 't';
export type LengthUnit = 'mm' | 'cm' | 'm';
export type VolumeUnit = 'mm3' | 'cm3' | 'ml' | 'l' | 'm3';
export type CountUnit = 'each';
export type QuantityUnit = MassUnit | LengthUnit | VolumeUnit | CountUnit;
export type BaseUnit = 'g' | 'mm' | 'mm3' | 'each';

/** How many base units one unit is. 1 斤 (jin) = 500 g; 1 ml = 1 cm³ = 1,000 mm³. */
const UNITS: Readonly<Record<QuantityUnit, { base: BaseUnit; factor: bigint }>> = {
  g: { base: 'g', factor: 1n },
  kg: { base: 'g', factor: 1_000n },
  jin: { base: 'g', factor: 500n },
  t: { base: 'g', factor: 1_000_000n },
  mm: { base: 'mm', factor: 1n },
  cm: { base: 'mm', factor: 10n },
  m: { base: 'mm', factor: 1_000n },
  mm3: { base: 'mm3', factor: 1n },
  cm3: { base: 'mm3', factor: 1_000n },
  ml: { base: 'mm3', factor: 1_000n },
  l: { base: 'mm3', factor: 1_000_000n },
  m3: { base: 'mm3', factor: 1_000_000_000n },
  each: { base: 'each', factor: 1n },
};

export const baseUnitOf = (unit: QuantityUnit): BaseUnit => UNITS[unit].base;

export interface QuantityGuard {
  /** Allow negative values (ledger adjustments, variances). Default false. */
  allowNegative?: boolean;
  /** Allow zero. Default true. */
  allowZero?: boolean;
}

/** Check a base-unit quantity is a safe integer in range; returns it, or throws `quantity.invalid`. */
export function assertQuantity(value: number, field = 'quantity', guard: QuantityGuard = {}): number {
  const ok =
    Number.isSafeInteger(value) &&
    (guard.allowNegative || value >= 0) &&
    (guard.allowZero !== false || value !== 0);
  if (!ok) throw new AppError('bad_request', 'quantity.invalid', { field, value: String(value) });
  return value;
}

function checked(value: bigint, field: string): number {
  const result = toSafeNumber(value);
  if (result === null) throw new AppError('unprocessable', 'quantity.overflow', { field });
  return result;
}

/**
 * Exact conversion of user text in `unit` to base units: `toBaseUnits('1.5', 'kg')` → 1500 (g),
 * `toBaseUnits('3', 'jin')` → 1500 (g). Input that is not a whole number of base units (`'0.0005' kg`)
 * is rejected, not rounded.
 */
export function toBaseUnits(text: string, unit: QuantityUnit): number {
  const parsed = parseDecimal(text);
  const factor = UNITS[unit].factor;
  if (parsed) {
    const numerator = parsed.digits * factor;
    const denominator = 10n ** BigInt(parsed.scale);
    if (numerator % denominator === 0n) return checked(numerator / denominator, 'quantity');
  }
  throw new AppError('bad_request', 'quantity.invalid_text', { value: text, unit });
}

/** Exact decimal text of a base-unit value in `unit`, trailing zeros dropped: `fromBaseUnits(1500, 'kg')` → `'1.5'`. */
export function fromBaseUnits(value: number, unit: QuantityUnit): string {
  assertQuantity(value, 'value', { allowNegative: true });
  const factor = UNITS[unit].factor;
  // Every factor is 2^a·5^b, so value/factor is a terminating decimal: find 10^k divisible by it.
  let scale = 0;
  while (10n ** BigInt(scale) % factor !== 0n) scale++;
  const scaled = BigInt(value) * (10n ** BigInt(scale) / factor);
  return trimZeros(formatScaled(scaled, scale));
}

/** Volume of a box in mm³ from its dimensions in mm. */
export function volumeMm3(lengthMm: number, widthMm: number, heightMm: number): number {
  assertQuantity(lengthMm, 'lengthMm');
  assertQuantity(widthMm, 'widthMm');
  assertQuantity(heightMm, 'heightMm');
  return checked(BigInt(lengthMm) * BigInt(widthMm) * BigInt(heightMm), 'volumeMm3');
}

/** mm³ → litres, for display and reports only (a float). */
export const mm3ToLitres = (mm3: number): number =>
  assertQuantity(mm3, 'volumeMm3', { allowNegative: true }) / 1e6;

/** mm³ → m³, for display and reports only (a float). */
export const mm3ToCubicMetres = (mm3: number): number =>
  assertQuantity(mm3, 'volumeMm3', { allowNegative: true }) / 1e9;

/** Millilitres (liquids) → mm³ (space). */
export const mlToMm3 = (ml: number): number =>
  checked(BigInt(assertQuantity(ml, 'volumeMl')) * 1_000n, 'volumeMm3');

/**
 * Volumetric (dimensional) weight in grams, rounded up: carriers quote a divisor in cm³ per kg
 * (6000 for most express carriers, 5000 for some air freight). Since 1 cm³/kg = 1 mm³/g, grams = ⌈mm³ / divisor⌉.
 */
export function volumetricWeightG(volume: number, divisorCm3PerKg = 6000): number {
  assertQuantity(volume, 'volumeMm3');
  assertQuantity(divisorCm3PerKg, 'divisor', { allowZero: false });
  return checked(roundDiv(BigInt(volume), BigInt(divisorCm3PerKg), 'ceil'), 'weightG');
}

/** The weight a carrier bills: the larger of actual and volumetric weight. */
export function chargeableWeightG(actualG: number, volume: number, divisorCm3PerKg = 6000): number {
  return Math.max(assertQuantity(actualG, 'weightG'), volumetricWeightG(volume, divisorCm3PerKg));
}

/** Whole packs and loose units: 25 each in packs of 12 → { packs: 2, loose: 1 }. */
export function packsFor(qtyEach: number, packSize: number): { packs: number; loose: number } {
  assertQuantity(qtyEach, 'qtyEach');
  assertQuantity(packSize, 'packSize', { allowZero: false });
  return { packs: Math.floor(qtyEach / packSize), loose: qtyEach % packSize };
}
