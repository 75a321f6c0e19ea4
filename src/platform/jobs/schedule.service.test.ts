import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/database';
import { openTestDatabase, type TestDatabase, testPostgresUrl } from '../lib/test-database';
import { fixedClock, type TestClock } from '../time/clock';
import { quiet } from './fixtures/test-helpers';
import {
  createJobRunner,
  dueDay,
  enqueueDueSchedules,
  listJobs,
  listSchedules,
  localTimeOf,
  scheduleDaily,
} from './index';

describe('dueDay', () => {
  const at = (iso: string) => new Date(iso);
  it('is due once the local time has passed, on a day not yet run', () => {
    const s = { atLocalTime: '02:00', timeZone: 'Asia/Shanghai', lastDay: null };
    // 01:59 and 02:00 in Shanghai on 2026-11-23 (UTC+8).
    expect(dueDay(s, at('2026-11-22T17:59:00Z'))).toBeNull();
    expect(dueDay(s, at('2026-11-22T18:00:00Z'))).toBe('2026-11-23');
    expect(dueDay({ ...s, lastDay: '2026-11-23' }, at('2026-11-23T10:00:00Z'))).toBeNull();
    expect(dueDay({ ...s, lastDay: '2026-11-22' }, at('2026-11-23T10:00:00Z'))).toBe('2026-11-23');
    // The same instant is still 2026-11-22 in New York: the zone decides the day.
    expect(dueDay({ ...s, timeZone: 'America/New_York' }, at('2026-11-23T10:00:00Z'))).toBe('2026-11-23');
    expect(dueDay({ ...s, timeZone: 'America/New_York' }, at('2026-11-23T06:00:00Z'))).toBeNull();
  });
  it('reads local wall-clock time in the zone', () => {
    expect(localTimeOf(at('2026-11-22T16:05:00Z'), 'Asia/Shanghai')).toBe('00:05');
    expect(localTimeOf(at('2026-11-22T16:05:00Z'), 'UTC')).toBe('16:05');
  });
});

describe('daily schedules on PGlite', () => {
  let t: TestDatabase;
  let clock: TestClock;
  beforeAll(async () => {
    t = await openTestDatabase('pglite');
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    clock = fixedClock('2026-11-22T17:00:00Z'); // 01:00 on 2026-11-23 in Shanghai
    await t.db.deleteFrom('platform.job').execute();
    await t.db.deleteFrom('platform.job_schedule' as never).execute();
  });

  it('enqueues a kind once per business day, after its local time', async () => {
    await scheduleDaily(t.db, {
      kind: 'demo.daily',
      atLocalTime: '02:00',
      payload: { a: 1 },
      now: clock.now(),
    });
    expect(await enqueueDueSchedules(t.db, clock.now())).toEqual([]);
    clock.advance(60 * 60_000); // 02:00 local
    const [job] = await enqueueDueSchedules(t.db, clock.now());
    expect(job).toMatchObject({
      kind: 'demo.daily',
      status: 'queued',
      payload: { a: 1, scheduledDay: '2026-11-23' },
    });
    expect(await enqueueDueSchedules(t.db, clock.now())).toEqual([]);
    clock.advance(12 * 60 * 60_000); // later the same day
    expect(await enqueueDueSchedules(t.db, clock.now())).toEqual([]);
    // Re-declaring the schedule at start-up keeps what already ran today.
    await scheduleDaily(t.db, { kind: 'demo.daily', atLocalTime: '02:00', now: clock.now() });
    expect(await enqueueDueSchedules(t.db, clock.now())).toEqual([]);
    clock.advance(12 * 60 * 60_000); // 02:00 the next day
    const [next] = await enqueueDueSchedules(t.db, clock.now());
    expect(next.payload).toMatchObject({ scheduledDay: '2026-11-24' });
    const [schedule] = await listSchedules(t.db);
    expect(schedule).toMatchObject({ lastDay: '2026-11-24', lastJobId: next.id });
    const { items } = await listJobs(t.db, { kind: 'demo.daily', limit: 10 });
    expect(items).toHaveLength(2);
  });

  it('skips disabled schedules and kinds the caller does not handle', async () => {
    clock.set('2026-11-23T05:00:00Z');
    await scheduleDaily(t.db, { kind: 'demo.off', atLocalTime: '01:00', enabled: false, now: clock.now() });
    await scheduleDaily(t.db, { kind: 'demo.other', atLocalTime: '01:00', now: clock.now() });
    expect(await enqueueDueSchedules(t.db, clock.now(), ['demo.off', 'demo.mine'])).toEqual([]);
    // Re-declared at start-up without `enabled`, a paused schedule stays paused.
    await scheduleDaily(t.db, { kind: 'demo.off', atLocalTime: '01:00', now: clock.now() });
    expect((await enqueueDueSchedules(t.db, clock.now())).map((j) => j.kind)).toEqual(['demo.other']);
  });

  it('refuses a malformed time or zone', async () => {
    await expect(
      scheduleDaily(t.db, { kind: 'demo.bad', atLocalTime: '24:00', now: clock.now() }),
    ).rejects.toMatchObject({
      code: 'job_schedule_invalid',
    });
    await expect(
      scheduleDaily(t.db, {
        kind: 'demo.bad',
        atLocalTime: '02:00',
        timeZone: 'Mars/Olympus',
        now: clock.now(),
      }),
    ).rejects.toMatchObject({ code: 'job_schedule_invalid' });
  });

  it('the runner enqueues due schedules and runs them by itself', async () => {
    clock.set('2026-11-23T01:00:00Z'); // 09:00 in Shanghai
    await scheduleDaily(t.db, { kind: 'demo.run', atLocalTime: '08:30', now: clock.now() });
    const seen: unknown[] = [];
    const runner = createJobRunner({
      db: t.db,
      now: clock.now,
      onError: quiet,
      checkSchedulesMs: 60_000,
      handlers: {
        'demo.run': async (ctx) => {
          seen.push(ctx.job.payload);
          return null;
        },
      },
    });
    expect(await runner.runOnce()).toBe(1);
    expect(await runner.runOnce()).toBe(0);
    expect(seen).toEqual([{ scheduledDay: '2026-11-23' }]);
    // A runner without `checkSchedulesMs` never enqueues.
    clock.advance(24 * 60 * 60_000);
    const plain = createJobRunner({
      db: t.db,
      now: clock.now,
      onError: quiet,
      handlers: { 'demo.run': async () => null },
    });
    expect(await plain.runOnce()).toBe(0);
  });
});

describe.skipIf(!testPostgresUrl)('daily schedules on PostgreSQL with several processes', () => {
  let t: TestDatabase;
  const others: Database[] = [];
  beforeAll(async () => {
    t = await openTestDatabase('postgres');
    for (let i = 0; i < 3; i++)
      others.push(await openDatabase({ kind: 'postgres', url: t.url!, maxConnections: 4 }));
  });
  afterAll(async () => {
    for (const o of others) await o.close();
    await t?.close();
  });

  it('enqueues once however many processes poll at the same moment', async () => {
    const now = new Date('2026-11-23T02:00:00Z');
    await scheduleDaily(t.db, { kind: 'demo.race', atLocalTime: '00:15', now });
    const dbs = [t.db, ...others.map((o) => o.db)];
    const made = await Promise.all(
      Array.from({ length: 24 }, (_, i) => enqueueDueSchedules(dbs[i % dbs.length], now)),
    );
    expect(made.flat()).toHaveLength(1);
    const { items } = await listJobs(t.db, { kind: 'demo.race', limit: 10 });
    expect(items).toHaveLength(1);
  });
});
