import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf-text';
import { downloadAs, expectFeasible, waitForPlan } from '../helpers/route-plans';
import { type Agent, startTestSystem, type TestSystem } from '../helpers/system';
import { type ShipmentsWorld, shipmentsWorld } from './route-plans-shipments.support';

/**
 * Route planning from a warehouse's shipments of the day: orders taken through the order desk and
 * the warehouse (picked, packed, checked and released at the gate) become the stops of a plan —
 * exactly the packed ones of that warehouse — with their parcels, windows, cold-chain needs and
 * order references, and every solution passes the independent feasibility checker.
 */
let sys: TestSystem;
let s: ShipmentsWorld;
let dispatcher: Agent;

beforeAll(async () => {
  sys = await startTestSystem();
  s = await shipmentsWorld(sys);
  dispatcher = await sys.login('dispatcher');
  dispatcher.lang = 'en';
});
afterAll(async () => {
  await s?.dispatcher.stop();
  await sys?.close();
});

const fleet = [
  {
    id: 'van',
    name: '4.2 m van',
    count: 3,
    capacityWeightG: 1_500_000,
    capacityVolumeCm3: 12_000_000,
    fixedCostFen: 20_000,
    costPerKmFen: 250,
    shiftStart: '07:00',
    shiftEnd: '23:00',
  },
  {
    id: 'reefer',
    name: 'Reefer',
    count: 1,
    capacityWeightG: 1_000_000,
    fixedCostFen: 30_000,
    costPerKmFen: 300,
    skills: ['refrigerated'],
    shiftStart: '07:00',
    shiftEnd: '23:00',
  },
];

/** Every WH-SH document packed (still waiting) or released at the gate today, from the warehouse API. */
async function readyInShanghai(): Promise<Set<string>> {
  const ids = new Set<string>();
  for (const status of ['packed', 'shipped']) {
    const page = await s.w.admin.get(
      `/api/warehouse/outbounds?warehouseId=${s.sh}&status=${status}&limit=500`,
    );
    expect(page.status, page.text).toBe(200);
    for (const d of page.body.items) ids.add(d.id);
  }
  return ids;
}

const planCount = async () => (await dispatcher.get('/api/route-plans?limit=100')).body.items.length;

describe('stops from a warehouse’s shipments', () => {
  it('previews exactly the packed and released shipments of the warehouse, with parcels, windows and cold chain', async () => {
    const res = await dispatcher.get(`/api/route-plans/shipments?warehouse=WH-SH&day=${s.day}`);
    expect(res.status, res.text).toBe(200);
    const p = res.body;
    expect(p.warehouse).toMatchObject({ code: 'WH-SH', id: s.sh });
    expect(p.day).toBe(s.day);
    const byOutbound = new Map(p.items.map((i: any) => [i.stop.shipment.outboundId, i]));
    // Exactly the warehouse's ready documents: ours, and no unpacked or Beijing one.
    expect(new Set(byOutbound.keys())).toEqual(await readyInShanghai());
    for (const key of ['xuhui', 'pudong', 'cold', 'window', 'hangzhou'] as const)
      expect(byOutbound.has(s.orders[key].outboundId), key).toBe(true);
    expect(byOutbound.has(s.orders.unpacked.outboundId)).toBe(false);
    expect(byOutbound.has(s.orders.beijing.outboundId)).toBe(false);

    const item = (key: keyof ShipmentsWorld['orders']) => byOutbound.get(s.orders[key].outboundId) as any;
    // The stop is its order: number, consignee, masked phone, parcels from the packed cartons.
    const xuhui = item('xuhui');
    const doc = (await s.w.admin.get(`/api/warehouse/outbounds/${s.orders.xuhui.outboundId}`)).body;
    expect(xuhui.stop).toMatchObject({
      id: s.orders.xuhui.number,
      name: '周晓梅',
      contact: `${s.orders.xuhui.phone.slice(0, 3)}****${s.orders.xuhui.phone.slice(7)}`,
      lat: 31.19,
      lon: 121.44,
      locationPrecision: 'district',
      items: doc.packages.length,
      serviceMin: 10,
      shipment: {
        orderId: s.orders.xuhui.id,
        orderNumber: s.orders.xuhui.number,
        outboundId: s.orders.xuhui.outboundId,
        demandSource: 'parcels',
      },
    });
    expect(xuhui.stop.weightG).toBe(
      doc.packages.reduce((sum: number, pk: any) => sum + (pk.weightG ?? pk.computedWeightG), 0),
    );
    expect(xuhui.stop.volumeCm3).toBeGreaterThan(0);
    expect(xuhui.stop.skills).toBeUndefined();
    expect(xuhui.outboundStatus).toBe('packed');
    expect(JSON.stringify(p)).not.toContain(s.orders.xuhui.phone);
    // Released at the gate today: still a stop, checked.
    expect(item('pudong')).toMatchObject({ outboundStatus: 'shipped', gateChecked: true });
    // Cold chain needs a refrigerated vehicle; the window is the order's, in local time.
    expect(item('cold').stop.skills).toEqual(['refrigerated']);
    expect(item('window').stop.windows).toEqual([{ from: '14:00', to: '18:00' }]);
    // Hangzhou's district has no centre in the table: the city's point, flagged approximate.
    expect(item('hangzhou').stop.locationPrecision).toBe('city');
    expect(item('hangzhou').distanceKm).toBeGreaterThan(100);

    const ours = p.items.filter((i: any) => Object.values(s.orders).some((o) => o.number === i.stop.id));
    expect(ours).toHaveLength(5);
    expect(p.summary).toMatchObject({ stops: p.items.length, excluded: 0 });
    expect(p.summary.coldChain).toBe(
      p.items.filter((i: any) => i.stop.skills?.includes('refrigerated')).length,
    );
    expect(p.summary.approximate).toBe(
      p.items.filter((i: any) => ['city', 'province'].includes(i.stop.locationPrecision)).length,
    );
    expect(p.summary.approximate).toBeGreaterThanOrEqual(1);
    expect(p.summary.weightG).toBe(p.items.reduce((sum: number, i: any) => sum + i.stop.weightG, 0));
    expect(p.fleet.source).toBe('default');
    expect(p.fleet.vehicles.map((v: any) => v.id)).toEqual(['box-4.2m', 'reefer-4.2m']);
  });

  it('adds documents not packed yet on request, with weight and size estimated from the SKUs', async () => {
    const res = await dispatcher.get(
      `/api/route-plans/shipments?warehouse=wh-sh&day=${s.day}&includeUnpacked=true&serviceMin=15`,
    );
    expect(res.status, res.text).toBe(200);
    const unpacked = res.body.items.find(
      (i: any) => i.stop.shipment.outboundId === s.orders.unpacked.outboundId,
    );
    expect(unpacked.stop.shipment.demandSource).toBe('estimate');
    expect(unpacked.stop.serviceMin).toBe(15);
    // Three units of 800 g in a carton: more than the goods alone.
    expect(unpacked.stop.weightG).toBeGreaterThan(3 * 800);
    expect(unpacked.stop.items).toBeGreaterThanOrEqual(1);
    expect(res.body.summary.estimated).toBeGreaterThanOrEqual(1);
  });

  it('plans them: cold-chain stops only on refrigerated vehicles, order references kept, checker passes', async () => {
    const before = await readyInShanghai();
    const started = await dispatcher.post('/api/route-plans', {
      shipments: { warehouse: 'WH-SH', day: s.day },
      vehicles: fleet,
      timeLimitSeconds: 2,
      seed: 7,
    });
    expect(started.status, started.text).toBe(202);
    expect(started.body.shipments).toMatchObject({ warehouseCode: 'WH-SH', day: s.day, stops: before.size });
    const detail = await waitForPlan(dispatcher, started.body.routePlan.id);
    expect(detail.status, JSON.stringify(detail.error)).toBe('succeeded');
    expect(detail).toMatchObject({ source: 'shipments', warehouseCode: 'WH-SH', deliveryDate: s.day });
    expect(detail.plan.stops).toHaveLength(before.size);
    expect(new Set(detail.plan.stops.map((x: any) => x.shipment.outboundId))).toEqual(before);
    const { problem } = await expectFeasible(detail.plan, detail.result);
    expect(problem.stops).toHaveLength(before.size);

    const result = detail.result;
    const reefer = new Set(
      result.routes
        .filter((r: any) => r.vehicleId === 'reefer')
        .flatMap((r: any) => r.stops.map((x: any) => x.id)),
    );
    const coldStops = detail.plan.stops.filter((x: any) => x.skills?.includes('refrigerated'));
    expect(coldStops.map((x: any) => x.id)).toContain(s.orders.cold.number);
    for (const c of coldStops) {
      const unassigned = result.unassigned.find((u: any) => u.id === c.id);
      expect(unassigned || reefer.has(c.id), c.id).toBeTruthy();
    }
    expect(reefer.has(s.orders.cold.number)).toBe(true);
    // The result names each stop's order and flags approximate points.
    const visited = result.routes.flatMap((r: any) => r.stops);
    const hz = [...visited, ...result.unassigned].find((x: any) => x.id === s.orders.hangzhou.number);
    expect(hz.orderNumber).toBe(s.orders.hangzhou.number);
    const xuhui = visited.find((x: any) => x.id === s.orders.xuhui.number);
    expect(xuhui).toMatchObject({ orderNumber: s.orders.xuhui.number, locationPrecision: 'district' });
    expect(result.totals.approximate).toBeGreaterThanOrEqual(1);
    const windowStop = visited.find((x: any) => x.id === s.orders.window.number);
    expect(windowStop.startS).toBeGreaterThanOrEqual(14 * 3600);
    expect(windowStop.startS).toBeLessThanOrEqual(18 * 3600);

    // The route sheet shows order numbers and consignee names, phones masked.
    const pdf = await downloadAs(sys, 'dispatcher', `/api/route-plans/${detail.id}/sheets?format=pdf`);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.body);
    const o = s.orders.xuhui;
    expect(text).toContain(o.number);
    expect(text).toContain(o.consignee);
    expect(text).toContain(`${o.phone.slice(0, 3)}****${o.phone.slice(7)}`);
    expect(text).not.toContain(o.phone);

    // They are on a plan of the day now: a second plan finds nothing, the preview says why.
    const again = await dispatcher.post('/api/route-plans', {
      shipments: { warehouse: 'WH-SH', day: s.day },
      vehicles: fleet,
      timeLimitSeconds: 1,
    });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('transport.no_shipments');
    const preview = (await dispatcher.get(`/api/route-plans/shipments?warehouse=WH-SH&day=${s.day}`)).body;
    expect(preview.items).toEqual([]);
    expect(preview.excluded).toContainEqual(
      expect.objectContaining({
        outboundId: s.orders.xuhui.outboundId,
        reason: 'already_planned',
        planNumber: detail.number,
        message: `already on route plan ${detail.number}`,
      }),
    );
    // Two dispatchers at once for the rest of the day's work: one plans it, the other finds none left.
    const rest = {
      shipments: { warehouse: 'WH-SH', day: s.day, includeUnpacked: true },
      vehicles: fleet,
      timeLimitSeconds: 1,
    };
    const both = await Promise.all([
      dispatcher.post('/api/route-plans', rest),
      dispatcher.post('/api/route-plans', rest),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([202, 422]);
    const won = both.find((r) => r.status === 202)!;
    const lost = both.find((r) => r.status === 422)!;
    expect(lost.body.code).toBe('transport.no_shipments');
    const second = await waitForPlan(dispatcher, won.body.routePlan.id);
    expect(second.plan.stops.map((x: any) => x.shipment.outboundId)).toContain(s.orders.unpacked.outboundId);
    expect(second.plan.stops.some((x: any) => before.has(x.shipment.outboundId))).toBe(false);
    // Planning them again is a deliberate choice.
    const replan = await dispatcher.get(
      `/api/route-plans/shipments?warehouse=WH-SH&day=${s.day}&includePlanned=true`,
    );
    expect(replan.body.items).toHaveLength(before.size);
  });

  it('uses the warehouse’s saved fleet when the request gives none', async () => {
    const saved = await dispatcher.put('/api/route-plans/fleet', {
      warehouseId: s.bj,
      vehicles: [{ ...fleet[0], id: 'bj-van', count: 2 }],
      serviceMin: 12,
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ source: 'saved', serviceMin: 12 });
    const started = await dispatcher.post('/api/route-plans', {
      shipments: { warehouse: 'WH-BJ' },
      timeLimitSeconds: 1,
    });
    expect(started.status, started.text).toBe(202);
    const detail = await waitForPlan(dispatcher, started.body.routePlan.id);
    expect(detail.status, JSON.stringify(detail.error)).toBe('succeeded');
    expect(detail.plan.vehicles.map((v: any) => v.id)).toEqual(['bj-van']);
    // Only Beijing's shipment; the day defaults to today on the business clock.
    expect(detail.deliveryDate).toBe(s.day);
    expect(detail.plan.stops.map((x: any) => x.shipment.outboundId)).toContain(s.orders.beijing.outboundId);
    const shanghai = new Set(Object.values(s.orders).map((o) => o.outboundId));
    shanghai.delete(s.orders.beijing.outboundId);
    expect(detail.plan.stops.filter((x: any) => shanghai.has(x.shipment.outboundId))).toEqual([]);
    expect(detail.warehouseCode).toBe('WH-BJ');
    for (const x of detail.plan.stops) expect(x.serviceMin).toBe(12);
    await expectFeasible(detail.plan, detail.result);
  });
});

describe('bad input', () => {
  it('answers problem+json with the field and changes nothing', async () => {
    const count = await planCount();
    const post = (body: unknown) => dispatcher.post('/api/route-plans', body);

    const unknown = await post({ shipments: { warehouse: 'WH-XX' }, vehicles: fleet });
    expect(unknown.status).toBe(422);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknown.body.code).toBe('transport.warehouse_not_found');
    expect(unknown.body.issues).toEqual([expect.objectContaining({ field: 'body.shipments.warehouse' })]);

    const none = await post({ shipments: { warehouse: 'WH-GZ', day: s.day }, vehicles: fleet });
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('transport.no_shipments');
    expect(none.body.detail).toContain('WH-GZ');

    for (const day of ['2026-13-45', '25/11/2026', 'today']) {
      const bad = await post({ shipments: { warehouse: 'WH-SH', day }, vehicles: fleet });
      expect(bad.status, day).toBe(400);
      expect(bad.body.code).toBe('validation_failed');
      expect(bad.body.issues).toEqual([expect.objectContaining({ field: 'body.shipments.day' })]);
    }
    const both = await post({
      shipments: { warehouse: 'WH-SH' },
      stops: [{ id: 'A', lat: 31.2, lon: 121.4 }],
      vehicles: fleet,
    });
    expect(both.status).toBe(400);
    expect(both.body.issues).toEqual([expect.objectContaining({ field: 'body.stops' })]);
    const neither = await post({ vehicles: fleet });
    expect(neither.status).toBe(400);
    expect(neither.body.issues).toEqual([expect.objectContaining({ field: 'body.stops' })]);

    dispatcher.lang = 'zh-CN';
    const zh = await dispatcher.get('/api/route-plans/shipments?warehouse=WH-SH&day=2026-02-30');
    expect(zh.status).toBe(400);
    expect(zh.body.issues).toEqual([expect.objectContaining({ field: 'querystring.day' })]);
    const zhUnknown = await dispatcher.get('/api/route-plans/shipments?warehouse=NOPE');
    expect(zhUnknown.status).toBe(422);
    expect(zhUnknown.body.detail).toContain('NOPE');
    expect(zhUnknown.body.detail).toMatch(/仓库/);
    dispatcher.lang = 'en';

    const badFleet = await dispatcher.put('/api/route-plans/fleet', {
      warehouseId: s.sh,
      vehicles: [],
      serviceMin: 5,
    });
    expect(badFleet.status).toBe(400);
    expect(await planCount()).toBe(count);
    // Other roles: a driver reads plans but may not plan.
    const driver = await sys.login('driver');
    expect((await driver.get('/api/route-plans/shipments?warehouse=WH-SH')).status).toBe(403);
  });
});
