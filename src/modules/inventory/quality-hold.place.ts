import { sql } from 'kysely';
import { canAccessWarehouse } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { AppError, notFound } from '../../platform/lib/errors';
import { binsByIds } from './bin.service';
import { getHold, type HoldView, holdBalances } from './quality-hold.service';
import type { StockContext } from './stock.service';
import type { BalanceRow } from './stock.tables';

export interface PlaceHoldInput {
  warehouseId: string;
  reason: string;
  /** Places (sku, bin and optionally lot) whose whole available stock goes on hold. */
  lines: Array<{ skuId: string; binId: string; lotId?: string | null }>;
}

/**
 * Put stock on quality hold by hand (damaged packaging seen on a shelf, a supplier recall, a
 * complaint about a lot): the available stock at the places given moves to quality_hold under one
 * hold document, reservations on it are broken and the orders told — the same as a temperature
 * excursion does. Only the hold's quality review takes it out again (a move keeps the status).
 */
export async function placeHold(trx: Trx, input: PlaceHoldInput, ctx: StockContext): Promise<HoldView> {
  if (ctx.principal && !canAccessWarehouse(ctx.principal, input.warehouseId))
    throw notFound('warehouse', input.warehouseId);
  const bins = await binsByIds(
    trx,
    input.lines.map((l) => l.binId),
    ctx.principal,
  );
  for (const bin of bins.values())
    if (bin.warehouse_id !== input.warehouseId)
      throw new AppError('bad_request', 'inventory.hold_bin_warehouse', { bin: bin.code });
  const places = sql.join(
    input.lines.map(
      (l) => sql`(${l.skuId}::uuid, ${l.binId}::uuid, ${l.lotId ?? null}::uuid, ${l.lotId != null}::boolean)`,
    ),
  );
  // The balances are locked in the one order every writer uses: (sku, warehouse, balance id).
  const { rows: balances } = await sql<BalanceRow>`
    select b.* from inventory.balance b
    where b.status = 'available' and b.on_hand > 0
      and exists (select 1 from (values ${places}) as p(sku_id, bin_id, lot_id, by_lot)
        where b.sku_id = p.sku_id and b.bin_id = p.bin_id and (not p.by_lot or b.lot_id = p.lot_id))
    order by b.sku_id, b.warehouse_id, b.id
    for update of b`.execute(trx);
  const held = await holdBalances(
    trx,
    {
      warehouseId: input.warehouseId,
      balances,
      reason: input.reason,
      sourceType: 'manual',
      sourceId: ctx.actor.name,
      lossReason: 'quality_hold',
    },
    ctx,
  );
  if (!held) throw new AppError('conflict', 'inventory.nothing_to_hold', {});
  return getHold(trx, null, held.hold.id);
}
