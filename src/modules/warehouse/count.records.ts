import { sql } from 'kysely';
import type { Db } from '../../platform/db';

/** The last posted count of one bin × SKU × lot, with the ledger position its book was read at. */
export interface LastCount {
  warehouseId: string;
  binId: string;
  skuId: string;
  lotId: string | null;
  countId: string;
  countNumber: string;
  bookQty: number;
  countedQty: number;
  /** The highest movement id the book quantity included (read and locked with it). */
  position: number;
}

/**
 * The last posted count of every counted bin × SKU × lot (of some warehouses), for the stock audit
 * (账卡物): what was physically found, what the books said then, and where in the ledger that was.
 * Counts whose task did not keep its ledger position are left out (they cannot be checked exactly).
 */
export async function lastCounts(db: Db, warehouseIds: readonly string[] | null): Promise<LastCount[]> {
  if (warehouseIds && !warehouseIds.length) return [];
  const scope = warehouseIds
    ? sql`and r.warehouse_id in (${sql.join(warehouseIds.map((id) => sql`${id}::uuid`))})`
    : sql``;
  const { rows } = await sql<{
    warehouse_id: string;
    bin_id: string;
    sku_id: string;
    lot_id: string | null;
    count_id: string;
    number: string;
    book_qty: string;
    counted_qty: string;
    position: string;
  }>`
    select r.warehouse_id, r.bin_id, r.sku_id, r.lot_id, r.count_id, c.number, r.book_qty, r.counted_qty, t.position
    from warehouse.count_record r
    join warehouse.count c on c.id = r.count_id
    join lateral (
      select t.position from warehouse.count_task t
      where t.count_id = r.count_id and t.bin_id = r.bin_id and t.status = 'done'
      order by t.round desc limit 1
    ) t on t.position is not null
    where true ${scope}`.execute(db);
  return rows.map((r) => ({
    warehouseId: r.warehouse_id,
    binId: r.bin_id,
    skuId: r.sku_id,
    lotId: r.lot_id,
    countId: r.count_id,
    countNumber: r.number,
    bookQty: Number(r.book_qty),
    countedQty: Number(r.counted_qty),
    position: Number(r.position),
  }));
}
