import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import {
  importDemandFile,
  planningDeps,
  planningMessages,
  runPlanning,
  runReview,
} from '../modules/planning';
import { systemActor } from '../platform/auth/principal';
import type { Db } from '../platform/db';
import { registerMessages } from '../platform/i18n/i18n';
import { withDatabase } from './context';

const collect = (value: string, previous: string[]) => [
  ...previous,
  ...value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean),
];

const bar = () =>
  new cliProgress.SingleBar(
    { format: '{bar} {percentage}% | {duration}s | {message}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`;
const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toFixed(2));

/** SKU and warehouse codes → ids (a SKU code held by several merchants selects all of them). */
async function resolveCodes(db: Db, skuCodes: string[], warehouseCodes: string[]) {
  const deps = planningDeps();
  let skuIds: string[] | null = null;
  if (skuCodes.length) {
    const wanted = new Set(skuCodes.map((c) => c.toUpperCase()));
    const skus = (await deps.skus(db)).filter((s) => wanted.has(s.code));
    const missing = [...wanted].filter((c) => !skus.some((s) => s.code === c));
    if (missing.length) throw new Error(`unknown SKU code(s): ${missing.join(', ')}`);
    skuIds = skus.map((s) => s.id);
  }
  let warehouseIds: string[] | null = null;
  if (warehouseCodes.length) {
    const all = await deps.listWarehouses(db, null);
    warehouseIds = warehouseCodes.map((code) => {
      const w = all.find((x) => x.code.toUpperCase() === code.toUpperCase());
      if (!w) throw new Error(`unknown warehouse code: ${code}`);
      return w.id;
    });
  }
  return { skuIds, warehouseIds };
}

export function registerPlanningCommands(program: Command) {
  registerMessages(planningMessages);
  const imp =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('Import data from files');
  imp
    .command('demand')
    .description(
      'Import daily demand history (sku_code, warehouse_code, date, qty[, merchant_code, stockout])',
    )
    .argument('<file>', 'a .csv or .xlsx file; see GET /api/planning/demand/template for the columns')
    .option('--validate', 'check every row and report errors; write nothing')
    .option('--skip-invalid', 'import the valid rows even if some rows have errors')
    .option('--lang <lang>', 'language of error messages (zh-CN or en)', 'zh-CN')
    .action(async (file: string, opts: { validate?: boolean; skipInvalid?: boolean; lang: string }) => {
      const ext = path.extname(file).toLowerCase();
      const format = ext === '.xlsx' ? 'xlsx' : ext === '.csv' ? 'csv' : null;
      if (!format) throw new Error(`${file}: expected a .csv or .xlsx file`);
      const content = fs.readFileSync(file);
      await withDatabase(async ({ db }) => {
        const progress = bar();
        progress.start(100, 0, { message: 'reading' });
        const result = await importDemandFile(db, planningDeps(), {
          file: content,
          format,
          mode: opts.validate ? 'validate' : 'commit',
          skipInvalid: !!opts.skipInvalid,
          actor: systemActor('cli'),
          lang: opts.lang === 'en' ? 'en' : 'zh-CN',
          now: new Date(),
          onProgress: (fraction, message) => progress.update(Math.round(fraction * 100), { message }),
        });
        progress.update(100, { message: 'done' });
        progress.stop();
        console.log(
          `rows ${result.total}: valid ${result.valid}, invalid ${result.invalid}; written ${result.written} ` +
            `for ${result.series} series (${result.firstDay ?? '—'} … ${result.lastDay ?? '—'})`,
        );
        for (const e of result.errors.slice(0, 50)) console.log(`  row ${e.row} ${e.field}: ${e.message}`);
        if (result.errors.length > 50) console.log(`  … and ${result.errors.length - 50} more`);
        if (result.invalid && !opts.skipInvalid && !opts.validate) {
          console.log('Nothing was imported because some rows are invalid; fix them or pass --skip-invalid.');
          process.exitCode = 1;
        }
      });
    });

  program
    .command('forecast')
    .description(
      'Forecast daily demand (or backtest it) for every SKU × warehouse with history, or a selection',
    )
    .option('--sku <codes>', 'SKU code(s), comma-separated or repeated', collect, [])
    .option('--warehouse <codes>', 'warehouse code(s), comma-separated or repeated', collect, [])
    .option('--horizon <days>', 'days ahead (backtest: days per origin)')
    .option('--backtest', 'rolling-origin backtest: store MASE, WAPE and bias instead of forecasts')
    .option('--origins <n>', 'backtest origins', '4')
    .option('--as-of <date>', 'last day of history to use (default yesterday)')
    .option('--no-review', 'do not refresh suggestions and alerts after forecasting')
    .option('--lang <lang>', 'language of messages (zh-CN or en)', 'en')
    .action(
      async (opts: {
        sku: string[];
        warehouse: string[];
        horizon?: string;
        backtest?: boolean;
        origins: string;
        asOf?: string;
        review: boolean;
        lang: string;
      }) => {
        const kind = opts.backtest ? 'backtest' : 'forecast';
        const horizon = Number(opts.horizon ?? (kind === 'forecast' ? 90 : 28));
        const origins = Number(opts.origins);
        if (!Number.isInteger(horizon) || horizon < 1 || horizon > 365)
          throw new Error('--horizon must be 1–365 days');
        if (!Number.isInteger(origins) || origins < 1 || origins > 12)
          throw new Error('--origins must be 1–12');
        if (opts.asOf && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf))
          throw new Error('--as-of must be YYYY-MM-DD');
        const lang = opts.lang === 'zh-CN' ? 'zh-CN' : 'en';
        await withDatabase(async ({ db }) => {
          const deps = planningDeps();
          const selection = await resolveCodes(db, opts.sku, opts.warehouse);
          const controller = new AbortController();
          const onSigint = () => controller.abort();
          process.once('SIGINT', onSigint);
          const progress = bar();
          progress.start(100, 0, { message: 'starting' });
          const ctx = { actor: systemActor('cli'), lang, now: new Date(), warehouseScope: null } as const;
          try {
            const run = await runPlanning(
              db,
              deps,
              { kind, ...selection, horizon, origins, asOf: opts.asOf ?? null },
              {
                ...ctx,
                jobId: null,
                signal: controller.signal,
                onProgress: (fraction, message) => progress.update(Math.round(fraction * 100), { message }),
              },
            );
            progress.update(100, { message: 'done' });
            progress.stop();
            console.log(
              `${kind} as of ${run.asOf}: ${run.forecast} series (${run.empty} without history, ${run.failed} failed) ` +
                `in ${(run.elapsedMs / 1000).toFixed(1)} s; ${run.msPer1000 ?? '—'} ms compute per 1,000 series (worker thread time)`,
            );
            for (const f of run.failures.slice(0, 20))
              console.log(`  failed ${f.skuId} @ ${f.warehouseId}: ${f.error}`);
            if (run.overall)
              console.log(
                `accuracy: MASE ${num(run.overall.mase)}, WAPE ${pct(run.overall.wape)}, bias ${pct(run.overall.bias)}`,
              );
            if (kind === 'forecast' && opts.review) {
              const review = await runReview(db, deps, selection, ctx);
              console.log(
                `review: ${review.series} series; suggestions +${review.suggestions.created} ` +
                  `(updated ${review.suggestions.updated}, superseded ${review.suggestions.superseded}); ` +
                  `alerts +${review.alerts.raised} (resolved ${review.alerts.resolved})`,
              );
            }
            if (run.failed) process.exitCode = 1;
          } finally {
            progress.stop();
            process.off('SIGINT', onSigint);
          }
        });
        // The worker threads are idle now; let the process end without waiting for their timeout.
        await closeWorkers();
      },
    );
}

async function closeWorkers() {
  await planningDeps().cpuPool().destroy();
}
