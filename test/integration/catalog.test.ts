import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, startTestSystem, type TestSystem } from '../helpers/system';

let sys: TestSystem;
let manager: Agent;
beforeAll(async () => {
  sys = await startTestSystem();
  manager = await sys.login('whmanager');
});
afterAll(async () => sys?.close());

async function waitForJob(agent: Agent, id: string) {
  for (let i = 0; i < 200; i++) {
    const job = await agent.get(`/api/jobs/${id}`);
    if (['succeeded', 'failed', 'cancelled'].includes(job.body.status)) return job.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

const HEADER =
  '编码,商家编码,中文名称,英文名称,条码,单位,重量(克),长(毫米),宽(毫米),高(毫米),存储类别,保质期(天),最低剩余保质期(天),批次管理';
const good1 =
  'IMP-MILK-1,FRESH,鲜牛奶 950ml,Fresh milk 950 ml,6901234567892,bottle,1000,70,70,240,冷藏,7,3,是';
const good2 = 'IMP-RICE-1,FRESH,五常大米 5kg,Wuchang rice 5 kg,,bag,5000,400,250,100,常温,,,否';
const badGtin = 'IMP-BAD-1,FRESH,坏条码,Bad barcode,6901234567893,each,100,10,10,10,常温,,,否';
const badShelf = 'IMP-BAD-2,FRESH,酸奶,Yoghurt,,each,200,60,60,90,冷藏,10,20,是';

describe('catalog import through the API', () => {
  it('validates row by row, imports nothing from a file with errors, then imports the valid rows on request', async () => {
    const file = [HEADER, good1, badGtin, good2, badShelf].join('\n');
    const started = await manager.request('POST', '/api/catalog/imports?format=csv&mode=validate', file, {
      'content-type': 'text/csv',
    });
    expect(started.status).toBe(202);
    const validated = await waitForJob(manager, started.body.id);
    expect(validated.status).toBe('succeeded');
    expect(validated.progress).toBe(1);
    expect(validated.result).toMatchObject({ total: 4, valid: 2, invalid: 2, created: 0 });
    const rows = validated.result.errors.map((e: { row: number; field: string }) => [e.row, e.field]);
    expect(rows).toContainEqual([3, 'barcodes']);
    expect(rows.find((r: [number, string]) => r[0] === 5)).toBeTruthy();

    const refused = await waitForJob(
      manager,
      (
        await manager.request('POST', '/api/catalog/imports?format=csv&mode=commit', file, {
          'content-type': 'text/csv',
        })
      ).body.id,
    );
    expect(refused.result.created).toBe(0);
    expect((await manager.get('/api/catalog/skus?q=IMP-')).body.items).toHaveLength(0);

    const committed = await waitForJob(
      manager,
      (
        await manager.request('POST', '/api/catalog/imports?format=csv&mode=commit&skipInvalid=true', file, {
          'content-type': 'text/csv',
        })
      ).body.id,
    );
    expect(committed.result).toMatchObject({ created: 2, skipped: 2 });
    const list = await manager.get('/api/catalog/skus?q=IMP-');
    expect(list.body.items.map((s: { code: string }) => s.code).sort()).toEqual(['IMP-MILK-1', 'IMP-RICE-1']);
    const milk = list.body.items.find((s: { code: string }) => s.code === 'IMP-MILK-1');
    expect(milk).toMatchObject({
      storageClass: 'chilled',
      shelfLifeDays: 7,
      minRemainingShelfLifeDays: 3,
      lotTracked: true,
      barcodes: ['6901234567892'],
    });
    // Found by barcode too.
    expect((await manager.get('/api/catalog/skus?q=6901234567892')).body.items[0].code).toBe('IMP-MILK-1');
  });

  it('imports Excel and updates existing SKUs by merchant and code', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('SKU');
    ws.addRow(HEADER.split(','));
    ws.addRow(
      'IMP-RICE-1,FRESH,五常大米 10kg,Wuchang rice 10 kg,,bag,10000,500,300,120,常温,,,否'.split(','),
    );
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const started = await manager.request('POST', '/api/catalog/imports?format=xlsx&mode=commit', buffer, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
    const job = await waitForJob(manager, started.body.id);
    expect(job.result).toMatchObject({ created: 0, updated: 1 });
    const rice = (await manager.get('/api/catalog/skus?q=IMP-RICE-1')).body.items[0];
    expect(rice.weightG).toBe(10000);
    const admin = await sys.login('admin');
    const audit = await admin.get(`/api/audit?entityId=${rice.id}`);
    expect(audit.body.items.length).toBeGreaterThan(0);
  });

  it('rejects bad SKU input field by field and exports what it imported', async () => {
    manager.lang = 'en';
    const bad = await manager.post('/api/catalog/skus', {
      code: 'lower case!',
      nameZh: '',
      barcodes: ['123'],
      weightG: -1,
    });
    expect(bad.status).toBe(400);
    const fields = bad.body.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.code', 'body.nameZh', 'body.weightG']));
    const csv = await manager.get('/api/catalog/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.text).toContain('IMP-MILK-1');
  });
});
