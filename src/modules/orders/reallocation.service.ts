import { sql } from 'kysely';
import type { Trx } from '../../platform/db';
import { publish } from '../../platform/events';
import { AppError, isAppError } from '../../platform/lib/errors';
import { type AllocationOutcome, allocateOrder, allocationRows } from './allocation.service';
import { allocationsOf, getOrderRow, linesOf } from './order.repo';
import { createSubOrder, distribute, replaceLines } from './order.split';
import { recordHistory, type StateContext, transition } from './order.state';
import type { AllocationRow, OrderRow } from './order.tables';
import { ordersDb } from './order.tables';
import { ordersDeps } from './orders.deps';

/**
 * Re-allocation when reserved stock is not there. Two ways in:
 *
 * - a short pick reported by the warehouse (the bin holds less than the books say): the SKU's open
 *   reservations are given back, the missing units are written off at that bin as a count variance
 *   through the inventory module (so no one reserves them again), and the open quantity is
 *   reserved again;
 * - `inventory.reservation_lost` (expired, held after a temperature excursion, lost in an incident):
 *   the inventory module already took the stock away; the lost quantity is reserved again.
 *
 * Reserved again means in the same warehouse (other bins or lots, FEFO) if it can be. If not:
 * before picking, the whole order is allocated afresh (possibly elsewhere or split); once picking
 * started, the missing units become a new part of the order, allocated on its own or waiting in the
 * exception queue.
 */
export interface LostLine {
  skuId: string;
  qty: number;
  /** The bin (and lot) the stock is missing from. */
  binId?: string | null;
  lotId?: string | null;
}

export type ReallocationOutcome =
  | { outcome: 'same_warehouse' }
  | { outcome: 'reallocated'; allocation: AllocationOutcome }
  | { outcome: 'split'; part: { id: string; number: string }; allocation: AllocationOutcome };

const ACTIVE = new Set(['allocated', 'released', 'picking', 'packed']);
const open = (a: AllocationRow) => a.qty - a.picked_qty;

/** Published when an order's reservations moved (short pick, stock taken away), for the warehouse. */
export const ORDER_REALLOCATED = 'orders.order_reallocated';
export interface OrderReallocatedEvent {
  orderId: string;
  number: string;
  /** The warehouse it was allocated to before (its outbound document must follow). */
  warehouseId: string | null;
  outcome: ReallocationOutcome['outcome'];
  /** The new part of the order holding the missing units, when split. */
  partId: string | null;
}

/**
 * Re-allocate the units an order lost, and tell the warehouse (`orders.order_reallocated`) so the
 * outbound document follows the new reservations even when the warehouse did not ask (stock the
 * inventory module took away).
 */
export async function reallocateLost(
  trx: Trx,
  input: Parameters<typeof reallocate>[1],
  ctx: StateContext,
): Promise<ReallocationOutcome> {
  const before = await getOrderRow(trx, input.orderId, true);
  const result = await reallocate(trx, input, ctx);
  const event: OrderReallocatedEvent = {
    orderId: before.id,
    number: before.number,
    warehouseId: before.warehouse_id,
    outcome: result.outcome,
    partId: result.outcome === 'split' ? result.part.id : null,
  };
  await publish(trx, ORDER_REALLOCATED, event, ctx.now);
  return result;
}

async function reallocate(
  trx: Trx,
  input: {
    orderId: string;
    lines: LostLine[];
    /** True when the inventory module already took the stock away (reservation_lost). */
    alreadyReleased?: boolean;
    note?: string | null;
    /** The event that reported it, so a redelivery changes nothing. */
    eventId?: string | null;
  },
  ctx: StateContext,
): Promise<ReallocationOutcome> {
  const order = await getOrderRow(trx, input.orderId, true);
  if (!ACTIVE.has(order.status))
    throw new AppError('conflict', 'orders.illegal_transition', {
      number: order.number,
      from: order.status,
      to: 'allocated',
      allowed: '-',
    });
  const allocations = await allocationsOf(trx, order.id);
  /** Units to reserve again per SKU, and how many of them had already been picked. */
  const again = new Map<string, number>();
  const lost = new Map<string, number>();
  let lostPicked = 0;
  if (input.alreadyReleased) {
    for (const line of input.lines) {
      lostPicked += await shrinkLost(trx, order, allocations, line);
      again.set(line.skuId, (again.get(line.skuId) ?? 0) + line.qty);
      lost.set(line.skuId, (lost.get(line.skuId) ?? 0) + line.qty);
    }
  } else {
    for (const line of input.lines) {
      const atBin = allocations.filter(
        (a) =>
          a.sku_id === line.skuId &&
          a.bin_id === line.binId &&
          (line.lotId === undefined || a.lot_id === (line.lotId ?? null)),
      );
      const openAtBin = atBin.reduce((s, a) => s + open(a), 0);
      if (!line.binId || !Number.isSafeInteger(line.qty) || line.qty <= 0 || line.qty > openAtBin)
        throw new AppError('conflict', 'orders.pick_not_allocated', {
          number: order.number,
          bin: atBin[0]?.bin_code ?? line.binId ?? '-',
          requested: line.qty,
          open: openAtBin,
        });
      await writeOffShort(trx, order, allocations, line, atBin[0], ctx);
      const openTotal = allocations.filter((a) => a.sku_id === line.skuId).reduce((s, a) => s + open(a), 0);
      again.set(line.skuId, openTotal);
      lost.set(line.skuId, (lost.get(line.skuId) ?? 0) + line.qty);
    }
  }
  await recordHistory(trx, order.id, ctx, {
    action: input.eventId ? 'reservation_lost' : 'short_pick',
    note: input.note,
    details: { eventId: input.eventId ?? null, lines: input.lines },
  });

  if (await reserveAgain(trx, order, again, ctx)) {
    const details = { skus: [...again.keys()] };
    if (order.status === 'packed' && lostPicked > 0)
      await transition(trx, order, 'picking', ctx, { action: 'reallocate', note: input.note, details });
    else await recordHistory(trx, order.id, ctx, { action: 'reallocate', details });
    return { outcome: 'same_warehouse' };
  }
  const picked = (await allocationsOf(trx, order.id)).some((a) => a.picked_qty > 0);
  if (!picked && (order.status === 'allocated' || order.status === 'released')) {
    await ordersDeps().release(trx, { orderRef: order.number }, ctx);
    await ordersDb(trx).deleteFrom('orders.allocation').where('order_id', '=', order.id).execute();
    await transition(
      trx,
      order,
      'validated',
      ctx,
      { action: 'reallocate', note: input.note },
      { warehouse_id: null, promised_date: null, shipping_cost_fen: null },
    );
    return { outcome: 'reallocated', allocation: await allocateOrder(trx, order.id, ctx) };
  }
  // Picking has started: what is still there is reserved again, the missing units go to a new part.
  const rest = new Map(
    [...again].map(([sku, qty]) => [sku, qty - (input.alreadyReleased ? qty : (lost.get(sku) ?? 0))]),
  );
  if (!(await reserveAgain(trx, order, rest, ctx)))
    throw new AppError('conflict', 'inventory.insufficient_stock', { orderRef: order.number });
  return splitOff(trx, order, lost, lostPicked, ctx, input.note ?? null);
}

/** Reserve these quantities in the order's warehouse; false (and nothing written) when it has not enough. */
async function reserveAgain(
  trx: Trx,
  order: OrderRow,
  bySku: Map<string, number>,
  ctx: StateContext,
): Promise<boolean> {
  const lines = [...bySku]
    .filter(([, qty]) => qty > 0)
    .map(([skuId, qty]) => ({ skuId, qty, warehouseId: order.warehouse_id! }));
  if (!lines.length) return true;
  await sql`savepoint orders_reallocate`.execute(trx);
  try {
    const got = await ordersDeps().reserve(trx, { orderRef: order.number, lines }, ctx);
    await sql`release savepoint orders_reallocate`.execute(trx);
    await ordersDb(trx).insertInto('orders.allocation').values(allocationRows(order.id, got)).execute();
    return true;
  } catch (error) {
    if (!isAppError(error) || error.code !== 'inventory.insufficient_stock') throw error;
    await sql`rollback to savepoint orders_reallocate`.execute(trx);
    return false;
  }
}

/**
 * A short pick: give back the SKU's open reservations, record the missing units at the bin as a
 * count variance (inventory's public `adjust`), and drop the open allocation rows.
 */
async function writeOffShort(
  trx: Trx,
  order: OrderRow,
  allocations: AllocationRow[],
  line: LostLine,
  row: AllocationRow,
  ctx: StateContext,
) {
  const deps = ordersDeps();
  const rows = allocations.filter((a) => a.sku_id === line.skuId && open(a) > 0);
  await deps.release(
    trx,
    { orderRef: order.number, lines: [{ skuId: line.skuId, qty: rows.reduce((s, a) => s + open(a), 0) }] },
    ctx,
  );
  await deps.adjust(
    trx,
    {
      skuId: line.skuId,
      binId: row.bin_id,
      lotId: row.lot_id,
      delta: -line.qty,
      reason: `短拣 short pick: ${order.number}`,
      type: 'count_variance',
      sourceType: 'order',
      sourceId: order.number,
    },
    ctx,
  );
  for (const a of rows) {
    if (a.picked_qty === 0) await sql`delete from orders.allocation where id = ${a.id}`.execute(trx);
    else await sql`update orders.allocation set qty = picked_qty where id = ${a.id}`.execute(trx);
  }
}

/**
 * Take stock the inventory module took away off the allocation rows: from the named bin, or — when
 * the bin is not one reserved (the dispatch point) — from the picked units. Returns picked units lost.
 */
async function shrinkLost(
  trx: Trx,
  order: OrderRow,
  allocations: AllocationRow[],
  line: LostLine,
): Promise<number> {
  const rows = allocations.filter((a) => a.sku_id === line.skuId && a.qty > 0);
  const atBin = rows.filter(
    (a) => a.bin_id === line.binId && a.lot_id === (line.lotId ?? null) && open(a) > 0,
  );
  const fromPicked = !atBin.length;
  let left = line.qty;
  let picked = 0;
  for (const a of fromPicked
    ? rows.filter((x) => x.picked_qty > 0 && x.lot_id === (line.lotId ?? x.lot_id))
    : atBin) {
    if (left === 0) break;
    const take = Math.min(left, fromPicked ? a.picked_qty : open(a));
    left -= take;
    a.qty -= take;
    if (fromPicked) {
      a.picked_qty -= take;
      picked += take;
    }
    if (a.qty === 0) await sql`delete from orders.allocation where id = ${a.id}`.execute(trx);
    else
      await sql`update orders.allocation set qty = ${a.qty}, picked_qty = ${a.picked_qty} where id = ${a.id}`.execute(
        trx,
      );
  }
  if (left > 0)
    throw new AppError('conflict', 'orders.pick_not_allocated', {
      number: order.number,
      bin: line.binId ?? '-',
      requested: line.qty,
      open: line.qty - left,
    });
  return picked;
}

/** The missing units become their own part of the order. */
async function splitOff(
  trx: Trx,
  order: OrderRow,
  lost: Map<string, number>,
  lostPicked: number,
  ctx: StateContext,
  note: string | null,
): Promise<ReallocationOutcome> {
  const lines = await linesOf(trx, order.id);
  const [moved] = distribute(lines, [[...lost].map(([skuId, qty]) => ({ skuId, qty }))]);
  const keep = lines
    .map((line) => ({
      line,
      qty: line.qty - moved.filter((m) => m.line.id === line.id).reduce((s, m) => s + m.qty, 0),
    }))
    .filter((p) => p.qty > 0);
  await replaceLines(trx, order, keep, ctx.now);
  if (order.status === 'packed' && lostPicked > 0)
    await transition(trx, order, 'picking', ctx, { action: 'reallocate', note });
  const part = await createSubOrder(trx, order, moved, 'validated', ctx, `补发 ${order.number}`);
  return {
    outcome: 'split',
    part: { id: part.id, number: part.number },
    allocation: await allocateOrder(trx, part.id, ctx),
  };
}
