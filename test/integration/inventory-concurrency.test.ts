import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBins,
  createInventoryModule,
  createWarehouse,
  inventoryMigrations,
  receive,
  reserve,
} from '../../src/modules/inventory';
import { systemActor } from '../../src/platform/auth/principal';
import { type Database, inTransaction, migrateToLatest, openDatabase, tablesOf } from '../../src/platform/db';
import { isAppError } from '../../src/platform/lib/errors';
import { openTestDatabase, type TestDatabase } from '../../src/platform/lib/test-database';
import { platformMigrations } from '../../src/platform/migrations';

/**
 * 64 clients, each on its own connection, race to reserve the last units of a hot SKU spread over
 * several bins and lots, half of them also taking a second SKU in the opposite line order. Each
 * reservation runs with a single attempt (no retry), so a deadlock would surface as a failure.
 */
const onPostgres = process.env.WAYLINE_TEST_DB === 'postgres' && !!process.env.DATABASE_URL;
const CLIENTS = 64;
const NOW = new Date('2026-12-01T02:00:00Z');
const HOT = '0190b000-0000-7000-8000-00000000000a';
const SIDE = '0190b000-0000-7000-8000-00000000000b';
/** Sorts before SCARCE: locked first, so an order that finds SCARCE gone must leave PLENTY as it was. */
const PLENTY = '0190b000-0000-7000-8000-00000000000c';
const SCARCE = '0190b000-0000-7000-8000-00000000000d';
const actor = systemActor('race');

let test: TestDatabase;
let wide: Database;
let warehouseId: string;
let binIds: string[];

describe.skipIf(!onPostgres)('reservations racing on PostgreSQL', () => {
  beforeAll(async () => {
    test = await openTestDatabase('postgres');
    await migrateToLatest(test.db, { platform: platformMigrations, inventory: inventoryMigrations });
    createInventoryModule({
      skuFacts: async (_db, id) => ({
        id,
        code: id === HOT ? 'HOT' : 'SIDE',
        merchantId: id,
        storageClass: 'ambient',
        lotTracked: id === HOT,
        shelfLifeDays: id === HOT ? 100 : null,
        minRemainingShelfLifeDays: id === HOT ? 10 : null,
      }),
    });
    await inTransaction(test.db, async (trx) => {
      warehouseId = await createWarehouse(
        trx,
        actor,
        {
          code: 'WH-R',
          nameZh: 'R',
          nameEn: 'R',
          city: 'X',
          address: 'X',
          zones: [
            {
              code: 'R-A',
              nameZh: 'A',
              nameEn: 'A',
              storageClass: 'ambient',
              tempMinDc: null,
              tempMaxDc: null,
            },
          ],
        },
        NOW,
      );
      const zone = await tablesOf<any>(trx)
        .selectFrom('inventory.zone')
        .select('id')
        .executeTakeFirstOrThrow();
      const bins = await createBins(
        trx,
        actor,
        null,
        warehouseId,
        [1, 2, 3, 4].map((n) => ({
          zoneId: zone.id,
          code: `R-${n}`,
          kind: 'pick_face' as const,
          xMm: n,
          yMm: 0,
        })),
        NOW,
      );
      binIds = bins.map((b) => b.id);
      const ctx = { actor, now: NOW };
      // 96 units of HOT in 4 bins × 2 lots (12 each), and 40 of SIDE.
      for (const bin of bins) {
        for (const [lotCode, expiryDate] of [
          ['A', '2027-01-10'],
          ['B', '2027-02-10'],
        ])
          await receive(trx, { skuId: HOT, binId: bin.id, qty: 12, lotCode, expiryDate }, ctx);
        await receive(trx, { skuId: SIDE, binId: bin.id, qty: 10 }, ctx);
      }
    });
    wide = await openDatabase({ kind: 'postgres', url: test.url!, maxConnections: CLIENTS });
  });
  afterAll(async () => {
    await wide?.close();
    await test?.close();
  });

  it('64 clients: zero oversell, no deadlock, everything in stock reserved', async () => {
    const outcomes = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        const lines = [{ skuId: HOT, qty: 3, warehouseId }];
        if (i % 2) lines.unshift({ skuId: SIDE, qty: 1, warehouseId });
        else lines.push({ skuId: SIDE, qty: 1, warehouseId });
        try {
          await inTransaction(
            wide.db,
            (trx) => reserve(trx, { orderRef: `RACE-${i}`, lines }, { actor, now: NOW }),
            {
              attempts: 1,
            },
          );
          return 'ok';
        } catch (error) {
          if (isAppError(error) && error.code === 'inventory.insufficient_stock') return 'short';
          throw error; // a deadlock (40P01) or anything else fails the test
        }
      }),
    );
    const ok = outcomes.filter((o) => o === 'ok').length;
    expect(ok).toBe(32); // 96 / 3: exactly the stock, no more
    const db = tablesOf<any>(test.db);
    const hot = await db
      .selectFrom('inventory.balance')
      .select((eb) => [
        eb.fn.sum<number>('on_hand').as('onHand'),
        eb.fn.sum<number>('reserved').as('reserved'),
      ])
      .where('sku_id', '=', HOT)
      .executeTakeFirstOrThrow();
    expect(Number(hot.reserved)).toBe(96);
    expect(Number(hot.onHand)).toBe(96);
    const orders = await db
      .selectFrom('inventory.reservation')
      .select((eb) => eb.fn.sum<number>('qty').as('qty'))
      .where('sku_id', '=', HOT)
      .executeTakeFirstOrThrow();
    expect(Number(orders.qty)).toBe(96);
    const { auditStock } = await import('../../src/modules/inventory');
    expect((await auditStock(test.db)).discrepancies).toEqual([]);
  });

  it('all or nothing under the race: an order short of a later line takes nothing of the earlier ones', async () => {
    // PLENTY: 1,000 in one bin. SCARCE: 20 in 4 bins of 5. Every client wants 1 of each; only
    // the 20 that get SCARCE may hold PLENTY.
    await inTransaction(test.db, async (trx) => {
      const ctx = { actor, now: NOW };
      await receive(trx, { skuId: PLENTY, binId: binIds[0], qty: 1000 }, ctx);
      for (const binId of binIds) await receive(trx, { skuId: SCARCE, binId, qty: 5 }, ctx);
    });
    const outcomes = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        try {
          await inTransaction(
            wide.db,
            (trx) =>
              reserve(
                trx,
                {
                  orderRef: `RACE2-${i}`,
                  lines: [
                    { skuId: SCARCE, qty: 1, warehouseId },
                    { skuId: PLENTY, qty: 1, warehouseId },
                  ],
                },
                { actor, now: NOW },
              ),
            { attempts: 1 },
          );
          return 'ok';
        } catch (error) {
          if (isAppError(error) && error.code === 'inventory.insufficient_stock') return 'short';
          throw error;
        }
      }),
    );
    expect(outcomes.filter((o) => o === 'ok').length).toBe(20);
    const reserved = await tablesOf<any>(test.db)
      .selectFrom('inventory.balance')
      .select(['sku_id', (eb) => eb.fn.sum<number>('reserved').as('reserved')])
      .where('sku_id', 'in', [PLENTY, SCARCE])
      .groupBy('sku_id')
      .execute();
    expect(Object.fromEntries(reserved.map((r) => [r.sku_id, Number(r.reserved)]))).toEqual({
      [PLENTY]: 20,
      [SCARCE]: 20,
    });
    const { auditStock } = await import('../../src/modules/inventory');
    expect((await auditStock(test.db)).discrepancies).toEqual([]);
  });
});
