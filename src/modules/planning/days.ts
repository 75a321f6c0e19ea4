/** Calendar days as epoch-day integers (UTC arithmetic on YYYY-MM-DD; no time zones involved). Pure. */

const DAY_MS = 86_400_000;

export function epochDay(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

export const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const plusDays = (date: string, days: number): string => dateOf(epochDay(date) + days);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => epochDay(to) - epochDay(from);

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (date: string): number => new Date(epochDay(date) * DAY_MS).getUTCDay();
