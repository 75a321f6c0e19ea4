import type { Generated, Kysely, Transaction } from 'kysely';
import { type Db, type Trx, tablesOf } from '../../platform/db';

/**
 * Returns and exchanges (退换货, R-OMS-5): the return authorisation (RMA), its lines, what the
 * warehouse did with each unit, the refund record and the history. Tables live in the orders schema
 * and point at orders with real foreign keys (same module); SKUs, bins, lots and warehouses are plain
 * ids of other modules.
 */
export const RETURN_STATUSES = [
  'requested',
  'approved',
  'rejected',
  'awaiting_goods',
  'received',
  'inspected',
  'closed',
  'cancelled',
] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

/** Why the goods come back. `no_longer_wanted` is 七天无理由退货. */
export const RETURN_REASONS = [
  'damaged',
  'wrong_item',
  'not_as_described',
  'no_longer_wanted',
  'quality',
  'other',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

/** Reasons that are the seller's fault: they get the longer window (settings `defectWindowDays`). */
export const DEFECT_REASONS: ReadonlySet<ReturnReason> = new Set([
  'damaged',
  'wrong_item',
  'not_as_described',
  'quality',
]);

export const RETURN_CONDITIONS = ['unopened', 'opened', 'damaged'] as const;
export type ReturnCondition = (typeof RETURN_CONDITIONS)[number];

/** Who raised the return: the merchant (portal or API), customer service, or the consumer. */
export const RAISED_VIA = ['merchant', 'service', 'consumer'] as const;
export type RaisedVia = (typeof RAISED_VIA)[number];

/** What the customer asks for. */
export const RETURN_RESOLUTIONS = ['refund', 'exchange'] as const;
export type ReturnResolution = (typeof RETURN_RESOLUTIONS)[number];

/** How the goods come back: collected at the consignee's address, or brought to a warehouse. */
export const RETURN_METHODS = ['pickup', 'dropoff'] as const;
export type ReturnMethod = (typeof RETURN_METHODS)[number];

/** What the warehouse does with a returned unit after inspection. */
export const DISPOSITIONS = ['restock', 'hold', 'scrap'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** How a return ended: money back, a replacement order, or nothing (e.g. goods refused at inspection). */
export const RETURN_OUTCOMES = ['refund', 'replacement', 'none'] as const;
export type ReturnOutcome = (typeof RETURN_OUTCOMES)[number];

export const REFUND_STATUSES = ['pending', 'refunded'] as const;
export type RefundStatus = (typeof REFUND_STATUSES)[number];

export interface ReturnRow {
  id: string;
  number: string;
  order_id: string;
  order_number: string;
  merchant_id: string;
  /** Where the goods come back to (the order's warehouse unless a drop-off elsewhere was arranged). */
  warehouse_id: string | null;
  status: ReturnStatus;
  reason: ReturnReason;
  reason_note: string | null;
  condition: ReturnCondition;
  raised_via: RaisedVia;
  resolution: ReturnResolution;
  method: ReturnMethod | null;
  consignee_name: string;
  pickup_name: string | null;
  pickup_phone: string | null;
  pickup_address: string | null;
  pickup_date: string | null;
  carrier: string | null;
  waybill_no: string | null;
  reject_reason: string | null;
  /** The rule applied when the return was requested: days counted from this instant (delivery or shipping). */
  window_days: number;
  window_basis_at: Date;
  outcome: ReturnOutcome | null;
  replacement_order_id: string | null;
  requested_by_id: string | null;
  requested_by_name: string;
  created_at: Date;
  updated_at: Date;
  status_changed_at: Date;
  version: number;
}

export interface ReturnLineRow {
  id: number;
  return_id: string;
  line_no: number;
  sku_id: string;
  sku_code: string;
  sku_name: string | null;
  storage_class: string | null;
  unit_price_fen: number;
  qty: number;
  received_qty: number;
  restock_qty: number;
  hold_qty: number;
  scrap_qty: number;
}

export interface ReturnInspectionRow {
  id: number;
  return_id: string;
  line_no: number;
  disposition: Disposition;
  qty: number;
  bin_id: string;
  bin_code: string;
  lot_id: string | null;
  lot_code: string | null;
  hold_doc_no: string | null;
  at: Date;
  actor_name: string;
}

export interface ReturnHistoryRow {
  id: number;
  return_id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  action: string;
  from_status: ReturnStatus | null;
  to_status: ReturnStatus | null;
  note: string | null;
  details: unknown;
}

export interface RefundRow {
  id: string;
  return_id: string;
  gross_fen: number;
  restocking_fee_fen: number;
  amount_fen: number;
  currency: string;
  status: RefundStatus;
  reference: string | null;
  note: string | null;
  created_at: Date;
  created_by: string;
  refunded_at: Date | null;
  refunded_by: string | null;
}

type Identity<T extends { id: number }> = Omit<T, 'id'> & { id: Generated<number> };

export interface ReturnsTables {
  'orders.return': ReturnRow;
  'orders.return_line': Identity<ReturnLineRow>;
  'orders.return_inspection': Identity<ReturnInspectionRow>;
  'orders.return_history': Identity<ReturnHistoryRow>;
  'orders.refund': RefundRow;
}

export function returnsDb(db: Db): Kysely<ReturnsTables>;
export function returnsDb(db: Trx): Transaction<ReturnsTables>;
export function returnsDb(db: Db | Trx): Kysely<ReturnsTables> | Transaction<ReturnsTables> {
  return tablesOf<ReturnsTables>(db as Db);
}
