import type { Db, Trx } from '../../platform/db';
import { AppError, type FieldIssue } from '../../platform/lib/errors';
import { addDays, businessDayOf, type IsoDate } from '../../platform/time/calendar';
import { allocationsOf, linesOf } from './order.repo';
import { type OrderRow, type OrderStatus, ordersDb } from './order.tables';
import type { ReturnSettings } from './returns.settings';
import { GOODS_BACK } from './returns.state';
import {
  DEFECT_REASONS,
  type ReturnCondition,
  type ReturnReason,
  type ReturnResolution,
  returnsDb,
} from './returns.tables';

/**
 * The rules of a return request (R-OMS-5): which orders may come back, how many units of each line
 * (shipped, less what earlier returns took or are about to take), within how many days, in what
 * condition. Every broken rule is reported as a field issue, all at once.
 */
export const RETURNABLE_ORDER: ReadonlySet<OrderStatus> = new Set(['shipped', 'in_transit', 'delivered']);
const SHIPPED: ReadonlySet<OrderStatus> = new Set(['shipped', 'in_transit', 'delivered', 'returned']);
/** Fresh goods cannot be returned "for no reason" (七天无理由 excludes perishables). */
const PERISHABLE = new Set(['chilled', 'frozen']);

export interface ShippedLot {
  warehouseId: string;
  binId: string;
  binCode: string;
  lotId: string | null;
  lotCode: string | null;
  expiryDate: string | null;
  qty: number;
}

export interface ReturnableLine {
  lineNo: number;
  skuId: string | null;
  skuCode: string;
  skuName: string | null;
  storageClass: string | null;
  unitPriceFen: number;
  shippedQty: number;
  /** Units already back or on an open return request. */
  returnedQty: number;
  /** Units physically back (received on a return). */
  receivedQty: number;
  returnableQty: number;
  /** Where and in which lots the SKU left (for putting it back in the same bin and lot). */
  lots: ShippedLot[];
}

/** Per order line: shipped, already returned (or on an open request), still returnable. */
export async function returnableLines(db: Db | Trx, order: OrderRow): Promise<ReturnableLine[]> {
  const [lines, allocations, returned] = await Promise.all([
    linesOf(db, order.id),
    allocationsOf(db, order.id),
    returnsDb(db as Db)
      .selectFrom('orders.return_line as l')
      .innerJoin('orders.return as r', 'r.id', 'l.return_id')
      .select(['l.line_no', 'l.qty', 'l.received_qty', 'r.status'])
      .where('r.order_id', '=', order.id)
      .where('r.status', 'not in', ['rejected', 'cancelled'])
      .execute(),
  ]);
  const shipped = SHIPPED.has(order.status);
  const left = new Map<string, number>();
  const lotsOf = new Map<string, ShippedLot[]>();
  for (const a of allocations) {
    if (a.picked_qty <= 0) continue;
    left.set(a.sku_id, (left.get(a.sku_id) ?? 0) + a.picked_qty);
    const lots = lotsOf.get(a.sku_id) ?? [];
    lots.push({
      warehouseId: a.warehouse_id,
      binId: a.bin_id,
      binCode: a.bin_code,
      lotId: a.lot_id,
      lotCode: a.lot_code,
      expiryDate: a.expiry_date,
      qty: a.picked_qty,
    });
    lotsOf.set(a.sku_id, lots);
  }
  const back = new Map<number, number>();
  const received = new Map<number, number>();
  for (const r of returned) {
    back.set(r.line_no, (back.get(r.line_no) ?? 0) + (GOODS_BACK.has(r.status) ? r.received_qty : r.qty));
    if (GOODS_BACK.has(r.status)) received.set(r.line_no, (received.get(r.line_no) ?? 0) + r.received_qty);
  }
  return lines.map((l) => {
    // What was picked for a SKU is shared out over its lines in line order.
    const pool = shipped && l.sku_id ? (left.get(l.sku_id) ?? 0) : 0;
    const shippedQty = Math.max(0, Math.min(l.qty, pool));
    if (l.sku_id) left.set(l.sku_id, pool - shippedQty);
    const returnedQty = back.get(l.line_no) ?? 0;
    return {
      lineNo: l.line_no,
      skuId: l.sku_id,
      skuCode: l.sku_code,
      skuName: l.sku_name,
      storageClass: l.storage_class,
      unitPriceFen: Number(l.unit_price_fen),
      shippedQty,
      returnedQty,
      receivedQty: received.get(l.line_no) ?? 0,
      returnableQty: Math.max(0, shippedQty - returnedQty),
      lots: l.sku_id ? (lotsOf.get(l.sku_id) ?? []) : [],
    };
  });
}

export interface ReturnWindow {
  /** The instant days are counted from: delivery when reported, else shipping. */
  basisAt: Date;
  basis: 'delivered' | 'shipped';
}

export async function windowBasis(db: Db | Trx, order: OrderRow): Promise<ReturnWindow> {
  const rows = await ordersDb(db as Db)
    .selectFrom('orders.order_history')
    .select(['at', 'to_status'])
    .where('order_id', '=', order.id)
    .where('to_status', 'in', ['shipped', 'delivered'])
    .orderBy('id', 'desc')
    .execute();
  const delivered = rows.find((r) => r.to_status === 'delivered');
  if (delivered) return { basisAt: delivered.at, basis: 'delivered' };
  const shipped = rows.find((r) => r.to_status === 'shipped');
  return { basisAt: shipped?.at ?? order.status_changed_at, basis: 'shipped' };
}

export const windowDaysFor = (reason: ReturnReason, settings: ReturnSettings) =>
  DEFECT_REASONS.has(reason) ? settings.defectWindowDays : settings.windowDays;

/** The last business day a return may be requested on. */
export const deadlineOf = (basisAt: Date, days: number, timeZone: string): IsoDate =>
  addDays(businessDayOf(basisAt, timeZone), days);

export interface ReturnRequestInput {
  reason: ReturnReason;
  condition: ReturnCondition;
  resolution: ReturnResolution;
  note?: string | null;
  lines: Array<{ lineNo: number; qty: number }>;
}

/** The order may come back at all (shipped, in transit or delivered), else 409. */
export function assertReturnable(order: OrderRow): void {
  if (!RETURNABLE_ORDER.has(order.status))
    throw new AppError('conflict', 'orders.return_not_returnable', {
      number: order.number,
      status: order.status,
    });
}

/**
 * Check a request against the rules; throws `orders.return_rules_failed` (422) listing every broken
 * rule as a field issue (message codes, localised by the HTTP layer).
 */
export function checkReturnRequest(
  input: ReturnRequestInput,
  lines: ReturnableLine[],
  window: { days: number; deadline: IsoDate; today: IsoDate },
  order: OrderRow,
): void {
  const issues: FieldIssue[] = [];
  const issue = (field: string, code: string, params: Record<string, unknown>) =>
    issues.push({ field: `body.${field}`, code, message: code, params });
  if (window.today > window.deadline)
    issue('reason', 'orders.return_window_passed', { days: window.days, deadline: window.deadline });
  if (input.reason === 'no_longer_wanted' && input.condition === 'damaged')
    issue('condition', 'orders.return_condition_not_accepted', {});
  const seen = new Set<number>();
  input.lines.forEach((l, i) => {
    const line = lines.find((x) => x.lineNo === l.lineNo);
    if (seen.has(l.lineNo)) {
      issue(`lines.${i}.lineNo`, 'orders.return_line_duplicate', { lineNo: l.lineNo });
      return;
    }
    seen.add(l.lineNo);
    if (!line?.skuId) {
      issue(`lines.${i}.lineNo`, 'orders.return_line_unknown', { lineNo: l.lineNo });
      return;
    }
    if (l.qty > line.returnableQty)
      issue(`lines.${i}.qty`, 'orders.return_qty_exceeds', {
        lineNo: l.lineNo,
        sku: line.skuCode,
        requested: l.qty,
        returnable: line.returnableQty,
        shipped: line.shippedQty,
      });
    if (input.reason === 'no_longer_wanted' && line.storageClass && PERISHABLE.has(line.storageClass))
      issue(`lines.${i}.lineNo`, 'orders.return_perishable_no_reason', { sku: line.skuCode });
  });
  if (issues.length)
    throw new AppError('unprocessable', 'orders.return_rules_failed', { number: order.number }, issues);
}
