import { sql } from 'kysely';
import { type Db, tablesOf } from '../db/database';
import { inTransaction } from '../db/transaction';
import { AppError } from '../lib/errors';
import { businessDayOf } from '../time/calendar';
import { enqueueJob } from './job.service';
import type { Job } from './job.table';

/**
 * Recurring jobs, the small way: a row per job kind saying "once a day at HH:MM in this zone". The job
 * runner calls `enqueueDueSchedules` on its poll; a kind is due once its local time has passed on a
 * business day it has not run yet. The check and the enqueue share one transaction and lock the
 * schedule row with `FOR UPDATE SKIP LOCKED`, so however many processes poll, each kind is enqueued
 * at most once per business day. A process that was down at the time enqueues on start (the same
 * day only — days missed entirely are not replayed, so a daily job must look at the state of the
 * world, not at "yesterday's" changes).
 */
export interface DailySchedule {
  kind: string;
  /** Local wall-clock time `HH:MM` (24 h). */
  atLocalTime: string;
  /** IANA zone the time and the business day are read in. */
  timeZone: string;
  /** Merged into each job's payload, with `scheduledDay` added. */
  payload: Record<string, unknown>;
  enabled: boolean;
  lastDay: string | null;
  lastJobId: string | null;
}

interface ScheduleTable {
  kind: string;
  at_local_time: string;
  time_zone: string;
  payload: unknown;
  enabled: boolean;
  last_day: string | null;
  last_job_id: string | null;
  created_at: Date;
  updated_at: Date;
}

interface ScheduleTables {
  'platform.job_schedule': ScheduleTable;
}

const KIND = /^[a-z][a-z0-9_.-]{0,99}$/;
const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

const toSchedule = (r: ScheduleTable): DailySchedule => ({
  kind: r.kind,
  atLocalTime: r.at_local_time,
  timeZone: r.time_zone,
  payload: (r.payload ?? {}) as Record<string, unknown>,
  enabled: r.enabled,
  lastDay: r.last_day,
  lastJobId: r.last_job_id,
});

function checkTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new AppError('bad_request', 'job_schedule_invalid', { field: 'timeZone', value: timeZone });
  }
}

/**
 * Run `kind` once a day at `atLocalTime` (`HH:MM`) in `timeZone`. Calling it again updates the time,
 * zone and payload (the code is the source of truth) but keeps `last_day`, so a restart after
 * today's run does not run it twice, and keeps `enabled` unless given.
 */
export async function scheduleDaily(
  db: Db,
  input: {
    kind: string;
    atLocalTime: string;
    timeZone?: string;
    payload?: Record<string, unknown>;
    enabled?: boolean;
    now: Date;
  },
): Promise<DailySchedule> {
  if (!KIND.test(input.kind)) throw new AppError('bad_request', 'job_invalid_kind', { kind: input.kind });
  if (!HH_MM.test(input.atLocalTime))
    throw new AppError('bad_request', 'job_schedule_invalid', {
      field: 'atLocalTime',
      value: input.atLocalTime,
    });
  const timeZone = input.timeZone ?? 'Asia/Shanghai';
  checkTimeZone(timeZone);
  const row = await tablesOf<ScheduleTables>(db)
    .insertInto('platform.job_schedule')
    .values({
      kind: input.kind,
      at_local_time: input.atLocalTime,
      time_zone: timeZone,
      payload: JSON.stringify(input.payload ?? {}),
      enabled: input.enabled ?? true,
      last_day: null,
      last_job_id: null,
      created_at: input.now,
      updated_at: input.now,
    })
    .onConflict((oc) =>
      oc.column('kind').doUpdateSet((eb) => ({
        at_local_time: eb.ref('excluded.at_local_time'),
        time_zone: eb.ref('excluded.time_zone'),
        payload: eb.ref('excluded.payload'),
        // An operator's pause (`enabled = false`) survives restarts unless the code says otherwise.
        ...(input.enabled === undefined ? {} : { enabled: eb.ref('excluded.enabled') }),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
  return toSchedule(row);
}

export async function listSchedules(db: Db): Promise<DailySchedule[]> {
  const rows = await tablesOf<ScheduleTables>(db)
    .selectFrom('platform.job_schedule')
    .selectAll()
    .orderBy('kind')
    .execute();
  return rows.map(toSchedule);
}

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** `HH:MM` of an instant in a time zone. */
export function localTimeOf(instant: Date, timeZone: string): string {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
    });
    clockFormats.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.hour}:${parts.minute}`;
}

/** Whether a schedule is due at `now`, and for which business day. */
export function dueDay(schedule: Pick<DailySchedule, 'atLocalTime' | 'timeZone' | 'lastDay'>, now: Date) {
  const day = businessDayOf(now, schedule.timeZone);
  if (schedule.lastDay !== null && schedule.lastDay >= day) return null;
  return localTimeOf(now, schedule.timeZone) >= schedule.atLocalTime ? day : null;
}

/**
 * Enqueue every enabled schedule that is due at `now` (only the `kinds` given, when given: a runner
 * enqueues only what it can run). Rows another process is handling right now are skipped, not
 * waited for; the stamp of `last_day` commits with the job, so the next caller sees it done.
 */
export async function enqueueDueSchedules(db: Db, now: Date, kinds?: readonly string[]): Promise<Job[]> {
  if (kinds && !kinds.length) return [];
  return inTransaction(db, async (trx) => {
    const { rows } = await sql<ScheduleTable>`
      select * from platform.job_schedule
      where enabled ${kinds ? sql`and kind in (${sql.join([...kinds])})` : sql``}
      order by kind
      for update skip locked`.execute(trx);
    const jobs: Job[] = [];
    for (const row of rows) {
      const day = dueDay(toSchedule(row), now);
      if (!day) continue;
      const job = await enqueueJob(trx, {
        kind: row.kind,
        payload: { ...((row.payload ?? {}) as Record<string, unknown>), scheduledDay: day },
        now,
        maxAttempts: 3,
      });
      await tablesOf<ScheduleTables>(trx)
        .updateTable('platform.job_schedule')
        .set({ last_day: day, last_job_id: job.id, updated_at: now })
        .where('kind', '=', row.kind)
        .execute();
      jobs.push(job);
    }
    return jobs;
  });
}
