/**
 * Cartonisation benchmark (issue 3, "Figures to reach"): generated e-commerce orders (1–12 lines of
 * small parcels, books, bottles, fragile glass, chilled and frozen food, hazardous goods) packed with
 * a Chinese-express-like carton set (postal cartons 1–12 号 and insulated boxes) by
 * `solvers/packing`, against the naive baseline "smallest single box that fits, else one unit per
 * box" (same 3-D placer and rules). Every result is verified by the independent checker.
 * `box_fill_pct` is the mean volume fill of Wayline's cartons (goods volume / inner volume, per
 * carton); it must be above the baseline's. Deterministic for `--seed`. Runs alone:
 *
 *   npx tsx bench/warehouse/packing.ts [--orders 500] [--seed 1]
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  CHINA_EXPRESS_CARTON_SET,
  checkPacking,
  generateOrders,
  type PackInput,
  type PackResult,
  packOrder,
  packSmallestSingleBox,
} from '../../src/solvers/packing';

export interface PackingBenchOptions {
  orders?: number;
  seed?: number;
  print?: boolean;
}

export interface PackingRow {
  method: string;
  orders: number;
  cartons: number;
  /** Mean fill per carton (%). */
  meanFillPct: number;
  /** Total goods volume / total carton volume (%). */
  volumeFillPct: number;
  billableKg: number;
  billableVsBaselinePct: number;
  costYuan: number;
  meanMs: number;
  maxMs: number;
}

export interface PackingBenchResult {
  rows: PackingRow[];
  /** By order size: Wayline's and the baseline's mean fill and Wayline's billable saving. */
  bySize: {
    lines: string;
    orders: number;
    fillPct: number;
    naiveFillPct: number;
    billableSavingPct: number;
  }[];
  boxFillPct: number;
  naiveFillPct: number;
  billableSavingPct: number;
  meanMs: number;
  maxMs: number;
}

interface Tally {
  cartons: number;
  fillSum: number;
  goodsMm3: number;
  cartonMm3: number;
  billableG: number;
  costFen: number;
  times: number[];
}

const emptyTally = (): Tally => ({
  cartons: 0,
  fillSum: 0,
  goodsMm3: 0,
  cartonMm3: 0,
  billableG: 0,
  costFen: 0,
  times: [],
});

function add(t: Tally, r: PackResult, ms: number) {
  t.times.push(ms);
  t.billableG += r.billableWeightG;
  t.costFen += r.costFen;
  for (const c of r.cartons) {
    const volume = c.innerXMm * c.innerYMm * c.innerZMm;
    t.cartons++;
    t.fillSum += c.fillPct;
    t.goodsMm3 += (c.fillPct / 100) * volume;
    t.cartonMm3 += volume;
  }
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

export async function runPackingBench(opts: PackingBenchOptions = {}): Promise<PackingBenchResult> {
  const count = opts.orders ?? 500;
  const seed = opts.seed ?? 1;
  const orders = generateOrders(count, seed);
  const methods = [
    { name: 'Wayline (default: +1 kg first weight per carton)', run: (i: PackInput) => packOrder(i) },
    {
      name: 'Wayline (pure least billable weight)',
      run: (i: PackInput) => packOrder({ ...i, rules: { ...i.rules, cartonPenaltyG: 0 } }),
    },
    { name: 'baseline: smallest single box, else one unit per box', run: packSmallestSingleBox },
  ];
  const tallies = methods.map(emptyTally);
  const sizes = [
    { lines: '1', min: 1, max: 1 },
    { lines: '2–3', min: 2, max: 3 },
    { lines: '4–6', min: 4, max: 6 },
    { lines: '7–12', min: 7, max: 12 },
  ];
  const sizeTallies = sizes.map(() => ({ way: emptyTally(), base: emptyTally(), orders: 0 }));
  for (const order of orders) {
    const input: PackInput = { items: order.items, cartonTypes: CHINA_EXPRESS_CARTON_SET };
    const results = methods.map((m, k) => {
      const t = performance.now();
      const r = m.run(input);
      add(tallies[k], r, performance.now() - t);
      const report = checkPacking(input, r);
      if (!report.ok) throw new Error(`${m.name} packed ${order.ref} wrongly: ${report.errors.join('; ')}`);
      return r;
    });
    const s = sizeTallies[sizes.findIndex((z) => order.items.length >= z.min && order.items.length <= z.max)];
    if (s) {
      s.orders++;
      add(s.way, results[0], 0);
      add(s.base, results[2], 0);
    }
  }
  const base = tallies[2];
  const rows: PackingRow[] = methods.map((m, k) => {
    const t = tallies[k];
    return {
      method: m.name,
      orders: count,
      cartons: t.cartons,
      meanFillPct: t.fillSum / t.cartons,
      volumeFillPct: (100 * t.goodsMm3) / t.cartonMm3,
      billableKg: t.billableG / 1000,
      billableVsBaselinePct: 100 * (t.billableG / base.billableG - 1),
      costYuan: t.costFen / 100,
      meanMs: mean(t.times),
      maxMs: Math.max(...t.times),
    };
  });
  const result: PackingBenchResult = {
    rows,
    bySize: sizes.map((z, k) => {
      const s = sizeTallies[k];
      return {
        lines: z.lines,
        orders: s.orders,
        fillPct: s.way.fillSum / Math.max(1, s.way.cartons),
        naiveFillPct: s.base.fillSum / Math.max(1, s.base.cartons),
        billableSavingPct: s.base.billableG ? 100 * (1 - s.way.billableG / s.base.billableG) : 0,
      };
    }),
    boxFillPct: rows[0].meanFillPct,
    naiveFillPct: rows[2].meanFillPct,
    billableSavingPct: -rows[0].billableVsBaselinePct,
    meanMs: rows[0].meanMs,
    maxMs: rows[0].maxMs,
  };
  if (opts.print ?? true) printTables(result, count, seed);
  return result;
}

function printTables(r: PackingBenchResult, orders: number, seed: number) {
  console.log(
    `\n## Cartonisation — ${orders} generated orders, postal cartons 1–12 号 + insulated boxes, seed ${seed}\n`,
  );
  console.log(
    '| method | orders | cartons | mean fill % | volume fill % | billable kg | billable vs baseline | carton cost ¥ | ms (mean / max) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of r.rows)
    console.log(
      `| ${row.method} | ${row.orders} | ${row.cartons} | ${row.meanFillPct.toFixed(1)} | ${row.volumeFillPct.toFixed(1)} | ${row.billableKg.toFixed(1)} | ${row.billableVsBaselinePct >= 0 ? '+' : ''}${row.billableVsBaselinePct.toFixed(1)} % | ${row.costYuan.toFixed(2)} | ${row.meanMs.toFixed(2)} / ${row.maxMs.toFixed(1)} |`,
    );
  console.log('\n| order lines | orders | Wayline mean fill % | baseline mean fill % | billable saved |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const s of r.bySize)
    console.log(
      `| ${s.lines} | ${s.orders} | ${s.fillPct.toFixed(1)} | ${s.naiveFillPct.toFixed(1)} | ${s.billableSavingPct.toFixed(1)} % |`,
    );
  console.log(
    `\nWayline mean box fill ${r.boxFillPct.toFixed(1)} % vs baseline ${r.naiveFillPct.toFixed(1)} % (must be above); ` +
      `billable weight ${r.billableSavingPct.toFixed(1)} % lower; every result verified by the checker.`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { orders: { type: 'string', default: '500' }, seed: { type: 'string', default: '1' } },
  });
  const r = await runPackingBench({ orders: Number(values.orders), seed: Number(values.seed) });
  console.log(`\nbox_fill_pct=${r.boxFillPct.toFixed(2)} naive_fill_pct=${r.naiveFillPct.toFixed(2)}`);
}
