import { recordAudit } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/principal';
import { isUniqueViolation, type Trx } from '../../platform/db';
import { nextDocNumber } from '../../platform/lib/doc-number';
import { AppError } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { assertWarehouse, lockAsn, merchantFor } from './asn.service';
import { transitionAsn } from './asn.state';
import { checkedSkus, type ExpectedLineInput, expiryOf, issue, throwIssues } from './inbound.lines';
import { assertReceiptAction, transitionReceipt } from './receipt.state';
import { assertSeesDoc, type WhContext } from './warehouse.access';
import { type ReceiptDocument, type ReceiptRow, whDb } from './warehouse.tables';

export interface ArrivalInput {
  carrier?: string | null;
  vehiclePlate?: string | null;
  dock?: string | null;
  deliveryNoteNo?: string | null;
}

export interface ReceiptLineInput extends ExpectedLineInput {
  expectedQty: number;
}

export interface AdHocReceiptInput extends ArrivalInput {
  warehouseId: string;
  merchantId?: string | null;
  supplierName?: string | null;
  note?: string | null;
  /** The goods are already at the dock: record the arrival at once. */
  arrived?: boolean;
  lines: ReceiptLineInput[];
}

export interface FromAsnInput extends ArrivalInput {
  note?: string | null;
  arrived?: boolean;
}

const arrivalColumns = (input: ArrivalInput) => ({
  ...(input.carrier !== undefined ? { carrier: input.carrier } : {}),
  ...(input.vehiclePlate !== undefined ? { vehicle_plate: input.vehiclePlate } : {}),
  ...(input.dock !== undefined ? { dock: input.dock } : {}),
  ...(input.deliveryNoteNo !== undefined ? { delivery_note_no: input.deliveryNoteNo } : {}),
});

/** The receipt row locked for a change, within the caller's scope (else "not found"). */
export async function lockReceipt(trx: Trx, principal: Principal | null, id: string): Promise<ReceiptRow> {
  const row = await whDb(trx)
    .selectFrom('warehouse.receipt')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  assertSeesDoc(principal, 'receipt', row, id);
  return row;
}

async function insertReceipt(
  trx: Trx,
  head: Omit<
    ReceiptRow,
    | 'id'
    | 'number'
    | 'status'
    | 'documents'
    | 'documents_complete'
    | 'arrived_at'
    | 'signed_off_at'
    | 'signed_off_by_name'
    | 'completed_at'
    | 'cancelled_at'
    | 'cancel_reason'
    | 'created_by_id'
    | 'created_by_name'
    | 'created_at'
    | 'updated_at'
  >,
  lines: Array<ReceiptLineInput & { asnLineId: string | null; expiry: string | null }>,
  ctx: WhContext,
) {
  const id = newId();
  const number = await nextDocNumber(trx, 'RC', ctx.now);
  try {
    await whDb(trx)
      .insertInto('warehouse.receipt')
      .values({
        ...head,
        id,
        number,
        status: 'draft',
        documents: '[]',
        documents_complete: false,
        arrived_at: null,
        signed_off_at: null,
        signed_off_by_name: null,
        completed_at: null,
        cancelled_at: null,
        cancel_reason: null,
        created_by_id: ctx.actor.id,
        created_by_name: ctx.actor.name,
        created_at: ctx.now,
        updated_at: ctx.now,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error, 'receipt_asn_uq'))
      throw new AppError('conflict', 'warehouse.asn_has_receipt', { id: head.asn_id });
    throw error;
  }
  await whDb(trx)
    .insertInto('warehouse.receipt_line')
    .values(
      lines.map((l, i) => ({
        id: newId(),
        receipt_id: id,
        line_no: i + 1,
        asn_line_id: l.asnLineId,
        sku_id: l.skuId,
        expected_qty: l.expectedQty,
        received_qty: null,
        accepted_qty: null,
        lot_code: l.lotCode ?? null,
        production_date: l.productionDate ?? null,
        expiry_date: l.expiry,
        arrival_temp_dc: null,
        override_note: null,
        override_by_name: null,
        photos: '[]',
        inspection_note: null,
        inspector_id: null,
        inspector_name: null,
        inspected_at: null,
        lot_id: null,
        putaway_qty: 0,
        returned_qty: 0,
      })),
    )
    .execute();
  await whDb(trx)
    .insertInto('warehouse.receipt_history')
    .values({
      receipt_id: id,
      from_status: null,
      to_status: 'draft',
      at: ctx.now,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      note: null,
    })
    .execute();
  return { id, number };
}

/** A receipt without notice: the goods (or their paperwork) are at the gate. */
export async function createAdHocReceipt(
  trx: Trx,
  input: AdHocReceiptInput,
  ctx: WhContext,
): Promise<string> {
  const merchantId = await merchantFor(trx, ctx.principal, input.merchantId);
  await assertWarehouse(trx, ctx.principal, input.warehouseId);
  const skus = await checkedSkus(trx, merchantId, input.lines, 'body.lines');
  const { id, number } = await insertReceipt(
    trx,
    {
      warehouse_id: input.warehouseId,
      merchant_id: merchantId,
      asn_id: null,
      supplier_name: input.supplierName ?? null,
      carrier: input.carrier ?? null,
      vehicle_plate: input.vehiclePlate ?? null,
      dock: input.dock ?? null,
      delivery_note_no: input.deliveryNoteNo ?? null,
      note: input.note ?? null,
    },
    input.lines.map((l) => ({
      ...l,
      asnLineId: null,
      expiry: expiryOf(skus.get(l.skuId)!, l.productionDate, l.expiryDate),
    })),
    ctx,
  );
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'create',
      entity: 'warehouse.receipt',
      entityId: id,
      summary: `receipt ${number} (ad hoc): ${input.lines.length} line(s)`,
      after: { ...input, merchantId, number },
      merchantId,
    },
    ctx.now,
  );
  if (input.arrived) await arriveReceipt(trx, id, {}, ctx);
  return id;
}

/** Open the receipt for an ASN: its lines become the expected lines; the ASN is being received. */
export async function createReceiptFromAsn(
  trx: Trx,
  asnId: string,
  input: FromAsnInput,
  ctx: WhContext,
): Promise<string> {
  const asn = await lockAsn(trx, ctx.principal, asnId);
  if (asn.status !== 'open')
    throw new AppError('conflict', 'warehouse.asn_not_open', { number: asn.number, status: asn.status });
  const lines = await whDb(trx)
    .selectFrom('warehouse.asn_line')
    .selectAll()
    .where('asn_id', '=', asnId)
    .orderBy('line_no')
    .execute();
  const { id, number } = await insertReceipt(
    trx,
    {
      warehouse_id: asn.warehouse_id,
      merchant_id: asn.merchant_id,
      asn_id: asn.id,
      supplier_name: asn.supplier_name,
      carrier: input.carrier ?? asn.carrier,
      vehicle_plate: input.vehiclePlate ?? null,
      dock: input.dock ?? null,
      delivery_note_no: input.deliveryNoteNo ?? null,
      note: input.note ?? null,
    },
    lines.map((l) => ({
      skuId: l.sku_id,
      expectedQty: Number(l.qty),
      lotCode: l.lot_code,
      productionDate: l.production_date,
      asnLineId: l.id,
      expiry: l.expiry_date,
    })),
    ctx,
  );
  await transitionAsn(trx, asn, 'receiving', ctx.now);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'create',
      entity: 'warehouse.receipt',
      entityId: id,
      summary: `receipt ${number} from ASN ${asn.number}: ${lines.length} line(s)`,
      after: { asnId, number, ...input },
      merchantId: asn.merchant_id,
    },
    ctx.now,
  );
  if (input.arrived) await arriveReceipt(trx, id, {}, ctx);
  return id;
}

/** The goods are at the dock: record when, by which vehicle, at which door, with which delivery note. */
export async function arriveReceipt(
  trx: Trx,
  id: string,
  input: ArrivalInput,
  ctx: WhContext,
): Promise<void> {
  const receipt = await lockReceipt(trx, ctx.principal, id);
  await transitionReceipt(trx, receipt, 'arrived', ctx);
  const changes = arrivalColumns(input);
  if (Object.keys(changes).length)
    await whDb(trx).updateTable('warehouse.receipt').set(changes).where('id', '=', id).execute();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'arrive',
      entity: 'warehouse.receipt',
      entityId: id,
      summary: `receipt ${receipt.number} arrived`,
      after: input,
      merchantId: receipt.merchant_id,
    },
    ctx.now,
  );
}

/**
 * The documents that came with the goods, and whether they are complete (手续齐全). Complete needs
 * a delivery note — its number on the receipt or a `delivery_note` document.
 */
export async function recordDocuments(
  trx: Trx,
  id: string,
  input: { documents: ReceiptDocument[]; complete: boolean },
  ctx: WhContext,
): Promise<void> {
  const receipt = await lockReceipt(trx, ctx.principal, id);
  assertReceiptAction(receipt, 'record_documents');
  const hasNote = !!receipt.delivery_note_no || input.documents.some((d) => d.kind === 'delivery_note');
  if (input.complete && !hasNote) throwIssues([issue('body.documents', 'warehouse.delivery_note_required')]);
  await whDb(trx)
    .updateTable('warehouse.receipt')
    .set({
      documents: JSON.stringify(input.documents),
      documents_complete: input.complete,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'documents',
      entity: 'warehouse.receipt',
      entityId: id,
      summary: `receipt ${receipt.number}: ${input.documents.length} document(s), ${input.complete ? 'complete' : 'incomplete'}`,
      before: { documents: receipt.documents, complete: receipt.documents_complete },
      after: input,
      merchantId: receipt.merchant_id,
    },
    ctx.now,
  );
}

/** Goods that arrived but were not announced (or another lot of an announced SKU): a new line. */
export async function addReceiptLine(
  trx: Trx,
  id: string,
  input: ReceiptLineInput,
  ctx: WhContext,
): Promise<string> {
  const receipt = await lockReceipt(trx, ctx.principal, id);
  assertReceiptAction(receipt, 'add_line');
  const skus = await checkedSkus(trx, receipt.merchant_id, [input], 'body.lines');
  const last = await whDb(trx)
    .selectFrom('warehouse.receipt_line')
    .select((eb) => eb.fn.max<number>('line_no').as('n'))
    .where('receipt_id', '=', id)
    .executeTakeFirst();
  const lineId = newId();
  await whDb(trx)
    .insertInto('warehouse.receipt_line')
    .values({
      id: lineId,
      receipt_id: id,
      line_no: Number(last?.n ?? 0) + 1,
      asn_line_id: null,
      sku_id: input.skuId,
      expected_qty: input.expectedQty,
      received_qty: null,
      accepted_qty: null,
      lot_code: input.lotCode ?? null,
      production_date: input.productionDate ?? null,
      expiry_date: expiryOf(skus.get(input.skuId)!, input.productionDate, input.expiryDate),
      arrival_temp_dc: null,
      override_note: null,
      override_by_name: null,
      photos: '[]',
      inspection_note: null,
      inspector_id: null,
      inspector_name: null,
      inspected_at: null,
      lot_id: null,
      putaway_qty: 0,
      returned_qty: 0,
    })
    .execute();
  await whDb(trx)
    .updateTable('warehouse.receipt')
    .set({ updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'add_line',
      entity: 'warehouse.receipt',
      entityId: id,
      summary: `receipt ${receipt.number}: line added (${skus.get(input.skuId)!.code})`,
      after: input,
      merchantId: receipt.merchant_id,
    },
    ctx.now,
  );
  return lineId;
}

/** Turn the delivery away (before sign-off nothing is on the books); its ASN may be received later. */
export async function cancelReceipt(trx: Trx, id: string, reason: string, ctx: WhContext): Promise<void> {
  const receipt = await lockReceipt(trx, ctx.principal, id);
  const before = receipt.status;
  await transitionReceipt(trx, receipt, 'cancelled', ctx, reason);
  await whDb(trx)
    .updateTable('warehouse.receipt')
    .set({ cancel_reason: reason })
    .where('id', '=', id)
    .execute();
  if (receipt.asn_id) {
    const asn = await lockAsn(trx, null, receipt.asn_id);
    if (asn.status === 'receiving') await transitionAsn(trx, asn, 'open', ctx.now);
  }
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'cancel',
      entity: 'warehouse.receipt',
      entityId: id,
      summary: `receipt ${receipt.number} cancelled: ${reason}`,
      before: { status: before },
      after: { status: 'cancelled', reason },
      merchantId: receipt.merchant_id,
    },
    ctx.now,
  );
}
