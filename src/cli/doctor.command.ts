import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { sql } from 'kysely';
import { createModules } from '../app/modules';
import { allMigrations, databaseTarget, WEB_ROOT } from '../app/system';
import { ConfigError, loadConfig } from '../platform/config/config';
import { openDatabase, pendingMigrations } from '../platform/db';

type Check = { name: string; ok: boolean; detail: string; fix?: string };

/** Checks the installation and says what to fix. */
export function registerDoctorCommand(program: Command) {
  program
    .command('doctor')
    .description('Check configuration, database, migrations and the console build; say what to fix')
    .action(async () => {
      const checks: Check[] = [];
      const [major, minor] = process.versions.node.split('.').map(Number);
      const nodeOk = major > 20 || (major === 20 && minor >= 19);
      checks.push({
        name: 'Node.js',
        ok: nodeOk,
        detail: process.versions.node,
        fix: 'Install Node.js 20.19 or newer.',
      });
      let config: ReturnType<typeof loadConfig> | null = null;
      try {
        config = loadConfig();
        checks.push({ name: 'Configuration', ok: true, detail: 'all settings valid' });
      } catch (error) {
        const message = error instanceof ConfigError ? error.problems.join('; ') : String(error);
        checks.push({
          name: 'Configuration',
          ok: false,
          detail: message,
          fix: 'Correct the named environment variables.',
        });
      }
      if (config) {
        try {
          const database = await openDatabase(databaseTarget(config));
          try {
            const version = await sql<{ version: string }>`select version()`.execute(database.db);
            checks.push({
              name: 'Database',
              ok: true,
              detail: `${database.kind}: ${version.rows[0].version.split(' on ')[0]}`,
            });
            const pending = await pendingMigrations(database.db, allMigrations(createModules(config)));
            checks.push({
              name: 'Migrations',
              ok: pending.length === 0,
              detail: pending.length
                ? `${pending.length} pending: ${pending.slice(0, 3).join(', ')}…`
                : 'up to date',
              fix: 'Run `npm run wayline -- migrate` (start also migrates).',
            });
          } finally {
            await database.close();
          }
        } catch (error) {
          checks.push({
            name: 'Database',
            ok: false,
            detail: (error as Error).message,
            fix:
              config.database.kind === 'postgres'
                ? 'Check DATABASE_URL, that PostgreSQL is running and accepts connections from this host.'
                : `Check that ${config.database.dataDir} is writable and not used by another Wayline process.`,
          });
        }
      }
      const built = fs.existsSync(path.join(WEB_ROOT, 'index.html'));
      checks.push({
        name: 'Console build',
        ok: built,
        detail: built ? WEB_ROOT : 'not built',
        fix: 'Run `npm run build:web` (start builds it when missing).',
      });
      for (const c of checks) {
        console.log(
          `${c.ok ? '✔' : '✘'} ${c.name.padEnd(14)} ${c.detail}${!c.ok && c.fix ? `\n    → ${c.fix}` : ''}`,
        );
      }
      if (checks.some((c) => !c.ok)) process.exitCode = 1;
    });
}
