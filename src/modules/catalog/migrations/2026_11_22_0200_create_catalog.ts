import { type Kysely, sql } from 'kysely';

/**
 * Schema `catalog`: SKUs (item master) and their barcodes. Merchants live in the org module, so
 * `merchant_id` is a plain id without a foreign key. The CHECK constraints repeat the rules of
 * `sku.schemas.ts` so no write path can store an inconsistent SKU.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createSchema('catalog').ifNotExists().execute();

  await db.schema
    .withSchema('catalog')
    .createTable('sku')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().check(sql`code ~ '^[A-Z0-9_.-]{1,40}$'`))
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('weight_g', 'integer', (c) => c.notNull().check(sql`weight_g > 0`))
    .addColumn('length_mm', 'integer', (c) => c.notNull().check(sql`length_mm > 0`))
    .addColumn('width_mm', 'integer', (c) => c.notNull().check(sql`width_mm > 0`))
    .addColumn('height_mm', 'integer', (c) => c.notNull().check(sql`height_mm > 0`))
    .addColumn('storage_class', 'text', (c) =>
      c.notNull().check(sql`storage_class in ('ambient', 'chilled', 'frozen', 'fragile', 'hazardous')`),
    )
    .addColumn('shelf_life_days', 'integer', (c) => c.check(sql`shelf_life_days > 0`))
    .addColumn('min_remaining_shelf_life_days', 'integer', (c) =>
      c.check(sql`min_remaining_shelf_life_days >= 0 and min_remaining_shelf_life_days <= shelf_life_days`),
    )
    .addColumn('lot_tracked', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('hazard_class', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('sku_merchant_code_key', ['merchant_id', 'code'])
    .addCheckConstraint('sku_shelf_life_lot_check', sql`shelf_life_days is null or lot_tracked`)
    .addCheckConstraint(
      'sku_hazard_class_check',
      sql`(storage_class = 'hazardous') = (hazard_class is not null)`,
    )
    .execute();
  // List order (code, id) across merchants, and prefix search on the code.
  await db.schema
    .withSchema('catalog')
    .createIndex('sku_code_idx')
    .on('sku')
    .columns(['code', 'id'])
    .execute();
  await sql`create index sku_code_pattern_idx on catalog.sku (code text_pattern_ops)`.execute(db);

  await db.schema
    .withSchema('catalog')
    .createTable('sku_barcode')
    .addColumn('barcode', 'text', (c) => c.primaryKey().check(sql`barcode ~ '^[0-9]{8,14}$'`))
    .addColumn('sku_id', 'uuid', (c) => c.notNull().references('catalog.sku.id').onDelete('cascade'))
    .addColumn('position', 'smallint', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .withSchema('catalog')
    .createIndex('sku_barcode_sku_idx')
    .on('sku_barcode')
    .column('sku_id')
    .execute();

  // Substring search (ILIKE '%…%') on code and names uses trigram indexes where pg_trgm can be
  // installed (PostgreSQL server); embedded PGlite has no pg_trgm and scans, which is fine at
  // catalogue sizes (tens of thousands of SKUs).
  const trgm = await sql<{ ok: boolean }>`
    select exists (select 1 from pg_available_extensions where name = 'pg_trgm')
       and (exists (select 1 from pg_extension where extname = 'pg_trgm')
            or has_database_privilege(current_database(), 'CREATE')) as ok`.execute(db);
  if (trgm.rows[0]?.ok) {
    await sql`create extension if not exists pg_trgm`.execute(db);
    for (const column of ['code', 'name_zh', 'name_en']) {
      await sql`create index ${sql.raw(`sku_${column}_trgm_idx`)} on catalog.sku using gin (${sql.ref(column)} gin_trgm_ops)`.execute(
        db,
      );
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema('catalog').dropTable('sku_barcode').execute();
  await db.schema.withSchema('catalog').dropTable('sku').execute();
  await db.schema.dropSchema('catalog').execute();
}
