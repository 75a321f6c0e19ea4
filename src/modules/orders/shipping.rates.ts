import { addWorkingDays, businessDayOf, isWorkingDay, localHourOf } from '../../platform/time/calendar';
import { REMOTE_PROVINCES, regionOf } from './region.geo';

/**
 * Shipping cost and promised transit time between an origin province (the warehouse's) and a
 * destination province, by zone — the way Chinese express contracts are priced (首重 + 续重):
 *
 * | zone | meaning                                              |
 * |------|------------------------------------------------------|
 * | 1    | same province (省内)                                  |
 * | 2    | same geographic region (e.g. 华东 江浙沪皖闽赣鲁)      |
 * | 3    | elsewhere on the mainland (省外)                      |
 * | 4    | remote destination (新疆 西藏 青海 内蒙古 甘肃 宁夏)   |
 *
 * The rates below (fen; first kilogram, then each further kilogram started) are Wayline's default
 * table, chosen to sit inside the range of 2024 e-commerce contract rates of the large carriers;
 * they rank options, they are not a quote. Chargeable weight is the gross weight rounded up to
 * whole kilograms, at least 1 kg.
 */
export const SERVICE_TYPES = ['standard', 'express', 'cold_chain'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];
export type Zone = 1 | 2 | 3 | 4;

// biome-ignore format: a table
export const RATE_TABLE: Record<ServiceType, Record<Zone, { firstKgFen: number; perKgFen: number }>> = {
  standard:   { 1: { firstKgFen: 600,  perKgFen: 100 }, 2: { firstKgFen: 800,  perKgFen: 200 }, 3: { firstKgFen: 1000, perKgFen: 400 },  4: { firstKgFen: 1500, perKgFen: 1000 } },
  express:    { 1: { firstKgFen: 1200, perKgFen: 200 }, 2: { firstKgFen: 1500, perKgFen: 400 }, 3: { firstKgFen: 2000, perKgFen: 800 },  4: { firstKgFen: 2800, perKgFen: 1500 } },
  cold_chain: { 1: { firstKgFen: 1800, perKgFen: 300 }, 2: { firstKgFen: 2500, perKgFen: 600 }, 3: { firstKgFen: 3500, perKgFen: 1200 }, 4: { firstKgFen: 5000, perKgFen: 2000 } },
};

/**
 * Default transit time in working days by zone, used when the service-level table
 * (`orders.service_level`, per warehouse × destination province × service) has no row.
 */
// biome-ignore format: a table
export const DEFAULT_TRANSIT_DAYS: Record<ServiceType, Record<Zone, number>> = {
  standard:   { 1: 1, 2: 2, 3: 3, 4: 5 },
  express:    { 1: 1, 2: 1, 3: 2, 4: 3 },
  cold_chain: { 1: 1, 2: 2, 3: 2, 4: 4 },
};

export function zoneOf(origin: string | null, destination: string | null): Zone {
  if (!origin || !destination) return 3;
  if (origin === destination) return 1;
  if (REMOTE_PROVINCES.has(destination)) return 4;
  const region = regionOf(origin);
  return region && region === regionOf(destination) ? 2 : 3;
}

export const chargeableKg = (weightG: number): number => Math.max(1, Math.ceil(weightG / 1000));

export function shippingCostFen(service: ServiceType, zone: Zone, weightG: number): number {
  const rate = RATE_TABLE[service][zone];
  return rate.firstKgFen + (chargeableKg(weightG) - 1) * rate.perKgFen;
}

/**
 * The promised delivery date: the parcel leaves on the day of allocation when that is a working
 * day before the cut-off time (local), otherwise on the next working day; it then takes
 * `transitDays` working days on the business calendar (statutory holidays and 调休 included).
 */
export function promisedDate(
  now: Date,
  transitDays: number,
  options: { cutoffHour: number; timeZone: string },
): { shipDay: string; promised: string } {
  const today = businessDayOf(now, options.timeZone);
  const beforeCutoff = localHourOf(now, options.timeZone) < options.cutoffHour;
  // Every order of a day asks the same few questions of the working-day calendar.
  const key = `${today}|${beforeCutoff}|${transitDays}`;
  let answer = promises.get(key);
  if (!answer) {
    const shipDay = isWorkingDay(today) && beforeCutoff ? today : addWorkingDays(today, 1);
    answer = { shipDay, promised: addWorkingDays(shipDay, transitDays) };
    if (promises.size >= 1_000) promises.clear();
    promises.set(key, answer);
  }
  return { ...answer };
}

const promises = new Map<string, { shipDay: string; promised: string }>();
