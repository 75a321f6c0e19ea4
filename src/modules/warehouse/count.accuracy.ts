import { sql } from 'kysely';
import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db';
import { warehouseScope } from './count.scope';

export interface AccuracyQuery {
  warehouseId?: string;
  /** Counts posted from / before these instants (ISO); default the last 12 months. */
  from?: string;
  to?: string;
  period: 'month' | 'week';
  timeZone?: string;
}

export interface AccuracyRow {
  warehouseId: string;
  /** First day of the month or ISO week (in the business time zone). */
  period: string;
  /** ABC class of the SKU at the count; null when the warehouse had no classification yet. */
  abcClass: 'A' | 'B' | 'C' | null;
  lines: number;
  accurateLines: number;
  /** Inventory record accuracy: accurate lines / counted lines, in %. */
  iraPct: number;
  absVarianceUnits: number;
  absVarianceValueFen: number;
}

/** Accuracy over the whole range, per warehouse and class (`all` = every class). */
export interface AccuracyTotal extends Omit<AccuracyRow, 'period' | 'abcClass'> {
  group: 'A' | 'B' | 'C' | 'unclassified' | 'all';
}

const DAY_MS = 86_400_000;
const pct = (a: number, n: number) => (n ? Math.round((a * 10_000) / n) / 100 : 0);

/**
 * Inventory record accuracy (IRA, 库存准确率): the share of counted lines (bin × SKU × lot of posted
 * counts) whose book quantity at the count was within the count's tolerance of what was found —
 * the accuracy of the books before the count corrected them. Per warehouse, period and ABC class,
 * with totals per warehouse and class over the whole range.
 */
export async function inventoryAccuracy(
  db: Db,
  principal: Principal | null,
  query: AccuracyQuery,
  now: Date,
) {
  const scope = warehouseScope(principal, query.warehouseId);
  const empty = { rows: [] as AccuracyRow[], totals: [] as AccuracyTotal[] };
  if (scope && !scope.length) return empty;
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - 365 * DAY_MS);
  const tz = query.timeZone ?? 'Asia/Shanghai';
  const unit = query.period === 'week' ? 'week' : 'month';
  const { rows } = await sql<{
    warehouse_id: string;
    period: string;
    abc_class: 'A' | 'B' | 'C' | null;
    lines: number;
    accurate: number;
    abs_units: string;
    abs_value: string;
  }>`
    select c.warehouse_id,
      to_char(date_trunc(${unit}, c.posted_at at time zone ${tz}), 'YYYY-MM-DD') as period,
      l.abc_class,
      count(*)::int as lines,
      (count(*) filter (where l.within_tolerance))::int as accurate,
      coalesce(sum(abs(l.counted_qty - l.book_qty)), 0) as abs_units,
      coalesce(sum(abs(l.counted_qty - l.book_qty) * l.unit_value_fen), 0) as abs_value
    from warehouse.count_line l
    join warehouse.count c on c.id = l.count_id
    where c.status = 'posted' and l.counted_qty is not null
      and c.posted_at >= ${from} and c.posted_at < ${to}
      ${scope ? sql`and c.warehouse_id in (${sql.join(scope.map((id) => sql`${id}::uuid`))})` : sql``}
    group by 1, 2, 3
    order by 2, 1, 3 nulls last`.execute(db);
  const toRow = (r: (typeof rows)[number]): AccuracyRow => ({
    warehouseId: r.warehouse_id,
    period: r.period,
    abcClass: r.abc_class,
    lines: Number(r.lines),
    accurateLines: Number(r.accurate),
    iraPct: pct(Number(r.accurate), Number(r.lines)),
    absVarianceUnits: Number(r.abs_units),
    absVarianceValueFen: Number(r.abs_value),
  });
  const out = rows.map(toRow);
  const totals = new Map<string, AccuracyTotal>();
  for (const r of out)
    for (const group of [r.abcClass ?? 'unclassified', 'all'] as const) {
      const key = `${r.warehouseId}|${group}`;
      const t = totals.get(key) ?? {
        warehouseId: r.warehouseId,
        group,
        lines: 0,
        accurateLines: 0,
        iraPct: 0,
        absVarianceUnits: 0,
        absVarianceValueFen: 0,
      };
      t.lines += r.lines;
      t.accurateLines += r.accurateLines;
      t.absVarianceUnits += r.absVarianceUnits;
      t.absVarianceValueFen += r.absVarianceValueFen;
      t.iraPct = pct(t.accurateLines, t.lines);
      totals.set(key, t);
    }
  return { rows: out, totals: [...totals.values()] };
}
