import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { type Db, tablesOf } from '../db/database';
import { AppError } from '../lib/errors';
import { newId } from '../lib/ids';
import { type Job, type JobError, type JobRow, type JobTables, toJob } from './job.table';
import { enqueueDueSchedules } from './schedule.service';

export interface JobContext<P = unknown> {
  job: Job<P>;
  db: Db;
  /**
   * Aborted when the job is cancelled, the runner shuts down, or another worker took the job over
   * (`signal.reason` is a `JobAbortedError` saying which). A handler that stops should throw; one that
   * returns a result anyway is recorded as succeeded.
   */
  signal: AbortSignal;
  /**
   * Report progress (0..1, clamped) and an optional message. Never blocks: the latest value is written
   * in the background at most once per throttle interval, and each write also picks up cancellation.
   */
  progress(fraction: number, message?: string): void;
  isCancelled(): boolean;
  now: () => Date;
}

export type JobHandler<P = any, R = unknown> = (ctx: JobContext<P>) => Promise<R>;

export interface JobRunnerOptions {
  db: Db;
  handlers: Record<string, JobHandler>;
  now: () => Date;
  /** Jobs run at once by this runner. Default 1. */
  concurrency?: number;
  /** Idle wait between polls. Default 1000 ms. */
  pollMs?: number;
  /** Recorded in `locked_by`. Default: a fresh id. */
  workerId?: string;
  /** How often a running job's heartbeat is written (and cancellation checked). Default 5 s. */
  heartbeatMs?: number;
  /** A running job whose heartbeat is older than this is presumed orphaned and re-queued. Default 60 s. */
  staleAfterMs?: number;
  /** Minimum interval between progress writes. Default 500 ms. */
  progressThrottleMs?: number;
  /** Delay before re-running after an unexpected error: base × 2^(attempt−1), capped at 10 min. Default 5 s. */
  retryBaseMs?: number;
  onError?: (error: unknown, job: Job | null) => void;
  /**
   * When set, enqueue due daily schedules (schedule.service.ts) of the kinds this runner handles, at
   * most once per this many ms (and on every `runOnce`). Off by default.
   */
  checkSchedulesMs?: number;
}

export interface JobRunner {
  start(): void;
  /**
   * Stop claiming and wait for running jobs. With `abortAfterMs`, jobs still running after that long
   * are aborted and put back in the queue for another worker.
   */
  stop(options?: { abortAfterMs?: number }): Promise<void>;
  /**
   * Recover stale jobs, enqueue due schedules (with `checkSchedulesMs`), then claim and run up to
   * `concurrency` jobs to completion. Returns how many ran.
   */
  runOnce(): Promise<number>;
  /** Re-queue (or fail, or cancel) running jobs whose worker stopped sending heartbeats. Returns how many. */
  recoverStale(): Promise<number>;
}

type AbortReason = 'cancelled' | 'shutdown' | 'lost';

/** The `signal.reason` of an aborted job. */
export class JobAbortedError extends Error {
  constructor(readonly reason: AbortReason) {
    super(`job ${reason}`);
    this.name = 'AbortError';
  }
}

const errorOf = (error: unknown): JobError => {
  if (error instanceof AppError) return { code: error.code, message: error.code, params: error.params };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'job_failed', message: 'The job failed unexpectedly.', cause: message.slice(0, 2000) };
};

/**
 * Runs queued jobs of the kinds it has handlers for. Claiming is one `UPDATE … FROM (SELECT … FOR
 * UPDATE SKIP LOCKED)`, so any number of runners in any number of processes share the queue. An
 * `AppError` from a handler fails the job for good (bad input does not get better); any other error is
 * retried with backoff until `max_attempts`. A runner that dies leaves its jobs `running` with an old
 * heartbeat; `recoverStale` (run by every runner each poll) puts them back in the queue.
 */
export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const { db, handlers, now } = options;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const pollMs = options.pollMs ?? 1000;
  const me = options.workerId ?? `worker:${newId()}`;
  const heartbeatMs = options.heartbeatMs ?? 5000;
  const staleAfterMs = options.staleAfterMs ?? 60_000;
  const throttleMs = options.progressThrottleMs ?? 500;
  const retryBaseMs = options.retryBaseMs ?? 5000;
  if (heartbeatMs * 2 > staleAfterMs) throw new RangeError('staleAfterMs must be at least twice heartbeatMs');
  const onError = options.onError ?? ((error, job) => console.error('[jobs]', job?.id ?? '', error));
  const kinds = Object.keys(handlers);
  const t = tablesOf<JobTables>(db);
  const active = new Map<string, { promise: Promise<void>; abort: (reason: AbortReason) => void }>();

  let stopping = false;
  let loop: Promise<void> | null = null;
  let schedulesCheckedAt = Number.NEGATIVE_INFINITY;

  /** Enqueue due daily schedules, throttled unless `force`; never fails the poll. */
  async function checkSchedules(force: boolean): Promise<void> {
    const every = options.checkSchedulesMs;
    if (every === undefined || (!force && performance.now() - schedulesCheckedAt < every)) return;
    schedulesCheckedAt = performance.now();
    try {
      await enqueueDueSchedules(db, now(), kinds);
    } catch (error) {
      onError(error, null);
    }
  }
  let wakeUp: (() => void) | null = null;

  async function recoverStale(): Promise<number> {
    const at = now();
    const cutoff = new Date(at.getTime() - staleAfterMs);
    const lost = JSON.stringify({
      code: 'job_worker_lost',
      message: 'The worker running this job stopped responding.',
    });
    const { rows } = await sql<{ id: string }>`
      update platform.job set
        status = case when cancel_requested then 'cancelled'
                      when attempts < max_attempts then 'queued' else 'failed' end,
        finished_at = case when cancel_requested or attempts >= max_attempts then ${at}::timestamptz else null end,
        error = case when not cancel_requested and attempts >= max_attempts then ${lost}::jsonb else error end,
        run_after = ${at}::timestamptz,
        locked_by = null
      where status = 'running' and heartbeat_at < ${cutoff}::timestamptz
      returning id
    `.execute(db);
    return rows.length;
  }

  async function claim(limit: number): Promise<Job[]> {
    if (limit <= 0 || kinds.length === 0) return [];
    const at = now();
    const { rows } = await sql<JobRow>`
      with next as (
        select id from platform.job
        where status = 'queued' and run_after <= ${at} and kind in (${sql.join(kinds)})
        order by run_after, created_at, id
        limit ${limit}
        for update skip locked
      )
      update platform.job j set
        status = 'running', started_at = ${at}, heartbeat_at = ${at}, finished_at = null,
        attempts = j.attempts + 1, locked_by = ${me}, progress = 0, progress_message = null
      from next where j.id = next.id
      returning j.*
    `.execute(db);
    return rows.map(toJob);
  }

  /** Conditional on still owning the job: a write from a worker that lost it changes nothing. */
  const owned = (id: string) =>
    t
      .updateTable('platform.job')
      .where('id', '=', id)
      .where('locked_by', '=', me)
      .where('status', '=', 'running');

  function execute(job: Job): Promise<void> {
    const controller = new AbortController();
    let reason: AbortReason | null = null;
    const abort = (why: AbortReason) => {
      if (reason) return;
      reason = why;
      controller.abort(new JobAbortedError(why));
    };

    // Progress and heartbeats go through one serial queue so writes never overtake each other.
    let writes: Promise<void> = Promise.resolve();
    let pending: { progress: number; progress_message: string | null } | null = null;
    let lastWrite = Number.NEGATIVE_INFINITY;
    let trailing: NodeJS.Timeout | null = null;
    const write = () => {
      const fields = pending;
      pending = null;
      lastWrite = performance.now();
      writes = writes
        .then(async () => {
          if (reason === 'lost') return;
          const row = await owned(job.id)
            .set({ heartbeat_at: now(), ...(fields ?? {}) })
            .returning(['cancel_requested'])
            .executeTakeFirst();
          if (!row) abort('lost');
          else if (row.cancel_requested) abort('cancelled');
        })
        .catch((error) => onError(error, job));
    };
    const heartbeat = setInterval(write, heartbeatMs);

    const ctx: JobContext = {
      job,
      db,
      signal: controller.signal,
      now,
      isCancelled: () => reason === 'cancelled',
      progress(fraction, message) {
        if (!Number.isFinite(fraction)) return;
        pending = {
          progress: Math.min(1, Math.max(0, fraction)),
          progress_message: message?.slice(0, 500) ?? null,
        };
        const wait = lastWrite + throttleMs - performance.now();
        if (wait <= 0) write();
        else
          trailing ??= setTimeout(() => {
            trailing = null;
            if (pending) write();
          }, wait);
      },
    };

    const run = async () => {
      let outcome: { ok: true; result: unknown } | { ok: false; error: unknown };
      try {
        outcome = { ok: true, result: await handlers[job.kind](ctx) };
      } catch (error) {
        outcome = { ok: false, error };
      } finally {
        clearInterval(heartbeat);
        if (trailing) clearTimeout(trailing);
      }
      await writes;
      // A throttled message not yet written is the job's last word ("imported 10,000 rows"): keep it.
      const last = pending as { progress_message: string | null } | null;
      const at = now();
      if (reason === 'lost') return;
      if (outcome.ok) {
        await owned(job.id)
          .set({
            ...(last ? { progress_message: last.progress_message } : {}),
            status: 'succeeded',
            result: JSON.stringify(outcome.result ?? null),
            error: null,
            progress: 1,
            finished_at: at,
            heartbeat_at: at,
          })
          .execute();
      } else if (reason === 'cancelled') {
        await owned(job.id).set({ status: 'cancelled', finished_at: at, heartbeat_at: at }).execute();
      } else if (reason === 'shutdown') {
        // Not the job's fault: give the attempt back and let another worker take it.
        await owned(job.id)
          .set((eb) => ({
            status: 'queued',
            attempts: eb('attempts', '-', 1),
            locked_by: null,
            run_after: at,
          }))
          .execute();
      } else {
        const error = errorOf(outcome.error);
        if (!(outcome.error instanceof AppError)) onError(outcome.error, job);
        const retry = !(outcome.error instanceof AppError) && job.attempts < job.maxAttempts;
        const delay = Math.min(600_000, retryBaseMs * 2 ** (job.attempts - 1));
        await owned(job.id)
          .set(
            retry
              ? {
                  status: 'queued',
                  error: JSON.stringify(error),
                  locked_by: null,
                  run_after: new Date(at.getTime() + delay),
                }
              : { status: 'failed', error: JSON.stringify(error), finished_at: at, heartbeat_at: at },
          )
          .execute();
      }
    };

    const promise = run()
      .catch((error) => onError(error, job))
      .finally(() => {
        active.delete(job.id);
        wakeUp?.();
      });
    active.set(job.id, { promise, abort });
    return promise;
  }

  async function fill(): Promise<Promise<void>[]> {
    const jobs = await claim(concurrency - active.size);
    return jobs.map(execute);
  }

  async function run(): Promise<void> {
    while (!stopping) {
      let claimed = 0;
      try {
        await recoverStale();
        await checkSchedules(false);
        claimed = (await fill()).length;
      } catch (error) {
        onError(error, null);
      }
      if (stopping) break;
      if (claimed > 0 && active.size < concurrency) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = null;
    }
  }

  return {
    start() {
      if (loop) return;
      stopping = false;
      loop = run();
    },
    async stop(stopOptions = {}) {
      stopping = true;
      wakeUp?.();
      await loop;
      loop = null;
      const running = Promise.all([...active.values()].map((a) => a.promise));
      if (stopOptions.abortAfterMs === undefined) return void (await running);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), stopOptions.abortAfterMs);
      });
      const first = await Promise.race([running.then(() => 'done' as const), timeout]);
      clearTimeout(timer);
      if (first === 'timeout') {
        for (const a of active.values()) a.abort('shutdown');
        await running;
      }
    },
    async runOnce() {
      await recoverStale();
      await checkSchedules(true);
      const started = await fill();
      await Promise.all(started);
      return started.length;
    },
    recoverStale,
  };
}
