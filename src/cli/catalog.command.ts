import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { importCatalogFile } from '../modules/catalog';
import { systemActor } from '../platform/auth/principal';
import { withDatabase } from './context';

export function registerCatalogCommands(program: Command) {
  const imp = program.command('import').description('Import data from files');
  imp
    .command('catalog')
    .description('Import SKUs from a CSV or Excel file (upsert by merchant + code)')
    .argument('<file>', 'a .csv or .xlsx file; see GET /api/catalog/template for the columns')
    .option('--validate', 'check every row and report errors; write nothing')
    .option('--skip-invalid', 'import the valid rows even if some rows have errors')
    .option('--lang <lang>', 'language of error messages (zh-CN or en)', 'zh-CN')
    .action(async (file: string, opts: { validate?: boolean; skipInvalid?: boolean; lang: string }) => {
      const ext = path.extname(file).toLowerCase();
      const format = ext === '.xlsx' ? 'xlsx' : ext === '.csv' ? 'csv' : null;
      if (!format) throw new Error(`${file}: expected a .csv or .xlsx file`);
      const content = fs.readFileSync(file);
      await withDatabase(async ({ db }) => {
        const bar = new cliProgress.SingleBar(
          { format: '{bar} {percentage}% | {message}', hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(100, 0, { message: 'reading' });
        const result = await importCatalogFile(db, {
          file: content,
          format,
          mode: opts.validate ? 'validate' : 'commit',
          skipInvalid: !!opts.skipInvalid,
          merchantScope: null,
          actor: systemActor('cli'),
          lang: opts.lang === 'en' ? 'en' : 'zh-CN',
          now: new Date(),
          onProgress: (fraction: number, message: string) =>
            bar.update(Math.round(fraction * 100), { message }),
        });
        bar.update(100, { message: 'done' });
        bar.stop();
        console.log(
          `rows ${result.total}: valid ${result.valid}, invalid ${result.invalid}; created ${result.created}, updated ${result.updated}, skipped ${result.skipped}`,
        );
        for (const e of result.errors.slice(0, 50)) console.log(`  row ${e.row} ${e.field}: ${e.message}`);
        if (result.errors.length > 50) console.log(`  … and ${result.errors.length - 50} more`);
        if (result.invalid && !opts.skipInvalid && !opts.validate) {
          console.log('Nothing was imported because some rows are invalid; fix them or pass --skip-invalid.');
          process.exitCode = 1;
        }
      });
    });
}
