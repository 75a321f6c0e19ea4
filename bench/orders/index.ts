/**
 * Order benchmark (issue 4, "Figures to reach"), on the PostgreSQL server of DATABASE_URL, in a
 * throwaway database created and dropped by the run:
 * - order placement through HTTP: the real server (createSystem on loopback, demo install, API node
 *   settings: no job runner), `POST /api/orders` with a bearer API token and an Idempotency-Key from
 *   `--clients` keep-alive connections (validation, allocation across warehouses, FEFO reservation,
 *   history, audit, outbox) — orders/s and p50/p95/p99 latency — against a raw-SQL ceiling measured
 *   in the same run: the same order, line and stock writes in one pgbench-style transaction on
 *   `--clients` connections. The two alternate in `--rounds` rounds so load from elsewhere weighs on
 *   both alike. A hot SKU with little stock runs out during the HTTP rounds; afterwards nothing may
 *   be oversold;
 * - import of `--orders` orders from a generated CSV through `importOrderFile` with its per-row report.
 *
 *   DATABASE_URL=postgres://… npm run bench -- orders [--seconds 15] [--rounds 3] [--clients 32]
 *     [--orders 100000] [--skip-import] [--skus 100] [--hot-stock 30]
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { createSystem } from '../../src/app/system';
import { CONSIGNEES } from '../../src/modules/orders/order-seed.data';
import { loadConfig } from '../../src/platform/config/config';
import { checkStock } from './checks';
import { cpuSample, cpuSince, ticksPerSecond } from './cpu';
import { runImportBench } from './import';
import { rawOrderWorker } from './raw';
import { setupWorld } from './setup';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '15' },
    rounds: { type: 'string', default: '3' },
    clients: { type: 'string', default: '32' },
    orders: { type: 'string', default: '100000' },
    skus: { type: 'string', default: '100' },
    'hot-stock': { type: 'string', default: '30' },
    'skip-import': { type: 'boolean', default: false },
  },
});
const seconds = Number(values.seconds);
const rounds = Math.max(1, Number(values.rounds));
const clients = Number(values.clients);
const importOrders = Number(values.orders);
const skuCount = Number(values.skus);
const hotStock = Number(values['hot-stock']);
const base = process.env.DATABASE_URL;
if (!base) {
  console.error('bench orders needs DATABASE_URL (a PostgreSQL server)');
  process.exit(2);
}

const name = `wayline_bench_orders_${process.pid}`;
const admin = new pg.Client({ connectionString: base });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const load0 = os.loadavg()[0];
const t0 = performance.now();

try {
  const config = loadConfig({
    DATABASE_URL: url.toString(),
    WAYLINE_DEMO: '1',
    WAYLINE_JOB_RUNNER: '0',
    WAYLINE_LOG_LEVEL: 'silent',
  });
  const system = await createSystem({ config, logger: false, webRoot: null });
  const db = system.database.db;
  await system.app.listen({ port: 0, host: '127.0.0.1' });
  const address = system.app.server.address();
  const server = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const world = await setupWorld(db, server, {
    ambient: skuCount,
    chilled: Math.max(2, Math.round(skuCount / 5)),
    hotStock,
  });
  const setupS = (performance.now() - t0) / 1000;

  // ── HTTP: the load generator in its own thread ──
  let phase = 0;
  const httpRun = (secs: number) =>
    new Promise<{
      done: number;
      latencies: number[];
      byOutcome: Record<string, number[]>;
      outcomes: Record<string, number>;
      errors: number;
      firstError: string | null;
      cpuMs: number;
    }>((resolve, reject) => {
      phase++;
      const worker = new Worker(new URL('./load.worker.mjs', import.meta.url), {
        workerData: {
          base: server,
          token: world.token,
          merchantId: world.merchantId,
          ambient: world.ambient.map((s) => s.code),
          chilled: world.chilled.map((s) => s.code),
          hot: world.hot.code,
          consignees: CONSIGNEES.map(([n, , a]) => [n, a]),
          clients,
          seconds: secs,
          seed: process.pid * 100 + phase,
          prefix: `B${process.pid}-${phase}`,
          ticksPerSecond,
          chilledShare: 0.15,
          hotShare: 0.1,
        },
      });
      worker.once('message', resolve);
      worker.once('error', reject);
    });

  // ── Raw SQL: one pool of `clients` connections, one transaction per order ──
  const pool = new pg.Pool({ connectionString: url.toString(), max: clients, idleTimeoutMillis: 0 });
  const raw = rawOrderWorker(pool, world);
  let rawPhase = 0;
  async function rawRun(secs: number) {
    const until = performance.now() + secs * 1000;
    let done = 0;
    rawPhase++;
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let n = 0; performance.now() < until; n++) {
          await raw(c, rawPhase * 10_000_000 + n);
          done++;
        }
      }),
    );
    return done;
  }

  // Warm-up (JIT, connection pools, plans), not counted.
  await httpRun(Math.min(3, seconds / rounds));
  await rawRun(1);

  const latencies: number[] = [];
  const byOutcome: Record<string, number[]> = {};
  const outcomes: Record<string, number> = {};
  let httpOk = 0;
  let httpErrors = 0;
  /** CPU of the load generator's thread (the HTTP clients) in the counted rounds. */
  let loadCpu = 0;
  let firstError: string | null = null;
  let rawDone = 0;
  type Used = ReturnType<typeof cpuSince>;
  const none = (): Used => ({ main: 0, postgres: 0, machineBusy: 0, machineTotal: 0 });
  const cpu = { raw: none(), http: none() };
  const addCpu = (into: Used, used: Used) => {
    into.main += used.main;
    into.postgres += used.postgres;
    into.machineBusy += used.machineBusy;
    into.machineTotal += used.machineTotal;
  };
  for (let r = 0; r < rounds; r++) {
    let mark = cpuSample(name);
    rawDone += await rawRun(seconds / rounds);
    addCpu(cpu.raw, cpuSince(name, mark));
    mark = cpuSample(name);
    const h = await httpRun(seconds / rounds);
    addCpu(cpu.http, cpuSince(name, mark));
    for (const l of h.latencies) latencies.push(l);
    for (const [k, list] of Object.entries(h.byOutcome)) byOutcome[k] = [...(byOutcome[k] ?? []), ...list];
    for (const [k, v] of Object.entries(h.outcomes)) {
      outcomes[k] = (outcomes[k] ?? 0) + v;
      httpOk += v;
    }
    httpErrors += h.errors;
    loadCpu += h.cpuMs;
    firstError ??= h.firstError;
  }
  await pool.end();
  const loadDuring = os.loadavg()[0];
  const rawRate = rawDone / seconds;
  const httpRate = httpOk / seconds;
  const ratio = httpRate / rawRate;
  const pct = (list: number[], p: number) =>
    list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))] ?? 0;
  latencies.sort((a, b) => a - b);
  const p50 = pct(latencies, 50);
  const p95 = pct(latencies, 95);
  const p99 = pct(latencies, 99);
  for (const list of Object.values(byOutcome)) list.sort((a, b) => a - b);
  const stock = await checkStock(db, world);

  const importMark = cpuSample(name);
  const imported = values['skip-import'] ? null : await runImportBench(db, world, importOrders);
  const importCpu = cpuSince(name, importMark);
  await system.close();

  console.log(
    `\n## Order benchmark (PostgreSQL, ${clients} connections, ${seconds} s per side in ${rounds} alternating rounds)\n`,
  );
  console.log('| measure | value |');
  console.log('| --- | --- |');
  console.log(
    `| raw-SQL ceiling (order + lines + reserve, one transaction) | ${rawRate.toFixed(0)} orders/s |`,
  );
  console.log(
    `| HTTP POST /api/orders (bearer token, Idempotency-Key, validation, allocation, FEFO reservation) | ${httpRate.toFixed(0)} orders/s |`,
  );
  console.log(`| HTTP / ceiling | ${(ratio * 100).toFixed(1)} % (target ≥ 50 %) |`);
  console.log(
    `| latency p50 / p95 / p99 | ${p50.toFixed(1)} / ${p95.toFixed(1)} / ${p99.toFixed(1)} ms (target p99 < 100 ms) |`,
  );
  console.log(
    `| latency p50 / p99 by outcome | ${Object.entries(byOutcome)
      .map(([k, list]) => `${k} ${pct(list, 50).toFixed(0)} / ${pct(list, 99).toFixed(0)} ms`)
      .join(', ')} |`,
  );
  const perOrder = (ms: number, n: number) => (n ? (ms / n).toFixed(2) : '-');
  console.log(
    `| CPU per order, raw SQL: client main thread / PostgreSQL | ${perOrder(cpu.raw.main, rawDone)} / ${perOrder(cpu.raw.postgres, rawDone)} ms |`,
  );
  console.log(
    `| CPU per order, HTTP: server main thread / PostgreSQL | ${perOrder(cpu.http.main, httpOk)} / ${perOrder(cpu.http.postgres, httpOk)} ms |`,
  );
  console.log(
    `| CPU per order, HTTP load generator (the 32 clients' thread, in the same process) | ${perOrder(loadCpu, httpOk)} ms |`,
  );
  const busy = (u: Used) =>
    u.machineTotal ? `${((100 * u.machineBusy) / u.machineTotal).toFixed(0)} %` : '-';
  console.log(
    `| machine CPU busy (all cores, everything on it) during the raw / HTTP rounds | ${busy(cpu.raw)} / ${busy(cpu.http)}; per order ${perOrder(cpu.raw.machineBusy, rawDone)} / ${perOrder(cpu.http.machineBusy, httpOk)} ms |`,
  );
  console.log(
    `| outcomes | ${Object.entries(outcomes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; errors ${httpErrors}${firstError ? ` (first: ${firstError.replace(/\|/g, '/')})` : ''} |`,
  );
  console.log(
    `| hot SKU (${world.hotStock} units) | ${stock.hotReserved} reserved, ${stock.hotAllocated} allocated to orders |`,
  );
  console.log(
    `| oversold | ${stock.oversold} (balance rows over: ${stock.badRows}, keys ≠ reservations: ${stock.mismatchedKeys}; reserved ${stock.reservedTotal} = reservations ${stock.reservationsTotal}) |`,
  );
  console.log(`| lots under the minimum remaining shelf life reserved | ${stock.shortLifeReserved} units |`);
  if (imported) {
    const r = imported.result;
    console.log(
      `| import ${imported.orders.toLocaleString('en')} orders (${imported.rows.toLocaleString('en')} rows, ${(imported.bytes / 1e6).toFixed(1)} MB CSV) | ${imported.seconds.toFixed(1)} s (target < 60 s) |`,
    );
    console.log(
      `| import CPU: main thread / PostgreSQL | ${(importCpu.main / 1000).toFixed(1)} / ${(importCpu.postgres / 1000).toFixed(1)} s |`,
    );
    console.log(
      `| import outcome | ${r.created} created (${r.exceptions} to the exception queue), ${r.existing} existing, ${r.invalid} invalid; report ${r.report.length} rows |`,
    );
  }
  console.log(
    `| machine | ${os.cpus().length} cores; load average ${load0.toFixed(2)} at start, ${loadDuring.toFixed(2)} after the load rounds; setup ${setupS.toFixed(0)} s |`,
  );
  console.log(
    `\nRESULT orders ratio=${ratio.toFixed(3)} p99_ms=${p99.toFixed(1)} oversold=${stock.oversold} import_s=${imported ? imported.seconds.toFixed(1) : 'skipped'}`,
  );
} finally {
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
process.exit(0);
