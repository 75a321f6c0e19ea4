import { sql } from 'kysely';
import type { Trx } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import {
  balanceKey,
  type LedgerContext,
  lockBalances,
  type MovementInput,
  postMovements,
} from './ledger.repo';
import { settleHoldLines } from './quality-hold.service';
import { type BreakTarget, breakReservations, type LostReservation } from './reservation-break.service';
import { type BalanceRow, STOCK_STATUSES, type StockStatus } from './stock.tables';

/** What the books say one (bin, SKU, lot, status) holds. */
export interface BookLine {
  skuId: string;
  binId: string;
  lotId: string | null;
  status: StockStatus;
  onHand: number;
  reserved: number;
}

/**
 * The book quantities of some bins of a warehouse at this moment, and the ledger position (the
 * highest movement id) they correspond to — what a count of those bins is compared with. The balance
 * rows are locked `for share` (in the order every writer locks them) until the caller's transaction
 * ends, so no movement of those bins can slip between the reading and the position.
 */
export async function bookQuantities(
  trx: Trx,
  query: { warehouseId: string; binIds: readonly string[] },
): Promise<{ lines: BookLine[]; position: number }> {
  const ids = [...new Set(query.binIds)];
  const lines: BookLine[] = [];
  for (let i = 0; i < ids.length; i += 5000) {
    const { rows } = await sql<BalanceRow>`
      select b.* from inventory.balance b
      where b.warehouse_id = ${query.warehouseId}::uuid
        and b.bin_id in (${sql.join(ids.slice(i, i + 5000).map((id) => sql`${id}::uuid`))})
      order by b.sku_id, b.warehouse_id, b.id
      for share of b`.execute(trx);
    for (const r of rows)
      if (Number(r.on_hand) !== 0 || Number(r.reserved) !== 0)
        lines.push({
          skuId: r.sku_id,
          binId: r.bin_id,
          lotId: r.lot_id,
          status: r.status,
          onHand: Number(r.on_hand),
          reserved: Number(r.reserved),
        });
  }
  const { rows } = await sql<{ p: string | null }>`select max(id) as p from inventory.movement`.execute(trx);
  return { lines, position: Number(rows[0]?.p ?? 0) };
}

/** One counted (bin, SKU, lot): the signed difference to book (counted − book at the count). */
export interface CountVarianceLine {
  skuId: string;
  binId: string;
  lotId: string | null;
  delta: number;
}

export interface CountVarianceInput {
  warehouseId: string;
  lines: CountVarianceLine[];
  sourceType: string;
  sourceId: string;
  reason: string;
}

export interface CountVarianceResult {
  movements: number;
  /** Reservations taken away from orders because the counted stock was not there. */
  released: LostReservation[];
}

/** Statuses a shortage is taken from after the free available stock, in this order. */
const SHORTAGE_ORDER: readonly StockStatus[] = STOCK_STATUSES.filter((s) => s !== 'available');
const CHUNK = 2000;

const keyOf = (l: { skuId: string; binId: string; lotId: string | null }) =>
  `${l.skuId}|${l.binId}|${l.lotId ?? ''}`;

/**
 * Post a count's variances (`count_variance` movements), set-based and all or none in the caller's
 * transaction. A surplus is booked in as *available*. A shortage is taken from the free available
 * stock first, then from quality hold, damaged and quarantine, and last from reserved stock — those
 * reservations are taken away from their orders (`release` + `inventory.reservation_lost`, so the
 * orders re-allocate). The variance is a delta on the balance as it is now: movements made after
 * the count (picking went on) are kept. Held stock a count did not find is marked missing on its
 * quality hold lines, so the review does not ask about it and the hold can close. Statements are
 * multi-row (lock, update, insert) in chunks of 2,000 lines, so 10,000 lines take a handful of round
 * trips.
 */
export async function postCountVariances(
  trx: Trx,
  input: CountVarianceInput,
  ctx: LedgerContext,
): Promise<CountVarianceResult> {
  const merged = new Map<string, CountVarianceLine>();
  for (const l of input.lines) {
    if (!Number.isSafeInteger(l.delta)) throw new AppError('bad_request', 'inventory.adjust_zero');
    const prev = merged.get(keyOf(l));
    merged.set(keyOf(l), { ...l, delta: (prev?.delta ?? 0) + l.delta });
  }
  const lines = [...merged.values()]
    .filter((l) => l.delta !== 0)
    .sort((a, b) => (a.skuId < b.skuId ? -1 : a.skuId > b.skuId ? 1 : 0));
  if (!lines.length) return { movements: 0, released: [] };

  // Lock every balance the lines touch (any status), creating the available rows surpluses go to.
  const balances = new Map<string, BalanceRow>();
  for (let i = 0; i < lines.length; i += CHUNK) {
    const chunk = lines.slice(i, i + CHUNK);
    const { rows } = await sql<{
      status: StockStatus;
      sku_id: string;
      bin_id: string;
      lot_id: string | null;
    }>`
      select b.sku_id, b.bin_id, b.lot_id, b.status from inventory.balance b
      join (values ${sql.join(chunk.map((l) => sql`(${l.skuId}::uuid, ${l.binId}::uuid, ${l.lotId}::uuid)`))})
        as k(sku_id, bin_id, lot_id)
        on b.sku_id = k.sku_id and b.bin_id = k.bin_id and b.lot_id is not distinct from k.lot_id
      where b.warehouse_id = ${input.warehouseId}::uuid`.execute(trx);
    const keys = rows.map((r) => ({
      skuId: r.sku_id,
      warehouseId: input.warehouseId,
      binId: r.bin_id,
      lotId: r.lot_id,
      status: r.status,
      onHand: 0,
      reserved: 0,
    }));
    for (const l of chunk)
      if (l.delta > 0)
        keys.push({
          ...l,
          warehouseId: input.warehouseId,
          status: 'available',
          onHand: l.delta,
          reserved: 0,
        });
    for (const [k, row] of await lockBalances(trx, keys)) balances.set(k, row);
  }

  const movements: MovementInput[] = [];
  const breaks: BreakTarget[] = [];
  const move = (l: CountVarianceLine, status: StockStatus, qty: number, found: boolean) =>
    movements.push({
      type: 'count_variance',
      skuId: l.skuId,
      lotId: l.lotId,
      warehouseId: input.warehouseId,
      ...(found ? { to: { binId: l.binId, status } } : { from: { binId: l.binId, status } }),
      qty,
      reason: input.reason,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
    });
  for (const l of lines) {
    if (l.delta > 0) {
      move(l, 'available', l.delta, true);
      continue;
    }
    let need = -l.delta;
    const row = (status: StockStatus) => balances.get(balanceKey({ ...l, status }));
    const available = row('available');
    const free = available ? Number(available.on_hand) - Number(available.reserved) : 0;
    const fromFree = Math.min(need, Math.max(0, free));
    if (fromFree > 0) move(l, 'available', fromFree, false);
    need -= fromFree;
    for (const status of SHORTAGE_ORDER) {
      if (need <= 0) break;
      const take = Math.min(need, Number(row(status)?.on_hand ?? 0));
      if (take > 0) move(l, status, take, false);
      need -= take;
    }
    if (need > 0) {
      const reserved = Number(available?.reserved ?? 0);
      if (reserved < need)
        throw new AppError('conflict', 'inventory.count_variance_exceeds_stock', {
          skuId: l.skuId,
          binId: l.binId,
          requested: -l.delta,
          available: -l.delta - need + reserved,
        });
      breaks.push({ skuId: l.skuId, binId: l.binId, lotId: l.lotId, qty: need });
      move(l, 'available', need, false);
    }
  }

  const released: LostReservation[] = [];
  for (let i = 0; i < breaks.length; i += CHUNK)
    released.push(
      ...(await breakReservations(
        trx,
        breaks.slice(i, i + CHUNK),
        'count_variance',
        { sourceType: input.sourceType, sourceId: input.sourceId },
        ctx,
      )),
    );
  for (let i = 0; i < movements.length; i += CHUNK)
    await postMovements(trx, movements.slice(i, i + CHUNK), ctx);
  const heldMissing = movements
    .filter((m) => m.from?.status === 'quality_hold')
    .map((m) => ({ skuId: m.skuId, binId: m.from!.binId, lotId: m.lotId, qty: m.qty }));
  if (heldMissing.length) await settleHoldLines(trx, heldMissing, 'missing', ctx.now);
  return { movements: movements.length, released };
}
