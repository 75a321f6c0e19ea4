import { sql } from 'kysely';
import type { Db } from '../../platform/db';

export interface StockDiscrepancy {
  /** `balance`: the balance row differs from the ledger; `reservation`: order reservations differ from the balance's reserved. */
  kind: 'balance' | 'reservation';
  skuId: string;
  warehouseId: string;
  binId: string;
  lotId: string | null;
  status: string;
  ledgerOnHand: number;
  balanceOnHand: number;
  ledgerReserved: number;
  balanceReserved: number;
}

export interface StockAudit {
  ok: boolean;
  movements: number;
  balances: number;
  discrepancyCount: number;
  discrepancies: StockDiscrepancy[];
  durationMs: number;
}

const NIL = '00000000-0000-0000-0000-000000000000';

/**
 * 账卡物 — ledger against balances: rebuilds every balance (on-hand and reserved) from the
 * movements and names every (sku, bin, lot, status) where the stored balance differs, and every
 * balance whose reserved quantity differs from the sum of the orders' reservations. Read-only; one
 * pass over the ledger (a hash aggregate), so a million movements take seconds on PostgreSQL.
 */
export async function auditStock(
  db: Db,
  options: { warehouseIds?: string[] | null; limit?: number } = {},
): Promise<StockAudit> {
  const started = performance.now();
  const ids = options.warehouseIds;
  if (ids && !ids.length)
    return { ok: true, movements: 0, balances: 0, discrepancyCount: 0, discrepancies: [], durationMs: 0 };
  const scope = (col: string) =>
    ids ? sql`${sql.ref(col)} in (${sql.join(ids.map((id) => sql`${id}::uuid`))})` : sql`true`;
  const { rows } = await sql<{
    kind: 'balance' | 'reservation';
    sku_id: string;
    warehouse_id: string;
    bin_id: string;
    lot_id: string | null;
    status: string;
    l_on: string;
    b_on: string;
    l_res: string;
    b_res: string;
  }>`
    with legs as (
      select m.sku_id, m.warehouse_id, m.from_bin_id as bin_id, m.lot_id, m.from_status as status,
        case when m.type in ('reserve', 'release') then 0 else -m.qty end as d_on,
        case when m.type in ('release', 'pick', 'ship') then -m.qty else 0 end as d_res
      from inventory.movement m where m.from_bin_id is not null and ${scope('m.warehouse_id')}
      union all
      select m.sku_id, m.warehouse_id, m.to_bin_id, m.lot_id, m.to_status,
        case when m.type in ('reserve', 'release') then 0 else m.qty end,
        case when m.type in ('reserve', 'pick') then m.qty else 0 end
      from inventory.movement m where m.to_bin_id is not null and ${scope('m.warehouse_id')}
    ),
    ledger as (
      select sku_id, warehouse_id, bin_id, coalesce(lot_id, ${NIL}::uuid) as lot, status,
        sum(d_on) as on_hand, sum(d_res) as reserved
      from legs group by 1, 2, 3, 4, 5
    ),
    bal as (
      select sku_id, warehouse_id, bin_id, coalesce(lot_id, ${NIL}::uuid) as lot, status, on_hand, reserved
      from inventory.balance b where ${scope('b.warehouse_id')}
    ),
    res as (
      select sku_id, warehouse_id, bin_id, coalesce(lot_id, ${NIL}::uuid) as lot, sum(qty) as qty
      from inventory.reservation r where ${scope('r.warehouse_id')} group by 1, 2, 3, 4
    )
    select 'balance' as kind, coalesce(l.sku_id, b.sku_id) as sku_id,
      coalesce(l.warehouse_id, b.warehouse_id) as warehouse_id, coalesce(l.bin_id, b.bin_id) as bin_id,
      nullif(coalesce(l.lot, b.lot), ${NIL}::uuid) as lot_id, coalesce(l.status, b.status) as status,
      coalesce(l.on_hand, 0) as l_on, coalesce(b.on_hand, 0) as b_on,
      coalesce(l.reserved, 0) as l_res, coalesce(b.reserved, 0) as b_res
    from ledger l
    full join bal b on b.sku_id = l.sku_id and b.bin_id = l.bin_id and b.lot = l.lot and b.status = l.status
    where coalesce(l.on_hand, 0) <> coalesce(b.on_hand, 0) or coalesce(l.reserved, 0) <> coalesce(b.reserved, 0)
    union all
    select 'reservation', coalesce(r.sku_id, b.sku_id), coalesce(r.warehouse_id, b.warehouse_id), coalesce(r.bin_id, b.bin_id),
      nullif(coalesce(r.lot, b.lot), ${NIL}::uuid), coalesce(b.status, 'available'),
      coalesce(b.on_hand, 0), coalesce(b.on_hand, 0), coalesce(r.qty, 0), coalesce(b.reserved, 0)
    from res r
    full join (select * from bal where status = 'available') b
      on b.sku_id = r.sku_id and b.bin_id = r.bin_id and b.lot = r.lot
    where coalesce(r.qty, 0) <> coalesce(b.reserved, 0)
    order by 2, 4, 5, 6
    limit ${options.limit ?? 1_000_000}`.execute(db);
  const counts = await sql<{ movements: string; balances: string }>`
    select (select count(*) from inventory.movement m where ${scope('m.warehouse_id')}) as movements,
      (select count(*) from inventory.balance b where ${scope('b.warehouse_id')} and (on_hand <> 0 or reserved <> 0)) as balances`.execute(
    db,
  );
  const discrepancies = rows.map((r) => ({
    kind: r.kind,
    skuId: r.sku_id,
    warehouseId: r.warehouse_id,
    binId: r.bin_id,
    lotId: r.lot_id,
    status: r.status,
    ledgerOnHand: Number(r.l_on),
    balanceOnHand: Number(r.b_on),
    ledgerReserved: Number(r.l_res),
    balanceReserved: Number(r.b_res),
  }));
  return {
    ok: discrepancies.length === 0,
    movements: Number(counts.rows[0].movements),
    balances: Number(counts.rows[0].balances),
    discrepancyCount: discrepancies.length,
    discrepancies,
    durationMs: Math.round(performance.now() - started),
  };
}
