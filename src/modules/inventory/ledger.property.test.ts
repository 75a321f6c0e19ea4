import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/auth/principal';
import { inTransaction, migrateToLatest, type Trx } from '../../platform/db';
import { isAppError } from '../../platform/lib/errors';
import { openTestDatabase, type TestDatabase } from '../../platform/lib/test-database';
import { platformMigrations } from '../../platform/migrations';
import { createBins } from './bin.service';
import { bindInventoryDeps, type SkuFacts } from './inventory.deps';
import { inventoryMigrations } from './inventory.module';
import { createWarehouse } from './location.service';
import { reservationLock, reserveMany } from './reservation.many';
import { pick, release, reserve, ship } from './reservation.service';
import { adjust, move, receive } from './stock.service';
import { STOCK_STATUSES, stockDb } from './stock.tables';
import { auditStock } from './stock-audit.service';

/**
 * Random sequences of receipts, moves, status changes, adjustments, reservations (alone and in
 * groups), releases, picks and shipments; after every operation: nothing negative, reserved ≤ on
 * hand, and balances (and order reservations) equal what the ledger adds up to. A group reserves
 * exactly what its orders reserved one after another would have.
 */
const NOW = new Date('2026-12-01T02:00:00Z');
const SKUS: SkuFacts[] = [
  {
    id: '0190a000-0000-7000-8000-00000000000a',
    code: 'DRY',
    merchantId: '0190a000-0000-7000-8000-0000000000ff',
    storageClass: 'ambient',
    lotTracked: false,
    shelfLifeDays: null,
    minRemainingShelfLifeDays: null,
  },
  {
    id: '0190a000-0000-7000-8000-00000000000b',
    code: 'MILK',
    merchantId: '0190a000-0000-7000-8000-0000000000ff',
    storageClass: 'chilled',
    lotTracked: true,
    shelfLifeDays: 30,
    minRemainingShelfLifeDays: 5,
  },
];
const LOTS = [
  ['L1', '2026-12-03'], // below the minimum remaining shelf life: never reserved
  ['L2', '2026-12-10'],
  ['L3', '2026-12-20'],
] as const;

let database: TestDatabase;
const bins: Array<{ id: string; cls: string }> = [];
const ctx = { actor: systemActor('property-test'), now: NOW };

beforeAll(async () => {
  database = await openTestDatabase('pglite');
  await migrateToLatest(database.db, { platform: platformMigrations, inventory: inventoryMigrations });
  bindInventoryDeps({
    skuFacts: async (_db, id) => {
      const sku = SKUS.find((s) => s.id === id);
      if (!sku) throw new Error(`unknown sku ${id}`);
      return sku;
    },
  });
  await inTransaction(database.db, async (trx) => {
    const zone = (code: string, storageClass: 'ambient' | 'chilled') => ({
      code,
      nameZh: code,
      nameEn: code,
      storageClass,
      tempMinDc: null,
      tempMaxDc: null,
    });
    const wid = await createWarehouse(
      trx,
      ctx.actor,
      {
        code: 'WH-P',
        nameZh: 'P',
        nameEn: 'P',
        city: 'X',
        address: 'X',
        zones: [zone('P-A', 'ambient'), zone('P-C', 'chilled')],
      },
      NOW,
    );
    const zones = await stockDb(trx).selectFrom('inventory.zone').selectAll().execute();
    for (const z of zones) {
      const made = await createBins(
        trx,
        ctx.actor,
        null,
        wid,
        [1, 2, 3].map((n) => ({
          zoneId: z.id,
          code: `${z.code}-${n}`,
          kind: 'pick_face' as const,
          xMm: n,
          yMm: 0,
        })),
        NOW,
      );
      bins.push(...made.map((b) => ({ id: b.id, cls: z.storage_class })));
    }
  });
});
afterAll(async () => database?.close());

const skuIx = fc.integer({ min: 0, max: 1 });
const binIx = fc.integer({ min: 0, max: 5 });
const lotIx = fc.integer({ min: 0, max: 2 });
const qty = fc.integer({ min: 1, max: 12 });
const orderIx = fc.integer({ min: 0, max: 1 });
const status = fc.constantFrom(...STOCK_STATUSES);
const op = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('receive' as const),
      sku: skuIx,
      bin: binIx,
      lot: lotIx,
      qty,
      status: fc.oneof({ weight: 4, arbitrary: fc.constant('available' as const) }, status),
    }),
  },
  fc.record({
    op: fc.constant('move' as const),
    sku: skuIx,
    from: binIx,
    to: binIx,
    lot: lotIx,
    qty,
    // Mostly available stock (held stock may not be moved by hand: those moves are refused).
    status: fc.oneof({ weight: 4, arbitrary: fc.constant('available' as const) }, status),
  }),
  fc.record({
    op: fc.constant('adjust' as const),
    sku: skuIx,
    bin: binIx,
    lot: lotIx,
    delta: fc.integer({ min: -8, max: 8 }).filter((d) => d !== 0),
  }),
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('reserve' as const),
      order: orderIx,
      sku: skuIx,
      qty,
      sku2: fc.option(skuIx),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('reserveGroup' as const),
      orders: fc.array(
        fc.record({
          order: orderIx,
          sku: skuIx,
          qty,
          sku2: fc.option(skuIx),
          known: fc.boolean(),
          // Orders next to each other with the same unit stand or fall together (a split order's parts).
          unit: fc.option(fc.integer({ min: 0, max: 1 })),
        }),
        { minLength: 1, maxLength: 4 },
      ),
      // Locked first by a statement of the caller's, as an order group's insert does.
      prelocked: fc.boolean(),
    }),
  },
  fc.record({ op: fc.constant('release' as const), order: orderIx, partial: fc.option(qty, { freq: 2 }) }),
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('pick' as const), order: orderIx, row: fc.nat(), qty }),
  },
  fc.record({ op: fc.constant('ship' as const), order: orderIx }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function lotId(trx: Trx, sku: number, lot: number): Promise<string | null> {
  if (!SKUS[sku].lotTracked) return null;
  const row = await stockDb(trx)
    .selectFrom('inventory.lot')
    .select('id')
    .where('code', '=', LOTS[lot][0])
    .executeTakeFirst();
  return row?.id ?? '0190a000-0000-7000-8000-000000000000';
}

let run = 0;
/** Orders reserved in groups, and turned away short: the property must have met both. */
const groups = { reserved: 0, short: 0 };
async function apply(o: Op) {
  const order = `SO-${run}-${'order' in o ? o.order : 0}`;
  await inTransaction(database.db, async (trx) => {
    switch (o.op) {
      case 'receive': {
        const [code, expiryDate] = LOTS[o.lot];
        const lot = SKUS[o.sku].lotTracked ? { lotCode: code, expiryDate } : {};
        await receive(
          trx,
          { skuId: SKUS[o.sku].id, binId: bins[o.bin].id, qty: o.qty, status: o.status, ...lot },
          ctx,
        );
        return;
      }
      case 'move':
        await move(
          trx,
          {
            skuId: SKUS[o.sku].id,
            fromBinId: bins[o.from].id,
            toBinId: bins[o.to].id,
            lotId: await lotId(trx, o.sku, o.lot),
            qty: o.qty,
            // Moves keep the status (only the quality review changes it); held stock is refused.
            fromStatus: o.status,
          },
          ctx,
        );
        return;
      case 'adjust':
        await adjust(
          trx,
          {
            skuId: SKUS[o.sku].id,
            binId: bins[o.bin].id,
            lotId: await lotId(trx, o.sku, o.lot),
            delta: o.delta,
            reason: 'test',
          },
          ctx,
        );
        return;
      case 'reserve': {
        const wid = (
          await stockDb(trx).selectFrom('inventory.warehouse').select('id').executeTakeFirstOrThrow()
        ).id;
        const lines = [{ skuId: SKUS[o.sku].id, qty: o.qty, warehouseId: wid }];
        if (o.sku2 !== null) lines.push({ skuId: SKUS[o.sku2].id, qty: 1, warehouseId: wid });
        await reserve(trx, { orderRef: order, lines }, ctx);
        return;
      }
      case 'reserveGroup': {
        const wid = (
          await stockDb(trx).selectFrom('inventory.warehouse').select('id').executeTakeFirstOrThrow()
        ).id;
        const line = (sku: number, n: number, known: boolean) => ({
          skuId: SKUS[sku].id,
          qty: n,
          warehouseId: wid,
          ...(known ? { minRemainingShelfLifeDays: SKUS[sku].minRemainingShelfLifeDays } : {}),
        });
        const group = o.orders.map((g) => ({
          orderRef: `SO-${run}-${g.order}`,
          lines: [line(g.sku, g.qty, g.known), ...(g.sku2 === null ? [] : [line(g.sku2, 1, g.known)])],
          unit: g.unit === null ? undefined : `u${g.unit}`,
        }));
        // What the orders reserved one after another take, a unit's all or none (then undone) …
        await sql`savepoint alone`.execute(trx);
        const alone: unknown[] = [];
        for (let first = 0; first < group.length; ) {
          let end = first + 1;
          while (group[first].unit && group[end]?.unit === group[first].unit) end++;
          await sql`savepoint unit`.execute(trx);
          const got: unknown[] = [];
          let short: string | null = null;
          for (const g of group.slice(first, end)) {
            if (short) break;
            got.push(
              await reserve(trx, g, ctx).catch((error) => {
                if (!isAppError(error)) throw error;
                short = error.code;
                return error.code;
              }),
            );
          }
          if (short) {
            await sql`rollback to savepoint unit`.execute(trx);
            alone.push(...Array(end - first).fill(short));
          } else alone.push(...got);
          first = end;
        }
        await sql`rollback to savepoint alone`.execute(trx);
        // … is what the group takes.
        const lock = o.prelocked ? reservationLock(group, ctx) : null;
        const locked = lock ? { rows: (await lock.query.execute(trx)).rows, pairs: lock.pairs } : undefined;
        const together = await reserveMany(trx, group, ctx, { locked });
        for (const r of together) groups[r instanceof Error ? 'short' : 'reserved']++;
        expect(together.map((r) => (r instanceof Error && isAppError(r) ? r.code : r))).toEqual(alone);
        return;
      }
      case 'release':
        await release(
          trx,
          { orderRef: order, lines: o.partial ? [{ skuId: SKUS[1].id, qty: o.partial }] : undefined },
          ctx,
        );
        return;
      case 'pick': {
        const rows = await stockDb(trx)
          .selectFrom('inventory.reservation as r')
          .innerJoin('inventory.bin as b', 'b.id', 'r.bin_id')
          .select(['r.sku_id', 'r.bin_id', 'r.lot_id', 'r.qty'])
          .where('r.order_ref', '=', order)
          .where('b.kind', '<>', 'dispatch')
          .orderBy('r.id')
          .execute();
        if (!rows.length) return;
        const r = rows[o.row % rows.length];
        await pick(
          trx,
          { orderRef: order, skuId: r.sku_id, binId: r.bin_id, lotId: r.lot_id, qty: o.qty },
          ctx,
        );
        return;
      }
      case 'ship':
        await ship(trx, { orderRef: order }, ctx);
        return;
    }
  }).catch((error) => {
    if (!isAppError(error)) throw error; // refusals (short stock, wrong zone, …) are fine; anything else is a bug
  });
}

async function checkInvariants() {
  const bad = await sql<{ n: number }>`
    select count(*)::int as n from inventory.balance
    where on_hand < 0 or reserved < 0 or reserved > on_hand or (reserved > 0 and status <> 'available')`.execute(
    database.db,
  );
  expect(bad.rows[0].n).toBe(0);
  const audit = await auditStock(database.db);
  expect(audit.discrepancies).toEqual([]);
  // Nothing reserved from a lot below the minimum remaining shelf life.
  const short = await sql<{ n: number }>`
    select count(*)::int as n from inventory.reservation r join inventory.lot l on l.id = r.lot_id
    join inventory.bin b on b.id = r.bin_id where l.code = 'L1' and b.kind <> 'dispatch' and r.qty > 0`.execute(
    database.db,
  );
  expect(short.rows[0].n).toBe(0);
}

describe('stock ledger invariants under random operations', () => {
  it('never negative, reserved ≤ on hand, balances = sum of movements, after every step', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        run++;
        for (const o of ops) {
          await apply(o);
          await checkInvariants();
        }
      }),
      { numRuns: 60, seed: 20261123 },
    );
    const movements = await sql<{ type: string; n: number }>`
      select type, count(*)::int as n from inventory.movement group by type`.execute(database.db);
    const types = new Set(movements.rows.map((r) => r.type));
    for (const t of ['receipt', 'move', 'adjust', 'reserve', 'release', 'pick', 'ship'])
      expect(types).toContain(t);
    expect(groups).toMatchObject({ reserved: expect.any(Number), short: expect.any(Number) });
    expect(groups.reserved).toBeGreaterThan(10);
    expect(groups.short).toBeGreaterThan(3);
  });

  it('the audit names a tampered balance', async () => {
    await sql`update inventory.balance set on_hand = on_hand + 1 where id = (select min(id) from inventory.balance)`.execute(
      database.db,
    );
    const audit = await auditStock(database.db);
    expect(audit.ok).toBe(false);
    expect(
      audit.discrepancies.some((d) => d.kind === 'balance' && d.balanceOnHand === d.ledgerOnHand + 1),
    ).toBe(true);
    await expect(sql`delete from inventory.movement`.execute(database.db)).rejects.toThrow(/append-only/);
  });
});
