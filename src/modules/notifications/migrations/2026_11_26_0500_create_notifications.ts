import { type Kysely, sql } from 'kysely';

/**
 * Notifications: message templates per event × channel × language, channel settings, merchants'
 * webhook endpoints, and the delivery log (one row per event × channel × recipient, retried from there).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createSchema('notifications').ifNotExists().execute();
  const s = db.schema.withSchema('notifications');
  await s
    .createTable('template')
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('sms', 'email')`))
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('zh-CN', 'en')`))
    .addColumn('subject', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('enabled', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addPrimaryKeyConstraint('template_pk', ['event', 'channel', 'lang'])
    .execute();
  await s
    .createTable('channel_setting')
    .addColumn('channel', 'text', (c) => c.primaryKey())
    .addColumn('enabled', 'boolean', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull().defaultTo('zh-CN'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await s
    .createTable('webhook_endpoint')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('merchant_id', 'uuid', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('events', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'disabled')`))
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('disabled_reason', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await s.createIndex('webhook_endpoint_merchant_idx').on('webhook_endpoint').column('merchant_id').execute();
  await s
    .createTable('delivery')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('event_id', 'uuid', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('sms', 'email', 'webhook')`))
    /** Endpoint id for webhooks, '-' for the consignee channels: the idempotency key is (event, channel, target). */
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('order_id', 'uuid')
    .addColumn('order_number', 'text')
    .addColumn('merchant_id', 'uuid')
    .addColumn('endpoint_id', 'uuid')
    .addColumn('recipient_masked', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'sent', 'failed', 'skipped')`),
    )
    .addColumn('payload', 'jsonb', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'timestamptz')
    .addColumn('last_error', 'text')
    .addColumn('response_status', 'integer')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz')
    .addUniqueConstraint('delivery_event_channel_target_uq', ['event_id', 'channel', 'target'])
    .execute();
  await s.createIndex('delivery_due_idx').on('delivery').columns(['status', 'next_attempt_at']).execute();
  await s.createIndex('delivery_order_idx').on('delivery').columns(['order_id', 'created_at']).execute();
  await s
    .createIndex('delivery_merchant_idx')
    .on('delivery')
    .columns(['merchant_id', 'created_at desc', 'id desc'])
    .execute();
}
