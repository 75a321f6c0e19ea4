import { type Kysely, sql } from 'kysely';
import * as previous from './2026_12_03_0100_reserve_lines_index_path';

/**
 * `inventory.reserve_lines` takes stock without locking it first when it can. The allocation is
 * read without row locks; then each chosen balance is taken by the conditional update alone
 * (`on_hand - reserved >= take`, which PostgreSQL re-checks on the newest row version when another
 * transaction changed it meanwhile), one row at a time in the order every writer locks balances —
 * (sku, warehouse, balance id) — so no deadlock is possible. A `for update` before the update
 * wrote every row twice (the lock, then the new version) and was most of the cost of a reservation.
 *
 * When an update finds the row no longer covers its take (someone reserved it meanwhile), what this
 * call already added is taken back and the call falls back to the locking allocation of
 * 2026_12_03_0100 — candidates locked in the same order, FEFO with a running sum, all or nothing —
 * so the result under contention is what it always was. A read that finds a line short, or dated
 * stock whose cut-off is not known yet, writes nothing and answers as before.
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
    set plan_cache_mode = force_generic_plan
    as $fn$
    #variable_conflict use_column
    declare
      r record;
      a_id bigint[] := '{}'; a_n int[] := '{}'; a_rank int[] := '{}'; a_sku uuid[] := '{}';
      a_wh uuid[] := '{}'; a_bin uuid[] := '{}'; a_bin_code text[] := '{}'; a_lot uuid[] := '{}';
      a_lot_code text[] := '{}'; a_expiry date[] := '{}'; a_take bigint[] := '{}'; a_total bigint[] := '{}';
      v_needs boolean := false;
      v_last int := -1;
      v_covered int := 0;
      v_done int := 0;
      v_failed boolean := false;
      v_at int := 0;
    begin
      -- 1. Allocate on an unlocked read, rows in lock order.
      for r in
        with cand as (
          select c.*, line.n, line.qty as wanted, line.known
          from unnest(p_n, p_sku, p_warehouse, p_qty, p_cutoff, p_known)
            as line(n, sku_id, warehouse_id, qty, cutoff, known)
          cross join lateral (
            select b.id, b.sku_id, b.warehouse_id, b.bin_id, bn.code as bin_code, bn.kind as bin_kind, b.lot_id,
              l.code as lot_code, l.expiry_date, b.on_hand - b.reserved as free
            from inventory.balance b
            join inventory.bin bn on bn.id = b.bin_id
            left join inventory.lot l on l.id = b.lot_id
            where b.sku_id = line.sku_id and b.warehouse_id = line.warehouse_id and b.status = 'available'
              and b.on_hand > b.reserved and bn.kind <> 'dispatch' and bn.active
              and (l.expiry_date is null or l.expiry_date >= line.cutoff)
              and (p_only is null or b.id = any(p_only))) c)
        select c.*, row_number() over w as rank,
          greatest(0, least(c.free, c.wanted - (sum(c.free) over w - c.free)))::bigint as take,
          sum(c.free) over (partition by c.n) as total,
          bool_or(not c.known and c.expiry_date is not null) over () as needs
        from cand c
        window w as (partition by c.n order by c.expiry_date nulls last, c.bin_kind <> 'pick_face',
          c.bin_code collate "C", c.id rows between unbounded preceding and current row)
        order by c.sku_id, c.warehouse_id, c.id
      loop
        a_id := array_append(a_id, r.id);
        a_n := array_append(a_n, r.n);
        a_rank := array_append(a_rank, r.rank::int);
        a_sku := array_append(a_sku, r.sku_id);
        a_wh := array_append(a_wh, r.warehouse_id);
        a_bin := array_append(a_bin, r.bin_id);
        a_bin_code := array_append(a_bin_code, r.bin_code);
        a_lot := array_append(a_lot, r.lot_id);
        a_lot_code := array_append(a_lot_code, r.lot_code);
        a_expiry := array_append(a_expiry, r.expiry_date);
        a_take := array_append(a_take, r.take);
        a_total := array_append(a_total, r.total::bigint);
        v_needs := r.needs;
        if r.n <> v_last then
          v_last := r.n;
          if r.total >= r.wanted then v_covered := v_covered + 1; end if;
        end if;
      end loop;

      -- 2. Short or waiting for cut-off dates: nothing written, the caller decides.
      if v_needs or v_covered < cardinality(p_n) then
        return query select x.*, v_needs, 0 from unnest(a_id, a_n, a_rank, a_sku, a_wh, a_bin, a_bin_code,
          a_lot, a_lot_code, a_expiry, a_take, a_total) as x;
        return;
      end if;

      -- 3. Take each row by the conditional update, in lock order.
      for i in 1 .. coalesce(array_length(a_id, 1), 0) loop
        continue when a_take[i] <= 0;
        update inventory.balance b set reserved = b.reserved + a_take[i], updated_at = p_now
          where b.id = a_id[i] and b.on_hand - b.reserved >= a_take[i];
        if not found then
          v_failed := true;
          v_at := i;
          exit;
        end if;
        v_done := v_done + 1;
      end loop;

      if not v_failed then
        insert into inventory.movement (at, type, sku_id, lot_id, warehouse_id, to_bin_id, to_status, qty,
          actor_id, actor_name, source_type, source_id, request_id)
        select p_now, 'reserve', x.s, x.lt, x.w, x.bn, 'available', x.t,
          p_actor_id, p_actor_name, 'order', p_order_ref, p_request_id
        from unnest(a_sku, a_lot, a_wh, a_bin, a_take) as x(s, lt, w, bn, t) where x.t > 0;
        insert into inventory.reservation as rv (order_ref, sku_id, warehouse_id, bin_id, lot_id, qty, updated_at)
        select p_order_ref, x.s, x.w, x.bn, x.lt, x.t, p_now
        from unnest(a_sku, a_lot, a_wh, a_bin, a_take) as x(s, lt, w, bn, t) where x.t > 0
        on conflict (order_ref, sku_id, bin_id, lot_id)
        do update set qty = rv.qty + excluded.qty, updated_at = excluded.updated_at;
        return query select x.*, false, v_done from unnest(a_id, a_n, a_rank, a_sku, a_wh, a_bin, a_bin_code,
          a_lot, a_lot_code, a_expiry, a_take, a_total) as x;
        return;
      end if;

      -- 4. Someone was faster: give back what this call added (the rows stay locked, in lock
      -- order), then allocate again under locks.
      for i in 1 .. v_at - 1 loop
        continue when a_take[i] <= 0;
        update inventory.balance b set reserved = b.reserved - a_take[i] where b.id = a_id[i];
      end loop;
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

/** Back to the locking allocation of 2026_12_03_0100. */
export async function down(db: Kysely<any>): Promise<void> {
  await previous.up(db);
}
