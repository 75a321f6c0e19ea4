import type { RawBuilder } from 'kysely';
import type { Actor } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import type { Job } from '../../platform/jobs';
import type { StorageClass } from './allocation.plan';

/** What orders needs to know about a SKU (catalog module). */
/** Stock rows locked by a statement of the caller's (`reservationLock`), handed back to `reserveMany`. */
export interface LockedStock {
  rows: unknown[];
  pairs: Set<string>;
}

export interface SkuInfo {
  id: string;
  code: string;
  merchantId: string;
  nameZh: string;
  storageClass: StorageClass;
  weightG: number;
  active: boolean;
  minRemainingShelfLifeDays: number | null;
}

/** A warehouse and its zones (inventory module). */
export interface WarehouseInfo {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  city: string;
  address: string;
  latitude: number | null;
  longitude: number | null;
  active: boolean;
  zones: Array<{ storageClass: StorageClass }>;
}

/** A stock balance row (inventory module); `zoneId` is null for the dispatch point. */
export interface StockInfo {
  skuId: string;
  warehouseId: string;
  expiryDate: string | null;
  available: number;
}

/** What the inventory's `reserve` answers for each bin and lot it took stock from. */
export interface ReservedStock {
  skuId: string;
  warehouseId: string;
  binId: string;
  binCode: string;
  lotId: string | null;
  lotCode: string | null;
  expiryDate: string | null;
  qty: number;
}

export interface LedgerCtx {
  actor: Actor;
  now: Date;
}

/**
 * What the orders module uses from other modules, injected by the composition root
 * (src/app/modules.ts) so orders never imports their files: merchants (org), SKUs (catalog),
 * warehouses, stock and reservations (inventory) and the job queue (platform).
 */
export interface OrdersDeps {
  merchantExists(db: Db, id: string): Promise<boolean>;
  merchantIdByCode(db: Db, code: string): Promise<string | null>;
  merchantNames(db: Db, ids: string[]): Promise<Map<string, string>>;
  listSkus(
    db: Db,
    query: { merchantId?: string; q?: string; limit: number; cursor?: string },
    merchantScope: string | null,
  ): Promise<{ items: SkuInfo[]; nextCursor: string | null }>;
  getSku(db: Db, id: string, merchantScope: string | null): Promise<SkuInfo>;
  /** Many SKUs at once (one statement): a merchant's by code, or by id. Intake falls back to the calls above. */
  skusByCodes?(db: Db, merchantId: string, codes: string[]): Promise<Map<string, SkuInfo>>;
  skusByIds?(db: Db, ids: string[], merchantScope: string | null): Promise<Map<string, SkuInfo>>;
  listWarehouses(db: Db, principal: null): Promise<WarehouseInfo[]>;
  /** Free stock of these SKUs by warehouse and lot expiry (one statement), what `reserve` would take from. */
  availableStock(db: Db, skuIds: string[]): Promise<StockInfo[]>;
  reserve(
    trx: Trx,
    input: { orderRef: string; lines: Array<{ skuId: string; qty: number; warehouseId: string }> },
    ctx: LedgerCtx,
  ): Promise<ReservedStock[]>;
  /**
   * Many orders' reservations at once, their rows locked in one statement, each all or nothing: per
   * order its stock, or the `inventory.insufficient_stock` error (with `together`, all or none: the
   * error is thrown; orders of one `unit`, given one after another, all or none). Lines may carry
   * the SKU's minimum remaining shelf life. With `writesTo`, the writes are left to the caller.
   */
  reserveMany(
    trx: Trx,
    orders: Array<{
      orderRef: string;
      requestId?: string | null;
      unit?: string;
      lines: Array<{
        skuId: string;
        qty: number;
        warehouseId: string;
        minRemainingShelfLifeDays?: number | null;
      }>;
    }>,
    ctx: LedgerCtx,
    options?: { together?: boolean; writesTo?: RawBuilder<unknown>[]; locked?: LockedStock },
  ): Promise<Array<ReservedStock[] | Error>>;
  /**
   * The statement `reserveMany` would lock these orders' stock with, to run inside one of the
   * caller's own and hand back (`locked`); null when a line does not say its SKU's shelf life.
   */
  reservationLock(
    orders: Array<{
      orderRef: string;
      lines: Array<{
        skuId: string;
        qty: number;
        warehouseId: string;
        minRemainingShelfLifeDays?: number | null;
      }>;
    }>,
    ctx: { now: Date },
  ): { query: RawBuilder<unknown>; pairs: Set<string> } | null;
  release(
    trx: Trx,
    input: { orderRef: string; lines?: Array<{ skuId: string; qty: number }> },
    ctx: LedgerCtx,
  ): Promise<unknown[]>;
  pick(
    trx: Trx,
    input: { orderRef: string; skuId: string; binId: string; lotId?: string | null; qty: number },
    ctx: LedgerCtx,
  ): Promise<unknown>;
  ship(trx: Trx, input: { orderRef: string }, ctx: LedgerCtx): Promise<unknown[]>;
  /** A stock correction (used for the units a short pick found missing). */
  adjust(
    trx: Trx,
    input: {
      skuId: string;
      binId: string;
      lotId?: string | null;
      delta: number;
      reason: string;
      type?: 'count_variance';
      sourceType?: string | null;
      sourceId?: string | null;
    },
    ctx: LedgerCtx,
  ): Promise<unknown>;
  enqueueJob(
    db: Db,
    job: { kind: string; payload: unknown; createdBy: string | null; merchantId: string | null; now: Date },
  ): Promise<Job>;
  /** IANA zone of the business day (doc numbers, promised dates); default Asia/Shanghai. */
  timeZone?: string;
}

let bound: OrdersDeps | null = null;

/**
 * `createOrdersModule(deps)` binds the lookups here, so the public functions other modules call
 * (`releaseToWarehouse(trx, …)`, the warehouse's hand-off calls) and the CLI keep simple
 * signatures. Only functions are kept — no data — so every process behaves the same.
 */
export function bindOrdersDeps(deps: OrdersDeps): void {
  bound = { ...deps };
}

export function ordersDeps(): OrdersDeps {
  if (!bound) throw new Error('orders: call createOrdersModule(deps) before using orders');
  return bound;
}

export const timeZoneOf = () => bound?.timeZone ?? 'Asia/Shanghai';
