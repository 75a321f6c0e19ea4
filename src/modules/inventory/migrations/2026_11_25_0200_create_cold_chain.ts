import { type Kysely, sql } from 'kysely';

/**
 * Fresh goods and safety: temperature rules per storage class, readings per zone (or vehicle),
 * the evaluation state per zone, excursions, alerts, quality holds with their lines, and incidents
 * (damage, loss, theft, fire) with the stock lines they wrote off. Temperatures in tenths of °C.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema.withSchema('inventory');
  const classes = sql`('ambient', 'chilled', 'frozen', 'fragile', 'hazardous')`;

  await s
    .createTable('temperature_rule')
    .addColumn('storage_class', 'text', (c) => c.primaryKey().check(sql`storage_class in ${classes}`))
    // Out of the zone's range this long (minutes) is an excursion …
    .addColumn('tolerance_minutes', 'integer', (c) =>
      c.notNull().check(sql`tolerance_minutes between 0 and 1440`),
    )
    // … and beyond the range by more than this (tenths of °C) is one at once.
    .addColumn('hard_margin_dc', 'integer', (c) => c.notNull().check(sql`hard_margin_dc between 0 and 500`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text')
    .execute();
  await sql`
    insert into inventory.temperature_rule (storage_class, tolerance_minutes, hard_margin_dc) values
      ('ambient', 120, 50), ('chilled', 30, 30), ('frozen', 30, 50), ('fragile', 120, 50), ('hazardous', 60, 50)
  `.execute(db);

  await s
    .createTable('temperature_reading')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('warehouse_id', 'uuid')
    .addColumn('zone_id', 'uuid', (c) => c.references('inventory.zone.id'))
    // A vehicle (transport) id for reefer trucks; stored now, evaluated once vehicles have ranges.
    .addColumn('vehicle_id', 'text')
    .addColumn('device_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('sensor', 'manual')`))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('temp_dc', 'integer', (c) => c.notNull().check(sql`temp_dc between -800 and 800`))
    .addColumn('recorded_by_id', 'uuid')
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addCheckConstraint('reading_zone_or_vehicle', sql`(zone_id is null) <> (vehicle_id is null)`)
    .addCheckConstraint('reading_zone_has_warehouse', sql`zone_id is null or warehouse_id is not null`)
    .execute();
  // A sensor that sends the same reading twice stores it once.
  await sql`create unique index temperature_reading_uq on inventory.temperature_reading
    (zone_id, vehicle_id, device_id, at) nulls not distinct`.execute(db);
  await s
    .createIndex('temperature_reading_zone_idx')
    .on('temperature_reading')
    .columns(['zone_id', 'at'])
    .execute();

  await s
    .createTable('zone_temperature_state')
    .addColumn('zone_id', 'uuid', (c) => c.primaryKey().references('inventory.zone.id'))
    // Readings up to this instant have been evaluated.
    .addColumn('evaluated_until', 'timestamptz', (c) => c.notNull())
    // The first reading of the current out-of-range spell, and its most extreme value.
    .addColumn('out_since', 'timestamptz')
    .addColumn('spell_peak_dc', 'integer')
    .addColumn('open_excursion_id', 'uuid')
    .execute();

  await s
    .createTable('temperature_excursion')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('zone_id', 'uuid', (c) => c.notNull().references('inventory.zone.id'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('detected_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('high', 'low')`))
    .addColumn('trigger', 'text', (c) => c.notNull().check(sql`trigger in ('duration', 'hard_limit')`))
    .addColumn('peak_dc', 'integer', (c) => c.notNull())
    .addColumn('band_min_dc', 'integer', (c) => c.notNull())
    .addColumn('band_max_dc', 'integer', (c) => c.notNull())
    .addColumn('tolerance_minutes', 'integer', (c) => c.notNull())
    .addColumn('hard_margin_dc', 'integer', (c) => c.notNull())
    .addColumn('hold_id', 'uuid')
    .addCheckConstraint('excursion_ends_after_start', sql`ended_at is null or ended_at >= started_at`)
    .execute();
  await sql`create unique index temperature_excursion_open_uq on inventory.temperature_excursion (zone_id)
    where ended_at is null`.execute(db);
  await s
    .createIndex('temperature_excursion_wh_idx')
    .on('temperature_excursion')
    .columns(['warehouse_id', 'started_at'])
    .execute();

  await s
    .createTable('alert')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('temperature_excursion', 'stock_expired')`),
    )
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('critical', 'warning', 'info')`))
    .addColumn('zone_id', 'uuid')
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('params', 'jsonb', (c) => c.notNull())
    .addColumn('raised_at', 'timestamptz', (c) => c.notNull())
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('acknowledged_by_id', 'uuid')
    .addColumn('acknowledged_by_name', 'text')
    .addColumn('ack_note', 'text')
    .execute();
  await s.createIndex('alert_wh_idx').on('alert').columns(['warehouse_id', 'raised_at']).execute();

  await s
    .createTable('quality_hold')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('doc_no', 'text', (c) => c.notNull().unique())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('closed_at', 'timestamptz')
    .addColumn('reviewed_by_id', 'uuid')
    .addColumn('reviewed_by_name', 'text')
    .addColumn('review_note', 'text')
    .execute();
  await s
    .createIndex('quality_hold_wh_idx')
    .on('quality_hold')
    .columns(['warehouse_id', 'created_at'])
    .execute();
  await s
    .createTable('quality_hold_line')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('hold_id', 'uuid', (c) => c.notNull().references('inventory.quality_hold.id'))
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('bin_id', 'uuid', (c) => c.notNull().references('inventory.bin.id'))
    .addColumn('lot_id', 'uuid', (c) => c.references('inventory.lot.id'))
    .addColumn('qty', 'bigint', (c) => c.notNull().check(sql`qty > 0`))
    .addColumn('released_qty', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`released_qty >= 0`))
    .addColumn('damaged_qty', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`damaged_qty >= 0`))
    .addColumn('scrapped_qty', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`scrapped_qty >= 0`))
    // Quarantined by the expiry job while on hold.
    .addColumn('expired_qty', 'bigint', (c) => c.notNull().defaultTo(0).check(sql`expired_qty >= 0`))
    .addCheckConstraint(
      'hold_line_within_qty',
      sql`released_qty + damaged_qty + scrapped_qty + expired_qty <= qty`,
    )
    .execute();
  await s
    .createIndex('quality_hold_line_hold_idx')
    .on('quality_hold_line')
    .columns(['hold_id', 'id'])
    .execute();
  await s
    .createIndex('quality_hold_line_key_idx')
    .on('quality_hold_line')
    .columns(['sku_id', 'bin_id', 'lot_id'])
    .execute();

  await s
    .createTable('incident')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('doc_no', 'text', (c) => c.notNull().unique())
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('damage', 'loss', 'theft', 'fire')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('draft', 'posted', 'cancelled')`))
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('photos', 'jsonb', (c) => c.notNull())
    .addColumn('reported_by_id', 'uuid')
    .addColumn('reported_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('posted_at', 'timestamptz')
    .addColumn('posted_by_id', 'uuid')
    .addColumn('posted_by_name', 'text')
    .addColumn('cancelled_at', 'timestamptz')
    .execute();
  await s.createIndex('incident_wh_idx').on('incident').columns(['warehouse_id', 'created_at']).execute();
  await s
    .createTable('incident_line')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('incident_id', 'uuid', (c) => c.notNull().references('inventory.incident.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('sku_id', 'uuid', (c) => c.notNull())
    .addColumn('bin_id', 'uuid', (c) => c.notNull().references('inventory.bin.id'))
    .addColumn('lot_id', 'uuid', (c) => c.references('inventory.lot.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('available', 'quality_hold', 'damaged', 'quarantine')`),
    )
    .addColumn('qty', 'bigint', (c) => c.notNull().check(sql`qty > 0`))
    .addUniqueConstraint('incident_line_no_uq', ['incident_id', 'line_no'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'incident_line',
    'incident',
    'quality_hold_line',
    'quality_hold',
    'alert',
    'temperature_excursion',
    'zone_temperature_state',
    'temperature_reading',
    'temperature_rule',
  ])
    await db.schema.withSchema('inventory').dropTable(t).ifExists().cascade().execute();
}
