import type { Generated } from 'kysely';
import { type Db, type Trx, tablesOf } from '../../platform/db';

/** Row types of the planning schema (snake_case, as stored). */

export interface DemandSeriesRow {
  id: Generated<number>;
  sku_id: string;
  warehouse_id: string;
  created_at: Generated<Date>;
}

export interface DemandDayRow {
  series_id: number;
  day: string;
  qty: number;
  stockout: boolean;
}

export interface PromotionRow {
  id: string;
  name: string;
  start_day: string;
  end_day: string;
  sku_ids: string[] | null;
  warehouse_ids: string[] | null;
  expected_uplift: number | null;
  note: string | null;
  active: boolean;
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export type RunKind = 'forecast' | 'backtest';

export interface RunRow {
  id: string;
  kind: RunKind;
  job_id: string | null;
  as_of: string;
  horizon: number;
  origins: number | null;
  params: unknown;
  series_count: number;
  failed_count: number;
  elapsed_ms: number;
  ms_per_1000: number | null;
  summary: unknown;
  created_by_name: string;
  created_at: Date;
}

export interface ForecastRow {
  sku_id: string;
  warehouse_id: string;
  merchant_id: string | null;
  run_id: string;
  as_of: string;
  first_day: string;
  method: string;
  history_days: number;
  mean: number[];
  p10: number[];
  p50: number[];
  p90: number[];
  events: Array<{ date: string; event: string; uplift: number }>;
  generated_at: Date;
}

export interface AccuracyRow {
  run_id: string;
  sku_id: string;
  warehouse_id: string;
  merchant_id: string | null;
  storage_class: string | null;
  abc: 'A' | 'B' | 'C' | null;
  method: string;
  points: number;
  actual_sum: number;
  abs_error_sum: number;
  error_sum: number;
  squared_error_sum: number;
  mase: number | null;
  wape: number | null;
  bias: number | null;
}

export interface AccuracyGroupRow {
  run_id: string;
  dimension: string;
  group_key: string;
  series: number;
  mase: number | null;
  wape: number | null;
  bias: number | null;
}

export interface PolicyRow {
  sku_id: string;
  warehouse_id: string;
  merchant_id: string | null;
  service_level: number;
  lead_time_days: number;
  lead_time_sd_days: number;
  review_period_days: number;
  moq: number;
  pack_size: number;
  ordering_cost_fen: number;
  holding_rate: number;
  unit_cost_fen: number | null;
  version: number;
  updated_at: Date;
  updated_by_name: string;
}

export interface SuggestionRow {
  id: string;
  number: string;
  sku_id: string;
  warehouse_id: string;
  merchant_id: string | null;
  status: string;
  qty: number;
  order_by: string;
  need_by: string;
  suggested_qty: number;
  suggested_order_by: string;
  stockout_date: string | null;
  calc: unknown;
  reasons: unknown;
  edited: boolean;
  requisition_no: string | null;
  exported_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface SuggestionHistoryRow {
  id: Generated<number>;
  suggestion_id: string;
  at: Date;
  action: string;
  from_status: string | null;
  to_status: string;
  actor_id: string | null;
  actor_name: string;
  reason: string | null;
  changes: unknown;
}

export interface AlertRow {
  id: string;
  kind: string;
  severity: string;
  sku_id: string;
  warehouse_id: string;
  merchant_id: string | null;
  lot_id: string | null;
  dedupe_key: string;
  status: string;
  params: unknown;
  first_raised_at: Date;
  last_raised_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by_name: string | null;
  ack_note: string | null;
  resolved_at: Date | null;
}

export interface PlanningTables {
  'planning.demand_series': DemandSeriesRow;
  'planning.demand_day': DemandDayRow;
  'planning.demand_applied': { key: string; applied_at: Date };
  'planning.promotion': PromotionRow;
  'planning.run': RunRow;
  'planning.forecast': ForecastRow;
  'planning.accuracy': AccuracyRow;
  'planning.accuracy_group': AccuracyGroupRow;
  'planning.policy': PolicyRow;
  'planning.suggestion': SuggestionRow;
  'planning.suggestion_history': SuggestionHistoryRow;
  'planning.alert': AlertRow;
}

export const planningDb = (db: Db | Trx) => tablesOf<PlanningTables>(db as Db);

/** jsonb values go in as JSON text (both drivers), come back parsed. */
export const json = (value: unknown): any => JSON.stringify(value ?? null);

const NIL_UUID = '00000000-0000-0000-0000-000000000000';
/** Ids for `where … in (…)`: an empty list matches nothing (SQL has no empty `in`). */
export const idList = (ids: readonly string[]): string[] => (ids.length ? [...ids] : [NIL_UUID]);
