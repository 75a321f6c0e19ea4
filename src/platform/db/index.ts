export { type Database, type DatabaseTarget, type Db, openDatabase, type Trx, tablesOf } from './database';
export { containsPattern } from './like';
export { createMigrator, type MigrationSet, migrateToLatest, pendingMigrations } from './migrator';
export { inTransaction, isRetryable, isUniqueViolation, type TransactionOptions } from './transaction';
