import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors';
import {
  addDays,
  addWorkingDays,
  businessDayOf,
  businessDayRange,
  describeDay,
  HOLIDAY_DATA_YEARS,
  isWorkingDay,
  workingDaysBetween,
} from './calendar';
import { fixedClock, systemClock } from './clock';

describe('isWorkingDay (China, with 调休)', () => {
  it('2025 National Day + Mid-Autumn: 1–8 Oct off, Sun 28 Sep and Sat 11 Oct are make-up working days', () => {
    for (let d = 1; d <= 8; d++) expect(isWorkingDay(`2025-10-${String(d).padStart(2, '0')}`)).toBe(false);
    expect(isWorkingDay('2025-09-28')).toBe(true); // a Sunday
    expect(isWorkingDay('2025-10-11')).toBe(true); // a Saturday
    expect(isWorkingDay('2025-10-09')).toBe(true); // Thursday after the holiday
    expect(isWorkingDay('2025-10-12')).toBe(false); // ordinary Sunday
    expect(isWorkingDay('2025-09-27')).toBe(false); // ordinary Saturday
    expect(describeDay('2025-09-28')).toEqual({
      date: '2025-09-28',
      working: true,
      kind: 'makeup_workday',
      holiday: { zh: '国庆节', en: 'National Day' },
    });
    expect(describeDay('2025-10-06').kind).toBe('holiday');
  });

  it('2026 Spring Festival: 15–23 Feb off, Sat 14 Feb and Sat 28 Feb are working days', () => {
    for (let d = 15; d <= 23; d++) expect(isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(isWorkingDay('2026-02-14')).toBe(true);
    expect(isWorkingDay('2026-02-28')).toBe(true);
    expect(isWorkingDay('2026-02-24')).toBe(true);
    expect(describeDay('2026-02-17').holiday).toEqual({ zh: '春节', en: 'Spring Festival' });
    expect(describeDay('2026-02-13')).toMatchObject({ working: true, kind: 'workday', holiday: null });
  });

  it('falls back to Monday–Friday for years not yet announced, and rejects bad dates', () => {
    expect(HOLIDAY_DATA_YEARS.last).toBeGreaterThanOrEqual(2026);
    expect(isWorkingDay('2099-06-01')).toBe(true); // a Monday
    expect(isWorkingDay('2099-06-06')).toBe(false); // a Saturday
    for (const bad of ['2025-02-30', '2025-13-01', '20251001', '2025-1-1']) {
      expect(() => isWorkingDay(bad)).toThrow(AppError);
    }
  });
});

describe('working-day arithmetic', () => {
  it('adds working days across National Day and its make-up Saturday', () => {
    // Tue 30 Sep + 1 working day → Thu 9 Oct (1–8 Oct off).
    expect(addWorkingDays('2025-09-30', 1)).toBe('2025-10-09');
    // Fri 26 Sep + 1 → Sun 28 Sep (make-up day), + 2 → Mon 29 Sep.
    expect(addWorkingDays('2025-09-26', 1)).toBe('2025-09-28');
    expect(addWorkingDays('2025-09-26', 2)).toBe('2025-09-29');
    // Fri 10 Oct + 1 → Sat 11 Oct (make-up day).
    expect(addWorkingDays('2025-10-10', 1)).toBe('2025-10-11');
    expect(addWorkingDays('2025-10-09', -1)).toBe('2025-09-30');
    // Roll forward with n = 0.
    expect(addWorkingDays('2025-10-03', 0)).toBe('2025-10-09');
    expect(addWorkingDays('2025-10-09', 0)).toBe('2025-10-09');
    // Spring Festival 2026: Fri 13 Feb + 2 → Tue 24 Feb (Sat 14 Feb counts).
    expect(addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
  });

  it('counts working days in (from, to]', () => {
    expect(workingDaysBetween('2025-09-30', '2025-10-09')).toBe(1);
    // Sat 27 Sep off; Sun 28, Mon 29, Tue 30 Sep; 1–8 Oct off; Thu 9, Fri 10, Sat 11 Oct; Sun 12 off.
    expect(workingDaysBetween('2025-09-26', '2025-10-12')).toBe(6);
    expect(workingDaysBetween('2025-10-12', '2025-09-26')).toBe(-6);
    expect(workingDaysBetween('2026-02-13', '2026-02-28')).toBe(6); // 14, 24, 25, 26, 27, 28
    expect(workingDaysBetween('2026-02-13', '2026-02-13')).toBe(0);
  });

  it('property: workingDaysBetween(d, addWorkingDays(d, n)) = n', () => {
    const start = Date.UTC(2024, 0, 1);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 365 * 3 }), fc.integer({ min: 1, max: 60 }), (offset, n) => {
        const d = new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
        const target = addWorkingDays(d, n);
        expect(isWorkingDay(target)).toBe(true);
        expect(workingDaysBetween(d, target)).toBe(n);
        expect(addDays(target, 0)).toBe(target);
      }),
    );
  });
});

describe('businessDayOf', () => {
  it('takes the day in Asia/Shanghai (UTC+8) by default', () => {
    expect(businessDayOf(new Date('2026-11-21T15:59:59Z'))).toBe('2026-11-21');
    expect(businessDayOf(new Date('2026-11-21T16:00:00Z'))).toBe('2026-11-22');
    expect(businessDayOf(new Date('2026-11-21T16:00:00Z'), 'UTC')).toBe('2026-11-21');
    expect(businessDayOf(new Date('2026-03-08T07:30:00Z'), 'America/Los_Angeles')).toBe('2026-03-07');
  });

  it('gives the instants a business day spans', () => {
    expect(businessDayRange('2026-11-22')).toEqual({
      start: new Date('2026-11-21T16:00:00Z'),
      end: new Date('2026-11-22T16:00:00Z'),
    });
    // A 23-hour day (DST starts in Los Angeles on 2026-03-08).
    const { start, end } = businessDayRange('2026-03-08', 'America/Los_Angeles');
    expect(start.toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(end.toISOString()).toBe('2026-03-09T07:00:00.000Z');
  });
});

describe('clocks', () => {
  it('a fixed clock stands still until set or advanced, and hands out copies', () => {
    const clock = fixedClock('2026-11-22T01:00:00Z');
    const first = clock.now();
    first.setTime(0);
    expect(clock.now().toISOString()).toBe('2026-11-22T01:00:00.000Z');
    clock.advance(90_000);
    expect(clock.now().toISOString()).toBe('2026-11-22T01:01:30.000Z');
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(() => fixedClock('not a date')).toThrow(RangeError);
  });

  it('the system clock reads the wall clock', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now - before).toBeLessThan(1000);
  });
});
