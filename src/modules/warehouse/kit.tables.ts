import type { ColumnType, Generated } from 'kysely';
import { type Db, type Trx, tablesOf } from '../../platform/db';

export const KIT_ORDER_STATUSES = ['planned', 'in_progress', 'completed', 'cancelled'] as const;
export type KitOrderStatus = (typeof KIT_ORDER_STATUSES)[number];

/** `generic`: the item customised (贴牌、本地化); `component`: what is added (labels, inserts, gift box…). */
export const KIT_ROLES = ['generic', 'component'] as const;
export type KitRole = (typeof KIT_ROLES)[number];

export interface KitRow {
  id: string;
  code: string;
  merchant_id: string;
  variant_sku_id: string;
  name: string;
  note: string | null;
  active: boolean;
  created_by_name: string;
  created_at: Date;
  updated_at: Date;
}

export interface KitComponentRow {
  kit_id: string;
  line_no: number;
  sku_id: string;
  role: KitRole;
  qty: number;
}

export interface KitOrderRow {
  id: string;
  number: string;
  kit_id: string;
  warehouse_id: string;
  merchant_id: string;
  variant_sku_id: string;
  status: KitOrderStatus;
  planned_qty: number;
  done_qty: number;
  output_bin_id: string | null;
  due_date: string | null;
  note: string | null;
  created_by_id: string | null;
  created_by_name: string;
  created_at: Date;
  started_at: Date | null;
  completed_at: Date | null;
  cancelled_at: Date | null;
  cancel_reason: string | null;
  updated_at: Date;
}

export interface KitOrderLineRow {
  order_id: string;
  line_no: number;
  sku_id: string;
  role: KitRole;
  qty_per_kit: number;
  required_qty: number;
  consumed_qty: number;
}

export interface ConsumedLot {
  skuId: string;
  binId: string;
  lotId: string | null;
  lotCode: string | null;
  qty: number;
}

export interface KitCompletionRow {
  id: string;
  order_id: string;
  qty: number;
  bin_id: string;
  lot_id: string | null;
  movement_id: number;
  consumed: ConsumedLot[];
  actor_id: string | null;
  actor_name: string;
  at: Date;
}

export interface KitOrderHistoryRow {
  id: number;
  order_id: string;
  from_status: KitOrderStatus | null;
  to_status: KitOrderStatus;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  note: string | null;
}

/** A jsonb column: read as the value, written as its JSON text. */
type Json<T> = ColumnType<T, string, string>;

export interface KitTables {
  'warehouse.kit': KitRow;
  'warehouse.kit_component': KitComponentRow;
  'warehouse.kit_order': KitOrderRow;
  'warehouse.kit_order_line': KitOrderLineRow;
  'warehouse.kit_completion': Omit<KitCompletionRow, 'consumed'> & { consumed: Json<ConsumedLot[]> };
  'warehouse.kit_order_history': Omit<KitOrderHistoryRow, 'id'> & { id: Generated<number> };
}

/** The handle typed with the kitting tables (a transaction is a handle too). */
export const kitDb = (db: Db | Trx) => tablesOf<KitTables>(db as Db);
