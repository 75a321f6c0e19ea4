import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loggingSms } from '../../src/modules/notifications';
import type { Agent, TestSystem } from '../helpers/system';
import { startTestSystem } from '../helpers/system';
import { newSku, orderBody, stock, type TestSku, type World, worldOf } from './orders.support';
import { returnsKit } from './orders-returns.support';

/**
 * Returns and exchanges (R-OMS-5) end to end through HTTP: an order shipped and delivered, a return
 * raised by the consumer (order number + phone digits) or customer service, the rules (window,
 * quantities, condition, perishables), approval and pickup, receiving and inspection posting
 * restock / hold / scrap on the stock ledger, the refund, and an exchange through ordinary intake.
 */
let sys: TestSystem;
let w: World;
let shiftMs = 0;
const DAY = 86_400_000;

let kit: ReturnType<typeof returnsKit>;

beforeAll(async () => {
  sys = await startTestSystem({ now: () => new Date(Date.now() + shiftMs) });
  w = await worldOf(sys);
  kit = returnsKit(sys, w);
});
const shippedOrder: ReturnType<typeof returnsKit>['shippedOrder'] = (...args) => kit.shippedOrder(...args);
const balanceOf = (sku: TestSku) => kit.balanceOf(sku);
const movementsOf = (number: string) => kit.movementsOf(number);
const topicsOf = (number: string) => kit.topicsOf(number);
afterAll(async () => sys?.close());

describe('a consumer return: rules, approval, receiving, inspection, refund', () => {
  let ambient: TestSku;
  let chilled: TestSku;
  let agent: Agent;
  let clerk: Agent;
  beforeAll(async () => {
    ambient = await newSku(w, 'FRESH', 'ambient');
    chilled = await newSku(w, 'FRESH', 'chilled');
    await stock(w, ambient, 'WH-SH', 20);
    await stock(w, chilled, 'WH-SH', 20, 'chilled');
    agent = await sys.login('agent');
    clerk = await sys.login('clerk');
  });

  it('goes from a portal request to stock back on the ledger and a refund', async () => {
    const order = await shippedOrder(
      [
        [ambient, 3],
        [chilled, 2],
      ],
      true,
      '13912345678',
      'cold_chain',
    );
    expect(order.status).toBe('delivered');
    const consumer = sys.anonymous();
    const wrong = await consumer.post('/api/returns/portal/lookup', {
      number: order.number,
      phoneLast4: '0000',
    });
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('orders.tracking_not_found');
    expect(String(wrong.headers['content-type'])).toContain('application/problem+json');

    const view = await consumer.post('/api/returns/portal/lookup', {
      number: order.number,
      phoneLast4: '5678',
    });
    expect(view.status, view.text).toBe(200);
    expect(view.body).toMatchObject({ returnable: true, phoneMasked: '139****5678' });
    expect(view.body.lines.map((l: any) => [l.lineNo, l.returnableQty, l.perishable])).toEqual([
      [1, 3, false],
      [2, 2, true],
    ]);

    const ask = (body: Record<string, unknown>, lang = 'zh-CN') => {
      consumer.lang = lang;
      return consumer.post('/api/returns/portal/requests', {
        number: order.number,
        phoneLast4: '5678',
        ...body,
      });
    };
    // Too many units: a field issue on the quantity, in the caller's language.
    const tooMany = await ask(
      { reason: 'quality', condition: 'opened', lines: [{ lineNo: 1, qty: 4 }] },
      'en',
    );
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.code).toBe('orders.return_rules_failed');
    expect(tooMany.body.issues).toEqual([
      expect.objectContaining({ field: 'body.lines.0.qty', code: 'orders.return_qty_exceeds' }),
    ]);
    expect(tooMany.body.issues[0].message).toContain('at most 3 more');
    // 七天无理由: not for perishables, not for damaged goods.
    const noReason = await ask({
      reason: 'no_longer_wanted',
      condition: 'damaged',
      lines: [
        { lineNo: 1, qty: 1 },
        { lineNo: 2, qty: 1 },
      ],
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.issues.map((i: any) => [i.field, i.code])).toEqual([
      ['body.condition', 'orders.return_condition_not_accepted'],
      ['body.lines.1.lineNo', 'orders.return_perishable_no_reason'],
    ]);
    expect(noReason.body.issues[1].message).toContain('生鲜');
    expect((await ask({ reason: 'quality', condition: 'opened', lines: [] })).status).toBe(400);

    const created = await ask({
      reason: 'quality',
      condition: 'opened',
      resolution: 'refund',
      note: '包装破了，里面也坏了',
      lines: [
        { lineNo: 1, qty: 2 },
        { lineNo: 2, qty: 1 },
      ],
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.number).toMatch(/^RT\d{8}\d{6,}$/);
    const number = created.body.number as string;
    // What is on an open request counts: one more ambient unit at most.
    const again = await ask({ reason: 'quality', condition: 'opened', lines: [{ lineNo: 1, qty: 2 }] });
    expect(again.body.issues[0]).toMatchObject({ code: 'orders.return_qty_exceeds' });
    expect(again.body.issues[0].message).toContain('1');

    const list = await agent.get(`/api/returns?q=${number}`);
    expect(list.body.items).toHaveLength(1);
    const ret = list.body.items[0];
    expect(ret).toMatchObject({
      status: 'requested',
      raisedVia: 'consumer',
      totalQty: 3,
      orderNumber: order.number,
    });
    const id = ret.id as string;

    // The warehouse cannot act before customer service approved and the goods are expected.
    const early = await clerk.post(`/api/returns/${id}/receive`, { lines: [{ lineNo: 1, qty: 2 }] });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('orders.return_illegal_transition');
    expect((await clerk.post(`/api/returns/${id}/approve`, {})).status).toBe(403);

    expect((await agent.post(`/api/returns/${id}/approve`, { note: '照片确认' })).body.status).toBe(
      'approved',
    );
    const twice = await agent.post(`/api/returns/${id}/approve`, {});
    expect(twice.status).toBe(409);
    const past = await agent.post(`/api/returns/${id}/arrange`, {
      method: 'pickup',
      pickupDate: '2020-01-01',
    });
    expect(past.status).toBe(400);
    expect(past.body.issues[0].field).toBe('body.pickupDate');
    const pickup = await agent.post(`/api/returns/${id}/arrange`, { method: 'pickup', carrier: '顺丰速运' });
    expect(pickup.body.status).toBe('awaiting_goods');
    const detail = (await agent.get(`/api/returns/${id}`)).body;
    expect(detail.pickup).toMatchObject({ name: '李娜', phone: '13912345678' });
    expect(detail.pickup.address).toContain('文三路90号');

    const before = {
      ambient: await balanceOf(ambient),
      chilled: await balanceOf(chilled),
    };
    const over = await clerk.post(`/api/returns/${id}/receive`, { lines: [{ lineNo: 1, qty: 3 }] });
    expect(over.status).toBe(422);
    expect(over.body.issues[0]).toMatchObject({
      field: 'body.lines.0.qty',
      code: 'orders.return_receive_exceeds',
    });
    const received = await clerk.post(`/api/returns/${id}/receive`, {
      lines: [
        { lineNo: 1, qty: 2 },
        { lineNo: 2, qty: 1 },
      ],
    });
    expect(received.status, received.text).toBe(200);
    expect(received.body).toMatchObject({
      status: 'received',
      orderStatus: 'delivered',
      orderReturned: false,
    });
    // Every received unit needs a decision.
    const short = await clerk.post(`/api/returns/${id}/inspect`, {
      entries: [{ lineNo: 1, disposition: 'restock', qty: 1 }],
    });
    expect(short.status).toBe(422);
    expect(short.body.issues.map((i: any) => i.code)).toEqual([
      'orders.return_inspect_mismatch',
      'orders.return_inspect_mismatch',
    ]);
    // Storage classes hold: chilled goods cannot be restocked into an ambient bin; nothing is posted.
    const wrongZone = await clerk.post(`/api/returns/${id}/inspect`, {
      entries: [
        { lineNo: 1, disposition: 'restock', qty: 2 },
        { lineNo: 2, disposition: 'restock', qty: 1, binId: await w.binOf('WH-SH', 'ambient') },
      ],
    });
    expect(wrongZone.status).toBe(409);
    expect(wrongZone.body.code).toBe('inventory.storage_class_mismatch');
    expect(await movementsOf(number)).toEqual([]);
    const inspected = await clerk.post(`/api/returns/${id}/inspect`, {
      entries: [
        { lineNo: 1, disposition: 'restock', qty: 2 },
        { lineNo: 2, disposition: 'scrap', qty: 1 },
      ],
    });
    expect(inspected.status, inspected.text).toBe(200);
    expect(inspected.body).toMatchObject({ status: 'inspected', holdDocNo: null });

    // The ledger: a return into available for the restock, a return into damaged and its write-off.
    const moves = await movementsOf(number);
    const shipped = (await w.admin.get(`/api/orders/${order.id}`)).body;
    const chilledLot = shipped.allocations.find((a: any) => a.skuId === chilled.id).lotId;
    expect(
      moves.map((m) => [
        m.type,
        m.skuId === ambient.id ? 'ambient' : 'chilled',
        m.fromStatus,
        m.toStatus,
        m.qty,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['return', 'ambient', null, 'available', 2],
        ['return', 'chilled', null, 'damaged', 1],
        ['scrap', 'chilled', 'damaged', null, 1],
      ]),
    );
    expect(moves).toHaveLength(3);
    expect(moves.filter((m) => m.skuId === chilled.id).every((m) => m.lotId === chilledLot)).toBe(true);
    const after = {
      ambient: await balanceOf(ambient),
      chilled: await balanceOf(chilled),
    };
    expect(after.ambient.available - before.ambient.available).toBe(2);
    expect(after.ambient.onHand - before.ambient.onHand).toBe(2);
    expect(after.chilled).toEqual(before.chilled);
    // Ledger = balances still holds (账卡物三一致).
    const audit = await w.admin.get(`/api/inventory/audit?warehouseId=${w.warehouses['WH-SH'].id}`);
    expect(audit.body).toMatchObject({ ok: true, discrepancyCount: 0 });

    // Refund: 3 units × 19.90 less a 1.00 restocking fee; finance pays it out.
    const fee = await agent.post(`/api/returns/${id}/refund`, { restockingFeeFen: 999_999 });
    expect(fee.status).toBe(422);
    expect(fee.body.issues[0].field).toBe('body.restockingFeeFen');
    const refund = await agent.post(`/api/returns/${id}/refund`, {
      restockingFeeFen: 100,
      note: '扣除手续费',
    });
    expect(refund.body).toMatchObject({
      status: 'closed',
      refundFen: 3 * 1990 - 100,
      refundStatus: 'pending',
    });
    const finance = await sys.login('finance');
    const paid = await finance.post(`/api/returns/${id}/refund/complete`, {
      reference: 'ALIPAY-20261122-001',
    });
    expect(paid.body).toMatchObject({ refundStatus: 'refunded', refundFen: 5870 });
    expect((await finance.post(`/api/returns/${id}/refund/complete`, { reference: 'x' })).status).toBe(409);

    const final = (await agent.get(`/api/returns/${id}`)).body;
    expect(final.history.map((h: any) => h.toStatus).filter(Boolean)).toEqual([
      'requested',
      'approved',
      'awaiting_goods',
      'received',
      'inspected',
      'closed',
    ]);
    expect(final.lines.map((l: any) => [l.receivedQty, l.restockQty, l.scrapQty])).toEqual([
      [2, 2, 0],
      [1, 0, 1],
    ]);
    expect(final.refund).toMatchObject({ grossFen: 5970, amountFen: 5870, status: 'refunded' });
    // A partial return stays on the order's timeline; the order itself is still delivered.
    const timeline = (await w.admin.get(`/api/orders/${order.id}`)).body;
    expect(timeline.status).toBe('delivered');
    expect(timeline.history.map((h: any) => h.action)).toEqual(
      expect.arrayContaining(['return_requested', 'return_received', 'return_inspected', 'refund_recorded']),
    );
    expect(await topicsOf(number)).toEqual(
      expect.arrayContaining([
        'orders.return_requested',
        'orders.return_pickup_requested',
        'orders.return_received',
        'orders.return_inspected',
        'orders.return_closed',
        'orders.refund_completed',
      ]),
    );
    // The consumer is told by SMS when the return is approved, collected and refunded, with the RT number.
    let sms: Array<{ topic: string; status: string; payload?: unknown }> = [];
    for (let i = 0; i < 200; i++) {
      const res = await w.admin.get(`/api/notifications/deliveries?orderId=${order.id}&limit=100`);
      expect(res.status, res.text).toBe(200);
      sms = res.body.items.filter((d: { channel: string }) => d.channel === 'sms');
      const topics = new Set(sms.filter((d) => d.status === 'sent').map((d) => d.topic));
      if (['orders.return_approved', 'orders.refund_completed'].every((t) => topics.has(t))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const sent = sms.filter((d) => d.status === 'sent').map((d) => d.topic);
    expect(sent).toEqual(expect.arrayContaining(['orders.return_approved', 'orders.refund_completed']));
    const texts = loggingSms.sent.filter((m) => m.text.includes(number)).map((m) => m.text);
    expect(texts.some((t) => t.includes('已同意'))).toBe(true);
    expect(texts.some((t) => t.includes('已完成退款'))).toBe(true);

    const { rows } = await sql<{ action: string }>`select action from platform.audit_log
      where entity = 'order_return' and entity_id = ${id} order by at`.execute(sys.app.db);
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['create', 'approve', 'receive', 'inspect', 'close', 'refund']),
    );
  });

  it('refuses a return after the window, with a longer one for faulty goods', async () => {
    const order = await shippedOrder([[ambient, 2]]);
    shiftMs = 10 * DAY;
    try {
      const cs = await sys.login('agent');
      const ask = (reason: string) =>
        cs.post('/api/returns', {
          orderId: order.id,
          reason,
          condition: 'unopened',
          lines: [{ lineNo: 1, qty: 1 }],
        });
      const late = await ask('no_longer_wanted');
      expect(late.status).toBe(422);
      expect(late.body.issues).toEqual([
        expect.objectContaining({ field: 'body.reason', code: 'orders.return_window_passed' }),
      ]);
      const faulty = await ask('quality');
      expect(faulty.status, faulty.text).toBe(201);
      expect(faulty.body).toMatchObject({ raisedVia: 'service', window: { days: 15 } });
      shiftMs = 20 * DAY;
      const cs2 = await sys.login('agent');
      const tooLate = await cs2.post('/api/returns', {
        orderId: order.id,
        reason: 'damaged',
        condition: 'damaged',
        lines: [{ lineNo: 1, qty: 1 }],
      });
      expect(tooLate.status).toBe(422);
      expect(tooLate.body.issues[0].code).toBe('orders.return_window_passed');
    } finally {
      shiftMs = 0;
    }
  });
});

describe('an exchange', () => {
  it('holds one unit for quality review, restocks one, and orders the replacement through intake', async () => {
    const sku = await newSku(w, 'FRESH', 'ambient');
    await stock(w, sku, 'WH-SH', 10);
    const order = await shippedOrder([[sku, 2]], false, '13812349876');
    expect(order.status).toBe('shipped');
    const agent = await sys.login('agent');
    const created = await agent.post('/api/returns', {
      orderId: order.id,
      reason: 'wrong_item',
      condition: 'unopened',
      resolution: 'exchange',
      lines: [{ lineNo: 1, qty: 2 }],
    });
    expect(created.status, created.text).toBe(201);
    const id = created.body.id as string;
    expect(created.body.lines[0].shippedFrom).toHaveLength(1);
    await agent.post(`/api/returns/${id}/approve`, {});
    const dropoff = await agent.post(`/api/returns/${id}/arrange`, { method: 'dropoff' });
    expect(dropoff.body.status).toBe('awaiting_goods');
    const clerk = await sys.login('clerk');
    const received = await clerk.post(`/api/returns/${id}/receive`, { lines: [{ lineNo: 1, qty: 2 }] });
    // Every shipped unit is back: the order itself is returned.
    expect(received.body).toMatchObject({ status: 'received', orderStatus: 'returned', orderReturned: true });
    const before = await balanceOf(sku);
    const inspected = await clerk.post(`/api/returns/${id}/inspect`, {
      entries: [
        { lineNo: 1, disposition: 'restock', qty: 1 },
        { lineNo: 1, disposition: 'hold', qty: 1 },
      ],
    });
    expect(inspected.status, inspected.text).toBe(200);
    expect(inspected.body.holdDocNo).toMatch(/^QH/);
    const after = await balanceOf(sku);
    expect(after.available - before.available).toBe(1);
    expect(after.onHand - before.onHand).toBe(2);
    expect(after.held - before.held).toBe(1);

    const replaced = await agent.post(`/api/returns/${id}/replacement`, {});
    expect(replaced.status, replaced.text).toBe(200);
    expect(replaced.body.status).toBe('closed');
    const replacement = (await w.admin.get(`/api/orders/${replaced.body.replacementOrder.id}`)).body;
    // Ordinary intake and allocation: same consignee, same goods, reserved like any order.
    expect(replacement).toMatchObject({
      channel: 'return',
      externalNo: created.body.number,
      status: 'allocated',
    });
    expect(replacement.consignee.phone).toBe('13812349876');
    expect(replacement.lines.map((l: any) => [l.skuCode, l.qty])).toEqual([[sku.code, 2]]);
    expect(replacement.allocations.reduce((n: number, a: any) => n + a.qty, 0)).toBe(2);
    expect(replacement.history.map((h: any) => h.action)).toContain('replacement_for');
    const detail = (await agent.get(`/api/returns/${id}`)).body;
    expect(detail).toMatchObject({
      outcome: 'replacement',
      replacementOrder: { number: replacement.number },
    });
    // Sent again (a retry): the return is closed, nothing is ordered twice.
    const retry = await agent.post(`/api/returns/${id}/replacement`, {});
    expect(retry.status).toBe(409);
    expect((await w.admin.get(`/api/orders?q=${created.body.number}`)).body.items).toHaveLength(1);
  });
});

describe('who sees and does what', () => {
  it('keeps merchants to their own returns and warehouse staff to their warehouses', async () => {
    const sku = await newSku(w, 'FRESH', 'ambient');
    await stock(w, sku, 'WH-SH', 5);
    const order = await shippedOrder([[sku, 1]]);
    const fresh = await sys.login('fresh');
    const home = await sys.login('home');
    const mine = await fresh.post('/api/returns', {
      orderId: order.id,
      reason: 'not_as_described',
      condition: 'opened',
      lines: [{ lineNo: 1, qty: 1 }],
    });
    expect(mine.status, mine.text).toBe(201);
    expect(mine.body.raisedVia).toBe('merchant');
    expect((await fresh.post(`/api/returns/${mine.body.id}/approve`, {})).status).toBe(403);
    expect((await home.get(`/api/returns/${mine.body.id}`)).status).toBe(404);
    expect((await home.post(`/api/returns/${mine.body.id}/cancel`, { reason: '不是我的' })).status).toBe(404);
    const theirs = await home.post('/api/returns', {
      orderId: order.id,
      reason: 'quality',
      condition: 'opened',
      lines: [{ lineNo: 1, qty: 1 }],
    });
    expect(theirs.status).toBe(404);
    expect(
      (await home.get('/api/returns?limit=500')).body.items.every(
        (r: any) => r.merchantId === w.merchants.HOME,
      ),
    ).toBe(true);
    const beijing = await sys.login('clerk.bj');
    expect((await beijing.get(`/api/returns/${mine.body.id}`)).status).toBe(404);
    expect(
      (await beijing.post(`/api/returns/${mine.body.id}/receive`, { lines: [{ lineNo: 1, qty: 1 }] })).status,
    ).toBe(404);
    // The Shanghai clerk sees it (the order shipped from Shanghai).
    expect((await (await sys.login('clerk')).get(`/api/returns/${mine.body.id}`)).status).toBe(200);
    const cancelled = await fresh.post(`/api/returns/${mine.body.id}/cancel`, { reason: '客户不退了' });
    expect(cancelled.body.status).toBe('cancelled');
    // Cancelled units are returnable again.
    const returnable = (await fresh.get(`/api/returns/orders/${order.id}/returnable`)).body;
    expect(returnable.lines[0]).toMatchObject({ shippedQty: 1, returnableQty: 1 });
  });

  it('lists with filters and a cursor, and refuses orders that have not shipped', async () => {
    const agent = await sys.login('agent');
    const page1 = await agent.get('/api/returns?limit=1');
    expect(page1.body.items).toHaveLength(1);
    const page2 = await agent.get(`/api/returns?limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
    const closed = (await agent.get('/api/returns?status=closed&limit=100')).body.items;
    expect(closed.length).toBeGreaterThan(0);
    expect(closed.every((r: any) => r.status === 'closed')).toBe(true);
    expect((await agent.get('/api/returns?refundStatus=refunded')).body.items.length).toBeGreaterThan(0);
    // The demo seed leaves a rejected and an awaiting-pickup return on delivered demo orders.
    const demo = (await agent.get('/api/returns?status=rejected')).body.items;
    expect(demo.length).toBeGreaterThan(0);
    expect(
      (await agent.get('/api/returns?status=awaiting_goods&raisedVia=service')).body.items.length,
    ).toBeGreaterThan(0);
    expect((await agent.get('/api/returns?cursor=garbage')).status).toBe(400);
    expect((await agent.get('/api/returns?status=nope')).status).toBe(400);

    const sku = await newSku(w, 'FRESH', 'ambient');
    await stock(w, sku, 'WH-SH', 5);
    const open = await w.admin.post('/api/orders', orderBody(w, 'FRESH', [[sku, 1]]));
    const refused = await agent.post('/api/returns', {
      orderId: open.body.id,
      reason: 'quality',
      condition: 'opened',
      lines: [{ lineNo: 1, qty: 1 }],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('orders.return_not_returnable');
    const bad = await agent.post('/api/returns', {
      orderId: 'nope',
      reason: 'bored',
      lines: [{ lineNo: 0, qty: -1 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.issues.map((i: any) => i.field)).toEqual(
      expect.arrayContaining(['body.orderId', 'body.reason', 'body.condition', 'body.lines.0.qty']),
    );
  });
});
