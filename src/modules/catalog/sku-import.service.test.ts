import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db';
import { CATALOG_IMPORT_JOB, type CatalogImportPayload, createCatalogJobHandlers } from './catalog.jobs';
import {
  fakeMerchants,
  MERCHANT_A,
  MERCHANT_B,
  NOW,
  openCatalogTestDb,
  seedActor,
} from './catalog.test-support';
import { withCheckDigit } from './gtin';
import { listSkus } from './sku.service';
import { type CatalogImportOptions, runCatalogImport } from './sku-import.service';

const gtin = (n: number) => withCheckDigit(`6930000${String(n).padStart(5, '0')}`);
const csv = (...lines: string[]) => Buffer.from(lines.join('\n'), 'utf8');

let database: Database;
beforeAll(async () => {
  database = await openCatalogTestDb();
});
afterAll(async () => {
  await database?.close();
});

const run = (file: Buffer, options: Partial<CatalogImportOptions> = {}) =>
  runCatalogImport(database.db, {
    file,
    format: 'csv',
    mode: 'commit',
    skipInvalid: false,
    merchantScope: null,
    merchants: fakeMerchants,
    actor: seedActor,
    lang: 'en',
    now: NOW,
    ...options,
  });

async function skuByCode(code: string, merchantId = MERCHANT_A) {
  const page = await listSkus(database.db, { limit: 5, q: code, merchantId }, null);
  return page.items.find((s) => s.code === code);
}

const ZH_HEADER =
  '编码,商家编码,中文名称,英文名称,条码,单位,重量(克),长(毫米),宽(毫米),高(毫米),存储类别,保质期(天),最低剩余保质期(天),批次管理,危险品类别,启用';
const EN_HEADER =
  'code,merchant_code,name_zh,name_en,barcodes,unit,weight_g,length_mm,width_mm,height_mm,storage_class,shelf_life_days,min_remaining_shelf_life_days,lot_tracked,hazard_class,active';

describe('runCatalogImport', () => {
  it('imports a CSV with Chinese headers and values, then upserts by merchant + code', async () => {
    const file = csv(
      ZH_HEADER,
      `straw-500,XFSX,丹东草莓 500克,"Strawberries, 500 g",${gtin(1)},盒,560,200,140,80,冷藏,5,3,是,,是`,
      `RICE-5KG,XFSX,五常大米,Wuchang Rice,${gtin(2)}|${gtin(3)},袋,"5,050",450,300,90,常温,365,,,,`,
      `PB-10K,YPJJ,充电宝,Power bank,${gtin(4)},个,260,160,90,35,危险品,,,否,9,1`,
    );
    const result = await run(file);
    expect(result).toMatchObject({
      total: 3,
      valid: 3,
      invalid: 0,
      created: 3,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      committed: true,
      errors: [],
    });
    expect(await skuByCode('STRAW-500')).toMatchObject({
      nameEn: 'Strawberries, 500 g',
      unit: 'box',
      storageClass: 'chilled',
      lotTracked: true,
      version: 1,
    });
    expect(await skuByCode('RICE-5KG')).toMatchObject({
      barcodes: [gtin(2), gtin(3)],
      weightG: 5050,
      lotTracked: true,
      minRemainingShelfLifeDays: null,
    });
    expect(await skuByCode('PB-10K', MERCHANT_B)).toMatchObject({
      storageClass: 'hazardous',
      hazardClass: '9',
      lotTracked: false,
    });

    const again = await run(file);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });

    // Only code + weight: an update keeps every other stored field.
    const partial = await run(csv('code,merchant_code,weight_g', 'STRAW-500,XFSX,600'));
    expect(partial).toMatchObject({ created: 0, updated: 1 });
    const updated = await skuByCode('STRAW-500');
    expect(updated).toMatchObject({
      weightG: 600,
      nameZh: '丹东草莓 500克',
      barcodes: [gtin(1)],
      version: 2,
    });
    const audit = await sql<{ before: { weightG: number }; after: { weightG: number } }>`
      select before, after from platform.audit_log where entity_id = ${updated!.id} and action = 'update'`.execute(
      database.db,
    );
    expect(audit.rows.map((r) => [r.before.weightG, r.after.weightG])).toEqual([[560, 600]]);
  });

  it('reads xlsx (numbers as cells, English keys) built in memory with exceljs', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('SKU');
    sheet.addRow(EN_HEADER.split(','));
    sheet.addRow([
      'DUMP-1KG',
      'XFSX',
      '猪肉白菜水饺',
      'Pork Dumplings',
      Number(gtin(5)),
      'bag',
      1020,
      300,
      220,
      60,
      'frozen',
      365,
      180,
      true,
      null,
      'TRUE',
    ]);
    sheet.addRow([]);
    sheet.addRow([
      'ICE-VAN',
      'XFSX',
      '香草冰淇淋',
      { richText: [{ text: 'Vanilla ' }, { text: 'Ice Cream' }] },
      gtin(6),
      'box',
      520,
      150,
      150,
      90,
      'frozen',
      540,
      400,
      1,
      '',
      0,
    ]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await run(file, { format: 'xlsx' });
    expect(result).toMatchObject({ total: 2, valid: 2, created: 2, errors: [] });
    expect(await skuByCode('ICE-VAN')).toMatchObject({
      nameEn: 'Vanilla Ice Cream',
      active: false,
      barcodes: [gtin(6)],
    });
    expect(await skuByCode('DUMP-1KG')).toMatchObject({
      barcodes: [gtin(5)],
      minRemainingShelfLifeDays: 180,
    });
  });

  it('reports every row error with its sheet row, column and a localised message', async () => {
    const good = `GOOD-1,XFSX,好,Good,${gtin(20)},each,100,10,10,10,ambient,,,,,`;
    const file = csv(
      EN_HEADER,
      good, // row 2
      `BAD-GTIN,XFSX,坏,Bad,6901234567893,each,100,10,10,10,ambient,,,,,`, // 3
      `BAD-SHELF,XFSX,坏,Bad,,each,100,10,10,10,chilled,5,9,,,`, // 4
      `BAD-WEIGHT,XFSX,坏,Bad,,each,,10,10,10,ambient,,,,,`, // 5
      `BAD-NUM,XFSX,坏,Bad,,each,abc,10,10,10,ambient,,,,,`, // 6
      `BAD-BOOL,XFSX,坏,Bad,,each,1,10,10,10,ambient,,,maybe,,`, // 7
      `BAD-CLASS,XFSX,坏,Bad,,each,1,10,10,10,warm,,,,,`, // 8
      `good-1,XFSX,重复,Dup,,each,1,10,10,10,ambient,,,,,`, // 9
      `DUP-BARCODE,XFSX,重复,Dup,${gtin(20)},each,1,10,10,10,ambient,,,,,`, // 10
      `NO-MERCHANT,NOPE,无,None,,each,1,10,10,10,ambient,,,,,`, // 11
      `TAKEN,YPJJ,占用,Taken,${gtin(1)},each,1,10,10,10,ambient,,,,,`, // 12
      `BAD-HAZ,YPJJ,危险,Hazard,,each,1,10,10,10,hazardous,,,,,`, // 13
    );
    const result = await run(file);
    expect(result).toMatchObject({
      total: 12,
      valid: 1,
      invalid: 11,
      created: 0,
      updated: 0,
      skipped: 12,
      committed: false,
    });
    expect(result.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [3, 'barcodes', 'catalog.invalid_gtin'],
      [4, 'min_remaining_shelf_life_days', 'catalog.min_remaining_exceeds_shelf_life'],
      [5, 'weight_g', 'invalid_type'],
      [6, 'weight_g', 'catalog.import.invalid_number'],
      [7, 'lot_tracked', 'catalog.import.invalid_boolean'],
      [8, 'storage_class', 'invalid_value'],
      [9, 'code', 'catalog.import.duplicate_row'],
      [10, 'barcodes', 'catalog.import.duplicate_barcode'],
      [11, 'merchant_code', 'catalog.merchant_not_found'],
      [12, 'barcodes', 'catalog.barcode_taken'],
      [13, 'hazard_class', 'catalog.hazard_class_required'],
    ]);
    const message = (row: number) => result.errors.find((e) => e.row === row)?.message;
    expect(message(5)).toBe('Required.');
    expect(message(9)).toBe('SKU code GOOD-1 duplicates row 2.');
    expect(message(10)).toBe(`Barcode ${gtin(20)} duplicates row 2.`);
    expect(await skuByCode('GOOD-1')).toBeUndefined();

    const zh = await run(file, { lang: 'zh-CN', mode: 'validate' });
    expect(zh.errors.find((e) => e.row === 8)?.message).toBe(
      '取值无效，可选：常温(ambient)、冷藏(chilled)、冷冻(frozen)、易碎(fragile)、危险品(hazardous)。',
    );
    expect(zh.errors.find((e) => e.row === 4)?.message).toBe('最低剩余保质期不能超过保质期（5 天）。');
  });

  it('skipInvalid writes the valid rows; validate mode writes nothing', async () => {
    const file = csv(
      EN_HEADER,
      `SKIP-OK,XFSX,好,Good,${gtin(30)},each,100,10,10,10,ambient,,,,,`,
      `SKIP-BAD,XFSX,坏,Bad,,each,0,10,10,10,ambient,,,,,`,
      `STRAW-500,XFSX,丹东草莓 500克,Strawberries,${gtin(1)},box,560,200,140,80,chilled,5,3,,,`,
    );
    const validate = await run(file, { mode: 'validate', skipInvalid: true });
    expect(validate).toMatchObject({
      mode: 'validate',
      committed: false,
      valid: 2,
      invalid: 1,
      created: 1,
      updated: 1,
      skipped: 1,
    });
    expect(await skuByCode('SKIP-OK')).toBeUndefined();

    const committed = await run(file, { skipInvalid: true });
    expect(committed).toMatchObject({
      committed: true,
      valid: 2,
      invalid: 1,
      created: 1,
      updated: 1,
      skipped: 1,
    });
    expect(committed.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'weight_g', code: 'too_small' }),
    ]);
    expect(await skuByCode('SKIP-OK')).toBeDefined();
    expect(await skuByCode('SKIP-BAD')).toBeUndefined();
  });

  it('keeps merchant-portal users to their own merchant', async () => {
    const file = csv(
      'code,merchant_code,name_zh,unit,weight_g,length_mm,width_mm,height_mm,storage_class',
      'OWN-1,,自己的,each,1,1,1,1,ambient',
      'OWN-2,YPJJ,自己的,each,1,1,1,1,ambient',
      'FOREIGN-1,XFSX,别人的,each,1,1,1,1,ambient',
      'FOREIGN-2,NOPE,不存在,each,1,1,1,1,ambient',
    );
    const result = await run(file, { merchantScope: MERCHANT_B, skipInvalid: true });
    expect(result).toMatchObject({ created: 2, invalid: 2 });
    expect(result.errors.map((e) => [e.row, e.code])).toEqual([
      [4, 'catalog.import.merchant_out_of_scope'],
      [5, 'catalog.import.merchant_out_of_scope'],
    ]);
    expect(await skuByCode('OWN-1', MERCHANT_B)).toBeDefined();
  });

  it('rejects a sheet without the columns it needs, and warns about unknown ones', async () => {
    const noCode = await run(csv('名称,单位', '牛奶,瓶'));
    expect(noCode.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [1, 'code', 'catalog.import.missing_column'],
      [1, 'merchant_code', 'catalog.import.missing_column'],
    ]);
    expect(noCode).toMatchObject({ total: 1, invalid: 1, committed: false });
    const extra = await run(csv('code,remarks', 'STRAW-500,hello'), {
      defaultMerchantId: MERCHANT_A,
      mode: 'validate',
    });
    expect(extra.warnings).toEqual([
      expect.objectContaining({ row: 1, field: 'remarks', code: 'catalog.import.unknown_column' }),
    ]);
    expect(extra).toMatchObject({ valid: 1, unchanged: 1, errors: [] });
  });

  it('reads GB18030 CSV (Excel on Chinese Windows) and UTF-8 with BOM', async () => {
    const text = `${ZH_HEADER}\nGBK-1,XFSX,国标编码,,,瓶,500,60,60,200,常温,,,,,`;
    const encoded = encodeGb18030(text);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(encoded)).toThrow();
    const result = await run(encoded, { mode: 'validate' });
    expect(result).toMatchObject({ valid: 1, errors: [] });
    const bom = await run(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), {
      mode: 'validate',
    });
    expect(bom).toMatchObject({ valid: 1, errors: [], warnings: [] });
  });

  it('fails clearly on files it cannot read', async () => {
    await expect(run(Buffer.from('garbage'), { format: 'xlsx' })).rejects.toMatchObject({
      code: 'catalog.import.unreadable_xlsx',
    });
    await expect(run(csv('code,name_zh', 'A,"unclosed'))).rejects.toMatchObject({
      code: 'catalog.import.unreadable_csv',
    });
    await expect(run(Buffer.alloc(0))).rejects.toMatchObject({ code: 'catalog.import.empty_file' });
    await expect(run(csv('', ',,', ''))).rejects.toMatchObject({ code: 'catalog.import.empty_file' });
  });

  it('runs as a job from a base64 payload, reporting progress', async () => {
    const handlers = createCatalogJobHandlers(fakeMerchants);
    const payload: CatalogImportPayload = {
      file: csv(EN_HEADER, `JOB-1,,作业,Job,,each,1,1,1,1,ambient,,,,,`).toString('base64'),
      format: 'csv',
      mode: 'commit',
      skipInvalid: false,
      merchantScope: MERCHANT_B,
      defaultMerchantId: null,
      lang: 'zh-CN',
      actor: { id: null, name: 'fresh', kind: 'user', requestId: 'r-9' },
    };
    const progress: Array<[number, string]> = [];
    const result = await handlers[CATALOG_IMPORT_JOB]({
      job: { id: 'job-1', payload },
      db: database.db,
      signal: new AbortController().signal,
      progress: (fraction, message) => progress.push([fraction, message]),
      now: () => NOW,
    });
    expect(result).toMatchObject({ created: 1, committed: true });
    expect(progress[0]).toEqual([0, '正在读取文件…']);
    expect(progress.at(-1)).toEqual([1, '完成：新增 1，更新 0，无变化 0，跳过 0']);
    expect((await skuByCode('JOB-1', MERCHANT_B))?.merchantId).toBe(MERCHANT_B);
    const audit = await sql<{ actor_name: string; request_id: string }>`
      select actor_name, request_id from platform.audit_log where summary like 'import: JOB-1%'`.execute(
      database.db,
    );
    expect(audit.rows).toEqual([{ actor_name: 'fresh', request_id: 'r-9' }]);
  });

  it('stops between batches when cancelled, keeping whole batches only', async () => {
    const lines = [EN_HEADER];
    for (let i = 0; i < 1200; i++) lines.push(`CANCEL-${i},XFSX,批量${i},,,each,1,1,1,1,ambient,,,,,`);
    const controller = new AbortController();
    const seen: string[] = [];
    const attempt = run(csv(...lines), {
      signal: controller.signal,
      onProgress: (_fraction, message) => {
        seen.push(message);
        if (message.startsWith('Writing')) controller.abort(new Error('cancelled by test'));
      },
    });
    await expect(attempt).rejects.toThrow('cancelled by test');
    const count = await sql<{
      n: number;
    }>`select count(*)::int as n from catalog.sku where code like 'CANCEL-%'`.execute(database.db);
    expect(count.rows[0].n).toBe(500);
    expect(seen).toContain('Writing: 500/1200 rows');
  });
});

/** GB18030 bytes for `text` (Node has a decoder but no encoder): map each char via a decode table. */
function encodeGb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const code = table.get(ch);
      if (!code) throw new Error(`no GB18030 code for ${ch}`);
      bytes.push(...code);
    }
  }
  return Buffer.from(bytes);
}
