/**
 * Exact decimal text ⇄ scaled integers, with no floating point anywhere. Shared by money.ts and
 * quantity.ts; domain code uses those, not this file.
 */

/** Rounding for integer division. `half-up` rounds .5 away from zero (四舍五入); `half-even` is banker's rounding. */
export type Rounding = 'half-up' | 'half-even' | 'floor' | 'ceil' | 'trunc';

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;

/** An exact decimal: `digits / 10^scale`. */
export interface ScaledDecimal {
  digits: bigint;
  scale: number;
}

/** Parse plain decimal text (`-12.345`, `7`, `+0.50`); no exponent, no grouping. Null when malformed. */
export function parseDecimal(text: string): ScaledDecimal | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const digits = BigInt(whole + fraction);
  return { digits: sign === '-' ? -digits : digits, scale: fraction.length };
}

/** Parse decimal text into an integer count of `10^-scale` units; null if malformed or if precision would be lost. */
export function parseScaled(text: string, scale: number): bigint | null {
  const parsed = parseDecimal(text);
  if (!parsed) return null;
  return rescale(parsed, scale);
}

/** Express a decimal in units of `10^-scale`; null unless exact (extra digits must be zeros). */
export function rescale(value: ScaledDecimal, scale: number): bigint | null {
  if (value.scale <= scale) return value.digits * 10n ** BigInt(scale - value.scale);
  const divisor = 10n ** BigInt(value.scale - scale);
  return value.digits % divisor === 0n ? value.digits / divisor : null;
}

/** Format an integer count of `10^-scale` units as plain decimal text with exactly `scale` fraction digits. */
export function formatScaled(value: bigint, scale: number): string {
  const negative = value < 0n;
  const abs = (negative ? -value : value).toString().padStart(scale + 1, '0');
  const whole = abs.slice(0, abs.length - scale);
  const fraction = abs.slice(abs.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/** Drop trailing fraction zeros: `1.500` → `1.5`, `2.000` → `2`. */
export function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** `numerator / denominator` rounded to an integer with the given rule. */
export function roundDiv(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) return roundDiv(-numerator, -denominator, rounding);
  const quotient = numerator / denominator; // truncates toward zero
  const remainder = numerator % denominator; // same sign as numerator
  if (remainder === 0n) return quotient;
  const sign = numerator < 0n ? -1n : 1n;
  switch (rounding) {
    case 'trunc':
      return quotient;
    case 'floor':
      return sign < 0n ? quotient - 1n : quotient;
    case 'ceil':
      return sign > 0n ? quotient + 1n : quotient;
    case 'half-up':
    case 'half-even': {
      const twice = 2n * (remainder < 0n ? -remainder : remainder);
      if (twice > denominator) return quotient + sign;
      if (twice < denominator) return quotient;
      if (rounding === 'half-up') return quotient + sign;
      return quotient % 2n === 0n ? quotient : quotient + sign;
    }
  }
}

/** Convert back to a JS number, or null when outside the safe integer range. */
export function toSafeNumber(value: bigint): number | null {
  return value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)
    ? null
    : Number(value);
}
