import { type Kysely, sql } from 'kysely';

/**
 * Route plans: the dispatcher's input, the solver job that works on it (a plain id into the platform
 * job queue), its best-cost-over-time series while it runs, and the checked result once it is done.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createSchema('transport').ifNotExists().execute();
  await db.schema
    .withSchema('transport')
    .createTable('route_plan')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('queued', 'running', 'succeeded', 'failed', 'cancelled')`),
    )
    .addColumn('job_id', 'uuid', (c) => c.notNull())
    .addColumn('delivery_date', 'date')
    .addColumn('warehouse_id', 'uuid')
    .addColumn('warehouse_code', 'text')
    .addColumn('merchant_id', 'uuid')
    .addColumn('created_by', 'uuid')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('plan', 'jsonb', (c) => c.notNull())
    .addColumn('stop_count', 'integer', (c) => c.notNull().check(sql`stop_count > 0`))
    .addColumn('fleet_size', 'integer', (c) => c.notNull().check(sql`fleet_size > 0`))
    .addColumn('time_limit_seconds', 'integer', (c) => c.notNull())
    .addColumn('progress', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('progress_series', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('stop_requested', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('result', 'jsonb')
    .addColumn('vehicles_used', 'integer')
    .addColumn('distance_m', 'bigint')
    .addColumn('cost_fen', 'bigint')
    .addColumn('unassigned_count', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute();
  await db.schema
    .withSchema('transport')
    .createIndex('route_plan_created_idx')
    .on('route_plan')
    .columns(['created_at desc', 'id desc'])
    .execute();
  await db.schema
    .withSchema('transport')
    .createIndex('route_plan_warehouse_idx')
    .on('route_plan')
    .columns(['warehouse_id', 'created_at desc'])
    .execute();
  await db.schema
    .withSchema('transport')
    .createIndex('route_plan_job_idx')
    .on('route_plan')
    .column('job_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropSchema('transport').cascade().execute();
}
