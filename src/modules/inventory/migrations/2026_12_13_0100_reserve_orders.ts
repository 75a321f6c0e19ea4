import { type Kysely, sql } from 'kysely';

/**
 * `inventory.reserve_orders`: the reservations of many orders in one call (orders placed together),
 * each order all or nothing exactly as `reserve_line` / `reserve_lines` make it — this function only
 * walks the orders in turn and calls them, so locking order, FEFO, cut-off dates and the conditional
 * update stay where they are. Lines come grouped by order (`p_order`, 1-based index into `p_refs`),
 * each order's lines merged per (SKU, warehouse) and sorted by the caller as for a single order;
 * each order's movements carry its own request id (`p_request_ids`). The answer is `reserve_lines`'
 * rows with the order's index in front; an order short of stock, or with dated stock whose cut-off
 * was not given, has written nothing and says so in its rows.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function inventory.reserve_orders(
      p_refs text[], p_order int[], p_n int[], p_sku uuid[], p_warehouse uuid[], p_qty bigint[],
      p_cutoff date[], p_known boolean[], p_now timestamptz, p_actor_id uuid, p_actor_name text,
      p_request_ids text[])
    returns table (o int, id bigint, n int, rank int, sku_id uuid, warehouse_id uuid, bin_id uuid,
      bin_code text, lot_id uuid, lot_code text, expiry_date date, take bigint, total bigint,
      needs boolean, updated int)
    language plpgsql
    as $fn$
    declare
      m int := coalesce(cardinality(p_order), 0);
      j int := 1;
      s int;
    begin
      for i in 1 .. coalesce(cardinality(p_refs), 0) loop
        s := j;
        while j <= m and p_order[j] = i loop j := j + 1; end loop;
        continue when j = s;
        if j - s = 1 then
          -- One line (most orders).
          return query
          select i, x.id, 0, x.rank, p_sku[s], p_warehouse[s], x.bin_id, x.bin_code, x.lot_id, x.lot_code,
            x.expiry_date, x.take, x.total, x.needs, x.updated
          from inventory.reserve_line(p_refs[i], p_sku[s], p_warehouse[s], p_qty[s], p_cutoff[s], p_known[s],
            null, p_now, p_actor_id, p_actor_name, p_request_ids[i]) x;
        else
          return query
          select i, x.*
          from inventory.reserve_lines(p_refs[i], p_n[s:j - 1], p_sku[s:j - 1], p_warehouse[s:j - 1],
            p_qty[s:j - 1], p_cutoff[s:j - 1], p_known[s:j - 1], null, p_now, p_actor_id, p_actor_name,
            p_request_ids[i]) x;
        end if;
      end loop;
    end $fn$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function inventory.reserve_orders`.execute(db);
}
