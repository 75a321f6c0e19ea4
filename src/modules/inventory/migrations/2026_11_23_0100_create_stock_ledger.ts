import { type Kysely, sql } from 'kysely';

/**
 * The stock ledger: bins, lots, append-only movements, balances by SKU × bin × lot × status, and
 * reservations per order. SKUs belong to the catalog module: `sku_id` is a plain id, no foreign key.
 * The CHECK constraints repeat the ledger's invariants so no write path can break them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema.withSchema('inventory');
  await s
    .createTable('bin')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull().references('inventory.warehouse.id'))
    .addColumn('zone_id', 'uuid', (c) => c.references('inventory.zone.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('barcode', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('pick_face', 'reserve', 'dispatch')`))
    .addColumn('x_mm', 'integer', (c) => c.notNull())
    .addColumn('y_mm', 'integer', (c) => c.notNull())
    .addColumn('max_weight_g', 'bigint', (c) => c.check(sql`max_weight_g > 0`))
    .addColumn('max_volume_mm3', 'bigint', (c) => c.check(sql`max_volume_mm3 > 0`))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('bin_code_uq', ['warehouse_id', 'code'])
    // Storage bins sit in a zone; the dispatch point is the one bin outside the zones.
    .addCheckConstraint('bin_zone_or_dispatch', sql`(kind = 'dispatch') = (zone_id is null)`)
    .execute();
  await sql`create unique index bin_dispatch_uq on inventory.bin (warehouse_id) where kind = 'dispatch'`.execute(
    db,
  );
  await s.createIndex('bin_zone_idx').on('bin').columns(['zone_id', 'code']).execute();

  await s
    .createTable('lot')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('production_date', 'date')
    .addColumn('expiry_date', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('lot_sku_code_uq', ['sku_id', 'code'])
    .addCheckConstraint(
      'lot_dates_ordered',
      sql`production_date is null or expiry_date is null or expiry_date >= production_date`,
    )
    .execute();

  const statuses = sql`('available', 'quality_hold', 'damaged', 'quarantine')`;
  await s
    .createTable('movement')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`type in ('receipt', 'putaway', 'move', 'reserve', 'release', 'pick', 'ship', 'adjust', 'count_variance', 'scrap', 'return', 'kit_consume', 'kit_produce')`,
        ),
    )
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('lot_id', 'uuid', (c) => c.references('inventory.lot.id'))
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('from_bin_id', 'uuid', (c) => c.references('inventory.bin.id'))
    .addColumn('from_status', 'text', (c) => c.check(sql`from_status in ${statuses}`))
    .addColumn('to_bin_id', 'uuid', (c) => c.references('inventory.bin.id'))
    .addColumn('to_status', 'text', (c) => c.check(sql`to_status in ${statuses}`))
    .addColumn('qty', 'bigint', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('actor_id', 'uuid')
    .addColumn('actor_name', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'text')
    .addColumn('request_id', 'text')
    .addCheckConstraint('movement_from_leg', sql`(from_bin_id is null) = (from_status is null)`)
    .addCheckConstraint('movement_to_leg', sql`(to_bin_id is null) = (to_status is null)`)
    .addCheckConstraint('movement_has_leg', sql`from_bin_id is not null or to_bin_id is not null`)
    .execute();
  await s.createIndex('movement_sku_idx').on('movement').columns(['sku_id', 'id']).execute();
  await s.createIndex('movement_source_idx').on('movement').columns(['source_type', 'source_id']).execute();
  await s.createIndex('movement_warehouse_idx').on('movement').columns(['warehouse_id', 'id']).execute();
  // Append-only: corrections are new movements, never edits.
  await sql`
    create function inventory.movement_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'inventory.movement is append-only' using errcode = '55000';
    end $$`.execute(db);
  await sql`
    create trigger movement_append_only before update or delete on inventory.movement
    for each row execute function inventory.movement_append_only()`.execute(db);

  await s
    .createTable('balance')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('bin_id', 'uuid', (c) => c.notNull().references('inventory.bin.id'))
    .addColumn('lot_id', 'uuid', (c) => c.references('inventory.lot.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ${statuses}`))
    .addColumn('on_hand', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`on_hand >= 0`))
    .addColumn('reserved', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`reserved >= 0`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('balance_reserved_within_on_hand', sql`reserved <= on_hand`)
    .addCheckConstraint('balance_reserved_only_available', sql`reserved = 0 or status = 'available'`)
    .execute();
  await sql`create unique index balance_key_uq on inventory.balance (sku_id, bin_id, lot_id, status) nulls not distinct`.execute(
    db,
  );
  await s
    .createIndex('balance_sku_idx')
    .on('balance')
    .columns(['sku_id', 'warehouse_id', 'status'])
    .execute();
  await s.createIndex('balance_bin_idx').on('balance').columns(['bin_id']).execute();

  await s
    .createTable('reservation')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('order_ref', 'text', (c) => c.notNull())
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('bin_id', 'uuid', (c) => c.notNull().references('inventory.bin.id'))
    .addColumn('lot_id', 'uuid', (c) => c.references('inventory.lot.id'))
    .addColumn('qty', 'bigint', (c) => c.notNull().check(sql`qty >= 0`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create unique index reservation_key_uq on inventory.reservation (order_ref, sku_id, bin_id, lot_id) nulls not distinct`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['reservation', 'balance', 'movement', 'lot', 'bin'])
    await db.schema.withSchema('inventory').dropTable(t).ifExists().cascade().execute();
  await sql`drop function if exists inventory.movement_append_only()`.execute(db);
}
