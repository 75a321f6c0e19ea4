import { type Kysely, sql } from 'kysely';

/**
 * ABC runs learn their `basis`: SKUs ranked by pick lines (the default, what travel depends on) or
 * by units picked (shipped volume). Earlier runs were by pick lines. `abc_item.cum_lines` keeps its
 * name but holds the cumulative of the run's basis measure.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table warehouse.abc_run
    add column basis text not null default 'lines' check (basis in ('lines', 'units'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table warehouse.abc_run drop column basis`.execute(db);
}
