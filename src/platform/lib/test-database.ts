import pg from 'pg';
import { type Db, openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrator';
import { platformMigrations } from '../migrations/index';
import { newId } from './ids';

/**
 * Test-only: a fresh database with the platform migrations applied. `pglite` is in memory; `postgres`
 * creates a throwaway database on the server named by DATABASE_URL and drops it on close.
 */
export interface TestDatabase {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Connection URL of the throwaway database (postgres only), to open more independent pools. */
  url: string | null;
  close(): Promise<void>;
}

export const testPostgresUrl: string | null = process.env.DATABASE_URL || null;

export async function openTestDatabase(kind: 'pglite' | 'postgres' = 'pglite'): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrateToLatest(database.db, { platform: platformMigrations });
    return { db: database.db, kind, url: null, close: () => database.close() };
  }
  if (!testPostgresUrl) throw new Error('DATABASE_URL is not set');
  const name = `wayline_t_${newId().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: testPostgresUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testPostgresUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: 20 });
  await migrateToLatest(database.db, { platform: platformMigrations });
  return {
    db: database.db,
    kind,
    url: url.toString(),
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: testPostgresUrl });
      await dropper.connect();
      try {
        await dropper.query(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
