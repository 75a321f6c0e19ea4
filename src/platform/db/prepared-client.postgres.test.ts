import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testPostgresUrl } from '../lib/test-database';
import { type Database, openDatabase } from './database';

describe.skipIf(!testPostgresUrl)('statements prepared once per connection (PostgreSQL)', () => {
  let t: TestDatabase;
  let one: Database;
  beforeAll(async () => {
    t = await openTestDatabase('postgres');
    // One connection, so every statement below runs on the same session.
    one = await openDatabase({ kind: 'postgres', url: t.url!, maxConnections: 1 });
    await sql`create table prep_probe (id int primary key, v text)`.execute(one.db);
    await sql`insert into prep_probe select g, 'v' || g from generate_series(1, 200) g`.execute(one.db);
  });
  afterAll(async () => {
    await one?.close();
    await t?.close();
  });

  const prepared = async (marker: string) =>
    Number(
      (
        await sql<{ n: number }>`select count(*)::int as n from pg_prepared_statements
          where statement like ${`%${marker}%`}`.execute(one.db)
      ).rows[0].n,
    );

  it('prepares a parameterised statement once and reuses it with other values', async () => {
    for (let id = 1; id <= 8; id++) {
      const { rows } = await sql<{
        v: string;
      }>`select v from prep_probe where id = ${id} -- probe-one`.execute(one.db);
      expect(rows).toEqual([{ v: `v${id}` }]);
    }
    expect(await prepared('probe-one')).toBe(1);
  });

  it('leaves statements without parameters and bulk arrays to be planned each time', async () => {
    await sql`select count(*) from prep_probe -- probe-plain`.execute(one.db);
    const many = Array.from({ length: 120 }, (_, i) => i + 1);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from prep_probe
      where id = any(${many}::int[]) -- probe-bulk`.execute(one.db);
    expect(rows[0].n).toBe(120);
    expect(await prepared('probe-plain')).toBe(0);
    expect(await prepared('probe-bulk')).toBe(0);
    // The same text with a few elements is an ordinary lookup and is prepared.
    await sql`select count(*)::int as n from prep_probe where id = any(${[1, 2]}::int[]) -- probe-bulk`.execute(
      one.db,
    );
    expect(await prepared('probe-bulk')).toBe(1);
  });

  it('fails once, then runs unprepared, when another process changes the table under it', async () => {
    const star = (id: number) => sql`select * from prep_probe where id = ${id} -- probe-star`.execute(one.db);
    expect((await star(1)).rows[0]).toEqual({ id: 1, v: 'v1' });
    const other = new pg.Client({ connectionString: t.url! });
    await other.connect();
    await other.query('alter table prep_probe add column w int default 7');
    await other.end();
    await expect(star(2)).rejects.toThrow(/cached plan must not change result type/);
    expect((await star(3)).rows[0]).toEqual({ id: 3, v: 'v3', w: 7 });
    expect((await star(4)).rows[0]).toEqual({ id: 4, v: 'v4', w: 7 });
  });
});
