import type { PlanStop, PlanVehicle, PlanWindow, ResultRoute, RoutePlanInput } from '../../api/transport';

/** The console edits in kg, m³ and yuan; the API speaks g, cm³ and fen. */
export const kgOf = (g: number | undefined) => (g === undefined ? undefined : g / 1000);
export const gOf = (kg: number | null | undefined) =>
  kg === null || kg === undefined ? undefined : Math.round(kg * 1000);
export const m3Of = (cm3: number | undefined) => (cm3 === undefined ? undefined : cm3 / 1_000_000);
export const cm3Of = (m3: number | null | undefined) =>
  m3 === null || m3 === undefined ? undefined : Math.round(m3 * 1_000_000);
export const yuanOf = (fen: number | undefined) => (fen === undefined ? undefined : fen / 100);
export const fenOf = (yuan: number | null | undefined) =>
  yuan === null || yuan === undefined ? undefined : Math.round(yuan * 100);

export const REFRIGERATED = 'refrigerated';
export const hasSkill = (skills: readonly string[] | undefined, skill = REFRIGERATED) =>
  Boolean(skills?.includes(skill));
export const withSkill = (skills: readonly string[] | undefined, on: boolean, skill = REFRIGERATED) => {
  const rest = (skills ?? []).filter((s) => s !== skill);
  const next = on ? [...rest, skill] : rest;
  return next.length ? next : undefined;
};

const CLOCK = /^(\d{1,2}):([0-5]\d)$/;

/** `08:00-10:00, 14:00-16:00` ↔ windows; null when the text is not a list of windows. */
export function parseWindows(text: string): PlanWindow[] | null {
  const parts = text
    .split(/[,，;；]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: PlanWindow[] = [];
  for (const part of parts) {
    const [from, to] = part.split(/\s*[-–~至]\s*/);
    const a = CLOCK.exec(from ?? '');
    const b = CLOCK.exec(to ?? '');
    if (!a || !b) return null;
    const pad = (m: RegExpExecArray) => `${m[1].padStart(2, '0')}:${m[2]}`;
    if (pad(a) > pad(b)) return null;
    out.push({ from: pad(a), to: pad(b) });
  }
  return out;
}

export const formatWindows = (windows: readonly PlanWindow[] | undefined) =>
  (windows ?? []).map((w) => `${w.from}-${w.to}`).join(', ');

/** Seconds from midnight → HH:MM. */
export function clockOf(seconds: number): string {
  const total = Math.round(seconds / 60);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export const formatYuan = (fen: number | null | undefined, lang: string) =>
  fen === null || fen === undefined
    ? '—'
    : `¥${new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(fen / 100)}`;

/** Distinct colours for routes (Tableau 10 + two more), cycling for larger fleets. */
export const ROUTE_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#e15759',
  '#76b7b2',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ac',
  '#1f77b4',
  '#8c564b',
];
export const routeColor = (index: number) => ROUTE_COLORS[index % ROUTE_COLORS.length];
export const routeLabel = (route: Pick<ResultRoute, 'vehicleName' | 'vehicleNo'>) =>
  `${route.vehicleName} #${route.vehicleNo}`;

export function newStop(plan: RoutePlanInput): PlanStop {
  const ids = new Set(plan.stops.map((s) => s.id));
  let n = plan.stops.length + 1;
  while (ids.has(`S${String(n).padStart(3, '0')}`)) n++;
  const depot = plan.depot ?? {};
  return plan.coordinates === 'planar'
    ? { id: `S${String(n).padStart(3, '0')}`, x: depot.x ?? 0, y: depot.y ?? 0, serviceMin: 10 }
    : { id: `S${String(n).padStart(3, '0')}`, lat: depot.lat, lon: depot.lon, serviceMin: 10 };
}

export function newVehicle(plan: RoutePlanInput): PlanVehicle {
  const ids = new Set(plan.vehicles.map((v) => v.id));
  let n = plan.vehicles.length + 1;
  while (ids.has(`type-${n}`)) n++;
  return {
    id: `type-${n}`,
    count: 2,
    capacityWeightG: 2_000_000,
    capacityVolumeCm3: 16_000_000,
    fixedCostFen: 25_000,
    costPerKmFen: 250,
    costPerHourFen: 4_000,
    shiftStart: '07:00',
    shiftEnd: '19:00',
  };
}

/** A blank plan leaving from the Shanghai DC. */
export function emptyPlan(): RoutePlanInput {
  const plan: RoutePlanInput = {
    name: '',
    coordinates: 'geo',
    depot: { lat: 31.2956, lon: 121.1603 },
    stops: [],
    vehicles: [],
    timeLimitSeconds: 20,
  };
  plan.vehicles.push(newVehicle(plan));
  return plan;
}

/** Total demand and fleet capacity per dimension (undefined capacity = some type is unlimited). */
export function demandVsFleet(plan: RoutePlanInput) {
  const sum = (f: (s: PlanStop) => number | undefined) => plan.stops.reduce((a, s) => a + (f(s) ?? 0), 0);
  const fleet = (f: (v: PlanVehicle) => number | undefined) =>
    plan.vehicles.some((v) => f(v) === undefined)
      ? undefined
      : plan.vehicles.reduce((a, v) => a + (f(v) ?? 0) * v.count, 0);
  return {
    weightG: { demand: sum((s) => s.weightG), capacity: fleet((v) => v.capacityWeightG) },
    volumeCm3: { demand: sum((s) => s.volumeCm3), capacity: fleet((v) => v.capacityVolumeCm3) },
    items: { demand: sum((s) => s.items), capacity: fleet((v) => v.capacityItems) },
    vehicles: plan.vehicles.reduce((a, v) => a + v.count, 0),
  };
}
