/**
 * The only place that reads the wall clock. Domain code takes `now: Date` as a parameter; processes
 * (HTTP app, job runner, outbox dispatcher) hold a Clock and ask it once per unit of work.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = {
  now: () => new Date(),
};

/** A clock for tests: frozen until moved with `set` or `advance`. */
export interface TestClock extends Clock {
  set(at: Date | string): void;
  advance(ms: number): void;
}

export function fixedClock(at: Date | string): TestClock {
  let current = toDate(at);
  return {
    now: () => new Date(current.getTime()),
    set(next) {
      current = toDate(next);
    },
    advance(ms) {
      if (!Number.isFinite(ms)) throw new RangeError(`cannot advance a clock by ${ms} ms`);
      current = new Date(current.getTime() + ms);
    },
  };
}

function toDate(value: Date | string): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(value.getTime());
  if (Number.isNaN(date.getTime())) throw new RangeError(`invalid instant: ${String(value)}`);
  return date;
}
