import type { ColumnType, Generated } from 'kysely';
import { type Db, type Trx, tablesOf } from '../../platform/db';
import type { AsnStatus } from './asn.state';
import type { ReceiptStatus } from './receipt.state';

/** Why goods were refused at inspection (验收不合格原因). */
export const REJECT_REASONS = [
  'damaged',
  'wrong_item',
  'expired',
  'temperature',
  'documents_missing',
  'other',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/**
 * What happens to rejected goods: `hold` — they are booked in on quality hold at the dock and wait
 * for the return to the vendor (退供); `refused` — the carrier takes them straight back (拒收), they
 * never enter the ledger.
 */
export const REJECT_DISPOSITIONS = ['hold', 'refused'] as const;
export type RejectDisposition = (typeof REJECT_DISPOSITIONS)[number];

/** Documents that come with a delivery (随货单据); a delivery note is always needed (手续齐全). */
export const DOCUMENT_KINDS = [
  'delivery_note',
  'quality_certificate',
  'quarantine_certificate',
  'invoice',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface ReceiptDocument {
  kind: DocumentKind;
  ref: string;
}

export const PUTAWAY_TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type PutawayTaskStatus = (typeof PUTAWAY_TASK_STATUSES)[number];

/** Why a putaway task's bin was suggested (the slotting rule that chose it). */
export const SLOT_REASONS = [
  'same_lot',
  'fast_mover_pick_face',
  'nearest_reserve',
  'nearest_pick_face',
  'shared_bin',
] as const;
export type SlotReason = (typeof SLOT_REASONS)[number];

export const SCAN_KINDS = ['bin', 'sku'] as const;
export type ScanKind = (typeof SCAN_KINDS)[number];

export interface AsnRow {
  id: string;
  number: string;
  merchant_id: string;
  warehouse_id: string;
  status: AsnStatus;
  supplier_name: string | null;
  carrier: string | null;
  tracking_no: string | null;
  expected_date: string | null;
  note: string | null;
  created_by_id: string | null;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
}

export interface AsnLineRow {
  id: string;
  asn_id: string;
  line_no: number;
  sku_id: string;
  qty: number;
  lot_code: string | null;
  production_date: string | null;
  expiry_date: string | null;
}

export interface ReceiptRow {
  id: string;
  number: string;
  warehouse_id: string;
  merchant_id: string;
  asn_id: string | null;
  status: ReceiptStatus;
  supplier_name: string | null;
  carrier: string | null;
  vehicle_plate: string | null;
  dock: string | null;
  delivery_note_no: string | null;
  documents: ReceiptDocument[];
  documents_complete: boolean;
  note: string | null;
  arrived_at: Date | null;
  signed_off_at: Date | null;
  signed_off_by_name: string | null;
  completed_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  created_by_id: string | null;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
}

export interface ReceiptLineRow {
  id: string;
  receipt_id: string;
  line_no: number;
  asn_line_id: string | null;
  sku_id: string;
  expected_qty: number;
  received_qty: number | null;
  accepted_qty: number | null;
  lot_code: string | null;
  production_date: string | null;
  expiry_date: string | null;
  arrival_temp_dc: number | null;
  override_note: string | null;
  override_by_name: string | null;
  photos: string[];
  inspection_note: string | null;
  inspector_id: string | null;
  inspector_name: string | null;
  inspected_at: Date | null;
  lot_id: string | null;
  putaway_qty: number;
  returned_qty: number;
}

export interface RejectionRow {
  id: string;
  receipt_line_id: string;
  qty: number;
  reason: RejectReason;
  disposition: RejectDisposition;
  note: string | null;
}

export interface ReceiptHistoryRow {
  id: number;
  receipt_id: string;
  from_status: ReceiptStatus | null;
  to_status: ReceiptStatus;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  note: string | null;
}

export interface PutawayTaskRow {
  id: string;
  receipt_id: string;
  receipt_line_id: string;
  warehouse_id: string;
  sku_id: string;
  lot_id: string | null;
  qty: number;
  done_qty: number;
  suggested_bin_id: string | null;
  slot_reason: SlotReason | null;
  status: PutawayTaskStatus;
  created_at: Date;
  updated_at: Date;
}

export interface PutawayConfirmationRow {
  id: string;
  task_id: string;
  bin_id: string;
  qty: number;
  deviated: boolean;
  movement_id: number;
  actor_id: string | null;
  actor_name: string;
  at: Date;
}

export interface ScanErrorRow {
  id: string;
  warehouse_id: string;
  receipt_id: string | null;
  task_id: string | null;
  kind: ScanKind;
  code: string;
  expected: string | null;
  scanned: string;
  actor_id: string | null;
  actor_name: string;
  at: Date;
}

export interface VendorReturnRow {
  id: string;
  number: string;
  receipt_id: string;
  warehouse_id: string;
  merchant_id: string;
  carrier: string | null;
  tracking_no: string | null;
  note: string | null;
  actor_id: string | null;
  actor_name: string;
  at: Date;
}

export interface VendorReturnLineRow {
  id: string;
  return_id: string;
  receipt_line_id: string;
  sku_id: string;
  lot_id: string | null;
  qty: number;
  movement_id: number;
}

/** A jsonb column: read as the value, written as its JSON text. */
type Json<T> = ColumnType<T, string, string>;

export interface WarehouseTables {
  'warehouse.asn': AsnRow;
  'warehouse.asn_line': AsnLineRow;
  'warehouse.receipt': Omit<ReceiptRow, 'documents'> & { documents: Json<ReceiptDocument[]> };
  'warehouse.receipt_line': Omit<ReceiptLineRow, 'photos'> & { photos: Json<string[]> };
  'warehouse.receipt_rejection': RejectionRow;
  'warehouse.receipt_history': Omit<ReceiptHistoryRow, 'id'> & { id: Generated<number> };
  'warehouse.putaway_task': PutawayTaskRow;
  'warehouse.putaway_confirmation': PutawayConfirmationRow;
  'warehouse.scan_error': ScanErrorRow;
  'warehouse.vendor_return': VendorReturnRow;
  'warehouse.vendor_return_line': VendorReturnLineRow;
}

/** The handle typed with this module's tables (a transaction is a handle too). */
export const whDb = (db: Db | Trx) => tablesOf<WarehouseTables>(db as Db);
