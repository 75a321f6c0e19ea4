import type { ColumnType, Generated, Selectable } from 'kysely';

/** The job queue's table (schema `platform`) and its mapping to the camelCase `Job`. */
export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const isFinished = (status: JobStatus): boolean =>
  status === 'succeeded' || status === 'failed' || status === 'cancelled';

/** Stored on failure. `code` and `params` are for the user (translated by code); `cause` is for operators. */
export interface JobError {
  code: string;
  message: string;
  params?: Record<string, unknown>;
  cause?: string;
}

export interface JobTable {
  id: string;
  kind: string;
  status: JobStatus;
  payload: unknown;
  result: unknown;
  /** Written as JSON text, read back parsed. */
  error: ColumnType<JobError | null, string | null, string | null>;
  progress: Generated<number>;
  progress_message: string | null;
  created_by: string | null;
  merchant_id: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  heartbeat_at: Date | null;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_after: Date;
  cancel_requested: Generated<boolean>;
  locked_by: string | null;
}

export type JobRow = Selectable<JobTable>;

export interface JobTables {
  'platform.job': JobTable;
}

export interface Job<P = unknown, R = unknown> {
  id: string;
  kind: string;
  status: JobStatus;
  payload: P;
  result: R | null;
  error: JobError | null;
  /** 0..1 */
  progress: number;
  progressMessage: string | null;
  createdBy: string | null;
  merchantId: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  heartbeatAt: Date | null;
  attempts: number;
  maxAttempts: number;
  runAfter: Date;
  cancelRequested: boolean;
  /** The worker running it (or that ran it last). */
  lockedBy: string | null;
}

const date = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));
const maybeDate = (value: Date | string | null): Date | null => (value === null ? null : date(value));

export function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    payload: row.payload,
    result: row.result ?? null,
    error: row.error ?? null,
    progress: Number(row.progress),
    progressMessage: row.progress_message,
    createdBy: row.created_by,
    merchantId: row.merchant_id,
    createdAt: date(row.created_at),
    startedAt: maybeDate(row.started_at),
    finishedAt: maybeDate(row.finished_at),
    heartbeatAt: maybeDate(row.heartbeat_at),
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    runAfter: date(row.run_after),
    cancelRequested: row.cancel_requested,
    lockedBy: row.locked_by,
  };
}
