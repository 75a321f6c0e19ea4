import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Db } from './database';

/** A module's migrations, keyed by name. Names start with a timestamp: `2026_11_22_0900_create_users`. */
export type MigrationSet = Record<string, Migration>;

/**
 * One migrator for the whole system. Each module owns its migrations; they are merged here and run
 * in timestamp order, with the owning module as part of the recorded name (`org/2026_...`).
 */
export function createMigrator(db: Db, sets: Record<string, MigrationSet>): Migrator {
  const provider: MigrationProvider = {
    async getMigrations() {
      const all: Array<[string, Migration]> = [];
      for (const [owner, set] of Object.entries(sets)) {
        for (const [name, migration] of Object.entries(set)) all.push([`${name}@${owner}`, migration]);
      }
      all.sort(([a], [b]) => a.localeCompare(b));
      return Object.fromEntries(all);
    },
  };
  return new Migrator({
    db,
    provider,
    migrationTableSchema: 'public',
    migrationTableName: 'wayline_migration',
    migrationLockTableName: 'wayline_migration_lock',
    allowUnorderedMigrations: true,
  });
}

export async function migrateToLatest(db: Db, sets: Record<string, MigrationSet>): Promise<string[]> {
  const { error, results } = await createMigrator(db, sets).migrateToLatest();
  if (error) throw error;
  const failed = results?.find((r) => r.status === 'Error');
  if (failed) throw new Error(`Migration ${failed.migrationName} failed`);
  return (results ?? []).map((r) => r.migrationName);
}

export async function pendingMigrations(db: Db, sets: Record<string, MigrationSet>): Promise<string[]> {
  const migrations = await createMigrator(db, sets).getMigrations();
  return migrations.filter((m) => !m.executedAt).map((m) => m.name);
}
