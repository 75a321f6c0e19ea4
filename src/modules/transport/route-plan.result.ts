import { type Lang, t } from '../../platform/i18n/i18n';
import {
  DEMAND_DIMENSIONS,
  type DemandDimension,
  type UnassignedReason,
  type VrpProblem,
  type VrpSolution,
} from '../../solvers/vrp';
import {
  clockOf,
  DEFAULT_COST_PER_KM_FEN,
  isApproximate,
  type LocationPrecision,
  type RoutePlan,
  type RoutePlanStop,
} from './route-plan.schemas';

export type Loads = Record<DemandDimension, number>;

export interface RoutePlanResultStop {
  id: string;
  /** 1-based position on the route. */
  seq: number;
  name: string | null;
  address: string | null;
  kind: 'delivery' | 'pickup';
  /** Local times HH:MM, and the same in seconds from midnight (for charts and checks). */
  arrival: string;
  start: string;
  departure: string;
  arrivalS: number;
  startS: number;
  departureS: number;
  waitMin: number;
  /** Distance from the previous stop (or the depot), km. */
  legKm: number;
  /** What is delivered or collected here. */
  demand: Loads;
  /** On board after this stop. */
  loadAfter: Loads;
  /** The order this stop delivers (plans made from warehouse shipments). */
  orderNumber?: string;
  /** Set when the stop's point is only a district, city or province centre. */
  locationPrecision?: LocationPrecision;
}

export interface RoutePlanResultRoute {
  /** Vehicle type id, its display name, and which of that type's vehicles (1-based). */
  vehicleId: string;
  vehicleName: string;
  vehicleNo: number;
  departure: string;
  return: string;
  departureS: number;
  returnS: number;
  stops: RoutePlanResultStop[];
  /** Load when leaving the depot, and peak load per dimension (base units). */
  startLoad: Loads;
  load: Loads;
  /** Capacity per dimension (null = unlimited) and peak load's share of it. */
  capacity: Record<DemandDimension, number | null>;
  utilisationPct: Record<DemandDimension, number | null>;
  km: number;
  distanceM: number;
  durationMin: number;
  drivingMin: number;
  serviceMin: number;
  waitMin: number;
  costFen: number;
  costBreakdown: { fixedFen: number; distanceFen: number; timeFen: number };
}

export interface RoutePlanResult {
  routes: RoutePlanResultRoute[];
  unassigned: {
    id: string;
    name: string | null;
    reason: UnassignedReason;
    message: string;
    orderNumber?: string;
  }[];
  totals: {
    vehicles: number;
    km: number;
    distanceM: number;
    costFen: number;
    stops: number;
    served: number;
    unassigned: number;
    /** Vehicles used and available per vehicle type. */
    byVehicle: { vehicleId: string; used: number; available: number }[];
    /** Stops placed only at a city or province centre (their times and km are rough). */
    approximate?: number;
  };
  /** Best cost over time (one point per improvement), for a progress chart. */
  history: { elapsedMs: number; costFen: number; vehicles: number }[];
  feasible: boolean;
  iterations: number;
  elapsedMs: number;
}

/** Order number and location precision of a stop, when its plan knows them. */
const refOf = (stop: RoutePlanStop | undefined) => ({
  ...(stop?.shipment ? { orderNumber: stop.shipment.orderNumber } : {}),
  ...(stop?.locationPrecision ? { locationPrecision: stop.locationPrecision } : {}),
});

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const loads = (f: (dim: DemandDimension) => number): Loads =>
  Object.fromEntries(DEMAND_DIMENSIONS.map((d) => [d, f(d)])) as Loads;

/**
 * Routes with times, loads, utilisation, distances and costs; unassigned stops with the reason, in
 * the terms of the plan's ids. `plan` (optional) adds names and addresses.
 */
export function describeSolution(
  problem: VrpProblem,
  solution: VrpSolution,
  lang: Lang,
  feasible: boolean,
  plan?: RoutePlan,
): RoutePlanResult {
  const used = new Map<number, number>();
  const m = problem.matrix.size;
  const depotLoc = (vt: number) => problem.depots[problem.vehicleTypes[vt].startDepot].location;
  const endLoc = (vt: number) => {
    const type = problem.vehicleTypes[vt];
    return problem.depots[type.endDepot ?? type.startDepot].location;
  };
  const routes = solution.routes.map((route): RoutePlanResultRoute => {
    const type = problem.vehicleTypes[route.vehicleType];
    const source = plan?.vehicles[route.vehicleType];
    const vehicleNo = (used.get(route.vehicleType) ?? 0) + 1;
    used.set(route.vehicleType, vehicleNo);
    const demandOf = (s: number) => loads((d) => problem.stops[s].demand?.[d] ?? 0);
    const startLoad = loads((d) =>
      route.stops.reduce(
        (sum, s) => sum + (problem.stops[s].kind === 'pickup' ? 0 : (problem.stops[s].demand?.[d] ?? 0)),
        0,
      ),
    );
    const onBoard = { ...startLoad };
    let loc = depotLoc(route.vehicleType);
    let drivingS = 0;
    let serviceS = 0;
    let waitS = 0;
    const stops = route.visits.map((v, i): RoutePlanResultStop => {
      const stop = problem.stops[v.stop];
      const demand = demandOf(v.stop);
      const pickup = stop.kind === 'pickup';
      for (const d of DEMAND_DIMENSIONS) onBoard[d] += pickup ? demand[d] : -demand[d];
      const legM = problem.matrix.distances[loc * m + stop.location];
      drivingS += problem.matrix.durations[loc * m + stop.location];
      serviceS += v.departureS - v.startS;
      waitS += v.startS - v.arrivalS;
      loc = stop.location;
      const info = plan?.stops[v.stop];
      return {
        id: stop.id,
        seq: i + 1,
        name: info?.name ?? null,
        address: info?.address ?? null,
        kind: pickup ? 'pickup' : 'delivery',
        arrival: clockOf(v.arrivalS),
        start: clockOf(v.startS),
        departure: clockOf(v.departureS),
        arrivalS: v.arrivalS,
        startS: v.startS,
        departureS: v.departureS,
        waitMin: Math.round((v.startS - v.arrivalS) / 60),
        legKm: round(legM / 1000, 2),
        demand,
        loadAfter: { ...onBoard },
        ...refOf(info),
      };
    });
    drivingS += problem.matrix.durations[loc * m + endLoc(route.vehicleType)];
    const capacity = {} as Record<DemandDimension, number | null>;
    const utilisationPct = {} as Record<DemandDimension, number | null>;
    const load = {} as Loads;
    DEMAND_DIMENSIONS.forEach((dim, d) => {
      load[dim] = route.peakLoad[d] ?? 0;
      const cap = type.capacity[dim];
      capacity[dim] = cap ?? null;
      utilisationPct[dim] = cap ? round((100 * load[dim]) / cap, 1) : null;
    });
    const fixedFen = type.fixedCost ?? 0;
    const distanceFen = ((type.costPerKm ?? DEFAULT_COST_PER_KM_FEN) * route.distanceM) / 1000;
    const timeFen = ((type.costPerHour ?? 0) * route.durationS) / 3600;
    return {
      vehicleId: type.id,
      vehicleName: source?.name || type.id,
      vehicleNo,
      departure: clockOf(route.departureS),
      return: clockOf(route.returnS),
      departureS: route.departureS,
      returnS: route.returnS,
      stops,
      startLoad,
      load,
      capacity,
      utilisationPct,
      km: round(route.distanceM / 1000, 2),
      distanceM: route.distanceM,
      durationMin: Math.round(route.durationS / 60),
      drivingMin: Math.round(drivingS / 60),
      serviceMin: Math.round(serviceS / 60),
      waitMin: Math.round(waitS / 60),
      costFen: Math.round(route.cost),
      costBreakdown: {
        fixedFen: Math.round(fixedFen),
        distanceFen: Math.round(distanceFen),
        timeFen: Math.round(timeFen),
      },
    };
  });
  const unassigned = solution.unassigned.map((u) => ({
    id: problem.stops[u.stop].id,
    name: plan?.stops[u.stop]?.name ?? null,
    reason: u.reason,
    message: t(lang, `transport.unassigned.${u.reason}`),
    ...(plan?.stops[u.stop]?.shipment ? { orderNumber: plan.stops[u.stop].shipment!.orderNumber } : {}),
  }));
  return {
    routes,
    unassigned,
    totals: {
      vehicles: solution.vehicles,
      km: round(solution.distanceM / 1000, 2),
      distanceM: solution.distanceM,
      costFen: routes.reduce((s, r) => s + r.costFen, 0),
      stops: problem.stops.length,
      served: problem.stops.length - unassigned.length,
      unassigned: unassigned.length,
      byVehicle: problem.vehicleTypes.map((vt, i) => ({
        vehicleId: vt.id,
        used: used.get(i) ?? 0,
        available: vt.count ?? problem.stops.length,
      })),
      ...(plan?.stops.some((s) => s.locationPrecision)
        ? { approximate: plan.stops.filter((s) => isApproximate(s.locationPrecision)).length }
        : {}),
    },
    history: solution.history.map((h) => ({
      elapsedMs: Math.round(h.elapsedMs),
      costFen: Math.round(h.cost),
      vehicles: h.vehicles,
    })),
    feasible,
    iterations: solution.iterations,
    elapsedMs: Math.round(solution.elapsedMs),
  };
}
