import { recordAudit } from '../../platform/audit/audit';
import type { Trx } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import type { AddressInput } from './address.parse';
import { type AllocationOutcome, allocateOrder } from './allocation.service';
import type { OrderDraft } from './order.input';
import { lineRows, ORDER_ENTITY } from './order.intake';
import { blockedPhones, getOrderRow, insertLines, linesOf, recentByDedupeKey } from './order.repo';
import { recordHistory, type StateContext, transition } from './order.state';
import type { OrderLineRow, OrderRow, OrderStatus } from './order.tables';
import { ordersDb } from './order.tables';
import { checkOrder, crossCheck } from './order.validate';
import { getSettings } from './orders.settings';
import { skuLookupFor } from './sku.lookup';

/**
 * Validation again, after a person changed the order (address, items, split) or the world changed
 * (stock arrived, a SKU was activated). The order's stored data is read back as a draft, checked
 * exactly like intake (reasons a person overrode are skipped), and the order moves between
 * `exception` and `validated` — and is allocated when the desk allocates automatically.
 */
export const EDITABLE: ReadonlySet<OrderStatus> = new Set(['created', 'exception', 'validated']);

export interface RevalidateOutcome {
  status: OrderStatus;
  reasons: string[];
  allocation: AllocationOutcome | null;
}

export function assertEditable(order: OrderRow): void {
  if (!EDITABLE.has(order.status))
    throw new AppError('conflict', 'orders.not_editable', { number: order.number, status: order.status });
}

/** The stored order as the draft intake would have seen, with optional replacements. */
export function draftOf(
  order: OrderRow,
  lines: OrderLineRow[],
  change: { address?: AddressInput; lines?: OrderDraft['lines'] } = {},
): OrderDraft {
  const address: AddressInput =
    change.address ??
    (order.district_code
      ? { districtCode: order.district_code, detail: order.address_detail }
      : { text: order.address_text });
  return {
    merchantId: order.merchant_id,
    channel: order.channel,
    externalNo: order.external_no,
    consignee: {
      name: order.consignee_name,
      phone: order.consignee_phone,
      email: order.consignee_email ?? undefined,
      address: address.text ?? undefined,
      province: address.province ?? undefined,
      city: address.city ?? undefined,
      district: address.district ?? undefined,
      detail: address.detail ?? undefined,
      districtCode: address.districtCode ?? undefined,
    },
    lines:
      change.lines ??
      lines.map((l) => ({
        skuId: l.sku_id ?? undefined,
        skuCode: l.sku_code,
        qty: l.qty,
        unitPriceFen: l.unit_price_fen,
      })),
    payment: { status: order.payment_status, codAmountFen: order.cod_amount_fen ?? undefined },
    serviceType: order.service_type,
    deliveryWindow:
      order.window_from && order.window_to
        ? { from: order.window_from.toISOString(), to: order.window_to.toISOString() }
        : undefined,
    notes: order.notes ?? undefined,
  };
}

export async function revalidate(
  trx: Trx,
  orderId: string,
  ctx: StateContext,
  options: {
    draft?: OrderDraft;
    action?: string;
    note?: string | null;
    allocate?: boolean;
    /** A person gave a new address: keep it (normalised when it could be) as the order's address text. */
    newAddress?: boolean;
  } = {},
): Promise<RevalidateOutcome> {
  const order = await getOrderRow(trx, orderId, true);
  assertEditable(order);
  const draft = options.draft ?? draftOf(order, await linesOf(trx, orderId));
  const skip = new Set(order.overrides);
  const checked = checkOrder(draft, await skuLookupFor(trx, [draft]), skip);
  const settings = await getSettings(trx);
  const family = await ordersDb(trx)
    .selectFrom('orders.order')
    .select('id')
    .where((eb) =>
      eb.or([eb('id', '=', order.parent_id ?? order.id), eb('parent_id', '=', order.parent_id ?? order.id)]),
    )
    .execute();
  const blocked = await blockedPhones(trx, order.merchant_id, [checked.phone.normalised]);
  const duplicates =
    settings.duplicateWindowHours > 0
      ? await recentByDedupeKey(
          trx,
          order.merchant_id,
          [checked.dedupeKey],
          new Date(order.created_at.getTime() - settings.duplicateWindowHours * 3_600_000),
          family.map((f) => f.id),
        )
      : new Map<string, string>();
  crossCheck(
    checked,
    {
      blocked: blocked.get(checked.phone.normalised) ?? null,
      duplicateOf: duplicates.get(checked.dedupeKey) ?? null,
    },
    skip,
  );
  // Lines are rewritten with what the catalog says now (SKU found, name, class, weight).
  await ordersDb(trx).deleteFrom('orders.order_line').where('order_id', '=', orderId).execute();
  await insertLines(trx, lineRows(orderId, checked));
  const parts = checked.address.parts;
  const reasons = [...new Set(checked.issues.map((i) => i.code))];
  const fields = {
    consignee_name: draft.consignee.name,
    consignee_phone: checked.phone.normalised,
    consignee_email: draft.consignee.email ?? null,
    phone_kind: checked.phone.kind,
    phone_last4: checked.phone.last4,
    address_text: options.newAddress
      ? (checked.address.normalised ?? checked.addressText)
      : order.address_text,
    province_code: parts?.provinceCode ?? checked.address.provinceCode,
    province_name: parts?.provinceName ?? null,
    city_code: parts?.cityCode ?? checked.address.cityCode,
    city_name: parts?.cityName ?? null,
    district_code: parts?.districtCode ?? null,
    district_name: parts?.districtName ?? null,
    address_detail: checked.address.detail,
    address_status: checked.address.status,
    address_notes: checked.address.notes,
    address_suggestions: JSON.stringify(checked.address.suggestions) as never,
    payment_status: draft.payment.status,
    cod_amount_fen: draft.payment.status === 'cod' ? (draft.payment.codAmountFen ?? null) : null,
    service_type: draft.serviceType,
    total_fen: checked.totalFen,
    weight_g: checked.weightG,
    dedupe_key: checked.dedupeKey,
    reason_codes: reasons,
    issues: JSON.stringify(checked.issues) as never,
  };
  const entry = {
    action: options.action ?? 'revalidate',
    note: options.note,
    details: reasons.length ? { reasons } : null,
  };
  const to: OrderStatus = reasons.length ? 'exception' : 'validated';
  if (to === order.status) {
    await ordersDb(trx)
      .updateTable('orders.order')
      .set((eb) => ({ ...fields, updated_at: ctx.now, version: eb('version', '+', 1) }))
      .where('id', '=', orderId)
      .execute();
    await recordHistory(trx, orderId, ctx, entry);
  } else await transition(trx, order, to, ctx, entry, fields);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: options.action ?? 'revalidate',
      entity: ORDER_ENTITY,
      entityId: orderId,
      summary: `${order.number} ${options.action ?? 'revalidate'} → ${to}`,
      before: { status: order.status, reasons: order.reason_codes },
      after: { status: to, reasons },
      merchantId: order.merchant_id,
    },
    ctx.now,
  );
  const allocation =
    to === 'validated' && (options.allocate ?? settings.autoAllocate)
      ? await allocateOrder(trx, orderId, ctx)
      : null;
  return { status: allocation ? (allocation.status as OrderStatus) : to, reasons, allocation };
}
