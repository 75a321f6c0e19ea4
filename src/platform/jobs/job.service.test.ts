import { describe, expect, it } from 'vitest';
import { quiet, TEST_USER, useJobQueueFixture } from './fixtures/test-helpers';
import { createJobRunner, listJobs, requestCancel } from './index';

const user = TEST_USER;
const otherUser = '0193a000-0000-7000-8000-000000000002';

describe('job queue: enqueue, cancel, list (PGlite)', () => {
  const { fixture, enqueue } = useJobQueueFixture();

  it('cancels a queued job at once; a finished job cannot be cancelled', async () => {
    const job = await enqueue('report.sales');
    const cancelled = await requestCancel(fixture.t.db, job.id, fixture.clock.now());
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelRequested: true });
    expect(cancelled.finishedAt?.toISOString()).toBe('2026-11-22T02:00:00.000Z');
    const runner = createJobRunner({
      db: fixture.t.db,
      now: fixture.clock.now,
      onError: quiet,
      handlers: { 'report.sales': async () => 1 },
    });
    expect(await runner.runOnce()).toBe(0);
    expect((await requestCancel(fixture.t.db, job.id, fixture.clock.now())).status).toBe('cancelled');

    const finished = await enqueue('report.sales');
    await runner.runOnce();
    await expect(requestCancel(fixture.t.db, finished.id, fixture.clock.now())).rejects.toMatchObject({
      code: 'job_not_cancellable',
    });
    await expect(requestCancel(fixture.t.db, otherUser, fixture.clock.now())).rejects.toMatchObject({
      code: 'job_not_found',
    });
  });

  it('lists a user’s jobs newest first with a cursor', async () => {
    for (let i = 0; i < 5; i++) {
      await enqueue('report.sales', { i });
      fixture.clock.advance(1000);
    }
    await enqueue('report.sales', { i: 'other' }, { createdBy: otherUser });
    const page1 = await listJobs(fixture.t.db, { createdBy: user, limit: 2 });
    expect(page1.items.map((j) => (j.payload as { i: number }).i)).toEqual([4, 3]);
    const page2 = await listJobs(fixture.t.db, { createdBy: user, limit: 2, cursor: page1.nextCursor! });
    const page3 = await listJobs(fixture.t.db, { createdBy: user, limit: 2, cursor: page2.nextCursor! });
    expect(page2.items.map((j) => (j.payload as { i: number }).i)).toEqual([2, 1]);
    expect(page3.items.map((j) => (j.payload as { i: number }).i)).toEqual([0]);
    expect(page3.nextCursor).toBeNull();
    expect((await listJobs(fixture.t.db, { limit: 50 })).items).toHaveLength(6);
    expect((await listJobs(fixture.t.db, { limit: 50, kind: 'nothing' })).items).toHaveLength(0);
  });
});
