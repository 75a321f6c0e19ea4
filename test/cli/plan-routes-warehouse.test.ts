import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `wayline plan-routes --warehouse CODE`: the shipments of a warehouse, read from the database. */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wayline-cli-routes-'));
const env = { ...process.env, WAYLINE_DATA_DIR: dataDir, DATABASE_URL: '', WAYLINE_LOG_LEVEL: 'silent' };
const wayline = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/wayline.mjs', ...args], { env, encoding: 'utf8', timeout: 120_000 });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('wayline plan-routes --warehouse', () => {
  it('says what is wrong with the warehouse, the day or the arguments, and exits 1', () => {
    // The command migrates the embedded database itself; this one has no warehouses.
    const unknown = wayline('plan-routes', '--warehouse', 'WH-NOPE', '--time', '1s', '--lang', 'en');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('Warehouse WH-NOPE does not exist');
    const day = wayline('plan-routes', '--warehouse', 'WH-SH', '--day', '2026/11/25');
    expect(day.status).toBe(1);
    expect(day.stderr).toContain('expected YYYY-MM-DD');
    const neither = wayline('plan-routes');
    expect(neither.status).toBe(1);
    expect(neither.stderr).toContain('--warehouse');
    const both = wayline('plan-routes', 'plan.json', '--warehouse', 'WH-SH');
    expect(both.status).toBe(1);
  }, 240_000);
});
