import { describe, expect, it } from 'vitest';
import { AppError } from '../lib/errors';
import { systemClock } from '../time/clock';
import { closeCpuPool, createCpuPool, runCpuTask } from './cpu-pool';
import type { ChunkedSumInput } from './fixtures/chunked-sum.worker';
import { gate, quiet, TEST_USER, until, useJobQueueFixture } from './fixtures/test-helpers';
import { createJobRunner, enqueueJob, getJob, type JobHandler, requestCancel } from './index';

const user = TEST_USER;

describe('job queue on PGlite', () => {
  const { fixture, enqueue } = useJobQueueFixture();

  it('runs a job and stores its result', async () => {
    const job = await enqueue('report.sales', { month: '2026-10' });
    expect(job).toMatchObject({
      status: 'queued',
      progress: 0,
      attempts: 0,
      createdBy: user,
      cancelRequested: false,
    });
    const seen: unknown[] = [];
    const runner = createJobRunner({
      db: fixture.t.db,
      now: fixture.clock.now,
      workerId: 'w1',
      onError: quiet,
      handlers: {
        'report.sales': async (ctx) => {
          seen.push(ctx.job.payload);
          return { rows: 42 };
        },
      },
    });
    expect(await runner.runOnce()).toBe(1);
    expect(seen).toEqual([{ month: '2026-10' }]);
    const done = await getJob(fixture.t.db, job.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      result: { rows: 42 },
      error: null,
      progress: 1,
      attempts: 1,
      lockedBy: 'w1',
    });
    expect(done?.startedAt?.toISOString()).toBe('2026-11-22T02:00:00.000Z');
    expect(done?.finishedAt?.toISOString()).toBe('2026-11-22T02:00:00.000Z');
    expect(await runner.runOnce()).toBe(0);
  });

  it('keeps the last progress message even when it was still throttled at the end', async () => {
    const job = await enqueue('import.rows');
    const runner = createJobRunner({
      db: fixture.t.db,
      now: fixture.clock.now,
      workerId: 'w1',
      onError: quiet,
      progressThrottleMs: 60_000,
      handlers: {
        'import.rows': async (ctx) => {
          ctx.progress(0.1, 'reading');
          ctx.progress(1, 'imported 3 rows');
          return { rows: 3 };
        },
      },
    });
    expect(await runner.runOnce()).toBe(1);
    const done = await getJob(fixture.t.db, job.id);
    expect(done).toMatchObject({ status: 'succeeded', progress: 1, progressMessage: 'imported 3 rows' });
  });

  it('claims only kinds it has handlers for', async () => {
    const other = await enqueue('solver.vrp');
    const runner = createJobRunner({
      db: fixture.t.db,
      now: fixture.clock.now,
      onError: quiet,
      handlers: { 'report.sales': async () => 1 },
    });
    expect(await runner.runOnce()).toBe(0);
    expect((await getJob(fixture.t.db, other.id))?.status).toBe('queued');
  });

  it('fails for good on an AppError (bad input), with code and params', async () => {
    const job = await enqueue('import.orders');
    const runner = createJobRunner({
      db: fixture.t.db,
      now: fixture.clock.now,
      onError: quiet,
      handlers: {
        'import.orders': async () => {
          throw new AppError('bad_request', 'import.bad_header', { column: 'sku' });
        },
      },
    });
    await runner.runOnce();
    fixture.clock.advance(3_600_000);
    expect(await runner.runOnce()).toBe(0);
    expect(await getJob(fixture.t.db, job.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { code: 'import.bad_header', params: { column: 'sku' } },
    });
  });

  it('retries an unexpected error with backoff, then succeeds; gives up after maxAttempts', async () => {
    let calls = 0;
    const handlers: Record<string, JobHandler> = {
      flaky: async () => {
        calls++;
        if (calls === 1) throw new Error('connection reset');
        return 'ok';
      },
      doomed: async () => {
        throw new Error('always');
      },
    };
    const runner = createJobRunner({
      db: fixture.t.db,
      now: fixture.clock.now,
      onError: quiet,
      retryBaseMs: 10_000,
      handlers,
    });
    const flaky = await enqueue('flaky');
    await runner.runOnce();
    const waiting = await getJob(fixture.t.db, flaky.id);
    expect(waiting).toMatchObject({
      status: 'queued',
      attempts: 1,
      error: { code: 'job_failed', cause: 'connection reset' },
    });
    expect(waiting?.runAfter.toISOString()).toBe('2026-11-22T02:00:10.000Z');
    expect(await runner.runOnce()).toBe(0); // backoff not over
    fixture.clock.advance(10_000);
    expect(await runner.runOnce()).toBe(1);
    expect(await getJob(fixture.t.db, flaky.id)).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      result: 'ok',
      error: null,
    });

    const doomed = await enqueue('doomed', {}, { maxAttempts: 1 });
    await runner.runOnce();
    expect(await getJob(fixture.t.db, doomed.id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      error: { code: 'job_failed' },
    });
  });

  it('a running job sees the cancel request through ctx.signal and ends cancelled', async () => {
    const job = await enqueue('solver.long');
    const started = gate();
    const runner = createJobRunner({
      db: fixture.t.db,
      now: fixture.clock.now,
      heartbeatMs: 20,
      onError: quiet,
      handlers: {
        'solver.long': async (ctx) => {
          started.open();
          await new Promise((_, reject) =>
            ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)),
          );
        },
      },
    });
    const run = runner.runOnce();
    await started.promise;
    expect((await requestCancel(fixture.t.db, job.id, fixture.clock.now())).status).toBe('running');
    await run;
    const final = await getJob(fixture.t.db, job.id);
    expect(final).toMatchObject({ status: 'cancelled', cancelRequested: true, result: null });
    expect(final?.finishedAt).not.toBeNull();
  });

  it('writes progress throttled, and progress writes pick up cancellation', async () => {
    const job = await enqueue('import.big');
    const step = gate();
    const reported = gate();
    let cancelledSeen = false;
    const runner = createJobRunner({
      db: fixture.t.db,
      now: fixture.clock.now,
      heartbeatMs: 600_000,
      staleAfterMs: 1_200_000,
      progressThrottleMs: 150,
      onError: quiet,
      handlers: {
        'import.big': async (ctx) => {
          ctx.progress(0.3, 'reading rows');
          ctx.progress(0.35, 'reading rows'); // within the throttle window: held back
          ctx.progress(0.5, 'validating'); // …and replaced by this one, written when the window ends
          reported.open();
          await step.promise;
          ctx.progress(0.6, 'saving'); // this write finds cancel_requested
          await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
          cancelledSeen = ctx.isCancelled();
          throw ctx.signal.reason;
        },
      },
    });
    const run = runner.runOnce();
    await reported.promise;
    await until(async () => (await getJob(fixture.t.db, job.id))?.progress === 0.3);
    expect((await getJob(fixture.t.db, job.id))?.progressMessage).toBe('reading rows');
    await until(async () => (await getJob(fixture.t.db, job.id))?.progress === 0.5);
    expect((await getJob(fixture.t.db, job.id))?.progressMessage).toBe('validating');
    await requestCancel(fixture.t.db, job.id, fixture.clock.now());
    await new Promise((r) => setTimeout(r, 200)); // past the throttle window
    step.open();
    await run;
    expect(cancelledSeen).toBe(true);
    expect((await getJob(fixture.t.db, job.id))?.status).toBe('cancelled');
  });

  it('re-queues a job whose worker stopped sending heartbeats, and fails it when attempts are used up', async () => {
    const crashed = await enqueue('report.sales', {}, { maxAttempts: 3 });
    const exhausted = await enqueue('report.sales', {}, { maxAttempts: 1 });
    const cancelWanted = await enqueue('report.sales');
    // A dead worker claimed all three ten minutes ago.
    await fixture.t.db
      .updateTable('platform.job')
      .set({
        status: 'running',
        attempts: 1,
        locked_by: 'dead',
        heartbeat_at: new Date('2026-11-22T01:50:00Z'),
      })
      .execute();
    await fixture.t.db
      .updateTable('platform.job')
      .set({ cancel_requested: true })
      .where('id', '=', cancelWanted.id)
      .execute();
    const runner = createJobRunner({
      db: fixture.t.db,
      now: fixture.clock.now,
      workerId: 'w2',
      staleAfterMs: 60_000,
      onError: quiet,
      handlers: { 'report.sales': async () => 'second time lucky' },
    });
    expect(await runner.runOnce()).toBe(1);
    expect(await getJob(fixture.t.db, crashed.id)).toMatchObject({
      status: 'succeeded',
      attempts: 2,
      lockedBy: 'w2',
    });
    expect(await getJob(fixture.t.db, exhausted.id)).toMatchObject({
      status: 'failed',
      error: { code: 'job_worker_lost' },
    });
    expect(await getJob(fixture.t.db, cancelWanted.id)).toMatchObject({ status: 'cancelled' });
  });

  it('a fresh heartbeat is not stale', async () => {
    const job = await enqueue('report.sales');
    await fixture.t.db
      .updateTable('platform.job')
      .set({
        status: 'running',
        attempts: 1,
        locked_by: 'alive',
        heartbeat_at: new Date('2026-11-22T01:59:30Z'),
      })
      .execute();
    const runner = createJobRunner({
      db: fixture.t.db,
      now: fixture.clock.now,
      onError: quiet,
      handlers: { 'report.sales': async () => 1 },
    });
    expect(await runner.recoverStale()).toBe(0);
    expect((await getJob(fixture.t.db, job.id))?.lockedBy).toBe('alive');
  });

  it('a worker that lost its job (taken over after a stall) is aborted and does not overwrite it', async () => {
    const job = await enqueue('report.sales');
    const started = gate();
    let reason: unknown = null;
    const runner = createJobRunner({
      db: fixture.t.db,
      now: fixture.clock.now,
      workerId: 'slow',
      heartbeatMs: 20,
      onError: quiet,
      handlers: {
        'report.sales': async (ctx) => {
          started.open();
          await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
          reason = ctx.signal.reason;
          return 'late result';
        },
      },
    });
    const run = runner.runOnce();
    await started.promise;
    await fixture.t.db
      .updateTable('platform.job')
      .set({ locked_by: 'other' })
      .where('id', '=', job.id)
      .execute();
    await run;
    expect(reason).toMatchObject({ name: 'AbortError', reason: 'lost' });
    expect(await getJob(fixture.t.db, job.id)).toMatchObject({
      status: 'running',
      lockedBy: 'other',
      result: null,
    });
  });

  it('start() runs jobs concurrently up to the limit; stop() with abortAfterMs puts unfinished jobs back', async () => {
    let running = 0;
    let peak = 0;
    const runner = createJobRunner({
      db: fixture.t.db,
      now: systemClock.now,
      concurrency: 2,
      pollMs: 10,
      onError: quiet,
      handlers: {
        quick: async () => {
          running++;
          peak = Math.max(peak, running);
          await new Promise((r) => setTimeout(r, 30));
          running--;
        },
        endless: async (ctx) => {
          await new Promise((_, reject) =>
            ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)),
          );
        },
      },
    });
    const quick = await Promise.all(
      [1, 2, 3, 4].map(() =>
        enqueueJob(fixture.t.db, { kind: 'quick', payload: {}, now: systemClock.now() }),
      ),
    );
    runner.start();
    await until(async () => {
      const jobs = await Promise.all(quick.map((j) => getJob(fixture.t.db, j.id)));
      return jobs.every((j) => j?.status === 'succeeded');
    });
    expect(peak).toBe(2);

    const endless = await enqueueJob(fixture.t.db, { kind: 'endless', payload: {}, now: systemClock.now() });
    await until(async () => (await getJob(fixture.t.db, endless.id))?.status === 'running');
    await runner.stop({ abortAfterMs: 50 });
    expect(await getJob(fixture.t.db, endless.id)).toMatchObject({
      status: 'queued',
      attempts: 0,
      lockedBy: null,
    });
  });

  it('a job handler can run CPU work in a worker thread and cancel it', async () => {
    const pool = createCpuPool({ maxThreads: 1 });
    try {
      const job = await enqueue('solver.sum', {
        n: 1000,
        chunks: 100,
        sleepMs: 100,
      } satisfies ChunkedSumInput);
      const runner = createJobRunner({
        db: fixture.t.db,
        now: fixture.clock.now,
        heartbeatMs: 50,
        progressThrottleMs: 0,
        onError: quiet,
        handlers: {
          'solver.sum': (ctx) =>
            runCpuTask(pool, new URL('./fixtures/chunked-sum.worker.ts', import.meta.url), ctx.job.payload, {
              signal: ctx.signal,
              onProgress: (fraction, message) => ctx.progress(fraction, message ?? undefined),
            }),
        },
      });
      const started = performance.now();
      const run = runner.runOnce();
      await until(async () => ((await getJob(fixture.t.db, job.id))?.progress ?? 0) > 0);
      await requestCancel(fixture.t.db, job.id, fixture.clock.now());
      await run;
      expect(performance.now() - started).toBeLessThan(5000); // all 100 chunks would take 10 s
      expect(await getJob(fixture.t.db, job.id)).toMatchObject({ status: 'cancelled', result: null });
    } finally {
      await closeCpuPool(pool);
    }
  });
});
