/**
 * After the load: is any stock oversold? Counts balance rows reserving more than they hold (or a
 * negative free quantity), SKU × bin × lot keys whose reserved quantity differs from the sum of the
 * orders' reservation rows, units of the hot SKU reserved beyond what was received, and hot-SKU
 * units where the orders' allocations and the inventory reservations disagree. Also checks that no
 * lot too close to expiry for the SKU's minimum remaining shelf life was reserved.
 */
import { sql } from 'kysely';
import type { Db } from '../../src/platform/db';
import type { BenchWorld } from './setup';

export interface StockCheck {
  badRows: number;
  mismatchedKeys: number;
  reservedTotal: number;
  reservationsTotal: number;
  hotReserved: number;
  hotAllocated: number;
  shortLifeReserved: number;
  oversold: number;
}

export async function checkStock(db: Db, world: BenchWorld): Promise<StockCheck> {
  const { rows } = await sql<{
    bad_rows: number;
    mismatched: number;
    reserved: number;
    reservations: number;
    hot_reserved: number;
    hot_allocated: number;
    short_life: number;
  }>`
    select
      (select count(*) from inventory.balance
        where reserved > on_hand or on_hand - reserved < 0 or reserved < 0)::int as bad_rows,
      (select count(*) from (
        select sku_id, bin_id, lot_id, sum(reserved) as q from inventory.balance group by 1, 2, 3) b
        full join (
        select sku_id, bin_id, lot_id, sum(qty) as q from inventory.reservation group by 1, 2, 3) r
        on r.sku_id = b.sku_id and r.bin_id = b.bin_id and r.lot_id is not distinct from b.lot_id
        where coalesce(b.q, 0) <> coalesce(r.q, 0))::int as mismatched,
      (select coalesce(sum(reserved), 0) from inventory.balance)::bigint as reserved,
      (select coalesce(sum(qty), 0) from inventory.reservation)::bigint as reservations,
      (select coalesce(sum(qty), 0) from inventory.reservation where sku_id = ${world.hot.id})::bigint as hot_reserved,
      (select coalesce(sum(a.qty - a.picked_qty), 0) from orders.allocation a
        join orders."order" o on o.id = a.order_id
        where a.sku_id = ${world.hot.id} and o.status <> 'cancelled')::bigint as hot_allocated,
      (select coalesce(sum(r.qty), 0) from inventory.reservation r join inventory.lot l on l.id = r.lot_id
        where l.code like 'N%' and r.sku_id = any(${world.chilled.map((s) => s.id)}::uuid[]))::bigint as short_life`.execute(
    db,
  );
  const r = rows[0];
  const hotOver = Math.max(0, Number(r.hot_reserved) - world.hotStock);
  const hotDiff = Math.abs(Number(r.hot_reserved) - Number(r.hot_allocated));
  return {
    badRows: r.bad_rows,
    mismatchedKeys: r.mismatched,
    reservedTotal: Number(r.reserved),
    reservationsTotal: Number(r.reservations),
    hotReserved: Number(r.hot_reserved),
    hotAllocated: Number(r.hot_allocated),
    shortLifeReserved: Number(r.short_life),
    oversold: r.bad_rows + r.mismatched + hotOver + hotDiff,
  };
}
