import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  deliverDue,
  type EmailMessage,
  loggingSms,
  NOTIFY_TOPICS,
  notificationsHandler,
  planNotifications,
  setEmailProvider,
} from '../../src/modules/notifications';
import type { Agent, TestSystem } from '../helpers/system';
import { startTestSystem } from '../helpers/system';
import { newSku, orderBody, stock, type World, worldOf } from './orders.support';

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

let sys: TestSystem;
let w: World;
let server: http.Server;
let base: string;
const received: Received[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.statusCode = req.url?.startsWith('/fail') ? 500 : 204;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The test receiver listens on the loopback address: allowed here as an operator would allow an
  // on-premises receiver (webhook-guard.test.ts holds the default, which refuses it).
  sys = await startTestSystem({ env: { WAYLINE_WEBHOOK_ALLOW_PRIVATE: '1' } });
  w = await worldOf(sys);
});
afterAll(async () => {
  await sys?.close();
  await new Promise((r) => server.close(r));
});

async function deliveriesOf(agent: Agent, orderId: string) {
  const res = await agent.get(`/api/notifications/deliveries?orderId=${orderId}&limit=100`);
  expect(res.status, res.text).toBe(200);
  return res.body.items as any[];
}

/** Wait until the background outbox dispatcher and job runner have settled the order's notifications. */
async function settled(agent: Agent, orderId: string, expected: (rows: any[]) => boolean) {
  for (let i = 0; i < 200; i++) {
    const rows = await deliveriesOf(agent, orderId);
    if (expected(rows)) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(
    `notifications of ${orderId} did not settle: ${JSON.stringify(await deliveriesOf(agent, orderId))}`,
  );
}

const hooksOf = (path: string, orderId: string) =>
  received.filter((r) => r.path === path && JSON.parse(r.body).data?.orderId === orderId);

const verify = (secret: string, header: string, body: string) => {
  const [t, v1] = header.split(',').map((p) => p.split('=')[1]);
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex') === v1;
};

describe('order milestone notifications', () => {
  let secret = '';
  let orderId = '';
  let orderSms = (): number => 0;

  it('sends an SMS (masked in logs) and a signed webhook as an order is released and shipped', async () => {
    const fresh = await sys.login('fresh');
    const created = await fresh.post('/api/notifications/webhooks', {
      url: `${base}/hooks/fresh`,
      events: [],
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    secret = created.body.secret;
    const listed = await fresh.get('/api/notifications/webhooks');
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0]).not.toHaveProperty('secret');

    const sku = await newSku(w, 'FRESH');
    await stock(w, sku, 'WH-SH', 5);
    const body = orderBody(w, 'FRESH', [[sku, 2]]);
    const phone: string = body.consignee.phone;
    const order = (await w.admin.post('/api/orders', body)).body;
    orderId = order.id;
    expect(order.status).toBe('allocated');
    const clerk = await sys.login('clerk');
    expect((await w.admin.post(`/api/orders/${order.id}/release-to-warehouse`, {})).body.status).toBe(
      'released',
    );
    await clerk.post(`/api/orders/${order.id}/fulfilment`, { event: 'pick_all' });
    await clerk.post(`/api/orders/${order.id}/fulfilment`, { event: 'packed' });
    const shipped = await clerk.post(`/api/orders/${order.id}/fulfilment`, {
      event: 'shipped',
      carrier: '顺丰速运',
      waybillNo: 'SF5566778899',
    });
    expect(shipped.body.status, shipped.text).toBe('shipped');

    const cs = await sys.login('cssupervisor');
    const rows = await settled(
      cs,
      order.id,
      (r) => r.filter((x) => x.status === 'sent').length === 4 && r.every((x) => x.status !== 'pending'),
    );
    const sms = rows.filter((r) => r.channel === 'sms');
    expect(sms.map((r) => r.topic).sort()).toEqual(['orders.order_released', 'orders.order_shipped']);
    const masked = `${phone.slice(0, 3)}****${phone.slice(7)}`;
    expect(sms.every((r) => r.recipient === masked)).toBe(true);
    // No e-mail provider is configured (and this consignee gave no address): recorded as skipped.
    expect(rows.filter((r) => r.channel === 'email').every((r) => r.status === 'skipped')).toBe(true);
    const mentions = new RegExp(`订单${order.number}(?![\\w-])`);
    orderSms = () => loggingSms.sent.filter((m) => mentions.test(m.text)).length;
    const sent = loggingSms.sent.filter((m) => mentions.test(m.text));
    expect(sent).toHaveLength(2);
    const shippedSms = sent.find((m) => m.text.includes('SF5566778899'))!;
    expect(shippedSms.text).toContain('顺丰速运');
    const promised = (await w.admin.get(`/api/orders/${order.id}`)).body.promisedDate;
    expect(promised).toBeTruthy();
    expect(shippedSms.text).toContain(promised);
    expect(shippedSms.toMasked).toBe(masked);
    // The full number appears nowhere: not in the log API, not in the logging provider.
    expect(JSON.stringify(rows)).not.toContain(phone);
    expect(JSON.stringify(sent)).not.toContain(phone);

    const hooks = hooksOf('/hooks/fresh', order.id);
    expect(hooks).toHaveLength(2);
    for (const hook of hooks) {
      expect(verify(secret, String(hook.headers['wayline-signature']), hook.body)).toBe(true);
      expect(verify('whsec_wrong', String(hook.headers['wayline-signature']), hook.body)).toBe(false);
      const doc = JSON.parse(hook.body);
      expect(doc.id).toBe(hook.headers['wayline-event-id']);
      expect(doc.data).toMatchObject({ orderNumber: order.number, orderId: order.id });
      expect(hook.body).not.toContain(phone);
    }
    expect(
      JSON.parse(hooks.find((h) => h.headers['wayline-event'] === 'orders.order_shipped')!.body).data,
    ).toMatchObject({ status: 'shipped', waybillNo: 'SF5566778899' });
  });

  it('does not notify twice when the outbox delivers the same event again', async () => {
    const events: any[] = await sys.database.db
      .selectFrom('platform.outbox_event' as any)
      .selectAll()
      .where('topic', '=', 'orders.order_shipped')
      .execute();
    const stored = events.find((e) => {
      const p = typeof e.payload === 'string' ? JSON.parse(e.payload) : e.payload;
      return p.orderId === orderId;
    });
    const at = new Date();
    const event = {
      id: stored.id,
      topic: stored.topic,
      payload: typeof stored.payload === 'string' ? JSON.parse(stored.payload) : stored.payload,
      createdAt: at,
      availableAt: at,
      handler: notificationsHandler.name,
      attempt: 2,
    };
    const smsBefore = orderSms();
    expect(smsBefore).toBe(2);
    const hooksBefore = hooksOf('/hooks/fresh', orderId).length;
    expect(await planNotifications(sys.database.db, event, at)).toBe(0);
    await notificationsHandler.handle(sys.database.db, event);
    await deliverDue(sys.database.db, new Date(Date.now() + 86_400_000), { eventId: stored.id });
    await new Promise((r) => setTimeout(r, 1500));
    expect(orderSms()).toBe(smsBefore);
    expect(hooksOf('/hooks/fresh', orderId).length).toBe(hooksBefore);
    const cs = await sys.login('cssupervisor');
    expect((await deliveriesOf(cs, orderId)).filter((r) => r.eventId === stored.id)).toHaveLength(3);
  });

  it('retries a failing endpoint with exponential backoff, then marks it failed and disables the endpoint', async () => {
    const home = await sys.login('home');
    const ep = await home.post('/api/notifications/webhooks', {
      url: `${base}/fail/home`,
      events: ['orders.order_released'],
    });
    expect(ep.status, ep.text).toBe(201);
    const sku = await newSku(w, 'HOME');
    await stock(w, sku, 'WH-SH', 3);
    const order = (await w.admin.post('/api/orders', orderBody(w, 'HOME', [[sku, 1]]))).body;
    expect((await w.admin.post(`/api/orders/${order.id}/release-to-warehouse`, {})).body.status).toBe(
      'released',
    );
    const first = await settled(home, order.id, (r) =>
      r.some((x) => x.channel === 'webhook' && x.attempts >= 1 && x.lastError),
    );
    const row = first.find((x) => x.channel === 'webhook');
    expect(row).toMatchObject({ status: 'pending', attempts: 1, responseStatus: 500, lastError: 'HTTP 500' });
    const policy = { ...DEFAULT_POLICY, maxAttempts: 4, disableAfter: 4 };
    // Each attempt waits twice as long as the one before: 30 s, 60 s, 120 s.
    let clock = new Date(row.nextAttemptAt).getTime();
    const gaps: number[] = [(clock - new Date(row.createdAt).getTime()) / 1000];
    for (let attempt = 2; attempt <= 4; attempt++) {
      const early = await deliverDue(sys.database.db, new Date(clock - 1000), { ids: [row.id], policy });
      expect(early.claimed).toBe(0);
      await deliverDue(sys.database.db, new Date(clock), { ids: [row.id], policy });
      const now = (await deliveriesOf(home, order.id)).find((x) => x.id === row.id);
      expect(now.attempts).toBe(attempt);
      if (attempt < 4) {
        const next = new Date(now.nextAttemptAt).getTime();
        gaps.push((next - clock) / 1000);
        clock = next;
      } else expect(now).toMatchObject({ status: 'failed', nextAttemptAt: null });
    }
    expect(gaps[1]).toBe(60);
    expect(gaps[2]).toBe(120);
    expect(hooksOf('/fail/home', order.id)).toHaveLength(4);
    const endpoint = (await home.get('/api/notifications/webhooks')).body.items[0];
    expect(endpoint).toMatchObject({
      status: 'disabled',
      disabledReason: 'too_many_failures',
      consecutiveFailures: 4,
    });

    // Fixed and re-enabled by the merchant, then the failed delivery is sent again by hand.
    const fixed = await home.patch(`/api/notifications/webhooks/${endpoint.id}`, {
      url: `${base}/hooks/home`,
      status: 'active',
    });
    expect(fixed.body).toMatchObject({ status: 'active', consecutiveFailures: 0, secret: null });
    const retried = await home.post(`/api/notifications/deliveries/${row.id}/retry`, {});
    expect(retried.body).toMatchObject({ status: 'pending', attempts: 0 });
    const done = await settled(home, order.id, (r) => r.find((x) => x.id === row.id)?.status === 'sent');
    expect(done.find((x) => x.id === row.id).responseStatus).toBe(204);
    const again = await home.post(`/api/notifications/deliveries/${row.id}/retry`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('notifications.not_retryable');
  });

  it('keeps merchants apart', async () => {
    const home = await sys.login('home');
    const fresh = await sys.login('fresh');
    const freshHooks = (await fresh.get('/api/notifications/webhooks')).body.items;
    expect(freshHooks.every((e: any) => e.merchantId === w.merchants.FRESH)).toBe(true);
    const homeHooks = (await home.get('/api/notifications/webhooks')).body.items;
    expect(homeHooks.map((e: any) => e.merchantId)).toEqual([w.merchants.HOME]);
    expect(
      (await home.patch(`/api/notifications/webhooks/${freshHooks[0].id}`, { status: 'disabled' })).status,
    ).toBe(404);
    expect((await home.delete(`/api/notifications/webhooks/${freshHooks[0].id}`)).status).toBe(404);
    const spoof = await home.post('/api/notifications/webhooks', {
      merchantId: w.merchants.FRESH,
      url: `${base}/x`,
    });
    expect(spoof.status).toBe(403);
    expect(await deliveriesOf(home, orderId)).toEqual([]);
    const all = (await home.get('/api/notifications/deliveries?limit=500')).body.items;
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((r: any) => r.merchantId === w.merchants.HOME)).toBe(true);
    expect((await home.get('/api/notifications/templates')).status).toBe(403);
  });

  it('e-mails the consignee’s address when e-mail is configured, and skips it cleanly when not', async () => {
    const sku = await newSku(w, 'FRESH');
    await stock(w, sku, 'WH-SH', 2);
    const cs = await sys.login('cssupervisor');
    const release = async (email: string) => {
      const order = (
        await w.admin.post('/api/orders', orderBody(w, 'FRESH', [[sku, 1]], { consignee: { email } }))
      ).body;
      expect(order.status, JSON.stringify(order.reasons)).toBe('allocated');
      const released = await w.admin.post(`/api/orders/${order.id}/release-to-warehouse`, {});
      expect(released.body.status, released.text).toBe('released');
      return order as { id: string; number: string };
    };
    // No provider: the address is known but e-mail is not configured — skipped, not retried.
    const unsent = await release('wang.fang@example.com');
    const before = await settled(cs, unsent.id, (r) =>
      r.some((x) => x.channel === 'email' && x.status !== 'pending'),
    );
    expect(before.find((x) => x.channel === 'email')).toMatchObject({
      status: 'skipped',
      lastError: 'email_not_configured',
      recipient: 'w***@example.com',
    });

    const mails: EmailMessage[] = [];
    const previous = setEmailProvider({
      name: 'capture',
      send: async (m) => {
        mails.push(m);
        return { providerMessageId: String(mails.length) };
      },
    });
    try {
      const order = await release('Li.Na@Example.com');
      const rows = await settled(cs, order.id, (r) =>
        r.some((x) => x.channel === 'email' && x.status !== 'pending'),
      );
      const email = rows.find((x) => x.channel === 'email');
      expect(email).toMatchObject({
        topic: 'orders.order_released',
        status: 'sent',
        recipient: 'l***@example.com',
      });
      const mine = mails.filter((m) => m.text.includes(order.number));
      expect(mine).toHaveLength(1);
      expect(mine[0].to).toBe('li.na@example.com');
      expect(mine[0].subject).toBeTruthy();
    } finally {
      setEmailProvider(previous);
    }
  });

  it('manages templates, refusing bad input with problem+json in the caller’s language', async () => {
    const cs = await sys.login('cssupervisor');
    const list = (await cs.get('/api/notifications/templates')).body;
    expect(list.items).toHaveLength(NOTIFY_TOPICS.length * 2 * 2);
    const saved = await cs.put('/api/notifications/templates/orders.order_delivered/sms/zh-CN', {
      body: '{{consigneeName}}，订单{{orderNumber}}已送达',
    });
    expect(saved.body).toMatchObject({ custom: true, enabled: true });
    const bad = await cs.put('/api/notifications/templates/orders.order_delivered/sms/zh-CN', {
      body: '订单{{orderNo}}已送达',
    });
    expect(bad.status).toBe(400);
    expect(String(bad.headers['content-type'])).toContain('application/problem+json');
    expect(bad.body.code).toBe('notifications.unknown_placeholder');
    expect(bad.body.issues[0]).toMatchObject({ field: 'body.body', code: 'unknown_placeholder' });
    cs.lang = 'en';
    const badEn = await cs.put('/api/notifications/templates/orders.nope/sms/en', { body: 'x' });
    expect(badEn.status).toBe(400);
    expect(String(badEn.headers['content-type'])).toContain('application/problem+json');
    const badUrl = await cs.post('/api/notifications/webhooks', {
      merchantId: w.merchants.FRESH,
      url: 'ftp://x',
    });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.detail).toContain('http(s)');
    const notUrl = await cs.post('/api/notifications/webhooks', { url: 12 });
    expect(notUrl.status).toBe(400);
    const badStatus = await cs.get('/api/notifications/deliveries?status=lost');
    expect(badStatus.status).toBe(400);
    const clerk = await sys.login('clerk');
    expect((await clerk.get('/api/notifications/deliveries')).status).toBe(403);
  });
});
