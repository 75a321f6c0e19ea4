import { type Kysely, sql } from 'kysely';

/**
 * Returns and exchanges (R-OMS-5): return authorisations (RMA) with their lines, the warehouse's
 * inspection results, the refund records and the history. Money in fen, quantities in base units.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema.withSchema('orders');
  await s
    .createTable('return')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'uuid', (c) => c.notNull().references('orders.order.id'))
    .addColumn('order_number', 'text', (c) => c.notNull())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('warehouse_id', 'uuid')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('requested', 'approved', 'rejected', 'awaiting_goods', 'received', 'inspected', 'closed', 'cancelled')`,
        ),
    )
    .addColumn('reason', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`reason in ('damaged', 'wrong_item', 'not_as_described', 'no_longer_wanted', 'quality', 'other')`,
        ),
    )
    .addColumn('reason_note', 'text')
    .addColumn('condition', 'text', (c) =>
      c.notNull().check(sql`condition in ('unopened', 'opened', 'damaged')`),
    )
    .addColumn('raised_via', 'text', (c) =>
      c.notNull().check(sql`raised_via in ('merchant', 'service', 'consumer')`),
    )
    .addColumn('resolution', 'text', (c) => c.notNull().check(sql`resolution in ('refund', 'exchange')`))
    .addColumn('method', 'text', (c) => c.check(sql`method in ('pickup', 'dropoff')`))
    .addColumn('consignee_name', 'text', (c) => c.notNull())
    .addColumn('pickup_name', 'text')
    .addColumn('pickup_phone', 'text')
    .addColumn('pickup_address', 'text')
    .addColumn('pickup_date', 'date')
    .addColumn('carrier', 'text')
    .addColumn('waybill_no', 'text')
    .addColumn('reject_reason', 'text')
    .addColumn('window_days', 'integer', (c) => c.notNull())
    .addColumn('window_basis_at', 'timestamptz', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('refund', 'replacement', 'none')`))
    .addColumn('replacement_order_id', 'uuid', (c) => c.references('orders.order.id'))
    .addColumn('requested_by_id', 'uuid')
    .addColumn('requested_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status_changed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await s.createIndex('return_created_idx').on('return').columns(['created_at desc', 'id desc']).execute();
  await s.createIndex('return_order_idx').on('return').columns(['order_id']).execute();
  await s
    .createIndex('return_merchant_idx')
    .on('return')
    .columns(['merchant_id', 'created_at desc', 'id desc'])
    .execute();
  await s
    .createIndex('return_status_idx')
    .on('return')
    .columns(['status', 'created_at desc', 'id desc'])
    .execute();
  await s.createIndex('return_warehouse_idx').on('return').columns(['warehouse_id', 'status']).execute();

  await s
    .createTable('return_line')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('return_id', 'uuid', (c) => c.notNull().references('orders.return.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('sku_code', 'text', (c) => c.notNull())
    .addColumn('sku_name', 'text')
    .addColumn('storage_class', 'text')
    .addColumn('unit_price_fen', 'bigint', (c) => c.notNull().check(sql`unit_price_fen >= 0`))
    .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('received_qty', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('restock_qty', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hold_qty', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('scrap_qty', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('return_line_no_uq', ['return_id', 'line_no'])
    .addCheckConstraint('return_line_received', sql`received_qty >= 0 and received_qty <= qty`)
    .addCheckConstraint(
      'return_line_inspected',
      sql`restock_qty >= 0 and hold_qty >= 0 and scrap_qty >= 0 and restock_qty + hold_qty + scrap_qty <= received_qty`,
    )
    .execute();

  await s
    .createTable('return_inspection')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('return_id', 'uuid', (c) => c.notNull().references('orders.return.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('disposition', 'text', (c) =>
      c.notNull().check(sql`disposition in ('restock', 'hold', 'scrap')`),
    )
    .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('bin_id', 'uuid', (c) => c.notNull())
    .addColumn('bin_code', 'text', (c) => c.notNull())
    .addColumn('lot_id', 'uuid')
    .addColumn('lot_code', 'text')
    .addColumn('hold_doc_no', 'text')
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .execute();
  await s
    .createIndex('return_inspection_return_idx')
    .on('return_inspection')
    .columns(['return_id', 'id'])
    .execute();

  await s
    .createTable('return_history')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('return_id', 'uuid', (c) => c.notNull().references('orders.return.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('note', 'text')
    .addColumn('details', 'jsonb')
    .execute();
  await s
    .createIndex('return_history_return_idx')
    .on('return_history')
    .columns(['return_id', 'id'])
    .execute();

  await s
    .createTable('refund')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('return_id', 'uuid', (c) => c.notNull().unique().references('orders.return.id'))
    .addColumn('gross_fen', 'bigint', (c) => c.notNull().check(sql`gross_fen >= 0`))
    .addColumn('restocking_fee_fen', 'bigint', (c) => c.notNull().check(sql`restocking_fee_fen >= 0`))
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().check(sql`amount_fen >= 0`))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'refunded')`))
    .addColumn('reference', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('refunded_at', 'timestamptz')
    .addColumn('refunded_by', 'text')
    .addCheckConstraint('refund_amount', sql`amount_fen = gross_fen - restocking_fee_fen`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const s = db.schema.withSchema('orders');
  for (const table of ['refund', 'return_history', 'return_inspection', 'return_line', 'return'])
    await s.dropTable(table).ifExists().execute();
}
