/**
 * Full-count benchmark (issue 3, "a full count of 10,000 SKUs posted in under 30 s"), on the
 * PostgreSQL server of DATABASE_URL, in a throwaway database created and dropped by the run:
 * 10,000 SKUs with stock across 2,000 bins (received through the ledger), a full count (全盘)
 * generated through the warehouse module's services, every bin counted blind (one transaction per
 * bin, like handhelds; some lines off by a few units, some goods found in empty bins), approved, and
 * then the posting timed — the set-based `count_variance` posting, the last-count records and the
 * status change, in one transaction — followed by `auditStock` to prove ledger = balances.
 *
 *   DATABASE_URL=postgres://… npx tsx bench/warehouse/count.ts [--skus 10000] [--per-bin 5] [--clients 8] [--variance-pct 10]
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  auditStock,
  createBins,
  createInventoryModule,
  createWarehouse,
  inventoryMigrations,
  type ReceiveInput,
  receiveMany,
} from '../../src/modules/inventory';
import {
  approveCount,
  createFullCount,
  createWarehouseModule,
  getCount,
  listCountTasks,
  postCount,
  submitCountTask,
  warehouseMigrations,
} from '../../src/modules/warehouse';
import { systemActor } from '../../src/platform/auth/principal';
import { inTransaction, migrateToLatest, openDatabase, tablesOf } from '../../src/platform/db';
import { platformMigrations } from '../../src/platform/migrations';

export interface CountBenchOptions {
  /** PostgreSQL server (default: DATABASE_URL). */
  databaseUrl?: string;
  skus?: number;
  /** SKUs per bin (default 5: 10,000 SKUs in 2,000 bins). */
  perBin?: number;
  /** Counters submitting bins at once (default 8). */
  clients?: number;
  /** Share of lines counted off the book, % (default 10). */
  variancePct?: number;
  print?: boolean;
}

export interface CountBenchResult {
  /** Seconds to post the full count (the figure with the 30 s target). */
  count10kS: number;
  skus: number;
  bins: number;
  lines: number;
  varianceLines: number;
  movements: number;
  seedS: number;
  generateS: number;
  countingS: number;
  auditOk: boolean;
  auditS: number;
}

const MERCHANT = '0190c000-0000-7000-8000-00000000beef';
const skuId = (i: number) => `0190c001-0000-7000-8000-${String(i).padStart(12, '0')}`;

export async function runCountBench(opts: CountBenchOptions = {}): Promise<CountBenchResult> {
  const base = opts.databaseUrl ?? process.env.DATABASE_URL;
  if (!base) throw new Error('the count benchmark needs DATABASE_URL (a PostgreSQL server)');
  const skuCount = opts.skus ?? 10_000;
  const perBin = opts.perBin ?? 5;
  const clients = opts.clients ?? 8;
  const variancePct = opts.variancePct ?? 10;
  const binCount = Math.ceil(skuCount / perBin);
  const name = `wayline_bench_count_${process.pid}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: clients + 2 });
  const db = database.db;
  const actor = systemActor('bench');
  const now = () => new Date();
  const ctx = () => ({ actor, now: now(), principal: null });
  try {
    await migrateToLatest(db, {
      platform: platformMigrations,
      inventory: inventoryMigrations,
      warehouse: warehouseMigrations,
    });
    const fact = (id: string) => ({
      id,
      code: `B-${id.slice(-6)}`,
      merchantId: MERCHANT,
      storageClass: 'ambient' as const,
      lotTracked: false,
      shelfLifeDays: null,
      minRemainingShelfLifeDays: null,
    });
    createInventoryModule({ skuFacts: async (_db, id) => fact(id) });
    createWarehouseModule({
      skusByIds: async (_db, ids) =>
        new Map(
          ids.map((id) => [
            id,
            {
              ...fact(id),
              nameZh: '压测',
              nameEn: null,
              barcodes: [],
              weightG: 100,
              lengthMm: 50,
              widthMm: 50,
              heightMm: 50,
              active: true,
            },
          ]),
        ),
      merchantExists: async () => true,
      merchantNames: async () => new Map(),
    });

    // ── Seed: a warehouse, bins, 10,000 SKUs × 100 units through the ledger ──
    const t0 = performance.now();
    const { warehouseId, binIds } = await inTransaction(db, async (trx) => {
      const wid = await createWarehouse(
        trx,
        actor,
        {
          code: 'WH-CNT',
          nameZh: '盘点压测仓',
          nameEn: 'Count bench DC',
          city: 'X',
          address: 'X',
          zones: [
            {
              code: 'C-A',
              nameZh: 'A',
              nameEn: 'A',
              storageClass: 'ambient',
              tempMinDc: null,
              tempMaxDc: null,
            },
          ],
        },
        now(),
      );
      const zone = await tablesOf<any>(trx)
        .selectFrom('inventory.zone')
        .select('id')
        .executeTakeFirstOrThrow();
      const bins = await createBins(
        trx,
        actor,
        null,
        wid,
        Array.from({ length: binCount }, (_, i) => ({
          zoneId: zone.id,
          code: `C-${String(Math.floor(i / 50)).padStart(3, '0')}-${String(i % 50).padStart(2, '0')}`,
          kind: 'pick_face' as const,
          xMm: 2000 + Math.floor(i / 50) * 3000,
          yMm: 3000 + (i % 50) * 1000,
        })),
        now(),
      );
      return { warehouseId: wid, binIds: bins.map((b) => b.id) };
    });
    const receipts: ReceiveInput[] = Array.from({ length: skuCount }, (_, i) => ({
      skuId: skuId(i),
      binId: binIds[Math.floor(i / perBin)],
      qty: 100,
    }));
    for (let i = 0; i < receipts.length; i += 1000)
      await inTransaction(db, (trx) => receiveMany(trx, receipts.slice(i, i + 1000), { actor, now: now() }));
    const seedS = (performance.now() - t0) / 1000;

    // ── A full count: generated, counted blind bin by bin (some variances), approved ──
    const t1 = performance.now();
    const count = await inTransaction(db, (trx) =>
      createFullCount(trx, { warehouseId, maxRecounts: 0, approvalPct: 1000, approvalValueFen: null }, ctx()),
    );
    const generateS = (performance.now() - t1) / 1000;
    const tasks = (await listCountTasks(db, null, { countId: count.id, limit: 1_000_000 })).items;
    const t2 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let k = next++; k < tasks.length; k = next++) {
          const task = tasks[k];
          // `variancePct` % of the lines are off by −3…+2; every 100th bin also holds a stray unit of its neighbour's SKU.
          const lines = task.goods.map((g, j) => {
            const n = k * perBin + j;
            const off = (n * 37) % 100 < variancePct ? (n % 5) - 3 || 2 : 0;
            return { skuId: g.skuId, qty: 100 + off };
          });
          if (k % 100 === 50 && k + 1 < tasks.length)
            lines.push({ skuId: tasks[k + 1].goods[0].skuId, qty: 1 });
          await inTransaction(db, (trx) =>
            submitCountTask(trx, task.id, { binBarcode: task.binBarcode, lines }, ctx()),
          );
        }
      }),
    );
    const countingS = (performance.now() - t2) / 1000;
    const counted = await getCount(db, null, count.id);
    if (counted.status === 'submitted')
      await inTransaction(db, (trx) => approveCount(trx, count.id, {}, ctx()));

    // ── The figure: posting the full count ──
    const t3 = performance.now();
    await inTransaction(db, (trx) => postCount(trx, count.id, ctx()));
    const count10kS = (performance.now() - t3) / 1000;
    const posted = await getCount(db, null, count.id);
    const audit = await auditStock(db, { warehouseIds: [warehouseId] });
    const result: CountBenchResult = {
      count10kS,
      skus: skuCount,
      bins: binCount,
      lines: posted.linesCounted,
      varianceLines: posted.varianceLines,
      movements: posted.postedMovements,
      seedS,
      generateS,
      countingS,
      auditOk: audit.ok && posted.status === 'posted',
      auditS: audit.durationMs / 1000,
    };
    if (opts.print ?? true) printTable(result, clients);
    return result;
  } finally {
    await database.close();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

function printTable(r: CountBenchResult, clients: number) {
  console.log(
    `\n## Full count (全盘) — ${r.skus.toLocaleString('en')} SKUs in ${r.bins.toLocaleString('en')} bins (PostgreSQL)\n`,
  );
  console.log('| measure | value |');
  console.log('| --- | --- |');
  console.log(`| stock received through the ledger | ${r.seedS.toFixed(1)} s |`);
  console.log(`| full count generated (tasks + blind lines) | ${r.generateS.toFixed(2)} s |`);
  console.log(
    `| bins counted blind (${clients} counters, one transaction per bin) | ${r.countingS.toFixed(1)} s |`,
  );
  console.log(
    `| count lines / variance lines | ${r.lines.toLocaleString('en')} / ${r.varianceLines.toLocaleString('en')} |`,
  );
  console.log(
    `| **posting the count** (${r.movements} count_variance movements, last counts, status) | **${r.count10kS.toFixed(2)} s** (target < 30 s) |`,
  );
  console.log(
    `| audit stock after posting (ledger = balances) | ${r.auditOk ? 'ok' : 'FAILED'} in ${r.auditS.toFixed(2)} s |`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      skus: { type: 'string', default: '10000' },
      'per-bin': { type: 'string', default: '5' },
      clients: { type: 'string', default: '8' },
      'variance-pct': { type: 'string', default: '10' },
    },
  });
  const r = await runCountBench({
    skus: Number(values.skus),
    perBin: Number(values['per-bin']),
    clients: Number(values.clients),
    variancePct: Number(values['variance-pct']),
  });
  console.log(`\ncount_10k_s=${r.count10kS.toFixed(2)} count_lines=${r.lines} count_audit_ok=${r.auditOk}`);
  if (!r.auditOk) process.exitCode = 1;
}
