/** CVRPLIB / TSPLIB `.vrp` (EUC_2D, one depot) and `.sol` (`Route #k: c1 c2 …`, `Cost v`) formats. */
import { planarMatrix } from '../matrix';
import type { VrpProblem } from '../model';
import { type Rounding, roundingFn } from './rounding';

export interface CvrpInstance {
  name: string;
  capacity: number;
  /** Node 0 is the depot (TSPLIB ids renumbered from 0, depot first). */
  x: number[];
  y: number[];
  demand: number[];
}

export const parseCvrplib = (text: string): CvrpInstance => {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  const header = new Map<string, string>();
  const coords = new Map<number, [number, number]>();
  const demands = new Map<number, number>();
  const depots: number[] = [];
  let section = '';
  for (const line of lines) {
    if (line === '' || line === 'EOF') continue;
    const kv = /^([A-Z_]+)\s*:\s*(.*)$/.exec(line);
    if (kv) {
      header.set(kv[1], kv[2].trim());
      continue;
    }
    if (/^[A-Z_]+$/.test(line)) {
      section = line;
      continue;
    }
    const f = line.split(/\s+/).map(Number);
    if (section === 'NODE_COORD_SECTION') coords.set(f[0], [f[1], f[2]]);
    else if (section === 'DEMAND_SECTION') demands.set(f[0], f[1]);
    else if (section === 'DEPOT_SECTION' && f[0] >= 0) depots.push(f[0]);
  }
  if (header.get('EDGE_WEIGHT_TYPE') && header.get('EDGE_WEIGHT_TYPE') !== 'EUC_2D') {
    throw new Error(`cvrplib: unsupported EDGE_WEIGHT_TYPE ${header.get('EDGE_WEIGHT_TYPE')}`);
  }
  const depot = depots[0] ?? 1;
  const ids = [depot, ...[...coords.keys()].filter((id) => id !== depot).sort((a, b) => a - b)];
  return {
    name: header.get('NAME') ?? '',
    capacity: Number(header.get('CAPACITY')),
    x: ids.map((id) => coords.get(id)![0]),
    y: ids.map((id) => coords.get(id)![1]),
    demand: ids.map((id) => demands.get(id) ?? 0),
  };
};

/**
 * Stop k is customer k + 1 (as in `.sol` files); `vehicles` undefined = unlimited fleet; `exactFleet`:
 * every vehicle drives (A/B/P BKS use exactly k routes).
 */
export const cvrpProblem = (
  c: CvrpInstance,
  options: { rounding?: Rounding; vehicles?: number; exactFleet?: boolean } = {},
): VrpProblem => ({
  depots: [{ id: 'depot', location: 0 }],
  stops: c.x
    .slice(1)
    .map((_, k) => ({ id: String(k + 1), location: k + 1, demand: { items: c.demand[k + 1] } })),
  vehicleTypes: [
    {
      id: 'vehicle',
      count: options.vehicles,
      useAll: options.exactFleet === true && options.vehicles !== undefined,
      capacity: { items: c.capacity },
      costPerKm: 1000,
      startDepot: 0,
    },
  ],
  coordinates: { x: c.x, y: c.y },
  matrix: planarMatrix(c.x, c.y, roundingFn(options.rounding ?? 'nint')),
});

/** The `k` of a name like `A-n32-k5` (minimum routes / fleet for A, B, P). */
export const fleetFromName = (name: string): number | undefined => {
  const m = /-k(\d+)/.exec(name);
  return m ? Number(m[1]) : undefined;
};

export interface ParsedSolution {
  routes: number[][];
  cost: number | undefined;
}

export const parseSol = (text: string): ParsedSolution => {
  const routes: number[][] = [];
  let cost: number | undefined;
  for (const line of text.split(/\r?\n/)) {
    const r = /^Route\s*#\d+\s*:(.*)$/i.exec(line.trim());
    if (r) routes.push(r[1].trim().split(/\s+/).filter(Boolean).map(Number));
    const c = /^Cost\s+([-\d.eE+]+)/i.exec(line.trim());
    if (c) cost = Number(c[1]);
  }
  return { routes, cost };
};
