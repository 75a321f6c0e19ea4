import { type Kysely, sql } from 'kysely';

/**
 * `inventory.reserve_line`: the common order — one line — reserved in two statements instead of
 * `inventory.reserve_lines`' general path, which cost as much again as the raw-SQL ceiling of the
 * warehouse benchmark: six array parameters parsed, the lines unnested and sorted, a cursor over the
 * candidates, a dozen PL/pgSQL assignments per candidate (each a checked expression), twelve arrays
 * built and unnested again for a fourteen-column answer.
 *
 * The first statement locks the line's candidates — available stock in active bins other than the
 * dispatch point, lots not under the cut-off date — in id order, the order every writer locks
 * balances in, and answers the first in FEFO order (first expiry, pick faces before reserve
 * storage, bin code) with their free total and their ids. When that row covers the line and no
 * candidate is dated with the cut-off still unknown (dated lots sort first, so an undated first row
 * means none is), the second takes the quantity from it — the conditional update (never below
 * zero), the reserve movement and the order's reservation, as the ceiling does — and answers it.
 * Anything else (several rows to take, a cut-off to ask the catalog for, nothing in stock) is
 * `inventory.reserve_lines` for that one line, among the rows locked here only, so no row is locked
 * after them out of order. It answers what `reserve_lines` does, less the columns the caller
 * already knows (line, SKU, warehouse).
 *
 * The balance index by (sku, warehouse, status) gains the id: both functions lock a line's rows in
 * id order, which the index scan now answers as it is, without a sort per line.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index balance_sku_id_idx on inventory.balance (sku_id, warehouse_id, status, id)`.execute(
    db,
  );
  await sql`drop index inventory.balance_sku_idx`.execute(db);
  await sql`
    create function inventory.reserve_line(
      p_order_ref text, p_sku uuid, p_warehouse uuid, p_qty bigint, p_cutoff date, p_known boolean,
      p_only bigint[], p_now timestamptz, p_actor_id uuid, p_actor_name text, p_request_id text)
    returns table (id bigint, rank int, bin_id uuid, bin_code text, lot_id uuid, lot_code text,
      expiry_date date, take bigint, total bigint, needs boolean, updated int)
    language plpgsql
    -- One plan per connection: a custom plan per call costs more than the work.
    set plan_cache_mode = force_generic_plan
    as $fn$
    #variable_conflict use_column
    declare
      f_id bigint; f_bin uuid; f_bin_code text; f_lot uuid; f_lot_code text; f_expiry date;
      f_free bigint; f_total bigint; f_ids bigint[];
    begin
      select c.id, c.bin_id, c.bin_code, c.lot_id, c.lot_code, c.expiry_date, c.free,
          sum(c.free) over (), array_agg(c.id) over ()
        into f_id, f_bin, f_bin_code, f_lot, f_lot_code, f_expiry, f_free, f_total, f_ids
        from (
          select b.id, b.bin_id, bn.code as bin_code, bn.kind as bin_kind, b.lot_id, l.code as lot_code,
            l.expiry_date, b.on_hand - b.reserved as free
          from inventory.balance b
          cross join lateral (select bn.code, bn.kind from inventory.bin bn
            where bn.id = b.bin_id and bn.active and bn.kind <> 'dispatch' offset 0) bn
          left join lateral (select l.code, l.expiry_date from inventory.lot l
            where l.id = b.lot_id offset 0) l on true
          where b.sku_id = p_sku and b.warehouse_id = p_warehouse and b.status = 'available'
            and b.on_hand > b.reserved
            and (l.expiry_date is null or l.expiry_date >= p_cutoff)
            and (p_only is null or b.id = any(p_only))
          order by b.id
          for update of b) c
        order by c.expiry_date nulls last, c.bin_kind <> 'pick_face', c.bin_code collate "C", c.id
        limit 1;
      -- Nothing in stock: short, nothing written, nothing to answer.
      if f_id is null then return; end if;
      if f_free >= p_qty and (p_known or f_expiry is null) then
        return query
        with upd as (
          update inventory.balance b set reserved = b.reserved + p_qty, updated_at = p_now
          where b.id = f_id and b.on_hand - b.reserved >= p_qty
          returning b.sku_id, b.warehouse_id, b.bin_id, b.lot_id),
        mov as (
          insert into inventory.movement (at, type, sku_id, lot_id, warehouse_id, to_bin_id, to_status, qty,
            actor_id, actor_name, source_type, source_id, request_id)
          select p_now, 'reserve', u.sku_id, u.lot_id, u.warehouse_id, u.bin_id, 'available', p_qty,
            p_actor_id, p_actor_name, 'order', p_order_ref, p_request_id
          from upd u),
        res as (
          insert into inventory.reservation as rv (order_ref, sku_id, warehouse_id, bin_id, lot_id, qty, updated_at)
          select p_order_ref, u.sku_id, u.warehouse_id, u.bin_id, u.lot_id, p_qty, p_now from upd u
          on conflict (order_ref, sku_id, bin_id, lot_id)
          do update set qty = rv.qty + excluded.qty, updated_at = excluded.updated_at)
        select f_id, 1, f_bin, f_bin_code, f_lot, f_lot_code, f_expiry, p_qty, f_total, false,
          (select count(*)::int from upd);
        return;
      end if;
      -- Several rows to take from, or dated stock whose cut-off is not known yet.
      return query
      select x.id, x.rank, x.bin_id, x.bin_code, x.lot_id, x.lot_code, x.expiry_date, x.take, x.total,
        x.needs, x.updated
      from inventory.reserve_lines(p_order_ref, array[0], array[p_sku], array[p_warehouse], array[p_qty],
        array[p_cutoff], array[p_known], f_ids, p_now, p_actor_id, p_actor_name, p_request_id) x;
    end $fn$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function inventory.reserve_line`.execute(db);
  await sql`create index balance_sku_idx on inventory.balance (sku_id, warehouse_id, status)`.execute(db);
  await sql`drop index inventory.balance_sku_id_idx`.execute(db);
}
