import { sql } from 'kysely';
import { type Db, type Trx, tablesOf } from '../db/database';
import { decodeCursor, encodeCursor } from '../http/pagination';
import { AppError } from '../lib/errors';
import { newId } from '../lib/ids';
import { type Job, type JobRow, type JobStatus, type JobTables, toJob } from './job.table';

const KIND = /^[a-z][a-z0-9_.-]{0,99}$/;

export interface EnqueueJobInput<P> {
  /** Which handler runs it, e.g. `transport.route_plan`, `orders.import_csv`. */
  kind: string;
  payload: P;
  createdBy?: string | null;
  merchantId?: string | null;
  now: Date;
  /** Attempts in all, including re-runs after a crashed worker or an unexpected error. Default 3. */
  maxAttempts?: number;
  /** Not started before this instant (default `now`). */
  runAfter?: Date;
}

/**
 * Queue a job. Pass the request's transaction to enqueue atomically with the change that asked for
 * it: the job becomes visible to runners only when that transaction commits.
 */
export async function enqueueJob<P>(db: Db | Trx, input: EnqueueJobInput<P>): Promise<Job<P>> {
  if (!KIND.test(input.kind)) throw new AppError('bad_request', 'job_invalid_kind', { kind: input.kind });
  const maxAttempts = input.maxAttempts ?? 3;
  if (!Number.isSafeInteger(maxAttempts) || maxAttempts < 1) throw new RangeError('maxAttempts must be ≥ 1');
  const row = await tablesOf<JobTables>(db as Db)
    .insertInto('platform.job')
    .values({
      id: newId(),
      kind: input.kind,
      status: 'queued',
      payload: JSON.stringify(input.payload ?? null),
      created_by: input.createdBy ?? null,
      merchant_id: input.merchantId ?? null,
      created_at: input.now,
      run_after: input.runAfter ?? input.now,
      max_attempts: maxAttempts,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toJob(row) as Job<P>;
}

export async function getJob(db: Db | Trx, id: string): Promise<Job | null> {
  const row = await tablesOf<JobTables>(db as Db)
    .selectFrom('platform.job')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toJob(row) : null;
}

export interface ListJobsQuery {
  createdBy?: string;
  merchantId?: string;
  kind?: string;
  status?: JobStatus;
  limit: number;
  cursor?: string;
}

/** Newest first, keyset-paginated on (created_at, id). */
export async function listJobs(
  db: Db,
  query: ListJobsQuery,
): Promise<{ items: Job[]; nextCursor: string | null }> {
  let q = tablesOf<JobTables>(db).selectFrom('platform.job').selectAll();
  if (query.createdBy) q = q.where('created_by', '=', query.createdBy);
  if (query.merchantId) q = q.where('merchant_id', '=', query.merchantId);
  if (query.kind) q = q.where('kind', '=', query.kind);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) {
      throw new AppError('bad_request', 'invalid_cursor');
    }
    q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(new Date(at), id)));
  }
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const items = rows.slice(0, query.limit).map(toJob);
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > query.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null;
  return { items, nextCursor };
}

/**
 * Ask for a job to stop. A queued job is cancelled at once; a running job gets `cancel_requested`,
 * which its runner notices on the next heartbeat or progress report and turns into an aborted
 * `ctx.signal`. Cancelling a cancelled job is a no-op; a finished one is a conflict.
 */
export async function requestCancel(db: Db | Trx, id: string, now: Date): Promise<Job> {
  const { rows } = await sql<JobRow>`
    update platform.job set
      status = case when status = 'queued' then 'cancelled' else status end,
      finished_at = case when status = 'queued' then ${now}::timestamptz else finished_at end,
      cancel_requested = true
    where id = ${id} and status in ('queued', 'running')
    returning *
  `.execute(db);
  if (rows[0]) return toJob(rows[0]);
  const job = await getJob(db, id);
  if (!job) throw new AppError('not_found', 'job_not_found', { id });
  if (job.status === 'cancelled') return job;
  throw new AppError('conflict', 'job_not_cancellable', { id });
}
