import { CompiledQuery, sql } from 'kysely';
import { systemActor } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import {
  type Allocation,
  type LockedRow,
  mergedLines,
  type ReserveLine,
  shortOf,
  takenFrom,
} from './reservation.rows';

export type { Allocation, ReserveLine } from './reservation.rows';

import { addDays, businessDayOf } from '../../platform/time/calendar';
import { binsByIds, dispatchBinOf } from './bin.service';
import { inventoryDeps, skuFactsMany } from './inventory.deps';
import { type MovementInput, postMovements } from './ledger.repo';
import type { StockContext } from './stock.service';
import { type MovementRow, stockDb } from './stock.tables';

const defaultContext = (): StockContext => ({ actor: systemActor('inventory'), now: new Date() });

/**
 * The business day of `now`, remembered for the minute it falls in (a day starts on a minute in
 * every time zone): reservations come in bursts, and the time-zone conversion cost more than the
 * rest of the call's own work.
 */
let lastDay = { minute: Number.NaN, day: '' };
export function businessDayCached(now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastDay.minute) lastDay = { minute, day: businessDayOf(now) };
  return lastDay.day;
}

/**
 * Reserve stock for an order inside the caller's transaction, all lines or none. Allocates FEFO
 * (first expiry first, then pick faces before reserve storage, then bin code) across bins and lots
 * of the warehouse, never from expired lots nor from lots with less than the SKU's minimum
 * remaining shelf life. Throws `inventory.insufficient_stock`.
 *
 * One statement does the work (`inventory.reserve_lines`): it locks the candidate balances in the
 * one fixed order every writer locks balances in — (sku, warehouse, balance id) — so concurrent
 * reservations queue and never deadlock, allocates FEFO among them, and only when every line is
 * covered takes each chosen balance with the conditional update (`on_hand - reserved >= qty`, never
 * below zero), then appends the movements and the order's reservations. One line (most orders) is
 * first one plain statement (`RESERVE_FIRST`): the same locks, and the writes when the line's first
 * candidate covers it; otherwise it answers the ids it locked and `inventory.reserve_line` goes on
 * among them. The SKU's minimum remaining shelf life comes from the catalog, asked only when a line
 * meets dated stock: the statement then writes nothing and answers which SKUs it needs; the second
 * run, with their cut-off dates, allocates among the rows the first one found.
 */
export async function reserve(
  trx: Trx,
  input: { orderRef: string; lines: ReserveLine[] },
  ctx: StockContext = defaultContext(),
): Promise<Allocation[]> {
  const lines = mergedLines(input.lines);
  if (!lines.length) return [];
  const today = businessDayCached(ctx.now);
  /** Cut-off expiry date per SKU, known once the catalog was asked (cached for this call). */
  const cutoffs = new Map<string, string>();
  let only: number[] | null = null;
  if (lines.length === 1) {
    const first = await reserveFirst(trx, input.orderRef, lines[0], today, ctx);
    if (!('locked' in first)) return [first];
    only = first.locked;
    // Its first candidate is dated: the cut-off decides what the rest may take.
    if (first.dated) await askCutoffs(trx, [lines[0].skuId], today, cutoffs);
  }
  for (;;) {
    const rows = await reserveStatement(trx, input.orderRef, lines, today, cutoffs, only, ctx);
    if (rows.some((r) => r.needs)) {
      const dated = rows.filter((r) => r.expiry_date !== null && !cutoffs.has(r.sku_id)).map((r) => r.sku_id);
      await askCutoffs(trx, dated, today, cutoffs);
      only = rows.map((r) => Number(r.id));
      continue;
    }
    const taken = takenFrom(input.orderRef, lines, rows);
    if (taken instanceof AppError) throw taken;
    return taken;
  }
}

/** The cut-off expiry dates of `skuIds` (minimum remaining shelf life from today), from the catalog. */
export async function askCutoffs(trx: Trx, skuIds: string[], today: string, cutoffs: Map<string, string>) {
  const facts = await skuFactsMany(trx, skuIds);
  for (const skuId of new Set(skuIds)) {
    const sku = facts.get(skuId) ?? (await inventoryDeps().skuFacts(trx, skuId));
    cutoffs.set(skuId, addDays(today, Math.max(0, sku.minRemainingShelfLifeDays ?? 0)));
  }
}

/**
 * One line, first try, as one plain statement: the PL/pgSQL call (statements one by one, each with
 * its executor set-up and snapshot, the answer gathered in a tuplestore) cost about as much again as
 * the writes. It locks the line's candidates in id order as `inventory.reserve_line` does and, when
 * the first in FEFO order covers the line and is not dated (the cut-off is not known yet), takes it:
 * the conditional update (never below zero), the movement, the reservation. Otherwise it writes
 * nothing and answers the ids it locked.
 */
const RESERVE_FIRST = `with c as materialized (
  select b.id, b.bin_id, bn.code as bin_code, bn.kind as bin_kind, b.lot_id, l.code as lot_code, l.expiry_date,
    b.on_hand - b.reserved as free
  from inventory.balance b
  cross join lateral (select bn.code, bn.kind from inventory.bin bn
    where bn.id = b.bin_id and bn.active and bn.kind <> 'dispatch' offset 0) bn
  left join lateral (select l.code, l.expiry_date from inventory.lot l where l.id = b.lot_id offset 0) l on true
  where b.sku_id = $2::uuid and b.warehouse_id = $3::uuid and b.status = 'available' and b.on_hand > b.reserved
    and (l.expiry_date is null or l.expiry_date >= $5::date)
  order by b.id
  for update of b),
f as materialized (
  select c.id, c.bin_id, c.bin_code, c.lot_id, c.lot_code, c.expiry_date,
    c.free >= $4::bigint and c.expiry_date is null as covers
  from c order by c.expiry_date nulls last, c.bin_kind <> 'pick_face', c.bin_code collate "C", c.id limit 1),
upd as (
  update inventory.balance b set reserved = b.reserved + $4::bigint, updated_at = $6::timestamptz
  from f where b.id = f.id and f.covers and b.on_hand - b.reserved >= $4::bigint
  returning b.sku_id, b.warehouse_id, b.bin_id, b.lot_id),
mov as (
  insert into inventory.movement (at, type, sku_id, lot_id, warehouse_id, to_bin_id, to_status, qty,
    actor_id, actor_name, source_type, source_id, request_id)
  select $6::timestamptz, 'reserve', u.sku_id, u.lot_id, u.warehouse_id, u.bin_id, 'available', $4::bigint,
    $7::uuid, $8::text, 'order', $1::text, $9::text from upd u),
res as (
  insert into inventory.reservation as rv (order_ref, sku_id, warehouse_id, bin_id, lot_id, qty, updated_at)
  select $1::text, u.sku_id, u.warehouse_id, u.bin_id, u.lot_id, $4::bigint, $6::timestamptz from upd u
  on conflict (order_ref, sku_id, bin_id, lot_id)
  do update set qty = rv.qty + excluded.qty, updated_at = excluded.updated_at)
select f.bin_id, f.bin_code, f.lot_id, f.lot_code, f.expiry_date, f.covers, (select count(*)::int from upd) as updated,
  case when not f.covers then (select array_agg(c.id) from c) end as ids
from f`;

/** `ids`: the candidates locked, when nothing was written. */
type FirstRow = Pick<LockedRow, 'bin_id' | 'bin_code' | 'lot_id' | 'lot_code' | 'expiry_date' | 'updated'> & {
  covers: boolean;
  ids: Array<number | string> | null;
};

/** `RESERVE_FIRST`: the allocation made, or the candidates it locked (and whether the first is dated). */
async function reserveFirst(
  trx: Trx,
  orderRef: string,
  line: ReserveLine,
  today: string,
  ctx: StockContext,
): Promise<Allocation | { locked: number[]; dated: boolean }> {
  const { id, name, requestId } = ctx.actor;
  const values = [orderRef, line.skuId, line.warehouseId, line.qty, today, ctx.now, id, name, requestId];
  const { rows } = await trx.executeQuery<FirstRow>(CompiledQuery.raw(RESERVE_FIRST, values));
  const r = rows[0];
  if (!r) throw shortOf(line, 0);
  if (!r.covers) return { locked: (r.ids ?? []).map(Number), dated: r.expiry_date !== null };
  // Cannot happen under the row lock (see `reserve`).
  if (r.updated !== 1) throw new Error(`reservation ${orderRef}: 1 row taken, ${r.updated} updated`);
  return {
    skuId: line.skuId,
    warehouseId: line.warehouseId,
    binId: r.bin_id,
    binCode: r.bin_code,
    lotId: r.lot_id,
    lotCode: r.lot_code,
    expiryDate: r.expiry_date,
    qty: line.qty,
  };
}

/** One text for every call, sent as is (no query building): prepared once per connection. */
const RESERVE_LINES = `select * from inventory.reserve_lines($1, $2::int[], $3::uuid[], $4::uuid[], $5::bigint[],
  $6::date[], $7::boolean[], $8::bigint[], $9::timestamptz, $10::uuid, $11::text, $12::text)`;

/**
 * The same for one line (most orders), with plain parameters; its answer leaves out what the caller
 * knows (the line, its SKU and warehouse).
 */
const RESERVE_LINE = `select * from inventory.reserve_line($1, $2::uuid, $3::uuid, $4::bigint, $5::date, $6::boolean,
  $7::bigint[], $8::timestamptz, $9::uuid, $10::text, $11::text)`;

type LineRow = Omit<LockedRow, 'n' | 'sku_id' | 'warehouse_id'>;

async function reserveStatement(
  trx: Trx,
  orderRef: string,
  lines: ReserveLine[],
  today: string,
  cutoffs: Map<string, string>,
  only: number[] | null,
  ctx: StockContext,
): Promise<LockedRow[]> {
  const { actor, now } = ctx;
  if (lines.length === 1) {
    const line = lines[0];
    const cutoff = cutoffs.get(line.skuId);
    const { rows } = await trx.executeQuery<LineRow>(
      CompiledQuery.raw(RESERVE_LINE, [
        orderRef,
        line.skuId,
        line.warehouseId,
        line.qty,
        cutoff ?? today,
        cutoff !== undefined,
        only,
        now,
        actor.id,
        actor.name,
        actor.requestId,
      ]),
    );
    return rows.map((r) => ({ ...r, n: 0, sku_id: line.skuId, warehouse_id: line.warehouseId }));
  }
  const n: number[] = [];
  const skus: string[] = [];
  const warehouses: string[] = [];
  const qtys: number[] = [];
  const dates: string[] = [];
  const known: boolean[] = [];
  for (const [i, l] of lines.entries()) {
    const cutoff = cutoffs.get(l.skuId);
    n.push(i);
    skus.push(l.skuId);
    warehouses.push(l.warehouseId);
    qtys.push(l.qty);
    dates.push(cutoff ?? today);
    known.push(cutoff !== undefined);
  }
  const { rows } = await trx.executeQuery<LockedRow>(
    CompiledQuery.raw(RESERVE_LINES, [
      orderRef,
      n,
      skus,
      warehouses,
      qtys,
      dates,
      known,
      only,
      now,
      actor.id,
      actor.name,
      actor.requestId,
    ]),
  );
  return rows;
}

interface HeldRow {
  id: number;
  sku_id: string;
  warehouse_id: string;
  bin_id: string;
  lot_id: string | null;
  qty: number;
  expiry_date: string | null;
  bin_kind: string;
}

async function heldFor(trx: Trx, orderRef: string, dispatch: boolean): Promise<HeldRow[]> {
  const { rows } = await sql<HeldRow>`
    select r.id, r.sku_id, r.warehouse_id, r.bin_id, r.lot_id, r.qty, l.expiry_date, n.kind as bin_kind
    from inventory.reservation r
    join inventory.bin n on n.id = r.bin_id
    left join inventory.lot l on l.id = r.lot_id
    where r.order_ref = ${orderRef} and r.qty > 0 and (n.kind = 'dispatch') = ${dispatch}
    order by r.sku_id, r.warehouse_id, r.id
    for update of r`.execute(trx);
  return rows.map((r) => ({ ...r, qty: Number(r.qty) }));
}

async function takeFromReservations(trx: Trx, taken: Array<{ id: number; qty: number }>) {
  for (const t of taken)
    await stockDb(trx)
      .updateTable('inventory.reservation')
      .set((eb) => ({ qty: eb('qty', '-', t.qty) }))
      .where('id', '=', t.id)
      .execute();
  await stockDb(trx)
    .deleteFrom('inventory.reservation')
    .where('qty', '=', 0)
    .where(
      'id',
      'in',
      taken.map((t) => t.id),
    )
    .execute();
}

/**
 * Release an order's unpicked reservations: all of them, or `lines` (latest expiry released first,
 * so what stays reserved is still FEFO). Releasing an order with nothing reserved does nothing.
 */
export async function release(
  trx: Trx,
  input: { orderRef: string; lines?: Array<{ skuId: string; qty: number }> },
  ctx: StockContext = defaultContext(),
): Promise<MovementRow[]> {
  const held = await heldFor(trx, input.orderRef, false);
  const taken: Array<{ row: HeldRow; qty: number }> = [];
  if (!input.lines) for (const row of held) taken.push({ row, qty: row.qty });
  else
    for (const line of input.lines) {
      let left = line.qty;
      const rows = held
        .filter((r) => r.sku_id === line.skuId)
        .sort((a, b) => (b.expiry_date ?? '9999').localeCompare(a.expiry_date ?? '9999'));
      for (const row of rows) {
        const already = taken.filter((t) => t.row === row).reduce((s, t) => s + t.qty, 0);
        const q = Math.min(left, row.qty - already);
        if (q > 0) taken.push({ row, qty: q });
        left -= Math.max(q, 0);
      }
      if (left > 0)
        throw new AppError('conflict', 'inventory.not_reserved', {
          orderRef: input.orderRef,
          skuId: line.skuId,
          requested: line.qty,
          reserved: line.qty - left,
        });
    }
  if (!taken.length) return [];
  const movements: MovementInput[] = taken.map(({ row, qty }) => ({
    type: 'release',
    skuId: row.sku_id,
    lotId: row.lot_id,
    warehouseId: row.warehouse_id,
    from: { binId: row.bin_id, status: 'available' },
    qty,
    sourceType: 'order',
    sourceId: input.orderRef,
  }));
  const posted = await postMovements(trx, movements, ctx);
  await takeFromReservations(
    trx,
    taken.map((t) => ({ id: t.row.id, qty: t.qty })),
  );
  return posted;
}

export interface PickInput {
  orderRef: string;
  skuId: string;
  binId: string;
  lotId?: string | null;
  qty: number;
}

/** Pick reserved stock from its bin to the warehouse's dispatch point; it stays reserved for the order. */
export async function pick(
  trx: Trx,
  input: PickInput,
  ctx: StockContext = defaultContext(),
): Promise<MovementRow> {
  // A bin outside the caller's warehouses is "not found" before anything about the order is told.
  if (ctx.principal) await binsByIds(trx, [input.binId], ctx.principal);
  const held = (await heldFor(trx, input.orderRef, false)).find(
    (r) => r.sku_id === input.skuId && r.bin_id === input.binId && r.lot_id === (input.lotId ?? null),
  );
  if (!held || held.qty < input.qty)
    throw new AppError('conflict', 'inventory.not_reserved', {
      orderRef: input.orderRef,
      skuId: input.skuId,
      requested: input.qty,
      reserved: held?.qty ?? 0,
    });
  const dispatch = await dispatchBinOf(trx, held.warehouse_id);
  const [movement] = await postMovements(
    trx,
    [
      {
        type: 'pick',
        skuId: held.sku_id,
        lotId: held.lot_id,
        warehouseId: held.warehouse_id,
        from: { binId: held.bin_id, status: 'available' },
        to: { binId: dispatch.id, status: 'available' },
        qty: input.qty,
        sourceType: 'order',
        sourceId: input.orderRef,
      },
    ],
    ctx,
  );
  await takeFromReservations(trx, [{ id: held.id, qty: input.qty }]);
  await sql`
    insert into inventory.reservation (order_ref, sku_id, warehouse_id, bin_id, lot_id, qty, updated_at)
    values (${input.orderRef}, ${held.sku_id}, ${held.warehouse_id}, ${dispatch.id}, ${held.lot_id}, ${input.qty}, ${ctx.now})
    on conflict (order_ref, sku_id, bin_id, lot_id)
    do update set qty = inventory.reservation.qty + excluded.qty, updated_at = excluded.updated_at`.execute(
    trx,
  );
  return movement;
}

/** Ship everything picked for the order (it leaves the dispatch point and the books). */
export async function ship(
  trx: Trx,
  input: { orderRef: string },
  ctx: StockContext = defaultContext(),
): Promise<MovementRow[]> {
  const held = await heldFor(trx, input.orderRef, true);
  if (!held.length) throw new AppError('conflict', 'inventory.nothing_to_ship', { orderRef: input.orderRef });
  const posted = await postMovements(
    trx,
    held.map((row) => ({
      type: 'ship',
      skuId: row.sku_id,
      lotId: row.lot_id,
      warehouseId: row.warehouse_id,
      from: { binId: row.bin_id, status: 'available' },
      qty: row.qty,
      sourceType: 'order',
      sourceId: input.orderRef,
    })),
    ctx,
  );
  await takeFromReservations(
    trx,
    held.map((r) => ({ id: r.id, qty: r.qty })),
  );
  return posted;
}
