import { type Kysely, sql } from 'kysely';

/**
 * `inventory.reserve_lines`: the one statement behind `reserve` (reservation.service.ts), kept in a
 * PL/pgSQL function with a generic plan so each connection plans it once — planned afresh on every
 * call it cost more than its own execution. It locks the candidate balances of every line in the fixed order (sku, warehouse,
 * balance id), allocates FEFO with a running sum, and only when every line is covered (and no line
 * still needs its SKU's shelf-life cut-off) updates the balances conditionally, appends the reserve
 * movements and upserts the order's reservations. It answers every locked candidate with what it
 * takes; the caller decides (short, cut-off needed, done). A change is a new migration with
 * `create or replace`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function inventory.reserve_lines(
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
      with line as (
        select * from unnest(p_n, p_sku, p_warehouse, p_qty, p_cutoff, p_known)
          as t(n, sku_id, warehouse_id, qty, cutoff, known)),
      locked as materialized (
        select b.id, b.sku_id, b.warehouse_id, b.bin_id, bn.code as bin_code, bn.kind as bin_kind, b.lot_id,
          l.code as lot_code, l.expiry_date, b.on_hand - b.reserved as free, line.n, line.qty as wanted,
          line.known
        from inventory.balance b
        join line on line.sku_id = b.sku_id and line.warehouse_id = b.warehouse_id
        join inventory.bin bn on bn.id = b.bin_id
        left join inventory.lot l on l.id = b.lot_id
        where b.status = 'available' and b.on_hand > b.reserved and bn.kind <> 'dispatch' and bn.active
          and (l.expiry_date is null or l.expiry_date >= line.cutoff)
          and (p_only is null or b.id = any(p_only))
        order by b.sku_id, b.warehouse_id, b.id
        for update of b),
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

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop function if exists inventory.reserve_lines`.execute(db);
}
