import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createBins,
  createInventoryModule,
  createWarehouse,
  inventoryMigrations,
  receive,
  reserve,
  reserveMany,
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
/** One-line orders: undated stock, and dated stock of which one lot is too short-dated to ship. */
const SOLO = '0190b000-0000-7000-8000-00000000000e';
const DATED = '0190b000-0000-7000-8000-00000000000f';
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
        lotTracked: id === HOT || id === DATED,
        shelfLifeDays: id === HOT || id === DATED ? 100 : null,
        minRemainingShelfLifeDays: id === HOT || id === DATED ? 10 : null,
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

  it('one-line orders alone and in groups: FEFO, never a too-short-dated lot, no deadlock, nothing oversold', async () => {
    // SOLO: 20 undated in 4 bins of 5. DATED: per bin 3 of lot S (expires in 4 days: under the SKU's
    // 10-day minimum, never taken) and 3 of lot L — 12 that may ship.
    await inTransaction(test.db, async (trx) => {
      const ctx = { actor, now: NOW };
      for (const binId of binIds) {
        await receive(trx, { skuId: SOLO, binId, qty: 5 }, ctx);
        await receive(trx, { skuId: DATED, binId, qty: 3, lotCode: 'S', expiryDate: '2026-12-05' }, ctx);
        await receive(trx, { skuId: DATED, binId, qty: 3, lotCode: 'L', expiryDate: '2027-03-01' }, ctx);
      }
    });
    const ctx = { actor, now: NOW };
    const took = await Promise.all(
      Array.from({ length: CLIENTS }, async (_, i) => {
        const solo = { skuId: SOLO, qty: 1, warehouseId };
        return inTransaction(
          wide.db,
          async (trx) => {
            if (i % 2 === 0) {
              // Alone, as a single order reserves.
              try {
                await reserve(trx, { orderRef: `SOLO-${i}`, lines: [solo] }, ctx);
                return { solo: 1, dated: 0 };
              } catch (error) {
                if (isAppError(error) && error.code === 'inventory.insufficient_stock')
                  return { solo: 0, dated: 0 };
                throw error;
              }
            }
            // In a group of two orders, as group intake reserves; half know the shelf life.
            const dated = {
              skuId: DATED,
              qty: 2,
              warehouseId,
              ...(i % 4 === 1 ? { minRemainingShelfLifeDays: 10 } : {}),
            };
            const [a, b] = await reserveMany(
              trx,
              [
                { orderRef: `DATED-${i}`, lines: [dated] },
                { orderRef: `SOLO-${i}`, lines: [solo] },
              ],
              ctx,
            );
            for (const r of [a, b])
              if (r instanceof Error && !(isAppError(r) && r.code === 'inventory.insufficient_stock'))
                throw r;
            return { dated: a instanceof Error ? 0 : 2, solo: b instanceof Error ? 0 : 1 };
          },
          { attempts: 1 },
        );
      }),
    );
    expect(took.reduce((s, t) => s + t.solo, 0)).toBe(20);
    expect(took.reduce((s, t) => s + t.dated, 0)).toBe(12);
    const byLot = await tablesOf<any>(test.db)
      .selectFrom('inventory.balance as b')
      .leftJoin('inventory.lot as l', 'l.id', 'b.lot_id')
      .select(['b.sku_id', 'l.code', (eb) => eb.fn.sum<number>('b.reserved').as('reserved')])
      .where('b.sku_id', 'in', [SOLO, DATED])
      .groupBy(['b.sku_id', 'l.code'])
      .execute();
    expect(
      Object.fromEntries(
        byLot.map((r) => [`${r.sku_id === SOLO ? 'SOLO' : 'DATED'}:${r.code}`, Number(r.reserved)]),
      ),
    ).toEqual({ 'SOLO:null': 20, 'DATED:S': 0, 'DATED:L': 12 });
    const { auditStock } = await import('../../src/modules/inventory');
    expect((await auditStock(test.db)).discrepancies).toEqual([]);
  });
});
