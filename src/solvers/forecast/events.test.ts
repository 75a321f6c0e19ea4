import { describe, expect, it } from 'vitest';
import { estimateUplifts, eventCalendar, forecastDaily, midAutumnDate, springFestivalDate } from './events';
import { createRandom } from './stats';

const DAY_MS = 86_400_000;
const toDay = (d: string) => Date.parse(`${d}T00:00:00Z`) / DAY_MS;
const fromDay = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Daily demand 2022-01-01…2025-10-31: weekly pattern, Double-11 spike, Spring Festival dip, a promotion. */
function synthetic() {
  const rand = createRandom(7);
  const dates: string[] = [];
  const values: number[] = [];
  for (let d = toDay('2022-01-01'); d <= toDay('2025-10-31'); d++) {
    const date = fromDay(d);
    const year = Number(date.slice(0, 4));
    const dow = new Date(d * DAY_MS).getUTCDay();
    let level = 100 * (dow === 0 || dow === 6 ? 1.2 : 1) * (0.9 + 0.2 * rand());
    if (date.endsWith('-11-11')) level *= 5;
    if (date.endsWith('-11-10')) level *= 2;
    const sf = d - toDay(springFestivalDate(year) as string);
    if (sf >= -10 && sf <= -1) level *= 0.5;
    else if (sf >= 0 && sf <= 6) level *= 0.3;
    else if (sf >= 7 && sf <= 15) level *= 0.7;
    if (date >= '2024-05-20' && date <= '2024-05-22') level *= 3;
    if (date >= '2025-05-20' && date <= '2025-05-22') level *= 3;
    dates.push(date);
    values.push(Math.round(level));
  }
  return { dates, values };
}

const promotions = [
  { name: 'brand-day', start: '2024-05-20', end: '2024-05-22' },
  { name: 'brand-day', start: '2025-05-20', end: '2025-05-22' },
  { name: 'brand-day', start: '2025-12-01', end: '2025-12-03' },
];

describe('Chinese retail calendar', () => {
  it('knows the lunar dates, the make-up working days and the statutory holidays', () => {
    expect(springFestivalDate(2025)).toBe('2025-01-29');
    expect(springFestivalDate(2026)).toBe('2026-02-17');
    expect(midAutumnDate(2024)).toBe('2024-09-17');
    expect(midAutumnDate(2025)).toBe('2025-10-06');
    const cal = eventCalendar(toDay('2025-01-01'), toDay('2025-12-31'));
    expect(cal.get(toDay('2025-09-28'))?.event).toBe('makeup_workday'); // 调休 Sunday
    expect(cal.get(toDay('2025-05-01'))?.event).toBe('holiday:Labour Day');
    expect(cal.get(toDay('2025-10-01'))?.event).toBe('mid_autumn'); // window wins over the holiday
    expect(cal.get(toDay('2025-01-29'))).toMatchObject({ event: 'spring_festival', offset: 0 });
    expect(cal.get(toDay('2025-01-20'))).toMatchObject({ event: 'spring_festival_pre', offset: -9 });
    expect(cal.get(toDay('2025-11-11'))).toMatchObject({ event: 'double11', offset: 0 });
    expect(cal.get(toDay('2025-06-18'))?.event).toBe('618');
    expect(cal.get(toDay('2025-12-12'))?.event).toBe('double12');
    expect(cal.get(toDay('2025-03-12'))).toBeUndefined();
  });

  it('shrinks an uplift seen once towards no uplift', () => {
    const e = { event: 'double11', offset: 0, pool: 'double11' };
    const u = estimateUplifts([400], [100], [e])(e);
    expect(u).toBeGreaterThan(1.5);
    expect(u).toBeLessThan(3);
  });
});

describe('forecastDaily', () => {
  const { dates, values } = synthetic();
  const f = forecastDaily({ dates, values, horizon: 130, promotions });
  const at = (d: string) => f.mean[f.dates.indexOf(d)];

  it('forecasts the days after the history', () => {
    expect(f.dates[0]).toBe('2025-11-01');
    expect(f.mean).toHaveLength(130);
    expect(f.quantiles.every((q) => q.values.length === 130)).toBe(true);
  });

  it('keeps the baseline free of the event spikes', () => {
    // 2025-11-04 is an ordinary Tuesday; the true level is about 100.
    expect(at('2025-11-04')).toBeGreaterThan(85);
    expect(at('2025-11-04')).toBeLessThan(115);
  });

  it('carries the Double-11 uplift into the next occurrence', () => {
    expect(at('2025-11-11') / at('2025-11-04')).toBeGreaterThan(3);
    const ev = f.events.find((e) => e.date === '2025-11-11');
    expect(ev?.event).toBe('double11');
    expect(ev?.uplift).toBeGreaterThan(3);
    // The quantiles move with the mean.
    const p90 = f.quantiles.find((q) => q.p === 0.9)?.values ?? [];
    expect(p90[f.dates.indexOf('2025-11-11')]).toBeGreaterThan(3 * at('2025-11-04'));
  });

  it('carries the Spring Festival dip, before, during and after the holiday', () => {
    const ordinary = at('2026-01-20'); // a Tuesday, like 2026-02-17
    expect(at('2026-02-17') / ordinary).toBeLessThan(0.45); // holiday week, true 0.3
    expect(at('2026-02-10') / ordinary).toBeLessThan(0.7); // pre-holiday dip, true 0.5
    expect(at('2026-02-10') / ordinary).toBeGreaterThan(0.35);
    expect(at('2026-02-26') / ordinary).toBeLessThan(0.85); // slow restart, true 0.7
    expect(f.events.find((e) => e.date === '2026-02-17')?.event).toBe('spring_festival');
  });

  it('applies a repeated user promotion', () => {
    expect(at('2025-12-02') / at('2025-11-25')).toBeGreaterThan(2);
    expect(f.events.find((e) => e.date === '2025-12-02')?.event).toBe('promotion:brand-day');
  });
});
