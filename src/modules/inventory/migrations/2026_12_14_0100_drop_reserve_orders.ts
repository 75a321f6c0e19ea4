import { type Kysely, sql } from 'kysely';
import * as previous from './2026_12_13_0100_reserve_orders';

/**
 * `inventory.reserve_orders` is no longer called: `reserveMany` locks the whole group's candidates
 * in one statement, in the order every writer locks balances in, and takes them in a second one.
 * The function walked the orders one by one, each locking its own rows, so two groups running at
 * once could lock the same balances in opposite orders and deadlock.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`drop function inventory.reserve_orders`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await previous.up(db);
}
