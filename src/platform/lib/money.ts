import { formatScaled, parseDecimal, parseScaled, type Rounding, roundDiv, toSafeNumber } from './decimal';
import { AppError } from './errors';

/**
 * Money in integer minor units (fen for CNY, yen for JPY) with its ISO-4217 currency. Amounts are
 * always safe integers; every operation checks its result so an overflow is an error, never a silent
 * loss of precision. All rounding in the system happens here, by these rules:
 *
 * - `percentageOf` rounds with `half-up` by default: .5 of a minor unit goes away from zero
 *   (四舍五入), the rule Chinese VAT invoices use per line. Pass `half-even` (banker's rounding) for
 *   aggregates where a systematic upward bias would add up (e.g. commission over many lines).
 * - `allocateMoney` never rounds: it splits with the largest-remainder method so the parts always sum
 *   to the total exactly (no fen lost or invented).
 * - `parseMoney` never rounds: input with more fraction digits than the currency has is rejected.
 */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

export type MoneyRounding = Extract<Rounding, 'half-up' | 'half-even'>;
export type MoneyLocale = 'zh-CN' | 'en';

/** Fraction digits per currency (ISO 4217 minor units) for the currencies Wayline trades in. */
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  CNY: 2,
  HKD: 2,
  MOP: 2,
  TWD: 2,
  USD: 2,
  EUR: 2,
  GBP: 2,
  AUD: 2,
  CAD: 2,
  SGD: 2,
  MYR: 2,
  THB: 2,
  JPY: 0,
  KRW: 0,
  VND: 0,
};

export const SUPPORTED_CURRENCIES: readonly string[] = Object.keys(MINOR_DIGITS);

/** Number of minor-unit digits of a currency: CNY 2, JPY 0. */
export function minorDigits(currency: string): number {
  const digits = MINOR_DIGITS[currency];
  if (digits === undefined) throw new AppError('bad_request', 'money.unknown_currency', { currency });
  return digits;
}

function checked(amount: bigint | number, currency: string): Money {
  const value = typeof amount === 'bigint' ? toSafeNumber(amount) : amount;
  if (value === null) throw new AppError('unprocessable', 'money.overflow', { currency });
  return { amountMinor: value === 0 ? 0 : value, currency };
}

/** Build a Money value, checking the amount is a safe integer and the currency is known. */
export function money(amountMinor: number, currency: string): Money {
  const digits = minorDigits(currency);
  if (!Number.isSafeInteger(amountMinor)) {
    throw new AppError('bad_request', 'money.invalid_amount', {
      value: String(amountMinor),
      currency,
      digits,
    });
  }
  return checked(amountMinor, currency);
}

export const zeroMoney = (currency: string): Money => money(0, currency);

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new AppError('unprocessable', 'money.currency_mismatch', { left: a.currency, right: b.currency });
  }
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return checked(BigInt(a.amountMinor) + BigInt(b.amountMinor), a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return checked(BigInt(a.amountMinor) - BigInt(b.amountMinor), a.currency);
}

export const negateMoney = (m: Money): Money => checked(-m.amountMinor, m.currency);

/** Unit price × integer quantity (a line total), exact. */
export function multiplyMoney(m: Money, qty: number): Money {
  if (!Number.isSafeInteger(qty))
    throw new AppError('bad_request', 'money.invalid_quantity', { qty: String(qty) });
  return checked(BigInt(m.amountMinor) * BigInt(qty), m.currency);
}

/** Sum of amounts in one currency; an empty list is zero. */
export function sumMoney(currency: string, items: readonly Money[]): Money {
  return items.reduce((total, item) => addMoney(total, item), zeroMoney(currency));
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b);
  return a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
}

export const equalsMoney = (a: Money, b: Money): boolean =>
  a.currency === b.currency && a.amountMinor === b.amountMinor;

/**
 * Split `total` into parts proportional to `weights` (non-negative safe integers, e.g. line amounts in
 * fen or quantities) by the largest-remainder method: each part gets the floor of its exact share,
 * then the leftover minor units go one each to the parts with the largest remainders (ties to the
 * earlier part). The parts always sum to `total`; a negative total is split like its absolute value.
 * All-zero weights split evenly.
 */
export function allocateMoney(total: Money, weights: readonly number[]): Money[] {
  if (weights.length === 0) throw new AppError('bad_request', 'money.allocate_no_weights', {});
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) {
      throw new AppError('bad_request', 'money.allocate_invalid_weight', { weight: String(w) });
    }
  }
  const effective = weights.every((w) => w === 0) ? weights.map(() => 1) : weights;
  const sign = total.amountMinor < 0 ? -1n : 1n;
  const amount = BigInt(Math.abs(total.amountMinor));
  const weightSum = effective.reduce((s, w) => s + BigInt(w), 0n);
  const shares = effective.map((w, index) => {
    const exact = amount * BigInt(w);
    return { index, floor: exact / weightSum, remainder: exact % weightSum };
  });
  let leftover = amount - shares.reduce((s, p) => s + p.floor, 0n);
  const byRemainder = [...shares].sort((a, b) =>
    a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1,
  );
  for (const share of byRemainder) {
    if (leftover === 0n) break;
    share.floor += 1n;
    leftover -= 1n;
  }
  return shares.map((s) => checked(sign * s.floor, total.currency));
}

/**
 * `percent`% of an amount, e.g. 13% VAT or a 6.5% commission, rounded to a whole minor unit.
 * `percent` is exact decimal text (`'13'`, `'6.5'`) or a number written the same way; no float maths.
 */
export function percentageOf(m: Money, percent: string | number, rounding: MoneyRounding = 'half-up'): Money {
  const rate = parseDecimal(String(percent));
  if (!rate) throw new AppError('bad_request', 'money.invalid_percent', { percent: String(percent) });
  const denominator = 100n * 10n ** BigInt(rate.scale);
  return checked(roundDiv(BigInt(m.amountMinor) * rate.digits, denominator, rounding), m.currency);
}

/**
 * Parse decimal text (`'19.90'`, `'19.9'`, `'-3'`, `'1200'` for JPY) into minor units. No floats,
 * no grouping separators, no currency symbols; more fraction digits than the currency allows are
 * accepted only if they are zeros (`'19.900'`), otherwise the input is rejected rather than rounded.
 */
export function parseMoney(text: string, currency: string): Money {
  const digits = minorDigits(currency);
  const minor = parseScaled(text, digits);
  if (minor === null) {
    throw new AppError('bad_request', 'money.invalid_amount', { value: text, currency, digits });
  }
  return checked(minor, currency);
}

/** Plain decimal text with the currency's fraction digits (`'19.90'`, `'-0.05'`, `'1200'`); inverse of parseMoney. */
export function toDecimalString(m: Money): string {
  return formatScaled(BigInt(m.amountMinor), minorDigits(m.currency));
}

export interface FormatMoneyOptions {
  /** `symbol` (¥19.90), `code` (CNY 19.90) or `none` (19.90). Default `symbol`. */
  display?: 'symbol' | 'code' | 'none';
  /** Thousands separators. Default true. */
  grouping?: boolean;
}

/** Display text for a user, e.g. `¥1,234.50` (zh-CN) or `CN¥1,234.50` (en). Exact: formats the decimal text, not a float. */
export function formatMoney(
  m: Money,
  locale: MoneyLocale = 'zh-CN',
  options: FormatMoneyOptions = {},
): string {
  const digits = minorDigits(m.currency);
  const display = options.display ?? 'symbol';
  const format = new Intl.NumberFormat(locale, {
    ...(display === 'none'
      ? { style: 'decimal' as const }
      : { style: 'currency' as const, currency: m.currency, currencyDisplay: display }),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: options.grouping ?? true,
  });
  // Intl formats a decimal string exactly (no conversion to a double).
  return format.format(toDecimalString(m) as `${number}`);
}
