import { type RawBuilder, sql } from 'kysely';
import type { Trx } from '../../platform/db';
import type { AppError } from '../../platform/lib/errors';
import { addDays } from '../../platform/time/calendar';
import {
  type Allocation,
  allocationOf,
  type LockedRow,
  mergedLines,
  type ReserveLine,
  shortOf,
} from './reservation.rows';
import { askCutoffs, businessDayCached } from './reservation.service';
import type { StockContext } from './stock.service';

/**
 * Reservations for many orders at once (orders placed together), each order all or nothing with
 * the rules `reserve` keeps for one: FEFO (first expiry, pick faces before reserve storage, bin
 * code), never a lot under the SKU's minimum remaining shelf life, never below zero. An order short
 * of stock gets its `inventory.insufficient_stock` error back in its place and has written nothing;
 * the others are reserved, in the order given (an order takes what the ones before it left).
 *
 * Two statements whatever the number of orders. The first locks every candidate balance of the
 * group — each (SKU, warehouse) in turn, its rows in id order: the one order every writer locks
 * balances in, so groups and single reservations queue behind each other and never deadlock — and
 * answers them in FEFO order. The orders are then walked here against those numbers, and the
 * second statement takes what they took (`takeWrites`): the balances, a reserve movement and a
 * reservation per order and balance — or the caller runs those writes with its own (`writesTo`).
 *
 * A line may say the SKU's minimum remaining shelf life (`null`: none), which the caller knows from
 * the catalog; for the others the catalog is asked first.
 */
export interface ManyLine extends ReserveLine {
  minRemainingShelfLifeDays?: number | null;
}

export interface OrderToReserve {
  orderRef: string;
  lines: ManyLine[];
  /** The request the order came with, on its movements (default: the context actor's). */
  requestId?: string | null;
  /**
   * Orders given one after another with the same unit stand or fall together (the parts of one
   * split order): when one is short, none of them takes anything and each gets the shortage.
   */
  unit?: string;
}

/** A candidate balance as the lock statement answers it (ids and quantities as text). */
type Candidate = Pick<
  LockedRow,
  'sku_id' | 'warehouse_id' | 'bin_id' | 'bin_code' | 'lot_id' | 'lot_code' | 'expiry_date'
> & { id: string; free: string };

/** Every candidate of the (SKU, warehouse) pairs, locked pair by pair in id order, answered FEFO. */
function lockCandidates(
  pairs: Array<{ skuId: string; warehouseId: string; cutoff: string }>,
): RawBuilder<Candidate> {
  return sql<Candidate>`with c as materialized (
  select b.*
  from (select * from unnest(${pairs.map((p) => p.skuId)}::uuid[], ${pairs.map((p) => p.warehouseId)}::uuid[],
          ${pairs.map((p) => p.cutoff)}::date[]) as t(sku_id, warehouse_id, cutoff)
        order by t.sku_id, t.warehouse_id) w
  cross join lateral (
    select b.id, b.sku_id, b.warehouse_id, b.bin_id, bn.code as bin_code, bn.kind as bin_kind, b.lot_id,
      l.code as lot_code, l.expiry_date, b.on_hand - b.reserved as free
    from inventory.balance b
    cross join lateral (select bn.code, bn.kind from inventory.bin bn
      where bn.id = b.bin_id and bn.active and bn.kind <> 'dispatch' offset 0) bn
    left join lateral (select l.code, l.expiry_date from inventory.lot l where l.id = b.lot_id offset 0) l on true
    where b.sku_id = w.sku_id and b.warehouse_id = w.warehouse_id and b.status = 'available'
      and b.on_hand > b.reserved
      and (l.expiry_date is null or l.expiry_date >= w.cutoff)
    order by b.id
    for update of b) b)
select c.id::text as id, c.sku_id, c.warehouse_id, c.bin_id, c.bin_code, c.lot_id, c.lot_code,
  to_char(c.expiry_date, 'YYYY-MM-DD') as expiry_date, c.free::int8::text as free
from c
order by c.sku_id, c.warehouse_id, c.expiry_date nulls last, c.bin_kind <> 'pick_face', c.bin_code collate "C", c.id`;
}

/** Candidate balances locked by the caller's own statement (`reservationLock`), handed back. */
export interface LockedCandidates {
  rows: Candidate[];
  /** The (SKU, warehouse) pairs the lock covered. */
  pairs: Set<string>;
}

/**
 * The statement `reserveMany` would lock these orders' candidate balances with, for a caller to run
 * inside a statement of its own (one round trip for both) and hand back its rows
 * (`ReserveManyOptions.locked`) — then `reserveMany` reserves for these orders or any of them
 * without locking again. Null when a line does not say its SKU's minimum remaining shelf life (the
 * catalog would have to be asked first) or there is nothing to lock.
 */
export function reservationLock(
  orders: OrderToReserve[],
  ctx: Pick<StockContext, 'now'>,
): { query: RawBuilder<Candidate>; pairs: Set<string> } | null {
  const today = businessDayCached(ctx.now);
  const pairs = new Map<string, { skuId: string; warehouseId: string; cutoff: string }>();
  for (const o of orders)
    for (const l of o.lines) {
      if (l.minRemainingShelfLifeDays === undefined) return null;
      const cutoff = addDays(today, Math.max(0, l.minRemainingShelfLifeDays ?? 0));
      pairs.set(`${l.skuId}|${l.warehouseId}`, { skuId: l.skuId, warehouseId: l.warehouseId, cutoff });
    }
  if (!pairs.size) return null;
  return { query: lockCandidates([...pairs.values()]), pairs: new Set(pairs.keys()) };
}

export interface ReserveManyOptions {
  /**
   * The orders stand or fall together (the parts of one split order): when one is short nothing is
   * taken and its `inventory.insufficient_stock` error is thrown, as `reserve` throws it.
   */
  together?: boolean;
  /**
   * When given, the writes (balances, movements, reservations: data-modifying statements) are added
   * here for the caller to run with its own, before it commits (e.g. `recordAudits`' `also`: one
   * round trip for both) — the balances are locked already, so nothing can take their stock
   * meanwhile. Otherwise they run here, in one statement.
   */
  writesTo?: RawBuilder<unknown>[];
  /** The candidates, locked already by the caller's statement (`reservationLock` for these orders or more). */
  locked?: LockedCandidates;
}

export async function reserveMany(
  trx: Trx,
  orders: OrderToReserve[],
  ctx: StockContext,
  options: ReserveManyOptions = {},
): Promise<Array<Allocation[] | AppError>> {
  const lines = orders.map((o) => mergedLines(o.lines));
  const rows = options.locked ? lockedFor(options.locked, lines) : await lockNow(trx, lines, ctx);
  if (!rows) return orders.map(() => []);
  const candidates = new Map<string, Candidate[]>();
  for (const r of rows) {
    const key = `${r.sku_id}|${r.warehouse_id}`;
    const list = candidates.get(key);
    if (list) list.push(r);
    else candidates.set(key, [r]);
  }
  const free = new Map(rows.map((r) => [r.id, Number(r.free)]));

  // Each order in turn against what the ones before it left, all its lines or none; the orders of
  // a unit all or none.
  const out: Array<Allocation[] | AppError> = [];
  const takes: Array<{ order: number; row: Candidate; qty: number }> = [];
  for (let first = 0; first < orders.length; ) {
    const unit = orders[first].unit;
    let end = first + 1;
    while (unit !== undefined && end < orders.length && orders[end].unit === unit) end++;
    const mark = takes.length;
    let short: AppError | null = null;
    for (let i = first; i < end && !short; i++) {
      const mine: Array<{ row: Candidate; qty: number }> = [];
      for (const line of lines[i]) {
        // Already in FEFO order, lots under the SKU's cut-off left out.
        const rowsOf = candidates.get(`${line.skuId}|${line.warehouseId}`) ?? [];
        const available = rowsOf.reduce((s, r) => s + free.get(r.id)!, 0);
        if (available < line.qty) {
          short = shortOf(line, available);
          break;
        }
        let left = line.qty;
        for (const row of rowsOf) {
          if (left === 0) break;
          const qty = Math.min(left, free.get(row.id)!);
          if (qty <= 0) continue;
          mine.push({ row, qty });
          left -= qty;
        }
      }
      if (short) break;
      for (const t of mine) {
        free.set(t.row.id, free.get(t.row.id)! - t.qty);
        takes.push({ order: i, ...t });
      }
    }
    if (short) {
      if (options.together) throw short;
      // What the unit's orders before the short one took goes back.
      for (const t of takes.splice(mark)) free.set(t.row.id, free.get(t.row.id)! + t.qty);
      for (let i = first; i < end; i++) out.push(short);
    } else
      for (let i = first; i < end; i++)
        out.push(takes.slice(mark).flatMap((t) => (t.order === i ? [allocationOf(t.row, t.qty)] : [])));
    first = end;
  }
  if (!takes.length) return out;

  const perBalance = new Map<string, number>();
  for (const t of takes) perBalance.set(t.row.id, (perBalance.get(t.row.id) ?? 0) + t.qty);
  const requestOf = (o: OrderToReserve) =>
    (o.requestId === undefined ? ctx.actor.requestId : o.requestId) ?? null;
  const writes = takeWrites(perBalance, ctx, {
    refs: takes.map((t) => orders[t.order].orderRef),
    requests: takes.map((t) => requestOf(orders[t.order])),
    skus: takes.map((t) => t.row.sku_id),
    warehouses: takes.map((t) => t.row.warehouse_id),
    bins: takes.map((t) => t.row.bin_id),
    lots: takes.map((t) => t.row.lot_id),
    qtys: takes.map((t) => t.qty),
  });
  if (options.writesTo) options.writesTo.push(...writes);
  else await sql`with upd as (${writes[0]}), mov as (${writes[1]}) ${writes[2]}`.execute(trx);
  return out;
}

/** Lock the candidates of the orders' lines now (their cut-offs asked from the catalog where not given). */
async function lockNow(trx: Trx, lines: ManyLine[][], ctx: StockContext): Promise<Candidate[] | null> {
  const today = businessDayCached(ctx.now);
  // Cut-off expiry date per SKU: from the shelf life the caller gave, else from the catalog.
  const cutoffs = new Map<string, string>();
  const unknown: string[] = [];
  for (const l of lines.flat()) {
    if (l.minRemainingShelfLifeDays === undefined) unknown.push(l.skuId);
    else cutoffs.set(l.skuId, addDays(today, Math.max(0, l.minRemainingShelfLifeDays ?? 0)));
  }
  const asked = unknown.filter((id) => !cutoffs.has(id));
  if (asked.length) await askCutoffs(trx, asked, today, cutoffs);
  const pairs = new Map<string, { skuId: string; warehouseId: string; cutoff: string }>();
  for (const l of lines.flat())
    pairs.set(`${l.skuId}|${l.warehouseId}`, {
      skuId: l.skuId,
      warehouseId: l.warehouseId,
      cutoff: cutoffs.get(l.skuId)!,
    });
  if (!pairs.size) return null;
  return (await lockCandidates([...pairs.values()]).execute(trx)).rows;
}

/** The rows the caller locked, which must cover every line. */
function lockedFor(locked: LockedCandidates, lines: ManyLine[][]): Candidate[] | null {
  for (const l of lines.flat())
    if (!locked.pairs.has(`${l.skuId}|${l.warehouseId}`))
      throw new Error(`reserveMany: ${l.skuId} at ${l.warehouseId} was not locked by the caller`);
  return lines.flat().length ? locked.rows : null;
}

/**
 * What the orders took, as three data-modifying statements: per balance the sum (under the row
 * locks it always fits; should it ever not, the balance's check `reserved <= on_hand` fails the
 * statement and the caller's transaction rolls back whole), per order and balance a reserve
 * movement and a reservation.
 */
function takeWrites(
  perBalance: Map<string, number>,
  ctx: StockContext,
  o: {
    refs: string[];
    requests: Array<string | null>;
    skus: string[];
    warehouses: string[];
    bins: string[];
    lots: Array<string | null>;
    qtys: number[];
  },
): RawBuilder<unknown>[] {
  const taken = sql`unnest(${o.refs}::text[], ${o.requests}::text[], ${o.skus}::uuid[], ${o.warehouses}::uuid[],
    ${o.bins}::uuid[], ${o.lots}::uuid[], ${o.qtys}::bigint[])
    as o(ref, request_id, sku_id, warehouse_id, bin_id, lot_id, qty)`;
  return [
    sql`update inventory.balance b set reserved = b.reserved + t.qty, updated_at = ${ctx.now}::timestamptz
      from unnest(${[...perBalance.keys()]}::bigint[], ${[...perBalance.values()]}::bigint[]) as t(id, qty)
      where b.id = t.id`,
    sql`insert into inventory.movement (at, type, sku_id, lot_id, warehouse_id, to_bin_id, to_status, qty,
        actor_id, actor_name, source_type, source_id, request_id)
      select ${ctx.now}::timestamptz, 'reserve', o.sku_id, o.lot_id, o.warehouse_id, o.bin_id, 'available', o.qty,
        ${ctx.actor.id}::uuid, ${ctx.actor.name}::text, 'order', o.ref, o.request_id
      from ${taken}`,
    // One row per key even when an order is named twice in the group.
    sql`insert into inventory.reservation as rv (order_ref, sku_id, warehouse_id, bin_id, lot_id, qty, updated_at)
      select o.ref, o.sku_id, o.warehouse_id, o.bin_id, o.lot_id, sum(o.qty), ${ctx.now}::timestamptz from ${taken}
      group by o.ref, o.sku_id, o.warehouse_id, o.bin_id, o.lot_id
      on conflict (order_ref, sku_id, bin_id, lot_id)
      do update set qty = rv.qty + excluded.qty, updated_at = excluded.updated_at`,
  ];
}
