import { sql } from 'kysely';
import type { Actor } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import {
  type BalanceRow,
  MOVES_ON_HAND,
  MOVES_RESERVED,
  type MovementRow,
  type MovementType,
  type StockStatus,
  stockDb,
} from './stock.tables';

export interface Leg {
  binId: string;
  status: StockStatus;
}

export interface MovementInput {
  type: MovementType;
  skuId: string;
  lotId: string | null;
  warehouseId: string;
  from?: Leg | null;
  to?: Leg | null;
  qty: number;
  reason?: string | null;
  sourceType?: string | null;
  sourceId?: string | null;
}

export interface LedgerContext {
  actor: Actor;
  now: Date;
}

interface Delta {
  skuId: string;
  warehouseId: string;
  binId: string;
  lotId: string | null;
  status: StockStatus;
  onHand: number;
  reserved: number;
}

export const balanceKey = (k: { skuId: string; binId: string; lotId: string | null; status: string }) =>
  `${k.skuId}|${k.binId}|${k.lotId ?? ''}|${k.status}`;
const rowKey = (r: BalanceRow) =>
  balanceKey({ skuId: r.sku_id, binId: r.bin_id, lotId: r.lot_id, status: r.status });

/** Net balance change of each (sku, bin, lot, status) the movements touch. */
function deltasOf(movements: MovementInput[]): Delta[] {
  const deltas = new Map<string, Delta>();
  const add = (m: MovementInput, leg: Leg, sign: 1 | -1) => {
    const k = { skuId: m.skuId, binId: leg.binId, lotId: m.lotId, status: leg.status };
    const d = deltas.get(balanceKey(k)) ?? { ...k, warehouseId: m.warehouseId, onHand: 0, reserved: 0 };
    if (MOVES_ON_HAND(m.type)) d.onHand += sign * m.qty;
    if (MOVES_RESERVED(m.type)) d.reserved += sign * m.qty;
    deltas.set(balanceKey(k), d);
  };
  for (const m of movements) {
    if (m.from) add(m, m.from, -1);
    if (m.to) add(m, m.to, 1);
  }
  return [...deltas.values()];
}

const keyValues = (keys: Delta[]) =>
  sql.join(
    keys.map(
      (k) =>
        sql`(${k.skuId}::uuid, ${k.warehouseId}::uuid, ${k.binId}::uuid, ${k.lotId}::uuid, ${k.status}::text, ${k.onHand}::bigint, ${k.reserved}::bigint)`,
    ),
  );

/**
 * Lock the balance rows of `keys` (creating missing ones) in the one fixed order every writer uses —
 * (sku, warehouse, balance id), as `reserve` does — so concurrent writers queue instead of
 * deadlocking.
 */
export async function lockBalances(trx: Trx, keys: Delta[]): Promise<Map<string, BalanceRow>> {
  if (!keys.length) return new Map();
  await sql`
    insert into inventory.balance (sku_id, warehouse_id, bin_id, lot_id, status, on_hand, reserved)
    select k.sku_id, k.warehouse_id, k.bin_id, k.lot_id, k.status, 0, 0
    from (values ${keyValues(keys)}) as k(sku_id, warehouse_id, bin_id, lot_id, status, d_on, d_res)
    where k.d_on > 0 or k.d_res > 0
    on conflict (sku_id, bin_id, lot_id, status) do nothing`.execute(trx);
  const rows = await sql<BalanceRow>`
    select b.* from inventory.balance b
    join (values ${keyValues(keys)}) as k(sku_id, warehouse_id, bin_id, lot_id, status, d_on, d_res)
      on b.sku_id = k.sku_id and b.bin_id = k.bin_id and b.lot_id is not distinct from k.lot_id
      and b.status = k.status
    order by b.sku_id, b.warehouse_id, b.id
    for update of b`.execute(trx);
  return new Map(rows.rows.map((r) => [rowKey(r), r]));
}

/**
 * Post movements: lock the balances they touch, check that none goes negative and that reserved
 * stays within on-hand, apply the changes and append the movements — all in the caller's
 * transaction. Throws `inventory.insufficient_stock` (nothing written) when stock is short.
 */
export async function postMovements(
  trx: Trx,
  movements: MovementInput[],
  ctx: LedgerContext,
): Promise<MovementRow[]> {
  if (!movements.length) return [];
  const deltas = deltasOf(movements).filter((d) => d.onHand !== 0 || d.reserved !== 0);
  const locked = await lockBalances(trx, deltas);
  for (const d of deltas) {
    const row = locked.get(balanceKey(d));
    const onHand = (row?.on_hand ?? 0) + d.onHand;
    const reserved = (row?.reserved ?? 0) + d.reserved;
    if (onHand < 0 || reserved < 0 || reserved > onHand) {
      const available = row ? row.on_hand - row.reserved : 0;
      throw new AppError('conflict', 'inventory.insufficient_stock', {
        skuId: d.skuId,
        binId: d.binId,
        status: d.status,
        requested: d.reserved < 0 && d.onHand === 0 ? -d.reserved : Math.abs(d.onHand || d.reserved),
        available: d.reserved < 0 && d.onHand === 0 ? (row?.reserved ?? 0) : available,
      });
    }
  }
  if (deltas.length)
    await sql`
      update inventory.balance b
      set on_hand = b.on_hand + k.d_on, reserved = b.reserved + k.d_res, updated_at = ${ctx.now}
      from (values ${keyValues(deltas)}) as k(sku_id, warehouse_id, bin_id, lot_id, status, d_on, d_res)
      where b.sku_id = k.sku_id and b.bin_id = k.bin_id and b.lot_id is not distinct from k.lot_id
        and b.status = k.status`.execute(trx);
  return insertMovements(trx, movements, ctx);
}

export async function insertMovements(
  trx: Trx,
  movements: MovementInput[],
  ctx: LedgerContext,
): Promise<MovementRow[]> {
  return stockDb(trx)
    .insertInto('inventory.movement')
    .values(movements.map((m) => movementValues(m, ctx)))
    .returningAll()
    .execute();
}

export function movementValues(m: MovementInput, ctx: LedgerContext) {
  return {
    at: ctx.now,
    type: m.type,
    sku_id: m.skuId,
    lot_id: m.lotId,
    warehouse_id: m.warehouseId,
    from_bin_id: m.from?.binId ?? null,
    from_status: m.from?.status ?? null,
    to_bin_id: m.to?.binId ?? null,
    to_status: m.to?.status ?? null,
    qty: m.qty,
    actor_id: ctx.actor.id,
    actor_name: ctx.actor.name,
    reason: m.reason ?? null,
    source_type: m.sourceType ?? null,
    source_id: m.sourceId ?? null,
    request_id: ctx.actor.requestId,
  };
}
