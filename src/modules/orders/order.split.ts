import { sql } from 'kysely';
import type { Trx } from '../../platform/db';
import { newId } from '../../platform/lib/ids';
import { insertLines, insertOrders, type NewHistory, type NewOrderRow } from './order.repo';
import { recordHistory, type StateContext } from './order.state';
import type { OrderLineRow, OrderRow, OrderStatus } from './order.tables';
import { ordersDb } from './order.tables';

/**
 * Splitting an order (拆单): some of its lines (or part of a line) move to a new order of the same
 * channel order — numbered after the root, `SO…-2`, `SO…-3` — which then lives its own life
 * (its own warehouse, picking and shipping). Cash on delivery follows the goods.
 */
export interface PartLine {
  line: OrderLineRow;
  qty: number;
}

/** Parcels by SKU back onto the order's lines (lines of one SKU are used in order). */
export function distribute(
  lines: OrderLineRow[],
  parcels: Array<Array<{ skuId: string; qty: number }>>,
): PartLine[][] {
  const left = new Map(lines.map((l) => [l.id, l.qty]));
  return parcels.map((parcel) => {
    const parts: PartLine[] = [];
    for (const want of parcel) {
      let need = want.qty;
      for (const line of lines) {
        if (line.sku_id !== want.skuId || need === 0) continue;
        const take = Math.min(need, left.get(line.id) ?? 0);
        if (take <= 0) continue;
        parts.push({ line, qty: take });
        left.set(line.id, (left.get(line.id) ?? 0) - take);
        need -= take;
      }
    }
    return parts;
  });
}

export const totalsOf = (
  order: Pick<OrderRow, 'payment_status'>,
  lines: Array<Pick<OrderLineRow, 'qty' | 'unit_price_fen' | 'unit_weight_g'>>,
) => {
  const total = lines.reduce((s, l) => s + Math.max(0, l.qty) * l.unit_price_fen, 0);
  return {
    total_fen: total,
    weight_g: lines.reduce((s, l) => s + Math.max(0, l.qty) * (l.unit_weight_g ?? 0), 0),
    cod_amount_fen: order.payment_status === 'cod' ? total : null,
  };
};

export function renumber(orderId: string, parts: PartLine[]): OrderLineRow[] {
  return parts.map((p, i) => ({ ...p.line, id: newId(), order_id: orderId, line_no: i + 1, qty: p.qty }));
}

/** Give the order exactly these lines (totals, weight and COD amount follow). */
export async function replaceLines(
  trx: Trx,
  order: OrderRow,
  parts: PartLine[],
  now: Date,
): Promise<OrderLineRow[]> {
  const lines = renumber(order.id, parts);
  await ordersDb(trx).deleteFrom('orders.order_line').where('order_id', '=', order.id).execute();
  await insertLines(trx, lines);
  await ordersDb(trx)
    .updateTable('orders.order')
    .set({ ...totalsOf(order, lines), updated_at: now })
    .where('id', '=', order.id)
    .execute();
  return lines;
}

/** The note on a split part's and its root's history: part `k` (1-based) of `n`. */
export const splitNote = (k: number, n: number) => `拆单 split ${k}/${n}`;

/**
 * The row and lines of a new part of `order` holding `parts`, in `status`: numbered after the root
 * (`rootNumber`-`seq`, `seq` ≥ 2), the root's `seq`-th part; everything of a later life left empty.
 */
export function subOrderRow(
  order: Omit<OrderRow, 'version'> | NewOrderRow,
  rootNumber: string,
  seq: number,
  parts: PartLine[],
  status: OrderStatus,
  now: Date,
): { row: NewOrderRow; lines: OrderLineRow[] } {
  const id = newId();
  const lines = renumber(id, parts);
  const { version: _version, ...rest } = order as OrderRow;
  const row: NewOrderRow = {
    ...rest,
    ...totalsOf(order, lines),
    id,
    number: `${rootNumber}-${seq}`,
    parent_id: order.parent_id ?? order.id,
    split_seq: 0,
    status,
    reason_codes: [],
    issues: [],
    exception_since: status === 'exception' ? now : null,
    address_suggestions: Array.isArray(order.address_suggestions) ? order.address_suggestions : [],
    dedupe_key: `${order.dedupe_key}:${seq}`,
    warehouse_id: null,
    shipping_cost_fen: null,
    promised_date: null,
    carrier: null,
    waybill_no: null,
    intercept_requested_at: null,
    source: 'split',
    created_at: now,
    updated_at: now,
    status_changed_at: now,
  };
  return { row, lines };
}

/** The history of a split: the part's `created` entry and the root's `split` entry. */
export function splitHistory(
  order: Pick<OrderRow, 'id' | 'number'>,
  part: Pick<OrderRow, 'id' | 'number' | 'status'>,
  parts: PartLine[],
  note: string,
): [NewHistory, NewHistory] {
  return [
    {
      orderId: part.id,
      action: 'created',
      from: null,
      to: part.status,
      note,
      details: { splitFrom: order.number },
    },
    {
      orderId: order.id,
      action: 'split',
      from: null,
      to: null,
      note,
      details: { into: part.number, lines: parts.map((p) => ({ sku: p.line.sku_code, qty: p.qty })) },
    },
  ];
}

/** A new part of `order` holding `parts`, in `status`; the root's split counter names it. */
export async function createSubOrder(
  trx: Trx,
  order: OrderRow,
  parts: PartLine[],
  status: OrderStatus,
  ctx: StateContext,
  note: string,
): Promise<OrderRow> {
  const rootId = order.parent_id ?? order.id;
  const { rows } = await sql<{ number: string; split_seq: number }>`
    update orders."order" set split_seq = split_seq + 1 where id = ${rootId} returning number, split_seq`.execute(
    trx,
  );
  const root = rows[0];
  const { row, lines } = subOrderRow(order, root.number, Number(root.split_seq) + 1, parts, status, ctx.now);
  await insertOrders(trx, [row]);
  await insertLines(trx, lines);
  for (const h of splitHistory(order, row, parts, note))
    await recordHistory(trx, h.orderId, ctx, {
      ...h,
      from: h.from as OrderStatus | null,
      to: h.to as OrderStatus | null,
    });
  return { ...row, version: 1, issues: [], address_suggestions: row.address_suggestions } as OrderRow;
}
