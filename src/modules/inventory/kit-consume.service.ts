import { sql } from 'kysely';
import type { Trx } from '../../platform/db';
import { AppError, badRequest } from '../../platform/lib/errors';
import { type LedgerContext, type MovementInput, postMovements } from './ledger.repo';
import { stockDb } from './stock.tables';

export interface ConsumeInput {
  /** The reservation's reference (a work order number). */
  orderRef: string;
  lines: Array<{ skuId: string; qty: number }>;
  sourceType: string;
  sourceId: string;
  reason: string;
}

/** What was consumed from one bin and lot. */
export interface Consumed {
  skuId: string;
  warehouseId: string;
  binId: string;
  lotId: string | null;
  lotCode: string | null;
  expiryDate: string | null;
  qty: number;
}

interface HeldRow {
  id: number;
  sku_id: string;
  warehouse_id: string;
  bin_id: string;
  lot_id: string | null;
  lot_code: string | null;
  expiry_date: string | null;
  qty: number;
}

/**
 * Consume stock reserved under `orderRef` (kitting): per line, the earliest-expiring reserved lots
 * first (FEFO), each taken as a `release` of the reservation plus a `kit_consume` out of the bin, in
 * one posting in the caller's transaction. Stock picked to the dispatch point is not touched.
 * Throws `inventory.not_reserved` (nothing written) when a line is not covered.
 */
export async function consumeReserved(
  trx: Trx,
  input: ConsumeInput,
  ctx: LedgerContext,
): Promise<Consumed[]> {
  const wanted = new Map<string, number>();
  for (const l of input.lines) {
    if (!Number.isSafeInteger(l.qty) || l.qty <= 0) throw badRequest('inventory.qty_positive');
    wanted.set(l.skuId, (wanted.get(l.skuId) ?? 0) + l.qty);
  }
  if (!wanted.size) return [];
  const { rows } = await sql<HeldRow>`
    select r.id, r.sku_id, r.warehouse_id, r.bin_id, r.lot_id, l.code as lot_code,
      l.expiry_date::text as expiry_date, r.qty
    from inventory.reservation r
    join inventory.bin n on n.id = r.bin_id and n.kind <> 'dispatch'
    left join inventory.lot l on l.id = r.lot_id
    where r.order_ref = ${input.orderRef} and r.qty > 0
      and r.sku_id in (${sql.join([...wanted.keys()].map((id) => sql`${id}::uuid`))})
    order by r.sku_id, r.warehouse_id, r.id
    for update of r`.execute(trx);
  const taken: Array<{ row: HeldRow; qty: number }> = [];
  for (const [skuId, qty] of wanted) {
    let left = qty;
    const held = rows
      .filter((r) => r.sku_id === skuId)
      .sort(
        (a, b) =>
          (a.expiry_date ?? '9999-12-31').localeCompare(b.expiry_date ?? '9999-12-31') ||
          Number(a.id) - Number(b.id),
      );
    for (const row of held) {
      if (left <= 0) break;
      const q = Math.min(left, Number(row.qty));
      taken.push({ row, qty: q });
      left -= q;
    }
    if (left > 0)
      throw new AppError('conflict', 'inventory.not_reserved', {
        orderRef: input.orderRef,
        skuId,
        requested: qty,
        reserved: qty - left,
      });
  }
  const movements: MovementInput[] = taken.flatMap(({ row, qty }) => {
    const base = {
      skuId: row.sku_id,
      lotId: row.lot_id,
      warehouseId: row.warehouse_id,
      from: { binId: row.bin_id, status: 'available' as const },
      qty,
      reason: input.reason,
      sourceType: input.sourceType,
      sourceId: input.sourceId,
    };
    return [
      { ...base, type: 'release' as const },
      { ...base, type: 'kit_consume' as const },
    ];
  });
  await postMovements(trx, movements, ctx);
  for (const { row, qty } of taken)
    await stockDb(trx)
      .updateTable('inventory.reservation')
      .set((eb) => ({ qty: eb('qty', '-', qty), updated_at: ctx.now }))
      .where('id', '=', row.id)
      .execute();
  await stockDb(trx)
    .deleteFrom('inventory.reservation')
    .where('qty', '=', 0)
    .where(
      'id',
      'in',
      taken.map((t) => t.row.id),
    )
    .execute();
  return taken.map(({ row, qty }) => ({
    skuId: row.sku_id,
    warehouseId: row.warehouse_id,
    binId: row.bin_id,
    lotId: row.lot_id,
    lotCode: row.lot_code,
    expiryDate: row.expiry_date,
    qty,
  }));
}
