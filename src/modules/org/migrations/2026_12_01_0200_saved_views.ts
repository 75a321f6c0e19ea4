import type { Kysely } from 'kysely';

/** Saved list views: a user's named filter sets per console list (optionally shared with everyone). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .withSchema('org')
    .createTable('saved_view')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('org.user.id').onDelete('cascade'))
    .addColumn('page', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('shared', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('saved_view_user_page_name_uq', ['user_id', 'page', 'name'])
    .execute();
  await db.schema
    .withSchema('org')
    .createIndex('saved_view_page_idx')
    .on('saved_view')
    .columns(['page', 'shared'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.withSchema('org').dropTable('saved_view').execute();
}
