import type { Generated } from 'kysely';
import type { Db, Trx } from '../../platform/db';
import { tablesOf } from '../../platform/db';
import type { StorageClass } from './location.service';
import type { StockStatus, StockTables } from './stock.tables';

/** Tables of fresh goods and safety: temperature, excursions, alerts, quality holds, incidents. */
export const ALERT_KINDS = ['temperature_excursion', 'stock_expired'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_SEVERITIES = ['critical', 'warning', 'info'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export const INCIDENT_KINDS = ['damage', 'loss', 'theft', 'fire'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_STATUSES = ['draft', 'posted', 'cancelled'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const HOLD_STATUSES = ['open', 'closed'] as const;
export type HoldStatus = (typeof HOLD_STATUSES)[number];

export interface TemperatureRuleRow {
  storage_class: StorageClass;
  tolerance_minutes: number;
  hard_margin_dc: number;
  updated_at: Date;
  updated_by: string | null;
}

export interface ReadingRow {
  id: number;
  warehouse_id: string | null;
  zone_id: string | null;
  vehicle_id: string | null;
  device_id: string | null;
  source: 'sensor' | 'manual';
  at: Date;
  temp_dc: number;
  recorded_by_id: string | null;
  recorded_by_name: string;
  created_at: Date;
}

export interface ZoneTemperatureStateRow {
  zone_id: string;
  evaluated_until: Date;
  out_since: Date | null;
  spell_peak_dc: number | null;
  open_excursion_id: string | null;
}

export interface ExcursionRow {
  id: string;
  warehouse_id: string;
  zone_id: string;
  started_at: Date;
  detected_at: Date;
  ended_at: Date | null;
  direction: 'high' | 'low';
  trigger: 'duration' | 'hard_limit';
  peak_dc: number;
  band_min_dc: number;
  band_max_dc: number;
  tolerance_minutes: number;
  hard_margin_dc: number;
  hold_id: string | null;
}

export interface AlertRow {
  id: string;
  warehouse_id: string;
  kind: AlertKind;
  severity: AlertSeverity;
  zone_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  params: unknown;
  raised_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by_id: string | null;
  acknowledged_by_name: string | null;
  ack_note: string | null;
}

export interface QualityHoldRow {
  id: string;
  doc_no: string;
  warehouse_id: string;
  reason: string;
  source_type: string | null;
  source_id: string | null;
  status: HoldStatus;
  created_at: Date;
  closed_at: Date | null;
  reviewed_by_id: string | null;
  reviewed_by_name: string | null;
  review_note: string | null;
}

export interface QualityHoldLineRow {
  id: number;
  hold_id: string;
  sku_id: string;
  bin_id: string;
  lot_id: string | null;
  qty: number;
  released_qty: number;
  damaged_qty: number;
  scrapped_qty: number;
  expired_qty: number;
  /** Found missing by a count while on hold. */
  missing_qty: number;
}

export interface IncidentRow {
  id: string;
  doc_no: string;
  warehouse_id: string;
  kind: IncidentKind;
  status: IncidentStatus;
  occurred_at: Date;
  description: string;
  photos: unknown;
  reported_by_id: string | null;
  reported_by_name: string;
  created_at: Date;
  posted_at: Date | null;
  posted_by_id: string | null;
  posted_by_name: string | null;
  cancelled_at: Date | null;
}

export interface IncidentLineRow {
  id: number;
  incident_id: string;
  line_no: number;
  sku_id: string;
  bin_id: string;
  lot_id: string | null;
  status: StockStatus;
  qty: number;
}

type WithIdentity<T extends { id: number }> = Omit<T, 'id'> & { id: Generated<number> };
type WithDefaults<T, K extends keyof T> = Omit<T, K> & { [P in K]: Generated<T[P]> };

export interface ColdChainTables extends StockTables {
  'inventory.temperature_rule': TemperatureRuleRow;
  'inventory.temperature_reading': WithIdentity<ReadingRow>;
  'inventory.zone_temperature_state': ZoneTemperatureStateRow;
  'inventory.temperature_excursion': ExcursionRow;
  'inventory.alert': AlertRow;
  'inventory.quality_hold': QualityHoldRow;
  'inventory.quality_hold_line': WithDefaults<
    WithIdentity<QualityHoldLineRow>,
    'released_qty' | 'damaged_qty' | 'scrapped_qty' | 'expired_qty' | 'missing_qty'
  >;
  'inventory.incident': IncidentRow;
  'inventory.incident_line': WithIdentity<IncidentLineRow>;
}

export const coldDb = (db: Db | Trx) => tablesOf<ColdChainTables>(db as Db);
