import { sql } from 'kysely';
import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { badRequest } from '../../platform/lib/errors';
import { addDays, businessDayOf, isIsoDate } from '../../platform/time/calendar';
import { skuFactsMany } from './inventory.deps';
import { scopeOf } from './stock.query';
import type { StockStatus } from './stock.tables';

/**
 * Near-expiry report (临期报表): stock of dated lots that is expired, below its SKU's minimum
 * remaining shelf life for shipping (so orders can no longer take it), or expiring within N days.
 */
export const EXPIRY_URGENCIES = ['expired', 'below_min_shelf_life', 'near_expiry'] as const;
export type ExpiryUrgency = (typeof EXPIRY_URGENCIES)[number];

export interface NearExpiryQuery {
  warehouseId?: string;
  zoneId?: string;
  skuId?: string;
  /** Lots expiring within this many days (from today) are listed. */
  withinDays: number;
  urgency?: ExpiryUrgency;
  /** Default: available and quality_hold (quarantined and damaged stock is already out of sale). */
  stockStatus?: StockStatus;
  limit: number;
  cursor?: string;
}

export interface NearExpiryRow {
  skuId: string;
  skuCode: string;
  warehouseId: string;
  zoneId: string | null;
  binId: string;
  binCode: string;
  lotId: string;
  lotCode: string;
  productionDate: string | null;
  expiryDate: string;
  /** Days from today to the expiry date (negative once expired). */
  daysLeft: number;
  minRemainingShelfLifeDays: number | null;
  stockStatus: StockStatus;
  onHand: number;
  reserved: number;
  urgency: ExpiryUrgency;
}

/** Above this, a SKU's minimum remaining shelf life is not a realistic rule (and is not looked up). */
const MAX_MIN_SHELF_LIFE = 730;
const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

export function urgencyOf(daysLeft: number, minRemaining: number | null): ExpiryUrgency {
  if (daysLeft < 0) return 'expired';
  if (minRemaining && daysLeft < minRemaining) return 'below_min_shelf_life';
  return 'near_expiry';
}

/**
 * Rows ordered by expiry date (soonest first), keyset-paginated. Each SKU's cut-off is
 * max(today + withinDays, today + its minimum remaining shelf life); the catalog is asked once, for
 * all the SKUs that have dated stock within the longest possible cut-off. Also returns counts and quantities
 * per urgency over the whole filtered report (not just the page).
 */
export async function nearExpiryReport(
  db: Db,
  principal: Principal | null,
  query: NearExpiryQuery,
  now: Date,
) {
  const today = businessDayOf(now);
  const empty = {
    today,
    withinDays: query.withinDays,
    items: [] as NearExpiryRow[],
    nextCursor: null as string | null,
    summary: EXPIRY_URGENCIES.map((urgency) => ({ urgency, lines: 0, qty: 0 })),
  };
  const scope = scopeOf(principal);
  if (scope && (!scope.length || (query.warehouseId && !scope.includes(query.warehouseId)))) return empty;
  const statuses: StockStatus[] = query.stockStatus ? [query.stockStatus] : ['available', 'quality_hold'];
  const filters = sql.join(
    [
      sql`b.on_hand > 0`,
      sql`l.expiry_date is not null`,
      sql`b.status in (${sql.join(statuses)})`,
      ...(scope ? [sql`b.warehouse_id in (${sql.join(scope.map((id) => sql`${id}::uuid`))})`] : []),
      ...(query.warehouseId ? [sql`b.warehouse_id = ${query.warehouseId}::uuid`] : []),
      ...(query.zoneId ? [sql`n.zone_id = ${query.zoneId}::uuid`] : []),
      ...(query.skuId ? [sql`b.sku_id = ${query.skuId}::uuid`] : []),
    ],
    sql` and `,
  );
  const horizon = addDays(today, Math.max(query.withinDays, MAX_MIN_SHELF_LIFE) + 1);
  const { rows: skus } = await sql<{ sku_id: string }>`
    select distinct b.sku_id from inventory.balance b join inventory.lot l on l.id = b.lot_id
    join inventory.bin n on n.id = b.bin_id
    where ${filters} and l.expiry_date < ${horizon}::date`.execute(db);
  if (!skus.length) return empty;
  const known = await skuFactsMany(
    db,
    skus.map((s) => s.sku_id),
  );
  // A SKU the catalog no longer knows still shows its stock, under its id and without a shelf-life rule.
  const facts = new Map<string, { code: string; min: number | null }>(
    skus.map(({ sku_id }) => {
      const f = known.get(sku_id);
      return [sku_id, { code: f?.code ?? sku_id, min: f?.minRemainingShelfLifeDays ?? null }];
    }),
  );
  // Per SKU: listed when the expiry date is before this day (exclusive), and the shelf-life cut-off.
  const limits = sql.join(
    [...facts].map(
      ([id, f]) =>
        sql`(${id}::uuid, ${addDays(today, Math.max(query.withinDays + 1, Math.min(f.min ?? 0, MAX_MIN_SHELF_LIFE)))}::date, ${addDays(today, Math.max(0, f.min ?? 0))}::date)`,
    ),
  );
  const urgency = sql`case when l.expiry_date < ${today}::date then 'expired'
    when l.expiry_date < k.min_cutoff then 'below_min_shelf_life' else 'near_expiry' end`;
  const base = sql`
    from inventory.balance b
    join inventory.lot l on l.id = b.lot_id
    join inventory.bin n on n.id = b.bin_id
    join (values ${limits}) as k(sku_id, until_day, min_cutoff) on k.sku_id = b.sku_id
    where ${filters} and l.expiry_date < k.until_day
      ${query.urgency ? sql`and ${urgency} = ${query.urgency}` : sql``}`;
  let after = sql``;
  if (query.cursor) {
    const [expiry, id] = decodeCursor(query.cursor, 2);
    if (
      typeof expiry !== 'string' ||
      !isIsoDate(expiry) ||
      typeof id !== 'number' ||
      !Number.isSafeInteger(id)
    )
      throw badRequest('invalid_cursor', {}, [
        { field: 'querystring.cursor', code: 'invalid_cursor', message: 'invalid cursor' },
      ]);
    after = sql`and (l.expiry_date, b.id) > (${expiry}::date, ${id}::bigint)`;
  }
  const [{ rows }, { rows: sums }] = await Promise.all([
    sql<{
      id: number;
      sku_id: string;
      warehouse_id: string;
      zone_id: string | null;
      bin_id: string;
      bin_code: string;
      lot_id: string;
      lot_code: string;
      production_date: string | null;
      expiry_date: string;
      status: StockStatus;
      on_hand: string;
      reserved: string;
    }>`
      select b.id, b.sku_id, b.warehouse_id, n.zone_id, b.bin_id, n.code as bin_code, b.lot_id, l.code as lot_code,
        l.production_date, l.expiry_date, b.status, b.on_hand, b.reserved
      ${base} ${after}
      order by l.expiry_date, b.id
      limit ${query.limit + 1}`.execute(db),
    sql<{ urgency: ExpiryUrgency; lines: string; qty: string }>`
      select ${urgency} as urgency, count(*) as lines, coalesce(sum(b.on_hand), 0) as qty ${base} group by 1`.execute(
      db,
    ),
  ]);
  const page = paginate(rows, query.limit, (r) => [r.expiry_date, Number(r.id)]);
  return {
    today,
    withinDays: query.withinDays,
    items: page.items.map((r): NearExpiryRow => {
      const f = facts.get(r.sku_id)!;
      const daysLeft = daysBetween(today, r.expiry_date);
      return {
        skuId: r.sku_id,
        skuCode: f.code,
        warehouseId: r.warehouse_id,
        zoneId: r.zone_id,
        binId: r.bin_id,
        binCode: r.bin_code,
        lotId: r.lot_id,
        lotCode: r.lot_code,
        productionDate: r.production_date,
        expiryDate: r.expiry_date,
        daysLeft,
        minRemainingShelfLifeDays: f.min,
        stockStatus: r.status,
        onHand: Number(r.on_hand),
        reserved: Number(r.reserved),
        urgency: urgencyOf(daysLeft, f.min),
      };
    }),
    nextCursor: page.nextCursor,
    summary: EXPIRY_URGENCIES.map((u) => {
      const s = sums.find((x) => x.urgency === u);
      return { urgency: u, lines: Number(s?.lines ?? 0), qty: Number(s?.qty ?? 0) };
    }),
  };
}
