import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, startTestSystem, type TestSystem } from '../helpers/system';

let sys: TestSystem;
let dispatcher: Agent;
beforeAll(async () => {
  sys = await startTestSystem();
  dispatcher = await sys.login('dispatcher');
  dispatcher.lang = 'en';
});
afterAll(async () => sys?.close());

async function waitForJob(agent: Agent, id: string) {
  for (let i = 0; i < 300; i++) {
    const job = await agent.get(`/api/jobs/${id}`);
    if (['succeeded', 'failed', 'cancelled'].includes(job.body.status)) return job.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

const depot = { lat: 31.23, lon: 121.47 };
const stop = (id: string, dLat: number, dLon: number, weightG: number) => ({
  id,
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
  ],
  vehicles: [
    {
      id: 'van-1t',
      count: 3,
      capacityWeightG: 1_000_000,
      fixedCost: 100,
      costPerKm: 2,
      shiftStart: '07:00',
      shiftEnd: '20:00',
    },
  ],
  timeLimitSeconds: 1,
  seed: 1,
};

describe('route planning through the API', () => {
  it('splits by capacity into two routes and reports the stop too heavy for any vehicle', async () => {
    const started = await dispatcher.post('/api/route-plans', plan);
    expect(started.status, started.text).toBe(202);
    expect(started.body.kind).toBe('transport.route_plan');
    const job = await waitForJob(dispatcher, started.body.id);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    const result = job.result;

    expect(result.feasible).toBe(true);
    expect(result.routes).toHaveLength(2);
    const visited = result.routes
      .flatMap((r: { stops: { id: string }[] }) => r.stops.map((s) => s.id))
      .sort();
    expect(visited).toEqual(['S1', 'S2', 'S3', 'S4']);
    for (const route of result.routes) {
      expect(route.vehicleId).toBe('van-1t');
      expect(route.load.weightG).toBeLessThanOrEqual(1_000_000);
      expect(route.load.weightG).toBe(800_000);
      expect(route.utilisationPct.weightG).toBe(80);
      expect(route.utilisationPct.volumeCm3).toBeNull();
      expect(route.km).toBeGreaterThan(0);
      expect(route.departure >= '07:00').toBe(true);
      expect(route.return <= '20:00').toBe(true);
      let previous = route.departure;
      for (const s of route.stops) {
        expect(s.arrival).toMatch(/^\d\d:\d\d$/);
        expect(s.start >= '08:00' && s.start <= '18:00').toBe(true);
        expect(s.start >= s.arrival && s.departure >= s.start && s.arrival >= previous).toBe(true);
        previous = s.departure;
      }
    }
    expect(result.unassigned).toEqual([
      { id: 'HEAVY', reason: 'too_heavy_for_any_vehicle', message: expect.stringMatching(/capacity/) },
    ]);
    expect(result.totals).toMatchObject({ vehicles: 2, stops: 5, served: 4, unassigned: 1 });
    expect(result.history.length).toBeGreaterThan(0);
  });

  it('is refused without transport.route_plan.run', async () => {
    const clerk = await sys.login('clerk');
    const refused = await clerk.post('/api/route-plans', plan);
    expect(refused.status).toBe(403);
  });

  it('rejects bad input with localised field issues', async () => {
    const bad = await dispatcher.post('/api/route-plans', {
      depot,
      stops: [
        { ...stop('A', 0.01, 0.01, 1000), windows: [{ from: '25:00', to: '10:00' }] },
        { ...stop('A', 0.02, 0.01, 1000), windows: [{ from: '12:00', to: '09:00' }] },
      ],
      vehicles: [],
      timeLimitSeconds: 0,
    });
    expect(bad.status).toBe(400);
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

    const duplicate = await dispatcher.post('/api/route-plans', {
      depot,
      stops: [stop('A', 0.01, 0.01, 1000), stop('A', 0.02, 0.01, 1000)],
      vehicles: [{ id: 'v', count: 1, shiftStart: '18:00', shiftEnd: '08:00' }],
    });
    expect(duplicate.status).toBe(400);
    const dupCodes = duplicate.body.issues.map(
      (i: { field: string; code: string }) => `${i.field} ${i.code}`,
    );
    expect(dupCodes).toEqual(
      expect.arrayContaining([
        'body.stops.1.id transport.duplicate_stop_id',
        'body.vehicles.0.shiftEnd transport.shift_order',
      ]),
    );
  });
});
