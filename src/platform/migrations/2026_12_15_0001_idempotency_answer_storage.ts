import { type Kysely, sql } from 'kysely';

/**
 * Stored answers are kept uncompressed, and in the row itself while the row fits in a page: an
 * answer is written once per POST and read back only for a retry, and compressing a few kilobytes
 * of JSON with pglz and cutting it into TOAST chunks on every write cost the database more than
 * the order transaction's largest statement. Larger answers still go out of line (uncompressed).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table platform.idempotency_key alter column response_body set storage external`.execute(db);
  await sql`alter table platform.idempotency_key set (toast_tuple_target = 8160)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table platform.idempotency_key reset (toast_tuple_target)`.execute(db);
  await sql`alter table platform.idempotency_key alter column response_body set storage extended`.execute(db);
}
