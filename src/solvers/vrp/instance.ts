/**
 * Compiles a public `VrpProblem` into the solver's flat, typed-array instance, and sets aside the stops
 * no vehicle could ever serve (with the reason). Internal node ids: clients 0..n-1, depots n..n+d-1.
 */
import { DEMAND_DIMENSIONS, type Demand, type UnassignedReason, type VrpProblem } from './model';

export interface Instance {
  /** Clients (servable stops). */
  n: number;
  /** Nodes: clients then depots. */
  m: number;
  dims: number;
  /** Which public dimensions the internal ones are (indices into DEMAND_DIMENSIONS). */
  dimIndex: number[];
  /** Internal client → index into problem.stops. */
  stopOf: Int32Array;
  dist: Float64Array;
  dur: Float64Array;
  delivery: Float64Array;
  pickup: Float64Array;
  service: Float64Array;
  /** Hull of the windows (earliest open, latest close). */
  twEarly: Float64Array;
  twLate: Float64Array;
  /** Windows of clients with more than one, flattened `[a0, b0, a1, b1, …]`; null for single-window. */
  windows: (Float64Array | null)[];
  hasMultiWindows: boolean;
  /** Polar angle of each client around the first vehicle type's start depot, in [0, 65536); null without coordinates. */
  angle: Int32Array | null;
  skillMask: Int32Array;
  /** Vehicle types. */
  nTypes: number;
  capacity: Float64Array;
  fixedCost: Float64Array;
  /** Cost of leaving a vehicle of the type unused: 0, or a penalty above any detour when `useAll`. */
  emptyCost: Float64Array;
  costDist: Float64Array;
  costDur: Float64Array;
  typeSkills: Int32Array;
  shiftStart: Float64Array;
  shiftEnd: Float64Array;
  maxDuration: Float64Array;
  startNode: Int32Array;
  endNode: Int32Array;
  /** Vehicle slots (routes), each of a type. */
  nSlots: number;
  slotType: Int32Array;
}

export interface Compiled {
  inst: Instance;
  unassigned: { stop: number; reason: UnassignedReason }[];
}

const amount = (d: Demand | undefined, k: (typeof DEMAND_DIMENSIONS)[number]) => d?.[k] ?? 0;

export const compileProblem = (problem: VrpProblem): Compiled => {
  const { stops, vehicleTypes: types, depots, matrix } = problem;
  const skillIds = new Map<string, number>();
  const maskOf = (skills: readonly string[] | undefined) => {
    let mask = 0;
    for (const s of skills ?? []) {
      if (!skillIds.has(s)) skillIds.set(s, skillIds.size);
      const bit = skillIds.get(s)!;
      if (bit > 30) throw new Error('vrp: at most 31 distinct skills');
      mask |= 1 << bit;
    }
    return mask;
  };
  const typeMask = types.map((t) => maskOf(t.skills));
  const dimIndex = DEMAND_DIMENSIONS.map((_, i) => i).filter(
    (i) =>
      stops.some((s) => amount(s.demand, DEMAND_DIMENSIONS[i]) > 0) ||
      types.some((t) => t.capacity[DEMAND_DIMENSIONS[i]] !== undefined),
  );
  if (dimIndex.length === 0) dimIndex.push(0);
  const dims = dimIndex.length;
  const cap = (t: number, d: number) =>
    types[t].capacity[DEMAND_DIMENSIONS[dimIndex[d]]] ?? Number.POSITIVE_INFINITY;
  const md = (a: number, b: number) => matrix.distances[a * matrix.size + b];
  const mt = (a: number, b: number) => matrix.durations[a * matrix.size + b];
  const shift = (t: number) => [types[t].shiftStartS ?? 0, types[t].shiftEndS ?? Number.POSITIVE_INFINITY];

  const unassigned: Compiled['unassigned'] = [];
  const kept: number[] = [];
  for (let i = 0; i < stops.length; i++) {
    const s = stops[i];
    const need = maskOf(s.skills);
    const bySkill = types.map((_, t) => (need & ~typeMask[t]) === 0);
    if (!bySkill.some(Boolean)) {
      unassigned.push({ stop: i, reason: 'no_vehicle_with_skills' });
      continue;
    }
    const byLoad = bySkill.map(
      (ok, t) => ok && dimIndex.every((k, d) => amount(s.demand, DEMAND_DIMENSIONS[k]) <= cap(t, d)),
    );
    if (!byLoad.some(Boolean)) {
      unassigned.push({ stop: i, reason: 'too_heavy_for_any_vehicle' });
      continue;
    }
    const reachable = byLoad.some((ok, t) => {
      if (!ok || (types[t].count ?? 1) <= 0) return false;
      const vt = types[t];
      const [a, b] = shift(t);
      const from = depots[vt.startDepot].location;
      const to = depots[vt.endDepot ?? vt.startDepot].location;
      const arrive = a + mt(from, s.location);
      const service = s.serviceS ?? 0;
      const windows = s.timeWindows?.length ? s.timeWindows : [[a, b] as const];
      return windows.some(([e, l]) => {
        const start = Math.max(arrive, e);
        if (start > l) return false;
        const back = start + service + mt(s.location, to);
        const duration = mt(from, s.location) + service + mt(s.location, to);
        return back <= b && duration <= (vt.maxDurationS ?? Number.POSITIVE_INFINITY);
      });
    });
    if (!reachable) {
      unassigned.push({ stop: i, reason: 'window_unreachable' });
      continue;
    }
    kept.push(i);
  }

  const n = kept.length;
  const m = n + depots.length;
  const loc = new Int32Array(m);
  kept.forEach((s, c) => {
    loc[c] = stops[s].location;
  });
  depots.forEach((d, k) => {
    loc[n + k] = d.location;
  });
  const dist = new Float64Array(m * m);
  const dur = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      dist[i * m + j] = md(loc[i], loc[j]);
      dur[i * m + j] = mt(loc[i], loc[j]);
    }
  }
  const delivery = new Float64Array(n * dims);
  const pickup = new Float64Array(n * dims);
  const service = new Float64Array(m);
  const twEarly = new Float64Array(m).fill(Number.NEGATIVE_INFINITY);
  const twLate = new Float64Array(m).fill(Number.POSITIVE_INFINITY);
  const windows: (Float64Array | null)[] = [];
  const skillMask = new Int32Array(n);
  kept.forEach((si, c) => {
    const s = stops[si];
    const target = s.kind === 'pickup' ? pickup : delivery;
    dimIndex.forEach((k, d) => {
      target[c * dims + d] = amount(s.demand, DEMAND_DIMENSIONS[k]);
    });
    service[c] = s.serviceS ?? 0;
    const w = [...(s.timeWindows ?? [])].sort((x, y) => x[0] - y[0]);
    if (w.length > 0) {
      twEarly[c] = w[0][0];
      twLate[c] = Math.max(...w.map((x) => x[1]));
    }
    windows.push(w.length > 1 ? Float64Array.from(w.flat()) : null);
    skillMask[c] = maskOf(s.skills);
  });

  const nTypes = types.length;
  // "use every vehicle": an unused vehicle costs above the largest detour splitting a route can cost
  let maxDist = 0;
  let maxDur = 0;
  for (let k = 0; k < m * m; k++) {
    if (Number.isFinite(dist[k])) maxDist = Math.max(maxDist, dist[k]);
    if (Number.isFinite(dur[k])) maxDur = Math.max(maxDur, dur[k]);
  }
  const allVehiclesBonus = (t: number) =>
    ((types[t].costPerKm ?? 1) / 1000) * 2 * maxDist + ((types[t].costPerHour ?? 0) / 3600) * 2 * maxDur + 1;
  const capacity = new Float64Array(nTypes * dims);
  for (let t = 0; t < nTypes; t++) for (let d = 0; d < dims; d++) capacity[t * dims + d] = cap(t, d);
  const slotTypes: number[] = [];
  types.forEach((t, k) => {
    const count = Math.min(t.count ?? Math.max(n, 1), Math.max(n, 1));
    for (let i = 0; i < count; i++) slotTypes.push(k);
  });
  return {
    inst: {
      n,
      m,
      dims,
      dimIndex,
      stopOf: Int32Array.from(kept),
      dist,
      dur,
      delivery,
      pickup,
      service,
      twEarly,
      twLate,
      windows,
      hasMultiWindows: windows.some((w) => w !== null),
      angle: polarAngles(problem, kept),
      skillMask,
      nTypes,
      capacity,
      fixedCost: Float64Array.from(types, (t) => t.fixedCost ?? 0),
      emptyCost: Float64Array.from(types, (t, k) => (t.useAll ? allVehiclesBonus(k) : 0)),
      costDist: Float64Array.from(types, (t) => (t.costPerKm ?? 1) / 1000),
      costDur: Float64Array.from(types, (t) => (t.costPerHour ?? 0) / 3600),
      typeSkills: Int32Array.from(typeMask),
      shiftStart: Float64Array.from(types, (_, t) => shift(t)[0]),
      shiftEnd: Float64Array.from(types, (_, t) => shift(t)[1]),
      maxDuration: Float64Array.from(types, (t) => t.maxDurationS ?? Number.POSITIVE_INFINITY),
      startNode: Int32Array.from(types, (t) => n + t.startDepot),
      endNode: Int32Array.from(types, (t) => n + (t.endDepot ?? t.startDepot)),
      nSlots: slotTypes.length,
      slotType: Int32Array.from(slotTypes),
    },
    unassigned,
  };
};

const polarAngles = (problem: VrpProblem, kept: number[]): Int32Array | null => {
  const xy = problem.coordinates;
  const vt = problem.vehicleTypes[0];
  if (xy === undefined || vt === undefined) return null;
  const d = problem.depots[vt.startDepot].location;
  return Int32Array.from(kept, (s) => {
    const l = problem.stops[s].location;
    const a = Math.round((32768 * Math.atan2(xy.y[l] - xy.y[d], xy.x[l] - xy.x[d])) / Math.PI);
    return ((a % 65536) + 65536) % 65536;
  });
};
