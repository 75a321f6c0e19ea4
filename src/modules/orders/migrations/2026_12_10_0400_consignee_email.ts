import { type Kysely, sql } from 'kysely';

/**
 * Orders learn an optional consignee e-mail (lower-cased at intake), so the e-mail channel of the
 * order milestone notifications can reach the consumer. Earlier orders have none.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table orders."order" add column consignee_email text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table orders."order" drop column consignee_email`.execute(db);
}
