import type { Db, Trx } from '../../platform/db';
import { inTransaction } from '../../platform/db';
import type { OutboxHandler } from '../../platform/events';
import { AppError } from '../../platform/lib/errors';
import { isUuid } from '../../platform/lib/ids';
import { isIsoDate } from '../../platform/time/calendar';
import { type DayWrite, ensureSeries, tryClaimPosting, writeDays } from './demand.repo';
import type { DemandEventSource, DemandRow } from './planning.deps';

const MAX_QTY = 100_000_000;

/** Merge rows of the same SKU, warehouse and day (quantities add, a stock-out on any row counts). */
export function mergeDemandRows(rows: readonly DemandRow[]): DemandRow[] {
  const merged = new Map<string, DemandRow>();
  for (const r of rows) {
    const key = `${r.skuId}|${r.warehouseId}|${r.day}`;
    const m = merged.get(key);
    if (m) {
      m.qty += r.qty;
      m.stockout = !!(m.stockout || r.stockout);
    } else merged.set(key, { ...r, stockout: !!r.stockout });
  }
  return [...merged.values()];
}

function checkRows(rows: readonly DemandRow[]): void {
  rows.forEach((r, i) => {
    const bad = (field: string) =>
      new AppError('bad_request', 'planning.demand.invalid_row', { index: i, field }, [
        { field: `rows.${i}.${field}`, code: 'invalid', message: 'planning.demand.invalid_row' },
      ]);
    if (!isUuid(r.skuId)) throw bad('skuId');
    if (!isUuid(r.warehouseId)) throw bad('warehouseId');
    if (!isIsoDate(r.day)) throw bad('day');
    if (!Number.isSafeInteger(r.qty) || r.qty < 0 || r.qty > MAX_QTY) throw bad('qty');
  });
}

/**
 * Post demand (units shipped to customers) into the daily history, in the caller's transaction:
 * quantities add to the day's total. With `postingKey` (e.g. the event or shipment id) a posting is
 * applied once only, so a redelivered event does not count twice. Returns false if it was already applied.
 * The orders module calls this (or publishes an event wired through `demandEvents`).
 */
export async function recordDemand(
  trx: Trx,
  rows: readonly DemandRow[],
  options: { postingKey?: string; now?: Date } = {},
): Promise<boolean> {
  checkRows(rows);
  if (options.postingKey && !(await tryClaimPosting(trx, options.postingKey, options.now ?? new Date())))
    return false;
  const merged = mergeDemandRows(rows);
  if (!merged.length) return true;
  const ids = await ensureSeries(trx, merged);
  const writes: DayWrite[] = merged.map((r) => ({
    seriesId: ids.get(`${r.skuId}|${r.warehouseId}`)!,
    day: r.day,
    qty: r.qty,
    stockout: !!r.stockout,
  }));
  await writeDays(trx, writes, 'add');
  return true;
}

/** Overwrite the history of the given days (imports): each row's quantity replaces what was stored. */
export async function replaceDemand(trx: Trx, rows: readonly DemandRow[]): Promise<void> {
  checkRows(rows);
  const merged = mergeDemandRows(rows);
  if (!merged.length) return;
  const ids = await ensureSeries(trx, merged);
  await writeDays(
    trx,
    merged.map((r) => ({
      seriesId: ids.get(`${r.skuId}|${r.warehouseId}`)!,
      day: r.day,
      qty: r.qty,
      stockout: !!r.stockout,
    })),
    'replace',
  );
}

/**
 * Outbox handlers for topics that carry demand (the hook for the orders module's shipped-order
 * event): each event is posted once, keyed by its id.
 */
export function demandEventHandlers(sources: readonly DemandEventSource[]): OutboxHandler[] {
  return sources.map((source) => ({
    name: `planning.demand:${source.topic}`,
    topics: [source.topic],
    async handle(db: Db, event) {
      const rows = source.rows(event.payload);
      if (!rows.length) return;
      await inTransaction(db, (trx) =>
        recordDemand(trx, rows, { postingKey: `event:${event.id}`, now: event.createdAt }),
      );
    },
  }));
}
