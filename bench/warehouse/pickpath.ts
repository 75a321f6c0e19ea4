/**
 * Pick-path benchmark (issue 3, "Figures to reach"): generated rectangular warehouses (10–20 aisles,
 * 1–3 blocks, depot in a front corner or in the middle of the front) and pick lists (uniform or
 * ABC-skewed locations), routed by `solvers/pickpath`:
 * - lists of 5–12 picks are also solved by the independent exact checker (Held–Karp over the aisle
 *   graph's shortest paths): `pickpath_gap_pct` is the mean % above that optimum (target ≤ 1 %);
 *   the local-search fallback (used for layouts with many cross aisles) is measured the same way;
 * - lists of 20–60 picks are compared with the S-shape walk only;
 * - `pickpath_vs_sshape_pct` is the mean saving over the S-shape walk on all lists (positive =
 *   shorter); a route longer than S-shape is counted (must be 0).
 * Deterministic for `--seed`. Runs alone:
 *
 *   npx tsx bench/warehouse/pickpath.ts [--lists 30] [--seed 1]
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  exactTourLength,
  type GeneratedLayoutSpec,
  generateLayout,
  generatePickList,
  routePicks,
} from '../../src/solvers/pickpath';

export interface PickpathBenchOptions {
  /** Pick lists per scenario (default 30). */
  lists?: number;
  seed?: number;
  /** Print the table (default true). */
  print?: boolean;
}

export interface PickpathRow {
  scenario: string;
  picks: string;
  lists: number;
  meanWaylineM: number;
  meanSShapeM: number;
  meanExactM: number | null;
  /** Mean and worst % above the exact optimum (small lists only). */
  gapPct: number | null;
  maxGapPct: number | null;
  /** The same for the local-search fallback. */
  fallbackGapPct: number | null;
  savingVsSShapePct: number;
  longerThanSShape: number;
  meanMs: number;
  maxMs: number;
}

export interface PickpathBenchResult {
  rows: PickpathRow[];
  gapPct: number;
  vsSShapePct: number;
  fallbackGapPct: number;
  longerThanSShape: number;
  maxMs: number;
}

const LAYOUTS: { name: string; spec: GeneratedLayoutSpec }[] = [
  { name: '10 aisles × 1 block, depot left', spec: { aisles: 10, blocks: 1, depot: 'left' } },
  { name: '15 aisles × 2 blocks, depot centre', spec: { aisles: 15, blocks: 2, depot: 'centre' } },
  { name: '20 aisles × 3 blocks, depot left', spec: { aisles: 20, blocks: 3, depot: 'left' } },
];
const SIZES = [
  { label: '5–12', min: 5, max: 12, exact: true },
  { label: '20–60', min: 20, max: 60, exact: false },
];
const DISTRIBUTIONS = ['random', 'abc'] as const;

const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

export async function runPickpathBench(opts: PickpathBenchOptions = {}): Promise<PickpathBenchResult> {
  const lists = opts.lists ?? 30;
  const seed = opts.seed ?? 1;
  const rows: PickpathRow[] = [];
  const allGaps: number[] = [];
  const allFallbackGaps: number[] = [];
  const allSavings: number[] = [];
  let longer = 0;
  let maxMs = 0;
  let scenarioNo = 0;
  for (const { name, spec } of LAYOUTS) {
    const generated = generateLayout(spec);
    // Warm-up (JIT, memoised DP transitions) so the timings show steady-state routing.
    for (let k = 0; k < 3; k++) routePicks(generated.layout, generatePickList(generated, 40, 999 + k));
    for (const size of SIZES)
      for (const distribution of DISTRIBUTIONS) {
        scenarioNo++;
        const way: number[] = [];
        const sShape: number[] = [];
        const exact: number[] = [];
        const gaps: number[] = [];
        const fallbackGaps: number[] = [];
        const savings: number[] = [];
        const times: number[] = [];
        let longerHere = 0;
        for (let k = 0; k < lists; k++) {
          const listSeed = seed * 1_000_003 + scenarioNo * 10_007 + k;
          const count = size.min + (listSeed % (size.max - size.min + 1));
          const picks = generatePickList(generated, count, listSeed, distribution);
          const t = performance.now();
          const r = routePicks(generated.layout, picks, { seed: listSeed });
          times.push(performance.now() - t);
          way.push(r.distanceMm);
          sShape.push(r.sShapeDistanceMm);
          savings.push(100 * (1 - r.distanceMm / r.sShapeDistanceMm));
          if (r.distanceMm > r.sShapeDistanceMm) longerHere++;
          if (size.exact) {
            const opt = exactTourLength(generated.layout, picks);
            exact.push(opt);
            gaps.push(100 * (r.distanceMm / opt - 1));
            const fallback = routePicks(generated.layout, picks, {
              method: 'heuristic',
              heldKarpMax: 0,
              seed: listSeed,
            });
            fallbackGaps.push(100 * (fallback.distanceMm / opt - 1));
          }
        }
        allGaps.push(...gaps);
        allFallbackGaps.push(...fallbackGaps);
        allSavings.push(...savings);
        longer += longerHere;
        maxMs = Math.max(maxMs, ...times);
        rows.push({
          scenario: `${name}, ${distribution}`,
          picks: size.label,
          lists,
          meanWaylineM: mean(way) / 1000,
          meanSShapeM: mean(sShape) / 1000,
          meanExactM: size.exact ? mean(exact) / 1000 : null,
          gapPct: size.exact ? mean(gaps) : null,
          maxGapPct: size.exact ? Math.max(...gaps) : null,
          fallbackGapPct: size.exact ? mean(fallbackGaps) : null,
          savingVsSShapePct: mean(savings),
          longerThanSShape: longerHere,
          meanMs: mean(times),
          maxMs: Math.max(...times),
        });
      }
  }
  const result: PickpathBenchResult = {
    rows,
    gapPct: mean(allGaps),
    vsSShapePct: mean(allSavings),
    fallbackGapPct: mean(allFallbackGaps),
    longerThanSShape: longer,
    maxMs,
  };
  if (opts.print ?? true) printTable(result, lists, seed);
  return result;
}

function printTable(r: PickpathBenchResult, lists: number, seed: number) {
  const f = (v: number | null, d = 2) => (v === null ? '—' : v.toFixed(d));
  console.log(`\n## Pick path — generated warehouses, ${lists} lists per scenario, seed ${seed}\n`);
  console.log(
    '| scenario | picks | Wayline m | S-shape m | exact m | gap % (mean / max) | fallback gap % | saving vs S-shape % | longer than S-shape | ms (mean / max) |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of r.rows)
    console.log(
      `| ${row.scenario} | ${row.picks} | ${f(row.meanWaylineM, 1)} | ${f(row.meanSShapeM, 1)} | ${f(row.meanExactM, 1)} | ${
        row.gapPct === null ? '—' : `${f(row.gapPct, 3)} / ${f(row.maxGapPct, 3)}`
      } | ${f(row.fallbackGapPct, 3)} | ${f(row.savingVsSShapePct, 1)} | ${row.longerThanSShape} | ${f(row.meanMs)} / ${f(row.maxMs)} |`,
    );
  console.log(
    `\nMean gap to the exact optimum ${r.gapPct.toFixed(3)} % (target ≤ 1 %; local-search fallback ${r.fallbackGapPct.toFixed(3)} %), ` +
      `mean saving over S-shape ${r.vsSShapePct.toFixed(1)} %, routes longer than S-shape: ${r.longerThanSShape}, slowest route ${r.maxMs.toFixed(1)} ms.`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { lists: { type: 'string', default: '30' }, seed: { type: 'string', default: '1' } },
  });
  const r = await runPickpathBench({ lists: Number(values.lists), seed: Number(values.seed) });
  console.log(
    `\npickpath_gap_pct=${r.gapPct.toFixed(3)} pickpath_vs_sshape_pct=${r.vsSShapePct.toFixed(2)} pickpath_longer_than_sshape=${r.longerThanSShape}`,
  );
}
