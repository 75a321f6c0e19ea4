import { createModules } from '../app/modules';
import { allMigrations, databaseTarget } from '../app/system';
import { type Config, loadConfig } from '../platform/config/config';
import { type Database, migrateToLatest, openDatabase } from '../platform/db';

/** Open the configured database for a one-off command, migrated to the latest schema. */
export async function withDatabase<T>(
  fn: (database: Database, config: Config) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(databaseTarget(config));
  try {
    if (options.migrate !== false) await migrateToLatest(database.db, allMigrations(createModules(config)));
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

export function describeDatabase(config: Config): string {
  return config.database.kind === 'postgres'
    ? `PostgreSQL ${config.database.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`
    : `embedded PGlite in ${config.database.dataDir}`;
}
