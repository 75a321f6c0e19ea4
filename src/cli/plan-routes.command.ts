import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import {
  buildRoutePlanProblem,
  describeSolution,
  routePlanBody,
  transportMessages,
} from '../modules/transport';
import { registerMessages } from '../platform/i18n/i18n';
import { checkSolution, solveVrp, type VrpProblem } from '../solvers/vrp';
import { cvrpProblem, parseCvrplib } from '../solvers/vrp/formats/cvrplib';
import { parseSolomon, solomonProblem } from '../solvers/vrp/formats/solomon';

interface LoadedPlan {
  problem: VrpProblem;
  format: 'wayline' | 'solomon' | 'cvrplib';
  timeLimitSeconds?: number;
  seed?: number;
}

/** Reads Wayline JSON (the body of POST /api/route-plans), Solomon `.txt` or CVRPLIB `.vrp`. */
async function loadPlan(file: string): Promise<LoadedPlan> {
  const text = fs.readFileSync(file, 'utf8');
  const ext = path.extname(file).toLowerCase();
  if (ext === '.vrp')
    return { problem: cvrpProblem(parseCvrplib(text), { rounding: 'nint' }), format: 'cvrplib' };
  if (ext === '.txt')
    return { problem: solomonProblem(parseSolomon(text), { rounding: 'exact' }), format: 'solomon' };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${file}: expected Wayline JSON, a Solomon .txt or a CVRPLIB .vrp file`);
  }
  const parsed = routePlanBody.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${file}: not a valid route plan\n${lines.join('\n')}`);
  }
  const plan = parsed.data;
  return {
    problem: await buildRoutePlanProblem(plan),
    format: 'wayline',
    timeLimitSeconds: plan.timeLimitSeconds,
    seed: plan.seed,
  };
}

const pad = (value: string, width: number) =>
  value.length > width ? `${value.slice(0, width - 1)}…` : value.padEnd(width);

export function registerPlanRoutesCommand(program: Command) {
  program
    .command('plan-routes')
    .description('Plan vehicle routes for a file of stops and vehicles (no database needed)')
    .argument('<file>', 'Wayline JSON (as POST /api/route-plans), Solomon .txt or CVRPLIB .vrp')
    .option('--time <seconds>', 'search budget in seconds (default: the file’s timeLimitSeconds, else 30)')
    .option('--seed <n>', 'random seed; same seed and input give the same plan')
    .option('--lang <lang>', 'language of messages (zh-CN or en)', 'en')
    .action(async (file: string, opts: { time?: string; seed?: string; lang: string }) => {
      registerMessages(transportMessages);
      const lang = opts.lang === 'zh-CN' ? 'zh-CN' : 'en';
      const loaded = await loadPlan(file);
      const seconds = Number(String(opts.time ?? loaded.timeLimitSeconds ?? 30).replace(/s$/, ''));
      const seed = Number(opts.seed ?? loaded.seed ?? 1);
      if (!(seconds > 0) || !Number.isInteger(seed))
        throw new Error('--time must be > 0 and --seed an integer');
      const { problem } = loaded;
      // Wayline plans price in fen (shown in yuan); the benchmark formats' cost is their distance.
      const money = (cost: number) =>
        loaded.format === 'wayline' ? `¥${(cost / 100).toFixed(2)}` : cost.toFixed(2);

      const bar = new cliProgress.SingleBar(
        { format: '{bar} {percentage}% | {elapsed}s | {message}', hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      bar.start(100, 0, { message: `${problem.stops.length} stops` });
      const solution = await solveVrp(problem, {
        seed,
        timeLimitMs: seconds * 1000,
        signal: controller.signal,
        onProgress: (p) =>
          bar.update(Math.min(100, Math.round((100 * p.elapsedMs) / (seconds * 1000))), {
            message: `best cost ${money(p.cost)}, ${p.vehicles} vehicles${p.feasible ? '' : ' (infeasible)'}`,
          }),
      });
      bar.update(100, { message: 'done' });
      bar.stop();
      process.off('SIGINT', onSigint);

      const report = checkSolution(problem, solution);
      const result = describeSolution(problem, solution, lang, report.feasible);
      const wayline = loaded.format === 'wayline';
      const distanceOf = (i: number) =>
        wayline ? result.routes[i].km.toFixed(2) : solution.routes[i].distanceM.toFixed(2);
      console.log(
        `${pad('#', 4)}${pad('vehicle', 14)}${pad('stops', 7)}${pad(wayline ? 'out–back' : 'times', 13)}` +
          `${pad('load (util %)', 34)}${pad(wayline ? 'km' : 'distance', 10)}${pad('cost', 12)}sequence`,
      );
      result.routes.forEach((r, i) => {
        const load = (['weightG', 'volumeCm3', 'items'] as const)
          .filter((d) => r.load[d] > 0)
          .map((d) => `${d} ${r.load[d]}${r.utilisationPct[d] === null ? '' : ` (${r.utilisationPct[d]}%)`}`)
          .join(', ');
        const times = wayline
          ? `${r.departure}–${r.return}`
          : `${Math.round(solution.routes[i].departureS)}–${Math.round(solution.routes[i].returnS)}`;
        console.log(
          `${pad(String(i + 1), 4)}${pad(`${r.vehicleId}/${r.vehicleNo}`, 14)}${pad(String(r.stops.length), 7)}` +
            `${pad(times, 13)}${pad(load || '-', 34)}${pad(distanceOf(i), 10)}${pad(money(solution.routes[i].cost), 12)}` +
            r.stops.map((s) => s.id).join(' '),
        );
      });
      for (const u of result.unassigned) console.log(`unassigned ${u.id}: ${u.reason} — ${u.message}`);
      const distance = wayline ? `${result.totals.km} km` : `distance ${solution.distanceM.toFixed(2)}`;
      console.log(
        `total: ${result.totals.vehicles} vehicles, ${distance}, cost ${money(solution.cost)}, ` +
          `${result.totals.served}/${result.totals.stops} stops served, ${result.totals.unassigned} unassigned; ` +
          `${result.iterations} iterations in ${(result.elapsedMs / 1000).toFixed(1)} s (seed ${seed})`,
      );
      if (report.feasible) console.log('checker: feasible');
      else {
        console.log('checker: INFEASIBLE');
        for (const e of report.errors.slice(0, 20)) console.log(`  ${e}`);
        process.exitCode = 1;
      }
    });
}
