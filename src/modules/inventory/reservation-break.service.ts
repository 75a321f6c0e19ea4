import { sql } from 'kysely';
import type { Trx } from '../../platform/db';
import { publish } from '../../platform/events';
import { type LedgerContext, type MovementInput, postMovements } from './ledger.repo';
import { stockDb } from './stock.tables';

/** Why stock had to be taken away from the orders it was reserved for. */
export type LossReason = 'expired' | 'temperature_excursion' | 'quality_hold' | 'incident' | 'count_variance';

export interface LostReservation {
  orderRef: string;
  skuId: string;
  warehouseId: string;
  binId: string;
  lotId: string | null;
  qty: number;
}

/** Event `inventory.reservation_lost`: the order must re-allocate these lines. */
export const RESERVATION_LOST = 'inventory.reservation_lost';

export interface ReservationLostEvent {
  orderRef: string;
  warehouseId: string;
  reason: LossReason;
  /** The document that broke the reservation (expiry day, quality hold, incident number). */
  sourceType: string;
  sourceId: string;
  lines: Array<{ skuId: string; binId: string; lotId: string | null; qty: number }>;
  at: string;
}

export interface BreakTarget {
  skuId: string;
  binId: string;
  lotId: string | null;
  /** How much reserved stock of this (sku, bin, lot) must be freed; `all` for everything. */
  qty: number | 'all';
}

interface HeldRow {
  id: number;
  order_ref: string;
  sku_id: string;
  warehouse_id: string;
  bin_id: string;
  lot_id: string | null;
  qty: number;
}

const keyOf = (k: { skuId: string; binId: string; lotId: string | null }) =>
  `${k.skuId}|${k.binId}|${k.lotId ?? ''}`;

/**
 * Take reserved stock away from its orders because it can no longer be sold (expired, held after a
 * temperature excursion, lost in an incident): a `release` movement per order and balance, the
 * orders' reservations reduced, and one `inventory.reservation_lost` event per order so the orders
 * module re-allocates it. Newest reservations lose first. Picked stock at the dispatch point counts
 * too. Runs in the caller's transaction; reservation rows are locked in the order `release` uses.
 */
export async function breakReservations(
  trx: Trx,
  targets: BreakTarget[],
  reason: LossReason,
  source: { sourceType: string; sourceId: string },
  ctx: LedgerContext,
): Promise<LostReservation[]> {
  const wanted = new Map<string, BreakTarget>();
  for (const t of targets) if (t.qty === 'all' || t.qty > 0) wanted.set(keyOf(t), t);
  if (!wanted.size) return [];
  const keys = [...wanted.values()];
  const { rows } = await sql<HeldRow>`
    select r.id, r.order_ref, r.sku_id, r.warehouse_id, r.bin_id, r.lot_id, r.qty
    from inventory.reservation r
    join (values ${sql.join(keys.map((k) => sql`(${k.skuId}::uuid, ${k.binId}::uuid, ${k.lotId}::uuid)`))})
      as k(sku_id, bin_id, lot_id)
      on r.sku_id = k.sku_id and r.bin_id = k.bin_id and r.lot_id is not distinct from k.lot_id
    where r.qty > 0
    order by r.sku_id, r.warehouse_id, r.id
    for update of r`.execute(trx);
  const lost: Array<LostReservation & { id: number }> = [];
  const byKey = new Map<string, HeldRow[]>();
  for (const r of rows) {
    const k = keyOf({ skuId: r.sku_id, binId: r.bin_id, lotId: r.lot_id });
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  for (const [k, held] of byKey) {
    const target = wanted.get(k)!;
    let left = target.qty === 'all' ? Number.POSITIVE_INFINITY : target.qty;
    for (const r of [...held].sort((a, b) => Number(b.id) - Number(a.id))) {
      if (left <= 0) break;
      const take = Math.min(left, Number(r.qty));
      left -= take;
      lost.push({
        id: Number(r.id),
        orderRef: r.order_ref,
        skuId: r.sku_id,
        warehouseId: r.warehouse_id,
        binId: r.bin_id,
        lotId: r.lot_id,
        qty: take,
      });
    }
  }
  if (!lost.length) return [];
  const movements: MovementInput[] = lost.map((l) => ({
    type: 'release',
    skuId: l.skuId,
    lotId: l.lotId,
    warehouseId: l.warehouseId,
    from: { binId: l.binId, status: 'available' },
    qty: l.qty,
    reason: `reservation lost: ${reason}`,
    sourceType: 'order',
    sourceId: l.orderRef,
  }));
  await postMovements(trx, movements, ctx);
  for (const l of lost)
    await stockDb(trx)
      .updateTable('inventory.reservation')
      .set((eb) => ({ qty: eb('qty', '-', l.qty), updated_at: ctx.now }))
      .where('id', '=', l.id)
      .execute();
  await stockDb(trx)
    .deleteFrom('inventory.reservation')
    .where('qty', '=', 0)
    .where(
      'id',
      'in',
      lost.map((l) => l.id),
    )
    .execute();
  const orders = new Map<string, LostReservation[]>();
  for (const l of lost)
    orders.set(`${l.orderRef}|${l.warehouseId}`, [
      ...(orders.get(`${l.orderRef}|${l.warehouseId}`) ?? []),
      l,
    ]);
  for (const lines of orders.values())
    await publish<ReservationLostEvent>(
      trx,
      RESERVATION_LOST,
      {
        orderRef: lines[0].orderRef,
        warehouseId: lines[0].warehouseId,
        reason,
        ...source,
        lines: lines.map((l) => ({ skuId: l.skuId, binId: l.binId, lotId: l.lotId, qty: l.qty })),
        at: ctx.now.toISOString(),
      },
      ctx.now,
    );
  return lost.map(({ id: _id, ...l }) => l);
}
