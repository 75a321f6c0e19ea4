import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDemoPlan } from '../../src/modules/transport';
import { expectFeasible, startPlan, waitForPlan } from '../helpers/route-plans';
import { type Agent, startTestSystem, type TestSystem } from '../helpers/system';

let sys: TestSystem;
let dispatcher: Agent;
beforeAll(async () => {
  sys = await startTestSystem();
  dispatcher = await sys.login('dispatcher');
  dispatcher.lang = 'en';
});
afterAll(async () => sys?.close());

const depot = { lat: 31.23, lon: 121.47 };
const stop = (id: string, dLat: number, dLon: number, weightG: number) => ({
  id,
  name: `Shop ${id}`,
  lat: depot.lat + dLat,
  lon: depot.lon + dLon,
  weightG,
  serviceMin: 10,
  windows: [{ from: '08:00', to: '18:00' }],
});
const plan = {
  depot,
  stops: [
    stop('S1', 0.02, 0.01, 400_000),
    stop('S2', 0.03, 0.02, 400_000),
    stop('S3', -0.02, -0.01, 400_000),
    stop('S4', -0.03, -0.02, 400_000),
    stop('HEAVY', 0.01, -0.01, 2_000_000),
    { ...stop('COLD', 0.015, 0.015, 50_000), skills: ['refrigerated'] },
    { ...stop('DAWN', 0.01, 0.02, 10_000), windows: [{ from: '05:00', to: '05:30' }] },
  ],
  vehicles: [
    {
      id: 'van-1t',
      name: '1 t van',
      count: 3,
      capacityWeightG: 1_000_000,
      fixedCostFen: 10_000,
      costPerKmFen: 200,
      costPerHourFen: 3_000,
      shiftStart: '07:00',
      shiftEnd: '20:00',
    },
  ],
  timeLimitSeconds: 1,
  seed: 1,
};

describe('route planning through the API', () => {
  it('splits by capacity, reports each unservable stop with its reason, and passes the checker', async () => {
    const started = await startPlan(dispatcher, plan);
    expect(started.kind).toBe('transport.route_plan');
    expect(started.routePlan.number).toMatch(/^RP\d{14}$/);
    const detail = await waitForPlan(dispatcher, started.routePlan.id);
    expect(detail.status, JSON.stringify(detail.error)).toBe('succeeded');
    const result = detail.result;

    // The job carries the same result as the plan.
    const job = await dispatcher.get(`/api/jobs/${started.id}`);
    expect(job.body.status).toBe('succeeded');
    expect(job.body.result.totals).toEqual(result.totals);

    expect(result.feasible).toBe(true);
    expect(result.routes).toHaveLength(2);
    const visited = result.routes
      .flatMap((r: { stops: { id: string }[] }) => r.stops.map((s) => s.id))
      .sort();
    expect(visited).toEqual(['S1', 'S2', 'S3', 'S4']);
    for (const route of result.routes) {
      expect(route.vehicleId).toBe('van-1t');
      expect(route.vehicleName).toBe('1 t van');
      expect(route.load.weightG).toBe(800_000);
      expect(route.startLoad.weightG).toBe(800_000);
      expect(route.capacity).toEqual({ weightG: 1_000_000, volumeCm3: null, items: null });
      expect(route.utilisationPct.weightG).toBe(80);
      expect(route.utilisationPct.volumeCm3).toBeNull();
      expect(route.km).toBeGreaterThan(0);
      expect(Math.abs(route.distanceM / 1000 - route.km)).toBeLessThan(0.01);
      expect(route.departure >= '07:00' && route.return <= '20:00').toBe(true);
      // Goods leave the van stop by stop.
      expect(route.stops.map((s: { loadAfter: { weightG: number } }) => s.loadAfter.weightG)).toEqual([
        400_000, 0,
      ]);
      expect(route.stops.map((s: { seq: number }) => s.seq)).toEqual([1, 2]);
      expect(route.stops[0].name).toMatch(/^Shop S/);
      expect(route.serviceMin).toBe(20);
      // Cost = fixed + per km + per hour, in fen.
      const b = route.costBreakdown;
      expect(b.fixedFen).toBe(10_000);
      expect(b.distanceFen).toBe(Math.round((200 * route.distanceM) / 1000));
      expect(Math.abs(b.fixedFen + b.distanceFen + b.timeFen - route.costFen)).toBeLessThanOrEqual(1);
    }
    const reasons = Object.fromEntries(
      result.unassigned.map((u: { id: string; reason: string }) => [u.id, u.reason]),
    );
    expect(reasons).toEqual({
      HEAVY: 'too_heavy_for_any_vehicle',
      COLD: 'no_vehicle_with_skills',
      DAWN: 'window_unreachable',
    });
    expect(result.unassigned.find((u: { id: string }) => u.id === 'HEAVY').message).toMatch(/capacity/);
    expect(result.totals).toMatchObject({ vehicles: 2, stops: 7, served: 4, unassigned: 3 });
    expect(result.totals.byVehicle).toEqual([{ vehicleId: 'van-1t', used: 2, available: 3 }]);
    expect(result.totals.costFen).toBe(
      result.routes.reduce((s: number, r: { costFen: number }) => s + r.costFen, 0),
    );

    // The best-cost series: in the result, and the same in the plan's progress.
    expect(result.history.length).toBeGreaterThan(0);
    const costs = result.history.map((h: { costFen: number }) => h.costFen);
    expect([...costs].sort((a, b) => b - a)).toEqual(costs);
    expect(detail.progressSeries).toEqual(result.history);
    expect(detail.progress).toBe(1);

    await expectFeasible(detail.plan, result);
  });

  it('plans the Shanghai demo day: every route feasible, cold goods on refrigerated trucks', async () => {
    const warehouses = await dispatcher.get('/api/inventory/warehouses');
    const whSh = warehouses.body.items.find((w: { code: string }) => w.code === 'WH-SH');
    const demo = await dispatcher.get('/api/route-plans/demo');
    expect(demo.status, demo.text).toBe(200);
    expect(demo.body.warehouseId).toBe(whSh.id);
    // The endpoint serves the same deterministic data the tests use (only the date is today's).
    expect(demo.body.stops).toEqual(shanghaiDemoPlan().stops);
    expect(demo.body.stops.length).toBeGreaterThanOrEqual(60);

    const started = await startPlan(dispatcher, { ...demo.body, depot: undefined, timeLimitSeconds: 3 });
    const detail = await waitForPlan(dispatcher, started.routePlan.id);
    expect(detail.status, JSON.stringify(detail.error)).toBe('succeeded');
    expect(detail.warehouseCode).toBe('WH-SH');
    // The depot was taken from the warehouse.
    expect(detail.plan.depot).toMatchObject({ lat: whSh.latitude, lon: whSh.longitude });
    const { result } = detail;
    await expectFeasible(detail.plan, result);
    const cold = new Set(
      demo.body.stops
        .filter((s: { skills?: string[] }) => s.skills?.includes('refrigerated'))
        .map((s: { id: string }) => s.id),
    );
    expect(cold.size).toBeGreaterThan(5);
    for (const route of result.routes) {
      const carriesCold = route.stops.some((s: { id: string }) => cold.has(s.id));
      if (carriesCold) expect(route.vehicleId).toBe('reefer-4.2m');
      for (const d of ['weightG', 'volumeCm3', 'items'])
        expect(route.utilisationPct[d]).toBeLessThanOrEqual(100);
    }
    // Only the oversize pallet order is left, with its reason.
    expect(result.unassigned.map((u: { id: string; reason: string }) => [u.id, u.reason])).toEqual([
      ['SH-061', 'too_heavy_for_any_vehicle'],
    ]);
    expect(result.totals.served).toBe(60);
  });

  it('follows a running plan by server-sent events with the best-cost series, then ends', async () => {
    const started = await startPlan(dispatcher, { ...plan, timeLimitSeconds: 2 });
    const res = await dispatcher.get(`/api/route-plans/${started.routePlan.id}/events`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/event-stream');
    const events = res.text
      .split('\n\n')
      .filter((block) => block.startsWith('event:'))
      .map((block) => ({
        event: /^event: (\w+)/.exec(block)![1],
        data: JSON.parse(/\ndata: (.*)$/s.exec(block)![1]),
      }));
    expect(events.at(-1)!.event).toBe('end');
    expect(events.at(-1)!.data.status).toBe('succeeded');
    expect(events.at(-1)!.data.series.length).toBeGreaterThan(0);
    expect(events.some((e) => e.event === 'progress' && ['queued', 'running'].includes(e.data.status))).toBe(
      true,
    );
    const progress = await dispatcher.get(`/api/route-plans/${started.routePlan.id}/progress`);
    expect(progress.body).toEqual(events.at(-1)!.data);
  });

  it('finishes early with the best plan so far, or cancels without keeping one', async () => {
    const long = { ...shanghaiDemoPlan({ stops: 40 }), timeLimitSeconds: 60 };
    const a = await startPlan(dispatcher, long);
    const until = Date.now() + 30_000;
    let finished = await dispatcher.post(`/api/route-plans/${a.routePlan.id}/finish`);
    while (finished.status === 409 && Date.now() < until) {
      // Not running yet: the job runner picks it up within a second.
      await new Promise((r) => setTimeout(r, 200));
      finished = await dispatcher.post(`/api/route-plans/${a.routePlan.id}/finish`);
    }
    expect(finished.status, finished.text).toBe(200);
    expect(finished.body.stopRequested).toBe(true);
    const done = await waitForPlan(dispatcher, a.routePlan.id, 20_000);
    expect(done.status).toBe('succeeded');
    expect(done.result.elapsedMs).toBeLessThan(30_000);
    await expectFeasible(done.plan, done.result);

    const b = await startPlan(dispatcher, long);
    const cancelled = await dispatcher.post(`/api/route-plans/${b.routePlan.id}/cancel`);
    expect(cancelled.status, cancelled.text).toBe(200);
    const end = await waitForPlan(dispatcher, b.routePlan.id, 20_000);
    expect(end.status).toBe('cancelled');
    expect(end.result).toBeNull();
    const again = await dispatcher.post(`/api/route-plans/${b.routePlan.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('transport.route_plan.not_running');

    const audit = await (await sys.login('admin')).get(`/api/audit?entityId=${b.routePlan.id}`);
    expect(audit.body.items.map((i: { action: string }) => i.action).sort()).toEqual(['cancel', 'create']);
  });

  it('is refused without transport.route_plan.run', async () => {
    const clerk = await sys.login('clerk');
    expect((await clerk.post('/api/route-plans', plan)).status).toBe(403);
    expect((await clerk.get('/api/route-plans')).status).toBe(403);
    const driver = await sys.login('driver');
    expect((await driver.post('/api/route-plans', plan)).status).toBe(403);
    expect((await driver.get('/api/route-plans')).status).toBe(200);
  });

  it('rejects bad input with localised field issues', async () => {
    const bad = await dispatcher.post('/api/route-plans', {
      depot,
      stops: [
        { ...stop('A', 0.01, 0.01, 1000), windows: [{ from: '24:60', to: '10:00' }] },
        { ...stop('A', 0.02, 0.01, 1000), windows: [{ from: '12:00', to: '09:00' }] },
        { id: 'NOWHERE', weightG: 1000 },
      ],
      vehicles: [],
      timeLimitSeconds: 0,
    });
    expect(bad.status).toBe(400);
    expect(String(bad.headers['content-type'])).toContain('application/problem+json');
    const issues = bad.body.issues as { field: string; code: string; message: string }[];
    const codes = issues.map((i) => `${i.field} ${i.code}`);
    expect(codes).toEqual(
      expect.arrayContaining([
        'body.stops.0.windows.0.from transport.invalid_time',
        'body.vehicles too_small',
        'body.timeLimitSeconds too_small',
      ]),
    );
    expect(issues.find((i) => i.code === 'transport.invalid_time')?.message).toMatch(/HH:MM/);

    const semantic = await dispatcher.post('/api/route-plans', {
      stops: [stop('A', 0.01, 0.01, 1000), stop('A', 0.02, 0.01, 1000), { id: 'NOWHERE', weightG: 1 }],
      vehicles: [{ id: 'v', count: 1, shiftStart: '18:00', shiftEnd: '08:00' }],
    });
    expect(semantic.status).toBe(400);
    const semanticCodes = semantic.body.issues.map(
      (i: { field: string; code: string }) => `${i.field} ${i.code}`,
    );
    expect(semanticCodes).toEqual(
      expect.arrayContaining([
        'body.stops.1.id transport.duplicate_stop_id',
        'body.stops.2.lat transport.coordinate_missing',
        'body.vehicles.0.shiftEnd transport.shift_order',
        'body.depot transport.depot_missing',
      ]),
    );

    const unknownWarehouse = await dispatcher.post('/api/route-plans', {
      ...plan,
      depot: undefined,
      warehouseId: '00000000-0000-7000-8000-000000000000',
    });
    expect(unknownWarehouse.status).toBe(422);
    expect(unknownWarehouse.body.issues[0].field).toBe('body.warehouseId');
    expect((await dispatcher.get('/api/route-plans/not-a-uuid')).status).toBe(400);
    expect((await dispatcher.get('/api/route-plans/00000000-0000-7000-8000-000000000000')).status).toBe(404);
  });
});
