import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit';
import type { Trx } from '../../platform/db';
import { AppError, badRequest } from '../../platform/lib/errors';
import type { AddressInput, AddressSuggestion } from './address.parse';
import { allocateOrder } from './allocation.service';
import { emailInput, lineInput } from './order.input';
import { ORDER_ENTITY } from './order.intake';
import { ALLOCATION_REASONS, NOT_OVERRIDABLE } from './order.reasons';
import { getOrderRow, linesOf } from './order.repo';
import { createSubOrder, type PartLine, replaceLines } from './order.split';
import { recordHistory, type StateContext, transition } from './order.state';
import { ordersDb, PAYMENT_STATUSES } from './order.tables';
import { getSettings } from './orders.settings';
import { assertEditable, draftOf, type RevalidateOutcome, revalidate } from './revalidate.service';
import { SERVICE_TYPES } from './shipping.rates';

/**
 * The exception queue's actions (异常订单处理). Each works on one order in the caller's transaction,
 * leaves a history row saying who did what and why, and ends by validating the order again, so a
 * fixed order leaves the queue (and is allocated) at once.
 */

export const fixAddressBody = z
  .strictObject({
    suggestion: z
      .number()
      .int()
      .min(0)
      .max(9)
      .optional()
      .describe('Accept the order’s proposed fix with this index.'),
    address: z.string().trim().min(1).max(300).optional(),
    province: z.string().trim().max(30).optional(),
    city: z.string().trim().max(30).optional(),
    district: z.string().trim().max(30).optional(),
    detail: z.string().trim().max(200).optional(),
    districtCode: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    name: z.string().trim().min(1).max(50).optional(),
    phone: z.string().trim().min(1).max(40).optional(),
    email: emailInput
      .nullable()
      .optional()
      .describe('The consignee’s new e-mail; null (or blank) removes it.'),
    note: z.string().trim().max(500).optional(),
  })
  .refine(
    (b) =>
      b.suggestion !== undefined ||
      b.address ||
      b.detail ||
      b.districtCode ||
      b.name ||
      b.phone ||
      'email' in b,
    {
      message: 'orders.fix_empty',
      path: ['address'],
    },
  );
export type FixAddressBody = z.output<typeof fixAddressBody>;

export async function fixAddress(
  trx: Trx,
  orderId: string,
  body: FixAddressBody,
  ctx: StateContext,
): Promise<RevalidateOutcome> {
  const order = await getOrderRow(trx, orderId, true);
  assertEditable(order);
  let address: AddressInput | undefined;
  let accepted: string | null = null;
  if (body.suggestion !== undefined) {
    const list = (
      Array.isArray(order.address_suggestions) ? order.address_suggestions : []
    ) as AddressSuggestion[];
    const chosen = list[body.suggestion];
    if (!chosen) throw badRequest('orders.no_such_suggestion', { index: body.suggestion });
    address = { districtCode: chosen.districtCode, detail: chosen.detail };
    accepted = chosen.text;
  } else if (body.address || body.detail || body.districtCode)
    address =
      body.province || body.city || body.district || body.districtCode
        ? {
            province: body.province,
            city: body.city,
            district: body.district,
            detail: body.detail ?? body.address,
            districtCode: body.districtCode,
          }
        : { text: body.address ?? body.detail };
  const draft = draftOf(order, await linesOf(trx, orderId), { address });
  if (body.name) draft.consignee.name = body.name;
  if (body.phone) draft.consignee.phone = body.phone;
  if ('email' in body) draft.consignee.email = body.email ?? undefined;
  return revalidate(trx, orderId, ctx, {
    draft,
    action: 'fix_address',
    note:
      body.note ??
      (accepted ? `${order.address_text} → ${accepted}` : describeFix(order.address_text, address)),
    newAddress: !!address,
  });
}

const describeFix = (before: string, after: AddressInput | undefined) =>
  after
    ? `${before} → ${after.text ?? [after.province, after.city, after.district, after.districtCode, after.detail].filter(Boolean).join(' ')}`
    : null;

export const changeItemsBody = z
  .strictObject({
    lines: z.array(lineInput).min(1).max(200).optional(),
    serviceType: z.enum(SERVICE_TYPES).optional(),
    payment: z
      .strictObject({
        status: z.enum(PAYMENT_STATUSES),
        codAmountFen: z.number().int().min(0).max(10_000_000_000).optional(),
      })
      .optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((b) => b.lines || b.serviceType || b.payment, { message: 'orders.change_empty', path: ['lines'] });
export type ChangeItemsBody = z.output<typeof changeItemsBody>;

/** Change the goods (and, with them, the service or the payment terms). */
export async function changeItems(
  trx: Trx,
  orderId: string,
  body: ChangeItemsBody,
  ctx: StateContext,
): Promise<RevalidateOutcome> {
  const order = await getOrderRow(trx, orderId, true);
  assertEditable(order);
  const before = await linesOf(trx, orderId);
  const draft = draftOf(order, before, { lines: body.lines });
  if (body.serviceType) draft.serviceType = body.serviceType;
  if (body.payment) draft.payment = body.payment;
  await recordHistory(trx, orderId, ctx, {
    action: 'change_items',
    note: body.note,
    details: {
      before: before.map((l) => ({ sku: l.sku_code, qty: l.qty, priceFen: l.unit_price_fen })),
      after:
        body.lines?.map((l) => ({ sku: l.skuCode ?? l.skuId, qty: l.qty, priceFen: l.unitPriceFen })) ?? null,
      serviceType: body.serviceType ?? null,
      payment: body.payment?.status ?? null,
    },
  });
  return revalidate(trx, orderId, ctx, { draft, action: 'revalidate' });
}

export const splitBody = z.strictObject({
  lines: z
    .array(z.strictObject({ lineNo: z.number().int().min(1), qty: z.number().int().min(1).max(1_000_000) }))
    .min(1)
    .max(200)
    .describe('Lines (or part of them) to move to a new part of the order.'),
  note: z.string().trim().max(500).optional(),
});
export type SplitBody = z.output<typeof splitBody>;

/** Move some goods to a new part of the order (e.g. ship what is in stock now, the rest later). */
export async function splitOrder(
  trx: Trx,
  orderId: string,
  body: SplitBody,
  ctx: StateContext,
): Promise<{ original: RevalidateOutcome; part: { id: string; number: string } & RevalidateOutcome }> {
  const order = await getOrderRow(trx, orderId, true);
  assertEditable(order);
  const lines = await linesOf(trx, orderId);
  const moved: PartLine[] = [];
  for (const want of body.lines) {
    const line = lines.find((l) => l.line_no === want.lineNo);
    if (!line || want.qty > line.qty)
      throw badRequest('orders.split_invalid_line', {
        line: want.lineNo,
        qty: want.qty,
        available: line?.qty ?? 0,
      });
    if (moved.some((m) => m.line.id === line.id))
      throw badRequest('orders.split_invalid_line', {
        line: want.lineNo,
        qty: want.qty,
        available: line.qty,
      });
    moved.push({ line, qty: want.qty });
  }
  const keep = lines
    .map((line) => ({ line, qty: line.qty - (moved.find((m) => m.line.id === line.id)?.qty ?? 0) }))
    .filter((p) => p.qty > 0);
  if (!keep.length) throw new AppError('conflict', 'orders.split_nothing_left', { number: order.number });
  await replaceLines(trx, order, keep, ctx.now);
  const part = await createSubOrder(
    trx,
    order,
    moved,
    'created',
    ctx,
    body.note ?? `拆单 split of ${order.number}`,
  );
  const original = await revalidate(trx, orderId, ctx, { action: 'revalidate' });
  const second = await revalidate(trx, part.id, ctx, { action: 'validate' });
  return { original, part: { id: part.id, number: part.number, ...second } };
}

export const releaseBody = z.strictObject({
  note: z.string().trim().min(2).max(500).describe('Why the order may go ahead (who confirmed what).'),
});

/**
 * Release despite the reasons (放行): a person takes responsibility, with a note. Reasons that no
 * person can wave through (unknown SKU, cold goods without cold chain …) need the order changed.
 * Out-of-stock orders are simply tried again.
 */
export async function releaseOverride(
  trx: Trx,
  orderId: string,
  note: string,
  ctx: StateContext,
): Promise<RevalidateOutcome> {
  const order = await getOrderRow(trx, orderId, true);
  if (order.status !== 'exception')
    throw new AppError('conflict', 'orders.illegal_transition', {
      number: order.number,
      from: order.status,
      to: 'validated',
      allowed: '-',
    });
  const blocking = order.reason_codes.filter((r) => NOT_OVERRIDABLE.has(r));
  if (blocking.length)
    throw new AppError('conflict', 'orders.not_overridable', {
      number: order.number,
      reasons: blocking.join(', '),
    });
  const overridden = order.reason_codes.filter((r) => !ALLOCATION_REASONS.has(r));
  await transition(
    trx,
    order,
    'validated',
    ctx,
    { action: 'release_override', note, details: { overridden } },
    {
      overrides: [...new Set([...order.overrides, ...overridden])],
      reason_codes: [],
      issues: JSON.stringify([]) as never,
    },
  );
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'release_override',
      entity: ORDER_ENTITY,
      entityId: orderId,
      summary: `${order.number} released: ${note}`,
      before: { reasons: order.reason_codes },
      merchantId: order.merchant_id,
    },
    ctx.now,
  );
  const settings = await getSettings(trx);
  const allocation = settings.autoAllocate ? await allocateOrder(trx, orderId, ctx) : null;
  return { status: allocation ? allocation.status : 'validated', reasons: [], allocation };
}

export const contactBody = z.strictObject({
  channel: z.enum(['phone', 'sms', 'im', 'email']),
  outcome: z.enum(['reached', 'no_answer', 'left_message', 'wrong_number', 'callback_requested']),
  note: z.string().trim().max(1000).optional(),
});
export type ContactBody = z.output<typeof contactBody>;

/** A call or message to the customer about the order (及时与客户沟通), on its history. */
export async function recordContact(
  trx: Trx,
  orderId: string,
  body: ContactBody,
  ctx: StateContext,
): Promise<void> {
  const order = await getOrderRow(trx, orderId, true);
  await recordHistory(trx, orderId, ctx, {
    action: 'contact',
    note: body.note,
    details: { channel: body.channel, outcome: body.outcome },
  });
  await ordersDb(trx)
    .updateTable('orders.order')
    .set({ updated_at: ctx.now })
    .where('id', '=', orderId)
    .execute();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'contact',
      entity: ORDER_ENTITY,
      entityId: orderId,
      summary: `${order.number} contact ${body.channel}: ${body.outcome}`,
      merchantId: order.merchant_id,
    },
    ctx.now,
  );
}
