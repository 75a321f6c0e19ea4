import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../helpers/system';
import { newSku, orderBody, stock, type TestSku, type World, waitForJob, worldOf } from './orders.support';

let sys: TestSystem;
let w: World;
let a: TestSku;
let b: TestSku;

beforeAll(async () => {
  sys = await startTestSystem();
  w = await worldOf(sys);
  a = await newSku(w, 'FRESH');
  b = await newSku(w, 'FRESH');
  await stock(w, a, 'WH-SH', 50);
  await stock(w, b, 'WH-SH', 50);
});
afterAll(async () => sys?.close());

const csv = (rows: string[][]) => `${rows.map((r) => r.join(',')).join('\n')}\n`;
const HEADER = [
  '商家编码',
  '渠道',
  '平台订单号',
  '收货人',
  '联系电话',
  '收货地址',
  '商品编码',
  '数量',
  '单价（元）',
  '付款状态',
  '服务类型',
  '备注',
];

describe('order import from files', () => {
  it('validates row by row, imports the valid orders on request with a per-row report, then allocates them', async () => {
    const file = csv([
      HEADER,
      [
        'FRESH',
        'tmall',
        'F-1',
        '张三',
        '13812345678',
        '浙江省杭州市西湖区文三路90号',
        a.code,
        '2',
        '19.90',
        '已付款',
        '标准',
        '',
      ],
      ['FRESH', 'tmall', 'F-1', '', '', '', b.code, '1', '5', '', '', ''],
      [
        'FRESH',
        'jd',
        'F-2',
        '李四',
        '13912345678',
        '江苏省苏州市江宁区双龙大道1222号',
        a.code,
        '1',
        '19.90',
        '已付款',
        '标准',
        '',
      ],
      [
        'FRESH',
        'jd',
        'F-3',
        '王五',
        '13712345678',
        '北京市朝阳区建国路88号',
        a.code,
        'abc',
        '19.90',
        '已付款',
        '标准',
        '',
      ],
      [
        'FRESH',
        'jd',
        'F-4',
        '赵六',
        '13612345678',
        '北京市朝阳区建国路88号',
        a.code,
        '1',
        '19.999',
        '月结',
        '标准',
        '',
      ],
      [
        'FRESH',
        'douyin',
        'F-5',
        '钱七',
        '13512345678',
        '上海市徐汇区漕溪北路88号',
        a.code,
        '1',
        '10',
        '已付款',
        '标准',
        '',
      ],
      ['FRESH', 'douyin', 'F-5', '孙八', '', '', b.code, '1', '10', '', '', ''],
    ]);
    const validated = await waitForJob(
      w.admin,
      (
        await w.admin.request('POST', '/api/orders/imports?mode=validate', file, {
          'content-type': 'text/csv',
        })
      ).body.id,
    );
    expect(validated.status).toBe('succeeded');
    expect(validated.result).toMatchObject({
      rows: 7,
      orders: 5,
      valid: 2,
      invalid: 3,
      created: 0,
      committed: false,
    });
    const errors = validated.result.errors.map((e: any) => [e.row, e.field]);
    expect(errors).toEqual(
      expect.arrayContaining([
        [5, 'qty'],
        [6, 'unit_price'],
        [6, 'payment'],
        [8, 'consignee_name'],
      ]),
    );
    const blocked = await waitForJob(
      w.admin,
      (await w.admin.request('POST', '/api/orders/imports?mode=commit', file, { 'content-type': 'text/csv' }))
        .body.id,
    );
    expect(blocked.result.created).toBe(0);
    expect((await w.admin.get('/api/orders?q=F-1')).body.items).toHaveLength(0);

    const done = await waitForJob(
      w.admin,
      (
        await w.admin.request('POST', '/api/orders/imports?mode=commit&skipInvalid=true', file, {
          'content-type': 'text/csv',
        })
      ).body.id,
    );
    expect(done.progress).toBe(1);
    expect(done.result).toMatchObject({
      committed: true,
      created: 2,
      existing: 0,
      exceptions: 1,
      exceptionsByReason: [{ code: 'address_mismatch', count: 1 }],
    });
    const report = done.result.report.map((r: any) => [r.row, r.externalNo, r.result, r.status]);
    expect(report).toEqual([
      [2, 'F-1', 'created', 'validated'],
      [4, 'F-2', 'created', 'exception'],
      [5, 'F-3', 'invalid', null],
      [6, 'F-4', 'invalid', null],
      [7, 'F-5', 'invalid', null],
    ]);
    expect(done.result.allocationJobId).toBeTruthy();
    const allocation = await waitForJob(w.admin, done.result.allocationJobId);
    expect(allocation.result).toMatchObject({ total: 1, allocated: 1 });
    const f1 = (await w.admin.get('/api/orders?q=F-1')).body.items[0];
    expect(f1).toMatchObject({ status: 'allocated', channel: 'tmall', totalFen: 2 * 1990 + 500 });
    const detail = (await w.admin.get(`/api/orders/${f1.id}`)).body;
    expect(detail.lines.map((l: any) => [l.skuCode, l.qty])).toEqual([
      [a.code, 2],
      [b.code, 1],
    ]);
    expect(detail.source).toBe('import');

    // The same file again: recognised, nothing new.
    const again = await waitForJob(
      w.admin,
      (
        await w.admin.request('POST', '/api/orders/imports?mode=commit&skipInvalid=true', file, {
          'content-type': 'text/csv',
        })
      ).body.id,
    );
    expect(again.result).toMatchObject({ created: 0, existing: 2 });
  });

  it('reads Excel, and keeps a merchant user to its own merchant', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('订单');
    sheet.addRow([
      'Channel',
      'Channel order no',
      'Consignee',
      'Phone',
      'Address',
      'SKU code',
      'Quantity',
      'Unit price (yuan)',
    ]);
    sheet.addRow(['web', 'X-1', 'Li Lei', '021-62345678', '上海市徐汇区漕溪北路88号', a.code, 3, 12.5]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const fresh = await sys.login('fresh');
    const job = await waitForJob(
      fresh,
      (
        await fresh.request('POST', '/api/orders/imports?mode=commit', file, {
          'content-type': 'application/octet-stream',
        })
      ).body.id,
    );
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result).toMatchObject({ created: 1, invalid: 0 });
    const order = (await fresh.get('/api/orders?q=X-1')).body.items[0];
    expect(order).toMatchObject({
      merchantId: w.merchants.FRESH,
      totalFen: 3750,
      phoneMasked: '021-****5678',
    });

    const other = csv([
      ['商家编码', '渠道', '平台订单号', '收货人', '联系电话', '收货地址', '商品编码', '数量', '单价'],
      ['HOME', 'web', 'X-2', '韩梅梅', '13812345678', '上海市徐汇区漕溪北路88号', a.code, '1', '1'],
    ]);
    const refused = await waitForJob(
      fresh,
      (
        await fresh.request('POST', '/api/orders/imports?mode=validate', other, {
          'content-type': 'text/csv',
        })
      ).body.id,
    );
    expect(refused.result.errors[0]).toMatchObject({
      row: 2,
      field: 'merchant_code',
      code: 'orders.import.merchant_out_of_scope',
    });
  });

  it('names missing columns', async () => {
    const job = await waitForJob(
      w.admin,
      (
        await w.admin.request('POST', '/api/orders/imports?mode=validate', 'channel,sku\nweb,A\n', {
          'content-type': 'text/csv',
        })
      ).body.id,
    );
    const fields = job.result.errors.map((e: any) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['merchant_code', 'external_no', 'consignee_phone', 'address', 'qty']),
    );
    expect(job.result.created).toBe(0);
  });

  it('offers a template in the request language', async () => {
    const zh = await w.admin.get('/api/orders/import-template?format=csv');
    expect(zh.status).toBe(200);
    expect(zh.text).toContain('平台订单号');
    w.admin.lang = 'en';
    const en = await w.admin.get('/api/orders/import-template?format=csv');
    w.admin.lang = 'zh-CN';
    expect(en.text).toContain('Channel order no');
  });
});

describe('batch intake', () => {
  it('answers each order of a batch on its own', async () => {
    const good = orderBody(w, 'FRESH', [[a, 1]]);
    const res = await w.admin.post('/api/orders/batch', {
      orders: [
        good,
        { ...good, lines: [] },
        { ...good, notes: 'again' },
        orderBody(w, 'FRESH', [[b, 1]], { payment: { status: 'unpaid' } }),
        42,
      ],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ created: 2, existing: 1, invalid: 2 });
    const [first, empty, repeat, unpaid, junk] = res.body.results;
    expect(first).toMatchObject({ index: 0, result: 'created', status: 'allocated' });
    expect(empty).toMatchObject({ result: 'invalid', id: null });
    expect(empty.issues[0].field).toBe('orders.1.lines');
    expect(repeat).toMatchObject({ result: 'existing', id: first.id });
    expect(unpaid).toMatchObject({ result: 'created', status: 'exception', reasons: ['payment_unpaid'] });
    expect(junk.result).toBe('invalid');
    const tooMany = await w.admin.post('/api/orders/batch', {
      orders: Array.from({ length: 1001 }, () => good),
    });
    expect(tooMany.status).toBe(400);
  });
});

describe('intake never answers 5xx', () => {
  it('for any body', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(
        '',
        ' ',
        '北京市朝阳区',
        '浙江省杭州市西湖区文三路90号',
        '香港',
        '13812345678',
        'NO-SKU',
      ),
    );
    const line = fc.record(
      {
        skuCode: fc.oneof(text, fc.constant(a.code)),
        skuId: fc.oneof(fc.uuid(), fc.string({ maxLength: 8 })),
        qty: fc.oneof(fc.integer(), fc.double(), fc.constant(1)),
        unitPriceFen: fc.oneof(fc.integer(), fc.constant(100)),
      },
      { requiredKeys: [] },
    );
    const body = fc.record(
      {
        merchantId: fc.oneof(fc.constant(w.merchants.FRESH), fc.uuid(), text),
        channel: fc.oneof(fc.constant('tmall'), text),
        externalNo: fc.oneof(text, fc.uuid()),
        consignee: fc.record(
          {
            name: text,
            phone: text,
            address: text,
            province: text,
            districtCode: fc.oneof(fc.constant('110105'), text),
          },
          { requiredKeys: [] },
        ),
        lines: fc.array(line, { maxLength: 3 }),
        payment: fc.record(
          { status: fc.constantFrom('paid', 'cod', 'unpaid', 'x'), codAmountFen: fc.integer() },
          { requiredKeys: ['status'] },
        ),
        serviceType: fc.constantFrom('standard', 'express', 'cold_chain', 'teleport'),
        deliveryWindow: fc.record({
          from: fc.oneof(fc.constant('2026-12-01T09:00:00+08:00'), text),
          to: fc.oneof(fc.constant('2026-12-01T18:00:00+08:00'), text),
        }),
        notes: text,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(body, fc.jsonValue({ maxDepth: 3 })), async (payload) => {
        const res = await w.admin.post('/api/orders', payload);
        if (res.status >= 500) throw new Error(`${JSON.stringify(payload)} → ${res.status} ${res.text}`);
        expect([200, 201, 400, 403, 404, 409, 415, 422]).toContain(res.status);
      }),
      { numRuns: 150, seed: 44 },
    );
  });
});
