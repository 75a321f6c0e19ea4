import { type Kysely, sql } from 'kysely';

/**
 * Quality hold lines learn `missing_qty`: held stock a count did not find. A count shortage is
 * taken from held stock after the free available stock, so the hold must stop asking a reviewer to
 * decide about units that are gone — otherwise the review would fail on stock that is no longer
 * there and the hold would never close.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table inventory.quality_hold_line
    add column missing_qty bigint not null default 0 check (missing_qty >= 0)`.execute(db);
  await sql`alter table inventory.quality_hold_line drop constraint hold_line_within_qty`.execute(db);
  await sql`alter table inventory.quality_hold_line add constraint hold_line_within_qty
    check (released_qty + damaged_qty + scrapped_qty + expired_qty + missing_qty <= qty)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table inventory.quality_hold_line drop constraint hold_line_within_qty`.execute(db);
  await sql`alter table inventory.quality_hold_line drop column missing_qty`.execute(db);
  await sql`alter table inventory.quality_hold_line add constraint hold_line_within_qty
    check (released_qty + damaged_qty + scrapped_qty + expired_qty <= qty)`.execute(db);
}
