import { recordAudit } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { AppError, type FieldIssue, forbidden, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { businessDayOf } from '../../platform/time/calendar';
import { listWarehouses } from '../inventory';
import { arrivalRange, formatDc, needsArrivalTemperature, withinRange } from './cold-chain';
import { expiryOf, issue, throwIssues } from './inbound.lines';
import { lockReceipt } from './receipt.service';
import { assertReceiptAction, transitionReceipt } from './receipt.state';
import type { WhContext } from './warehouse.access';
import { type WarehouseSku, warehouseDeps } from './warehouse.deps';
import { type ReceiptLineRow, type RejectDisposition, type RejectReason, whDb } from './warehouse.tables';

export const OVERRIDE_PERMISSION = 'warehouse.receipt.override';

export interface RejectionInput {
  qty: number;
  reason: RejectReason;
  /** Default `hold`: booked on quality hold at the dock, waiting for the return to the vendor. */
  disposition?: RejectDisposition;
  note?: string | null;
}

export interface InspectionInput {
  receivedQty: number;
  acceptedQty: number;
  rejections?: RejectionInput[];
  lotCode?: string | null;
  productionDate?: string | null;
  expiryDate?: string | null;
  /** Arrival temperature of cold-chain goods, tenths of °C. */
  arrivalTempDc?: number | null;
  /** A manager accepts goods outside the temperature range or below the minimum shelf life. */
  override?: { note: string } | null;
  /** File references (URLs or storage keys) of photos taken at inspection. */
  photos?: string[];
  note?: string | null;
}

const canOverride = (principal: Principal | null) =>
  !principal || principal.permissions.has(OVERRIDE_PERMISSION);

/** The temperature range goods of this SKU must arrive within at the receipt's warehouse. */
export async function arrivalRangeFor(db: Db | Trx, warehouseId: string, sku: WarehouseSku) {
  if (!needsArrivalTemperature(sku.storageClass)) return null;
  const warehouse = (await listWarehouses(db as Db, null)).find((w) => w.id === warehouseId);
  return arrivalRange(sku.storageClass, warehouse?.zones ?? []);
}

function fieldIssues(line: ReceiptLineRow, sku: WarehouseSku, input: InspectionInput) {
  const issues: FieldIssue[] = [];
  const rejections = input.rejections ?? [];
  const rejected = rejections.reduce((s, r) => s + r.qty, 0);
  const held = rejections.filter((r) => (r.disposition ?? 'hold') === 'hold').reduce((s, r) => s + r.qty, 0);
  if (input.acceptedQty + rejected !== input.receivedQty)
    issues.push(
      issue('body.acceptedQty', 'warehouse.qty_mismatch', {
        received: input.receivedQty,
        accepted: input.acceptedQty,
        rejected,
      }),
    );
  rejections.forEach((r, i) => {
    if (r.reason === 'other' && !r.note?.trim())
      issues.push(issue(`body.rejections.${i}.note`, 'warehouse.reject_note_required'));
  });
  const lotCode = input.lotCode !== undefined ? input.lotCode : line.lot_code;
  const production = input.productionDate !== undefined ? input.productionDate : line.production_date;
  const given = input.expiryDate !== undefined ? input.expiryDate : line.expiry_date;
  const expiry = expiryOf(sku, production, given);
  const booked = input.acceptedQty + held;
  if (sku.lotTracked && booked > 0 && !lotCode)
    issues.push(issue('body.lotCode', 'warehouse.lot_required', { sku: sku.code }));
  if (!sku.lotTracked && lotCode)
    issues.push(issue('body.lotCode', 'warehouse.lot_not_tracked', { sku: sku.code }));
  if (sku.lotTracked && sku.shelfLifeDays && booked > 0 && !expiry)
    issues.push(issue('body.expiryDate', 'warehouse.expiry_required', { sku: sku.code }));
  if (production && expiry && expiry < production)
    issues.push(issue('body.expiryDate', 'warehouse.lot_dates_inverted'));
  if (needsArrivalTemperature(sku.storageClass) && input.receivedQty > 0 && input.arrivalTempDc == null)
    issues.push(issue('body.arrivalTempDc', 'warehouse.temperature_required', { sku: sku.code }));
  throwIssues(issues);
  return { lotCode: lotCode ?? null, production: production ?? null, expiry };
}

/**
 * Record the inspection (验收) of one receipt line: counted, accepted and rejected quantities with
 * reasons, lot and dates, arrival temperature, photos; the inspector is the caller. Accepting goods
 * that arrived outside the cold-chain range or below the SKU's minimum remaining shelf life needs
 * a manager's override with a note; expired goods cannot be accepted at all. Re-inspecting replaces
 * the line's inspection until sign-off. The first inspection moves the receipt to `inspecting`.
 */
export async function inspectLine(
  trx: Trx,
  receiptId: string,
  lineId: string,
  input: InspectionInput,
  ctx: WhContext,
): Promise<void> {
  const receipt = await lockReceipt(trx, ctx.principal, receiptId);
  assertReceiptAction(receipt, 'inspect_line');
  const line = await whDb(trx)
    .selectFrom('warehouse.receipt_line')
    .selectAll()
    .where('id', '=', lineId)
    .where('receipt_id', '=', receiptId)
    .forUpdate()
    .executeTakeFirst();
  if (!line) throw notFound('receipt_line', lineId);
  const sku = (await warehouseDeps().skusByIds(trx, [line.sku_id])).get(line.sku_id);
  if (!sku) throw notFound('sku', line.sku_id);
  const { lotCode, production, expiry } = fieldIssues(line, sku, input);

  const overrides: string[] = [];
  const range = await arrivalRangeFor(trx, receipt.warehouse_id, sku);
  if (
    range &&
    input.arrivalTempDc != null &&
    !withinRange(range, input.arrivalTempDc) &&
    input.acceptedQty > 0
  ) {
    if (!input.override)
      throw new AppError('conflict', 'warehouse.temperature_out_of_range', {
        sku: sku.code,
        temp: formatDc(input.arrivalTempDc),
        min: formatDc(range.minDc),
        max: formatDc(range.maxDc),
      });
    overrides.push('temperature');
  }
  if (expiry && input.acceptedQty > 0) {
    const today = businessDayOf(ctx.now);
    if (expiry < today)
      throw new AppError('conflict', 'warehouse.lot_expired', { sku: sku.code, expiryDate: expiry });
    const remaining = Math.round((Date.parse(expiry) - Date.parse(today)) / 86_400_000);
    if (sku.minRemainingShelfLifeDays !== null && remaining < sku.minRemainingShelfLifeDays) {
      if (!input.override)
        throw new AppError('conflict', 'warehouse.shelf_life_short', {
          sku: sku.code,
          remaining,
          min: sku.minRemainingShelfLifeDays,
        });
      overrides.push('shelf_life');
    }
  }
  if (overrides.length && !canOverride(ctx.principal))
    throw forbidden('forbidden', { permission: OVERRIDE_PERMISSION });

  const before = { ...line };
  await whDb(trx)
    .updateTable('warehouse.receipt_line')
    .set({
      received_qty: input.receivedQty,
      accepted_qty: input.acceptedQty,
      lot_code: lotCode,
      production_date: production,
      expiry_date: expiry,
      arrival_temp_dc: input.arrivalTempDc ?? null,
      override_note: overrides.length ? input.override!.note : null,
      override_by_name: overrides.length ? ctx.actor.name : null,
      photos: JSON.stringify(input.photos ?? []),
      inspection_note: input.note ?? null,
      inspector_id: ctx.actor.id,
      inspector_name: ctx.actor.name,
      inspected_at: ctx.now,
    })
    .where('id', '=', lineId)
    .execute();
  await whDb(trx).deleteFrom('warehouse.receipt_rejection').where('receipt_line_id', '=', lineId).execute();
  const rejections = input.rejections ?? [];
  if (rejections.length)
    await whDb(trx)
      .insertInto('warehouse.receipt_rejection')
      .values(
        rejections.map((r) => ({
          id: newId(),
          receipt_line_id: lineId,
          qty: r.qty,
          reason: r.reason,
          disposition: r.disposition ?? 'hold',
          note: r.note ?? null,
        })),
      )
      .execute();
  if (receipt.status === 'arrived') await transitionReceipt(trx, receipt, 'inspecting', ctx);
  else
    await whDb(trx)
      .updateTable('warehouse.receipt')
      .set({ updated_at: ctx.now })
      .where('id', '=', receiptId)
      .execute();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'inspect',
      entity: 'warehouse.receipt',
      entityId: receiptId,
      summary: `receipt ${receipt.number} line ${line.line_no} (${sku.code}): received ${input.receivedQty}, accepted ${input.acceptedQty}${overrides.length ? `, override ${overrides.join('+')}` : ''}`,
      before: {
        receivedQty: before.received_qty,
        acceptedQty: before.accepted_qty,
        inspectedAt: before.inspected_at,
      },
      after: { lineId, ...input, expiryDate: expiry, overrides },
      merchantId: receipt.merchant_id,
    },
    ctx.now,
  );
}
