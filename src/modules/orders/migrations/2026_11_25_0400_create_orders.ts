import { type Kysely, sql } from 'kysely';

/**
 * The orders module's tables (schema `orders`). Merchants, SKUs and warehouses belong to other
 * modules: their ids are plain columns without foreign keys. Money in fen, quantities in base units,
 * weights in grams, times UTC.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createSchema('orders').ifNotExists().execute();
  const s = db.schema.withSchema('orders');
  const statuses = sql`('created', 'exception', 'validated', 'allocated', 'released', 'picking', 'packed', 'shipped', 'in_transit', 'delivered', 'cancelled', 'returned')`;
  await s
    .createTable('order')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('parent_id', 'uuid', (c) => c.references('orders.order.id'))
    .addColumn('split_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('external_no', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ${statuses}`))
    .addColumn('reason_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('issues', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    // Reasons a person released the order despite (kept so re-validation does not raise them again).
    .addColumn('overrides', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('exception_since', 'timestamptz')
    .addColumn('consignee_name', 'text', (c) => c.notNull())
    .addColumn('consignee_phone', 'text', (c) => c.notNull())
    .addColumn('phone_kind', 'text', (c) =>
      c.notNull().check(sql`phone_kind in ('mobile', 'landline', 'invalid')`),
    )
    .addColumn('phone_last4', 'text', (c) => c.notNull())
    .addColumn('address_text', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text')
    .addColumn('province_name', 'text')
    .addColumn('city_code', 'text')
    .addColumn('city_name', 'text')
    .addColumn('district_code', 'text')
    .addColumn('district_name', 'text')
    .addColumn('address_detail', 'text', (c) => c.notNull())
    .addColumn('address_status', 'text', (c) =>
      c.notNull().check(sql`address_status in ('exact', 'normalised', 'suggested', 'failed')`),
    )
    .addColumn('address_notes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('address_suggestions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('payment_status', 'text', (c) =>
      c.notNull().check(sql`payment_status in ('paid', 'cod', 'unpaid')`),
    )
    .addColumn('cod_amount_fen', 'bigint', (c) => c.check(sql`cod_amount_fen >= 0`))
    .addColumn('total_fen', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
    .addColumn('service_type', 'text', (c) =>
      c.notNull().check(sql`service_type in ('standard', 'express', 'cold_chain')`),
    )
    .addColumn('window_from', 'timestamptz')
    .addColumn('window_to', 'timestamptz')
    .addColumn('notes', 'text')
    .addColumn('weight_g', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('warehouse_id', 'uuid')
    .addColumn('shipping_cost_fen', 'bigint')
    .addColumn('promised_date', 'date')
    .addColumn('carrier', 'text')
    .addColumn('waybill_no', 'text')
    .addColumn('intercept_requested_at', 'timestamptz')
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('api', 'import', 'console', 'split', 'demo')`),
    )
    .addColumn('import_job_id', 'uuid')
    .addColumn('created_by', 'uuid')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status_changed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint(
      'order_window_ordered',
      sql`window_from is null or window_to is null or window_to > window_from`,
    )
    .execute();
  // A channel's order number is taken once per merchant; split parts share it with their root.
  await sql`create unique index order_channel_no_uq on orders."order" (merchant_id, channel, external_no)
    where parent_id is null`.execute(db);
  await s.createIndex('order_created_idx').on('order').columns(['created_at desc', 'id desc']).execute();
  await s
    .createIndex('order_merchant_idx')
    .on('order')
    .columns(['merchant_id', 'created_at desc', 'id desc'])
    .execute();
  await s
    .createIndex('order_status_idx')
    .on('order')
    .columns(['status', 'created_at desc', 'id desc'])
    .execute();
  await s
    .createIndex('order_dedupe_idx')
    .on('order')
    .columns(['merchant_id', 'dedupe_key', 'created_at'])
    .execute();
  // Partial: imported orders have no warehouse yet and are mostly roots, so big imports skip these.
  await sql`create index order_warehouse_idx on orders."order" (warehouse_id, status) where warehouse_id is not null`.execute(
    db,
  );
  await sql`create index order_parent_idx on orders."order" (parent_id) where parent_id is not null`.execute(
    db,
  );

  await s
    .createTable('order_line')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('order_id', 'uuid', (c) => c.notNull().references('orders.order.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('sku_id', 'uuid')
    .addColumn('sku_code', 'text', (c) => c.notNull())
    .addColumn('sku_name', 'text')
    .addColumn('storage_class', 'text')
    .addColumn('unit_weight_g', 'integer')
    .addColumn('qty', 'integer', (c) => c.notNull())
    .addColumn('unit_price_fen', 'bigint', (c) => c.notNull().check(sql`unit_price_fen >= 0`))
    .addUniqueConstraint('order_line_no_uq', ['order_id', 'line_no'])
    .execute();

  await s
    .createTable('order_history')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('order_id', 'uuid', (c) => c.notNull().references('orders.order.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text')
    .addColumn('details', 'jsonb')
    .execute();
  await s.createIndex('order_history_order_idx').on('order_history').columns(['order_id', 'id']).execute();

  await s
    .createTable('allocation')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('order_id', 'uuid', (c) => c.notNull().references('orders.order.id'))
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('bin_id', 'uuid', (c) => c.notNull())
    .addColumn('bin_code', 'text', (c) => c.notNull())
    .addColumn('lot_id', 'uuid')
    .addColumn('lot_code', 'text')
    .addColumn('expiry_date', 'date')
    .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('picked_qty', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('allocation_picked_le_qty', sql`picked_qty >= 0 and picked_qty <= qty`)
    .execute();
  await s.createIndex('allocation_order_idx').on('allocation').columns(['order_id', 'sku_id']).execute();

  await s
    .createTable('decision')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('order_id', 'uuid', (c) => c.notNull().references('orders.order.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('params', 'jsonb', (c) => c.notNull())
    .addColumn('candidates', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .execute();
  await s.createIndex('decision_order_idx').on('decision').columns(['order_id', 'id']).execute();

  await s
    .createTable('blocked_customer')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('merchant_id', 'uuid')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'timestamptz')
    .addColumn('removed_by', 'text')
    .execute();
  await sql`create unique index blocked_customer_active_uq on orders.blocked_customer
    (phone, coalesce(merchant_id, '00000000-0000-0000-0000-000000000000'::uuid)) where active`.execute(db);

  await s
    .createTable('setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .execute();

  await s
    .createTable('service_level')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('dest_province_code', 'text', (c) => c.notNull())
    .addColumn('service_type', 'text', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull().check(sql`days between 0 and 60`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('service_level_uq', ['warehouse_id', 'dest_province_code', 'service_type'])
    .execute();

  await s
    .createTable('tracking_attempt')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('ok', 'boolean', (c) => c.notNull())
    .execute();
  await s.createIndex('tracking_attempt_ip_idx').on('tracking_attempt').columns(['ip', 'at']).execute();
  await s
    .createIndex('tracking_attempt_number_idx')
    .on('tracking_attempt')
    .columns(['number', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropSchema('orders').cascade().execute();
}
