import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSystem, type TestSystem } from '../helpers/system';
import {
  expectExactAnswer,
  newSku,
  orderBody,
  stock,
  stockOf,
  type TestSku,
  type World,
  worldOf,
} from './orders.support';

let sys: TestSystem;
let w: World;
let ambient: TestSku;
let chilled: TestSku;

beforeAll(async () => {
  sys = await startTestSystem();
  w = await worldOf(sys);
  ambient = await newSku(w, 'FRESH', 'ambient');
  chilled = await newSku(w, 'FRESH', 'chilled');
  await stock(w, ambient, 'WH-SH', 100);
  await stock(w, chilled, 'WH-SH', 100, 'chilled');
});
afterAll(async () => sys?.close());

describe('intake and allocation', () => {
  it('takes an order in, validates it and reserves its stock in the nearest cheapest warehouse', async () => {
    const sku = await newSku(w, 'FRESH');
    await stock(w, sku, 'WH-SH', 10);
    await stock(w, sku, 'WH-BJ', 10);
    const res = await w.admin.post('/api/orders', orderBody(w, 'FRESH', [[sku, 3]]));
    expect(res.status, res.text).toBe(201);
    expectExactAnswer(res);
    const order = res.body;
    expect(order.number).toMatch(/^SO\d{8}\d{6,}$/);
    expect(order).toMatchObject({ status: 'allocated', resent: false, reasons: [] });
    expect(order.consignee).toMatchObject({
      provinceName: '浙江省',
      cityName: '杭州市',
      districtName: '西湖区',
      addressStatus: 'exact',
    });
    expect(order.warehouseId).toBe(w.warehouses['WH-SH'].id);
    expect(order.allocations).toHaveLength(1);
    expect(order.allocations[0]).toMatchObject({
      skuId: sku.id,
      qty: 3,
      warehouseId: w.warehouses['WH-SH'].id,
    });
    expect(order.promisedDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // Hangzhou from Shanghai is zone 2 (East China); Beijing would be zone 3 — the reason says so.
    expect(order.decisions[0]).toMatchObject({ code: 'single_best' });
    expect(order.decisions[0].message).toContain('WH-SH');
    const bj = order.decisions[0].candidates.find((c: any) => c.code === 'WH-BJ');
    expect(bj).toMatchObject({ chosen: false, rejected: null, zone: 3 });
    expect(order.history.map((h: any) => h.toStatus)).toEqual(['created', 'validated', 'allocated']);
    // The reservation is the inventory module's: reserved in Shanghai, nothing in Beijing.
    expect(await stockOf(w, sku, 'WH-SH')).toMatchObject({ onHand: 10, reserved: 3, available: 7 });
    expect(await stockOf(w, sku, 'WH-BJ')).toMatchObject({ reserved: 0 });
    const moves = await w.admin.get(`/api/inventory/movements?sourceType=order&sourceId=${order.number}`);
    expect(moves.body.items.map((m: any) => m.type)).toEqual(['reserve']);
  });

  it('recognises an order the channel sends again and does not duplicate it', async () => {
    const body = orderBody(w, 'FRESH', [[ambient, 1]]);
    const first = await w.admin.post('/api/orders', body);
    expect(first.status).toBe(201);
    const again = await w.admin.post('/api/orders', { ...body, notes: 'sent twice' });
    expect(again.status).toBe(200);
    expectExactAnswer(again);
    expect(again.body).toMatchObject({ id: first.body.id, number: first.body.number, resent: true });
    const list = await w.admin.get(`/api/orders?q=${body.externalNo}`);
    expect(list.body.items).toHaveLength(1);
    // Another merchant may use the same channel number.
    const home = await newSku(w, 'HOME');
    const other = await w.admin.post('/api/orders', {
      ...orderBody(w, 'HOME', [[home, 1]]),
      externalNo: body.externalNo,
    });
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
  });

  it('replays a POST with the same Idempotency-Key', async () => {
    const body = orderBody(w, 'FRESH', [[ambient, 1]]);
    const headers = { 'idempotency-key': `order-${body.externalNo}` };
    const first = await w.admin.post('/api/orders', body, headers);
    const second = await w.admin.post('/api/orders', body, headers);
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body.id).toBe(first.body.id);
    // The answer was stored with the order, in its transaction: the replay is the first answer.
    expect(second.text).toBe(first.text);
  });

  it('takes an order in once for a key sent twice at once, and refuses the key with another body', async () => {
    const body = orderBody(w, 'FRESH', [[ambient, 1]]);
    const headers = { 'idempotency-key': `twice-${body.externalNo}` };
    const [a, b] = await Promise.all([
      w.admin.post('/api/orders', body, headers),
      w.admin.post('/api/orders', body, headers),
    ]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(a.body.id);
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']]).toContain('true');
    const other = await w.admin.post('/api/orders', { ...body, externalNo: `${body.externalNo}-B` }, headers);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    const list = await w.admin.get(`/api/orders?q=${body.externalNo}`);
    expect(list.body.items.map((o: { id: string }) => o.id)).toEqual([a.body.id]);
  });

  it('takes over a key its holder left in progress long ago, without a second order', async () => {
    const body = orderBody(w, 'FRESH', [[ambient, 1]]);
    const headers = { 'idempotency-key': `stale-${body.externalNo}` };
    const first = await w.admin.post('/api/orders', body, headers);
    expect(first.status).toBe(201);
    // As if the process had crashed after its transaction, before the answer: in progress for an hour.
    const { tablesOf } = await import('../../src/platform/db');
    const keys = tablesOf<any>(sys.database.db);
    const hour = new Date(Date.now() - 3_600_000);
    const crashed = await keys
      .updateTable('platform.idempotency_key')
      .set({ status: 'in_progress', response_status: null, response_body: null, created_at: hour })
      .where('key', '=', headers['idempotency-key'])
      .executeTakeFirst();
    expect(Number(crashed.numUpdatedRows)).toBe(1);
    const retried = await w.admin.post('/api/orders', body, headers);
    expect(retried.status, retried.text).toBe(200);
    expect(retried.body).toMatchObject({ id: first.body.id, resent: true });
    // Its answer is stored now, and replayed.
    const again = await w.admin.post('/api/orders', body, headers);
    expect(again.status).toBe(200);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.text).toBe(retried.text);
  });

  it('refuses a malformed body with field issues, and needs a merchant for staff', async () => {
    const bad = await w.admin.post('/api/orders', { channel: 'Tmall!', lines: [], consignee: { name: '' } });
    expect(bad.status).toBe(400);
    const fields = bad.body.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining(['body.channel', 'body.externalNo', 'body.lines', 'body.consignee.name']),
    );
    const noMerchant = await w.admin.post('/api/orders', {
      ...orderBody(w, 'FRESH', [[ambient, 1]]),
      merchantId: undefined,
    });
    expect(noMerchant.status).toBe(400);
    expect(noMerchant.body.issues[0]).toMatchObject({
      field: 'body.merchantId',
      code: 'orders.merchant_required',
    });
  });

  it('refuses text PostgreSQL cannot store (NUL) field by field, and stores nothing', async () => {
    const body = orderBody(w, 'FRESH', [[ambient, 1]], {
      notes: 'ring\u0000twice',
      consignee: { name: '李\u0000娜' },
    });
    const bad = await w.admin.post('/api/orders', body, { 'accept-language': 'en' });
    expect(bad.status, bad.text).toBe(400);
    expect(bad.body.issues).toEqual([
      expect.objectContaining({
        field: 'body.consignee.name',
        code: 'text_nul',
        message: expect.stringMatching(/NUL/),
      }),
      expect.objectContaining({ field: 'body.notes', code: 'text_nul' }),
    ]);
    const { tablesOf } = await import('../../src/platform/db');
    const stored = await tablesOf<any>(sys.database.db)
      .selectFrom('orders.order')
      .select('id')
      .where('external_no', '=', body.externalNo)
      .execute();
    expect(stored).toEqual([]);
    // A search for it is refused the same way, not failed.
    expect((await w.admin.get('/api/orders?q=a%00b')).status).toBe(400);
  });
});

describe('validation reasons (信息校验)', () => {
  const cases: Array<[string, () => Record<string, any>, string]> = [
    [
      'an address with no division',
      () => orderBody(w, 'FRESH', [[ambient, 1]], { consignee: { address: '请放在门口，谢谢' } }),
      'address_unparsed',
    ],
    [
      'a district of another city',
      () =>
        orderBody(w, 'FRESH', [[ambient, 1]], { consignee: { address: '江苏省苏州市江宁区双龙大道1222号' } }),
      'address_mismatch',
    ],
    [
      'a district name in two cities',
      () => orderBody(w, 'FRESH', [[ambient, 1]], { consignee: { address: '朝阳区建国路88号' } }),
      'address_ambiguous',
    ],
    [
      'no district',
      () =>
        orderBody(w, 'FRESH', [[ambient, 1]], {
          consignee: { address: '四川省成都市高新区天府大道北段1700号' },
        }),
      'address_incomplete',
    ],
    [
      'no street address',
      () => orderBody(w, 'FRESH', [[ambient, 1]], { consignee: { address: '浙江省杭州市西湖区' } }),
      'address_detail_missing',
    ],
    [
      'Hong Kong',
      () =>
        orderBody(w, 'FRESH', [[ambient, 1]], { consignee: { address: '香港特别行政区中环皇后大道中1号' } }),
      'address_outside_mainland',
    ],
    [
      'a bad phone',
      () => orderBody(w, 'FRESH', [[ambient, 1]], { consignee: { phone: '12345' } }),
      'phone_invalid',
    ],
    [
      'an unknown SKU',
      () => ({
        ...orderBody(w, 'FRESH', [[ambient, 1]]),
        lines: [{ skuCode: 'NO-SUCH-SKU', qty: 1, unitPriceFen: 100 }],
      }),
      'sku_unknown',
    ],
    ['a zero quantity', () => orderBody(w, 'FRESH', [[ambient, 0]]), 'qty_not_positive'],
    ['chilled goods without cold chain', () => orderBody(w, 'FRESH', [[chilled, 1]]), 'cold_chain_required'],
    [
      'a COD amount that is not the total',
      () => orderBody(w, 'FRESH', [[ambient, 2]], { payment: { status: 'cod', codAmountFen: 1990 } }),
      'cod_amount_mismatch',
    ],
    [
      'an unpaid order',
      () => orderBody(w, 'FRESH', [[ambient, 1]], { payment: { status: 'unpaid' } }),
      'payment_unpaid',
    ],
    ['more than all warehouses hold', () => orderBody(w, 'FRESH', [[ambient, 5000]]), 'out_of_stock'],
  ];

  it.each(cases)('holds %s as an exception with its reason', async (_name, body, reason) => {
    const res = await w.admin.post('/api/orders', body());
    expect(res.status, res.text).toBe(201);
    expectExactAnswer(res);
    expect(res.body.status).toBe('exception');
    expect(res.body.reasons).toContain(reason);
    const issue = res.body.issues.find((i: { code: string }) => i.code === reason);
    expect(issue.message.length).toBeGreaterThan(4);
    expect(res.body.exceptionSince).toBeTruthy();
    const listed = await w.admin.get(`/api/orders?status=exception&reason=${reason}&limit=500`);
    expect(listed.body.items.map((o: { id: string }) => o.id)).toContain(res.body.id);
  });

  it('proposes the right city for a district of another city', async () => {
    const res = await w.admin.post(
      '/api/orders',
      orderBody(w, 'FRESH', [[ambient, 1]], { consignee: { address: '江苏省苏州市江宁区双龙大道1222号' } }),
    );
    expect(res.body.consignee.suggestions[0]).toMatchObject({ cityName: '南京市', districtName: '江宁区' });
    w.admin.lang = 'en';
    const detail = await w.admin.get(`/api/orders/${res.body.id}`);
    w.admin.lang = 'zh-CN';
    expect(detail.body.issues[0].message).toBe('江宁区 belongs to 南京市, not to 苏州市.');
  });

  it('holds an inactive SKU', async () => {
    const old = await newSku(w, 'FRESH', 'ambient', { active: false });
    const res = await w.admin.post('/api/orders', orderBody(w, 'FRESH', [[old, 1]]));
    expect(res.body.reasons).toEqual(['sku_inactive']);
  });

  it('flags the same phone, address and goods within the window as a suspected duplicate', async () => {
    const body = orderBody(w, 'FRESH', [[ambient, 2]], { consignee: { phone: '13712340001' } });
    const first = await w.admin.post('/api/orders', body);
    expect(first.body.status).toBe('allocated');
    const second = await w.admin.post('/api/orders', { ...body, externalNo: `${body.externalNo}-B` });
    expect(second.body.reasons).toEqual(['duplicate_suspected']);
    expect(second.body.issues[0].params).toEqual({ number: first.body.number });
    // Different goods are not a duplicate.
    const third = await w.admin.post('/api/orders', {
      ...body,
      externalNo: `${body.externalNo}-C`,
      lines: [{ skuCode: ambient.code, qty: 3, unitPriceFen: 1990 }],
    });
    expect(third.body.reasons).not.toContain('duplicate_suspected');
  });

  it('holds orders to a blocked customer; CS manages the blocklist', async () => {
    const agent = await sys.login('agent');
    const blocked = await agent.post('/api/orders/blocked-customers', {
      phone: '138 0013 8000',
      reason: '多次拒收',
    });
    expect(blocked.status, blocked.text).toBe(201);
    expect(blocked.body.phoneMasked).toBe('138****8000');
    const res = await w.admin.post(
      '/api/orders',
      orderBody(w, 'FRESH', [[ambient, 1]], { consignee: { phone: '13800138000' } }),
    );
    expect(res.body.reasons).toEqual(['customer_blocked']);
    expect(res.body.issues[0].message).toContain('多次拒收');
    expect((await agent.delete(`/api/orders/blocked-customers/${blocked.body.id}`)).status).toBe(204);
    const after = await w.admin.post(
      '/api/orders',
      orderBody(w, 'FRESH', [[ambient, 1]], { consignee: { phone: '13800138000' } }),
    );
    expect(after.body.reasons).not.toContain('customer_blocked');
    const clerk = await sys.login('clerk');
    expect((await clerk.get('/api/orders/blocked-customers')).status).toBe(403);
  });
});

describe('the exception queue', () => {
  it('fixes an address by accepting the proposed fix, then allocates', async () => {
    const res = await w.admin.post(
      '/api/orders',
      orderBody(w, 'FRESH', [[ambient, 1]], { consignee: { address: '江苏省苏州市江宁区双龙大道1222号' } }),
    );
    const agent = await sys.login('agent');
    const fixed = await agent.post(`/api/orders/${res.body.id}/fix-address`, { suggestion: 0 });
    expect(fixed.status, fixed.text).toBe(200);
    expect(fixed.body.status).toBe('allocated');
    const detail = (await agent.get(`/api/orders/${res.body.id}`)).body;
    expect(detail.consignee).toMatchObject({
      cityName: '南京市',
      districtName: '江宁区',
      districtCode: '320115',
      addressText: '江苏省南京市江宁区双龙大道1222号',
    });
    expect(detail.history.map((h: any) => h.action)).toEqual(
      expect.arrayContaining(['fix_address', 'allocate']),
    );
    expect(detail.history.find((h: any) => h.action === 'fix_address').actorName).toBe('agent');
  });

  it('fixes an address typed again, and keeps the order in the queue while it is still wrong', async () => {
    const res = await w.admin.post(
      '/api/orders',
      orderBody(w, 'FRESH', [[ambient, 1]], {
        consignee: { address: '四川省成都市高新区天府大道北段1700号' },
      }),
    );
    const still = await w.admin.post(`/api/orders/${res.body.id}/fix-address`, { address: '四川省成都市' });
    expect(still.body).toMatchObject({ status: 'exception', reasons: ['address_incomplete'] });
    const fixed = await w.admin.post(`/api/orders/${res.body.id}/fix-address`, {
      province: '四川',
      city: '成都',
      district: '武侯区',
      detail: '天府大道北段1700号',
    });
    expect(fixed.body.status).toBe('allocated');
  });

  it('releases an overridable exception with a note; refuses what needs a change', async () => {
    const unpaid = await w.admin.post(
      '/api/orders',
      orderBody(w, 'FRESH', [[ambient, 1]], { payment: { status: 'unpaid' } }),
    );
    const noNote = await w.admin.post(`/api/orders/${unpaid.body.id}/release`, {});
    expect(noNote.status).toBe(400);
    const released = await w.admin.post(`/api/orders/${unpaid.body.id}/release`, {
      note: '商家确认已线下收款',
    });
    expect(released.body.status).toBe('allocated');
    const detail = (await w.admin.get(`/api/orders/${unpaid.body.id}`)).body;
    const entry = detail.history.find((h: any) => h.action === 'release_override');
    expect(entry).toMatchObject({
      fromStatus: 'exception',
      toStatus: 'validated',
      note: '商家确认已线下收款',
    });
    expect(detail.overrides).toEqual(['payment_unpaid']);

    const cold = await w.admin.post('/api/orders', orderBody(w, 'FRESH', [[chilled, 1]]));
    const refused = await w.admin.post(`/api/orders/${cold.body.id}/release`, { note: '就这样发' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('orders.not_overridable');
    const changed = await w.admin.post(`/api/orders/${cold.body.id}/change-items`, {
      serviceType: 'cold_chain',
    });
    expect(changed.body.status).toBe('allocated');
  });

  it('changes the goods of an order', async () => {
    const res = await w.admin.post('/api/orders', {
      ...orderBody(w, 'FRESH', [[ambient, 1]]),
      lines: [{ skuCode: 'NO-SUCH', qty: 1, unitPriceFen: 100 }],
    });
    const changed = await w.admin.post(`/api/orders/${res.body.id}/change-items`, {
      lines: [{ skuCode: ambient.code, qty: 2, unitPriceFen: 2500 }],
    });
    expect(changed.body.status).toBe('allocated');
    const detail = (await w.admin.get(`/api/orders/${res.body.id}`)).body;
    expect(detail.lines).toEqual([
      expect.objectContaining({ skuId: ambient.id, qty: 2, unitPriceFen: 2500 }),
    ]);
    expect(detail.totalFen).toBe(5000);
  });

  it('splits off what is out of stock and ships the rest', async () => {
    const scarce = await newSku(w, 'FRESH');
    await stock(w, scarce, 'WH-SH', 1);
    const res = await w.admin.post(
      '/api/orders',
      orderBody(w, 'FRESH', [
        [ambient, 2],
        [scarce, 5],
      ]),
    );
    expect(res.body.reasons).toEqual(['out_of_stock']);
    const split = await w.admin.post(`/api/orders/${res.body.id}/split`, {
      lines: [{ lineNo: 2, qty: 5 }],
      note: '缺货部分后发',
    });
    expect(split.status, split.text).toBe(200);
    expect(split.body.status).toBe('allocated');
    expect(split.body.parts).toEqual([
      expect.objectContaining({ number: `${res.body.number}-2`, status: 'exception' }),
    ]);
    const part = (await w.admin.get(`/api/orders/${split.body.parts[0].id}`)).body;
    expect(part.lines).toEqual([expect.objectContaining({ skuId: scarce.id, qty: 5 })]);
    expect(part.reasons).toEqual(['out_of_stock']);
    const none = await w.admin.post(`/api/orders/${part.id}/split`, { lines: [{ lineNo: 1, qty: 5 }] });
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('orders.split_nothing_left');
  });

  it('records customer contacts on the history', async () => {
    const res = await w.admin.post(
      '/api/orders',
      orderBody(w, 'FRESH', [[ambient, 1]], { consignee: { phone: '1234' } }),
    );
    const agent = await sys.login('agent');
    const contact = await agent.post(`/api/orders/${res.body.id}/contact`, {
      channel: 'phone',
      outcome: 'no_answer',
      note: '上午十点再打',
    });
    expect(contact.status).toBe(200);
    const detail = (await agent.get(`/api/orders/${res.body.id}`)).body;
    expect(detail.history.at(-1)).toMatchObject({
      action: 'contact',
      note: '上午十点再打',
      details: { channel: 'phone', outcome: 'no_answer' },
    });
  });

  it('acts on many orders at once, answering each', async () => {
    const a = await w.admin.post(
      '/api/orders',
      orderBody(w, 'FRESH', [[ambient, 1]], { payment: { status: 'unpaid' } }),
    );
    const b = await w.admin.post('/api/orders', orderBody(w, 'FRESH', [[chilled, 1]]));
    const bulk = await w.admin.post('/api/orders/bulk', {
      action: 'release',
      orderIds: [a.body.id, b.body.id, '01900000-0000-7000-8000-000000000000'],
      note: '批量放行',
    });
    expect(bulk.status, bulk.text).toBe(200);
    expect(bulk.body).toMatchObject({ succeeded: 1, failed: 2 });
    expect(bulk.body.results[0]).toMatchObject({ id: a.body.id, ok: true, status: 'allocated' });
    expect(bulk.body.results[1]).toMatchObject({ ok: false, error: { code: 'orders.not_overridable' } });
    expect(bulk.body.results[2]).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const agent = await sys.login('clerk');
    expect(
      (await agent.post('/api/orders/bulk', { action: 'revalidate', orderIds: [a.body.id] })).status,
    ).toBe(403);
  });

  it('summarises the queue and ages exceptions against the SLA', async () => {
    const summary = (await w.admin.get('/api/orders/exceptions/summary')).body;
    expect(summary.total).toBeGreaterThan(5);
    expect(summary.slaHours).toBe(4);
    expect(summary.byReason.find((r: any) => r.code === 'cold_chain_required').count).toBeGreaterThanOrEqual(
      1,
    );
    // The demo data has exceptions older than the SLA.
    expect(summary.overdue).toBeGreaterThan(0);
    const overdue = (await w.admin.get('/api/orders?overdue=true&limit=500')).body.items;
    expect(overdue.length).toBe(summary.overdue);
    expect(overdue.filter((o: any) => !(o.overdue && o.ageHours >= 4))).toEqual([]);
  });
});

describe('the order list', () => {
  it('filters by status, channel, date and search, and pages with a cursor', async () => {
    const made: string[] = [];
    for (let i = 0; i < 3; i++)
      made.push(
        (await w.admin.post('/api/orders', orderBody(w, 'FRESH', [[ambient, 1]], { channel: 'kuaishou' })))
          .body.id,
      );
    const byChannel = (await w.admin.get('/api/orders?channel=kuaishou&limit=500')).body.items;
    expect(byChannel.map((o: any) => o.id).sort()).toEqual([...made].sort());
    const first = await w.admin.get('/api/orders?channel=kuaishou&limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await w.admin.get(`/api/orders?channel=kuaishou&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect(new Set([...first.body.items, ...second.body.items].map((o: any) => o.id)).size).toBe(3);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(
      (await w.admin.get(`/api/orders?channel=kuaishou&from=${today}&to=${today}`)).body.items,
    ).toHaveLength(3);
    expect((await w.admin.get('/api/orders?channel=kuaishou&to=2020-01-01')).body.items).toHaveLength(0);
    const number = (await w.admin.get(`/api/orders/${made[0]}`)).body.number;
    expect((await w.admin.get(`/api/orders?q=${number}`)).body.items.map((o: any) => o.id)).toEqual([
      made[0],
    ]);
    expect((await w.admin.get('/api/orders?status=allocated&channel=kuaishou')).body.items).toHaveLength(3);
    expect((await w.admin.get('/api/orders?cursor=garbage')).status).toBe(400);
    expect((await w.admin.get('/api/orders?from=not-a-date')).status).toBe(400);
  });
});

describe('the state machine', () => {
  it('answers an illegal transition with 409 and a clear code', async () => {
    const res = await w.admin.post('/api/orders', orderBody(w, 'FRESH', [[ambient, 1]]));
    const packed = await w.admin.post(`/api/orders/${res.body.id}/fulfilment`, { event: 'packed' });
    expect(packed.status).toBe(409);
    expect(packed.body.code).toBe('orders.illegal_transition');
    expect(packed.body.detail).toContain(res.body.number);
    const release = await w.admin.post(`/api/orders/${res.body.id}/release`, { note: '不是异常单' });
    expect(release.body.code).toBe('orders.illegal_transition');
  });
});

describe('merchant isolation', () => {
  it('lets a merchant create and see only its own orders', async () => {
    const fresh = await sys.login('fresh');
    const home = await sys.login('home');
    const body = orderBody(w, 'FRESH', [[ambient, 1]]);
    delete body.merchantId;
    const mine = await fresh.post('/api/orders', body);
    expect(mine.status, mine.text).toBe(201);
    expect(mine.body.merchantId).toBe(w.merchants.FRESH);
    expect((await home.get(`/api/orders/${mine.body.id}`)).status).toBe(404);
    expect((await home.post(`/api/orders/${mine.body.id}/cancel`, { reason: '不是我的' })).status).toBe(404);
    const homeList = (await home.get('/api/orders?limit=500')).body.items;
    expect(homeList.length).toBeGreaterThan(0);
    expect(homeList.every((o: any) => o.merchantId === w.merchants.HOME)).toBe(true);
    const other = await fresh.post('/api/orders', { ...orderBody(w, 'HOME', [[ambient, 1]]) });
    expect(other.status).toBe(403);
    // The other merchant's SKU code is unknown to this merchant.
    const theirs = await newSku(w, 'HOME');
    const res = await fresh.post('/api/orders', {
      ...body,
      externalNo: `${body.externalNo}-X`,
      lines: [{ skuId: theirs.id, qty: 1, unitPriceFen: 1 }],
    });
    expect(res.body.reasons).toEqual(['sku_unknown']);
  });

  it('shows warehouse staff only orders of their warehouses', async () => {
    const clerk = await sys.login('clerk.bj');
    const items = (await clerk.get('/api/orders?limit=500')).body.items;
    expect(items.every((o: any) => o.warehouseId === w.warehouses['WH-BJ'].id)).toBe(true);
  });
});
