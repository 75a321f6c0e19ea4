import type { ColumnType, Generated, Selectable } from 'kysely';
import { type Db, type Trx, tablesOf } from '../../platform/db/database';
import type { JobStatus } from '../../platform/jobs';
import type { RoutePlanResult } from './route-plan.result';
import type { RoutePlan, RoutePlanVehicle } from './route-plan.schemas';

/** One point of the best-cost-over-time series. */
export interface ProgressPoint {
  elapsedMs: number;
  costFen: number;
  vehicles: number;
}

export interface RoutePlanRow {
  id: string;
  number: string;
  name: string;
  status: JobStatus;
  job_id: string;
  delivery_date: string | Date | null;
  warehouse_id: string | null;
  warehouse_code: string | null;
  merchant_id: string | null;
  created_by: string | null;
  created_by_name: string;
  /** JSON documents are written as text and read back parsed. */
  plan: ColumnType<RoutePlan, string, string>;
  stop_count: number;
  fleet_size: number;
  time_limit_seconds: number;
  progress: Generated<number>;
  progress_series: ColumnType<ProgressPoint[], string | undefined, string>;
  stop_requested: Generated<boolean>;
  result: ColumnType<RoutePlanResult | null, string | null | undefined, string | null>;
  vehicles_used: number | null;
  distance_m: number | string | null;
  cost_fen: number | string | null;
  unassigned_count: number | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  /** `stops`: given by the caller; `shipments`: built from a warehouse's shipments of the day. */
  source: Generated<RoutePlanSource>;
}

export const ROUTE_PLAN_SOURCES = ['stops', 'shipments'] as const;
export type RoutePlanSource = (typeof ROUTE_PLAN_SOURCES)[number];

/** Which outbound document and order a stop of a plan delivers. */
export interface RoutePlanShipmentRow {
  plan_id: string;
  stop_id: string;
  outbound_id: string;
  outbound_number: string;
  order_id: string;
  order_number: string;
}

/** A warehouse's default fleet and unloading time for plans made from its shipments. */
export interface FleetSettingRow {
  warehouse_id: string;
  vehicles: ColumnType<RoutePlanVehicle[], string, string>;
  service_min: number;
  updated_by_name: string;
  updated_at: Date;
}

export interface TransportTables {
  'transport.route_plan': RoutePlanRow;
  'transport.route_plan_shipment': RoutePlanShipmentRow;
  'transport.fleet_setting': FleetSettingRow;
}

/** The handle typed with this module's tables (a transaction is a handle too). */
export const transportDb = (db: Db | Trx) => tablesOf<TransportTables>(db as Db);

/** Columns of the list (everything but the large JSON documents). */
export const SUMMARY_COLUMNS = [
  'id',
  'number',
  'name',
  'status',
  'job_id',
  'delivery_date',
  'warehouse_id',
  'warehouse_code',
  'merchant_id',
  'created_by',
  'created_by_name',
  'stop_count',
  'fleet_size',
  'time_limit_seconds',
  'progress',
  'stop_requested',
  'vehicles_used',
  'distance_m',
  'cost_fen',
  'unassigned_count',
  'created_at',
  'started_at',
  'finished_at',
  'source',
] as const;

export type RoutePlanSummaryRow = Selectable<Pick<RoutePlanRow, (typeof SUMMARY_COLUMNS)[number]>>;
export type RoutePlanSelected = Selectable<RoutePlanRow>;

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const day = (d: Date | string | null) =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);
const num = (v: number | string | null) => (v === null ? null : Number(v));

/** The API's list item. */
export interface RoutePlanSummary {
  id: string;
  number: string;
  name: string;
  status: JobStatus;
  jobId: string;
  deliveryDate: string | null;
  warehouseId: string | null;
  warehouseCode: string | null;
  createdBy: string | null;
  createdByName: string;
  stopCount: number;
  fleetSize: number;
  timeLimitSeconds: number;
  progress: number;
  stopRequested: boolean;
  vehiclesUsed: number | null;
  km: number | null;
  costFen: number | null;
  unassignedCount: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  source: RoutePlanSource;
}

export function toSummary(row: RoutePlanSummaryRow): RoutePlanSummary {
  const distance = num(row.distance_m);
  return {
    id: row.id,
    number: row.number,
    name: row.name,
    status: row.status,
    jobId: row.job_id,
    deliveryDate: day(row.delivery_date),
    warehouseId: row.warehouse_id,
    warehouseCode: row.warehouse_code,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    stopCount: row.stop_count,
    fleetSize: row.fleet_size,
    timeLimitSeconds: row.time_limit_seconds,
    progress: Number(row.progress),
    stopRequested: row.stop_requested,
    vehiclesUsed: row.vehicles_used,
    km: distance === null ? null : Math.round(distance / 10) / 100,
    costFen: num(row.cost_fen),
    unassignedCount: row.unassigned_count,
    createdAt: iso(row.created_at)!,
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    source: row.source,
  };
}
