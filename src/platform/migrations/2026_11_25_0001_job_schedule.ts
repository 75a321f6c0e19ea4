import { type Kysely, sql } from 'kysely';

/**
 * Recurring jobs: one row per job kind that runs once a day at a local time. The job runner enqueues
 * a due kind and stamps `last_day` in the same transaction, under a row lock taken with
 * `FOR UPDATE SKIP LOCKED`, so several server processes enqueue it once per business day.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .withSchema('platform')
    .createTable('job_schedule')
    .addColumn('kind', 'text', (c) => c.primaryKey())
    .addColumn('at_local_time', 'text', (c) =>
      c.notNull().check(sql`at_local_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    )
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    // The business day (in `time_zone`) the last job was enqueued for, and that job.
    .addColumn('last_day', 'date')
    .addColumn('last_job_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema('platform').dropTable('job_schedule').ifExists().execute();
}
