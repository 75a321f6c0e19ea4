import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { getSettings, importOrderFile, ordersMessages, runAllocation } from '../modules/orders';
import { merchantIdByCode } from '../modules/org';
import { systemActor } from '../platform/auth/principal';
import { registerMessages } from '../platform/i18n/i18n';
import { newId } from '../platform/lib/ids';
import { withDatabase } from './context';

const bar = () =>
  new cliProgress.SingleBar(
    { format: '{bar} {percentage}% | {message}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );

/** `wayline import orders FILE`: import a CSV/xlsx order file with a progress bar, then allocate it. */
export function registerOrderCommands(program: Command) {
  registerMessages(ordersMessages);
  const imp =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('Import data from files');
  imp
    .command('orders')
    .description(
      'Import orders from a CSV or Excel file (one row per order line; see GET /api/orders/import-template)',
    )
    .argument('<file>', 'a .csv or .xlsx file')
    .option('--validate', 'check every row and report; write nothing')
    .option('--skip-invalid', 'import the valid orders even if some rows have errors')
    .option('--merchant <code>', 'merchant for rows without a merchant code')
    .option('--no-allocate', 'leave the imported orders validated (allocate later)')
    .option('--lang <lang>', 'language of messages (zh-CN or en)', 'zh-CN')
    .action(
      async (
        file: string,
        opts: {
          validate?: boolean;
          skipInvalid?: boolean;
          merchant?: string;
          allocate: boolean;
          lang: string;
        },
      ) => {
        const ext = path.extname(file).toLowerCase();
        if (ext !== '.csv' && ext !== '.xlsx') throw new Error(`${file}: expected a .csv or .xlsx file`);
        const lang = opts.lang === 'en' ? 'en' : 'zh-CN';
        await withDatabase(async ({ db }) => {
          const merchantId = opts.merchant ? await merchantIdByCode(db, opts.merchant) : null;
          if (opts.merchant && !merchantId) throw new Error(`merchant ${opts.merchant} not found`);
          const batchId = newId();
          const actor = systemActor('cli');
          const progress = bar();
          progress.start(100, 0, { message: 'reading' });
          const started = Date.now();
          const result = await importOrderFile(db, {
            file,
            mode: opts.validate ? 'validate' : 'commit',
            skipInvalid: !!opts.skipInvalid,
            defaultMerchantId: merchantId,
            batchId,
            actor,
            lang,
            onProgress: (fraction, message) => progress.update(Math.round(fraction * 100), { message }),
          });
          progress.update(100, { message: 'done' });
          progress.stop();
          const seconds = ((Date.now() - started) / 1000).toFixed(1);
          console.log(
            `rows ${result.rows}, orders ${result.orders}: valid ${result.valid}, invalid ${result.invalid}; ` +
              `created ${result.created} (${result.exceptions} to the exception queue), existing ${result.existing} — ${seconds} s`,
          );
          for (const r of result.exceptionsByReason) console.log(`  ${r.count} × ${r.code}`);
          for (const e of result.errors.slice(0, 50)) console.log(`  row ${e.row} ${e.field}: ${e.message}`);
          if (result.errors.length > 50) console.log(`  … and ${result.errors.length - 50} more`);
          if (result.invalid && !opts.skipInvalid && !opts.validate) {
            console.log(
              'Nothing was imported because some rows are invalid; fix them or pass --skip-invalid.',
            );
            process.exitCode = 1;
            return;
          }
          if (!result.committed || !opts.allocate || !(await getSettings(db)).autoAllocate) return;
          const allocating = bar();
          allocating.start(100, 0, { message: 'allocating' });
          const counts = await runAllocation(
            {
              db,
              signal: new AbortController().signal,
              progress: (f, m) => allocating.update(Math.round(f * 100), { message: m ?? '' }),
              now: () => new Date(),
            },
            { importJobId: batchId, lang, actor },
          );
          allocating.update(100, { message: 'done' });
          allocating.stop();
          console.log(`allocated ${counts.allocated}, out of stock ${counts.exceptions}`);
        });
      },
    );
}
