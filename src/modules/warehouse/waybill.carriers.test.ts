import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextCutoff } from './waybill.carriers';
import { formatWaybill, isLocalWaybill, mod10CheckDigit } from './waybill.gateway';

describe('carrier cut-off', () => {
  it('is today’s truck while it has not left, else tomorrow’s (Shanghai time)', () => {
    // 10:00 and 17:30 in Shanghai on 26 Nov 2026 (UTC+8).
    expect(nextCutoff(new Date('2026-11-26T02:00:00Z'), '17:00').toISOString()).toBe(
      '2026-11-26T09:00:00.000Z',
    );
    expect(nextCutoff(new Date('2026-11-26T09:30:00Z'), '17:00').toISOString()).toBe(
      '2026-11-27T09:00:00.000Z',
    );
    expect(nextCutoff(new Date('2026-11-26T09:00:00Z'), '17:00').toISOString()).toBe(
      '2026-11-26T09:00:00.000Z',
    );
    // 01:00 Shanghai is still the evening before in UTC: the day is Shanghai's.
    expect(nextCutoff(new Date('2026-11-25T17:00:00Z'), '18:00').toISOString()).toBe(
      '2026-11-26T10:00:00.000Z',
    );
    expect(() => nextCutoff(new Date(), '24:00')).toThrow(RangeError);
  });

  it('is always within a day ahead (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 1439 }),
        (now, minute) => {
          const hhmm = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
          const at = nextCutoff(now, hhmm);
          expect(at.getTime()).toBeGreaterThanOrEqual(now.getTime());
          expect(at.getTime() - now.getTime()).toBeLessThanOrEqual(86_400_000);
          expect(((at.getUTCHours() + 8) % 24) * 60 + at.getUTCMinutes()).toBe(minute);
        },
      ),
    );
  });
});

describe('local waybill numbers', () => {
  it('carry the carrier prefix, a 12-digit serial and a GS1 mod-10 check digit', () => {
    expect(mod10CheckDigit('629104150021')).toBe(3); // the EAN-13 6291041500213
    expect(formatWaybill('SF', 1)).toBe(`SF000000000001${mod10CheckDigit('000000000001')}`);
    expect(formatWaybill('ZTO', 123_456_789_012)).toMatch(/^ZT123456789012\d$/);
    expect(() => formatWaybill('SF', 0)).toThrow(RangeError);
  });

  it('detect any single mistyped digit (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 999_999_999_999 }),
        fc.integer({ min: 2, max: 14 }),
        fc.integer({ min: 1, max: 9 }),
        (serial, pos, shift) => {
          const good = formatWaybill('YTO', serial);
          expect(isLocalWaybill(good)).toBe(true);
          const digit = (Number(good[pos]) + shift) % 10;
          expect(isLocalWaybill(`${good.slice(0, pos)}${digit}${good.slice(pos + 1)}`)).toBe(false);
        },
      ),
    );
    expect(isLocalWaybill('XX0000000000017')).toBe(false);
  });
});
