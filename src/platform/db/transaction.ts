import {
  AbortedTransactionError,
  CompiledQuery,
  type ConnectionProvider,
  type DatabaseConnection,
  type Dialect,
  DummyDriver,
  isAbortedTransactionError,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  Transaction,
} from 'kysely';
import type { Db, Trx } from './database';

const RETRYABLE = new Set(['40001', '40P01']); // serialization_failure, deadlock_detected

export interface TransactionOptions {
  isolation?: 'read committed' | 'repeatable read' | 'serializable';
  /** Attempts in all, including the first. */
  attempts?: number;
}

/**
 * Run `fn` in a transaction, retrying on serialization failures and deadlocks with jittered backoff.
 * `fn` must be safe to re-run: it receives a fresh transaction each attempt. Given a transaction,
 * `fn` simply runs inside it.
 */
export async function inTransaction<T>(
  db: Db,
  fn: (trx: Trx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  // Already inside a transaction: join it (the outer caller owns commit and retries).
  if (db.isTransaction) return fn(db as Trx);
  const attempts = options.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    try {
      return await runTransaction(db, fn, options.isolation);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      const backoff = Math.min(200, 5 * 2 ** attempt) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, backoff));
    }
  }
}

const BEGIN = CompiledQuery.raw('begin');
const COMMIT = CompiledQuery.raw('commit');
const ROLLBACK = CompiledQuery.raw('rollback');

/**
 * The rest of a transaction handle besides its executor: only `trx.introspection` reaches the
 * dialect, and a transaction never opens, commits or destroys anything through the driver. Both
 * databases (PostgreSQL and the embedded PGlite) are PostgreSQL.
 */
const dialect: Dialect = {
  createAdapter: () => new PostgresAdapter(),
  createDriver: () => new DummyDriver(),
  createIntrospector: (db) => new PostgresIntrospector(db),
  createQueryCompiler: () => new PostgresQueryCompiler(),
};
const handleProps = { config: { dialect }, driver: new DummyDriver(), dialect };

/**
 * One transaction's connection, lent to its statements until it commits or rolls back, one at a
 * time: statements started together (`Promise.all` inside a transaction) wait for the one running.
 */
class TransactionConnection implements ConnectionProvider {
  private running: Promise<unknown> | undefined;
  constructor(public connection: DatabaseConnection | null) {}
  provideConnection<R>(consumer: (connection: DatabaseConnection) => Promise<R>): Promise<R> {
    if (this.running) {
      const next = () => this.provideConnection(consumer);
      return this.running.then(next, next);
    }
    if (!this.connection) return Promise.reject(new Error('Transaction is already committed or rolled back'));
    const running = consumer(this.connection);
    this.running = running;
    const done = () => {
      if (this.running === running) this.running = undefined;
    };
    running.then(done, done);
    return running;
  }
}

/**
 * One attempt: `begin`, `fn`, `commit` (or `rollback`) on one connection. This is what Kysely's
 * `db.transaction().execute(fn)` does, with less around it: a short transaction (a reservation is
 * one statement) took about a third more client time than with plain pg, spent in Kysely's
 * machinery — a transaction builder, an asserting executor, a serialising connection provider, and
 * begin and commit through the driver wrappers, each step a promise or two. The connection comes
 * from the database's own connection provider (the pg pool, or the PGlite driver, which lends its
 * single connection to one transaction at a time), so both behave as before. As in Kysely, a
 * COMMIT that PostgreSQL answers with ROLLBACK (the transaction had already failed) throws, any
 * other failure rolls back, and the handle refuses statements once the transaction is over.
 */
function runTransaction<T>(
  db: Db,
  fn: (trx: Trx) => Promise<T>,
  isolation: TransactionOptions['isolation'],
): Promise<T> {
  const executor = db.getExecutor();
  return executor.provideConnection(async (connection) => {
    await connection.executeQuery(
      isolation ? CompiledQuery.raw(`start transaction isolation level ${isolation}`) : BEGIN,
    );
    const lent = new TransactionConnection(connection);
    try {
      const result = await fn(
        new Transaction({ ...handleProps, executor: executor.withConnectionProvider(lent) }),
      );
      lent.connection = null;
      const { rows } = await connection.executeQuery<{ command?: string }>(COMMIT);
      if (rows[0]?.command === 'ROLLBACK') throw new AbortedTransactionError();
      return result;
    } catch (error) {
      lent.connection = null;
      if (!isAbortedTransactionError(error)) await connection.executeQuery(ROLLBACK);
      throw error;
    }
  });
}

export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as { code?: unknown; constraint?: unknown };
  return e?.code === '23505' && (constraint === undefined || e.constraint === constraint);
}
