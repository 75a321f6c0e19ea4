/**
 * Route planner benchmark on the public VRP sets: every Solomon `.txt` and CVRPLIB `.vrp` under --data,
 * gaps to `bks.csv` (and `bks_solomon_distance_only.csv`) under each set's rounding convention, and a
 * feasibility verdict from the independent checker.
 *
 *   npm run bench -- vrp --data ../shared/benchmarks/vrp [--only NAME,…] [--time SECONDS] [--seed N] [--out FILE]
 *     [--threads 1|2] [--params JSON] [--objective hierarchical|distance|both]
 *
 * Solomon instances run twice: vehicles then distance (exact doubles, a fixed cost per vehicle of 10 ×
 * the longest depot round trip) and distance only (trunc1). Prints Markdown tables and ends with a RESULT line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkSolution } from '../../src/solvers/vrp/feasibility';
import { type BksRow, parseBks } from '../../src/solvers/vrp/formats/bks';
import { cvrpProblem, fleetFromName, parseCvrplib } from '../../src/solvers/vrp/formats/cvrplib';
import { parseSolomon, solomonProblem } from '../../src/solvers/vrp/formats/solomon';
import type { HgsParams, VrpProblem } from '../../src/solvers/vrp/model';
import { solveVrp } from '../../src/solvers/vrp/solve';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/benchmarks/vrp' },
    only: { type: 'string' },
    time: { type: 'string', default: '10' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    /** Solomon vehicles-first: fixed cost per vehicle as a multiple of the longest depot round trip. */
    'vehicle-cost': { type: 'string', default: '10' },
    /** 2: a second seed in a worker thread, the better plan kept. */
    threads: { type: 'string', default: '1' },
    /** Solver parameters as JSON, e.g. '{"granularity":30}' (for A/B comparisons). */
    params: { type: 'string' },
    /** Solomon runs: `hierarchical`, `distance` or `both` (default). */
    objective: { type: 'string', default: 'both' },
  },
});
const dataDir = path.resolve(values.data);
const seconds = Number(values.time);
const seed = Number(values.seed);
const threads = values.threads === '2' ? 2 : 1;
const params = values.params ? (JSON.parse(values.params) as Partial<HgsParams>) : undefined;
const only = values.only ? new Set(values.only.split(',').map((s) => s.trim())) : null;

const readBks = (file: string) =>
  fs.existsSync(path.join(dataDir, file))
    ? parseBks(fs.readFileSync(path.join(dataDir, file), 'utf8'))
    : new Map();
const bks: Map<string, BksRow> = readBks('bks.csv');
const bksDist: Map<string, BksRow> = readBks('bks_solomon_distance_only.csv');

const walk = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .filter((f) => /\.(txt|vrp)$/i.test(f) && !/readme/i.test(f))
    .sort();

type Task = {
  instance: string;
  group: string;
  objective: 'hierarchical' | 'distance' | 'cvrp';
  problem: VrpProblem;
  ref?: BksRow;
};
const tasks: Task[] = [];
for (const file of walk(dataDir)) {
  const instance = path.basename(file).replace(/\.(txt|vrp)$/i, '');
  if (only && !only.has(instance)) continue;
  const text = fs.readFileSync(file, 'utf8');
  if (file.toLowerCase().endsWith('.vrp')) {
    const c = parseCvrplib(text);
    const ref = bks.get(instance);
    const set = ref?.set ?? `cvrplib-${instance.split('-')[0]}`;
    const limited = set !== 'cvrplib-X';
    const problem = cvrpProblem(c, {
      rounding: ref?.rounding ?? 'nint',
      vehicles: limited ? fleetFromName(instance) : undefined,
      // A/B/P: the fleet is k and every BKS uses exactly k routes (README), so exactly k are enforced
      exactFleet: limited,
    });
    tasks.push({ instance, group: set.replace('cvrplib-', ''), objective: 'cvrp', problem, ref });
  } else {
    const s = parseSolomon(text);
    // a vehicle costs 10 × the longest depot round trip: far above any distance a vehicle could save,
    // yet small enough for the adaptive penalties (a cost above the whole plan stalls the search)
    let longest = 0;
    for (let k = 1; k < s.x.length; k++)
      longest = Math.max(longest, 2 * Math.hypot(s.x[k] - s.x[0], s.y[k] - s.y[0]));
    const fixedCost = Math.ceil(Number(values['vehicle-cost']) * longest);
    if (values.objective !== 'distance')
      tasks.push({
        instance,
        group: 'solomon',
        objective: 'hierarchical',
        problem: solomonProblem(s, { rounding: 'exact', fixedCost }),
        ref: bks.get(instance),
      });
    if (values.objective !== 'hierarchical')
      tasks.push({
        instance,
        group: 'solomon-dist',
        objective: 'distance',
        problem: solomonProblem(s, { rounding: 'trunc1' }),
        ref: bksDist.get(instance),
      });
  }
}

type Row = Task & {
  cost: number;
  vehicles: number;
  gap: number;
  seconds: number;
  feasible: boolean;
  note: string;
};
const rows: Row[] = [];
const out = values.out ? fs.openSync(values.out, 'w') : null;
console.log(`VRP benchmark: ${tasks.length} runs, ${seconds} s each, seed ${seed}, threads ${threads}\n`);
console.log('| instance | objective | n | cost | vehicles | BKS | BKS veh | gap % | s | feasible |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const task of tasks) {
  const solution = await solveVrp(task.problem, { seed, timeLimitMs: seconds * 1000, params, threads });
  const report = checkSolution(task.problem, solution);
  const feasible = report.feasible && solution.unassigned.length === 0;
  const cost = report.distance;
  const ref = task.ref;
  const gap = ref ? (100 * (cost - ref.distance)) / ref.distance : Number.NaN;
  const row: Row = {
    ...task,
    cost,
    vehicles: solution.vehicles,
    gap,
    seconds: solution.elapsedMs / 1000,
    feasible,
    note: feasible ? 'yes' : `NO: ${report.errors[0] ?? `${solution.unassigned.length} unassigned`}`,
  };
  rows.push(row);
  console.log(
    `| ${task.instance} | ${task.objective} | ${task.problem.stops.length} | ${fmt(cost)} | ${row.vehicles} | ${ref ? fmt(ref.distance) : '—'} | ${ref?.vehicles ?? '—'} | ${fmt(gap, 3)} | ${row.seconds.toFixed(1)} | ${row.note} |`,
  );
  if (out !== null) {
    const routes = solution.routes.map((r) => r.stops.map((s) => s + 1));
    const line = {
      instance: task.instance,
      objective: task.objective,
      routes,
      cost,
      vehicles: row.vehicles,
      seconds: row.seconds,
    };
    fs.writeSync(out, `${JSON.stringify(line)}\n`);
  }
}
if (out !== null) fs.closeSync(out);

function fmt(x: number, digits = 2): string {
  return Number.isFinite(x) ? x.toFixed(digits) : '—';
}
const mean = (xs: number[]) => (xs.length === 0 ? Number.NaN : xs.reduce((a, b) => a + b, 0) / xs.length);
/** An infeasible answer counts as a 100 % gap. */
const gapOf = (r: Row) => (r.feasible ? r.gap : 100);

console.log('\n| set | runs | feasible | mean gap % | BKS vehicles | mean s |');
console.log('| --- | --- | --- | --- | --- | --- |');
const groups = [...new Set(rows.map((r) => r.group))];
for (const g of groups) {
  const rs = rows.filter((r) => r.group === g);
  const veh =
    g === 'solomon'
      ? `${rs.filter((r) => r.feasible && r.ref && r.vehicles <= r.ref.vehicles).length}/${rs.length}`
      : '—';
  const gaps =
    g === 'solomon'
      ? rs.filter((r) => r.feasible && r.ref && r.vehicles <= r.ref.vehicles).map(gapOf)
      : rs.map(gapOf);
  console.log(
    `| ${g} | ${rs.length} | ${rs.filter((r) => r.feasible).length} | ${fmt(mean(gaps), 3)} | ${veh} | ${fmt(mean(rs.map((r) => r.seconds)), 1)} |`,
  );
}
const abp = rows.filter((r) => ['A', 'B', 'P'].includes(r.group));
const x = rows.filter((r) => r.group === 'X');
const sol = rows.filter((r) => r.group === 'solomon');
const solMatch = sol.filter((r) => r.feasible && r.ref && r.vehicles <= r.ref.vehicles);
const dist = rows.filter((r) => r.group === 'solomon-dist');
const num = (v: number) => (Number.isFinite(v) ? v.toFixed(3) : 'NA');
console.log(
  `\nRESULT vrp abp_gap_pct=${num(mean(abp.map(gapOf)))} x_gap_pct=${num(mean(x.map(gapOf)))} solomon_bks_vehicles=${solMatch.length}/${sol.length} solomon_gap_pct=${num(mean(solMatch.map(gapOf)))} solomon_dist_gap_pct=${num(mean(dist.map(gapOf)))}`,
);
