import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination';
import { badRequest, notFound } from '../../platform/lib/errors';
import type { OrderScope } from './order.query';
import {
  type RaisedVia,
  type RefundStatus,
  type ReturnReason,
  type ReturnRow,
  type ReturnStatus,
  returnsDb,
} from './returns.tables';

/** Reading returns: access checks (merchant and warehouse scope), the list with filters. */
function scoped<Q extends { where: (...args: any[]) => Q }>(q: Q, scope: OrderScope, prefix = ''): Q {
  let out = q;
  if (scope.merchantId) out = out.where(`${prefix}merchant_id`, '=', scope.merchantId);
  if (scope.warehouseIds)
    out = scope.warehouseIds.length
      ? out.where(`${prefix}warehouse_id`, 'in', scope.warehouseIds)
      : out.where(sql<boolean>`false`);
  return out;
}

/** The return if the caller may see it; otherwise "not found" (nothing told about other merchants). */
export async function accessibleReturn(db: Db | Trx, id: string, scope: OrderScope): Promise<ReturnRow> {
  const row = await scoped(
    returnsDb(db as Db)
      .selectFrom('orders.return')
      .selectAll()
      .where('id', '=', id),
    scope,
  ).executeTakeFirst();
  if (!row) throw notFound('return', id);
  return row;
}

/** The return row, locked for the rest of the caller's transaction. */
export async function lockReturn(trx: Trx, id: string): Promise<ReturnRow> {
  const row = await returnsDb(trx)
    .selectFrom('orders.return')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('return', id);
  return row;
}

export interface ReturnListQuery {
  status?: ReturnStatus;
  reason?: ReturnReason;
  raisedVia?: RaisedVia;
  refundStatus?: RefundStatus;
  merchantId?: string;
  warehouseId?: string;
  orderId?: string;
  from?: string;
  to?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

const dateOf = (value: string, field: string) => {
  const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value);
  if (Number.isNaN(at.getTime()))
    throw badRequest('validation_failed', {}, [
      { field: `querystring.${field}`, code: 'invalid_date', message: 'invalid date' },
    ]);
  return at;
};

const prefixPattern = (text: string) => `${text.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listReturns(db: Db, scope: OrderScope, query: ReturnListQuery) {
  let q = scoped(
    returnsDb(db)
      .selectFrom('orders.return as r')
      .leftJoin('orders.refund as f', 'f.return_id', 'r.id')
      .selectAll('r')
      .select(['f.amount_fen as refund_fen', 'f.status as refund_status'])
      .select((eb) => [
        eb
          .selectFrom('orders.return_line as l')
          .select(sql<number>`coalesce(sum(l.qty), 0)::int`.as('n'))
          .whereRef('l.return_id', '=', 'r.id')
          .as('total_qty'),
        eb
          .selectFrom('orders.return_line as l')
          .select(sql<number>`coalesce(sum(l.received_qty), 0)::int`.as('n'))
          .whereRef('l.return_id', '=', 'r.id')
          .as('received_qty'),
      ]),
    scope,
    'r.',
  );
  if (query.status) q = q.where('r.status', '=', query.status);
  if (query.reason) q = q.where('r.reason', '=', query.reason);
  if (query.raisedVia) q = q.where('r.raised_via', '=', query.raisedVia);
  if (query.refundStatus) q = q.where('f.status', '=', query.refundStatus);
  if (query.merchantId) q = q.where('r.merchant_id', '=', query.merchantId);
  if (query.warehouseId) q = q.where('r.warehouse_id', '=', query.warehouseId);
  if (query.orderId) q = q.where('r.order_id', '=', query.orderId);
  if (query.from) q = q.where('r.created_at', '>=', dateOf(query.from, 'from'));
  if (query.to) {
    const to = dateOf(query.to, 'to');
    q = q.where(
      'r.created_at',
      '<',
      /^\d{4}-\d{2}-\d{2}$/.test(query.to) ? new Date(to.getTime() + 86_400_000) : to,
    );
  }
  if (query.q) {
    const text = query.q.trim();
    q = q.where((eb) =>
      eb.or([
        eb('r.number', 'like', prefixPattern(text)),
        eb('r.order_number', 'like', prefixPattern(text)),
        eb('r.consignee_name', '=', text),
      ]),
    );
  }
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at)))
      throw badRequest('invalid_cursor', {}, [
        { field: 'querystring.cursor', code: 'invalid_cursor', message: 'invalid cursor' },
      ]);
    q = q.where((eb) => eb(eb.refTuple('r.created_at', 'r.id'), '<', eb.tuple(new Date(at), id)));
  }
  const rows = await q
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => ({
      ...returnSummary(r),
      totalQty: Number(r.total_qty ?? 0),
      receivedQty: Number(r.received_qty ?? 0),
      refundFen: r.refund_fen === null ? null : Number(r.refund_fen),
      refundStatus: (r.refund_status ?? null) as RefundStatus | null,
    })),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
  };
}

export function returnSummary(r: ReturnRow) {
  return {
    id: r.id,
    number: r.number,
    orderId: r.order_id,
    orderNumber: r.order_number,
    merchantId: r.merchant_id,
    warehouseId: r.warehouse_id,
    status: r.status,
    reason: r.reason,
    condition: r.condition,
    resolution: r.resolution,
    raisedVia: r.raised_via,
    method: r.method,
    outcome: r.outcome,
    consigneeName: r.consignee_name,
    replacementOrderId: r.replacement_order_id,
    createdAt: r.created_at.toISOString(),
    statusChangedAt: r.status_changed_at.toISOString(),
  };
}
