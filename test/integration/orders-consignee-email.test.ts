import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../helpers/system';
import { newSku, orderBody, stock, type TestSku, type World, waitForJob, worldOf } from './orders.support';

/**
 * The consignee's optional e-mail: taken in (API and import), checked like any field, shown to staff,
 * editable from the exception queue, carried to split parts and replacement orders, and kept away
 * from the public tracking page.
 */
let sys: TestSystem;
let w: World;
let sku: TestSku;

beforeAll(async () => {
  sys = await startTestSystem();
  w = await worldOf(sys);
  sku = await newSku(w, 'FRESH');
  await stock(w, sku, 'WH-SH', 100);
});
afterAll(async () => sys?.close());

const withEmail = (email: unknown, lines: Array<[TestSku, number]> = [[sku, 1]]) =>
  orderBody(w, 'FRESH', lines, { consignee: { email } });

describe('consignee e-mail on an order', () => {
  it('stores the e-mail trimmed and lower-cased and shows it to staff, not on the tracking page', async () => {
    const res = await w.admin.post('/api/orders', withEmail('  Li.Na@Example.COM '));
    expect(res.status, res.text).toBe(201);
    expect(res.body.consignee.email).toBe('li.na@example.com');
    const detail = (await w.admin.get(`/api/orders/${res.body.id}`)).body;
    expect(detail.consignee.email).toBe('li.na@example.com');

    const plain = await w.admin.post('/api/orders', orderBody(w, 'FRESH', [[sku, 1]]));
    expect(plain.body.consignee.email).toBeNull();
    const blank = await w.admin.post('/api/orders', withEmail('   '));
    expect(blank.status, blank.text).toBe(201);
    expect(blank.body.consignee.email).toBeNull();

    const phone: string = detail.consignee.phone;
    const tracked = await sys.anonymous().post('/api/orders/track', {
      number: detail.number,
      phoneLast4: phone.slice(-4),
    });
    expect(tracked.status, tracked.text).toBe(200);
    expect(tracked.text).not.toContain('li.na');
    expect(tracked.text).not.toContain('example.com');
  });

  it('refuses a bad e-mail with a field error in the caller’s language and stores nothing', async () => {
    const body = withEmail('li.na@@example');
    const bad = await w.admin.post('/api/orders', body);
    expect(bad.status).toBe(400);
    expect(String(bad.headers['content-type'])).toContain('application/problem+json');
    expect(bad.body.issues).toEqual([
      expect.objectContaining({ field: 'body.consignee.email', code: 'orders.invalid_email' }),
    ]);
    expect(bad.body.issues[0].message).toContain('邮箱');
    expect((await w.admin.get(`/api/orders?q=${body.externalNo}`)).body.items).toHaveLength(0);

    w.admin.lang = 'en';
    const tooLong = await w.admin.post('/api/orders', withEmail(`${'a'.repeat(250)}@example.com`));
    const badEn = await w.admin.post('/api/orders', withEmail('not an e-mail'));
    w.admin.lang = 'zh-CN';
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.issues[0].field).toBe('body.consignee.email');
    expect(badEn.body.issues[0].message).toContain('e-mail');
    expect((await w.admin.get(`/api/orders?q=${body.externalNo}`)).body.items).toHaveLength(0);
  });

  it('is changed from the exception queue and carried to a split part', async () => {
    const scarce = await newSku(w, 'FRESH');
    await stock(w, scarce, 'WH-SH', 1);
    const res = await w.admin.post(
      '/api/orders',
      orderBody(w, 'FRESH', [
        [sku, 1],
        [scarce, 3],
      ]),
    );
    expect(res.body.reasons).toEqual(['out_of_stock']);
    const bad = await w.admin.post(`/api/orders/${res.body.id}/fix-address`, { email: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.issues[0]).toMatchObject({ field: 'body.email', code: 'orders.invalid_email' });
    const fixed = await w.admin.post(`/api/orders/${res.body.id}/fix-address`, { email: 'Buyer@Example.cn' });
    expect(fixed.status, fixed.text).toBe(200);
    expect((await w.admin.get(`/api/orders/${res.body.id}`)).body.consignee.email).toBe('buyer@example.cn');

    const split = await w.admin.post(`/api/orders/${res.body.id}/split`, { lines: [{ lineNo: 2, qty: 3 }] });
    expect(split.status, split.text).toBe(200);
    const part = (await w.admin.get(`/api/orders/${split.body.parts[0].id}`)).body;
    expect(part.consignee.email).toBe('buyer@example.cn');

    const cleared = await w.admin.post(`/api/orders/${part.id}/fix-address`, { email: null });
    expect(cleared.status, cleared.text).toBe(200);
    expect((await w.admin.get(`/api/orders/${part.id}`)).body.consignee.email).toBeNull();
    expect((await w.admin.get(`/api/orders/${res.body.id}`)).body.consignee.email).toBe('buyer@example.cn');
  });

  it('goes with the consignee to the replacement order of an exchange', async () => {
    const res = await w.admin.post('/api/orders', withEmail('swap@example.com', [[sku, 1]]));
    expect(res.body.status, JSON.stringify(res.body.reasons)).toBe('allocated');
    const id = res.body.id as string;
    for (const [url, body] of [
      ['release-to-warehouse', {}],
      ['fulfilment', { event: 'pick_all' }],
      ['fulfilment', { event: 'packed' }],
      ['fulfilment', { event: 'shipped', carrier: '顺丰速运', waybillNo: 'SF0002' }],
    ] as const) {
      const r = await w.admin.post(`/api/orders/${id}/${url}`, body);
      expect(r.status, r.text).toBe(200);
    }
    const agent = await sys.login('agent');
    const created = await agent.post('/api/returns', {
      orderId: id,
      reason: 'wrong_item',
      condition: 'unopened',
      resolution: 'exchange',
      lines: [{ lineNo: 1, qty: 1 }],
    });
    expect(created.status, created.text).toBe(201);
    const rma = created.body.id as string;
    await agent.post(`/api/returns/${rma}/approve`, {});
    await agent.post(`/api/returns/${rma}/arrange`, { method: 'dropoff' });
    const clerk = await sys.login('clerk');
    await clerk.post(`/api/returns/${rma}/receive`, { lines: [{ lineNo: 1, qty: 1 }] });
    const inspected = await clerk.post(`/api/returns/${rma}/inspect`, {
      entries: [{ lineNo: 1, disposition: 'restock', qty: 1 }],
    });
    expect(inspected.status, inspected.text).toBe(200);
    const replaced = await agent.post(`/api/returns/${rma}/replacement`, {});
    expect(replaced.status, replaced.text).toBe(200);
    const replacement = (await w.admin.get(`/api/orders/${replaced.body.replacementOrder.id}`)).body;
    expect(replacement.consignee.email).toBe('swap@example.com');
  });
});

describe('consignee e-mail in an import', () => {
  it('reads the e-mail column, reports a bad one on its row and imports the good rows', async () => {
    const header = [
      '商家编码',
      '渠道',
      '平台订单号',
      '收货人',
      '联系电话',
      '收货人邮箱',
      '收货地址',
      '商品编码',
      '数量',
      '单价（元）',
    ];
    const address = '浙江省杭州市西湖区文三路90号';
    const rows = [
      header,
      [
        'FRESH',
        'tmall',
        'EM-1',
        '张三',
        '13812345678',
        'Zhang.San@Example.com',
        address,
        sku.code,
        '1',
        '9.90',
      ],
      [
        'FRESH',
        'tmall',
        'EM-2',
        '李四',
        '13912345678',
        'zhangsan#example.com',
        address,
        sku.code,
        '1',
        '9.90',
      ],
      ['FRESH', 'tmall', 'EM-3', '王五', '13712345678', '', address, sku.code, '1', '9.90'],
    ];
    const file = `${rows.map((r) => r.join(',')).join('\n')}\n`;
    const done = await waitForJob(
      w.admin,
      (
        await w.admin.request('POST', '/api/orders/imports?mode=commit&skipInvalid=true', file, {
          'content-type': 'text/csv',
        })
      ).body.id,
    );
    expect(done.status, JSON.stringify(done.result)).toBe('succeeded');
    expect(done.result).toMatchObject({ created: 2, invalid: 1 });
    expect(done.result.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'consignee_email', code: 'orders.invalid_email' }),
    ]);
    expect(done.result.errors[0].message).toContain('邮箱');
    expect(done.result.report.map((r: any) => [r.row, r.externalNo, r.result])).toEqual([
      [2, 'EM-1', 'created'],
      [3, 'EM-2', 'invalid'],
      [4, 'EM-3', 'created'],
    ]);
    const emailOf = async (externalNo: string) => {
      const found = (await w.admin.get(`/api/orders?q=${externalNo}`)).body.items;
      expect(found).toHaveLength(1);
      return (await w.admin.get(`/api/orders/${found[0].id}`)).body.consignee.email;
    };
    expect(await emailOf('EM-1')).toBe('zhang.san@example.com');
    expect(await emailOf('EM-3')).toBeNull();
    expect((await w.admin.get('/api/orders?q=EM-2')).body.items).toHaveLength(0);

    w.admin.lang = 'en';
    const template = await w.admin.get('/api/orders/import-template?format=csv');
    w.admin.lang = 'zh-CN';
    expect(template.text).toContain('Consignee e-mail');
  });
});
