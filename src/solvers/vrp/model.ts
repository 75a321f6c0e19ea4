/**
 * Public model of the route planning solver. Everything here is plain serialisable data so a solve can
 * run in a worker thread. Units: distances in metres, durations and times in seconds (from the plan's
 * time origin, e.g. midnight of the delivery day), demand in base units (g, cm³, items).
 */

/** Demand or capacity per dimension; a missing dimension is 0 on a stop and unlimited on a vehicle. */
export interface Demand {
  weightG?: number;
  volumeCm3?: number;
  items?: number;
}

export const DEMAND_DIMENSIONS = ['weightG', 'volumeCm3', 'items'] as const;
export type DemandDimension = (typeof DEMAND_DIMENSIONS)[number];

export interface Depot {
  id: string;
  /** Index into the matrix (or into `coordinates`). */
  location: number;
}

/** `[earliest, latest]` start of service, in seconds. */
export type TimeWindow = readonly [number, number];

export interface Stop {
  id: string;
  location: number;
  demand?: Demand;
  /** `delivery` (default): loaded at the start depot. `pickup`: brought back to the end depot. */
  kind?: 'delivery' | 'pickup';
  serviceS?: number;
  /** One or more disjoint windows for the start of service; none means any time within the shift. */
  timeWindows?: readonly TimeWindow[];
  /** Skills the vehicle must have (e.g. `refrigerated`). */
  skills?: readonly string[];
}

export interface VehicleType {
  id: string;
  /** Vehicles of this type available; default: as many as there are stops. */
  count?: number;
  /**
   * Every one of the `count` vehicles must drive a route (the CVRPLIB A/B/P convention "exactly k
   * routes"). The search prices each used vehicle with a bonus larger than any detour a split causes.
   */
  useAll?: boolean;
  capacity: Demand;
  fixedCost?: number;
  costPerKm?: number;
  costPerHour?: number;
  skills?: readonly string[];
  shiftStartS?: number;
  shiftEndS?: number;
  /** Maximum time from leaving the start depot to arriving at the end depot. */
  maxDurationS?: number;
  /** Index into `depots`. */
  startDepot: number;
  /** Index into `depots`; default: the start depot. */
  endDepot?: number;
}

/** A full distance (m) and duration (s) matrix, row-major, `size × size`. */
export interface Matrix {
  size: number;
  distances: ArrayLike<number>;
  durations: ArrayLike<number>;
}

export interface VrpProblem {
  depots: readonly Depot[];
  stops: readonly Stop[];
  vehicleTypes: readonly VehicleType[];
  matrix: Matrix;
  /**
   * Planar (or longitude/latitude) coordinates per matrix location, optional: only used to group
   * routes by polar sector around the depot in the search (SWAP*).
   */
  coordinates?: { x: ArrayLike<number>; y: ArrayLike<number> };
}

export interface SolveOptions {
  seed?: number;
  /** Wall-clock budget; default 10 s. */
  timeLimitMs?: number;
  /** Stop after this many genetic iterations (deterministic budget, used by tests). */
  maxIterations?: number;
  /** Stop after this many iterations without improvement of the best solution. */
  maxIterationsNoImprovement?: number;
  signal?: AbortSignal;
  onProgress?: (p: SolveProgress) => void;
  /** Clock in milliseconds; default `performance.now`. Injected so the solver itself reads no clock. */
  clock?: () => number;
  /**
   * 2: a worker thread solves with `seed + 1` beside this one and the better plan is kept (default 1).
   * The worker uses its own clock; with `maxIterations` the result is still deterministic.
   */
  threads?: 1 | 2;
  /** Tuning knobs; defaults follow HGS-CVRP. */
  params?: Partial<HgsParams>;
}

export interface HgsParams {
  /** Granular neighbourhood size. */
  granularity: number;
  minPopulation: number;
  generationSize: number;
  nbElite: number;
  nbClose: number;
  /** Target share of feasible solutions after local search. */
  targetFeasible: number;
  /** Restart the population after this many iterations without improvement. */
  restartAfter: number;
  /** Chance to repair an infeasible offspring with raised penalties. */
  repairProbability: number;
  /** Route minimisation phases when vehicles carry a fixed cost (homogeneous fleet). */
  fleetMinimisation: boolean;
  /** SWAP* between routes whose polar sectors overlap (Vidal 2022). */
  swapStar: boolean;
}

export interface SolveProgress {
  elapsedMs: number;
  iteration: number;
  cost: number;
  vehicles: number;
  feasible: boolean;
}

export type UnassignedReason =
  | 'no_vehicle_with_skills'
  | 'too_heavy_for_any_vehicle'
  | 'window_unreachable'
  | 'fleet_exhausted';

export interface RouteVisit {
  stop: number;
  arrivalS: number;
  startS: number;
  departureS: number;
}

export interface PlannedRoute {
  /** Index into `vehicleTypes`. */
  vehicleType: number;
  /** Indices into `stops`, in visiting order. */
  stops: number[];
  visits: RouteVisit[];
  departureS: number;
  returnS: number;
  distanceM: number;
  durationS: number;
  /** Peak load per dimension, aligned with `DEMAND_DIMENSIONS`. */
  peakLoad: number[];
  cost: number;
}

export interface VrpSolution {
  routes: PlannedRoute[];
  unassigned: { stop: number; reason: UnassignedReason }[];
  cost: number;
  distanceM: number;
  vehicles: number;
  iterations: number;
  elapsedMs: number;
  /** Best cost over time, one point per improvement. */
  history: { elapsedMs: number; cost: number; vehicles: number }[];
}
