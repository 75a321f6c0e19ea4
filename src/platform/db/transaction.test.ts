import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './database';
import { inTransaction, isRetryable } from './transaction';

describe('inTransaction', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    await database.db.schema.createTable('t').addColumn('v', 'integer').execute();
  });
  afterAll(() => database.close());

  it('retries serialization failures and deadlocks with a fresh transaction, rolling back each failed attempt', async () => {
    let attempts = 0;
    const result = await inTransaction(database.db, async (trx) => {
      attempts++;
      await trx.insertInto('t').values({ v: attempts }).execute();
      if (attempts === 1) throw Object.assign(new Error('could not serialize'), { code: '40001' });
      if (attempts === 2) throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
      return 'done';
    });
    expect(result).toBe('done');
    expect(attempts).toBe(3);
    const rows = await database.db.selectFrom('t').select('v').execute();
    expect(rows).toEqual([{ v: 3 }]);
  });

  it('does not retry other errors, and gives up after the attempt budget', async () => {
    let attempts = 0;
    await expect(
      inTransaction(database.db, async () => {
        attempts++;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(attempts).toBe(1);
    attempts = 0;
    await expect(
      inTransaction(
        database.db,
        async () => {
          attempts++;
          throw Object.assign(new Error('again'), { code: '40001' });
        },
        { attempts: 3 },
      ),
    ).rejects.toThrow('again');
    expect(attempts).toBe(3);
    expect(isRetryable({ code: '23505' })).toBe(false);
  });

  it('serialises concurrent transactions on the single PGlite connection', async () => {
    await database.db.deleteFrom('t').execute();
    await database.db.insertInto('t').values({ v: 0 }).execute();
    // Read-modify-write in 20 concurrent transactions: interleaving would lose increments.
    await Promise.all(
      Array.from({ length: 20 }, () =>
        inTransaction(database.db, async (trx) => {
          const { v } = await trx.selectFrom('t').select('v').executeTakeFirstOrThrow();
          await new Promise((r) => setTimeout(r, 1));
          await trx
            .updateTable('t')
            .set({ v: v + 1 })
            .execute();
        }),
      ),
    );
    expect((await database.db.selectFrom('t').select('v').executeTakeFirstOrThrow()).v).toBe(20);
  });
});
