import type { Db, Trx } from '../../platform/db';
import { stockDb } from './stock.tables';

/** How often and how much of a SKU was picked in a warehouse over a period. */
export interface PickStats {
  skuId: string;
  /** Pick movements (one per order line and bin picked): the visits a picker made. */
  lines: number;
  units: number;
}

/**
 * Picks per SKU in a warehouse in `[since, until)` — the outbound velocity ABC classes and slotting
 * rank SKUs by. Read-only.
 */
export async function pickStatsBySku(
  db: Db | Trx,
  warehouseId: string,
  since: Date,
  until: Date,
): Promise<PickStats[]> {
  const rows = await stockDb(db)
    .selectFrom('inventory.movement')
    .select('sku_id')
    .select((eb) => [eb.fn.countAll<string>().as('lines'), eb.fn.sum<string>('qty').as('units')])
    .where('warehouse_id', '=', warehouseId)
    .where('type', '=', 'pick')
    .where('at', '>=', since)
    .where('at', '<', until)
    .groupBy('sku_id')
    .execute();
  return rows.map((r) => ({ skuId: r.sku_id, lines: Number(r.lines), units: Number(r.units) }));
}
