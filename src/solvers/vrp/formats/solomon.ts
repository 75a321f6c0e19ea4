/** Solomon VRPTW text format: name, VEHICLE NUMBER/CAPACITY, then CUST NO. X Y DEMAND READY DUE SERVICE rows. */
import { planarMatrix } from '../matrix';
import type { VrpProblem } from '../model';
import { type Rounding, roundingFn } from './rounding';

export interface SolomonInstance {
  name: string;
  vehicles: number;
  capacity: number;
  /** Row 0 is the depot. */
  x: number[];
  y: number[];
  demand: number[];
  ready: number[];
  due: number[];
  service: number[];
}

export const parseSolomon = (text: string): SolomonInstance => {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const name = lines.find((l) => l.length > 0) ?? '';
  const vIdx = lines.findIndex((l) => /^VEHICLE/i.test(l));
  const [vehicles, capacity] = lines[vIdx + 2].split(/\s+/).map(Number);
  const inst: SolomonInstance = {
    name,
    vehicles,
    capacity,
    x: [],
    y: [],
    demand: [],
    ready: [],
    due: [],
    service: [],
  };
  const cIdx = lines.findIndex((l) => /^CUSTOMER/i.test(l));
  for (const line of lines.slice(cIdx + 1)) {
    const f = line.split(/\s+/).map(Number);
    if (f.length < 7 || f.some(Number.isNaN)) continue;
    inst.x.push(f[1]);
    inst.y.push(f[2]);
    inst.demand.push(f[3]);
    inst.ready.push(f[4]);
    inst.due.push(f[5]);
    inst.service.push(f[6]);
  }
  if (inst.x.length < 2) throw new Error(`solomon: no customers in ${name}`);
  return inst;
};

export interface SolomonProblemOptions {
  rounding: Rounding;
  /** Fixed cost per vehicle: large for the hierarchical objective (vehicles first), 0 for distance only. */
  fixedCost?: number;
}

/** Stop k is customer k + 1 (CUST_NO); location 0 is the depot; cost = distance. */
export const solomonProblem = (s: SolomonInstance, options: SolomonProblemOptions): VrpProblem => ({
  depots: [{ id: 'depot', location: 0 }],
  stops: s.x.slice(1).map((_, k) => ({
    id: String(k + 1),
    location: k + 1,
    demand: { items: s.demand[k + 1] },
    serviceS: s.service[k + 1],
    timeWindows: [[s.ready[k + 1], s.due[k + 1]]],
  })),
  vehicleTypes: [
    {
      id: 'vehicle',
      count: s.vehicles,
      capacity: { items: s.capacity },
      fixedCost: options.fixedCost ?? 0,
      costPerKm: 1000,
      shiftStartS: s.ready[0],
      shiftEndS: s.due[0],
      startDepot: 0,
    },
  ],
  coordinates: { x: s.x, y: s.y },
  matrix: planarMatrix(s.x, s.y, roundingFn(options.rounding)),
});
