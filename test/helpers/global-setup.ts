import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createModules, platformPermissions } from '../../src/app/modules';
import { seedSystem } from '../../src/app/seed';
import { allMigrations } from '../../src/app/system';
import { loadConfig } from '../../src/platform/config/config';
import { migrateToLatest, openDatabase } from '../../src/platform/db';

/**
 * Builds one migrated, seeded template per run, so each test file starts from a fresh copy in about
 * a second: a PGlite data-dir dump, or a PostgreSQL template database (CREATE DATABASE … TEMPLATE).
 */
export default async function setup(project: TestProject) {
  const kind = project.name === 'postgres' ? 'postgres' : 'pglite';
  const config = loadConfig({ WAYLINE_DEMO: '1' });
  const modules = createModules(config);
  const permissions = [...platformPermissions, ...modules.flatMap((m) => m.permissions)];
  const runId = `${process.pid}_${Date.now().toString(36)}`;

  if (kind === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('The postgres test project needs DATABASE_URL');
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const template = `wayline_tpl_${runId}`;
    await admin.query(`create database ${template}`);
    const templateUrl = withDatabase(url, template);
    const database = await openDatabase({ kind: 'postgres', url: templateUrl, maxConnections: 2 });
    await migrateToLatest(database.db, allMigrations(modules));
    await seedSystem(database.db, { demo: true, permissions, now: new Date() });
    await database.close();
    project.provide('pgTemplate', template);
    return async () => {
      await admin.query(`drop database if exists ${template} with (force)`);
      await admin.end();
    };
  }

  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateToLatest(database.db, allMigrations(modules));
  await seedSystem(database.db, { demo: true, permissions, now: new Date() });
  const dump = await database.pglite!.dumpDataDir('none');
  await database.close();
  const file = path.resolve('.tmp', `pglite-template-${runId}.tar`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return async () => fs.rmSync(file, { force: true });
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string;
  }
}
