import { describe, expect, it } from 'vitest';
import { dateOf, epochDay } from './days';
import { backtestOne, forecastOne, type SeriesTask } from './forecast.compute';

/** Weekly pattern (weekends × 1.5) around 20 a day, a little deterministic noise, from 2025-01-06. */
function weekly(n: number): SeriesTask {
  const values = Array.from({ length: n }, (_, t) =>
    Math.round((t % 7 >= 5 ? 30 : 20) + ((t * 7919) % 5) - 2),
  );
  return {
    key: 's',
    firstDay: '2025-01-06',
    values,
    stockout: values.map(() => false),
    promotions: [],
    upliftOverrides: {},
  };
}

describe('forecast computation for one series', () => {
  it('forecasts the horizon after the last day with ordered quantiles and the weekly pattern', () => {
    const task = weekly(364);
    const f = forecastOne(task, 28);
    expect(f.firstDay).toBe(dateOf(epochDay('2025-01-06') + 364));
    expect(f.mean).toHaveLength(28);
    for (let h = 0; h < 28; h++) {
      expect(f.p10[h]).toBeLessThanOrEqual(f.p50[h]);
      expect(f.p50[h]).toBeLessThanOrEqual(f.p90[h]);
    }
    // Weekend days (t % 7 ≥ 5 continues: day 364 is t % 7 = 0) forecast higher than weekdays.
    const weekend = (f.mean[5] + f.mean[6]) / 2;
    const weekday = (f.mean[0] + f.mean[1] + f.mean[2]) / 3;
    expect(weekend / weekday).toBeGreaterThan(1.3);
  });

  it('a planner-entered uplift replaces the estimated one on the promotion’s days', () => {
    const task = weekly(364);
    const start = dateOf(epochDay('2025-01-06') + 364 + 10);
    const promo = { name: 'P1', start, end: start };
    const plain = forecastOne({ ...task, promotions: [promo] }, 28);
    const lifted = forecastOne({ ...task, promotions: [promo], upliftOverrides: { P1: 3 } }, 28);
    expect(lifted.events.find((e) => e.date === start)).toEqual({
      date: start,
      event: 'promotion:P1',
      uplift: 3,
    });
    const estimated = plain.events.find((e) => e.date === start)!.uplift;
    expect(lifted.mean[10]).toBeCloseTo((plain.mean[10] / estimated) * 3, 1);
    expect(lifted.mean[9]).toBe(plain.mean[9]);
  });

  it('short histories get a plain forecast; stock-out days are not taken as low demand', () => {
    const short = forecastOne(
      { ...weekly(10), values: Array(10).fill(5), stockout: Array(10).fill(false) },
      7,
    );
    expect(short.mean).toHaveLength(7);
    expect(short.mean[0]).toBeCloseTo(5, 1);
    const task = weekly(364);
    const censored = { ...task, values: [...task.values], stockout: [...task.stockout] };
    for (let t = 350; t < 364; t++) {
      censored.values[t] = 0;
      censored.stockout[t] = true;
    }
    const asZero = forecastOne({ ...censored, stockout: task.stockout }, 7);
    const imputed = forecastOne(censored, 7);
    expect(imputed.mean[0]).toBeGreaterThan(asZero.mean[0] * 1.5);
  });

  it('backtest: rolling origins with WAPE and bias as the hand computation says', () => {
    // 10 a day except one noisy week at the start; the last 28 days sold 12 a day. The first three
    // origins forecast ≈ 10 and see 10; the last forecasts ≈ 10 and sees 12:
    // WAPE = 28 · 2 / (3 · 280 + 336) = 56 / 1176 = 0.0476; bias = −0.0476.
    const n = 400;
    const values = Array.from({ length: n }, (_, t) => (t >= 7 && t < 14 ? 17 : t >= n - 28 ? 12 : 10));
    const b = backtestOne(
      {
        key: 'b',
        firstDay: '2025-03-03',
        values,
        stockout: values.map(() => false),
        promotions: [],
        upliftOverrides: {},
      },
      4,
      28,
    );
    expect(b.origins).toBe(4);
    expect(b.points).toBe(112);
    expect(b.actualSum).toBe(1176);
    expect(b.wape!).toBeCloseTo(56 / 1176, 2);
    expect(b.bias!).toBeCloseTo(-56 / 1176, 2);
    // MASE: only the last origin errs (MAE 2); its scale is 98 / (372 − 7); averaged over 4 origins.
    expect(b.mase!).toBeGreaterThan((2 / (98 / 365) / 4) * 0.97);
    expect(b.mase!).toBeLessThan((2 / (98 / 365) / 4) * 1.05);
  });
});
