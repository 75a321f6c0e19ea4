import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../db/transaction';
import { nextDocNumber, nextDocNumbers } from './doc-number';
import { AppError } from './errors';
import { openTestDatabase, type TestDatabase, testPostgresUrl } from './test-database';

// 2026-11-22 09:30 in Shanghai.
const now = new Date('2026-11-22T01:30:00Z');

describe('nextDocNumber (PGlite)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('pglite');
  });
  afterAll(() => t.close());

  it('numbers documents per prefix and Shanghai business day, six digits', async () => {
    const first = await inTransaction(t.db, (trx) => nextDocNumber(trx, 'SO', now));
    const second = await inTransaction(t.db, (trx) => nextDocNumber(trx, 'SO', now));
    const otherPrefix = await inTransaction(t.db, (trx) => nextDocNumber(trx, 'PO', now));
    expect([first, second, otherPrefix]).toEqual([
      'SO20261122000001',
      'SO20261122000002',
      'PO20261122000001',
    ]);
    // 16:00 UTC is midnight in Shanghai: a new business day starts a new sequence.
    const nextDay = await inTransaction(t.db, (trx) =>
      nextDocNumber(trx, 'SO', new Date('2026-11-22T16:00:00Z')),
    );
    expect(nextDay).toBe('SO20261123000001');
    // 15:59 UTC is 23:59 in Shanghai: still 22 Nov.
    const lateEvening = await inTransaction(t.db, (trx) =>
      nextDocNumber(trx, 'SO', new Date('2026-11-22T15:59:00Z')),
    );
    expect(lateEvening).toBe('SO20261122000003');
    // Another zone decides the day by its own midnight.
    const utc = await inTransaction(t.db, (trx) =>
      nextDocNumber(trx, 'SO', new Date('2026-11-22T16:00:00Z'), 'UTC'),
    );
    expect(utc).toBe('SO20261122000004');
  });

  it('gives the number back when the transaction rolls back', async () => {
    await expect(
      inTransaction(t.db, async (trx) => {
        await nextDocNumber(trx, 'RB', now);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await inTransaction(t.db, (trx) => nextDocNumber(trx, 'RB', now))).toBe('RB20261122000001');
  });

  it('hands out distinct consecutive numbers to many callers', async () => {
    const numbers = await Promise.all(
      Array.from({ length: 30 }, () => inTransaction(t.db, (trx) => nextDocNumber(trx, 'ASN', now))),
    );
    expect(new Set(numbers).size).toBe(30);
    expect(numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
  });

  it('hands out a block of consecutive numbers in one step (bulk imports), continuing the day’s sequence', async () => {
    const before = await inTransaction(t.db, (trx) => nextDocNumber(trx, 'BLK', now));
    const block = await inTransaction(t.db, (trx) => nextDocNumbers(trx, 'BLK', now, 3));
    const after = await inTransaction(t.db, (trx) => nextDocNumber(trx, 'BLK', now));
    expect([before, ...block, after]).toEqual([
      'BLK20261122000001',
      'BLK20261122000002',
      'BLK20261122000003',
      'BLK20261122000004',
      'BLK20261122000005',
    ]);
    expect(await inTransaction(t.db, (trx) => nextDocNumbers(trx, 'BLK', now, 0))).toEqual([]);
  });

  it('rejects prefixes that would make numbers ambiguous', async () => {
    for (const bad of ['so', 'S-O', '', '1SO', 'TOOLONGPREFIX']) {
      await expect(inTransaction(t.db, (trx) => nextDocNumber(trx, bad, now))).rejects.toBeInstanceOf(
        AppError,
      );
    }
  });
});

describe.skipIf(!testPostgresUrl)('nextDocNumber (PostgreSQL, parallel transactions)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('postgres');
  });
  afterAll(() => t?.close());

  it('never hands the same number to concurrent transactions', async () => {
    const numbers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        inTransaction(t.db, async (trx) => {
          const n = await nextDocNumber(trx, 'SO', now);
          // Hold the row lock a little so transactions really overlap.
          await new Promise((r) => setTimeout(r, i % 3));
          return n;
        }),
      ),
    );
    expect(new Set(numbers).size).toBe(60);
    expect(numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 60 }, (_, i) => i + 1),
    );
  });
});
