import { type Kysely, sql } from 'kysely';

const list = (values: readonly string[]) => sql.raw(`(${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * Counts (盘点) and slotting (货位优化) in schema `warehouse`: cycle-count plans, counts with their
 * status history, one task per bin and round (blind counting), count lines per bin × SKU × lot,
 * the last count of every bin and bin × SKU × lot (the "card" of 账卡物), declared unit values for
 * valuing variances; ABC classification runs; re-slotting move tasks. Bins, SKUs, lots and movements
 * belong to other modules: plain ids, no foreign keys.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema.withSchema('warehouse');

  await s
    .createTable('count_plan')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ${list(['abc', 'zone'])}`))
    .addColumn('zone_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('freq_a_days', 'integer', (c) => c.notNull().check(sql`freq_a_days between 1 and 3660`))
    .addColumn('freq_b_days', 'integer', (c) => c.notNull().check(sql`freq_b_days between 1 and 3660`))
    .addColumn('freq_c_days', 'integer', (c) => c.notNull().check(sql`freq_c_days between 1 and 3660`))
    .addColumn('zone_freq_days', 'integer', (c) => c.notNull().check(sql`zone_freq_days between 1 and 3660`))
    .addColumn('max_bins', 'integer', (c) => c.check(sql`max_bins > 0`))
    .addColumn('tolerance_pct', 'integer', (c) => c.notNull().check(sql`tolerance_pct between 0 and 100`))
    .addColumn('tolerance_qty', 'integer', (c) => c.notNull().check(sql`tolerance_qty >= 0`))
    .addColumn('approval_pct', 'integer', (c) => c.notNull().check(sql`approval_pct between 0 and 1000`))
    .addColumn('approval_value_fen', 'bigint', (c) => c.check(sql`approval_value_fen >= 0`))
    .addColumn('max_recounts', 'integer', (c) => c.notNull().check(sql`max_recounts between 0 and 3`))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('last_generated_at', 'timestamptz')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await s
    .createIndex('count_plan_warehouse_idx')
    .on('count_plan')
    .columns(['warehouse_id', 'name'])
    .execute();

  await s
    .createTable('count')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('plan_id', 'uuid', (c) => c.references('warehouse.count_plan.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ${list(['cycle', 'full', 'ad_hoc'])}`))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ${list(['planned', 'counting', 'submitted', 'recount', 'approved', 'posted', 'cancelled'])}`,
        ),
    )
    .addColumn('tolerance_pct', 'integer', (c) => c.notNull())
    .addColumn('tolerance_qty', 'integer', (c) => c.notNull())
    .addColumn('approval_pct', 'integer', (c) => c.notNull())
    .addColumn('approval_value_fen', 'bigint')
    .addColumn('max_recounts', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('bins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('posted_movements', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by_id', 'uuid')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('approved_at', 'timestamptz')
    .addColumn('approved_by_name', 'text')
    .addColumn('posted_at', 'timestamptz')
    .addColumn('posted_by_name', 'text')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancel_reason', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await s.createIndex('count_warehouse_idx').on('count').columns(['warehouse_id', 'status']).execute();
  await s.createIndex('count_created_idx').on('count').columns(['created_at', 'id']).execute();

  await s
    .createTable('count_history')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('count_id', 'uuid', (c) => c.notNull().references('warehouse.count.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await s.createIndex('count_history_idx').on('count_history').columns(['count_id', 'id']).execute();

  await s
    .createTable('count_task')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('count_id', 'uuid', (c) => c.notNull().references('warehouse.count.id'))
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('bin_id', 'uuid', (c) => c.notNull())
    .addColumn('bin_code', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull().check(sql`round >= 1`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ${list(['open', 'counting', 'done', 'cancelled'])}`),
    )
    .addColumn('counter_id', 'uuid')
    .addColumn('counter_name', 'text')
    .addColumn('started_at', 'timestamptz')
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('position', 'bigint')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('count_task_round_uq', ['count_id', 'bin_id', 'round'])
    .execute();
  await s.createIndex('count_task_open_idx').on('count_task').columns(['warehouse_id', 'status']).execute();
  await s.createIndex('count_task_count_idx').on('count_task').columns(['count_id', 'bin_code']).execute();

  await s
    .createTable('count_line')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('count_id', 'uuid', (c) => c.notNull().references('warehouse.count.id'))
    .addColumn('bin_id', 'uuid', (c) => c.notNull())
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('lot_id', 'uuid')
    .addColumn('abc_class', 'text', (c) => c.check(sql`abc_class in ${list(['A', 'B', 'C'])}`))
    .addColumn('listed', 'boolean', (c) => c.notNull())
    .addColumn('rounds', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('first_book_qty', 'bigint')
    .addColumn('first_counted_qty', 'bigint', (c) => c.check(sql`first_counted_qty >= 0`))
    .addColumn('book_qty', 'bigint')
    .addColumn('counted_qty', 'bigint', (c) => c.check(sql`counted_qty >= 0`))
    .addColumn('unit_value_fen', 'bigint')
    .addColumn('within_tolerance', 'boolean')
    .addColumn('needs_approval', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('counted_at', 'timestamptz')
    .addColumn('counter_name', 'text')
    .addCheckConstraint('count_line_counted_with_book', sql`(counted_qty is null) = (book_qty is null)`)
    .execute();
  await sql`create unique index count_line_key_uq on warehouse.count_line (count_id, bin_id, sku_id, lot_id) nulls not distinct`.execute(
    db,
  );

  await s
    .createTable('count_record')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('bin_id', 'uuid', (c) => c.notNull())
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('lot_id', 'uuid')
    .addColumn('count_id', 'uuid', (c) => c.notNull())
    .addColumn('book_qty', 'bigint', (c) => c.notNull())
    .addColumn('counted_qty', 'bigint', (c) => c.notNull())
    .addColumn('counted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('posted_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create unique index count_record_key_uq on warehouse.count_record (bin_id, sku_id, lot_id) nulls not distinct`.execute(
    db,
  );
  await s
    .createIndex('count_record_sku_idx')
    .on('count_record')
    .columns(['warehouse_id', 'sku_id'])
    .execute();

  await s
    .createTable('bin_count')
    .addColumn('bin_id', 'uuid', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('count_id', 'uuid', (c) => c.notNull())
    .addColumn('counted_at', 'timestamptz', (c) => c.notNull())
    .addColumn('posted_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await s.createIndex('bin_count_warehouse_idx').on('bin_count').columns(['warehouse_id']).execute();

  await s
    .createTable('sku_value')
    .addColumn('sku_id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('unit_value_fen', 'bigint', (c) => c.notNull().check(sql`unit_value_fen >= 0`))
    .addColumn('updated_by_name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await s
    .createTable('abc_run')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('computed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('period_from', 'timestamptz', (c) => c.notNull())
    .addColumn('period_to', 'timestamptz', (c) => c.notNull())
    .addColumn('a_pct', 'integer', (c) => c.notNull())
    .addColumn('b_pct', 'integer', (c) => c.notNull())
    .addColumn('skus', 'integer', (c) => c.notNull())
    .addColumn('total_lines', 'bigint', (c) => c.notNull())
    .addColumn('total_units', 'bigint', (c) => c.notNull())
    .addColumn('computed_by_name', 'text', (c) => c.notNull())
    .execute();
  await s
    .createIndex('abc_run_warehouse_idx')
    .on('abc_run')
    .columns(['warehouse_id', 'computed_at'])
    .execute();
  await s
    .createTable('abc_item')
    .addColumn('run_id', 'uuid', (c) => c.notNull().references('warehouse.abc_run.id').onDelete('cascade'))
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('class', 'text', (c) => c.notNull().check(sql`class in ${list(['A', 'B', 'C'])}`))
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('lines', 'bigint', (c) => c.notNull())
    .addColumn('units', 'bigint', (c) => c.notNull())
    .addColumn('cum_lines', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('abc_item_pk', ['run_id', 'sku_id'])
    .execute();

  await s
    .createTable('move_task')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('lot_id', 'uuid')
    .addColumn('from_bin_id', 'uuid', (c) => c.notNull())
    .addColumn('to_bin_id', 'uuid', (c) => c.notNull())
    .addColumn('qty', 'bigint', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('done_qty', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`done_qty >= 0`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ${list(['open', 'done', 'cancelled'])}`),
    )
    .addColumn('reason', 'text', (c) =>
      c.notNull().check(sql`reason in ${list(['a_to_prime', 'c_out_of_prime'])}`),
    )
    .addColumn('abc_class', 'text')
    .addColumn('picks_per_month', 'integer', (c) => c.notNull())
    .addColumn('saving_mm_month', 'bigint', (c) => c.notNull())
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('done_by_name', 'text')
    .addColumn('done_at', 'timestamptz')
    .addCheckConstraint('move_task_done_within_qty', sql`done_qty <= qty`)
    .execute();
  await s.createIndex('move_task_open_idx').on('move_task').columns(['warehouse_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'move_task',
    'abc_item',
    'abc_run',
    'sku_value',
    'bin_count',
    'count_record',
    'count_line',
    'count_task',
    'count_history',
    'count',
    'count_plan',
  ])
    await db.schema.withSchema('warehouse').dropTable(t).ifExists().cascade().execute();
}
