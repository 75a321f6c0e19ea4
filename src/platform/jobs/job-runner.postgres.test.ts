import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../db/database';
import { openTestDatabase, type TestDatabase, testPostgresUrl } from '../lib/test-database';
import { systemClock } from '../time/clock';
import { quiet, until } from './fixtures/test-helpers';
import { createJobRunner, enqueueJob, type JobHandler, listJobs } from './index';

describe.skipIf(!testPostgresUrl)('job queue on PostgreSQL with two worker processes', () => {
  let t: TestDatabase;
  let second: Database;
  beforeAll(async () => {
    t = await openTestDatabase('postgres');
    second = await openDatabase({ kind: 'postgres', url: t.url!, maxConnections: 10 });
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('runs every job exactly once across runners claiming in parallel', async () => {
    const runs = new Map<string, string[]>();
    const handlerFor =
      (who: string): JobHandler =>
      async (ctx) => {
        runs.set(ctx.job.id, [...(runs.get(ctx.job.id) ?? []), who]);
        await new Promise((r) => setTimeout(r, 2));
        return who;
      };
    const options = { now: systemClock.now, concurrency: 4, pollMs: 5, onError: quiet };
    const a = createJobRunner({ ...options, db: t.db, workerId: 'a', handlers: { work: handlerFor('a') } });
    const b = createJobRunner({
      ...options,
      db: second.db,
      workerId: 'b',
      handlers: { work: handlerFor('b') },
    });
    const jobs = await Promise.all(
      Array.from({ length: 80 }, () =>
        enqueueJob(t.db, { kind: 'work', payload: {}, now: systemClock.now() }),
      ),
    );
    a.start();
    b.start();
    await until(async () => {
      const { items } = await listJobs(t.db, { kind: 'work', status: 'succeeded', limit: 500 });
      return items.length === jobs.length;
    }, 30_000);
    await Promise.all([a.stop(), b.stop()]);
    expect(runs.size).toBe(80);
    expect([...runs.values()].every((who) => who.length === 1)).toBe(true);
    const byA = [...runs.values()].filter((w) => w[0] === 'a').length;
    expect(byA).toBeGreaterThan(0);
    expect(byA).toBeLessThan(80);
  });
});
