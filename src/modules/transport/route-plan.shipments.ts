/**
 * Stops from a warehouse's shipments of a day (智能调度 "today's shipments from warehouse W"): the
 * warehouse module says which outbound documents are ready to go and what their parcels weigh and
 * measure, the orders module where and when each consignee takes delivery and whether it needs a
 * refrigerated vehicle. Both come in through `ShipmentSources` (wired in src/app/modules.ts), so
 * transport reads no other module's tables.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Principal } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db/database';
import { AppError } from '../../platform/lib/errors';
import { businessDayOf, businessDayRange } from '../../platform/time/calendar';
import { haversineM } from '../../solvers/vrp';
import { getFleetSetting } from './route-plan.fleet';
import { clockOf, type RoutePlanStop } from './route-plan.schemas';
import type { DepotWarehouse } from './route-plan.service';
import { transportDb } from './route-plan.table';

/** A shipment as the warehouse module reports it (its `dispatchShipments`). */
export interface ShipmentFacts {
  outboundId: string;
  outboundNumber: string;
  orderId: string;
  orderNumber: string;
  merchantId: string;
  status: string;
  temperatureClass: string;
  parcels: number;
  weightG: number;
  volumeCm3: number;
  demandSource: 'parcels' | 'estimate';
  gateChecked: boolean;
}

/** A consignee as the orders module reports it (its `consigneeGeoOf`). */
export interface ConsigneeFacts {
  orderNumber: string;
  consigneeName: string;
  phoneMasked: string;
  address: string;
  location: { lat: number; lon: number; precision: 'district' | 'city' | 'province' } | null;
  deliveryWindow: { from: string; to: string } | null;
  coldChain: boolean;
}

export interface ShipmentSources {
  /** Outbound documents of a warehouse for the business day [from, to) (warehouse module). */
  shipments(
    db: Db | Trx,
    query: { warehouseId: string; from: Date; to: Date; merchantId: string | null; includeUnpacked: boolean },
  ): Promise<ShipmentFacts[]>;
  /** Consignees of orders by order id (orders module). */
  consignees(db: Db | Trx, orderIds: readonly string[]): Promise<Map<string, ConsigneeFacts>>;
  /** IANA zone of the business day (delivery windows become clock times of that day). */
  timeZone: string;
}

export const shipmentsSource = z.object({
  warehouse: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .describe('The warehouse the shipments leave from: its code (e.g. WH-SH) or id.'),
  day: z.iso.date().optional().describe('Business day, YYYY-MM-DD; default today on the business clock.'),
  serviceMin: z
    .number()
    .min(0)
    .max(240)
    .optional()
    .describe('Unloading time per stop, minutes; default the warehouse’s fleet setting (10).'),
  includeUnpacked: z
    .boolean()
    .default(false)
    .describe('Also documents still being picked or packed (their weight and size estimated from the SKUs).'),
  includePlanned: z
    .boolean()
    .default(false)
    .describe('Also shipments already on another plan of the day (to plan them again).'),
  maxDistanceKm: z
    .number()
    .min(1)
    .max(5000)
    .optional()
    .describe('Leave out consignees farther than this from the warehouse (straight line, km).'),
});
export type ShipmentsSource = z.output<typeof shipmentsSource>;

export const EXCLUSION_REASONS = ['already_planned', 'no_location', 'too_far'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface ShipmentItem {
  stop: RoutePlanStop;
  outboundStatus: string;
  gateChecked: boolean;
  /** Straight line from the warehouse, km. */
  distanceKm: number;
  /** The requested window had already ended before the day began (planned without it). */
  windowPassed: boolean;
}

export interface ShipmentStops {
  warehouse: DepotWarehouse & { latitude: number; longitude: number };
  day: string;
  serviceMin: number;
  items: ShipmentItem[];
  excluded: Array<{
    outboundId: string;
    outboundNumber: string;
    orderNumber: string;
    reason: ExclusionReason;
    planNumber?: string;
    distanceKm?: number;
  }>;
  summary: {
    shipments: number;
    stops: number;
    weightG: number;
    volumeCm3: number;
    parcels: number;
    coldChain: number;
    approximate: number;
    estimated: number;
    excluded: number;
  };
}

/** Plans that still hold their shipments: those neither failed nor cancelled. */
const LIVE_PLAN = ['queued', 'running', 'succeeded'] as const;
/** The latest clock time a plan can express (`99:59`). */
const MAX_MIN = 99 * 60 + 59;

const field = (prefix: string, name: string, code: string, params: Record<string, unknown>) => ({
  field: `${prefix}.${name}`,
  code,
  message: code,
  params,
});

/** The warehouse by code (any case) or id, among those the caller may see; with a location. */
async function resolveWarehouse(
  db: Db,
  listWarehouses: (db: Db, principal: Principal | null) => Promise<DepotWarehouse[]>,
  principal: Principal | null,
  key: string,
  prefix: string,
) {
  const all = await listWarehouses(db, principal);
  const wh = all.find((w) => w.id === key || w.code.toLowerCase() === key.toLowerCase());
  if (!wh) {
    throw new AppError('unprocessable', 'transport.warehouse_not_found', { id: key }, [
      field(prefix, 'warehouse', 'transport.warehouse_not_found', { id: key }),
    ]);
  }
  if (wh.latitude === null || wh.longitude === null) {
    throw new AppError('unprocessable', 'transport.warehouse_no_location', { code: wh.code });
  }
  return { ...wh, latitude: wh.latitude, longitude: wh.longitude };
}

/** Outbound documents on live plans of the warehouse and day → the plan's number. */
async function plannedOutbounds(db: Db | Trx, warehouseId: string, day: string, outboundIds: string[]) {
  if (!outboundIds.length) return new Map<string, string>();
  const rows = await transportDb(db)
    .selectFrom('transport.route_plan_shipment as s')
    .innerJoin('transport.route_plan as p', 'p.id', 's.plan_id')
    .select(['s.outbound_id', 'p.number'])
    .where('p.warehouse_id', '=', warehouseId)
    .where('p.delivery_date', '=', day)
    .where('p.status', 'in', LIVE_PLAN)
    .where('s.outbound_id', 'in', outboundIds)
    .orderBy('p.created_at')
    .execute();
  return new Map(rows.map((r) => [r.outbound_id, r.number]));
}

/**
 * The order's window as clock times of the plan's day (hours past 24 are the next days, up to
 * 99:59); a window that ended before the day began is dropped (`passed`).
 */
export function windowOf(window: ConsigneeFacts['deliveryWindow'], dayStart: Date) {
  if (!window) return { windows: undefined, passed: false };
  const minutes = (iso: string) => Math.floor((Date.parse(iso) - dayStart.getTime()) / 60_000);
  const from = minutes(window.from);
  const to = minutes(window.to);
  if (to < 0) return { windows: undefined, passed: true };
  const clamp = (m: number) => Math.min(MAX_MIN, Math.max(0, m));
  return {
    windows: [{ from: clockOf(clamp(from) * 60), to: clockOf(clamp(to) * 60) }],
    passed: false,
  };
}

/**
 * The stops for a warehouse's shipments of a business day — one per outbound document ready to go
 * (packed, checked or released at the gate that day; with `includeUnpacked` also those in work)
 * and not on another live plan of that day: the consignee's point (most precise known), parcels'
 * weight, volume and count, unloading time, the order's window and `refrigerated` for cold chain.
 * `lock` (inside a transaction) serialises plans of the same warehouse and day.
 */
export async function shipmentStops(
  db: Db | Trx,
  deps: {
    listWarehouses: (db: Db, principal: Principal | null) => Promise<DepotWarehouse[]>;
    shipments?: ShipmentSources;
  },
  source: ShipmentsSource,
  ctx: { principal: Principal | null; now: Date; fieldPrefix: string; lock?: boolean },
): Promise<ShipmentStops> {
  const sources = deps.shipments;
  if (!sources) throw new AppError('unavailable', 'transport.shipments_unavailable');
  const warehouse = await resolveWarehouse(
    db as Db,
    deps.listWarehouses,
    ctx.principal,
    source.warehouse,
    ctx.fieldPrefix,
  );
  const day = source.day ?? businessDayOf(ctx.now, sources.timeZone);
  const range = businessDayRange(day, sources.timeZone);
  if (ctx.lock) {
    await sql`select pg_advisory_xact_lock(hashtext(${`transport.route_plan|${warehouse.id}|${day}`}))`.execute(
      db,
    );
  }
  const setting = await getFleetSetting(db, warehouse.id);
  const serviceMin = source.serviceMin ?? setting.serviceMin;
  const facts = await sources.shipments(db, {
    warehouseId: warehouse.id,
    from: range.start,
    to: range.end,
    merchantId: ctx.principal?.merchantId ?? null,
    includeUnpacked: source.includeUnpacked,
  });
  const planned = source.includePlanned
    ? new Map<string, string>()
    : await plannedOutbounds(
        db,
        warehouse.id,
        day,
        facts.map((f) => f.outboundId),
      );
  const consignees = await sources.consignees(db, [...new Set(facts.map((f) => f.orderId))]);
  const depot = { lat: warehouse.latitude, lon: warehouse.longitude };
  const items: ShipmentItem[] = [];
  const excluded: ShipmentStops['excluded'] = [];
  const ids = new Set<string>();
  for (const f of facts) {
    const ref = { outboundId: f.outboundId, outboundNumber: f.outboundNumber, orderNumber: f.orderNumber };
    const planNumber = planned.get(f.outboundId);
    if (planNumber) {
      excluded.push({ ...ref, reason: 'already_planned', planNumber });
      continue;
    }
    const who = consignees.get(f.orderId);
    if (!who?.location) {
      excluded.push({ ...ref, reason: 'no_location' });
      continue;
    }
    const point = { lat: who.location.lat, lon: who.location.lon };
    const distanceKm = Math.round(haversineM(depot, point) / 100) / 10;
    if (source.maxDistanceKm !== undefined && distanceKm > source.maxDistanceKm) {
      excluded.push({ ...ref, reason: 'too_far', distanceKm });
      continue;
    }
    // An order has one live document per warehouse; a second (after a re-allocation) gets its own id.
    const id = ids.has(f.orderNumber) ? `${f.orderNumber}/${f.outboundNumber}` : f.orderNumber;
    ids.add(id);
    const { windows, passed } = windowOf(who.deliveryWindow, range.start);
    const cold = who.coldChain || f.temperatureClass === 'chilled' || f.temperatureClass === 'frozen';
    items.push({
      stop: {
        id,
        name: who.consigneeName.slice(0, 120),
        address: who.address.slice(0, 200),
        contact: who.phoneMasked,
        ...point,
        kind: 'delivery',
        weightG: f.weightG,
        volumeCm3: f.volumeCm3,
        items: f.parcels,
        serviceMin,
        ...(windows ? { windows } : {}),
        ...(cold ? { skills: ['refrigerated'] } : {}),
        shipment: {
          orderId: f.orderId,
          orderNumber: f.orderNumber,
          outboundId: f.outboundId,
          outboundNumber: f.outboundNumber,
          parcels: f.parcels,
          demandSource: f.demandSource,
        },
        locationPrecision: who.location.precision,
      },
      outboundStatus: f.status,
      gateChecked: f.gateChecked,
      distanceKm,
      windowPassed: passed,
    });
  }
  const stops = items.map((i) => i.stop);
  return {
    warehouse,
    day,
    serviceMin,
    items,
    excluded,
    summary: {
      shipments: facts.length,
      stops: stops.length,
      weightG: stops.reduce((s, x) => s + (x.weightG ?? 0), 0),
      volumeCm3: stops.reduce((s, x) => s + (x.volumeCm3 ?? 0), 0),
      parcels: stops.reduce((s, x) => s + (x.items ?? 0), 0),
      coldChain: stops.filter((x) => x.skills?.includes('refrigerated')).length,
      approximate: stops.filter((x) => x.locationPrecision === 'city' || x.locationPrecision === 'province')
        .length,
      estimated: stops.filter((x) => x.shipment?.demandSource === 'estimate').length,
      excluded: excluded.length,
    },
  };
}
