import { sql } from 'kysely';
import type { Principal } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { containsPattern } from '../../platform/db/like';
import { decodeCursor, encodeCursor } from '../../platform/http/pagination';
import { badRequest, notFound } from '../../platform/lib/errors';
import { maskPhone } from './contact.check';
import type { ReasonCode } from './order.reasons';
import { type OrderRow, type OrderStatus, ordersDb } from './order.tables';
import { getSettings } from './orders.settings';
import type { ServiceType } from './shipping.rates';

/** Reading orders: the list with its filters, the exception queue's counts, access checks. */
export interface OrderScope {
  /** Merchant-portal users see their merchant's orders only. */
  merchantId: string | null;
  /** Warehouse-scoped users see orders allocated to their warehouses only. */
  warehouseIds: string[] | null;
}

export const scopeOf = (principal: Principal | null): OrderScope => ({
  merchantId: principal?.merchantId ?? null,
  warehouseIds: !principal || principal.warehouseIds === 'all' ? null : [...principal.warehouseIds],
});

export function scoped<Q extends { where: (...args: any[]) => Q }>(q: Q, scope: OrderScope, prefix = ''): Q {
  let out = q;
  if (scope.merchantId) out = out.where(`${prefix}merchant_id`, '=', scope.merchantId);
  if (scope.warehouseIds)
    out = scope.warehouseIds.length
      ? out.where(`${prefix}warehouse_id`, 'in', scope.warehouseIds)
      : out.where(sql<boolean>`false`);
  return out;
}

/** The order if the caller may see it; otherwise "not found" (nothing is told about other merchants). */
export async function accessibleOrder(db: Db | Trx, id: string, scope: OrderScope): Promise<OrderRow> {
  const row = await scoped(
    ordersDb(db as Db)
      .selectFrom('orders.order')
      .selectAll()
      .where('id', '=', id),
    scope,
  ).executeTakeFirst();
  if (!row) throw notFound('order', id);
  return row as OrderRow;
}

export interface OrderListQuery {
  status?: OrderStatus;
  merchantId?: string;
  channel?: string;
  warehouseId?: string;
  serviceType?: ServiceType;
  reason?: ReasonCode;
  /** Exceptions waiting longer than the SLA. */
  overdue?: boolean;
  from?: string;
  to?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

export interface OrderSummary {
  id: string;
  number: string;
  parentId: string | null;
  merchantId: string;
  channel: string;
  externalNo: string;
  status: OrderStatus;
  reasons: string[];
  consigneeName: string;
  phoneMasked: string;
  region: string | null;
  serviceType: ServiceType;
  paymentStatus: string;
  totalFen: number;
  warehouseId: string | null;
  promisedDate: string | null;
  createdAt: string;
  exceptionSince: string | null;
  /** Hours in the exception queue, and whether that is past the SLA. */
  ageHours: number | null;
  overdue: boolean;
}

export const regionOf = (
  o: Pick<OrderRow, 'province_name' | 'city_name' | 'district_name'>,
): string | null => {
  if (!o.province_name) return null;
  const city = o.city_name && o.city_name !== o.province_name ? o.city_name : '';
  const district = o.district_name && o.district_name !== city ? o.district_name : '';
  return `${o.province_name}${city}${district}`;
};

export function toSummary(o: OrderRow, now: Date, slaHours: number): OrderSummary {
  const age =
    o.status === 'exception' && o.exception_since
      ? (now.getTime() - o.exception_since.getTime()) / 3_600_000
      : null;
  return {
    id: o.id,
    number: o.number,
    parentId: o.parent_id,
    merchantId: o.merchant_id,
    channel: o.channel,
    externalNo: o.external_no,
    status: o.status,
    reasons: o.reason_codes,
    consigneeName: o.consignee_name,
    phoneMasked: maskPhone(o.consignee_phone),
    region: regionOf(o),
    serviceType: o.service_type,
    paymentStatus: o.payment_status,
    totalFen: Number(o.total_fen),
    warehouseId: o.warehouse_id,
    promisedDate: o.promised_date,
    createdAt: o.created_at.toISOString(),
    exceptionSince: o.exception_since?.toISOString() ?? null,
    ageHours: age === null ? null : Math.round(age * 10) / 10,
    overdue: age !== null && age > slaHours,
  };
}

const dateOf = (value: string, field: string) => {
  const at = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00+08:00` : value);
  if (Number.isNaN(at.getTime()))
    throw badRequest('validation_failed', {}, [
      { field: `querystring.${field}`, code: 'invalid_date', message: 'invalid date' },
    ]);
  return at;
};

export async function listOrders(db: Db, scope: OrderScope, query: OrderListQuery, now: Date) {
  const settings = await getSettings(db);
  let q = scoped(ordersDb(db).selectFrom('orders.order').selectAll(), scope);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.merchantId) q = q.where('merchant_id', '=', query.merchantId);
  if (query.channel) q = q.where('channel', '=', query.channel);
  if (query.warehouseId) q = q.where('warehouse_id', '=', query.warehouseId);
  if (query.serviceType) q = q.where('service_type', '=', query.serviceType);
  if (query.reason) q = q.where(sql<boolean>`reason_codes @> array[${query.reason}]::text[]`);
  if (query.overdue)
    q = q
      .where('status', '=', 'exception')
      .where('exception_since', '<', new Date(now.getTime() - settings.exceptionSlaHours * 3_600_000));
  if (query.from) q = q.where('created_at', '>=', dateOf(query.from, 'from'));
  if (query.to) {
    const to = dateOf(query.to, 'to');
    // A plain date includes that whole day.
    q = q.where(
      'created_at',
      '<',
      /^\d{4}-\d{2}-\d{2}$/.test(query.to) ? new Date(to.getTime() + 86_400_000) : to,
    );
  }
  if (query.q) {
    const text = query.q.trim();
    const like = containsPattern(text);
    q = q.where((eb) =>
      eb.or([
        eb('number', 'like', `${text.toUpperCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
        eb('external_no', '=', text),
        eb('consignee_name', 'ilike', like),
        eb('consignee_phone', 'like', like),
      ]),
    );
  }
  if (query.cursor) {
    const [at, id] = decodeCursor(query.cursor, 2);
    if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at)))
      throw badRequest('invalid_cursor', {}, [
        { field: 'querystring.cursor', code: 'invalid_cursor', message: 'invalid cursor' },
      ]);
    q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(new Date(at), id)));
  }
  const rows = (await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute()) as OrderRow[];
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((o) => toSummary(o, now, settings.exceptionSlaHours)),
    nextCursor:
      rows.length > query.limit && last ? encodeCursor([last.created_at.toISOString(), last.id]) : null,
  };
}

/** The exception queue at a glance: how many, how many overdue, by reason. */
export async function exceptionSummary(db: Db, scope: OrderScope, now: Date) {
  const settings = await getSettings(db);
  const base = scoped(ordersDb(db).selectFrom('orders.order').where('status', '=', 'exception'), scope);
  const totals = await base
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn
        .count<number>('id')
        .filterWhere('exception_since', '<', new Date(now.getTime() - settings.exceptionSlaHours * 3_600_000))
        .as('overdue'),
      eb.fn.min('exception_since').as('oldest'),
    ])
    .executeTakeFirstOrThrow();
  const byReason = await base
    .select([sql<string>`unnest(reason_codes)`.as('code')])
    .execute()
    .then((rows) => {
      const counts = new Map<string, number>();
      for (const r of rows) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
      return [...counts]
        .map(([code, count]) => ({ code, count }))
        .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
    });
  const oldest = totals.oldest ? new Date(totals.oldest as Date) : null;
  return {
    total: Number(totals.total),
    overdue: Number(totals.overdue),
    slaHours: settings.exceptionSlaHours,
    oldestAgeHours: oldest ? Math.round(((now.getTime() - oldest.getTime()) / 3_600_000) * 10) / 10 : null,
    byReason,
  };
}
