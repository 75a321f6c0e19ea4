import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import {
  addMoney,
  allocateMoney,
  compareMoney,
  formatMoney,
  type Money,
  money,
  multiplyMoney,
  parseMoney,
  percentageOf,
  subtractMoney,
  sumMoney,
  toDecimalString,
} from './money';

const cny = (fen: number) => money(fen, 'CNY');
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? e.code : `not an AppError: ${String(e)}`;
  }
  return undefined;
};
const amount = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
const currency = fc.constantFrom('CNY', 'JPY', 'USD');

describe('money arithmetic', () => {
  it('adds, subtracts and multiplies exactly in minor units', () => {
    expect(addMoney(cny(1990), cny(10))).toEqual(cny(2000));
    expect(subtractMoney(cny(100), cny(250))).toEqual(cny(-150));
    expect(multiplyMoney(cny(1999), 3)).toEqual(cny(5997));
    expect(sumMoney('CNY', [cny(1), cny(2), cny(3)])).toEqual(cny(6));
    expect(sumMoney('CNY', [])).toEqual(cny(0));
    expect(compareMoney(cny(5), cny(7))).toBe(-1);
  });

  it('rejects non-integer amounts, unknown currencies, mixed currencies, fractional quantities and overflow', () => {
    expect(codeOf(() => money(19.9, 'CNY'))).toBe('money.invalid_amount');
    expect(codeOf(() => money(1, 'XXX'))).toBe('money.unknown_currency');
    expect(codeOf(() => addMoney(cny(1), money(1, 'JPY')))).toBe('money.currency_mismatch');
    expect(codeOf(() => multiplyMoney(cny(1), 1.5))).toBe('money.invalid_quantity');
    expect(codeOf(() => addMoney(cny(Number.MAX_SAFE_INTEGER), cny(1)))).toBe('money.overflow');
    expect(codeOf(() => multiplyMoney(cny(2 ** 40), 2 ** 20))).toBe('money.overflow');
  });
});

describe('allocateMoney', () => {
  it('splits by largest remainder so no fen is lost', () => {
    // 100 fen in thirds: 33.33 each, the leftover fen goes to the first part (ties → earlier).
    expect(allocateMoney(cny(100), [1, 1, 1]).map((m) => m.amountMinor)).toEqual([34, 33, 33]);
    // 1000 fen over weights 1:2:3 → exact shares 166.67, 333.33, 500 → largest remainder is part 0.
    expect(allocateMoney(cny(1000), [1, 2, 3]).map((m) => m.amountMinor)).toEqual([167, 333, 500]);
    // Freight 10.00 over lines worth 19.90, 5.00, 0.10 (weights in fen).
    expect(allocateMoney(cny(1000), [1990, 500, 10]).map((m) => m.amountMinor)).toEqual([796, 200, 4]);
    expect(allocateMoney(cny(-100), [1, 1, 1]).map((m) => m.amountMinor)).toEqual([-34, -33, -33]);
    expect(allocateMoney(cny(5), [0, 0]).map((m) => m.amountMinor)).toEqual([3, 2]);
    expect(allocateMoney(cny(7), [0, 3]).map((m) => m.amountMinor)).toEqual([0, 7]);
  });

  it('rejects negative or fractional weights', () => {
    expect(codeOf(() => allocateMoney(cny(1), [1, -1]))).toBe('money.allocate_invalid_weight');
    expect(codeOf(() => allocateMoney(cny(1), [0.5]))).toBe('money.allocate_invalid_weight');
    expect(codeOf(() => allocateMoney(cny(1), []))).toBe('money.allocate_no_weights');
  });

  it('property: parts sum exactly to the total and each is within one unit of its exact share', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
        (total, weights) => {
          const parts = allocateMoney(cny(total), weights);
          expect(parts).toHaveLength(weights.length);
          expect(parts.reduce((s, p) => s + p.amountMinor, 0)).toBe(total);
          const w = weights.every((x) => x === 0) ? weights.map(() => 1) : weights;
          const sum = w.reduce((a, b) => a + b, 0);
          parts.forEach((p, i) => {
            const exact = (Math.abs(total) * w[i]) / sum;
            expect(Math.abs(Math.abs(p.amountMinor) - exact)).toBeLessThan(1 + 1e-6);
            expect(p.currency).toBe('CNY');
          });
        },
      ),
    );
  });
});

describe('percentageOf', () => {
  it('rounds half-up (四舍五入) by default and half-even on request', () => {
    // 13% of 0.50 = 6.5 fen.
    expect(percentageOf(cny(50), 13).amountMinor).toBe(7);
    expect(percentageOf(cny(50), 13, 'half-even').amountMinor).toBe(6);
    // 13% of 1.50 = 19.5 fen: half-even goes to the even neighbour 20.
    expect(percentageOf(cny(150), '13', 'half-even').amountMinor).toBe(20);
    // Negative amounts round symmetrically (away from zero for half-up).
    expect(percentageOf(cny(-50), 13).amountMinor).toBe(-7);
    // Fractional rates are exact decimals: 6.5% of 199.00 = 1293.5 fen.
    expect(percentageOf(cny(19900), '6.5').amountMinor).toBe(1294);
    expect(percentageOf(cny(19900), 6.5, 'half-even').amountMinor).toBe(1294);
    expect(percentageOf(cny(10000), '0.35').amountMinor).toBe(35);
    expect(codeOf(() => percentageOf(cny(1), '1e-3'))).toBe('money.invalid_percent');
  });
});

describe('parseMoney / format', () => {
  it('parses decimal text into minor units without floats', () => {
    expect(parseMoney('19.90', 'CNY')).toEqual(cny(1990));
    expect(parseMoney('19.9', 'CNY')).toEqual(cny(1990));
    expect(parseMoney(' 0.07 ', 'CNY')).toEqual(cny(7));
    expect(parseMoney('-3', 'CNY')).toEqual(cny(-300));
    expect(parseMoney('19.900', 'CNY')).toEqual(cny(1990));
    // 0.1 + 0.2 style float traps do not exist here.
    expect(parseMoney('1.15', 'CNY').amountMinor).toBe(115);
    expect(parseMoney('1200', 'JPY')).toEqual(money(1200, 'JPY'));
    expect(parseMoney('90071992547409.91', 'CNY').amountMinor).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('rejects malformed text and lost precision instead of rounding', () => {
    for (const bad of ['19.999', '1,000.00', '¥5', '', '.5', '1e3', '12.', 'abc']) {
      expect(codeOf(() => parseMoney(bad, 'CNY'))).toBe('money.invalid_amount');
    }
    expect(codeOf(() => parseMoney('12.5', 'JPY'))).toBe('money.invalid_amount');
    expect(codeOf(() => parseMoney('90071992547409.92', 'CNY'))).toBe('money.overflow');
  });

  it('formats for zh-CN and en', () => {
    expect(formatMoney(cny(123450))).toBe('¥1,234.50');
    expect(formatMoney(cny(123450), 'en')).toBe('CN¥1,234.50');
    expect(formatMoney(cny(-5), 'en')).toBe('-CN¥0.05');
    expect(formatMoney(money(1234, 'JPY'), 'en')).toBe('¥1,234');
    expect(formatMoney(cny(123450), 'en', { display: 'code' })).toMatch(/^CNY\s1,234\.50$/);
    expect(formatMoney(cny(123450), 'zh-CN', { display: 'none', grouping: false })).toBe('1234.50');
    // Exact even beyond float precision of the decimal value.
    expect(formatMoney(cny(Number.MAX_SAFE_INTEGER), 'zh-CN', { display: 'none' })).toBe(
      '90,071,992,547,409.91',
    );
    expect(toDecimalString(cny(7))).toBe('0.07');
    expect(toDecimalString(money(-1200, 'JPY'))).toBe('-1200');
  });

  it('property: parse ∘ format round-trips every safe amount', () => {
    fc.assert(
      fc.property(
        amount,
        currency,
        fc.constantFrom('zh-CN' as const, 'en' as const),
        (minor, cur, locale) => {
          const m: Money = money(minor, cur);
          expect(parseMoney(toDecimalString(m), cur)).toEqual(m);
          expect(parseMoney(formatMoney(m, locale, { display: 'none', grouping: false }), cur)).toEqual(m);
        },
      ),
    );
  });
});
