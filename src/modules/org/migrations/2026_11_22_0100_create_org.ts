import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createSchema('org').ifNotExists().execute();
  const s = db.schema.withSchema('org');

  await s
    .createTable('department')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('duties_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('duties_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await s
    .createTable('branch')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('is_hq', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  await s
    .createTable('merchant')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await s
    .createTable('role')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text')
    .addColumn('warehouse_scoped', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('merchant_portal', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('system', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  await s
    .createTable('role_permission')
    .addColumn('role_code', 'text', (c) => c.notNull().references('org.role.code').onDelete('cascade'))
    .addColumn('permission', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('role_permission_pk', ['role_code', 'permission'])
    .execute();

  // Default grants already applied once: an admin's later removal of a default grant sticks.
  await s
    .createTable('role_default_applied')
    .addColumn('role_code', 'text', (c) => c.notNull())
    .addColumn('permission', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('role_default_applied_pk', ['role_code', 'permission'])
    .execute();

  await s
    .createTable('user')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('department_id', 'uuid', (c) => c.references('org.department.id'))
    .addColumn('branch_id', 'uuid', (c) => c.references('org.branch.id'))
    .addColumn('merchant_id', 'uuid', (c) => c.references('org.merchant.id'))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('zh-CN'))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('failed_logins', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_until', 'timestamptz')
    .addColumn('last_login_at', 'timestamptz')
    .addColumn('must_change_password', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`create unique index user_username_uq on org."user" (lower(username))`.execute(db);

  await s
    .createTable('user_role')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('org.user.id').onDelete('cascade'))
    .addColumn('role_code', 'text', (c) => c.notNull().references('org.role.code'))
    .addPrimaryKeyConstraint('user_role_pk', ['user_id', 'role_code'])
    .execute();

  // Warehouse ids are plain ids: warehouses belong to the inventory module.
  await s
    .createTable('user_warehouse')
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('org.user.id').onDelete('cascade'))
    .addColumn('warehouse_id', 'uuid', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_warehouse_pk', ['user_id', 'warehouse_id'])
    .execute();

  await s
    .createTable('session')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('org.user.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  await s
    .createTable('api_token')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('org.user.id').onDelete('cascade'))
    .addColumn('permissions', sql`text[]`, (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz')
    .addColumn('last_used_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .execute();

  await s
    .createTable('login_attempt')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('success', 'boolean', (c) => c.notNull())
    .execute();
  await s.createIndex('login_attempt_ip_idx').on('login_attempt').columns(['ip', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropSchema('org').cascade().execute();
}
