import type { Generated } from 'kysely';
import type { Db, Trx } from '../../platform/db';
import { tablesOf } from '../../platform/db';
import type { LocationTables } from './location.service';

export const MOVEMENT_TYPES = [
  'receipt',
  'putaway',
  'move',
  'reserve',
  'release',
  'pick',
  'ship',
  'adjust',
  'count_variance',
  'scrap',
  'return',
  'kit_consume',
  'kit_produce',
] as const;
export type MovementType = (typeof MOVEMENT_TYPES)[number];

export const STOCK_STATUSES = ['available', 'quality_hold', 'damaged', 'quarantine'] as const;
export type StockStatus = (typeof STOCK_STATUSES)[number];

export const BIN_KINDS = ['pick_face', 'reserve', 'dispatch'] as const;
export type BinKind = (typeof BIN_KINDS)[number];

/**
 * How each movement type changes balances: its `from` leg takes quantity out of (bin, lot, status),
 * its `to` leg puts it in. On-hand moves with every type but reserve/release; the reserved quantity
 * moves with reserve (in), release (out), pick (out of the source, into the dispatch point) and ship
 * (out). The audit rebuilds balances from the ledger with exactly this table.
 */
export const MOVES_ON_HAND = (type: MovementType) => type !== 'reserve' && type !== 'release';
export const MOVES_RESERVED = (type: MovementType) =>
  type === 'reserve' || type === 'release' || type === 'pick' || type === 'ship';

export interface BinRow {
  id: string;
  warehouse_id: string;
  zone_id: string | null;
  code: string;
  barcode: string;
  kind: BinKind;
  x_mm: number;
  y_mm: number;
  max_weight_g: number | null;
  max_volume_mm3: number | null;
  active: boolean;
  created_at: Date;
}

export interface LotRow {
  id: string;
  sku_id: string;
  code: string;
  production_date: string | null;
  expiry_date: string | null;
  created_at: Date;
}

export interface MovementRow {
  id: number;
  at: Date;
  type: MovementType;
  sku_id: string;
  lot_id: string | null;
  warehouse_id: string;
  from_bin_id: string | null;
  from_status: StockStatus | null;
  to_bin_id: string | null;
  to_status: StockStatus | null;
  qty: number;
  actor_id: string | null;
  actor_name: string;
  reason: string | null;
  source_type: string | null;
  source_id: string | null;
  request_id: string | null;
}

export interface BalanceRow {
  id: number;
  sku_id: string;
  warehouse_id: string;
  bin_id: string;
  lot_id: string | null;
  status: StockStatus;
  on_hand: number;
  reserved: number;
  updated_at: Date;
}

export interface ReservationRow {
  id: number;
  order_ref: string;
  sku_id: string;
  warehouse_id: string;
  bin_id: string;
  lot_id: string | null;
  qty: number;
  updated_at: Date;
}

/** A row whose bigint id the database generates. */
type WithIdentity<T extends { id: number }> = Omit<T, 'id'> & { id: Generated<number> };

export interface StockTables extends LocationTables {
  'inventory.bin': BinRow;
  'inventory.lot': LotRow;
  'inventory.movement': WithIdentity<MovementRow>;
  'inventory.balance': WithIdentity<BalanceRow>;
  'inventory.reservation': WithIdentity<ReservationRow>;
}

export const stockDb = (db: Db | Trx) => tablesOf<StockTables>(db as Db);
