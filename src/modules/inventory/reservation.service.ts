import { sql } from 'kysely';
import { systemActor } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { AppError, badRequest } from '../../platform/lib/errors';
import { addDays, businessDayOf } from '../../platform/time/calendar';
import { binsByIds, dispatchBinOf } from './bin.service';
import { inventoryDeps } from './inventory.deps';
import { type MovementInput, postMovements } from './ledger.repo';
import type { StockContext } from './stock.service';
import { type MovementRow, stockDb } from './stock.tables';

export interface ReserveLine {
  skuId: string;
  qty: number;
  warehouseId: string;
}

export interface Allocation {
  skuId: string;
  warehouseId: string;
  binId: string;
  binCode: string;
  lotId: string | null;
  lotCode: string | null;
  expiryDate: string | null;
  qty: number;
}

interface Candidate {
  id: number;
  bin_id: string;
  bin_code: string;
  bin_kind: string;
  lot_id: string | null;
  lot_code: string | null;
  expiry_date: string | null;
  free: number;
}

const defaultContext = (): StockContext => ({ actor: systemActor('inventory'), now: new Date() });

/** First expiry first, then pick faces before reserve storage, then bin code. */
function fefo(a: Candidate, b: Candidate): number {
  if (a.expiry_date !== b.expiry_date) {
    if (a.expiry_date === null) return 1;
    if (b.expiry_date === null) return -1;
    return a.expiry_date < b.expiry_date ? -1 : 1;
  }
  if (a.bin_kind !== b.bin_kind) return a.bin_kind === 'pick_face' ? -1 : 1;
  if (a.bin_code !== b.bin_code) return a.bin_code < b.bin_code ? -1 : 1;
  return a.id - b.id;
}

/**
 * Reserve stock for an order inside the caller's transaction, all lines or none. Allocates FEFO
 * across bins and lots of the warehouse, never from expired lots nor from lots with less than the
 * SKU's minimum remaining shelf life. Candidate balances are locked in the fixed order (sku,
 * warehouse, balance id) and updated conditionally (`on_hand - reserved >= qty`), so concurrent
 * reservations queue, never deadlock and never oversell. Throws `inventory.insufficient_stock`.
 */
export async function reserve(
  trx: Trx,
  input: { orderRef: string; lines: ReserveLine[] },
  ctx: StockContext = defaultContext(),
): Promise<Allocation[]> {
  const wanted = new Map<string, ReserveLine>();
  for (const line of input.lines) {
    if (!Number.isSafeInteger(line.qty) || line.qty <= 0) throw badRequest('inventory.qty_positive');
    const key = `${line.skuId}|${line.warehouseId}`;
    const prev = wanted.get(key);
    wanted.set(key, { ...line, qty: (prev?.qty ?? 0) + line.qty });
  }
  const today = businessDayOf(ctx.now);
  const allocations: Array<Allocation & { balanceId: number }> = [];
  for (const key of [...wanted.keys()].sort()) {
    const line = wanted.get(key)!;
    const { rows } = await sql<Candidate>`
      select b.id, b.bin_id, n.code as bin_code, n.kind as bin_kind, b.lot_id, l.code as lot_code,
             l.expiry_date, b.on_hand - b.reserved as free
      from inventory.balance b
      join inventory.bin n on n.id = b.bin_id
      left join inventory.lot l on l.id = b.lot_id
      where b.sku_id = ${line.skuId} and b.warehouse_id = ${line.warehouseId} and b.status = 'available'
        and b.on_hand > b.reserved and n.kind <> 'dispatch' and n.active
        and (l.expiry_date is null or l.expiry_date >= ${today}::date)
      order by b.sku_id, b.warehouse_id, b.id
      for update of b`.execute(trx);
    let candidates = rows;
    if (candidates.some((c) => c.expiry_date !== null)) {
      const sku = await inventoryDeps().skuFacts(trx, line.skuId);
      const cutoff = addDays(today, sku.minRemainingShelfLifeDays ?? 0);
      candidates = candidates.filter((c) => c.expiry_date === null || c.expiry_date >= cutoff);
    }
    candidates.sort(fefo);
    let left = line.qty;
    for (const c of candidates) {
      if (left === 0) break;
      const take = Math.min(left, Number(c.free));
      left -= take;
      allocations.push({
        skuId: line.skuId,
        warehouseId: line.warehouseId,
        binId: c.bin_id,
        binCode: c.bin_code,
        lotId: c.lot_id,
        lotCode: c.lot_code,
        expiryDate: c.expiry_date,
        qty: take,
        balanceId: Number(c.id),
      });
    }
    if (left > 0)
      throw new AppError('conflict', 'inventory.insufficient_stock', {
        skuId: line.skuId,
        warehouseId: line.warehouseId,
        requested: line.qty,
        available: line.qty - left,
      });
  }
  if (!allocations.length) return [];
  const values = sql.join(
    allocations.map(
      (a) =>
        sql`(${a.balanceId}::bigint, ${a.skuId}::uuid, ${a.warehouseId}::uuid, ${a.binId}::uuid, ${a.lotId}::uuid, ${a.qty}::bigint)`,
    ),
  );
  const { actor, now } = ctx;
  const done = await sql<{ n: number }>`
    with a(balance_id, sku_id, warehouse_id, bin_id, lot_id, qty) as (values ${values}),
    upd as (
      update inventory.balance b set reserved = b.reserved + a.qty, updated_at = ${now}
      from a where b.id = a.balance_id and b.on_hand - b.reserved >= a.qty
      returning a.sku_id, a.warehouse_id, a.bin_id, a.lot_id, a.qty),
    mov as (
      insert into inventory.movement (at, type, sku_id, lot_id, warehouse_id, to_bin_id, to_status, qty,
        actor_id, actor_name, source_type, source_id, request_id)
      select ${now}, 'reserve', sku_id, lot_id, warehouse_id, bin_id, 'available', qty,
        ${actor.id}::uuid, ${actor.name}, 'order', ${input.orderRef}, ${actor.requestId}
      from upd),
    res as (
      insert into inventory.reservation (order_ref, sku_id, warehouse_id, bin_id, lot_id, qty, updated_at)
      select ${input.orderRef}, sku_id, warehouse_id, bin_id, lot_id, qty, ${now} from upd
      on conflict (order_ref, sku_id, bin_id, lot_id)
      do update set qty = inventory.reservation.qty + excluded.qty, updated_at = excluded.updated_at)
    select count(*)::int as n from upd`.execute(trx);
  // Cannot happen under the row locks above; if it ever did, failing rolls the caller back whole.
  if (Number(done.rows[0].n) !== allocations.length)
    throw new AppError('conflict', 'inventory.insufficient_stock', { orderRef: input.orderRef });
  return allocations.map(({ balanceId: _, ...a }) => a);
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
  if (ctx.principal) await binsByIds(trx, [input.binId], ctx.principal);
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
