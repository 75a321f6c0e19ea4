import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** `wayline import orders FILE` on its own embedded database, as an operator runs it. */
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wayline-orders-cli-'));
const env = { ...process.env, WAYLINE_DATA_DIR: dataDir, DATABASE_URL: '', WAYLINE_LOG_LEVEL: 'silent' };
const wayline = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/wayline.mjs', ...args], { env, encoding: 'utf8', timeout: 240_000 });

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('wayline import orders', () => {
  it('imports an order file with a progress bar and a report, refuses invalid rows unless told, then allocates', () => {
    expect(wayline('seed').status).toBe(0);
    const file = path.join(dataDir, 'orders.csv');
    fs.writeFileSync(
      file,
      'merchant_code,channel,external_no,consignee_name,consignee_phone,address,sku_code,qty,unit_price,payment\n' +
        'HOME,web,CLI-1,韩梅梅,13812345678,上海市徐汇区漕溪北路88号,CER-MUG-WH,2,39.00,paid\n' +
        'HOME,web,CLI-2,李雷,13912345678,江苏省苏州市江宁区双龙大道1222号,CER-MUG-GY,1,39.00,paid\n' +
        'HOME,web,CLI-3,王芳,13712345678,北京市海淀区中关村大街27号,CER-MUG-BL,two,39.00,paid\n',
    );
    const refused = wayline('import', 'orders', file, '--lang', 'en');
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('orders 3: valid 2, invalid 1');
    expect(refused.stdout).toMatch(/row 4 qty/);
    expect(refused.stdout).toContain('Nothing was imported');

    const imported = wayline('import', 'orders', file, '--skip-invalid', '--lang', 'en');
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('created 2 (1 to the exception queue)');
    expect(imported.stdout).toContain('1 × address_mismatch');
    expect(imported.stdout).toContain('allocated 1, out of stock 0');

    const again = wayline('import', 'orders', file, '--skip-invalid');
    expect(again.stdout).toContain('created 0');
    expect(again.stdout).toContain('existing 2');
    expect(wayline('audit', 'stock').stdout).toContain('ledger, balances and last counts agree');
  }, 400_000);
});
