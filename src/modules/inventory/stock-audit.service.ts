import { sql } from 'kysely';
import type { Db } from '../../platform/db';
import { boundInventoryDeps, type LastCountFact } from './inventory.deps';

export interface StockDiscrepancy {
  /**
   * `balance`: the balance row differs from the ledger; `reservation`: order reservations differ
   * from the balance's reserved; `count`: the ledger does not stand where the last count left it
   * (the books at the count plus the variance posted is not what was found).
   */
  kind: 'balance' | 'reservation' | 'count';
  skuId: string;
  warehouseId: string;
  binId: string;
  /** The bin's and lot's codes, for people reading the report (null when the row is gone). */
  binCode: string | null;
  lotId: string | null;
  lotCode: string | null;
  status: string;
  ledgerOnHand: number;
  balanceOnHand: number;
  ledgerReserved: number;
  balanceReserved: number;
  /** For `count`: the count, what was found, and what the ledger held then and got as variance. */
  count: {
    countId: string;
    countNumber: string;
    bookQty: number;
    countedQty: number;
    ledgerAtCount: number;
    postedVariance: number;
  } | null;
}

export interface StockAudit {
  ok: boolean;
  movements: number;
  balances: number;
  /** Bin × SKU × lot positions checked against their last count. */
  counted: number;
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
    return {
      ok: true,
      movements: 0,
      balances: 0,
      counted: 0,
      discrepancyCount: 0,
      discrepancies: [],
      durationMs: 0,
    };
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
  const totals = await sql<{ movements: string; balances: string }>`
    select (select count(*) from inventory.movement m where ${scope('m.warehouse_id')}) as movements,
      (select count(*) from inventory.balance b where ${scope('b.warehouse_id')} and (on_hand <> 0 or reserved <> 0)) as balances`.execute(
    db,
  );
  const counts = (await boundInventoryDeps()?.lastCounts?.(db, ids ?? null)) ?? [];
  const countIssues = await auditCounts(db, counts);
  const discrepancies: StockDiscrepancy[] = rows.map((r) => ({
    kind: r.kind,
    skuId: r.sku_id,
    warehouseId: r.warehouse_id,
    binId: r.bin_id,
    binCode: null,
    lotId: r.lot_id,
    lotCode: null,
    status: r.status,
    ledgerOnHand: Number(r.l_on),
    balanceOnHand: Number(r.b_on),
    ledgerReserved: Number(r.l_res),
    balanceReserved: Number(r.b_res),
    count: null,
  }));
  discrepancies.push(
    ...countIssues.slice(0, Math.max(0, (options.limit ?? 1_000_000) - discrepancies.length)),
  );
  await nameDiscrepancies(db, discrepancies);
  return {
    ok: discrepancies.length === 0,
    movements: Number(totals.rows[0].movements),
    balances: Number(totals.rows[0].balances),
    counted: counts.length,
    discrepancyCount: discrepancies.length,
    discrepancies,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Fill in bin and lot codes: one lookup each for all the discrepancies. */
async function nameDiscrepancies(db: Db, list: StockDiscrepancy[]): Promise<void> {
  if (!list.length) return;
  const binIds = [...new Set(list.map((d) => d.binId))];
  const lotIds = [...new Set(list.flatMap((d) => (d.lotId ? [d.lotId] : [])))];
  const bins = await sql<{ id: string; code: string }>`
    select id, code from inventory.bin where id = any(${binIds}::uuid[])`.execute(db);
  const lots = lotIds.length
    ? await sql<{ id: string; code: string }>`
        select id, code from inventory.lot where id = any(${lotIds}::uuid[])`.execute(db)
    : { rows: [] };
  const binCode = new Map(bins.rows.map((b) => [b.id, b.code]));
  const lotCode = new Map(lots.rows.map((l) => [l.id, l.code]));
  for (const d of list) {
    d.binCode = binCode.get(d.binId) ?? null;
    d.lotCode = d.lotId ? (lotCode.get(d.lotId) ?? null) : null;
  }
}

/**
 * 账卡物 against the last count of each bin × SKU × lot: the ledger up to the count's position must
 * be what the count's book said, and that plus the variance movements the count posted must be what
 * the counter found. One pass over the movements of the counted positions.
 */
async function auditCounts(db: Db, counts: readonly LastCountFact[]): Promise<StockDiscrepancy[]> {
  if (!counts.length) return [];
  const out: StockDiscrepancy[] = [];
  for (let i = 0; i < counts.length; i += 5000) {
    const batch = counts.slice(i, i + 5000);
    const json = JSON.stringify(
      batch.map((c, k) => ({
        k,
        bin_id: c.binId,
        sku_id: c.skuId,
        lot_id: c.lotId,
        pos: c.position,
        count_id: c.countId,
      })),
    );
    const { rows } = await sql<{
      k: number;
      warehouse_id: string | null;
      at_count: string;
      variance: string;
    }>`
      with c as (
        select * from jsonb_to_recordset(${json}::jsonb)
          as x(k int, bin_id uuid, sku_id uuid, lot_id uuid, pos bigint, count_id text)
      ),
      legs as (
        select c.k, m.id, m.source_type, m.source_id, c.pos, c.count_id,
          case when m.to_bin_id = c.bin_id then m.qty else -m.qty end as d
        from c
        join inventory.movement m on m.sku_id = c.sku_id
          and (m.from_bin_id = c.bin_id or m.to_bin_id = c.bin_id)
          and m.lot_id is not distinct from c.lot_id
          and m.type not in ('reserve', 'release')
          and not (m.from_bin_id is not distinct from c.bin_id and m.to_bin_id is not distinct from c.bin_id)
      )
      select c.k,
        coalesce(sum(l.d) filter (where l.id <= l.pos), 0) as at_count,
        coalesce(sum(l.d) filter (where l.id > l.pos and l.source_type = 'count' and l.source_id = l.count_id), 0) as variance
      from c left join legs l on l.k = c.k
      group by c.k`.execute(db);
    for (const r of rows) {
      const c = batch[r.k];
      const atCount = Number(r.at_count);
      const variance = Number(r.variance);
      if (atCount === c.bookQty && atCount + variance === c.countedQty) continue;
      out.push({
        kind: 'count',
        skuId: c.skuId,
        warehouseId: c.warehouseId,
        binId: c.binId,
        binCode: null,
        lotId: c.lotId,
        lotCode: null,
        status: '*',
        ledgerOnHand: atCount + variance,
        balanceOnHand: c.countedQty,
        ledgerReserved: 0,
        balanceReserved: 0,
        count: {
          countId: c.countId,
          countNumber: c.countNumber,
          bookQty: c.bookQty,
          countedQty: c.countedQty,
          ledgerAtCount: atCount,
          postedVariance: variance,
        },
      });
    }
  }
  return out;
}
