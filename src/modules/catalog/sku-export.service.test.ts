import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, inTransaction } from '../../platform/db';
import {
  fakeMerchants,
  MERCHANT_A,
  MERCHANT_B,
  NOW,
  openCatalogTestDb,
  seedActor,
} from './catalog.test-support';
import { isValidGtin } from './gtin';
import { seedDemoSkus } from './sku.seed';
import { listSkus, skuStats } from './sku.service';
import { exportSkus, skuTemplate } from './sku-export.service';
import { mapHeader } from './sku-import.rows';
import { runCatalogImport } from './sku-import.service';
import { readSheet } from './sku-sheet';

let database: Database;
beforeAll(async () => {
  database = await openCatalogTestDb();
});
afterAll(async () => {
  await database?.close();
});

const merchants = [
  { id: MERCHANT_A, code: 'XFSX' },
  { id: MERCHANT_B, code: 'YPJJ' },
];
const codes = async (_db: unknown, ids: string[]) =>
  new Map(ids.map((id) => [id, merchants.find((m) => m.id === id)?.code ?? id]));

describe('demo seed', () => {
  it('creates about 200 valid SKUs for two merchants, once', async () => {
    const seed = () => inTransaction(database.db, (trx) => seedDemoSkus(trx, { merchants, now: NOW }));
    const created = await seed();
    expect(created).toBeGreaterThanOrEqual(180);
    expect(await seed()).toBe(0);
    const fresh = await skuStats(database.db, {}, MERCHANT_A);
    const home = await skuStats(database.db, {}, MERCHANT_B);
    expect(fresh.total + home.total).toBe(created);
    const count = (s: typeof fresh, c: string) =>
      s.byStorageClass.find((x) => x.storageClass === c)?.count ?? 0;
    expect(count(fresh, 'chilled')).toBeGreaterThan(20);
    expect(count(fresh, 'frozen')).toBeGreaterThan(15);
    expect(count(home, 'fragile')).toBeGreaterThan(10);
    expect(count(home, 'hazardous')).toBeGreaterThan(10);
    expect(fresh.active).toBeLessThan(fresh.total);

    const all = (await listSkus(database.db, { limit: 500 }, null)).items;
    const barcodes = all.flatMap((s) => s.barcodes);
    expect(barcodes.every((b) => isValidGtin(b) && b.length === 13 && b.startsWith('69'))).toBe(true);
    expect(new Set(barcodes).size).toBe(barcodes.length);
    const battery = all.find((s) => s.code === 'BAT-PB10-WH');
    expect(battery).toMatchObject({
      storageClass: 'hazardous',
      hazardClass: '9',
      nameEn: expect.stringContaining('UN3480'),
    });
  });
});

describe('export and template', () => {
  it('exports in the import layout, so a re-import changes nothing (CSV zh, xlsx en)', async () => {
    for (const [format, lang] of [
      ['csv', 'zh-CN'],
      ['xlsx', 'en'],
    ] as const) {
      const file = await exportSkus(database.db, {
        format,
        lang,
        filter: {},
        merchantScope: null,
        merchantCodes: codes,
        now: NOW,
      });
      expect(file.fileName).toBe(`skus-20261122-0800.${format}`);
      const result = await runCatalogImport(database.db, {
        file: file.body,
        format,
        mode: 'validate',
        skipInvalid: false,
        merchantScope: null,
        merchants: fakeMerchants,
        actor: seedActor,
        lang,
        now: NOW,
      });
      expect(result.errors).toEqual([]);
      expect(result.warnings).toEqual([]);
      expect(result.total).toBeGreaterThanOrEqual(180);
      expect(result.unchanged).toBe(result.total);
    }
  });

  it('respects the merchant scope and filters, writing merchant ids when codes are unknown', async () => {
    const file = await exportSkus(database.db, {
      format: 'csv',
      lang: 'en',
      filter: { storageClass: 'frozen' },
      merchantScope: MERCHANT_A,
      now: NOW,
    });
    const sheet = await readSheet(file.body, 'csv', 10_000);
    expect(sheet.rows.length).toBeGreaterThan(10);
    expect(sheet.rows.every((r) => r.cells[1] === MERCHANT_A && r.cells[10] === 'frozen')).toBe(true);
    expect(file.body.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('gives templates whose headers the importer recognises, with column notes in xlsx', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const format of ['csv', 'xlsx'] as const) {
        const template = await skuTemplate(format, lang);
        const sheet = await readSheet(template.body, format, 10);
        expect(sheet.rows).toEqual([]);
        const header = mapHeader(sheet.header, lang, true);
        expect(header.errors).toEqual([]);
        expect(header.warnings).toEqual([]);
        expect(header.present.size).toBe(16);
      }
    }
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await skuTemplate('xlsx', 'zh-CN')).body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['SKU', '填写说明']);
    expect(workbook.worksheets[0].getRow(1).getCell(1).value).toBe('编码');
  });
});
