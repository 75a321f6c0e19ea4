import { type Kysely, sql } from 'kysely';

/** Document number sequences, the transactional outbox and the job queue (schema `platform`). */
export async function up(db: Kysely<any>): Promise<void> {
  const schema = db.schema.withSchema('platform');

  // One row per (prefix, business day); incremented in the caller's transaction, so a rolled-back
  // document gives its number back.
  await schema
    .createTable('doc_sequence')
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('last_value', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('doc_sequence_pk', ['prefix', 'day'])
    .execute();

  await schema
    .createTable('outbox_event')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('available_at', 'timestamptz', (c) => c.notNull())
    // Set once delivery rows exist for every subscribed handler.
    .addColumn('fanned_out_at', 'timestamptz')
    .execute();
  await schema
    .createIndex('outbox_event_pending_idx')
    .on('outbox_event')
    .columns(['created_at', 'id'])
    .where(sql.ref('fanned_out_at'), 'is', null)
    .execute();
  await schema
    .createIndex('outbox_event_topic_idx')
    .on('outbox_event')
    .columns(['topic', 'created_at'])
    .execute();

  // Which handler wants which topic: the union over every running dispatcher, so a process that
  // does not know a handler still fans events out to it.
  await schema
    .createTable('outbox_subscription')
    .addColumn('handler', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('outbox_subscription_pk', ['handler', 'topic'])
    .execute();
  await schema
    .createIndex('outbox_subscription_topic_idx')
    .on('outbox_subscription')
    .column('topic')
    .execute();

  await schema
    .createTable('outbox_delivery')
    .addColumn('event_id', 'uuid', (c) =>
      c.notNull().references('platform.outbox_event.id').onDelete('cascade'),
    )
    .addColumn('handler', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'timestamptz')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'timestamptz', (c) => c.notNull())
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'timestamptz')
    .addColumn('gave_up_at', 'timestamptz')
    .addPrimaryKeyConstraint('outbox_delivery_pk', ['event_id', 'handler'])
    .execute();
  await schema
    .createIndex('outbox_delivery_due_idx')
    .on('outbox_delivery')
    .columns(['handler', 'next_attempt_at'])
    .where(sql<boolean>`delivered_at is null and gave_up_at is null`)
    .execute();

  await schema
    .createTable('job')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')`),
    )
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('result', 'jsonb')
    .addColumn('error', 'jsonb')
    .addColumn('progress', 'real', (c) =>
      c.notNull().defaultTo(0).check(sql`progress >= 0 and progress <= 1`),
    )
    .addColumn('progress_message', 'text')
    .addColumn('created_by', 'uuid')
    .addColumn('merchant_id', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .addColumn('heartbeat_at', 'timestamptz')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull().defaultTo(3).check(sql`max_attempts >= 1`))
    .addColumn('run_after', 'timestamptz', (c) => c.notNull())
    .addColumn('cancel_requested', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('locked_by', 'text')
    .execute();
  await schema
    .createIndex('job_queued_idx')
    .on('job')
    .columns(['run_after', 'created_at'])
    .where(sql.ref('status'), '=', 'queued')
    .execute();
  await schema
    .createIndex('job_running_idx')
    .on('job')
    .column('heartbeat_at')
    .where(sql.ref('status'), '=', 'running')
    .execute();
  await schema
    .createIndex('job_created_by_idx')
    .on('job')
    .columns(['created_by', 'created_at desc', 'id desc'])
    .execute();
  await schema.createIndex('job_created_idx').on('job').columns(['created_at desc', 'id desc']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const schema = db.schema.withSchema('platform');
  await schema.dropTable('job').execute();
  await schema.dropTable('outbox_delivery').execute();
  await schema.dropTable('outbox_subscription').execute();
  await schema.dropTable('outbox_event').execute();
  await schema.dropTable('doc_sequence').execute();
}
