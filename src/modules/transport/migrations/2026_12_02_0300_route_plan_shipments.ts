import { type Kysely, sql } from 'kysely';

/**
 * Plans made from a warehouse's shipments: which outbound document and order each stop delivers
 * (so a day's shipments are planned once, and route sheets name the orders), where a plan's stops
 * came from, and each warehouse's default fleet and unloading time for such plans.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .withSchema('transport')
    .alterTable('route_plan')
    .addColumn('source', 'text', (c) =>
      c.notNull().defaultTo('stops').check(sql`source in ('stops', 'shipments')`),
    )
    .execute();
  await db.schema
    .withSchema('transport')
    .createTable('route_plan_shipment')
    .addColumn('plan_id', 'uuid', (c) =>
      c.notNull().references('transport.route_plan.id').onDelete('cascade'),
    )
    .addColumn('stop_id', 'text', (c) => c.notNull())
    .addColumn('outbound_id', 'uuid', (c) => c.notNull())
    .addColumn('outbound_number', 'text', (c) => c.notNull())
    .addColumn('order_id', 'uuid', (c) => c.notNull())
    .addColumn('order_number', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('route_plan_shipment_pk', ['plan_id', 'outbound_id'])
    .execute();
  await db.schema
    .withSchema('transport')
    .createIndex('route_plan_shipment_outbound_idx')
    .on('route_plan_shipment')
    .column('outbound_id')
    .execute();
  await db.schema
    .withSchema('transport')
    .createIndex('route_plan_day_idx')
    .on('route_plan')
    .columns(['warehouse_id', 'delivery_date'])
    .execute();
  await db.schema
    .withSchema('transport')
    .createTable('fleet_setting')
    .addColumn('warehouse_id', 'uuid', (c) => c.primaryKey())
    .addColumn('vehicles', 'jsonb', (c) => c.notNull())
    .addColumn('service_min', 'double precision', (c) => c.notNull())
    .addColumn('updated_by_name', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema('transport').dropTable('fleet_setting').execute();
  await db.schema.withSchema('transport').dropIndex('route_plan_day_idx').execute();
  await db.schema.withSchema('transport').dropTable('route_plan_shipment').execute();
  await db.schema.withSchema('transport').alterTable('route_plan').dropColumn('source').execute();
}
