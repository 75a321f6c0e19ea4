import type { Trx } from '../../platform/db';
import { publish } from '../../platform/events';
import { AppError, type FieldIssue } from '../../platform/lib/errors';
import { markJourney } from './fulfilment.service';
import { getOrderRow } from './order.repo';
import { recordHistory } from './order.state';
import { returnsDeps } from './returns.deps';
import { lockReturn } from './returns.query';
import { RETURNABLE_ORDER, returnableLines } from './returns.rules';
import { auditReturn, eventOf, RETURN_EVENTS, type ReturnContext } from './returns.service';
import { assertReturnTransition, transitionReturn } from './returns.state';
import { type Disposition, type ReturnLineRow, returnsDb } from './returns.tables';

/**
 * At the warehouse (退货收货与质检): count what came back, then inspect it unit by unit — restock
 * (available again), quality hold (for quality review) or scrap. Inspection posts the goods back
 * into stock through the inventory module as ledger movements (source `return` / the RMA number),
 * keeping the lot they were shipped with. When every shipped unit of the order is back, the order
 * itself becomes `returned`; a partial return stays on the order's timeline.
 */
const linesOfReturn = (trx: Trx, id: string) =>
  returnsDb(trx)
    .selectFrom('orders.return_line')
    .selectAll()
    .where('return_id', '=', id)
    .orderBy('line_no')
    .execute() as Promise<ReturnLineRow[]>;

function failIf(issues: FieldIssue[], code: string, number: string): void {
  if (issues.length) throw new AppError('unprocessable', code, { number }, issues);
}

const issueOf = (field: string, code: string, params: Record<string, unknown> = {}): FieldIssue => ({
  field,
  code,
  message: code,
  params,
});

export interface ReceiveInput {
  lines: Array<{ lineNo: number; qty: number }>;
  note?: string | null;
}

/** Record what arrived (awaiting_goods → received). Lines not named arrived with 0 units. */
export async function receiveReturnGoods(trx: Trx, id: string, input: ReceiveInput, ctx: ReturnContext) {
  const r = await lockReturn(trx, id);
  assertReturnTransition(r, 'received');
  const lines = await linesOfReturn(trx, id);
  const issues: FieldIssue[] = [];
  const counted = new Map<number, number>();
  input.lines.forEach((l, i) => {
    const line = lines.find((x) => x.line_no === l.lineNo);
    if (!line || counted.has(l.lineNo))
      issues.push(issueOf(`body.lines.${i}.lineNo`, 'orders.return_line_unknown', { lineNo: l.lineNo }));
    else if (l.qty > line.qty)
      issues.push(
        issueOf(`body.lines.${i}.qty`, 'orders.return_receive_exceeds', {
          lineNo: l.lineNo,
          qty: l.qty,
          requested: line.qty,
        }),
      );
    counted.set(l.lineNo, l.qty);
  });
  const total = [...counted.values()].reduce((s, q) => s + q, 0);
  if (!issues.length && total <= 0) issues.push(issueOf('body.lines', 'orders.return_nothing_received'));
  failIf(issues, 'orders.return_receipt_invalid', r.number);
  for (const line of lines)
    await returnsDb(trx)
      .updateTable('orders.return_line')
      .set({ received_qty: counted.get(line.line_no) ?? 0 })
      .where('id', '=', line.id)
      .execute();
  const received = lines.map((l) => ({
    lineNo: l.line_no,
    skuId: l.sku_id,
    requested: l.qty,
    received: counted.get(l.line_no) ?? 0,
  }));
  await transitionReturn(trx, r, 'received', ctx, {
    action: 'receive',
    note: input.note ?? null,
    details: { lines: received },
  });
  // The whole order is back when every shipped unit of every line has been received on a return.
  const order = await getOrderRow(trx, r.order_id, true);
  const after = await returnableLines(trx, order);
  const whole = after.every((l) => l.receivedQty >= l.shippedQty) && after.some((l) => l.shippedQty > 0);
  await recordHistory(trx, order.id, ctx, {
    action: 'return_received',
    note: r.number,
    details: { returnNumber: r.number, lines: received },
  });
  const orderReturned = whole && RETURNABLE_ORDER.has(order.status);
  if (orderReturned) await markJourney(trx, order.id, 'returned', ctx, r.number);
  await publish(trx, RETURN_EVENTS.received, eventOf(r, { lines: received, orderReturned }), ctx.now);
  await auditReturn(trx, r, ctx, 'receive', `received ${total} unit(s)`, { lines: received });
  return { orderReturned };
}

export interface InspectEntry {
  lineNo: number;
  disposition: Disposition;
  qty: number;
  binId?: string | null;
  lotId?: string | null;
}

/**
 * Inspect every received unit (received → inspected): per line the entries must add up to what was
 * received. Bin and lot default to where and what the order was picked from, when that is plain.
 */
export async function inspectReturn(
  trx: Trx,
  id: string,
  input: { entries: InspectEntry[]; note?: string | null },
  ctx: ReturnContext,
) {
  const r = await lockReturn(trx, id);
  assertReturnTransition(r, 'inspected');
  const lines = await linesOfReturn(trx, id);
  const order = await getOrderRow(trx, r.order_id);
  const shipped = await returnableLines(trx, order);
  const issues: FieldIssue[] = [];
  const resolved: Array<InspectEntry & { skuId: string; binId: string; lotId: string | null }> = [];
  input.entries.forEach((e, i) => {
    const field = `body.entries.${i}`;
    const line = lines.find((l) => l.line_no === e.lineNo);
    if (!line) {
      issues.push(issueOf(`${field}.lineNo`, 'orders.return_line_unknown', { lineNo: e.lineNo }));
      return;
    }
    const lots = shipped.find((s) => s.lineNo === e.lineNo)?.lots ?? [];
    const lotIds = [...new Set(lots.map((l) => l.lotId).filter((x): x is string => !!x))];
    let lotId = e.lotId ?? null;
    if (lotId && !lotIds.includes(lotId))
      issues.push(issueOf(`${field}.lotId`, 'orders.return_lot_not_shipped', { sku: line.sku_code }));
    else if (!lotId && lotIds.length > 1)
      issues.push(issueOf(`${field}.lotId`, 'orders.return_lot_required', { sku: line.sku_code }));
    else if (!lotId && lotIds.length === 1) lotId = lotIds[0];
    const from = lots.find((l) => l.warehouseId === r.warehouse_id && (!lotId || l.lotId === lotId));
    const binId = e.binId ?? from?.binId ?? null;
    if (!binId) issues.push(issueOf(`${field}.binId`, 'orders.return_bin_required', { sku: line.sku_code }));
    else resolved.push({ ...e, skuId: line.sku_id, binId, lotId });
  });
  for (const line of lines) {
    const inspected = input.entries.filter((e) => e.lineNo === line.line_no).reduce((s, e) => s + e.qty, 0);
    if (inspected !== line.received_qty)
      issues.push(
        issueOf('body.entries', 'orders.return_inspect_mismatch', {
          lineNo: line.line_no,
          sku: line.sku_code,
          received: line.received_qty,
          inspected,
        }),
      );
  }
  failIf(issues, 'orders.return_inspection_invalid', r.number);
  if (!r.warehouse_id) throw new AppError('conflict', 'orders.return_no_warehouse', { number: r.number });
  const receipt = await returnsDeps().receiveReturn(
    trx,
    {
      warehouseId: r.warehouse_id,
      returnNo: r.number,
      reason: `customer return ${r.number} (${r.reason})`,
      lines: resolved.map((e) => ({
        skuId: e.skuId,
        binId: e.binId,
        lotId: e.lotId,
        qty: e.qty,
        disposition: e.disposition,
      })),
    },
    { actor: ctx.actor, now: ctx.now, principal: ctx.principal ?? null },
  );
  if (resolved.length)
    await returnsDb(trx)
      .insertInto('orders.return_inspection')
      .values(
        resolved.map((e, k) => ({
          return_id: r.id,
          line_no: e.lineNo,
          disposition: e.disposition,
          qty: e.qty,
          bin_id: e.binId,
          bin_code: receipt.lines[k].binCode,
          lot_id: receipt.lines[k].lotId,
          lot_code: receipt.lines[k].lotCode,
          hold_doc_no: e.disposition === 'hold' ? (receipt.hold?.docNo ?? null) : null,
          at: ctx.now,
          actor_name: ctx.actor.name,
        })),
      )
      .execute();
  const summary = lines.map((line) => {
    const sum = (d: Disposition) =>
      input.entries
        .filter((e) => e.lineNo === line.line_no && e.disposition === d)
        .reduce((s, e) => s + e.qty, 0);
    return {
      lineNo: line.line_no,
      skuId: line.sku_id,
      restock: sum('restock'),
      hold: sum('hold'),
      scrap: sum('scrap'),
    };
  });
  for (const [k, line] of lines.entries())
    await returnsDb(trx)
      .updateTable('orders.return_line')
      .set({ restock_qty: summary[k].restock, hold_qty: summary[k].hold, scrap_qty: summary[k].scrap })
      .where('id', '=', line.id)
      .execute();
  const holdDocNo = receipt.hold?.docNo ?? null;
  await transitionReturn(trx, r, 'inspected', ctx, {
    action: 'inspect',
    note: input.note ?? null,
    details: { lines: summary, holdDocNo },
  });
  await recordHistory(trx, r.order_id, ctx, {
    action: 'return_inspected',
    note: r.number,
    details: { returnNumber: r.number, lines: summary },
  });
  await publish(trx, RETURN_EVENTS.inspected, eventOf(r, { lines: summary, holdDocNo }), ctx.now);
  await auditReturn(trx, r, ctx, 'inspect', 'inspected', { lines: summary, holdDocNo });
  return { holdDocNo };
}
