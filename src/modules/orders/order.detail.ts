import { sql } from 'kysely';
import type { Db } from '../../platform/db';
import { type Lang, t } from '../../platform/i18n/i18n';
import { notFound } from '../../platform/lib/errors';
import type { AddressSuggestion } from './address.parse';
import type { CandidateView } from './allocation.plan';
import { type OrderScope, scoped, toSummary } from './order.query';
import { NOT_OVERRIDABLE } from './order.reasons';
import {
  type AllocationRow,
  type DecisionRow,
  type HistoryRow,
  type OrderLineRow,
  type OrderRow,
  ordersDb,
  type StoredIssue,
} from './order.tables';
import { getSettings } from './orders.settings';

/** One order with everything a person needs to act on it: lines, reasons, allocation and why, history. */
export async function orderDetail(db: Db, id: string, scope: OrderScope, lang: Lang, now: Date) {
  const [found, settings] = await Promise.all([readDetails(db, [id], scope), getSettings(db)]);
  const parts = found.get(id);
  if (!parts) throw notFound('order', id);
  return detailView(parts, lang, now, settings.exceptionSlaHours);
}

/** The answer for an order read with `readDetails`, in the reader's language. */
export function detailView(parts: DetailParts, lang: Lang, now: Date, exceptionSlaHours: number) {
  const { order, lines, allocations, history, decisions, family } = parts;
  const issues = (Array.isArray(order.issues) ? order.issues : []) as StoredIssue[];
  return {
    ...toSummary(order, now, exceptionSlaHours),
    consignee: {
      name: order.consignee_name,
      phone: order.consignee_phone,
      email: order.consignee_email,
      phoneKind: order.phone_kind,
      addressText: order.address_text,
      provinceCode: order.province_code,
      provinceName: order.province_name,
      cityCode: order.city_code,
      cityName: order.city_name,
      districtCode: order.district_code,
      districtName: order.district_name,
      detail: order.address_detail,
      addressStatus: order.address_status,
      addressNotes: order.address_notes,
      suggestions: (Array.isArray(order.address_suggestions)
        ? order.address_suggestions
        : []) as AddressSuggestion[],
    },
    issues: issues.map((i) => ({
      code: i.code,
      field: i.field ?? null,
      params: i.params ?? {},
      message: t(lang, `orders.reason.${i.code}`, i.params ?? {}),
      overridable: !NOT_OVERRIDABLE.has(i.code),
    })),
    overrides: order.overrides,
    codAmountFen: order.cod_amount_fen === null ? null : Number(order.cod_amount_fen),
    currency: order.currency,
    weightG: Number(order.weight_g),
    shippingCostFen: order.shipping_cost_fen === null ? null : Number(order.shipping_cost_fen),
    deliveryWindow:
      order.window_from && order.window_to
        ? { from: order.window_from.toISOString(), to: order.window_to.toISOString() }
        : null,
    notes: order.notes,
    carrier: order.carrier,
    waybillNo: order.waybill_no,
    interceptRequestedAt: order.intercept_requested_at?.toISOString() ?? null,
    source: order.source,
    version: order.version,
    lines: lines.map((l) => ({
      lineNo: l.line_no,
      skuId: l.sku_id,
      skuCode: l.sku_code,
      skuName: l.sku_name,
      storageClass: l.storage_class,
      qty: l.qty,
      unitPriceFen: Number(l.unit_price_fen),
      unitWeightG: l.unit_weight_g,
    })),
    allocations: allocations.map((a) => ({
      skuId: a.sku_id,
      warehouseId: a.warehouse_id,
      binId: a.bin_id,
      binCode: a.bin_code,
      lotId: a.lot_id,
      lotCode: a.lot_code,
      expiryDate: a.expiry_date,
      qty: a.qty,
      pickedQty: a.picked_qty,
    })),
    decisions: decisions.map((d) => ({
      at: new Date(d.at).toISOString(),
      kind: d.kind,
      code: d.code,
      params: d.params as Record<string, unknown>,
      message: t(lang, `orders.decision.${d.code}`, d.params as Record<string, unknown>),
      candidates: (d.candidates as CandidateView[]).map((c) => ({
        ...c,
        rejectedMessage: c.rejected ? t(lang, `orders.rejected.${c.rejected}`) : null,
      })),
    })),
    history: history.map((h) => ({
      at: new Date(h.at).toISOString(),
      actorName: h.actor_name,
      action: h.action,
      fromStatus: h.from_status,
      toStatus: h.to_status,
      note: h.note,
      details: (h.details ?? null) as Record<string, unknown> | null,
    })),
    family: family
      .filter((f) => f.id !== order.id)
      .map((f) => ({
        id: f.id,
        number: f.number,
        status: f.status,
        warehouseId: f.warehouse_id,
        isRoot: f.parent_id === null,
      })),
  };
}

/** Rows as `json_agg` gives them: timestamps as ISO text, bigints as numbers. */
type Json<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

export type DetailParts = Awaited<ReturnType<typeof readDetails>> extends Map<string, infer P> ? P : never;

/**
 * The orders (those the caller may see) with their lines, allocations, history, decisions and family
 * (root and split parts) in one statement: an order detail is read after every order placement and
 * every action, and once for a whole group of orders placed together.
 */
export async function readDetails(db: Db, ids: string[], scope: OrderScope) {
  const rows = await scoped(
    ordersDb(db)
      .selectFrom('orders.order as o')
      .selectAll('o')
      .select([
        sql<Json<OrderLineRow>[]>`(select coalesce(json_agg(l order by l.line_no), '[]')
          from orders.order_line l where l.order_id = o.id)`.as('x_lines'),
        sql<Json<AllocationRow>[]>`(select coalesce(json_agg(a order by a.id), '[]')
          from orders.allocation a where a.order_id = o.id)`.as('x_allocations'),
        sql<Json<HistoryRow>[]>`(select coalesce(json_agg(h order by h.id), '[]')
          from orders.order_history h where h.order_id = o.id)`.as('x_history'),
        sql<Json<DecisionRow>[]>`(select coalesce(json_agg(d order by d.id), '[]')
          from orders.decision d where d.order_id = o.id)`.as('x_decisions'),
        sql<Array<Pick<OrderRow, 'id' | 'number' | 'status' | 'warehouse_id' | 'parent_id'>>>`(
          select coalesce(json_agg(f order by f.created_at, f.number), '[]') from (
            select r.id, r.number, r.status, r.warehouse_id, r.parent_id, r.created_at from orders."order" r
             where r.id = coalesce(o.parent_id, o.id) or r.parent_id = coalesce(o.parent_id, o.id)) f)`.as(
          'x_family',
        ),
      ])
      .where(sql<boolean>`o.id = any(${ids}::uuid[])`),
    scope,
    'o.',
  ).execute();
  return new Map(
    rows.map(({ x_lines, x_allocations, x_history, x_decisions, x_family, ...order }) => [
      order.id,
      {
        order: order as OrderRow,
        lines: x_lines,
        allocations: x_allocations,
        history: x_history,
        decisions: x_decisions,
        family: x_family,
      },
    ]),
  );
}

export type OrderDetail = Awaited<ReturnType<typeof orderDetail>>;
export type { OrderRow };
