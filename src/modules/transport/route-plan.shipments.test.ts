import { describe, expect, it } from 'vitest';
import { businessDayRange } from '../../platform/time/calendar';
import { windowOf } from './route-plan.shipments';

describe('an order’s delivery window on the plan’s day', () => {
  const { start } = businessDayRange('2026-11-25', 'Asia/Shanghai');

  it('becomes local clock times of that day', () => {
    expect(windowOf({ from: '2026-11-25T14:00:00+08:00', to: '2026-11-25T18:30:00+08:00' }, start)).toEqual({
      windows: [{ from: '14:00', to: '18:30' }],
      passed: false,
    });
    // Given in UTC, read in the business zone.
    expect(windowOf({ from: '2026-11-25T01:00:00Z', to: '2026-11-25T03:00:00Z' }, start).windows).toEqual([
      { from: '09:00', to: '11:00' },
    ]);
  });

  it('continues into the next days past 24:00, and starts at midnight when it began earlier', () => {
    expect(
      windowOf({ from: '2026-11-26T09:00:00+08:00', to: '2026-11-26T12:00:00+08:00' }, start).windows,
    ).toEqual([{ from: '33:00', to: '36:00' }]);
    expect(
      windowOf({ from: '2026-11-24T20:00:00+08:00', to: '2026-11-25T10:00:00+08:00' }, start).windows,
    ).toEqual([{ from: '00:00', to: '10:00' }]);
    expect(
      windowOf({ from: '2026-12-25T09:00:00+08:00', to: '2026-12-25T10:00:00+08:00' }, start).windows,
    ).toEqual([{ from: '99:59', to: '99:59' }]);
  });

  it('is dropped, and said so, when it ended before the day began; none stays none', () => {
    expect(windowOf({ from: '2026-11-24T09:00:00+08:00', to: '2026-11-24T12:00:00+08:00' }, start)).toEqual({
      windows: undefined,
      passed: true,
    });
    expect(windowOf(null, start)).toEqual({ windows: undefined, passed: false });
  });
});
