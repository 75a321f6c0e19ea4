import type { Trx } from '../../platform/db';
import { publish } from '../../platform/events';
import type { Lang } from '../../platform/i18n/i18n';
import { AppError, type FieldIssue, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { releaseOverride } from './exception.service';
import { createOrder } from './order.create';
import { orderInput } from './order.input';
import { toFieldIssue } from './order.issues';
import { getOrderRow } from './order.repo';
import { recordHistory } from './order.state';
import type { OrderRow, StoredIssue } from './order.tables';
import { lockReturn } from './returns.query';
import { auditReturn, eventOf, RETURN_EVENTS, type ReturnContext } from './returns.service';
import { assertReturnTransition, transitionReturn } from './returns.state';
import { type RefundRow, type ReturnLineRow, type ReturnRow, returnsDb } from './returns.tables';

/**
 * How a return ends (退款 / 换货): a refund record (the order lines' prices × units received, less an
 * optional restocking fee; pending until finance marks it refunded), or a replacement order for the
 * same consignee that goes through ordinary intake — validated, allocated, reserved — and is linked
 * to the return; or closed with neither. Each closes the return (inspected → closed).
 */
const lineRows = (trx: Trx, id: string) =>
  returnsDb(trx)
    .selectFrom('orders.return_line')
    .selectAll()
    .where('return_id', '=', id)
    .orderBy('line_no')
    .execute() as Promise<ReturnLineRow[]>;

function safe(n: number, currency: string): number {
  if (!Number.isSafeInteger(n)) throw new AppError('unprocessable', 'money.overflow', { currency });
  return n;
}

/** Gross refund: every received unit at the price it was sold for. */
export const grossRefundFen = (lines: ReturnLineRow[], currency = 'CNY') =>
  safe(
    lines.reduce((s, l) => s + Number(l.unit_price_fen) * l.received_qty, 0),
    currency,
  );

async function closeWith(
  trx: Trx,
  r: ReturnRow,
  ctx: ReturnContext,
  outcome: 'refund' | 'replacement' | 'none',
  note: string | null,
  details: Record<string, unknown>,
  set: Partial<ReturnRow> = {},
) {
  await transitionReturn(
    trx,
    r,
    'closed',
    ctx,
    { action: `close_${outcome}`, note, details },
    { outcome, ...set },
  );
  await publish(trx, RETURN_EVENTS.closed, eventOf(r, { outcome, ...details }), ctx.now);
  await auditReturn(trx, r, ctx, 'close', `closed (${outcome})${note ? `: ${note}` : ''}`, details);
}

export async function recordRefund(
  trx: Trx,
  id: string,
  input: { restockingFeeFen?: number; note?: string | null },
  ctx: ReturnContext,
): Promise<RefundRow> {
  const r = await lockReturn(trx, id);
  assertReturnTransition(r, 'closed');
  const order = await getOrderRow(trx, r.order_id);
  const gross = grossRefundFen(await lineRows(trx, id), order.currency);
  const fee = input.restockingFeeFen ?? 0;
  if (fee > gross)
    throw new AppError('unprocessable', 'orders.return_fee_too_high', { number: r.number }, [
      {
        field: 'body.restockingFeeFen',
        code: 'orders.return_fee_too_high',
        message: 'orders.return_fee_too_high',
        params: { fee, gross },
      },
    ]);
  const refund: RefundRow = {
    id: newId(),
    return_id: r.id,
    gross_fen: gross,
    restocking_fee_fen: fee,
    amount_fen: gross - fee,
    currency: order.currency,
    status: 'pending',
    reference: null,
    note: input.note ?? null,
    created_at: ctx.now,
    created_by: ctx.actor.name,
    refunded_at: null,
    refunded_by: null,
  };
  await returnsDb(trx).insertInto('orders.refund').values(refund).execute();
  const details = {
    amountFen: refund.amount_fen,
    grossFen: gross,
    restockingFeeFen: fee,
    currency: refund.currency,
  };
  await recordHistory(trx, r.order_id, ctx, { action: 'refund_recorded', note: r.number, details });
  await publish(trx, RETURN_EVENTS.refundRecorded, eventOf(r, details), ctx.now);
  await closeWith(trx, r, ctx, 'refund', input.note ?? null, details);
  return refund;
}

/** Finance paid the refund out (pending → refunded), with the payment reference. */
export async function completeRefund(
  trx: Trx,
  id: string,
  input: { reference: string; note?: string | null },
  ctx: ReturnContext,
): Promise<RefundRow> {
  const r = await lockReturn(trx, id);
  const refund = await returnsDb(trx)
    .selectFrom('orders.refund')
    .selectAll()
    .where('return_id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!refund) throw notFound('refund', r.number);
  if (refund.status === 'refunded')
    throw new AppError('conflict', 'orders.refund_already_completed', { number: r.number });
  const done = await returnsDb(trx)
    .updateTable('orders.refund')
    .set({
      status: 'refunded',
      reference: input.reference,
      refunded_at: ctx.now,
      refunded_by: ctx.actor.name,
    })
    .where('id', '=', refund.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await returnsDb(trx)
    .insertInto('orders.return_history')
    .values({
      return_id: r.id,
      at: ctx.now,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      action: 'refunded',
      from_status: null,
      to_status: null,
      note: input.note ?? input.reference,
      details: JSON.stringify({ reference: input.reference, amountFen: Number(refund.amount_fen) }),
    })
    .execute();
  await recordHistory(trx, r.order_id, ctx, { action: 'refunded', note: `${r.number}: ${input.reference}` });
  await publish(
    trx,
    RETURN_EVENTS.refundCompleted,
    eventOf(r, { amountFen: Number(refund.amount_fen), reference: input.reference }),
    ctx.now,
  );
  await auditReturn(trx, r, ctx, 'refund', `refunded ${refund.amount_fen} fen (${input.reference})`, {
    reference: input.reference,
  });
  return done;
}

export interface ReplacementInput {
  /** Default: every received unit, same SKU. `skuCode` swaps for another SKU of the merchant (size, colour). */
  lines?: Array<{ lineNo: number; qty: number; skuCode?: string }>;
  note?: string | null;
}

/** The consignee as stored on the order, in the shape intake takes. */
function consigneeOf(o: OrderRow) {
  const base = { name: o.consignee_name, phone: o.consignee_phone, email: o.consignee_email ?? undefined };
  return o.province_name && o.address_detail
    ? {
        ...base,
        province: o.province_name,
        city: o.city_name ?? undefined,
        district: o.district_name ?? undefined,
        detail: o.address_detail,
        ...(o.district_code ? { districtCode: o.district_code } : {}),
      }
    : { ...base, address: o.address_text };
}

/**
 * Exchange (换货): a new order for the same consignee through ordinary intake (channel `return`, the
 * RMA number as channel order number, so a retry finds it instead of ordering twice), already paid.
 * Intake would flag it a duplicate of the original order — same phone, address and goods — which it
 * is on purpose, so exactly that reason is released with a note; anything else (stock, address) is
 * left to the exception queue like any order.
 */
export async function createReplacement(
  trx: Trx,
  id: string,
  input: ReplacementInput,
  ctx: ReturnContext & { lang: Lang; merchantScope: string | null },
) {
  const r = await lockReturn(trx, id);
  assertReturnTransition(r, 'closed');
  const order = await getOrderRow(trx, r.order_id);
  const lines = await lineRows(trx, id);
  const wanted: NonNullable<ReplacementInput['lines']> =
    input.lines ??
    lines.filter((l) => l.received_qty > 0).map((l) => ({ lineNo: l.line_no, qty: l.received_qty }));
  const issues: FieldIssue[] = [];
  wanted.forEach((w, i) => {
    const line = lines.find((l) => l.line_no === w.lineNo);
    if (!line)
      issues.push({
        field: `body.lines.${i}.lineNo`,
        code: 'orders.return_line_unknown',
        message: 'orders.return_line_unknown',
        params: { lineNo: w.lineNo },
      });
    else if (w.qty > line.received_qty)
      issues.push({
        field: `body.lines.${i}.qty`,
        code: 'orders.return_replacement_exceeds',
        message: 'orders.return_replacement_exceeds',
        params: { lineNo: w.lineNo, qty: w.qty, received: line.received_qty },
      });
  });
  if (!issues.length && !wanted.length)
    issues.push({
      field: 'body.lines',
      code: 'orders.return_nothing_received',
      message: 'orders.return_nothing_received',
    });
  if (issues.length)
    throw new AppError('unprocessable', 'orders.return_replacement_invalid', { number: r.number }, issues);
  const parsed = orderInput.safeParse({
    merchantId: r.merchant_id,
    channel: 'return',
    externalNo: r.number,
    consignee: consigneeOf(order),
    lines: wanted.map((w) => {
      const line = lines.find((l) => l.line_no === w.lineNo)!;
      return {
        ...(w.skuCode ? { skuCode: w.skuCode } : { skuId: line.sku_id }),
        qty: w.qty,
        unitPriceFen: Number(line.unit_price_fen),
      };
    }),
    payment: { status: 'paid' },
    serviceType: order.service_type,
    notes: `换货 ${r.number}（原订单 ${order.number}）`,
  });
  if (!parsed.success)
    throw new AppError(
      'unprocessable',
      'orders.return_replacement_invalid',
      { number: r.number },
      parsed.error.issues.map((i) => toFieldIssue(i, ctx.lang, 'replacement')),
    );
  const outcome = await createOrder(trx, parsed.data, {
    actor: ctx.actor,
    now: ctx.now,
    lang: ctx.lang,
    merchantScope: ctx.merchantScope,
    source: 'api',
  });
  let status = outcome.status;
  const created = await getOrderRow(trx, outcome.id, true);
  const issuesOf = (Array.isArray(created.issues) ? created.issues : []) as StoredIssue[];
  const onlyDuplicateOfOriginal =
    created.status === 'exception' &&
    created.reason_codes.length === 1 &&
    created.reason_codes[0] === 'duplicate_suspected' &&
    issuesOf.some((i) => i.code === 'duplicate_suspected' && i.params?.number === order.number);
  if (outcome.result === 'created' && onlyDuplicateOfOriginal)
    status = (
      await releaseOverride(
        trx,
        created.id,
        `换货单 ${r.number}：与原订单 ${order.number} 商品相同属正常`,
        ctx,
      )
    ).status;
  await recordHistory(trx, created.id, ctx, {
    action: 'replacement_for',
    note: `${r.number} / ${order.number}`,
    details: { returnNumber: r.number, originalOrder: order.number },
  });
  await recordHistory(trx, order.id, ctx, {
    action: 'replacement_created',
    note: `${r.number} → ${created.number}`,
    details: { returnNumber: r.number, replacementOrder: created.number },
  });
  const details = { replacementOrderId: created.id, replacementOrderNumber: created.number };
  await closeWith(trx, r, ctx, 'replacement', input.note ?? null, details, {
    replacement_order_id: created.id,
  });
  return { id: created.id, number: created.number, status };
}

/** Close without refund or replacement (e.g. nothing acceptable came back), with the reason. */
export async function closeReturn(trx: Trx, id: string, note: string, ctx: ReturnContext) {
  const r = await lockReturn(trx, id);
  await closeWith(trx, r, ctx, 'none', note, {});
}
