import { type Kysely, sql } from 'kysely';
import * as previous from './2026_11_24_0100_create_reserve_function';

/**
 * `inventory.reserve_lines` again, with the candidate balances looked up per order line through a
 * LATERAL subquery instead of a join. The function keeps one generic plan per connection; a
 * connection that first called it before the tables had statistics (a fresh database, a bulk load)
 * kept a plan that scanned every balance row and re-checked it against the lines — and that plan
 * grew slower with every dead row version until autovacuum happened to invalidate it. A lateral
 * lookup keyed by (sku, warehouse, status) can only be planned as an index probe per line, with
 * or without statistics.
 *
 * The lock order stays the one every writer uses — (sku, warehouse, balance id): the lines are
 * sorted by (sku, warehouse) before the lateral lookup, and each lookup locks its rows in id order
 * (`for update of b` under `order by b.id`). Only rows that pass every filter (available, free
 * quantity, active storage bin, lot not below the cut-off) are locked, as before. Everything else
 * — FEFO ranking, the all-or-nothing conditional update, the reserve movements and the order's
 * reservations in the same statement, the answer rows — is unchanged.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function inventory.reserve_lines(
      p_order_ref text, p_n int[], p_sku uuid[], p_warehouse uuid[], p_qty bigint[], p_cutoff date[],
      p_known boolean[], p_only bigint[], p_now timestamptz, p_actor_id uuid, p_actor_name text,
      p_request_id text)
    returns table (id bigint, n int, rank int, sku_id uuid, warehouse_id uuid, bin_id uuid, bin_code text,
      lot_id uuid, lot_code text, expiry_date date, take bigint, total bigint, needs boolean, updated int)
    language plpgsql
    -- One plan per connection: a custom plan per call (the default here) costs more than the work.
    set plan_cache_mode = force_generic_plan
    as $fn$
    #variable_conflict use_column
    begin
      return query
      with locked as materialized (
        select c.*, line.n, line.qty as wanted, line.known
        from (select * from unnest(p_n, p_sku, p_warehouse, p_qty, p_cutoff, p_known)
                as t(n, sku_id, warehouse_id, qty, cutoff, known)
              order by t.sku_id, t.warehouse_id) line
        cross join lateral (
          select b.id, b.sku_id, b.warehouse_id, b.bin_id, bn.code as bin_code, bn.kind as bin_kind, b.lot_id,
            l.code as lot_code, l.expiry_date, b.on_hand - b.reserved as free
          from inventory.balance b
          join inventory.bin bn on bn.id = b.bin_id
          left join inventory.lot l on l.id = b.lot_id
          where b.sku_id = line.sku_id and b.warehouse_id = line.warehouse_id and b.status = 'available'
            and b.on_hand > b.reserved and bn.kind <> 'dispatch' and bn.active
            and (l.expiry_date is null or l.expiry_date >= line.cutoff)
            and (p_only is null or b.id = any(p_only))
          order by b.id
          for update of b) c),
      alloc as materialized (
        select c.*, row_number() over w as rank,
          greatest(0, least(c.free, c.wanted - (sum(c.free) over w - c.free)))::bigint as take,
          sum(c.free) over (partition by c.n) as total,
          bool_or(not c.known and c.expiry_date is not null) over () as needs
        from locked c
        window w as (partition by c.n order by c.expiry_date nulls last, c.bin_kind <> 'pick_face',
          c.bin_code collate "C", c.id rows between unbounded preceding and current row)),
      upd as (
        update inventory.balance b set reserved = b.reserved + a.take, updated_at = p_now
        from alloc a
        where b.id = a.id and a.take > 0 and b.on_hand - b.reserved >= a.take and not a.needs
          and (select count(distinct x.n) from alloc x where x.total >= x.wanted) = cardinality(p_n)
        returning a.sku_id, a.warehouse_id, a.bin_id, a.lot_id, a.take),
      mov as (
        insert into inventory.movement (at, type, sku_id, lot_id, warehouse_id, to_bin_id, to_status, qty,
          actor_id, actor_name, source_type, source_id, request_id)
        select p_now, 'reserve', u.sku_id, u.lot_id, u.warehouse_id, u.bin_id, 'available', u.take,
          p_actor_id, p_actor_name, 'order', p_order_ref, p_request_id
        from upd u),
      res as (
        insert into inventory.reservation as r (order_ref, sku_id, warehouse_id, bin_id, lot_id, qty, updated_at)
        select p_order_ref, u.sku_id, u.warehouse_id, u.bin_id, u.lot_id, u.take, p_now from upd u
        on conflict (order_ref, sku_id, bin_id, lot_id)
        do update set qty = r.qty + excluded.qty, updated_at = excluded.updated_at)
      select a.id, a.n, a.rank::int, a.sku_id, a.warehouse_id, a.bin_id, a.bin_code, a.lot_id, a.lot_code,
        a.expiry_date, a.take, a.total::bigint, a.needs, (select count(*) from upd)::int
      from alloc a;
    end $fn$`.execute(db);
}

/** Back to the join lookup of 2026_11_24_0100. */
export async function down(db: Kysely<any>): Promise<void> {
  await previous.down(db);
  await previous.up(db);
}
