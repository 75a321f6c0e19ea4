import { sql } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { fixedClock, type TestClock } from '../../src/platform/time/clock';
import { type Agent, startTestSystem, type TestSystem } from './system';

export const HOUR = 3_600_000;

export interface ColdChainFixture {
  sys: TestSystem;
  admin: Agent;
  /** 2026-12-02 00:00 in Shanghai at the start; tests move it in whole days. */
  clock: TestClock;
  wh: { id: string; zones: Array<{ id: string; storageClass: string }> };
  /** Bin ids of the test warehouse by storage class (ambient, chilled). */
  bins: Record<string, string[]>;
  /** The test's own SKUs: MILK (chilled, no minimum shelf life), YOGURT (chilled, 5 days), DRY (ambient). */
  skus: Record<string, { id: string; code: string }>;
  iso(msFromNow: number): string;
  /** The business day (Asia/Shanghai) `offsetDays` from the clock. */
  dayOf(offsetDays: number): string;
  zoneOf(storageClass: string): string;
  waitForJob(agent: Agent, id: string): Promise<any>;
  stockOf(skuId: string): Promise<
    Array<{
      lotCode: string | null;
      status: string;
      onHand: number;
      reserved: number;
      binId: string;
      lotId: string | null;
    }>
  >;
  /** Payloads of the outbox events of a topic, oldest first. */
  events(topic: string): Promise<any[]>;
  scopedUser(role: string, username: string, warehouseCode: string): Promise<Agent>;
}

/**
 * Expiry, cold chain and incident tests run in a warehouse of their own (WH-CC: ambient, chilled and
 * frozen zones, so the demo stock does not interfere) with SKUs of their own, on a clock standing at
 * 00:00 in Shanghai — the 00:30 daily expiry run fires only when a test moves the clock there.
 */
export function coldChainFixture(): ColdChainFixture {
  const clock = fixedClock('2026-12-01T16:00:00Z');
  const f = { clock, bins: {}, skus: {} } as ColdChainFixture;
  f.iso = (ms) => new Date(clock.now().getTime() + ms).toISOString();
  f.dayOf = (days) =>
    new Date(clock.now().getTime() + 8 * HOUR + days * 24 * HOUR).toISOString().slice(0, 10);
  f.zoneOf = (cls) => f.wh.zones.find((z) => z.storageClass === cls)!.id;
  f.waitForJob = async (agent, id) => {
    for (let i = 0; i < 400; i++) {
      const job = (await agent.get(`/api/jobs/${id}`)).body;
      if (['succeeded', 'failed', 'cancelled'].includes(job.status)) return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`job ${id} did not finish`);
  };
  f.stockOf = async (skuId) =>
    (await f.admin.get(`/api/inventory/stock?skuId=${skuId}&warehouseId=${f.wh.id}&limit=100`)).body.items;
  f.events = async (topic) => {
    const { rows } = await sql<{ payload: any }>`
      select payload from platform.outbox_event where topic = ${topic} order by created_at`.execute(
      f.sys.database.db,
    );
    return rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload));
  };
  f.scopedUser = async (role, username, warehouseCode) => {
    const warehouses = (await f.admin.get('/api/inventory/warehouses')).body.items;
    const target = warehouses.find((w: { code: string }) => w.code === warehouseCode);
    const res = await f.admin.post('/api/org/users', {
      username,
      displayName: username,
      password: 'Cold1234pass',
      roleCodes: [role],
      warehouseIds: [target.id],
    });
    expect(res.status, res.text).toBe(201);
    return f.sys.login(username, 'Cold1234pass');
  };

  beforeAll(async () => {
    f.sys = await startTestSystem({ now: clock.now, env: { WAYLINE_SESSION_HOURS: '2000' } });
    f.admin = await f.sys.login('admin');
    const zone = (code: string, storageClass: string, tempMinDc: number, tempMaxDc: number) => ({
      code,
      nameZh: code,
      nameEn: code,
      storageClass,
      tempMinDc,
      tempMaxDc,
    });
    const created = await f.admin.post('/api/inventory/warehouses', {
      code: 'WH-CC',
      nameZh: '冷链测试仓',
      nameEn: 'Cold chain test DC',
      city: '上海',
      address: '测试路 1 号',
      zones: [
        zone('CC-A', 'ambient', 50, 300),
        zone('CC-C', 'chilled', 0, 40),
        zone('CC-F', 'frozen', -250, -180),
      ],
    });
    expect(created.status, created.text).toBe(201);
    f.wh = created.body;
    for (const cls of ['ambient', 'chilled']) {
      const made = await f.admin.post('/api/inventory/bins/bulk', {
        warehouseId: f.wh.id,
        zoneId: f.zoneOf(cls),
        aisles: [cls === 'ambient' ? 'A' : 'C'],
        bays: 2,
        levels: 1,
        positions: 2,
      });
      expect(made.status, made.text).toBe(201);
      f.bins[cls] = made.body.items.map((b: { id: string }) => b.id);
    }
    const merchantId = (await f.admin.get('/api/org/merchants')).body.items[0].id;
    const sku = async (key: string, body: Record<string, unknown>) => {
      const res = await f.admin.post('/api/catalog/skus', {
        code: `CC-${key}`,
        nameZh: key,
        unit: 'each',
        weightG: 500,
        lengthMm: 100,
        widthMm: 100,
        heightMm: 100,
        merchantId,
        ...body,
      });
      expect(res.status, res.text).toBe(201);
      f.skus[key] = res.body;
    };
    await sku('MILK', { storageClass: 'chilled', shelfLifeDays: 10, minRemainingShelfLifeDays: 0 });
    await sku('YOGURT', { storageClass: 'chilled', shelfLifeDays: 20, minRemainingShelfLifeDays: 5 });
    await sku('DRY', { storageClass: 'ambient' });
  });
  afterAll(async () => f.sys?.close());
  return f;
}
