import { recordAudit } from '../../platform/audit/audit';
import type { Trx } from '../../platform/db';
import { publish } from '../../platform/events';
import { nextDocNumber } from '../../platform/lib/doc-number';
import { AppError } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { dispatchBinOf, returnToVendor } from '../inventory';
import { lockReceipt } from './receipt.service';
import { RECEIPT_SOURCE } from './receipt.signoff';
import { assertReceiptAction } from './receipt.state';
import type { WhContext } from './warehouse.access';
import { whDb } from './warehouse.tables';

export interface VendorReturnInput {
  carrier?: string | null;
  trackingNo?: string | null;
  note?: string | null;
  /** Default: everything rejected and held that has not gone back yet. */
  lines?: Array<{ lineId: string; qty: number }>;
}

/** Rejected goods held per receipt line, and how much of it already went back. */
export async function heldByLine(trx: Trx, receiptId: string) {
  const lines = await whDb(trx)
    .selectFrom('warehouse.receipt_line')
    .select(['id', 'line_no', 'sku_id', 'lot_id', 'returned_qty'])
    .where('receipt_id', '=', receiptId)
    .orderBy('line_no')
    .execute();
  const held = lines.length
    ? await whDb(trx)
        .selectFrom('warehouse.receipt_rejection')
        .select('receipt_line_id')
        .select((eb) => eb.fn.sum<string>('qty').as('qty'))
        .where(
          'receipt_line_id',
          'in',
          lines.map((l) => l.id),
        )
        .where('disposition', '=', 'hold')
        .groupBy('receipt_line_id')
        .execute()
    : [];
  return lines.map((l) => {
    const h = Number(held.find((x) => x.receipt_line_id === l.id)?.qty ?? 0);
    return { ...l, held: h, pending: h - Number(l.returned_qty) };
  });
}

/**
 * Return rejected goods to the vendor (退供): they leave the dock's quality hold and the books with a
 * `return` movement each, under one return document (RTV…), all lines or none.
 */
export async function returnRejectedGoods(
  trx: Trx,
  receiptId: string,
  input: VendorReturnInput,
  ctx: WhContext,
): Promise<string> {
  const receipt = await lockReceipt(trx, ctx.principal, receiptId);
  assertReceiptAction(receipt, 'return_to_vendor');
  const lines = await heldByLine(trx, receiptId);
  const wanted = input.lines?.length
    ? input.lines.map((w) => {
        const line = lines.find((l) => l.id === w.lineId);
        if (!line) throw new AppError('not_found', 'not_found', { entity: 'receipt_line', id: w.lineId });
        if (w.qty > line.pending)
          throw new AppError('conflict', 'warehouse.return_exceeds_held', {
            line: line.line_no,
            qty: w.qty,
            pending: line.pending,
          });
        return { line, qty: w.qty };
      })
    : lines.filter((l) => l.pending > 0).map((line) => ({ line, qty: line.pending }));
  if (!wanted.length)
    throw new AppError('conflict', 'warehouse.nothing_to_return', { number: receipt.number });
  const dock = await dispatchBinOf(trx, receipt.warehouse_id);
  const movements = await returnToVendor(
    trx,
    wanted.map((w) => ({
      skuId: w.line.sku_id,
      binId: dock.id,
      lotId: w.line.lot_id,
      status: 'quality_hold' as const,
      qty: w.qty,
      sourceType: RECEIPT_SOURCE,
      sourceId: receipt.id,
      reason: `return to vendor, receipt ${receipt.number}`,
    })),
    { actor: ctx.actor, now: ctx.now, principal: ctx.principal },
  );
  const id = newId();
  const number = await nextDocNumber(trx, 'RTV', ctx.now);
  await whDb(trx)
    .insertInto('warehouse.vendor_return')
    .values({
      id,
      number,
      receipt_id: receipt.id,
      warehouse_id: receipt.warehouse_id,
      merchant_id: receipt.merchant_id,
      carrier: input.carrier ?? null,
      tracking_no: input.trackingNo ?? null,
      note: input.note ?? null,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      at: ctx.now,
    })
    .execute();
  await whDb(trx)
    .insertInto('warehouse.vendor_return_line')
    .values(
      wanted.map((w, i) => ({
        id: newId(),
        return_id: id,
        receipt_line_id: w.line.id,
        sku_id: w.line.sku_id,
        lot_id: w.line.lot_id,
        qty: w.qty,
        movement_id: Number(movements[i].id),
      })),
    )
    .execute();
  for (const w of wanted)
    await whDb(trx)
      .updateTable('warehouse.receipt_line')
      .set((eb) => ({ returned_qty: eb('returned_qty', '+', w.qty) }))
      .where('id', '=', w.line.id)
      .execute();
  await publish(
    trx,
    'warehouse.vendor_return.shipped',
    {
      returnId: id,
      number,
      receiptId: receipt.id,
      merchantId: receipt.merchant_id,
      qty: wanted.reduce((s, w) => s + w.qty, 0),
    },
    ctx.now,
  );
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'return_to_vendor',
      entity: 'warehouse.receipt',
      entityId: receipt.id,
      summary: `receipt ${receipt.number}: ${number} returns ${wanted.reduce((s, w) => s + w.qty, 0)} unit(s) to the vendor`,
      after: {
        returnId: id,
        number,
        lines: wanted.map((w) => ({ lineId: w.line.id, qty: w.qty })),
        ...input,
      },
      merchantId: receipt.merchant_id,
    },
    ctx.now,
  );
  return id;
}
