import { type Kysely, sql } from 'kysely';

/**
 * Staff messages: an inbox row per user for things they must act on (planning alerts and the like),
 * and the delivery log learns staff recipients (e-mail to a user rather than to a consignee).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const s = db.schema.withSchema('notifications');
  await s
    .createTable('staff_message')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull().check(sql`severity in ('critical', 'warning', 'info')`))
    .addColumn('title_zh', 'text', (c) => c.notNull())
    .addColumn('title_en', 'text', (c) => c.notNull())
    .addColumn('body_zh', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('read_at', 'timestamptz')
    .addUniqueConstraint('staff_message_event_user_uq', ['event_id', 'user_id'])
    .execute();
  await s
    .createIndex('staff_message_user_idx')
    .on('staff_message')
    .columns(['user_id', 'created_at desc', 'id'])
    .execute();
  await s.alterTable('delivery').addColumn('user_id', 'uuid').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema('notifications').alterTable('delivery').dropColumn('user_id').execute();
  await db.schema.withSchema('notifications').dropTable('staff_message').execute();
}
