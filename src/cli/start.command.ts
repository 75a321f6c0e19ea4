import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import pino from 'pino';
import { createModules, platformPermissions } from '../app/modules';
import { seedSystem } from '../app/seed';
import { allMigrations, createSystem, WEB_ROOT } from '../app/system';
import { loadConfig } from '../platform/config/config';
import { migrateToLatest } from '../platform/db';
import { describeDatabase, withDatabase } from './context';

/** Build the console once if it has not been built (a fresh clone). */
function ensureConsoleBuilt() {
  if (fs.existsSync(path.join(WEB_ROOT, 'index.html'))) return;
  console.log('Building the console (first start only)…');
  const vite = path.resolve(WEB_ROOT, '../../node_modules/vite/bin/vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: path.resolve(WEB_ROOT, '../..'),
      stdio: 'inherit',
    },
  );
  if (result.status !== 0)
    throw new Error('Building the console failed; run `npm run build:web` to see why.');
}

export function registerStartCommands(program: Command) {
  program
    .command('start')
    .description('Run the API, the console and the job runner')
    .action(async () => {
      const config = loadConfig();
      ensureConsoleBuilt();
      const logger = pino({ level: config.logLevel, base: { service: 'wayline' } });
      console.log(`Database: ${describeDatabase(config)}`);
      const system = await createSystem({ config, logger });
      await system.app.listen({ port: config.port, host: config.host });
      const address = system.app.server.address();
      const port = typeof address === 'object' && address ? address.port : config.port;
      const url = config.publicUrl ?? `http://localhost:${port}`;
      console.log(
        `\nWayline is running: ${url}\n  API docs: ${url}/api/docs\n  OpenAPI:  ${url}/api/openapi.json`,
      );
      if (system.demoUsers.length) {
        console.log(`\nDemo logins (password for all: ${system.demoUsers[0].password}):`);
        for (const u of system.demoUsers) console.log(`  ${u.username.padEnd(14)} ${u.roleZh} / ${u.roleEn}`);
      }
      let closing = false;
      const shutdown = async (signal: string) => {
        if (closing) return;
        closing = true;
        console.log(`\n${signal}: shutting down…`);
        await system.close();
        process.exit(0);
      };
      process.on('SIGINT', () => void shutdown('SIGINT'));
      process.on('SIGTERM', () => void shutdown('SIGTERM'));
    });

  program
    .command('migrate')
    .description('Apply pending database migrations')
    .action(async () => {
      await withDatabase(
        async (database, config) => {
          const applied = await migrateToLatest(database.db, allMigrations(createModules(config)));
          console.log(applied.length ? `Applied:\n  ${applied.join('\n  ')}` : 'Database is up to date.');
        },
        { migrate: false },
      );
    });

  program
    .command('seed')
    .description(
      'Create reference data (departments, default roles) and, unless WAYLINE_DEMO=0, the demo company',
    )
    .action(async () => {
      await withDatabase(async (database, config) => {
        const modules = createModules(config);
        const permissions = [...platformPermissions, ...modules.flatMap((m) => m.permissions)];
        const users = await seedSystem(database.db, { demo: config.demo, permissions, now: new Date() });
        console.log(
          config.demo ? `Demo company ready; ${users.length} demo users.` : 'Reference data ready.',
        );
      });
    });
}
