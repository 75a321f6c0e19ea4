import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `wayline import demand` and `wayline forecast` as an operator runs them, on their own database. */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wayline-plan-cli-'));
const env = { ...process.env, WAYLINE_DATA_DIR: dataDir, DATABASE_URL: '', WAYLINE_LOG_LEVEL: 'silent' };
const wayline = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/wayline.mjs', ...args], { env, encoding: 'utf8', timeout: 240_000 });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('wayline planning commands', () => {
  it('imports demand with a row report, then forecasts a selection with progress and a summary', () => {
    const seed = wayline('seed');
    expect(seed.status, seed.stderr).toBe(0);

    const yesterday = new Date(Date.now() - 86_400_000 * 2).toISOString().slice(0, 10);
    const file = path.join(dataDir, 'demand.csv');
    fs.writeFileSync(
      file,
      `商品编码,仓库编码,日期,数量,缺货\nFRU-STRAW-500,WH-SH,${yesterday},41,否\nNO-SUCH,WH-SH,${yesterday},3,\n`,
    );
    const refused = wayline('import', 'demand', file, '--lang', 'en');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('rows 2: valid 1, invalid 1');
    expect(refused.stdout).toContain('row 3 sku_code: SKU code NO-SUCH does not exist.');
    const imported = wayline('import', 'demand', file, '--skip-invalid');
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('written 1 for 1 series');

    const forecast = wayline('forecast', '--sku', 'FRU-STRAW-500', '--warehouse', 'WH-SH', '--horizon', '14');
    expect(forecast.status, forecast.stderr).toBe(0);
    expect(forecast.stdout).toMatch(
      /forecast as of \d{4}-\d{2}-\d{2}: 1 series \(0 without history, 0 failed\)/,
    );
    expect(forecast.stdout).toMatch(/\d+ ms compute per 1,000 series/);
    expect(forecast.stdout).toMatch(/review: 1 series/);

    const backtest = wayline(
      'forecast',
      '--backtest',
      '--sku',
      'FRU-STRAW-500',
      '--warehouse',
      'WH-SH',
      '--origins',
      '2',
    );
    expect(backtest.status, backtest.stderr).toBe(0);
    expect(backtest.stdout).toMatch(/accuracy: MASE [\d.]+, WAPE [\d.]+%, bias -?[\d.]+%/);

    const unknown = wayline('forecast', '--warehouse', 'WH-NOPE');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('unknown warehouse code: WH-NOPE');
  }, 600_000);
});
