/**
 * Warehouse benchmark (stock ledger part of issue 3), on the PostgreSQL server of DATABASE_URL, in a
 * throwaway database created and dropped by the run:
 * - reservation throughput at N concurrent clients through the inventory API (`reserve`, no HTTP)
 *   against a raw-SQL ceiling measured in the same run (the same writes — conditional update,
 *   ledger row, order reservation — on a known balance row, no allocation logic, as a prepared
 *   statement); `reserve_ratio_unprepared` compares with the same statement parsed and planned per call;
 * - `auditStock` over ≥ 1 million movements generated with bulk SQL;
 * - pick-path routing against exact tours and the S-shape walk (pickpath.ts), and cartonisation
 *   against the smallest-single-box baseline (packing.ts): pure solvers, no database.
 *
 *   DATABASE_URL=postgres://… npm run bench -- warehouse [--seconds 5] [--rounds 3] [--clients 16] [--movements 1000000]
 *     [--only reserve]   (the reservation part alone: no audit, count, pick path or cartons)
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import {
  auditStock,
  createBins,
  createInventoryModule,
  createWarehouse,
  inventoryMigrations,
  receive,
  reserve,
} from '../../src/modules/inventory';
import { systemActor } from '../../src/platform/auth/principal';
import { inTransaction, migrateToLatest, openDatabase, tablesOf } from '../../src/platform/db';
import { platformMigrations } from '../../src/platform/migrations';
import { cpuSample, cpuSince } from '../orders/cpu';
import { runCountBench } from './count';
import { runPackingBench } from './packing';
import { runPickpathBench } from './pickpath';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    clients: { type: 'string', default: '16' },
    movements: { type: 'string', default: '1000000' },
    skus: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});
if (values.only !== undefined && values.only !== 'reserve') {
  console.error('--only takes: reserve');
  process.exit(2);
}
const reserveOnly = values.only === 'reserve';
const seconds = Number(values.seconds);
const clients = Number(values.clients);
const movements = Number(values.movements);
const skuCount = Number(values.skus);
const rounds = Math.max(1, Number(values.rounds));
const base = process.env.DATABASE_URL;
if (!base) {
  console.error('bench warehouse needs DATABASE_URL (a PostgreSQL server)');
  process.exit(2);
}
const name = `wayline_bench_wh_${process.pid}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const database = await openDatabase({ kind: 'postgres', url: url.toString(), maxConnections: clients + 2 });
const db = database.db;
const actor = systemActor('bench');
const now = new Date();
const skuIds = Array.from(
  { length: skuCount },
  (_, i) => `0190c000-0000-7000-8000-${String(i).padStart(12, '0')}`,
);

try {
  await migrateToLatest(db, { platform: platformMigrations, inventory: inventoryMigrations });
  createInventoryModule({
    skuFacts: async (_db, id) => ({
      id,
      code: `SKU-${id.slice(-6)}`,
      merchantId: skuIds[0],
      storageClass: 'ambient',
      lotTracked: false,
      shelfLifeDays: null,
      minRemainingShelfLifeDays: null,
    }),
  });
  const { warehouseId, binIds } = await inTransaction(db, async (trx) => {
    const wid = await createWarehouse(
      trx,
      actor,
      {
        code: 'WH-BENCH',
        nameZh: '压测仓',
        nameEn: 'Bench DC',
        city: 'X',
        address: 'X',
        zones: [
          {
            code: 'B-A',
            nameZh: 'A',
            nameEn: 'A',
            storageClass: 'ambient',
            tempMinDc: null,
            tempMaxDc: null,
          },
        ],
      },
      now,
    );
    const zone = await tablesOf<any>(trx).selectFrom('inventory.zone').select('id').executeTakeFirstOrThrow();
    const bins = await createBins(
      trx,
      actor,
      null,
      wid,
      Array.from({ length: 100 }, (_, i) => ({
        zoneId: zone.id,
        code: `B-${i}`,
        kind: 'pick_face' as const,
        xMm: i,
        yMm: 0,
      })),
      now,
    );
    for (const [i, skuId] of skuIds.entries())
      await receive(trx, { skuId, binId: bins[i % bins.length].id, qty: 10_000_000 }, { actor, now });
    return { warehouseId: wid, binIds: bins.map((b) => b.id) };
  });

  // Fresh tables have no statistics yet; every run plans against the same, analysed state.
  await sql`analyze inventory.balance, inventory.bin, inventory.lot, inventory.reservation, inventory.movement`.execute(
    db,
  );

  // ── Reservation throughput ──
  // Three sides take turns (`--rounds`, `--seconds` in all per side; who goes first rotates), so a
  // load swing on a shared machine weighs on all alike, after an untimed warm-up of each (connections
  // open, plans cached, code compiled). The API side is `reserve` in a transaction of its own, as
  // an order placement calls it. The ceiling does the same writes in one statement on a balance row
  // it already knows: the conditional update, the reserve movement (same columns: actor, source,
  // time) and the order's reservation; it is a named prepared statement, parsed and planned once per
  // connection as the platform's own pool does for parameterised statements (prepared-client.ts).
  // The same statement unnamed — parsed and planned on every call — is shown for reference.
  let phase = 0;
  async function timed(worker: (client: number, n: number) => Promise<void>, ms: number) {
    const until = performance.now() + ms;
    let done = 0;
    phase++;
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let n = 0; performance.now() < until; n++) {
          await worker(c, phase * 1_000_000 + n);
          done++;
        }
      }),
    );
    return done;
  }
  const pick = () => skuIds[Math.floor(Math.random() * skuCount)];
  const apiWorker = (c: number, n: number) =>
    inTransaction(db, (trx) =>
      reserve(
        trx,
        { orderRef: `API-${c}-${n}`, lines: [{ skuId: pick(), qty: 1, warehouseId }] },
        { actor, now: new Date() },
      ),
    ).then(() => undefined);
  const balanceIds = new Map(
    (
      await tablesOf<any>(db)
        .selectFrom('inventory.balance')
        .select(['id', 'sku_id', 'bin_id'])
        .where('on_hand', '>', 1_000_000)
        .execute()
    ).map((r) => [r.sku_id as string, r]),
  );
  const pool = new pg.Pool({ connectionString: url.toString(), max: clients, options: '-c TimeZone=UTC' });
  pool.on('error', () => {});
  const rawText = `with upd as (update inventory.balance set reserved = reserved + 1, updated_at = $3
      where id = $1 and on_hand - reserved >= 1 returning sku_id, warehouse_id, bin_id, lot_id),
    mov as (insert into inventory.movement (at, type, sku_id, lot_id, warehouse_id, to_bin_id, to_status, qty,
        actor_id, actor_name, source_type, source_id, request_id)
      select $3, 'reserve', sku_id, lot_id, warehouse_id, bin_id, 'available', 1, null, 'bench', 'order', $2, null
      from upd),
    res as (insert into inventory.reservation (order_ref, sku_id, warehouse_id, bin_id, lot_id, qty, updated_at)
      select $2, sku_id, warehouse_id, bin_id, lot_id, 1, $3 from upd)
    select count(*)::int as n from upd`;
  const rawWorker = (prepared: boolean) => async (c: number, n: number) => {
    const b = balanceIds.get(pick())!;
    const client = await pool.connect();
    try {
      await client.query('begin');
      const values = [b.id, `RAW-${prepared ? 'P' : 'U'}-${c}-${n}`, new Date()];
      const r = await client.query(
        prepared ? { name: 'bench_raw_reserve', text: rawText, values } : { text: rawText, values },
      );
      if (r.rows[0].n !== 1) throw new Error('raw reserve failed');
      await client.query('commit');
    } finally {
      client.release();
    }
  };
  const sides = [
    { name: 'api', worker: apiWorker, done: 0, cpu: { main: 0, postgres: 0 } },
    { name: 'raw', worker: rawWorker(true), done: 0, cpu: { main: 0, postgres: 0 } },
    { name: 'raw-replanned', worker: rawWorker(false), done: 0, cpu: { main: 0, postgres: 0 } },
  ];
  const warmMs = 2000;
  for (const side of sides) await timed(side.worker, warmMs);
  for (let r = 0; r < rounds; r++)
    for (let i = 0; i < sides.length; i++) {
      const side = sides[(r + i) % sides.length];
      const mark = cpuSample(name);
      side.done += await timed(side.worker, (seconds * 1000) / rounds);
      const used = cpuSince(name, mark);
      side.cpu.main += used.main;
      side.cpu.postgres += used.postgres;
    }
  const [apiRate, rawRate, replannedRate] = sides.map((side) => side.done / seconds);
  await pool.end();

  const ratio = apiRate / rawRate;

  console.log(
    `\n## Warehouse benchmark — stock ledger (PostgreSQL, ${clients} clients, ${seconds} s per side in ${rounds} alternating rounds)\n`,
  );
  console.log('| measure | value |');
  console.log('| --- | --- |');
  console.log(
    `| reserve through the inventory API (1 line, random of ${skuCount} SKUs) | ${apiRate.toFixed(0)} /s |`,
  );
  console.log(
    `| raw-SQL ceiling (same writes, known balance row, prepared statement) | ${rawRate.toFixed(0)} /s |`,
  );
  console.log(`| API / ceiling | ${(ratio * 100).toFixed(1)} % (target ≥ 60 %) |`);
  const perOp = (side: (typeof sides)[number]) =>
    `${(side.cpu.main / side.done).toFixed(3)} / ${(side.cpu.postgres / side.done).toFixed(3)} ms`;
  console.log(`| CPU per reservation, API: client main thread / PostgreSQL | ${perOp(sides[0])} |`);
  console.log(`| CPU per reservation, ceiling: client main thread / PostgreSQL | ${perOp(sides[1])} |`);
  console.log(
    `| for reference: the ceiling's statement unprepared (parsed and planned per call); API / it | ${replannedRate.toFixed(0)} /s; ${((apiRate / replannedRate) * 100).toFixed(1)} % |`,
  );
  const reserveResult = `reserve_ratio=${ratio.toFixed(3)} reserve_ratio_unprepared=${(apiRate / replannedRate).toFixed(3)}`;
  if (reserveOnly) {
    console.log(`\nRESULT warehouse ${reserveResult}`);
  } else {
    // ── 1 million movements in bulk: pairs of (receipt of 2 into bin k, move of 1 from k to k+1) ──
    const t0 = performance.now();
    await sql`
      insert into inventory.movement (at, type, sku_id, warehouse_id, from_bin_id, from_status, to_bin_id, to_status, qty, actor_name)
      select ${now}, case when g % 2 = 0 then 'receipt' else 'move' end,
        (${skuIds}::uuid[])[1 + (g / 2) % ${skuCount}], ${warehouseId}::uuid,
        case when g % 2 = 1 then (${binIds}::uuid[])[1 + (g / 2) % 100] end,
        case when g % 2 = 1 then 'available' end,
        (${binIds}::uuid[])[1 + ((g / 2) + (g % 2)) % 100], 'available',
        case when g % 2 = 0 then 2 else 1 end, 'bench'
      from generate_series(0, ${movements - 1}) g`.execute(db);
    await sql`
      insert into inventory.balance (sku_id, warehouse_id, bin_id, lot_id, status, on_hand, reserved)
      select sku_id, warehouse_id, bin_id, null, 'available', sum(d), 0 from (
        select sku_id, warehouse_id, to_bin_id as bin_id, qty as d from inventory.movement where type in ('receipt', 'move')
        union all
        select sku_id, warehouse_id, from_bin_id, -qty from inventory.movement where type = 'move'
      ) legs group by 1, 2, 3
      on conflict (sku_id, bin_id, lot_id, status) do update set on_hand = excluded.on_hand`.execute(db);
    await sql`analyze inventory.movement`.execute(db);
    await sql`analyze inventory.balance`.execute(db);
    const generateS = (performance.now() - t0) / 1000;

    // ── Audit ──
    const audit = await auditStock(db);
    if (!audit.ok) throw new Error(`audit found ${audit.discrepancyCount} discrepancies`);
    const auditS = audit.durationMs / 1000;

    console.log(
      `| movements in the ledger | ${audit.movements.toLocaleString('en')} (generated in ${generateS.toFixed(1)} s) |`,
    );
    console.log(`| balances checked | ${audit.balances.toLocaleString('en')} |`);
    console.log(
      `| audit stock (ledger = balances = reservations) | ${auditS.toFixed(2)} s, ${audit.discrepancyCount} discrepancies (target < 10 s) |`,
    );
    // ── Pick paths and cartonisation: pure solvers, no database ──
    // ── A full count of 10,000 SKUs posted (its own throwaway database) ──
    const count = await runCountBench();
    const pickpath = await runPickpathBench();
    const packing = await runPackingBench();
    console.log(
      `\nRESULT warehouse ${reserveResult} audit_1m_s=${auditS.toFixed(2)}` +
        ` count_10k_s=${count.count10kS.toFixed(2)}` +
        ` pickpath_gap_pct=${pickpath.gapPct.toFixed(3)} pickpath_vs_sshape_pct=${pickpath.vsSShapePct.toFixed(1)}` +
        ` box_fill_pct=${packing.boxFillPct.toFixed(1)}`,
    );
  }
} finally {
  await database.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
