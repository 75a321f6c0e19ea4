import { type Kysely, sql } from 'kysely';

const list = (values: readonly string[]) => sql.raw(`(${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * Kitting and late customisation (延迟策略, R-PLN-4) in schema `warehouse`: kit definitions (a bill
 * of materials turning a generic item plus components into a variant SKU), and work orders with
 * their lines (reserved and consumed per component), completions (what was produced where) and status
 * history. SKUs, bins, lots and movements belong to other modules: plain ids, no foreign keys.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema.withSchema('warehouse');

  await s
    .createTable('kit')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('variant_sku_id', 'uuid', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('kit_code_uq', ['merchant_id', 'code'])
    .execute();

  await s
    .createTable('kit_component')
    .addColumn('kit_id', 'uuid', (c) => c.notNull().references('warehouse.kit.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ${list(['generic', 'component'])}`))
    .addColumn('qty', 'bigint', (c) => c.notNull().check(sql`qty > 0`))
    .addPrimaryKeyConstraint('kit_component_pk', ['kit_id', 'line_no'])
    .addUniqueConstraint('kit_component_sku_uq', ['kit_id', 'sku_id'])
    .execute();

  await s
    .createTable('kit_order')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('kit_id', 'uuid', (c) => c.notNull().references('warehouse.kit.id'))
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('variant_sku_id', 'uuid', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ${list(['planned', 'in_progress', 'completed', 'cancelled'])}`),
    )
    .addColumn('planned_qty', 'bigint', (c) => c.notNull().check(sql`planned_qty > 0`))
    .addColumn('done_qty', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`done_qty >= 0`))
    .addColumn('output_bin_id', 'uuid')
    .addColumn('due_date', 'date')
    .addColumn('note', 'text')
    .addColumn('created_by_id', 'uuid')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancel_reason', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('kit_order_done_within_planned', sql`done_qty <= planned_qty`)
    .execute();
  await s
    .createIndex('kit_order_warehouse_idx')
    .on('kit_order')
    .columns(['warehouse_id', 'status'])
    .execute();
  await s.createIndex('kit_order_created_idx').on('kit_order').columns(['created_at', 'id']).execute();

  await s
    .createTable('kit_order_line')
    .addColumn('order_id', 'uuid', (c) => c.notNull().references('warehouse.kit_order.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ${list(['generic', 'component'])}`))
    .addColumn('qty_per_kit', 'bigint', (c) => c.notNull().check(sql`qty_per_kit > 0`))
    .addColumn('required_qty', 'bigint', (c) => c.notNull().check(sql`required_qty > 0`))
    .addColumn('consumed_qty', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`consumed_qty >= 0`))
    .addPrimaryKeyConstraint('kit_order_line_pk', ['order_id', 'line_no'])
    .addCheckConstraint('kit_order_line_consumed_within', sql`consumed_qty <= required_qty`)
    .execute();

  await s
    .createTable('kit_completion')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('order_id', 'uuid', (c) => c.notNull().references('warehouse.kit_order.id'))
    .addColumn('qty', 'bigint', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('bin_id', 'uuid', (c) => c.notNull())
    .addColumn('lot_id', 'uuid')
    .addColumn('movement_id', 'bigint', (c) => c.notNull())
    .addColumn('consumed', 'jsonb', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await s.createIndex('kit_completion_order_idx').on('kit_completion').column('order_id').execute();

  await s
    .createTable('kit_order_history')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('order_id', 'uuid', (c) => c.notNull().references('warehouse.kit_order.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await s.createIndex('kit_order_history_idx').on('kit_order_history').columns(['order_id', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'kit_order_history',
    'kit_completion',
    'kit_order_line',
    'kit_order',
    'kit_component',
    'kit',
  ])
    await db.schema.withSchema('warehouse').dropTable(t).ifExists().cascade().execute();
}
