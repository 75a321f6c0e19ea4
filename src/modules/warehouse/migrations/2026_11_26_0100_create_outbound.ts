import { type Kysely, sql } from 'kysely';

const list = (values: readonly string[]) => sql.raw(`(${values.map((v) => `'${v}'`).join(', ')})`);

const TEMPERATURES = ['ambient', 'chilled', 'frozen'];

/**
 * Outbound operations in schema `warehouse`: the carrier cut-off table, outbound documents (出库单)
 * made from released orders with their lines (the exact reserved bins and lots), waves with their
 * status history, batch pick lists and pick tasks sequenced along the pick path, shortages and the
 * count requests they raise, refused scans, packages (parcels) with their items and waybill numbers,
 * and gate passes (出门证). Orders, SKUs, bins and lots belong to other modules: plain ids, no
 * foreign keys. CHECK constraints repeat the quantity rules so no write path can break them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createSchema('warehouse').ifNotExists().execute();
  const s = db.schema.withSchema('warehouse');

  await s
    .createTable('carrier_cutoff')
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('service_type', 'text', (c) => c.notNull())
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('cutoff_local', 'text', (c) =>
      c.notNull().check(sql`cutoff_local ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    )
    .addColumn('updated_by_name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('carrier_cutoff_pk', ['warehouse_id', 'service_type'])
    .execute();

  await s
    .createTable('waybill_sequence')
    .addColumn('carrier', 'text', (c) => c.primaryKey())
    .addColumn('last_value', 'bigint', (c) => c.notNull())
    .execute();

  await s
    .createTable('wave')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ${list(['planned', 'released', 'picking', 'picked', 'packed', 'closed', 'cancelled'])}`,
        ),
    )
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ${list(['proposal', 'manual'])}`))
    .addColumn('carrier', 'text')
    .addColumn('cutoff_at', 'timestamptz')
    .addColumn('temperature_class', 'text', (c) => c.check(sql`temperature_class in ${list(TEMPERATURES)}`))
    .addColumn('zone_key', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by_id', 'uuid')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('released_at', 'timestamptz')
    .addColumn('closed_at', 'timestamptz')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancel_reason', 'text')
    .execute();
  await s
    .createIndex('wave_warehouse_idx')
    .on('wave')
    .columns(['warehouse_id', 'status', 'created_at'])
    .execute();

  await s
    .createTable('wave_history')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('wave_id', 'uuid', (c) => c.notNull().references('warehouse.wave.id'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute();
  await s.createIndex('wave_history_wave_idx').on('wave_history').column('wave_id').execute();

  await s
    .createTable('outbound')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('order_id', 'uuid', (c) => c.notNull())
    .addColumn('order_number', 'text', (c) => c.notNull())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('source_event_id', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ${list(['open', 'waved', 'picking', 'picked', 'packing', 'packed', 'shipped', 'cancelled'])}`,
        ),
    )
    .addColumn('service_type', 'text', (c) => c.notNull())
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('cutoff_at', 'timestamptz', (c) => c.notNull())
    .addColumn('temperature_class', 'text', (c) =>
      c.notNull().check(sql`temperature_class in ${list(TEMPERATURES)}`),
    )
    .addColumn('zone_key', 'text', (c) => c.notNull())
    .addColumn('wave_id', 'uuid', (c) => c.references('warehouse.wave.id'))
    .addColumn('promised_date', 'date')
    .addColumn('credit_approved_at', 'timestamptz')
    .addColumn('credit_approved_by_name', 'text')
    .addColumn('credit_note', 'text')
    .addColumn('packed_at', 'timestamptz')
    .addColumn('shipped_at', 'timestamptz')
    .addColumn('gate_pass_id', 'uuid')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('cancel_reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  // One live outbound document per order; a cancelled one frees the order for its next release.
  await sql`create unique index outbound_order_uq on warehouse.outbound (order_id) where status <> 'cancelled'`.execute(
    db,
  );
  await s
    .createIndex('outbound_warehouse_idx')
    .on('outbound')
    .columns(['warehouse_id', 'status', 'cutoff_at'])
    .execute();
  await s.createIndex('outbound_wave_idx').on('outbound').column('wave_id').execute();

  await s
    .createTable('pick_list')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('wave_id', 'uuid', (c) => c.notNull().references('warehouse.wave.id'))
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('zone_id', 'uuid')
    .addColumn('temperature_class', 'text', (c) =>
      c.notNull().check(sql`temperature_class in ${list(TEMPERATURES)}`),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ${list(['open', 'picking', 'done', 'cancelled'])}`),
    )
    .addColumn('supplementary', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('route_mm', 'integer', (c) => c.notNull().check(sql`route_mm >= 0`))
    .addColumn('s_shape_mm', 'integer', (c) => c.notNull().check(sql`s_shape_mm >= 0`))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('optimal', 'boolean', (c) => c.notNull())
    .addColumn('layout', 'jsonb', (c) => c.notNull())
    .addColumn('waypoints', 'jsonb', (c) => c.notNull())
    .addColumn('picker_id', 'uuid')
    .addColumn('picker_name', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz')
    .addColumn('completed_at', 'timestamptz')
    .addCheckConstraint('pick_list_route_not_longer', sql`route_mm <= s_shape_mm`)
    .execute();
  await s.createIndex('pick_list_wave_idx').on('pick_list').column('wave_id').execute();
  await s
    .createIndex('pick_list_warehouse_idx')
    .on('pick_list')
    .columns(['warehouse_id', 'status'])
    .execute();

  await s
    .createTable('pick_task')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('pick_list_id', 'uuid', (c) => c.notNull().references('warehouse.pick_list.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('leg_mm', 'integer', (c) => c.notNull())
    .addColumn('bin_id', 'uuid', (c) => c.notNull())
    .addColumn('bin_code', 'text', (c) => c.notNull())
    .addColumn('bin_barcode', 'text', (c) => c.notNull())
    .addColumn('x_mm', 'integer', (c) => c.notNull())
    .addColumn('y_mm', 'integer', (c) => c.notNull())
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('sku_code', 'text', (c) => c.notNull())
    .addColumn('lot_id', 'uuid')
    .addColumn('lot_code', 'text')
    .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty >= 0`))
    .addColumn('picked_qty', 'integer', (c) => c.notNull().defaultTo(0).check(sql`picked_qty >= 0`))
    .addColumn('short_qty', 'integer', (c) => c.notNull().defaultTo(0).check(sql`short_qty >= 0`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ${list(['open', 'done', 'short', 'cancelled'])}`),
    )
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('pick_task_within_qty', sql`picked_qty + short_qty <= qty`)
    .execute();
  await s.createIndex('pick_task_list_idx').on('pick_task').columns(['pick_list_id', 'seq']).execute();

  await s
    .createTable('outbound_line')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('outbound_id', 'uuid', (c) => c.notNull().references('warehouse.outbound.id'))
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('sku_code', 'text', (c) => c.notNull())
    .addColumn('bin_id', 'uuid', (c) => c.notNull())
    .addColumn('bin_code', 'text', (c) => c.notNull())
    .addColumn('zone_id', 'uuid')
    .addColumn('lot_id', 'uuid')
    .addColumn('lot_code', 'text')
    .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty >= 0`))
    .addColumn('picked_qty', 'integer', (c) => c.notNull().defaultTo(0).check(sql`picked_qty >= 0`))
    .addColumn('short_qty', 'integer', (c) => c.notNull().defaultTo(0).check(sql`short_qty >= 0`))
    .addColumn('pick_task_id', 'uuid', (c) => c.references('warehouse.pick_task.id'))
    .addCheckConstraint('outbound_line_within_qty', sql`picked_qty + short_qty <= qty`)
    .execute();
  await s.createIndex('outbound_line_outbound_idx').on('outbound_line').column('outbound_id').execute();
  await s.createIndex('outbound_line_task_idx').on('outbound_line').column('pick_task_id').execute();

  await s
    .createTable('count_request')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('bin_id', 'uuid', (c) => c.notNull())
    .addColumn('bin_code', 'text', (c) => c.notNull())
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('lot_id', 'uuid')
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ${list(['short_pick', 'manual'])}`))
    .addColumn('expected_qty', 'integer', (c) => c.notNull())
    .addColumn('found_qty', 'integer', (c) => c.notNull())
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'uuid')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ${list(['open', 'done', 'cancelled'])}`),
    )
    .addColumn('note', 'text')
    .addColumn('created_by_id', 'uuid')
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .execute();
  await s
    .createIndex('count_request_open_idx')
    .on('count_request')
    .columns(['warehouse_id', 'status', 'created_at'])
    .execute();

  await s
    .createTable('pick_shortage')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('pick_task_id', 'uuid', (c) => c.notNull().references('warehouse.pick_task.id'))
    .addColumn('outbound_id', 'uuid', (c) => c.notNull().references('warehouse.outbound.id'))
    .addColumn('order_id', 'uuid', (c) => c.notNull())
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('bin_id', 'uuid', (c) => c.notNull())
    .addColumn('lot_id', 'uuid')
    .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('count_request_id', 'uuid', (c) => c.references('warehouse.count_request.id'))
    .addColumn('note', 'text')
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await s.createIndex('pick_shortage_task_idx').on('pick_shortage').column('pick_task_id').execute();

  await s
    .createTable('package')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('outbound_id', 'uuid', (c) => c.notNull().references('warehouse.outbound.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ${list(['open', 'sealed'])}`))
    .addColumn('proposed_carton_type_id', 'text', (c) => c.notNull())
    .addColumn('carton_type_id', 'text', (c) => c.notNull())
    .addColumn('carton_changed_reason', 'text')
    .addColumn('carton_changed_by_name', 'text')
    .addColumn('temperature', 'text', (c) => c.notNull().check(sql`temperature in ${list(TEMPERATURES)}`))
    .addColumn('coolant_packs', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('length_mm', 'integer', (c) => c.notNull().check(sql`length_mm > 0`))
    .addColumn('width_mm', 'integer', (c) => c.notNull().check(sql`width_mm > 0`))
    .addColumn('height_mm', 'integer', (c) => c.notNull().check(sql`height_mm > 0`))
    .addColumn('computed_weight_g', 'integer', (c) => c.notNull().check(sql`computed_weight_g >= 0`))
    .addColumn('weight_g', 'integer', (c) => c.check(sql`weight_g > 0`))
    .addColumn('fill_pct', 'integer', (c) => c.notNull())
    .addColumn('waybill_no', 'text', (c) => c.unique())
    .addColumn('carrier', 'text')
    .addColumn('sealed_at', 'timestamptz')
    .addColumn('sealed_by_name', 'text')
    .addColumn('gate_checked_at', 'timestamptz')
    .addColumn('gate_checked_by_name', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('package_seq_uq', ['outbound_id', 'seq'])
    .addCheckConstraint(
      'package_sealed_complete',
      sql`status <> 'sealed' or (waybill_no is not null and weight_g is not null)`,
    )
    .execute();

  await s
    .createTable('package_item')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('package_id', 'uuid', (c) => c.notNull().references('warehouse.package.id'))
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('sku_code', 'text', (c) => c.notNull())
    .addColumn('qty', 'integer', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('scanned_qty', 'integer', (c) => c.notNull().defaultTo(0).check(sql`scanned_qty >= 0`))
    .addCheckConstraint('package_item_scanned_within', sql`scanned_qty <= qty`)
    .addUniqueConstraint('package_item_sku_uq', ['package_id', 'sku_id'])
    .execute();

  await s
    .createTable('outbound_scan_error')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ${list(['pick', 'pack', 'gate'])}`))
    .addColumn('pick_list_id', 'uuid')
    .addColumn('pick_task_id', 'uuid')
    .addColumn('outbound_id', 'uuid')
    .addColumn('package_id', 'uuid')
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ${list(['bin', 'sku', 'lot', 'qty', 'item', 'parcel'])}`),
    )
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('expected', 'text')
    .addColumn('scanned', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await s
    .createIndex('outbound_scan_error_idx')
    .on('outbound_scan_error')
    .columns(['warehouse_id', 'stage', 'at'])
    .execute();
  await s
    .createIndex('outbound_scan_error_list_idx')
    .on('outbound_scan_error')
    .column('pick_list_id')
    .execute();

  await s
    .createTable('gate_pass')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('carrier', 'text', (c) => c.notNull())
    .addColumn('vehicle_plate', 'text', (c) => c.notNull())
    .addColumn('driver_name', 'text')
    .addColumn('note', 'text')
    .addColumn('parcels', 'integer', (c) => c.notNull().check(sql`parcels > 0`))
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .execute();
  await s.createIndex('gate_pass_warehouse_idx').on('gate_pass').columns(['warehouse_id', 'at']).execute();

  await s
    .createTable('gate_pass_line')
    .addColumn('gate_pass_id', 'uuid', (c) => c.notNull().references('warehouse.gate_pass.id'))
    .addColumn('outbound_id', 'uuid', (c) => c.notNull().references('warehouse.outbound.id'))
    .addColumn('order_number', 'text', (c) => c.notNull())
    .addColumn('waybills', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('gate_pass_line_pk', ['gate_pass_id', 'outbound_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'gate_pass_line',
    'gate_pass',
    'outbound_scan_error',
    'package_item',
    'package',
    'pick_shortage',
    'count_request',
    'outbound_line',
    'pick_task',
    'pick_list',
    'outbound',
    'wave_history',
    'wave',
    'waybill_sequence',
    'carrier_cutoff',
  ])
    await db.schema.withSchema('warehouse').dropTable(table).ifExists().execute();
}
