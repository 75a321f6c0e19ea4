import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect';
import { PreparingClient } from './prepared-client';

/**
 * The database handle every module receives. Modules type their own tables on top of it with
 * `tablesOf<T>(db)`; the handle itself stays opaque so modules never need each other's table types.
 */
export type Db = Kysely<any>;
export type Trx = Transaction<any>;

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; maxConnections?: number };

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The PGlite instance when embedded (used for dumps in tests and backups). */
  pglite: PGlite | null;
  close(): Promise<void>;
}

/** Narrow the opaque handle to a module's own table types. */
export function tablesOf<T>(db: Db): Kysely<T>;
export function tablesOf<T>(db: Trx): Transaction<T>;
export function tablesOf<T>(db: Db | Trx): Kysely<T> | Transaction<T> {
  return db as Kysely<T>;
}

// int8 as number (ids and counters stay far below 2^53; money helpers guard safe integers),
// `date` as the plain 'YYYY-MM-DD' string (a business day, not an instant), numeric as string.
const INT8 = 20;
const DATE = 1082;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({
      // Parameterised statements are prepared once per connection (prepared-client.ts).
      Client: PreparingClient,
      connectionString: target.url,
      max: target.maxConnections ?? 10,
      options: '-c TimeZone=UTC',
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === INT8) return (v: string) => Number(v);
          if (oid === DATE) return (v: string) => v;
          return pg.types.getTypeParser(oid, format as 'text');
        }) as typeof pg.types.getTypeParser,
      },
    });
    // A broken idle connection must not crash the process; the pool replaces it.
    pool.on('error', () => {});
    const db = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', pglite: null, close: () => db.destroy() };
  }
  if (target.dataDir) fs.mkdirSync(target.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    dataDir: target.dataDir ?? undefined,
    loadDataDir: target.loadDataDir,
    parsers: { [DATE]: (v: string) => v },
  });
  await pglite.exec(`set time zone 'UTC'`);
  const db = new Kysely<any>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: 'pglite', pglite, close: () => db.destroy() };
}
