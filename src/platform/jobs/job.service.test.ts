import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../lib/test-database';
import { fixedClock, type TestClock } from '../time/clock';
import { quiet } from './fixtures/test-helpers';
import { createJobRunner, enqueueJob, listJobs, requestCancel } from './index';

const user = '0193a000-0000-7000-8000-000000000001';
const otherUser = '0193a000-0000-7000-8000-000000000002';

describe('job queue: enqueue, cancel, list (PGlite)', () => {
  let t: TestDatabase;
  let clock: TestClock;
  beforeAll(async () => {
    t = await openTestDatabase('pglite');
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    clock = fixedClock('2026-11-22T02:00:00Z');
    await t.db.deleteFrom('platform.job').execute();
  });
  const enqueue = (
    kind: string,
    payload: unknown = {},
    extra: { maxAttempts?: number; createdBy?: string } = {},
  ) =>
    enqueueJob(t.db, {
      kind,
      payload,
      createdBy: extra.createdBy ?? user,
      now: clock.now(),
      maxAttempts: extra.maxAttempts,
    });

  it('cancels a queued job at once; a finished job cannot be cancelled', async () => {
    const job = await enqueue('report.sales');
    const cancelled = await requestCancel(t.db, job.id, clock.now());
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelRequested: true });
    expect(cancelled.finishedAt?.toISOString()).toBe('2026-11-22T02:00:00.000Z');
    const runner = createJobRunner({
      db: t.db,
      now: clock.now,
      onError: quiet,
      handlers: { 'report.sales': async () => 1 },
    });
    expect(await runner.runOnce()).toBe(0);
    expect((await requestCancel(t.db, job.id, clock.now())).status).toBe('cancelled');

    const finished = await enqueue('report.sales');
    await runner.runOnce();
    await expect(requestCancel(t.db, finished.id, clock.now())).rejects.toMatchObject({
      code: 'job_not_cancellable',
    });
    await expect(requestCancel(t.db, otherUser, clock.now())).rejects.toMatchObject({
      code: 'job_not_found',
    });
  });

  it('lists a user’s jobs newest first with a cursor', async () => {
    for (let i = 0; i < 5; i++) {
      await enqueue('report.sales', { i });
      clock.advance(1000);
    }
    await enqueue('report.sales', { i: 'other' }, { createdBy: otherUser });
    const page1 = await listJobs(t.db, { createdBy: user, limit: 2 });
    expect(page1.items.map((j) => (j.payload as { i: number }).i)).toEqual([4, 3]);
    const page2 = await listJobs(t.db, { createdBy: user, limit: 2, cursor: page1.nextCursor! });
    const page3 = await listJobs(t.db, { createdBy: user, limit: 2, cursor: page2.nextCursor! });
    expect(page2.items.map((j) => (j.payload as { i: number }).i)).toEqual([2, 1]);
    expect(page3.items.map((j) => (j.payload as { i: number }).i)).toEqual([0]);
    expect(page3.nextCursor).toBeNull();
    expect((await listJobs(t.db, { limit: 50 })).items).toHaveLength(6);
    expect((await listJobs(t.db, { limit: 50, kind: 'nothing' })).items).toHaveLength(0);
  });
});
