import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GTIN_LENGTHS, gtinCheckDigit, isValidGtin, normaliseGtin, withCheckDigit } from './gtin';

const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));

const anyLength = fc.constantFrom(...GTIN_LENGTHS);
const validGtin = anyLength.chain((length) => digits(length - 1)).map(withCheckDigit);

describe('gtin', () => {
  it('accepts known real barcodes', () => {
    expect(isValidGtin('6901234567892')).toBe(true); // EAN-13, China prefix
    expect(isValidGtin('4006381333931')).toBe(true); // EAN-13 (Stabilo)
    expect(isValidGtin('036000291452')).toBe(true); // UPC-A
    expect(isValidGtin('96385074')).toBe(true); // EAN-8
    expect(isValidGtin('10012345678902')).toBe(true); // ITF-14
  });

  it('rejects wrong lengths, non-digits and bad check digits', () => {
    expect(isValidGtin('')).toBe(false);
    expect(isValidGtin('123')).toBe(false);
    expect(isValidGtin('69012345678921')).toBe(false); // 14 digits, wrong check
    expect(isValidGtin('690123456789X')).toBe(false);
    expect(isValidGtin('6901234567893')).toBe(false);
    expect(isValidGtin(' 6901234567892')).toBe(false);
    expect(isValidGtin('123456789012345')).toBe(false); // 15 digits
  });

  it('a computed check digit always validates', () => {
    fc.assert(
      fc.property(
        anyLength.chain((length) => digits(length - 1)),
        (body) => {
          const gtin = withCheckDigit(body);
          expect(gtin).toHaveLength(body.length + 1);
          expect(isValidGtin(gtin)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('any other check digit is rejected', () => {
    fc.assert(
      fc.property(
        anyLength.chain((length) => digits(length - 1)),
        fc.integer({ min: 1, max: 9 }),
        (body, shift) => {
          const wrong = (gtinCheckDigit(body) + shift) % 10;
          expect(isValidGtin(`${body}${wrong}`)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('detects any single-digit change', () => {
    fc.assert(
      fc.property(
        validGtin.chain((gtin) =>
          fc.tuple(fc.constant(gtin), fc.nat({ max: gtin.length - 1 }), fc.integer({ min: 1, max: 9 })),
        ),
        ([gtin, position, shift]) => {
          const changed = (Number(gtin[position]) + shift) % 10;
          const mutated = `${gtin.slice(0, position)}${changed}${gtin.slice(position + 1)}`;
          expect(mutated).not.toBe(gtin);
          expect(isValidGtin(mutated)).toBe(false);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('normalises spaces and dashes', () => {
    expect(normaliseGtin(' 690 1234-56789 2 ')).toBe('6901234567892');
  });
});
