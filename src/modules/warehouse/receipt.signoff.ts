import { recordAudit } from '../../platform/audit/audit';
import type { Trx } from '../../platform/db';
import { publish } from '../../platform/events';
import { AppError } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { dispatchBinOf, type ReceiveInput, receiveMany, type SkuFacts } from '../inventory';
import { lockAsn } from './asn.service';
import { transitionAsn } from './asn.state';
import { planPutaway } from './putaway.slotting';
import { lockReceipt } from './receipt.service';
import { type ReceiptStatus, transitionReceipt } from './receipt.state';
import type { WhContext } from './warehouse.access';
import { type WarehouseSku, warehouseDeps } from './warehouse.deps';
import { type ReceiptRow, whDb } from './warehouse.tables';

export const RECEIPT_SOURCE = 'receipt';

const factsOf = (s: WarehouseSku): SkuFacts => ({
  id: s.id,
  code: s.code,
  merchantId: s.merchantId,
  storageClass: s.storageClass,
  lotTracked: s.lotTracked,
  shelfLifeDays: s.shelfLifeDays,
  minRemainingShelfLifeDays: s.minRemainingShelfLifeDays,
});

/** The receipt is complete: mark it, close its ASN, tell whoever listens (supplier scorecards, quality). */
export async function completeReceipt(
  trx: Trx,
  receipt: {
    id: string;
    number: string;
    status: ReceiptStatus;
    asn_id: string | null;
    warehouse_id: string;
    merchant_id: string;
  },
  ctx: WhContext,
): Promise<void> {
  await transitionReceipt(trx, receipt, 'completed', ctx);
  if (receipt.asn_id) {
    const asn = await lockAsn(trx, null, receipt.asn_id);
    if (asn.status === 'receiving') await transitionAsn(trx, asn, 'received', ctx.now);
  }
  await publish(
    trx,
    'warehouse.receipt.completed',
    {
      receiptId: receipt.id,
      number: receipt.number,
      warehouseId: receipt.warehouse_id,
      merchantId: receipt.merchant_id,
    },
    ctx.now,
  );
}

/**
 * Inspection sign-off (验收签字): every line must be inspected, and accepted goods need complete
 * documents (手续不全不允许入库). Then, in one transaction: accepted goods are received into the
 * warehouse's receiving point (the dock, which orders never allocate from) as available, held
 * rejections on quality hold; putaway tasks are created from the slotting suggestions. A receipt with
 * nothing accepted completes at once.
 */
export async function signOffReceipt(trx: Trx, id: string, ctx: WhContext): Promise<void> {
  const receipt: ReceiptRow = await lockReceipt(trx, ctx.principal, id);
  const lines = await whDb(trx)
    .selectFrom('warehouse.receipt_line')
    .selectAll()
    .where('receipt_id', '=', id)
    .orderBy('line_no')
    .execute();
  if (receipt.status === 'arrived' || receipt.status === 'inspecting') {
    const open = lines.filter((l) => !l.inspected_at);
    if (open.length || !lines.length)
      throw new AppError('conflict', 'warehouse.lines_not_inspected', {
        number: receipt.number,
        lines: open.map((l) => l.line_no).join(', ') || '-',
      });
  }
  if (receipt.status !== 'inspecting')
    throw new AppError('conflict', 'warehouse.receipt_illegal_transition', {
      number: receipt.number,
      from: receipt.status,
      to: 'inspected',
    });
  const accepted = lines.reduce((s, l) => s + Number(l.accepted_qty ?? 0), 0);
  if (accepted > 0 && !receipt.documents_complete)
    throw new AppError('conflict', 'warehouse.documents_incomplete', { number: receipt.number });

  const rejections = await whDb(trx)
    .selectFrom('warehouse.receipt_rejection')
    .selectAll()
    .where(
      'receipt_line_id',
      'in',
      lines.map((l) => l.id),
    )
    .execute();
  const skus = await warehouseDeps().skusByIds(
    trx,
    lines.map((l) => l.sku_id),
  );
  const facts = new Map([...skus.values()].map((s) => [s.id, factsOf(s)]));
  const dock = await dispatchBinOf(trx, receipt.warehouse_id);
  const inputs: ReceiveInput[] = [];
  const postedFor: string[] = [];
  for (const l of lines) {
    const lot = { lotCode: l.lot_code, productionDate: l.production_date, expiryDate: l.expiry_date };
    const source = { sourceType: RECEIPT_SOURCE, sourceId: receipt.id };
    if (Number(l.accepted_qty) > 0) {
      inputs.push({
        skuId: l.sku_id,
        binId: dock.id,
        qty: Number(l.accepted_qty),
        ...lot,
        ...source,
        reason: `receipt ${receipt.number}`,
      });
      postedFor.push(l.id);
    }
    const held = rejections.filter((r) => r.receipt_line_id === l.id && r.disposition === 'hold');
    const heldQty = held.reduce((s, r) => s + Number(r.qty), 0);
    if (heldQty > 0) {
      inputs.push({
        skuId: l.sku_id,
        binId: dock.id,
        qty: heldQty,
        ...lot,
        ...source,
        status: 'quality_hold',
        reason: `rejected at receipt ${receipt.number}: ${[...new Set(held.map((r) => r.reason))].join(', ')}`,
      });
      postedFor.push(l.id);
    }
  }
  const movements = await receiveMany(
    trx,
    inputs,
    { actor: ctx.actor, now: ctx.now, principal: ctx.principal },
    facts,
  );
  const lotOf = new Map<string, string | null>();
  for (const [i, m] of movements.entries()) lotOf.set(postedFor[i], m.lot_id);
  for (const [lineId, lotId] of lotOf)
    if (lotId)
      await whDb(trx)
        .updateTable('warehouse.receipt_line')
        .set({ lot_id: lotId })
        .where('id', '=', lineId)
        .execute();

  const needs = lines
    .filter((l) => Number(l.accepted_qty) > 0)
    .map((l) => ({
      key: l.id,
      skuId: l.sku_id,
      lotId: lotOf.get(l.id) ?? null,
      qty: Number(l.accepted_qty),
    }));
  let taskCount = 0;
  if (needs.length) {
    const { plan } = await planPutaway(trx, receipt.warehouse_id, needs);
    const task = (n: (typeof needs)[number], qty: number, binId: string | null, reason: string | null) => ({
      id: newId(),
      receipt_id: receipt.id,
      receipt_line_id: n.key,
      warehouse_id: receipt.warehouse_id,
      sku_id: n.skuId,
      lot_id: n.lotId,
      qty,
      done_qty: 0,
      suggested_bin_id: binId,
      slot_reason: reason as never,
      status: 'open' as const,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
    const rows = needs.flatMap((n) => [
      ...plan.placements.filter((p) => p.key === n.key).map((p) => task(n, p.qty, p.binId, p.reason)),
      ...(plan.unplaced.get(n.key) ? [task(n, plan.unplaced.get(n.key)!, null, null)] : []),
    ]);
    await whDb(trx).insertInto('warehouse.putaway_task').values(rows).execute();
    taskCount = rows.length;
  }

  await whDb(trx)
    .updateTable('warehouse.receipt')
    .set({ signed_off_at: ctx.now, signed_off_by_name: ctx.actor.name, updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
  await transitionReceipt(trx, receipt, 'inspected', ctx);
  await publish(
    trx,
    'warehouse.receipt.inspected',
    {
      receiptId: receipt.id,
      number: receipt.number,
      warehouseId: receipt.warehouse_id,
      merchantId: receipt.merchant_id,
      asnId: receipt.asn_id,
      supplierName: receipt.supplier_name,
      lines: lines.map((l) => ({
        skuId: l.sku_id,
        expectedQty: Number(l.expected_qty),
        receivedQty: Number(l.received_qty),
        acceptedQty: Number(l.accepted_qty),
        rejections: rejections
          .filter((r) => r.receipt_line_id === l.id)
          .map((r) => ({ reason: r.reason, qty: Number(r.qty), disposition: r.disposition })),
      })),
    },
    ctx.now,
  );
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'sign_off',
      entity: 'warehouse.receipt',
      entityId: id,
      summary: `receipt ${receipt.number} signed off: ${accepted} accepted, ${movements.length} movement(s), ${taskCount} putaway task(s)`,
      after: { movementIds: movements.map((m) => Number(m.id)), taskCount },
      merchantId: receipt.merchant_id,
    },
    ctx.now,
  );
  if (!needs.length) await completeReceipt(trx, receipt, ctx);
}
