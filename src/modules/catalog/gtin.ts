/**
 * GTIN (EAN/UPC) barcodes: GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) and GTIN-14 (ITF-14).
 * The last digit is a mod-10 check digit with weights 3,1,3,1… counted from the right
 * (GS1 General Specifications §7.9). Pure functions, no I/O.
 */

export const GTIN_LENGTHS = [8, 12, 13, 14] as const;

const DIGITS = /^\d+$/;

/** The check digit for `body` (all digits of a GTIN except the last). */
export function gtinCheckDigit(body: string): number {
  if (!DIGITS.test(body)) throw new Error('GTIN body must be digits only');
  let sum = 0;
  for (let i = body.length - 1, weight = 3; i >= 0; i--, weight = weight === 3 ? 1 : 3) {
    sum += (body.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** `body` followed by its check digit. */
export function withCheckDigit(body: string): string {
  return `${body}${gtinCheckDigit(body)}`;
}

/** True for an 8, 12, 13 or 14 digit string whose last digit is the right check digit. */
export function isValidGtin(value: string): boolean {
  if (!DIGITS.test(value) || !(GTIN_LENGTHS as readonly number[]).includes(value.length)) return false;
  return gtinCheckDigit(value.slice(0, -1)) === value.charCodeAt(value.length - 1) - 48;
}

/** Strip the spaces and dashes people type or paste into barcodes ("690 1234 56789 2"). */
export function normaliseGtin(value: string): string {
  return value.replace(/[\s-]/g, '');
}
