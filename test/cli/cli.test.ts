import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The `wayline` command as an operator runs it, on its own embedded database. */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wayline-cli-'));
const env = { ...process.env, WAYLINE_DATA_DIR: dataDir, DATABASE_URL: '', WAYLINE_LOG_LEVEL: 'silent' };
const wayline = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/wayline.mjs', ...args], { env, encoding: 'utf8', timeout: 120_000 });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('wayline CLI', () => {
  it('migrates, seeds, imports a catalog file with a report, manages users, and says what doctor finds', () => {
    const migrate = wayline('migrate');
    expect(migrate.status, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain('create_org');
    expect(wayline('migrate').stdout).toContain('up to date');

    const seed = wayline('seed');
    expect(seed.status, seed.stderr).toBe(0);
    expect(seed.stdout).toContain('15 demo users');

    const file = path.join(dataDir, 'skus.csv');
    fs.writeFileSync(
      file,
      'code,merchant_code,name_zh,name_en,unit,weight_g,length_mm,width_mm,height_mm,storage_class\n' +
        'CLI-TEA-1,HOME,龙井茶 250g,Longjing tea 250 g,box,300,200,100,80,ambient\n' +
        'CLI-BAD-1,HOME,,Bad,each,-5,1,1,1,ambient\n',
    );
    const refused = wayline('import', 'catalog', file, '--lang', 'en');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('rows 2: valid 1, invalid 1');
    expect(refused.stdout).toMatch(/row 3 /);
    expect(refused.stdout).toContain('Nothing was imported');
    const imported = wayline('import', 'catalog', file, '--skip-invalid');
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('created 1');

    const created = wayline(
      'users',
      'create',
      '--username',
      'ops.admin',
      '--name',
      '运维',
      '--password',
      'Str0ngPassword',
    );
    expect(created.status, created.stderr).toBe(0);
    expect(wayline('users', 'list').stdout).toContain('ops.admin');
    const weak = wayline('users', 'reset-password', 'ops.admin', '--password', 'weak');
    expect(weak.status).toBe(1);

    const audit = wayline('audit', 'stock');
    expect(audit.status, audit.stderr).toBe(0);
    expect(audit.stdout).toContain('ledger, balances and last counts agree');

    const plan = path.join(dataDir, 'plan.json');
    fs.writeFileSync(
      plan,
      JSON.stringify({
        depot: { lat: 31.2956, lon: 121.1603 },
        stops: [
          { id: 'S1', lat: 31.23, lon: 121.47, weightG: 400_000 },
          { id: 'S2', lat: 31.25, lon: 121.45, weightG: 400_000 },
          { id: 'S3', lat: 31.2, lon: 121.5, weightG: 400_000 },
          { id: 'HEAVY', lat: 31.21, lon: 121.4, weightG: 2_000_000 },
        ],
        vehicles: [{ id: 'van', count: 3, capacityWeightG: 1_000_000, fixedCostFen: 10_000 }],
      }),
    );
    const routes = wayline('plan-routes', plan, '--time', '1', '--lang', 'en');
    expect(routes.status, routes.stderr).toBe(0);
    expect(routes.stdout).toContain('2 vehicles');
    expect(routes.stdout).toContain('unassigned HEAVY: too_heavy_for_any_vehicle');
    expect(routes.stdout).toContain('checker: feasible');

    const doctor = wayline('doctor');
    expect(doctor.stdout).toContain('✔ Database');
    expect(doctor.stdout).toContain('✔ Migrations');

    const bad = spawnSync(process.execPath, ['bin/wayline.mjs', 'doctor'], {
      env: { ...env, PORT: 'abc' },
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('PORT');
  }, 240_000);
});
