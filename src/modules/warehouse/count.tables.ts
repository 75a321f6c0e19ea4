import type { ColumnType, Generated } from 'kysely';
import { type Db, type Trx, tablesOf } from '../../platform/db';

export const COUNT_STATUSES = [
  'planned',
  'counting',
  'submitted',
  'recount',
  'approved',
  'posted',
  'cancelled',
] as const;
export type CountStatus = (typeof COUNT_STATUSES)[number];

/** `cycle`: generated from a plan; `full`: every bin of the warehouse (全盘); `ad_hoc`: bins named by hand. */
export const COUNT_KINDS = ['cycle', 'full', 'ad_hoc'] as const;
export type CountKind = (typeof COUNT_KINDS)[number];

export const COUNT_PLAN_KINDS = ['abc', 'zone'] as const;
export type CountPlanKind = (typeof COUNT_PLAN_KINDS)[number];

export const COUNT_TASK_STATUSES = ['open', 'counting', 'done', 'cancelled'] as const;
export type CountTaskStatus = (typeof COUNT_TASK_STATUSES)[number];

export const ABC_CLASSES = ['A', 'B', 'C'] as const;
export type AbcClass = (typeof ABC_CLASSES)[number];
/** What an ABC run ranks SKUs by: pick lines (visits to a bin, the default) or units picked. */
export const ABC_BASES = ['lines', 'units'] as const;
export type AbcBasis = (typeof ABC_BASES)[number];

export const MOVE_TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type MoveTaskStatus = (typeof MOVE_TASK_STATUSES)[number];

/** Why a re-slot move was suggested. */
export const RESLOT_REASONS = ['a_to_prime', 'c_out_of_prime'] as const;
export type ReslotReason = (typeof RESLOT_REASONS)[number];

/** A jsonb column: read as the value, written as its JSON text. */
type Json<T> = ColumnType<T, string, string>;

export interface CountPlanRow {
  id: string;
  warehouse_id: string;
  name: string;
  kind: CountPlanKind;
  zone_ids: string[];
  freq_a_days: number;
  freq_b_days: number;
  freq_c_days: number;
  zone_freq_days: number;
  max_bins: number | null;
  tolerance_pct: number;
  tolerance_qty: number;
  approval_pct: number;
  approval_value_fen: number | null;
  max_recounts: number;
  active: boolean;
  last_generated_at: Date | null;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
}

export interface CountRow {
  id: string;
  number: string;
  warehouse_id: string;
  plan_id: string | null;
  kind: CountKind;
  status: CountStatus;
  tolerance_pct: number;
  tolerance_qty: number;
  approval_pct: number;
  approval_value_fen: number | null;
  max_recounts: number;
  note: string | null;
  bins: number;
  posted_movements: number;
  created_by_id: string | null;
  created_by_name: string;
  created_at: Date;
  started_at: Date | null;
  submitted_at: Date | null;
  approved_at: Date | null;
  approved_by_name: string | null;
  posted_at: Date | null;
  posted_by_name: string | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  updated_at: Date;
}

export interface CountTaskRow {
  id: string;
  count_id: string;
  warehouse_id: string;
  bin_id: string;
  bin_code: string;
  round: number;
  status: CountTaskStatus;
  counter_id: string | null;
  counter_name: string | null;
  started_at: Date | null;
  submitted_at: Date | null;
  position: number | null;
  created_at: Date;
}

export interface CountLineRow {
  id: string;
  count_id: string;
  bin_id: string;
  sku_id: string;
  lot_id: string | null;
  abc_class: AbcClass | null;
  listed: boolean;
  rounds: number;
  first_book_qty: number | null;
  first_counted_qty: number | null;
  book_qty: number | null;
  counted_qty: number | null;
  unit_value_fen: number | null;
  within_tolerance: boolean | null;
  needs_approval: boolean;
  counted_at: Date | null;
  counter_name: string | null;
}

export interface CountHistoryRow {
  id: number;
  count_id: string;
  from_status: CountStatus | null;
  to_status: CountStatus;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  note: string | null;
}

export interface CountRecordRow {
  id: number;
  warehouse_id: string;
  bin_id: string;
  sku_id: string;
  lot_id: string | null;
  count_id: string;
  book_qty: number;
  counted_qty: number;
  counted_at: Date;
  posted_at: Date;
}

export interface BinCountRow {
  bin_id: string;
  warehouse_id: string;
  count_id: string;
  counted_at: Date;
  posted_at: Date;
}

export interface SkuValueRow {
  sku_id: string;
  merchant_id: string;
  unit_value_fen: number;
  updated_by_name: string;
  updated_at: Date;
}

export interface AbcRunRow {
  id: string;
  warehouse_id: string;
  computed_at: Date;
  period_from: Date;
  period_to: Date;
  a_pct: number;
  b_pct: number;
  /** What the run ranked SKUs by (runs from before the column: 'lines'). */
  basis: AbcBasis;
  skus: number;
  total_lines: number;
  total_units: number;
  computed_by_name: string;
}

export interface AbcItemRow {
  run_id: string;
  sku_id: string;
  class: AbcClass;
  rank: number;
  lines: number;
  units: number;
  /** Cumulative of the run's basis measure (pick lines or units), despite the name. */
  cum_lines: number;
}

export interface MoveTaskRow {
  id: string;
  warehouse_id: string;
  sku_id: string;
  lot_id: string | null;
  from_bin_id: string;
  to_bin_id: string;
  qty: number;
  done_qty: number;
  status: MoveTaskStatus;
  reason: ReslotReason;
  abc_class: AbcClass | null;
  picks_per_month: number;
  saving_mm_month: number;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
  done_by_name: string | null;
  done_at: Date | null;
}

export interface CountTables {
  'warehouse.count_plan': Omit<CountPlanRow, 'zone_ids'> & { zone_ids: Json<string[]> };
  'warehouse.count': CountRow;
  'warehouse.count_history': Omit<CountHistoryRow, 'id'> & { id: Generated<number> };
  'warehouse.count_task': CountTaskRow;
  'warehouse.count_line': CountLineRow;
  'warehouse.count_record': Omit<CountRecordRow, 'id'> & { id: Generated<number> };
  'warehouse.bin_count': BinCountRow;
  'warehouse.sku_value': SkuValueRow;
  'warehouse.abc_run': AbcRunRow;
  'warehouse.abc_item': AbcItemRow;
  'warehouse.move_task': MoveTaskRow;
}

/** The handle typed with the count and slotting tables (a transaction is a handle too). */
export const countDb = (db: Db | Trx) => tablesOf<CountTables>(db as Db);
