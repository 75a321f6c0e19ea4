import holidayData from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { AppError } from '../lib/errors';

/**
 * The business calendar of mainland China: statutory holidays (法定节假日) and the weekend days the
 * State Council turns into working days (调休补班). Days are plain `YYYY-MM-DD` strings (a business
 * day, not an instant); `businessDayOf` turns an instant into the day in a given zone.
 *
 * The data is chinese-days' published table (2004 onwards, updated each year when the State Council
 * announces the next year's arrangement). We read the table rather than its helper functions because
 * those compute days with the process's local time zone and give wrong answers west of UTC. For a year
 * not yet announced (see `HOLIDAY_DATA_YEARS`), days fall back to Monday–Friday.
 */
export type IsoDate = string;

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface CalendarDay {
  date: IsoDate;
  working: boolean;
  kind: DayKind;
  /** The holiday a day off or a make-up working day belongs to. */
  holiday: { zh: string; en: string } | null;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const holidays: Readonly<Record<string, string>> = holidayData.holidays;
const makeupWorkdays: Readonly<Record<string, string>> = holidayData.workdays;

const years = Object.keys(holidays).map((d) => Number(d.slice(0, 4)));
/** Years for which the official arrangement is known. */
export const HOLIDAY_DATA_YEARS = { first: Math.min(...years), last: Math.max(...years) } as const;

function epochDay(date: IsoDate): number {
  const match = DATE.exec(date);
  if (match) {
    const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const ms = Date.UTC(y, m - 1, d);
    const check = new Date(ms);
    if (check.getUTCFullYear() === y && check.getUTCMonth() === m - 1 && check.getUTCDate() === d) {
      return ms / DAY_MS;
    }
  }
  throw new AppError('bad_request', 'calendar.invalid_date', { value: date });
}

const fromEpochDay = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);

export function isIsoDate(value: string): boolean {
  try {
    epochDay(value);
    return true;
  } catch {
    return false;
  }
}

export const addDays = (date: IsoDate, days: number): IsoDate => fromEpochDay(epochDay(date) + days);

/** 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (date: IsoDate): number => new Date(epochDay(date) * DAY_MS).getUTCDay();

/** Whether the official arrangement for this date's year is known (otherwise plain Monday–Friday). */
export const hasOfficialSchedule = (date: IsoDate): boolean => {
  const year = Number(date.slice(0, 4));
  return year >= HOLIDAY_DATA_YEARS.first && year <= HOLIDAY_DATA_YEARS.last;
};

function holidayName(entry: string): { zh: string; en: string } {
  const [en, zh] = entry.split(',');
  return { zh, en };
}

export function describeDay(date: IsoDate): CalendarDay {
  const weekday = dayOfWeek(date);
  const makeup = makeupWorkdays[date];
  if (makeup) return { date, working: true, kind: 'makeup_workday', holiday: holidayName(makeup) };
  const holiday = holidays[date];
  if (holiday) return { date, working: false, kind: 'holiday', holiday: holidayName(holiday) };
  const weekend = weekday === 0 || weekday === 6;
  return { date, working: !weekend, kind: weekend ? 'weekend' : 'workday', holiday: null };
}

/** A working day: Monday–Friday that is not a statutory holiday, or a weekend day made a working day (调休). */
export function isWorkingDay(date: IsoDate): boolean {
  epochDay(date);
  if (makeupWorkdays[date]) return true;
  if (holidays[date]) return false;
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6;
}

/**
 * The `n`th working day after `date` (before it for negative `n`); `date` itself is not counted.
 * `n = 0` rolls forward: `date` if it is a working day, otherwise the next working day.
 */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isSafeInteger(n)) throw new RangeError(`working days must be an integer, got ${n}`);
  let day = epochDay(date);
  if (n === 0) {
    while (!isWorkingDay(fromEpochDay(day))) day++;
    return fromEpochDay(day);
  }
  const step = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isWorkingDay(fromEpochDay(day))) left--;
  }
  return fromEpochDay(day);
}

/**
 * Working days in the half-open range (from, to]: how many working days `to` is after `from`
 * (so a parcel shipped on `from` and delivered on `to` took this many working days). Negative when
 * `to` is before `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const start = epochDay(from);
  const end = epochDay(to);
  if (end < start) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = start + 1; day <= end; day++) if (isWorkingDay(fromEpochDay(day))) count++;
  return count;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();
/**
 * The last minute asked for per time zone: offsets are whole minutes, so every instant of one
 * minute has the same date, hour and minute (only the seconds differ), and requests come in bursts.
 */
const lastMinute = new Map<string, { minute: number; parts: Record<string, number> }>();

function partsIn(instant: Date, timeZone: string): Record<string, number> {
  const ms = instant.getTime();
  const minute = Math.floor(ms / 60_000);
  const known = lastMinute.get(timeZone);
  if (known?.minute === minute) return { ...known.parts, second: Math.floor((ms - minute * 60_000) / 1000) };
  const parts = formattedParts(instant, timeZone);
  // Old local mean times had offsets with seconds: those are not remembered.
  if (parts.second === Math.floor((ms - minute * 60_000) / 1000)) lastMinute.set(timeZone, { minute, parts });
  return { ...parts };
}

function formattedParts(instant: Date, timeZone: string): Record<string, number> {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    dayFormats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(instant))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return parts;
}

/** The calendar day an instant falls on in `timeZone` (default Asia/Shanghai), as `YYYY-MM-DD`. */
export function businessDayOf(instant: Date, timeZone = 'Asia/Shanghai'): IsoDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('invalid instant');
  const p = partsIn(instant, timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The hour of the day (0–23) at `instant` in `timeZone`. */
export function localHourOf(instant: Date, timeZone = 'Asia/Shanghai'): number {
  return partsIn(instant, timeZone).hour;
}

function offsetMs(instant: number, timeZone: string): number {
  const p = partsIn(new Date(instant), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instants a business day spans in `timeZone`: [start, end), for queries like “orders of 2026-11-22”. */
export function businessDayRange(date: IsoDate, timeZone = 'Asia/Shanghai'): { start: Date; end: Date } {
  const startOf = (day: number) => {
    const utcMidnight = day * DAY_MS;
    const guess = utcMidnight - offsetMs(utcMidnight, timeZone);
    return new Date(utcMidnight - offsetMs(guess, timeZone));
  };
  const day = epochDay(date);
  return { start: startOf(day), end: startOf(day + 1) };
}
