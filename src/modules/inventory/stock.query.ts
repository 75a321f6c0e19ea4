import { sql } from 'kysely';
import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { badRequest } from '../../platform/lib/errors';
import { type MovementRow, type MovementType, type StockStatus, stockDb } from './stock.tables';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor holding one bigint id. */
function idAfter(cursor: string | undefined): number | null {
  if (!cursor) return null;
  const [id] = decodeCursor(cursor, 1);
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0)
    throw badRequest('invalid_cursor', {}, [
      { field: 'querystring.cursor', code: 'invalid_cursor', message: 'invalid cursor' },
    ]);
  return id;
}

export const isUuid = (v: string) => UUID.test(v);

/** Warehouses the principal may see, or null for all. */
export const scopeOf = (principal: Principal | null): string[] | null =>
  !principal || principal.warehouseIds === 'all' ? null : [...principal.warehouseIds];

export interface StockQuery {
  warehouseId?: string;
  zoneId?: string;
  skuId?: string;
  binId?: string;
  lotId?: string;
  status?: StockStatus;
  /** Include rows with nothing on hand (default false). */
  includeEmpty?: boolean;
  limit: number;
  cursor?: string;
}

export interface StockRow {
  skuId: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string;
  binCode: string;
  lotId: string | null;
  lotCode: string | null;
  expiryDate: string | null;
  status: StockStatus;
  onHand: number;
  reserved: number;
  available: number;
}

export async function listStock(db: Db, principal: Principal | null, query: StockQuery) {
  const scope = scopeOf(principal);
  if (scope && (!scope.length || (query.warehouseId && !scope.includes(query.warehouseId))))
    return { items: [] as StockRow[], nextCursor: null };
  let q = stockDb(db)
    .selectFrom('inventory.balance as b')
    .innerJoin('inventory.bin as n', 'n.id', 'b.bin_id')
    .leftJoin('inventory.lot as l', 'l.id', 'b.lot_id')
    .select([
      'b.id',
      'b.sku_id',
      'b.warehouse_id',
      'n.zone_id',
      'b.bin_id',
      'n.code as bin_code',
      'b.lot_id',
      'l.code as lot_code',
      'l.expiry_date',
      'b.status',
      'b.on_hand',
      'b.reserved',
    ]);
  if (scope) q = q.where('b.warehouse_id', 'in', scope);
  if (query.warehouseId) q = q.where('b.warehouse_id', '=', query.warehouseId);
  if (query.zoneId) q = q.where('n.zone_id', '=', query.zoneId);
  if (query.skuId) q = q.where('b.sku_id', '=', query.skuId);
  if (query.binId) q = q.where('b.bin_id', '=', query.binId);
  if (query.lotId) q = q.where('b.lot_id', '=', query.lotId);
  if (query.status) q = q.where('b.status', '=', query.status);
  if (!query.includeEmpty) q = q.where('b.on_hand', '>', 0);
  const after = idAfter(query.cursor);
  if (after !== null) q = q.where('b.id', '>', after);
  const rows = await q
    .orderBy('b.id')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [Number(r.id)]);
  return {
    items: page.items.map(
      (r): StockRow => ({
        skuId: r.sku_id,
        warehouseId: r.warehouse_id,
        zoneId: r.zone_id,
        binId: r.bin_id,
        binCode: r.bin_code,
        lotId: r.lot_id,
        lotCode: r.lot_code,
        expiryDate: r.expiry_date,
        status: r.status,
        onHand: Number(r.on_hand),
        reserved: Number(r.reserved),
        available: Number(r.on_hand) - Number(r.reserved),
      }),
    ),
    nextCursor: page.nextCursor,
  };
}

export interface AvailableStock {
  skuId: string;
  warehouseId: string;
  /** Expiry of the lots counted here (null: stock without a dated lot). */
  expiryDate: string | null;
  available: number;
}

/**
 * Free stock of these SKUs in one statement, by warehouse and expiry date: available status, in
 * storage bins (a zone's, not the dispatch area), on hand above reserved — what `reserve` chooses
 * from, for an order allocation to weigh warehouses before reserving. One text whatever the number
 * of SKUs, so it stays a prepared statement.
 */
export async function availableStock(db: Db, skuIds: string[]): Promise<AvailableStock[]> {
  if (!skuIds.length) return [];
  const { rows } = await sql<{
    sku_id: string;
    warehouse_id: string;
    expiry_date: string | null;
    available: string;
  }>`
    select b.sku_id, b.warehouse_id, l.expiry_date, sum(b.on_hand - b.reserved)::bigint as available
      from inventory.balance b
      join inventory.bin n on n.id = b.bin_id
      left join inventory.lot l on l.id = b.lot_id
     where b.sku_id = any(${skuIds}::uuid[]) and b.status = 'available' and b.on_hand > b.reserved
       and n.zone_id is not null
     group by b.sku_id, b.warehouse_id, l.expiry_date`.execute(db);
  return rows.map((r) => ({
    skuId: r.sku_id,
    warehouseId: r.warehouse_id,
    expiryDate: r.expiry_date,
    available: Number(r.available),
  }));
}

export interface MovementQuery {
  warehouseId?: string;
  skuId?: string;
  binId?: string;
  lotId?: string;
  type?: MovementType;
  sourceType?: string;
  sourceId?: string;
  limit: number;
  cursor?: string;
}

export interface MovementView {
  id: number;
  at: string;
  type: MovementType;
  skuId: string;
  lotId: string | null;
  warehouseId: string;
  fromBinId: string | null;
  fromStatus: StockStatus | null;
  toBinId: string | null;
  toStatus: StockStatus | null;
  qty: number;
  actorId: string | null;
  actorName: string;
  reason: string | null;
  sourceType: string | null;
  sourceId: string | null;
}

export const toMovementView = (m: MovementRow): MovementView => ({
  id: Number(m.id),
  at: m.at.toISOString(),
  type: m.type,
  skuId: m.sku_id,
  lotId: m.lot_id,
  warehouseId: m.warehouse_id,
  fromBinId: m.from_bin_id,
  fromStatus: m.from_status,
  toBinId: m.to_bin_id,
  toStatus: m.to_status,
  qty: Number(m.qty),
  actorId: m.actor_id,
  actorName: m.actor_name,
  reason: m.reason,
  sourceType: m.source_type,
  sourceId: m.source_id,
});

/** The ledger, newest first. */
export async function listMovements(db: Db, principal: Principal | null, query: MovementQuery) {
  const scope = scopeOf(principal);
  if (scope && (!scope.length || (query.warehouseId && !scope.includes(query.warehouseId))))
    return { items: [] as MovementView[], nextCursor: null };
  let q = stockDb(db).selectFrom('inventory.movement').selectAll();
  if (scope) q = q.where('warehouse_id', 'in', scope);
  if (query.warehouseId) q = q.where('warehouse_id', '=', query.warehouseId);
  if (query.skuId) q = q.where('sku_id', '=', query.skuId);
  if (query.binId)
    q = q.where((eb) => eb.or([eb('from_bin_id', '=', query.binId!), eb('to_bin_id', '=', query.binId!)]));
  if (query.lotId) q = q.where('lot_id', '=', query.lotId);
  if (query.type) q = q.where('type', '=', query.type);
  if (query.sourceType) q = q.where('source_type', '=', query.sourceType);
  if (query.sourceId) q = q.where('source_id', '=', query.sourceId);
  const after = idAfter(query.cursor);
  if (after !== null) q = q.where('id', '<', after);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [Number(r.id)]);
  return { items: page.items.map(toMovementView), nextCursor: page.nextCursor };
}
