import type { Generated, Kysely, Transaction } from 'kysely';
import { type Db, type Trx, tablesOf } from '../../platform/db';
import type { ServiceType } from './shipping.rates';

export const ORDER_STATUSES = [
  'created',
  'exception',
  'validated',
  'allocated',
  'released',
  'picking',
  'packed',
  'shipped',
  'in_transit',
  'delivered',
  'cancelled',
  'returned',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAYMENT_STATUSES = ['paid', 'cod', 'unpaid'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export type OrderSource = 'api' | 'import' | 'console' | 'split' | 'demo';
export type AddressStatusCol = 'exact' | 'normalised' | 'suggested' | 'failed';

/** One validation finding kept on the order: a reason code, its parameters, the field it is about. */
export interface StoredIssue {
  code: string;
  field?: string;
  params?: Record<string, string | number>;
}

export interface OrderRow {
  id: string;
  number: string;
  parent_id: string | null;
  split_seq: number;
  merchant_id: string;
  channel: string;
  external_no: string;
  status: OrderStatus;
  reason_codes: string[];
  issues: StoredIssue[];
  overrides: string[];
  exception_since: Date | null;
  consignee_name: string;
  consignee_phone: string;
  /** Lower-cased; null when the channel gave none. */
  consignee_email: string | null;
  phone_kind: 'mobile' | 'landline' | 'invalid';
  phone_last4: string;
  address_text: string;
  province_code: string | null;
  province_name: string | null;
  city_code: string | null;
  city_name: string | null;
  district_code: string | null;
  district_name: string | null;
  address_detail: string;
  address_status: AddressStatusCol;
  address_notes: string[];
  address_suggestions: unknown;
  payment_status: PaymentStatus;
  cod_amount_fen: number | null;
  total_fen: number;
  currency: string;
  service_type: ServiceType;
  window_from: Date | null;
  window_to: Date | null;
  notes: string | null;
  weight_g: number;
  dedupe_key: string;
  warehouse_id: string | null;
  shipping_cost_fen: number | null;
  promised_date: string | null;
  carrier: string | null;
  waybill_no: string | null;
  intercept_requested_at: Date | null;
  source: OrderSource;
  import_job_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  status_changed_at: Date;
  version: number;
}

export interface OrderLineRow {
  id: string;
  order_id: string;
  line_no: number;
  sku_id: string | null;
  sku_code: string;
  sku_name: string | null;
  storage_class: string | null;
  unit_weight_g: number | null;
  qty: number;
  unit_price_fen: number;
}

export interface HistoryRow {
  id: number;
  order_id: string;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  action: string;
  from_status: OrderStatus | null;
  to_status: OrderStatus | null;
  note: string | null;
  details: unknown;
}

export interface AllocationRow {
  id: number;
  order_id: string;
  sku_id: string;
  warehouse_id: string;
  bin_id: string;
  bin_code: string;
  lot_id: string | null;
  lot_code: string | null;
  expiry_date: string | null;
  qty: number;
  picked_qty: number;
}

export interface DecisionRow {
  id: number;
  order_id: string;
  at: Date;
  kind: string;
  code: string;
  params: Record<string, unknown>;
  candidates: unknown;
}

export interface OrdersTables {
  'orders.order': OrderRow;
  'orders.order_line': OrderLineRow;
  'orders.order_history': Omit<HistoryRow, 'id'> & { id: Generated<number> };
  'orders.allocation': Omit<AllocationRow, 'id'> & { id: Generated<number> };
  'orders.decision': Omit<DecisionRow, 'id'> & { id: Generated<number> };
  'orders.blocked_customer': {
    id: string;
    phone: string;
    merchant_id: string | null;
    reason: string;
    active: boolean;
    created_at: Date;
    created_by: string;
    removed_at: Date | null;
    removed_by: string | null;
  };
  'orders.setting': { key: string; value: unknown; updated_at: Date; updated_by: string };
  'orders.service_level': {
    id: string;
    warehouse_id: string;
    dest_province_code: string;
    service_type: ServiceType;
    days: number;
    updated_at: Date;
  };
  'orders.tracking_attempt': { id: Generated<number>; at: Date; ip: string; number: string; ok: boolean };
}

export function ordersDb(db: Db): Kysely<OrdersTables>;
export function ordersDb(db: Trx): Transaction<OrdersTables>;
export function ordersDb(db: Db | Trx): Kysely<OrdersTables> | Transaction<OrdersTables> {
  return tablesOf<OrdersTables>(db as Db);
}
