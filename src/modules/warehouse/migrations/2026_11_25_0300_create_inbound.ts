import { type Kysely, sql } from 'kysely';

const list = (values: readonly string[]) => sql.raw(`(${values.map((v) => `'${v}'`).join(', ')})`);

/**
 * Schema `warehouse`: inbound operations on top of the inventory ledger — advance shipping notices,
 * receipts with per-line inspection and rejections, the receipt's status history, putaway tasks
 * with their scan-confirmed putaways, refused scans, and returns to the vendor. SKUs, merchants,
 * warehouses, bins, lots and movements belong to other modules: plain ids, no foreign keys. The
 * CHECK constraints repeat the quantity rules so no write path can break them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createSchema('warehouse').ifNotExists().execute();
  const s = db.schema.withSchema('warehouse');

  await s
    .createTable('asn')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ${list(['open', 'receiving', 'received', 'cancelled'])}`),
    )
    .addColumn('supplier_name', 'text')
    .addColumn('carrier', 'text')
    .addColumn('tracking_no', 'text')
    .addColumn('expected_date', 'date')
    .addColumn('note', 'text')
    .addColumn('created_by_id', 'uuid')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await s.createIndex('asn_merchant_idx').on('asn').columns(['merchant_id', 'created_at']).execute();
  await s.createIndex('asn_warehouse_idx').on('asn').columns(['warehouse_id', 'status']).execute();

  await s
    .createTable('asn_line')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('asn_id', 'uuid', (c) => c.notNull().references('warehouse.asn.id').onDelete('cascade'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('qty', 'bigint', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('lot_code', 'text')
    .addColumn('production_date', 'date')
    .addColumn('expiry_date', 'date')
    .addUniqueConstraint('asn_line_no_uq', ['asn_id', 'line_no'])
    .execute();

  await s
    .createTable('receipt')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('asn_id', 'uuid', (c) => c.references('warehouse.asn.id'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ${list(['draft', 'arrived', 'inspecting', 'inspected', 'putaway_in_progress', 'completed', 'cancelled'])}`,
        ),
    )
    .addColumn('supplier_name', 'text')
    .addColumn('carrier', 'text')
    .addColumn('vehicle_plate', 'text')
    .addColumn('dock', 'text')
    .addColumn('delivery_note_no', 'text')
    .addColumn('documents', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('documents_complete', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('note', 'text')
    .addColumn('arrived_at', 'timestamptz')
    .addColumn('signed_off_at', 'timestamptz')
    .addColumn('signed_off_by_name', 'text')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancel_reason', 'text')
    .addColumn('created_by_id', 'uuid')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // One live receipt per ASN; a cancelled one frees the ASN for the next delivery.
  await sql`create unique index receipt_asn_uq on warehouse.receipt (asn_id) where asn_id is not null and status <> 'cancelled'`.execute(
    db,
  );
  await s.createIndex('receipt_warehouse_idx').on('receipt').columns(['warehouse_id', 'status']).execute();
  await s.createIndex('receipt_merchant_idx').on('receipt').columns(['merchant_id', 'created_at']).execute();
  await s.createIndex('receipt_created_idx').on('receipt').columns(['created_at', 'id']).execute();

  await s
    .createTable('receipt_line')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('receipt_id', 'uuid', (c) => c.notNull().references('warehouse.receipt.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('asn_line_id', 'uuid', (c) => c.references('warehouse.asn_line.id'))
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('expected_qty', 'bigint', (c) => c.notNull().check(sql`expected_qty >= 0`))
    .addColumn('received_qty', 'bigint', (c) => c.check(sql`received_qty >= 0`))
    .addColumn('accepted_qty', 'bigint', (c) => c.check(sql`accepted_qty >= 0`))
    .addColumn('lot_code', 'text')
    .addColumn('production_date', 'date')
    .addColumn('expiry_date', 'date')
    .addColumn('arrival_temp_dc', 'integer')
    .addColumn('override_note', 'text')
    .addColumn('override_by_name', 'text')
    .addColumn('photos', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('inspection_note', 'text')
    .addColumn('inspector_id', 'uuid')
    .addColumn('inspector_name', 'text')
    .addColumn('inspected_at', 'timestamptz')
    .addColumn('lot_id', 'uuid')
    .addColumn('putaway_qty', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`putaway_qty >= 0`))
    .addColumn('returned_qty', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`returned_qty >= 0`))
    .addUniqueConstraint('receipt_line_no_uq', ['receipt_id', 'line_no'])
    .addCheckConstraint('receipt_line_accepted_within_received', sql`accepted_qty <= received_qty`)
    .addCheckConstraint('receipt_line_putaway_within_accepted', sql`putaway_qty <= coalesce(accepted_qty, 0)`)
    .addCheckConstraint(
      'receipt_line_inspected_complete',
      sql`inspected_at is null or (received_qty is not null and accepted_qty is not null and inspector_name is not null)`,
    )
    .addCheckConstraint(
      'receipt_line_dates_ordered',
      sql`production_date is null or expiry_date is null or expiry_date >= production_date`,
    )
    .execute();

  await s
    .createTable('receipt_rejection')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('receipt_line_id', 'uuid', (c) =>
      c.notNull().references('warehouse.receipt_line.id').onDelete('cascade'),
    )
    .addColumn('qty', 'bigint', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('reason', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`reason in ${list(['damaged', 'wrong_item', 'expired', 'temperature', 'documents_missing', 'other'])}`,
        ),
    )
    .addColumn('disposition', 'text', (c) =>
      c.notNull().check(sql`disposition in ${list(['hold', 'refused'])}`),
    )
    .addColumn('note', 'text')
    .execute();
  await s
    .createIndex('receipt_rejection_line_idx')
    .on('receipt_rejection')
    .column('receipt_line_id')
    .execute();

  await s
    .createTable('receipt_history')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('receipt_id', 'uuid', (c) => c.notNull().references('warehouse.receipt.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await s.createIndex('receipt_history_idx').on('receipt_history').columns(['receipt_id', 'id']).execute();

  await s
    .createTable('putaway_task')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('receipt_id', 'uuid', (c) => c.notNull().references('warehouse.receipt.id'))
    .addColumn('receipt_line_id', 'uuid', (c) => c.notNull().references('warehouse.receipt_line.id'))
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('lot_id', 'uuid')
    .addColumn('qty', 'bigint', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('done_qty', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`done_qty >= 0`))
    .addColumn('suggested_bin_id', 'uuid')
    .addColumn('slot_reason', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ${list(['open', 'done', 'cancelled'])}`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('putaway_task_done_within_qty', sql`done_qty <= qty`)
    .addCheckConstraint('putaway_task_done_when_full', sql`(status = 'done') = (done_qty = qty)`)
    .execute();
  await s
    .createIndex('putaway_task_open_idx')
    .on('putaway_task')
    .columns(['warehouse_id', 'status'])
    .execute();
  await s.createIndex('putaway_task_receipt_idx').on('putaway_task').column('receipt_id').execute();
  await s
    .createIndex('putaway_task_bin_idx')
    .on('putaway_task')
    .columns(['suggested_bin_id', 'status'])
    .execute();

  await s
    .createTable('putaway_confirmation')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('task_id', 'uuid', (c) => c.notNull().references('warehouse.putaway_task.id'))
    .addColumn('bin_id', 'uuid', (c) => c.notNull())
    .addColumn('qty', 'bigint', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('deviated', 'boolean', (c) => c.notNull())
    .addColumn('movement_id', 'bigint', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await s.createIndex('putaway_confirmation_task_idx').on('putaway_confirmation').column('task_id').execute();

  await s
    .createTable('scan_error')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('receipt_id', 'uuid')
    .addColumn('task_id', 'uuid')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ${list(['bin', 'sku'])}`))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('expected', 'text')
    .addColumn('scanned', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await s.createIndex('scan_error_warehouse_idx').on('scan_error').columns(['warehouse_id', 'at']).execute();
  await s.createIndex('scan_error_task_idx').on('scan_error').column('task_id').execute();

  await s
    .createTable('vendor_return')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('receipt_id', 'uuid', (c) => c.notNull().references('warehouse.receipt.id'))
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('carrier', 'text')
    .addColumn('tracking_no', 'text')
    .addColumn('note', 'text')
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await s.createIndex('vendor_return_receipt_idx').on('vendor_return').column('receipt_id').execute();
  await s
    .createTable('vendor_return_line')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('return_id', 'uuid', (c) => c.notNull().references('warehouse.vendor_return.id'))
    .addColumn('receipt_line_id', 'uuid', (c) => c.notNull().references('warehouse.receipt_line.id'))
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('lot_id', 'uuid')
    .addColumn('qty', 'bigint', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('movement_id', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropSchema('warehouse').ifExists().cascade().execute();
}
