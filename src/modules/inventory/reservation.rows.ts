import { AppError, badRequest } from '../../platform/lib/errors';

/**
 * The shapes a reservation works with and what its statements answer: an order's lines merged per
 * (SKU, warehouse), the candidate rows a statement locked, the stock taken from them and the
 * shortage error — shared by `reserve` (one order) and `reserveMany` (orders placed together).
 */
export interface ReserveLine {
  skuId: string;
  qty: number;
  warehouseId: string;
}

export interface Allocation {
  skuId: string;
  warehouseId: string;
  binId: string;
  binCode: string;
  lotId: string | null;
  lotCode: string | null;
  expiryDate: string | null;
  qty: number;
}

/** A candidate balance the reserve statement locked, with what it takes from it. */
export interface LockedRow {
  id: number;
  /** Index of the order line (after merging lines of one SKU and warehouse). */
  n: number;
  /** FEFO rank within the line. */
  rank: number;
  sku_id: string;
  warehouse_id: string;
  bin_id: string;
  bin_code: string;
  lot_id: string | null;
  lot_code: string | null;
  expiry_date: string | null;
  take: number;
  /** Free quantity of all the line's candidates. */
  total: number;
  /** A line of a SKU whose cut-off is not known yet met dated stock: nothing was written. */
  needs: boolean;
  /** Balance rows updated (0 when anything was short or missing). */
  updated: number;
}

/**
 * What a reservation statement's rows mean for the order's merged lines: the stock taken, in line
 * and FEFO order, or the `inventory.insufficient_stock` error of the first line short (the statement
 * wrote nothing then).
 */
export function takenFrom(
  orderRef: string,
  lines: ReserveLine[],
  rows: LockedRow[],
): Allocation[] | AppError {
  const totals = new Array<number>(lines.length).fill(0);
  for (const r of rows) totals[r.n] = Number(r.total);
  const short = lines.findIndex((l, n) => totals[n] < l.qty);
  if (short >= 0) return shortOf(lines[short], totals[short]);
  const made = rows.filter((r) => Number(r.take) > 0).sort((a, b) => a.n - b.n || a.rank - b.rank);
  // Cannot happen under the row locks; if it ever did, failing rolls the caller back whole — not
  // as a shortage, which callers may answer by reserving again in the same transaction.
  if (made.length !== Number(rows[0].updated))
    throw new Error(`reservation ${orderRef}: ${made.length} rows taken, ${rows[0].updated} updated`);
  return made.map((r) => allocationOf(r, Number(r.take)));
}

/** What was taken from a locked balance row, as the caller sees it. */
export function allocationOf(
  row: Pick<
    LockedRow,
    'sku_id' | 'warehouse_id' | 'bin_id' | 'bin_code' | 'lot_id' | 'lot_code' | 'expiry_date'
  >,
  qty: number,
): Allocation {
  return {
    skuId: row.sku_id,
    warehouseId: row.warehouse_id,
    binId: row.bin_id,
    binCode: row.bin_code,
    lotId: row.lot_id,
    lotCode: row.lot_code,
    expiryDate: row.expiry_date,
    qty,
  };
}

export function shortOf(line: ReserveLine, available: number) {
  const { skuId, warehouseId, qty: requested } = line;
  return new AppError('conflict', 'inventory.insufficient_stock', {
    skuId,
    warehouseId,
    requested,
    available,
  });
}

/** The order's lines, one per (SKU, warehouse) with their quantities added, in that order. */
export function mergedLines<L extends ReserveLine>(input: L[]): L[] {
  for (const line of input)
    if (!Number.isSafeInteger(line.qty) || line.qty <= 0) throw badRequest('inventory.qty_positive');
  // One line (most orders): nothing to merge.
  if (input.length <= 1) return input;
  const wanted = new Map<string, L>();
  for (const line of input) {
    const key = `${line.skuId}|${line.warehouseId}`;
    const prev = wanted.get(key);
    wanted.set(key, { ...line, qty: (prev?.qty ?? 0) + line.qty });
  }
  return [...wanted.keys()].sort().map((k) => wanted.get(k)!);
}
