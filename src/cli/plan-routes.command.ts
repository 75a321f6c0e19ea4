import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { listWarehouses } from '../modules/inventory';
import { consigneeGeoOf } from '../modules/orders';
import {
  buildRoutePlanProblem,
  describeSolution,
  getFleetSetting,
  type RoutePlan,
  routePlanBody,
  shipmentStops,
  transportMessages,
} from '../modules/transport';
import { dispatchShipments } from '../modules/warehouse';
import { type Lang, registerMessages, t } from '../platform/i18n/i18n';
import { isAppError } from '../platform/lib/errors';
import { checkSolution, solveVrp, type VrpProblem } from '../solvers/vrp';
import { cvrpProblem, parseCvrplib } from '../solvers/vrp/formats/cvrplib';
import { parseSolomon, solomonProblem } from '../solvers/vrp/formats/solomon';
import { withDatabase } from './context';

interface LoadedPlan {
  problem: VrpProblem;
  format: 'wayline' | 'solomon' | 'cvrplib';
  timeLimitSeconds?: number;
  seed?: number;
  /** A plan made from a warehouse's shipments: its stops' orders, and what was left out. */
  plan?: RoutePlan;
  notes?: string[];
}

interface WarehouseOptions {
  warehouse: string;
  day?: string;
  service?: string;
  includeUnpacked?: boolean;
  out?: string;
}

/**
 * The plan of a warehouse's shipments of a day, read from the configured database exactly as
 * `POST /api/route-plans` with `shipments` builds it (the warehouse's saved fleet, else the demo
 * fleet). Nothing is stored: the shipments are not held for this plan.
 */
async function loadWarehousePlan(opts: WarehouseOptions, lang: Lang): Promise<LoadedPlan> {
  if (opts.day !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.day))
    throw new Error(`--day ${opts.day}: expected YYYY-MM-DD`);
  const serviceMin = opts.service === undefined ? undefined : Number(opts.service);
  if (serviceMin !== undefined && !(serviceMin >= 0 && serviceMin <= 240))
    throw new Error('--service must be 0–240 minutes');
  // The CLI composes as src/app/modules.ts does: the warehouse's shipments, the orders' consignees.
  return withDatabase(async ({ db }, config) => {
    try {
      const built = await shipmentStops(
        db,
        {
          listWarehouses,
          shipments: { shipments: dispatchShipments, consignees: consigneeGeoOf, timeZone: config.timeZone },
        },
        {
          warehouse: opts.warehouse,
          day: opts.day,
          serviceMin,
          includeUnpacked: !!opts.includeUnpacked,
          includePlanned: true,
        },
        { principal: null, now: new Date(), fieldPrefix: '--warehouse' },
      );
      if (!built.items.length) {
        throw new Error(
          t(lang, 'transport.no_shipments', {
            code: built.warehouse.code,
            day: built.day,
            excluded: built.excluded.length,
          }),
        );
      }
      const plan = routePlanBody.parse({
        name: `${built.warehouse.code} ${built.day}`,
        date: built.day,
        warehouseId: built.warehouse.id,
        depot: {
          lat: built.warehouse.latitude,
          lon: built.warehouse.longitude,
          name: lang === 'en' ? built.warehouse.nameEn : built.warehouse.nameZh,
          address: built.warehouse.address,
        },
        stops: built.items.map((i) => i.stop),
        vehicles: (await getFleetSetting(db, built.warehouse.id)).vehicles,
      });
      if (opts.out) fs.writeFileSync(opts.out, `${JSON.stringify(plan, null, 2)}\n`);
      const sum = built.summary;
      const notes = [
        `${built.warehouse.code} ${built.day}: ${sum.stops} stops from ${sum.shipments} shipments, ` +
          `${(sum.weightG / 1000).toFixed(1)} kg, ${sum.parcels} parcels, ${sum.coldChain} cold chain, ` +
          `${sum.approximate} approximate location(s), ${sum.estimated} estimated (not packed)`,
        ...built.items
          .filter((i) => i.stop.locationPrecision === 'city' || i.stop.locationPrecision === 'province')
          .map((i) => `approximate ${i.stop.id}: ${i.stop.locationPrecision} centre (${i.stop.address})`),
        ...built.excluded.map(
          (e) =>
            `left out ${e.orderNumber}: ${t(lang, `transport.excluded.${e.reason}`, { plan: e.planNumber ?? '', km: e.distanceKm ?? '' })}`,
        ),
        ...(opts.out ? [`plan written to ${opts.out}`] : []),
      ];
      return {
        problem: await buildRoutePlanProblem(plan),
        format: 'wayline' as const,
        timeLimitSeconds: plan.timeLimitSeconds,
        seed: plan.seed,
        plan,
        notes,
      };
    } catch (error) {
      if (isAppError(error)) throw new Error(t(lang, error.code, error.params));
      throw error;
    }
  });
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
    .description(
      'Plan vehicle routes for a file of stops and vehicles (no database needed), or for the shipments ' +
        'of a warehouse on a day (--warehouse; reads the configured database, stores nothing)',
    )
    .argument('[file]', 'Wayline JSON (as POST /api/route-plans), Solomon .txt or CVRPLIB .vrp')
    .option('--warehouse <code>', 'plan the warehouse’s shipments that are packed or released at the gate')
    .option('--day <YYYY-MM-DD>', 'with --warehouse: the business day (default today)')
    .option(
      '--service <minutes>',
      'with --warehouse: unloading time per stop (default: the warehouse’s setting)',
    )
    .option('--include-unpacked', 'with --warehouse: also documents still being picked or packed')
    .option('--out <file>', 'with --warehouse: also write the plan as Wayline JSON')
    .option('--time <seconds>', 'search budget in seconds (default: the file’s timeLimitSeconds, else 30)')
    .option('--seed <n>', 'random seed; same seed and input give the same plan')
    .option('--lang <lang>', 'language of messages (zh-CN or en)', 'en')
    .action(
      async (
        file: string | undefined,
        opts: Partial<WarehouseOptions> & { time?: string; seed?: string; lang: string },
      ) => {
        registerMessages(transportMessages);
        const lang = opts.lang === 'zh-CN' ? 'zh-CN' : 'en';
        if (!file === !opts.warehouse) throw new Error('give a FILE or --warehouse CODE (one of them)');
        const loaded = opts.warehouse
          ? await loadWarehousePlan({ ...opts, warehouse: opts.warehouse }, lang)
          : await loadPlan(file!);
        for (const note of loaded.notes ?? []) console.log(note);
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
        const result = describeSolution(problem, solution, lang, report.feasible, loaded.plan);
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
            .map(
              (d) => `${d} ${r.load[d]}${r.utilisationPct[d] === null ? '' : ` (${r.utilisationPct[d]}%)`}`,
            )
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
      },
    );
}
