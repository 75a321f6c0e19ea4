import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkSolution } from './feasibility';
import { cvrpProblem, parseCvrplib, parseSol } from './formats/cvrplib';
import { parseSolomon, solomonProblem } from './formats/solomon';
import { haversineMatrixProvider, planarMatrix } from './matrix';
import type { PlannedRoute, Stop, VehicleType, VrpProblem, VrpSolution } from './model';
import { solveVrp } from './solve';

const line = (n: number) =>
  planarMatrix(
    Array.from({ length: n }, (_, i) => i * 10),
    Array.from({ length: n }, () => 0),
  );
const vehicle = (over: Partial<VehicleType> = {}): VehicleType => ({
  id: 'v',
  capacity: { weightG: 100 },
  costPerKm: 1000,
  startDepot: 0,
  ...over,
});
const problem = (stops: Stop[], types: VehicleType[], size = 8): VrpProblem => ({
  depots: [{ id: 'd', location: 0 }],
  stops,
  vehicleTypes: types,
  matrix: line(size),
});
const solve = async (p: VrpProblem) => {
  const s = await solveVrp(p, { seed: 1, maxIterations: 100 });
  expect(checkSolution(p, s).errors).toEqual([]);
  return s;
};

describe('fleet use', () => {
  it('useAll: every vehicle drives, even when fewer routes would be shorter', async () => {
    const stops = [1, 2, 3, 4, 5].map((k) => ({ id: `s${k}`, location: k, demand: { weightG: 10 } }));
    const free = await solve(problem(stops, [vehicle({ count: 3 })]));
    expect(free.routes).toHaveLength(1);
    const p = problem(stops, [vehicle({ count: 3, useAll: true })]);
    const s = await solve(p);
    expect(s.routes).toHaveLength(3);
    expect(s.unassigned).toEqual([]);
    // the checker rejects a plan that leaves a vehicle idle
    expect(checkSolution(p, free).errors.join()).toMatch(/all 3 vehicles must be used/);
  });
});

describe('unassigned stops come back with a reason', () => {
  it('too heavy, no skill, window unreachable', async () => {
    const p = problem(
      [
        { id: 'ok', location: 1, demand: { weightG: 10 } },
        { id: 'heavy', location: 2, demand: { weightG: 500 } },
        { id: 'cold', location: 3, skills: ['refrigerated'] },
        { id: 'late', location: 7, timeWindows: [[0, 5]] },
      ],
      [vehicle({ shiftStartS: 0, shiftEndS: 1000 })],
    );
    const s = await solve(p);
    expect(s.unassigned).toEqual([
      { stop: 1, reason: 'too_heavy_for_any_vehicle' },
      { stop: 2, reason: 'no_vehicle_with_skills' },
      { stop: 3, reason: 'window_unreachable' },
    ]);
    expect(s.routes.map((r) => r.stops)).toEqual([[0]]);
  });

  it('fleet exhausted: more demand than the whole fleet carries', async () => {
    const stops = [1, 2, 3, 4].map((k) => ({ id: `s${k}`, location: k, demand: { weightG: 60 } }));
    const s = await solve(problem(stops, [vehicle({ count: 2 })]));
    expect(s.routes).toHaveLength(2);
    expect(s.unassigned.map((u) => u.reason)).toEqual(['fleet_exhausted', 'fleet_exhausted']);
  });
});

describe('constraints', () => {
  it('capacity in several dimensions: volume binds although weight does not', async () => {
    const stops = [1, 2, 3, 4].map((k) => ({
      id: `s${k}`,
      location: k,
      demand: { weightG: 1, volumeCm3: 60, items: 1 },
    }));
    const s = await solve(
      problem(stops, [vehicle({ capacity: { weightG: 100, volumeCm3: 120, items: 10 } })]),
    );
    expect(s.routes).toHaveLength(2);
    for (const r of s.routes) expect(r.peakLoad[1]).toBeLessThanOrEqual(120);
  });

  it('skills: refrigerated stops ride the refrigerated type', async () => {
    const stops: Stop[] = [1, 2, 3, 4, 5, 6].map((k) => ({
      id: `s${k}`,
      location: k,
      demand: { weightG: 10 },
      skills: k % 2 === 0 ? ['refrigerated'] : [],
    }));
    const p = problem(stops, [
      vehicle({ id: 'van' }),
      vehicle({ id: 'reefer', skills: ['refrigerated'], count: 1, fixedCost: 50 }),
    ]);
    const s = await solve(p);
    expect(s.unassigned).toEqual([]);
    for (const r of s.routes) {
      if (r.stops.some((k) => k % 2 === 1)) expect(r.vehicleType).toBe(1);
    }
  });

  it('pickups and deliveries: the peak load counts both', async () => {
    const stops: Stop[] = [
      { id: 'd1', location: 1, demand: { weightG: 80 } },
      { id: 'p1', location: 2, demand: { weightG: 80 }, kind: 'pickup' },
    ];
    const s = await solve(problem(stops, [vehicle()]));
    expect(s.routes).toHaveLength(1);
    expect(s.routes[0].stops).toEqual([0, 1]);
  });

  it('several time windows per stop, shift and maximum duration', async () => {
    const stops: Stop[] = [
      {
        id: 'a',
        location: 3,
        serviceS: 5,
        timeWindows: [
          [0, 10],
          [200, 260],
        ],
      },
      { id: 'b', location: 5, serviceS: 5, timeWindows: [[100, 120]] },
    ];
    const p = problem(stops, [vehicle({ shiftStartS: 0, shiftEndS: 400, maxDurationS: 300 })]);
    const s = await solve(p);
    expect(s.unassigned).toEqual([]);
    expect(s.routes.flatMap((r) => r.stops).sort()).toEqual([0, 1]);
  });
});

describe('independent checker', () => {
  const p = problem(
    [{ id: 'a', location: 1, demand: { weightG: 150 }, timeWindows: [[0, 5]] }],
    [vehicle({ count: 1 })],
  );
  const route: PlannedRoute = {
    vehicleType: 0,
    stops: [0, 0],
    visits: [],
    departureS: 0,
    returnS: 0,
    distanceM: 40,
    durationS: 0,
    peakLoad: [],
    cost: 0,
  };
  const solution: VrpSolution = {
    routes: [route],
    unassigned: [],
    cost: 0,
    distanceM: 40,
    vehicles: 1,
    iterations: 0,
    elapsedMs: 0,
    history: [],
  };
  it('reports overload, late arrival and a stop served twice', () => {
    const r = checkSolution(p, solution);
    expect(r.feasible).toBe(false);
    expect(r.errors.join('\n')).toMatch(/weightG load 300/);
    expect(r.errors.join('\n')).toMatch(/after its time windows/);
    expect(r.errors.join('\n')).toMatch(/appears 2 times/);
  });
});

describe('matrix and formats', () => {
  it('haversine provider: Shanghai to Beijing ≈ 1068 km × circuity', async () => {
    const m = await haversineMatrixProvider({ circuityFactor: 1, speedKmh: 60 }).matrix([
      { lat: 31.2304, lon: 121.4737 },
      { lat: 39.9042, lon: 116.4074 },
    ]);
    expect(m.distances[1] / 1000).toBeGreaterThan(1060);
    expect(m.distances[1] / 1000).toBeLessThan(1075);
    expect(m.durations[1]).toBeCloseTo(m.distances[1] / (60 / 3.6), -1);
  });

  const data = '../shared/benchmarks/vrp';
  it.skipIf(!fs.existsSync(`${data}/solomon/C101.txt`))(
    'Solomon C101: the shipped solution is feasible and costs the BKS',
    () => {
      const p = solomonProblem(parseSolomon(fs.readFileSync(`${data}/solomon/C101.txt`, 'utf8')), {
        rounding: 'exact',
      });
      const sol = parseSol(fs.readFileSync(`${data}/solomon/C101.sol`, 'utf8'));
      const r = checkSolution(p, asSolution(p, sol.routes));
      expect(r.errors).toEqual([]);
      expect(r.distance).toBeCloseTo(828.94, 2);
    },
  );
  it.skipIf(!fs.existsSync(`${data}/cvrplib/A/A-n32-k5.vrp`))(
    'CVRPLIB A-n32-k5: the shipped solution costs 784',
    () => {
      const p = cvrpProblem(parseCvrplib(fs.readFileSync(`${data}/cvrplib/A/A-n32-k5.vrp`, 'utf8')), {
        vehicles: 5,
      });
      const sol = parseSol(fs.readFileSync(`${data}/cvrplib/A/A-n32-k5.sol`, 'utf8'));
      const r = checkSolution(p, asSolution(p, sol.routes));
      expect(r.errors).toEqual([]);
      expect(r.distance).toBe(784);
    },
  );
});

/** Routes of customers (1-based) as a solution departing at the shift start. */
const asSolution = (p: VrpProblem, routes: number[][]): VrpSolution => {
  let total = 0;
  const planned = routes.map((customers) => {
    const stops = customers.map((c) => c - 1);
    let at = 0;
    let d = 0;
    for (const s of stops) {
      d += p.matrix.distances[at * p.matrix.size + p.stops[s].location];
      at = p.stops[s].location;
    }
    d += p.matrix.distances[at * p.matrix.size];
    total += d;
    return {
      vehicleType: 0,
      stops,
      visits: [],
      departureS: p.vehicleTypes[0].shiftStartS ?? 0,
      returnS: 0,
      distanceM: d,
      durationS: 0,
      peakLoad: [],
      cost: d,
    };
  });
  return {
    routes: planned,
    unassigned: [],
    cost: total,
    distanceM: total,
    vehicles: planned.length,
    iterations: 0,
    elapsedMs: 0,
    history: [],
  };
};
