import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmailMessage, setEmailProvider } from '../../src/modules/notifications';
import { listSchedules } from '../../src/platform/jobs';
import type { Agent, TestSystem } from '../helpers/system';
import {
  handSeries,
  type PlanningWorld,
  plus,
  runJob,
  startPlanningWorld,
  UNKNOWN_ID,
} from './planning-support';

let sys: TestSystem;
let planner: Agent;
let buyer: Agent;
let whmanager: Agent;
let dispatcher: Agent;
let admin: Agent;
let sh: PlanningWorld['sh'];
let bj: PlanningWorld['bj'];
let sku: PlanningWorld['sku'];
let today: string;

const mails_: EmailMessage[] = [];
setEmailProvider({
  name: 'capture',
  send: async (m) => {
    mails_.push(m);
    return { providerMessageId: String(mails_.length) };
  },
});

/** A new SKU with history in Shanghai and Beijing, no stock anywhere, and forecasts: it will run out. */
beforeAll(async () => {
  const w = await startPlanningWorld('PLN-ALERT-1');
  ({ sys, planner, buyer, whmanager, dispatcher, admin, sh, bj, sku, today } = w);
  const { first, values } = handSeries(w.yesterday);
  const dayRows = [sh, bj].flatMap((wh) =>
    values.map((qty, t) => ({ skuId: sku.id, warehouseId: wh.id, day: plus(first, t), qty })),
  );
  for (let i = 0; i < dayRows.length; i += 5000)
    expect(
      (await planner.post('/api/planning/demand', { mode: 'replace', rows: dayRows.slice(i, i + 5000) }))
        .status,
    ).toBe(200);
  const policy = await planner.put(`/api/planning/policies/${sku.id}/${sh.id}`, {
    serviceLevel: 0.95,
    leadTimeDays: 4,
    leadTimeSdDays: 1,
    reviewPeriodDays: 5,
    moq: 0,
    packSize: 1,
    orderingCostFen: 5000,
    holdingRate: 0.25,
    unitCostFen: 1000,
    version: 0,
  });
  expect(policy.status, policy.text).toBe(200);
  await runJob(planner, '/api/planning/runs', {
    skuIds: [sku.id],
    warehouseIds: [sh.id, bj.id],
    horizon: 30,
  });
}, 240_000);
afterAll(async () => sys?.close());

describe('planning: alerts', () => {
  it('raises a stock-out alert, publishes it, and lets the warehouse acknowledge it', async () => {
    const list = await planner.get(
      `/api/planning/alerts?skuId=${sku.id}&warehouseId=${sh.id}&kind=stockout_risk`,
    );
    expect(list.status, list.text).toBe(200);
    expect(list.body.items).toHaveLength(1);
    const alert = list.body.items[0];
    expect(alert).toMatchObject({
      severity: 'critical',
      status: 'open',
      params: { date: today, daysLeft: 0 },
    });
    expect(alert.message).toContain(today);
    const { rows } = await sql<{ n: number }>`
      select count(*)::int n from platform.outbox_event
      where topic = 'planning.alert_raised' and payload->>'alertId' = ${alert.id}`.execute(sys.database.db);
    expect(rows[0].n).toBe(1);

    const ack = await whmanager.post(`/api/planning/alerts/${alert.id}/acknowledge`, {
      note: 'buyer called the supplier',
    });
    expect(ack.status, ack.text).toBe(200);
    expect(ack.body).toMatchObject({ status: 'acknowledged', ackNote: 'buyer called the supplier' });
    const twice = await whmanager.post(`/api/planning/alerts/${alert.id}/acknowledge`, {});
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('planning.alert.not_open');

    // The warehouse manager of Shanghai neither sees nor acknowledges Beijing's alerts.
    const bjAlert = (await planner.get(`/api/planning/alerts?skuId=${sku.id}&warehouseId=${bj.id}`)).body
      .items[0];
    expect(bjAlert).toBeTruthy();
    expect((await whmanager.post(`/api/planning/alerts/${bjAlert.id}/acknowledge`, {})).status).toBe(404);
    expect((await whmanager.get(`/api/planning/alerts?warehouseId=${bj.id}`)).body.items).toEqual([]);
  });

  it('tells the planners of the warehouse in their inbox and by e-mail, and nobody else', async () => {
    const alerts = (await planner.get(`/api/planning/alerts?skuId=${sku.id}&kind=stockout_risk`)).body
      .items as Array<{ id: string; warehouseId: string }>;
    const shAlert = alerts.find((a) => a.warehouseId === sh.id)!;
    const bjAlert = alerts.find((a) => a.warehouseId === bj.id)!;
    const linkOf = (alertId: string) => {
      const a = alerts.find((x) => x.id === alertId)!;
      return `/planning/alerts?kind=stockout_risk&warehouseId=${a.warehouseId}&skuId=${sku.id}`;
    };
    const noticeOf = async (agent: Agent, alertId: string) => {
      const res = await agent.get('/api/me/inbox?limit=500');
      expect(res.status, res.text).toBe(200);
      return (
        res.body.items as Array<{
          id: string;
          link: string;
          title: string;
          body: string;
          severity: string;
          readAt: string | null;
        }>
      ).find((n) => n.link === linkOf(alertId));
    };
    let notice: Awaited<ReturnType<typeof noticeOf>>;
    for (let i = 0; i < 300 && !notice; i++) {
      notice = await noticeOf(whmanager, shAlert.id);
      if (!notice) await new Promise((r) => setTimeout(r, 100));
    }
    expect(notice, 'the Shanghai warehouse manager is told').toBeTruthy();
    expect(notice!.severity).toBe('critical');
    expect(notice!.title).toContain(sku.code);
    expect(notice!.title).toContain('Critical');
    expect(notice!.body).toContain('stock-out');
    // The logistics manager hears of both warehouses; Shanghai's manager not of Beijing; a dispatcher of neither.
    for (let i = 0; i < 300 && !(await noticeOf(planner, bjAlert.id)); i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(await noticeOf(planner, bjAlert.id)).toBeTruthy();
    expect(await noticeOf(whmanager, bjAlert.id)).toBeUndefined();
    expect(await noticeOf(dispatcher, shAlert.id)).toBeUndefined();
    expect((await dispatcher.get('/api/me/inbox/summary')).body).toEqual({ unread: 0, critical: 0 });
    // Critical notices also go out by e-mail, one per recipient, to the user's own address.
    const { rows: mails } = await sql<{ n: number }>`
      select count(*)::int n from notifications.delivery d
      join notifications.staff_message m on m.event_id = d.event_id and m.user_id = d.user_id
      where d.channel = 'email' and m.link = ${linkOf(shAlert.id)}`.execute(sys.database.db);
    const { rows: inboxes } = await sql<{ n: number }>`
      select count(*)::int n from notifications.staff_message where link = ${linkOf(shAlert.id)}`.execute(
      sys.database.db,
    );
    expect(inboxes[0].n).toBeGreaterThanOrEqual(2);
    expect(mails[0].n).toBe(inboxes[0].n);
    // …and are sent to the user's own address, in the user's language, with the link to act on.
    const mailOf = () =>
      mails_.find((m) => m.to === 'whmanager@wayline.demo' && m.subject.includes(sku.code));
    // Wait for this alert's mail, not just any mail to the manager (demo alerts may come first).
    for (let i = 0; i < 300 && !mailOf(); i++) await new Promise((r) => setTimeout(r, 100));
    const mail = mailOf();
    expect(mail, 'e-mail to the Shanghai warehouse manager').toBeTruthy();
    expect(mail!.text).toContain(linkOf(shAlert.id));
    expect(mails_.some((m) => m.to === 'dispatcher@wayline.demo')).toBe(false);

    const before = (await whmanager.get('/api/me/inbox/summary')).body;
    expect(before.critical).toBeGreaterThanOrEqual(1);
    const read = await whmanager.post(`/api/me/inbox/${notice!.id}/read`, {});
    expect(read.status, read.text).toBe(200);
    expect(read.body.readAt).toBeTruthy();
    const after = (await whmanager.get('/api/me/inbox/summary')).body;
    expect(after.unread).toBe(before.unread - 1);
    expect(
      (await whmanager.get('/api/me/inbox?unread=true&limit=500')).body.items.map(
        (n: { id: string }) => n.id,
      ),
    ).not.toContain(notice!.id);
    // Someone else's notice cannot be touched.
    const theirs = await noticeOf(planner, shAlert.id);
    expect((await whmanager.post(`/api/me/inbox/${theirs!.id}/read`, {})).status).toBe(404);
    expect((await whmanager.post('/api/me/inbox/read-all', {})).status).toBe(200);
    expect((await whmanager.get('/api/me/inbox/summary')).body.unread).toBe(0);
    expect((await planner.get('/api/me/inbox/summary')).body.unread).toBeGreaterThanOrEqual(2);
  });

  it('resolves the stock-out once stock arrives, and flags the overstock instead', async () => {
    const admin = await sys.login('admin');
    const zones = (await admin.get('/api/inventory/warehouses')).body.items.find(
      (w: { id: string }) => w.id === sh.id,
    ).zones;
    const ambient = zones.find((z: { storageClass: string }) => z.storageClass === 'ambient');
    const bins = (
      await admin.get(`/api/inventory/bins?warehouseId=${sh.id}&zoneId=${ambient.id}&kind=pick_face&limit=1`)
    ).body.items;
    const received = await admin.post('/api/inventory/receipts', {
      skuId: sku.id,
      binId: bins[0].id,
      qty: 6000,
    });
    expect(received.status, received.text).toBe(201);
    await runJob(planner, '/api/planning/reviews', { skuIds: [sku.id], warehouseIds: [sh.id] });
    const resolved = await planner.get(
      `/api/planning/alerts?skuId=${sku.id}&warehouseId=${sh.id}&status=resolved`,
    );
    expect(resolved.body.items.map((a: { kind: string }) => a.kind)).toContain('stockout_risk');
    const open = (await planner.get(`/api/planning/alerts?skuId=${sku.id}&warehouseId=${sh.id}`)).body.items;
    expect(open.map((a: { kind: string }) => a.kind)).toEqual(['overstock']);
    expect(open[0].params.coverDays).toBeGreaterThan(120);
    expect(open[0].params.excessValueFen).toBe(open[0].params.excess * 1000);
  });

  it('the daily review is scheduled every morning and finds near-expiry lots and slow movers', async () => {
    const schedules = await listSchedules(sys.database.db);
    expect(schedules).toContainEqual(
      expect.objectContaining({ kind: 'planning.review', atLocalTime: '06:30', enabled: true }),
    );
    const result = await runJob(planner, '/api/planning/reviews', {});
    expect(result.review.series).toBeGreaterThan(100);
    const expiring = (await planner.get('/api/planning/alerts?kind=near_expiry&limit=200')).body.items;
    expect(expiring.length).toBeGreaterThan(0);
    for (const a of expiring.filter((x: { severity: string }) => x.severity === 'critical'))
      expect(a.params.daysLeft).toBeLessThan(0);
    expect(expiring[0].lotId).toBeTruthy();
    const slow = (await planner.get('/api/planning/alerts?kind=slow_mover&limit=200')).body.items;
    expect(slow.length).toBeGreaterThan(0);
    for (const a of slow) expect(a.params.idleDays === null || a.params.idleDays >= 60).toBe(true);
    const counts = (await planner.get('/api/planning/alerts/counts')).body;
    expect(counts.some((c: { kind: string }) => c.kind === 'near_expiry')).toBe(true);
  });
});

describe('planning: permissions, scope and bad input', () => {
  it('checks permissions and warehouse scope', async () => {
    expect((await sys.anonymous().get('/api/planning/suggestions')).status).toBe(401);
    expect((await dispatcher.get('/api/planning/alerts')).status).toBe(403);
    expect((await whmanager.post('/api/planning/runs', {})).status).toBe(403);
    expect(
      (await whmanager.post(`/api/planning/suggestions/${UNKNOWN_ID}/decision`, { action: 'accept' })).status,
    ).toBe(403);
    const mine = (await whmanager.get('/api/planning/suggestions?limit=500')).body.items;
    expect(mine.some((s: { skuId: string }) => s.skuId === sku.id)).toBe(true);
    expect(mine.every((s: { warehouseId: string }) => s.warehouseId === sh.id)).toBe(true);
    const all = (await planner.get(`/api/planning/suggestions?skuId=${sku.id}`)).body.items;
    expect(all.map((s: { warehouseId: string }) => s.warehouseId).sort()).toEqual([sh.id, bj.id].sort());

    // A planner scoped to Beijing sees the Beijing half only.
    const role = await admin.post('/api/org/roles', {
      code: 'planner_bj_t',
      nameZh: '北京计划员',
      nameEn: 'Beijing planner',
      warehouseScoped: true,
      permissions: ['planning.forecast.read'],
    });
    expect(role.status, role.text).toBe(201);
    const user = await admin.post('/api/org/users', {
      username: 'plannerbj',
      displayName: '北京计划员',
      password: 'Planner1234pass',
      roleCodes: ['planner_bj_t'],
      warehouseIds: [bj.id],
    });
    expect(user.status, user.text).toBe(201);
    const bjPlanner = await sys.login('plannerbj', 'Planner1234pass');
    const seen = (await bjPlanner.get(`/api/planning/suggestions?skuId=${sku.id}`)).body.items;
    expect(seen.map((s: { warehouseId: string }) => s.warehouseId)).toEqual([bj.id]);
    const alerts = (await bjPlanner.get(`/api/planning/alerts?skuId=${sku.id}`)).body.items;
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a: { warehouseId: string }) => a.warehouseId === bj.id)).toBe(true);
    expect((await bjPlanner.get(`/api/planning/series/${sku.id}/${sh.id}`)).status).toBe(404);
    expect((await whmanager.get(`/api/planning/series/${sku.id}/${bj.id}`)).status).toBe(404);
    expect((await whmanager.get(`/api/planning/series/${sku.id}/${sh.id}`)).status).toBe(200);
    const scopedSeries = (await whmanager.get('/api/planning/series?limit=500')).body.items;
    expect(scopedSeries.every((s: { warehouseId: string }) => s.warehouseId === sh.id)).toBe(true);
  });

  it('answers bad input with problem+json and field issues, never a 500', async () => {
    const horizon = await planner.post('/api/planning/runs', { horizon: 0 });
    expect(horizon.status).toBe(400);
    expect(horizon.headers['content-type']).toContain('application/problem+json');
    expect(horizon.body.issues.map((i: { field: string }) => i.field)).toContain('body.horizon');
    const nothing = await planner.post('/api/planning/runs', {
      skuIds: ['0190a0a0-0000-7000-8000-000000000001'],
    });
    expect(nothing.status).toBe(422);
    expect(nothing.body.code).toBe('planning.run.nothing_selected');
    const dates = await planner.post('/api/planning/promotions', {
      name: 'x',
      startDay: '2026-05-02',
      endDay: '2026-05-01',
    });
    expect(dates.status).toBe(400);
    expect(dates.body.issues[0].field).toBe('body.endDay');
    const level = await planner.put(`/api/planning/policies/${sku.id}/${sh.id}`, {
      serviceLevel: 1.2,
      leadTimeDays: 1,
      leadTimeSdDays: 0,
      reviewPeriodDays: 1,
      moq: 0,
      packSize: 1,
      orderingCostFen: 0,
      holdingRate: 0.2,
      unitCostFen: null,
    });
    expect(level.status).toBe(400);
    expect(level.body.issues.map((i: { field: string }) => i.field)).toContain('body.serviceLevel');
    const stale = await planner.put(`/api/planning/policies/${sku.id}/${sh.id}`, {
      serviceLevel: 0.9,
      leadTimeDays: 1,
      leadTimeSdDays: 0,
      reviewPeriodDays: 1,
      moq: 0,
      packSize: 1,
      orderingCostFen: 0,
      holdingRate: 0.2,
      unitCostFen: null,
      version: 0,
    });
    expect(stale.status).toBe(409);
    expect((await planner.get('/api/planning/calendar?from=2026-13-01&to=2026-12-31')).status).toBe(400);

    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            name: fc.oneof(fc.string(), fc.integer()),
            startDay: fc.oneof(fc.constant('2026-06-01'), fc.string()),
            endDay: fc.oneof(fc.constant('2026-06-03'), fc.string(), fc.constant(null)),
            skuIds: fc.oneof(fc.constant(null), fc.array(fc.uuid()), fc.string()),
            expectedUplift: fc.oneof(fc.double(), fc.constant(null)),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const res = await planner.post('/api/planning/promotions', body);
          expect(res.status).toBeLessThan(500);
          if (res.status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
        },
      ),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            action: fc.string(),
            qty: fc.oneof(fc.integer(), fc.double()),
            orderBy: fc.string(),
            reason: fc.string(),
          },
          { requiredKeys: [] },
        ),
        async (body) => {
          const res = await buyer.post(`/api/planning/suggestions/${UNKNOWN_ID}/decision`, body);
          expect(res.status).toBeLessThan(500);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('shows the retail calendar with the lunar festivals and promotions', async () => {
    const year = today.slice(0, 4);
    planner.lang = 'zh-CN';
    const nov = (await planner.get(`/api/planning/calendar?from=${year}-11-01&to=${year}-11-30`)).body;
    expect(nov).toContainEqual(
      expect.objectContaining({
        event: 'double11',
        kind: 'retail',
        label: '双十一',
        startDay: `${year}-11-08`,
        endDay: `${year}-11-12`,
      }),
    );
    const spring = (await planner.get(`/api/planning/calendar?from=${year}-01-01&to=${year}-03-31`)).body;
    expect(spring.some((e: { event: string }) => e.event === 'spring_festival')).toBe(true);
    planner.lang = 'en';
  });
});
