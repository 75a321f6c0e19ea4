import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createAuthenticator } from '../modules/org';
import { auditRoutes } from '../platform/audit';
import type { Config } from '../platform/config/config';
import {
  type Database,
  type DatabaseTarget,
  type MigrationSet,
  migrateToLatest,
  openDatabase,
  pendingMigrations,
} from '../platform/db';
import { createOutboxDispatcher, type OutboxDispatcher } from '../platform/events';
import { buildApp } from '../platform/http/app';
import type { WaylineModule } from '../platform/http/module';
import { createJobRunner, type JobRunner, jobRoutes, scheduleDaily } from '../platform/jobs';
import { platformMigrations } from '../platform/migrations';
import { compose, platformPermissions } from './modules';
import { seedSystem } from './seed';

export const VERSION: string = JSON.parse(
  fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../../package.json'), 'utf8'),
).version;

export const WEB_ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export function allMigrations(modules: WaylineModule[]): Record<string, MigrationSet> {
  return { platform: platformMigrations, ...Object.fromEntries(modules.map((m) => [m.name, m.migrations])) };
}

export function databaseTarget(config: Config): DatabaseTarget {
  return config.database.kind === 'postgres'
    ? { kind: 'postgres', url: config.database.url }
    : { kind: 'pglite', dataDir: config.database.dataDir };
}

export interface System {
  app: FastifyInstance;
  database: Database;
  runner: JobRunner | null;
  demoUsers: Array<{ username: string; password: string; roleZh: string; roleEn: string }>;
  close(): Promise<void>;
}

export interface SystemOptions {
  config: Config;
  logger?: Logger | false;
  now?: () => Date;
  /** An already-open database (tests); otherwise opened from the config. */
  database?: Database;
  /** Skip migrations and seeding (tests that start from a migrated template). */
  skipMigrate?: boolean;
  webRoot?: string | null;
}

/** Composition root: database → migrations → seed → HTTP app → job runner. */
export async function createSystem(options: SystemOptions): Promise<System> {
  const { config } = options;
  const now = options.now ?? (() => new Date());
  const database = options.database ?? (await openDatabase(databaseTarget(config)));
  const { modules, jobHandlers, schedules } = compose(config);
  const migrations = allMigrations(modules);
  let demoUsers: System['demoUsers'] = [];
  if (!options.skipMigrate) {
    await migrateToLatest(database.db, migrations);
  }
  const permissions = [...platformPermissions, ...modules.flatMap((m) => m.permissions)];
  demoUsers = await seedSystem(database.db, { demo: config.demo, permissions, now: now() });
  // Daily jobs (e.g. expired stock → quarantine) in the configured business time zone.
  for (const s of schedules)
    await scheduleDaily(database.db, { ...s, timeZone: config.timeZone, now: now() });

  const app = await buildApp({
    db: database.db,
    modules,
    permissions: platformPermissions,
    authenticator: createAuthenticator(database.db, { sessionHours: config.sessionHours }),
    now,
    logger: options.logger,
    webRoot: options.webRoot === undefined ? WEB_ROOT : options.webRoot,
    platformRoutes: [auditRoutes, jobRoutes],
    version: VERSION,
    demo: config.demo ? { users: demoUsers } : null,
    readiness: async () => {
      try {
        const pending = await pendingMigrations(database.db, migrations);
        return {
          ok: pending.length === 0,
          detail: { database: database.kind, pendingMigrations: pending.length },
        };
      } catch (error) {
        return { ok: false, detail: { database: database.kind, error: (error as Error).message } };
      }
    },
  });

  const runner = config.runJobs
    ? createJobRunner({
        db: database.db,
        handlers: jobHandlers,
        concurrency: 2,
        pollMs: 250,
        checkSchedulesMs: 30_000,
        now,
        onError: (error, job) => app.log.error({ err: error, jobId: job?.id }, 'job failed'),
      })
    : null;
  runner?.start();

  // Events published in the outbox reach the modules that react to them (at least once).
  const eventHandlers = modules.flatMap((m) => m.eventHandlers ?? []);
  const dispatcher: OutboxDispatcher | null =
    config.runJobs && eventHandlers.length
      ? createOutboxDispatcher({
          db: database.db,
          handlers: eventHandlers,
          now,
          onError: (error) => app.log.error({ err: error }, 'outbox delivery failed'),
        })
      : null;
  dispatcher?.start();

  return {
    app,
    database,
    runner,
    demoUsers,
    async close() {
      await dispatcher?.stop();
      await runner?.stop();
      await app.close();
      if (!options.database) await database.close();
    },
  };
}
