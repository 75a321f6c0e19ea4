import type { ColumnType, Generated, Kysely } from 'kysely';
import { type Db, type Trx, tablesOf } from '../../platform/db';
import type { OutboundStatus } from './outbound.state';
import type { WaveStatus } from './wave.state';

/** Temperature class of an outbound order, a wave and a pick list: the coldest goods decide. */
export const TEMPERATURE_CLASSES = ['ambient', 'chilled', 'frozen'] as const;
export type TemperatureClass = (typeof TEMPERATURE_CLASSES)[number];

/** The order desk's service types (orders module `SERVICE_TYPES`), repeated for request schemas. */
export const SERVICE_TYPES = ['standard', 'express', 'cold_chain'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const PICK_LIST_STATUSES = ['open', 'picking', 'done', 'cancelled'] as const;
export type PickListStatus = (typeof PICK_LIST_STATUSES)[number];

export const PICK_TASK_STATUSES = ['open', 'done', 'short', 'cancelled'] as const;
export type PickTaskStatus = (typeof PICK_TASK_STATUSES)[number];

export const PACKAGE_STATUSES = ['open', 'sealed'] as const;
export type PackageStatus = (typeof PACKAGE_STATUSES)[number];

export const SCAN_STAGES = ['pick', 'pack', 'gate'] as const;
export type ScanStage = (typeof SCAN_STAGES)[number];

export const OUTBOUND_SCAN_KINDS = ['bin', 'sku', 'lot', 'qty', 'item', 'parcel'] as const;
export type OutboundScanKind = (typeof OUTBOUND_SCAN_KINDS)[number];

export const COUNT_REQUEST_STATUSES = ['open', 'done', 'cancelled'] as const;
export type CountRequestStatus = (typeof COUNT_REQUEST_STATUSES)[number];

/** A jsonb column: read as the value, written as its JSON text. */
type Json<T> = ColumnType<T, string, string>;

export interface CarrierCutoffRow {
  warehouse_id: string;
  service_type: string;
  carrier: string;
  cutoff_local: string;
  updated_by_name: string;
  updated_at: Date;
}

export interface WaveRow {
  id: string;
  number: string;
  warehouse_id: string;
  status: WaveStatus;
  origin: 'proposal' | 'manual';
  carrier: string | null;
  cutoff_at: Date | null;
  temperature_class: TemperatureClass | null;
  zone_key: string | null;
  note: string | null;
  created_by_id: string | null;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
  released_at: Date | null;
  closed_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
}

export interface WaveHistoryRow {
  id: number;
  wave_id: string;
  from_status: WaveStatus | null;
  to_status: WaveStatus;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  note: string | null;
}

export interface OutboundRow {
  id: string;
  number: string;
  order_id: string;
  order_number: string;
  merchant_id: string;
  warehouse_id: string;
  source_event_id: string;
  status: OutboundStatus;
  service_type: string;
  carrier: string;
  cutoff_at: Date;
  temperature_class: TemperatureClass;
  /** The zones the lines are picked in, sorted codes joined by `+` (the wave grouping key). */
  zone_key: string;
  wave_id: string | null;
  promised_date: string | null;
  credit_approved_at: Date | null;
  credit_approved_by_name: string | null;
  credit_note: string | null;
  packed_at: Date | null;
  shipped_at: Date | null;
  gate_pass_id: string | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface OutboundLineRow {
  id: string;
  outbound_id: string;
  sku_id: string;
  sku_code: string;
  bin_id: string;
  bin_code: string;
  zone_id: string | null;
  lot_id: string | null;
  lot_code: string | null;
  qty: number;
  picked_qty: number;
  short_qty: number;
  pick_task_id: string | null;
}

/** The drawing of a pick list's zone: aisles, cross aisles and the depot (dispatch point). */
export interface StoredLayout {
  aisleXsMm: number[];
  crossAisleYsMm: number[];
  aisleWidthMm: number;
  depot: { xMm: number; yMm: number };
  aisleNames?: string[];
}

export interface PickListRow {
  id: string;
  number: string;
  wave_id: string;
  warehouse_id: string;
  zone_id: string | null;
  temperature_class: TemperatureClass;
  status: PickListStatus;
  supplementary: boolean;
  route_mm: number;
  s_shape_mm: number;
  method: string;
  optimal: boolean;
  layout: StoredLayout;
  waypoints: Array<{ xMm: number; yMm: number }>;
  picker_id: string | null;
  picker_name: string | null;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
}

export interface PickTaskRow {
  id: string;
  pick_list_id: string;
  seq: number;
  leg_mm: number;
  bin_id: string;
  bin_code: string;
  bin_barcode: string;
  x_mm: number;
  y_mm: number;
  sku_id: string;
  sku_code: string;
  lot_id: string | null;
  lot_code: string | null;
  qty: number;
  picked_qty: number;
  short_qty: number;
  status: PickTaskStatus;
  updated_at: Date;
}

export interface CountRequestRow {
  id: string;
  warehouse_id: string;
  bin_id: string;
  bin_code: string;
  sku_id: string;
  lot_id: string | null;
  reason: 'short_pick' | 'manual';
  expected_qty: number;
  found_qty: number;
  source_type: string | null;
  source_id: string | null;
  status: CountRequestStatus;
  note: string | null;
  created_by_id: string | null;
  created_by_name: string;
  created_at: Date;
  closed_at: Date | null;
}

export interface PickShortageRow {
  id: string;
  pick_task_id: string;
  outbound_id: string;
  order_id: string;
  sku_id: string;
  bin_id: string;
  lot_id: string | null;
  qty: number;
  outcome: string;
  count_request_id: string | null;
  note: string | null;
  actor_id: string | null;
  actor_name: string;
  at: Date;
}

export interface PackageRow {
  id: string;
  outbound_id: string;
  seq: number;
  status: PackageStatus;
  proposed_carton_type_id: string;
  carton_type_id: string;
  carton_changed_reason: string | null;
  carton_changed_by_name: string | null;
  temperature: TemperatureClass;
  coolant_packs: number;
  length_mm: number;
  width_mm: number;
  height_mm: number;
  computed_weight_g: number;
  weight_g: number | null;
  fill_pct: number;
  waybill_no: string | null;
  carrier: string | null;
  sealed_at: Date | null;
  sealed_by_name: string | null;
  gate_checked_at: Date | null;
  gate_checked_by_name: string | null;
  created_at: Date;
}

export interface PackageItemRow {
  id: string;
  package_id: string;
  sku_id: string;
  sku_code: string;
  qty: number;
  scanned_qty: number;
}

export interface OutboundScanErrorRow {
  id: string;
  warehouse_id: string;
  stage: ScanStage;
  pick_list_id: string | null;
  pick_task_id: string | null;
  outbound_id: string | null;
  package_id: string | null;
  kind: OutboundScanKind;
  code: string;
  expected: string | null;
  scanned: string;
  actor_id: string | null;
  actor_name: string;
  at: Date;
}

export interface GatePassRow {
  id: string;
  number: string;
  warehouse_id: string;
  carrier: string;
  vehicle_plate: string;
  driver_name: string | null;
  note: string | null;
  parcels: number;
  actor_id: string | null;
  actor_name: string;
  at: Date;
}

export interface GatePassLineRow {
  gate_pass_id: string;
  outbound_id: string;
  order_number: string;
  waybills: string[];
}

export interface OutboundTables {
  'warehouse.carrier_cutoff': CarrierCutoffRow;
  'warehouse.waybill_sequence': { carrier: string; last_value: ColumnType<string, number, number> };
  'warehouse.wave': WaveRow;
  'warehouse.wave_history': Omit<WaveHistoryRow, 'id'> & { id: Generated<number> };
  'warehouse.outbound': OutboundRow;
  'warehouse.outbound_line': OutboundLineRow;
  'warehouse.pick_list': Omit<PickListRow, 'layout' | 'waypoints'> & {
    layout: Json<StoredLayout>;
    waypoints: Json<Array<{ xMm: number; yMm: number }>>;
  };
  'warehouse.pick_task': PickTaskRow;
  'warehouse.count_request': CountRequestRow;
  'warehouse.pick_shortage': PickShortageRow;
  'warehouse.package': PackageRow;
  'warehouse.package_item': PackageItemRow;
  'warehouse.outbound_scan_error': OutboundScanErrorRow;
  'warehouse.gate_pass': GatePassRow;
  'warehouse.gate_pass_line': Omit<GatePassLineRow, 'waybills'> & { waybills: Json<string[]> };
}

/** The handle typed with the outbound tables (a transaction is a handle too). */
export const obDb = (db: Db | Trx): Kysely<OutboundTables> => tablesOf<OutboundTables>(db as Db);
