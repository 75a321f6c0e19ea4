import { type Kysely, sql } from 'kysely';

/**
 * Demand planning (schema `planning`): daily demand history per SKU × warehouse, promotions,
 * forecast and backtest runs with their results, replenishment policies, suggestions with their
 * history, and alerts. SKUs and warehouses belong to other modules: plain ids, no foreign keys.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createSchema('planning').ifNotExists().execute();
  const s = db.schema.withSchema('planning');

  // One series per SKU × warehouse; the days refer to it by a small integer to keep them compact.
  await s
    .createTable('demand_series')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('demand_series_uq', ['sku_id', 'warehouse_id'])
    .execute();
  await s.createIndex('demand_series_warehouse_idx').on('demand_series').column('warehouse_id').execute();
  // A day without a row (after the series' first row) sold nothing. `stockout`: demand was censored.
  // No foreign key to demand_series: only this module writes days, always for a series it has just
  // looked up or created; the per-row FK check made bulk loads (imports, the demo) three times slower.
  await s
    .createTable('demand_day')
    .addColumn('series_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty >= 0`))
    .addColumn('stockout', 'boolean', (c) => c.notNull().defaultTo(false))
    .addPrimaryKeyConstraint('demand_day_pk', ['series_id', 'day'])
    .execute();
  // Demand postings already applied (e.g. an order-shipped event delivered twice).
  await s
    .createTable('demand_applied')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('applied_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await s
    .createTable('promotion')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('start_day', 'date', (c) => c.notNull())
    .addColumn('end_day', 'date', (c) => c.notNull())
    .addColumn('sku_ids', 'jsonb')
    .addColumn('warehouse_ids', 'jsonb')
    .addColumn('expected_uplift', 'double precision', (c) => c.check(sql`expected_uplift > 0`))
    .addColumn('note', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('promotion_dates', sql`end_day >= start_day`)
    .execute();

  await s
    .createTable('run')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('forecast', 'backtest')`))
    .addColumn('job_id', 'uuid')
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('horizon', 'integer', (c) => c.notNull())
    .addColumn('origins', 'integer')
    .addColumn('params', 'jsonb', (c) => c.notNull())
    .addColumn('series_count', 'integer', (c) => c.notNull())
    .addColumn('failed_count', 'integer', (c) => c.notNull())
    .addColumn('elapsed_ms', 'integer', (c) => c.notNull())
    .addColumn('ms_per_1000', 'integer')
    .addColumn('summary', 'jsonb')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await s.createIndex('run_kind_idx').on('run').columns(['kind', 'created_at']).execute();

  // The latest forecast of each series: daily values from `first_day`, one array element per day.
  await s
    .createTable('forecast')
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('merchant_id', 'uuid')
    .addColumn('run_id', 'uuid', (c) => c.notNull())
    .addColumn('as_of', 'date', (c) => c.notNull())
    .addColumn('first_day', 'date', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('history_days', 'integer', (c) => c.notNull())
    .addColumn('mean', 'jsonb', (c) => c.notNull())
    .addColumn('p10', 'jsonb', (c) => c.notNull())
    .addColumn('p50', 'jsonb', (c) => c.notNull())
    .addColumn('p90', 'jsonb', (c) => c.notNull())
    .addColumn('events', 'jsonb', (c) => c.notNull())
    .addColumn('generated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('forecast_pk', ['sku_id', 'warehouse_id'])
    .execute();
  await s.createIndex('forecast_warehouse_idx').on('forecast').column('warehouse_id').execute();

  await s
    .createTable('accuracy')
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('planning.run.id'))
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('merchant_id', 'uuid')
    .addColumn('storage_class', 'text')
    .addColumn('abc', 'text', (c) => c.check(sql`abc in ('A', 'B', 'C')`))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('points', 'integer', (c) => c.notNull())
    .addColumn('actual_sum', 'double precision', (c) => c.notNull())
    .addColumn('abs_error_sum', 'double precision', (c) => c.notNull())
    .addColumn('error_sum', 'double precision', (c) => c.notNull())
    .addColumn('squared_error_sum', 'double precision', (c) => c.notNull())
    .addColumn('mase', 'double precision')
    .addColumn('wape', 'double precision')
    .addColumn('bias', 'double precision')
    .addPrimaryKeyConstraint('accuracy_pk', ['run_id', 'sku_id', 'warehouse_id'])
    .execute();
  await s.createIndex('accuracy_series_idx').on('accuracy').columns(['sku_id', 'warehouse_id']).execute();
  await s
    .createTable('accuracy_group')
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('planning.run.id'))
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('group_key', 'text', (c) => c.notNull())
    .addColumn('series', 'integer', (c) => c.notNull())
    .addColumn('mase', 'double precision')
    .addColumn('wape', 'double precision')
    .addColumn('bias', 'double precision')
    .addPrimaryKeyConstraint('accuracy_group_pk', ['run_id', 'dimension', 'group_key'])
    .execute();

  await s
    .createTable('policy')
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('merchant_id', 'uuid')
    .addColumn('service_level', 'double precision', (c) =>
      c.notNull().check(sql`service_level >= 0.5 and service_level <= 0.9999`),
    )
    .addColumn('lead_time_days', 'double precision', (c) => c.notNull().check(sql`lead_time_days >= 0`))
    .addColumn('lead_time_sd_days', 'double precision', (c) => c.notNull().check(sql`lead_time_sd_days >= 0`))
    .addColumn('review_period_days', 'integer', (c) => c.notNull().check(sql`review_period_days >= 0`))
    .addColumn('moq', 'integer', (c) => c.notNull().check(sql`moq >= 0`))
    .addColumn('pack_size', 'integer', (c) => c.notNull().check(sql`pack_size >= 1`))
    .addColumn('ordering_cost_fen', 'bigint', (c) => c.notNull().check(sql`ordering_cost_fen >= 0`))
    .addColumn('holding_rate', 'double precision', (c) => c.notNull().check(sql`holding_rate >= 0`))
    .addColumn('unit_cost_fen', 'bigint', (c) => c.check(sql`unit_cost_fen >= 0`))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by_name', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('policy_pk', ['sku_id', 'warehouse_id'])
    .execute();

  const statuses = sql`('proposed', 'accepted', 'rejected', 'exported', 'closed', 'cancelled', 'superseded')`;
  await s
    .createTable('suggestion')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('merchant_id', 'uuid')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ${statuses}`))
    .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('order_by', 'date', (c) => c.notNull())
    .addColumn('need_by', 'date', (c) => c.notNull())
    .addColumn('suggested_qty', 'integer', (c) => c.notNull())
    .addColumn('suggested_order_by', 'date', (c) => c.notNull())
    .addColumn('stockout_date', 'date')
    .addColumn('calc', 'jsonb', (c) => c.notNull())
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addColumn('edited', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('requisition_no', 'text')
    .addColumn('exported_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create unique index suggestion_open_uq on planning.suggestion (sku_id, warehouse_id) where status = 'proposed'`.execute(
    db,
  );
  await s.createIndex('suggestion_status_idx').on('suggestion').columns(['status', 'order_by']).execute();
  await s
    .createTable('suggestion_history')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('suggestion_id', 'uuid', (c) => c.notNull().references('planning.suggestion.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('changes', 'jsonb')
    .execute();
  await s
    .createIndex('suggestion_history_idx')
    .on('suggestion_history')
    .columns(['suggestion_id', 'id'])
    .execute();

  await s
    .createTable('alert')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('stockout_risk', 'overstock', 'slow_mover', 'near_expiry')`),
    )
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('critical', 'warning', 'info')`))
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('merchant_id', 'uuid')
    .addColumn('lot_id', 'uuid')
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('open', 'acknowledged', 'resolved')`),
    )
    .addColumn('params', 'jsonb', (c) => c.notNull())
    .addColumn('first_raised_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_raised_at', 'timestamptz', (c) => c.notNull())
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('acknowledged_by_name', 'text')
    .addColumn('ack_note', 'text')
    .addColumn('resolved_at', 'timestamptz')
    .execute();
  await sql`create unique index alert_live_uq on planning.alert (dedupe_key) where status <> 'resolved'`.execute(
    db,
  );
  await s.createIndex('alert_status_idx').on('alert').columns(['status', 'warehouse_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropSchema('planning').ifExists().cascade().execute();
}
