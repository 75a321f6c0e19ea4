import { recordAudit } from '../../platform/audit/audit';
import type { Trx } from '../../platform/db';
import { nextDocNumber } from '../../platform/lib/doc-number';
import { AppError, badRequest, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { businessDayOf } from '../../platform/time/calendar';
import { binsByIds } from './bin.service';
import { coldDb } from './coldchain.tables';
import { inventoryDeps, type SkuFacts } from './inventory.deps';
import { type MovementInput, postMovements } from './ledger.repo';
import { assertStorable, type StockContext } from './stock.service';
import { stockDb } from './stock.tables';

/**
 * Customer returns coming back into stock (退货入库) after the warehouse inspected them. Each line
 * is one `return` movement into a bin of the receiving warehouse:
 *
 * - `restock`: into the bin as available (the bin's zone must suit the SKU's storage class; a lot
 *   past its expiry date cannot go back on sale);
 * - `hold`: into the bin as quality_hold, under one quality-hold document (QH…) that quality review
 *   later releases, marks damaged or scraps like any other hold;
 * - `scrap`: into the bin as damaged and at once written off with a `scrap` movement, so the ledger
 *   shows both that it came back and that it was destroyed, and nothing of it is ever available.
 *
 * Lot-tracked goods keep the lot they were shipped with. All lines post together or not at all.
 */
export type ReturnDisposition = 'restock' | 'hold' | 'scrap';

export interface ReturnReceiptLine {
  skuId: string;
  binId: string;
  lotId?: string | null;
  qty: number;
  disposition: ReturnDisposition;
}

export interface ReturnReceiptInput {
  warehouseId: string;
  /** The return authorisation number (RT…): the movements' source id. */
  returnNo: string;
  reason: string;
  lines: ReturnReceiptLine[];
}

export interface ReturnReceiptResult {
  lines: Array<{
    binId: string;
    binCode: string;
    lotId: string | null;
    lotCode: string | null;
    movementIds: number[];
  }>;
  hold: { id: string; docNo: string } | null;
}

export const RETURN_SOURCE_TYPE = 'return';

export async function receiveReturn(
  trx: Trx,
  input: ReturnReceiptInput,
  ctx: StockContext,
): Promise<ReturnReceiptResult> {
  if (!input.lines.length) return { lines: [], hold: null };
  for (const l of input.lines)
    if (!Number.isSafeInteger(l.qty) || l.qty <= 0) throw badRequest('inventory.qty_positive');
  const facts = new Map<string, SkuFacts>();
  for (const l of input.lines)
    if (!facts.has(l.skuId)) facts.set(l.skuId, await inventoryDeps().skuFacts(trx, l.skuId));
  const bins = await binsByIds(
    trx,
    input.lines.map((l) => l.binId),
    ctx.principal,
  );
  const lotIds = [...new Set(input.lines.map((l) => l.lotId).filter((id): id is string => !!id))];
  const lots = new Map(
    (lotIds.length
      ? await stockDb(trx).selectFrom('inventory.lot').selectAll().where('id', 'in', lotIds).execute()
      : []
    ).map((l) => [l.id, l]),
  );
  const today = businessDayOf(ctx.now);
  const movements: MovementInput[] = [];
  const legs: number[][] = [];
  for (const line of input.lines) {
    const sku = facts.get(line.skuId)!;
    const bin = bins.get(line.binId)!;
    if (bin.warehouse_id !== input.warehouseId)
      throw new AppError('conflict', 'inventory.return_bin_elsewhere', { bin: bin.code });
    if (!bin.active) throw new AppError('conflict', 'inventory.bin_inactive', { bin: bin.code });
    if (line.disposition !== 'scrap') {
      if (bin.kind === 'dispatch')
        throw new AppError('conflict', 'inventory.return_bin_dispatch', { bin: bin.code });
      assertStorable(sku, bin);
    }
    const lot = line.lotId ? lots.get(line.lotId) : null;
    if (sku.lotTracked && !line.lotId) throw badRequest('inventory.lot_required', { sku: sku.code });
    if (!sku.lotTracked && line.lotId) throw badRequest('inventory.lot_not_tracked', { sku: sku.code });
    if (line.lotId && (!lot || lot.sku_id !== sku.id)) throw notFound('lot', line.lotId);
    if (line.disposition === 'restock' && lot?.expiry_date && lot.expiry_date < today)
      throw new AppError('conflict', 'inventory.return_lot_expired', {
        lot: lot.code,
        expiryDate: lot.expiry_date,
      });
    const base = {
      skuId: sku.id,
      lotId: lot?.id ?? null,
      warehouseId: bin.warehouse_id,
      qty: line.qty,
      sourceType: RETURN_SOURCE_TYPE,
      sourceId: input.returnNo,
    };
    const status =
      line.disposition === 'restock' ? 'available' : line.disposition === 'hold' ? 'quality_hold' : 'damaged';
    const at = movements.length;
    movements.push({
      ...base,
      type: 'return',
      to: { binId: bin.id, status },
      reason: `${input.reason} — ${line.disposition}`,
    });
    if (line.disposition === 'scrap')
      movements.push({
        ...base,
        type: 'scrap',
        from: { binId: bin.id, status: 'damaged' },
        reason: `${input.reason} — scrapped at inspection`,
      });
    legs.push(line.disposition === 'scrap' ? [at, at + 1] : [at]);
  }
  const posted = await postMovements(trx, movements, ctx);
  const held = input.lines.map((l, k) => ({ l, k })).filter(({ l }) => l.disposition === 'hold');
  let hold: ReturnReceiptResult['hold'] = null;
  if (held.length) {
    const docNo = await nextDocNumber(trx, 'QH', ctx.now);
    const id = newId();
    await coldDb(trx)
      .insertInto('inventory.quality_hold')
      .values({
        id,
        doc_no: docNo,
        warehouse_id: input.warehouseId,
        reason: input.reason,
        source_type: 'customer_return',
        source_id: input.returnNo,
        status: 'open',
        created_at: ctx.now,
        closed_at: null,
        reviewed_by_id: null,
        reviewed_by_name: null,
        review_note: null,
      })
      .execute();
    await coldDb(trx)
      .insertInto('inventory.quality_hold_line')
      .values(
        held.map(({ l }) => ({
          hold_id: id,
          sku_id: l.skuId,
          bin_id: l.binId,
          lot_id: l.lotId ?? null,
          qty: l.qty,
        })),
      )
      .execute();
    hold = { id, docNo };
  }
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'return_receipt',
      entity: 'stock',
      entityId: input.returnNo,
      summary: `${input.returnNo}: ${input.lines.length} line(s) back into stock — ${input.reason}`,
      after: {
        warehouseId: input.warehouseId,
        lines: input.lines,
        holdDocNo: hold?.docNo ?? null,
        movementIds: posted.map((m) => m.id),
      },
    },
    ctx.now,
  );
  return {
    lines: input.lines.map((l, k) => {
      const lot = l.lotId ? lots.get(l.lotId) : null;
      return {
        binId: l.binId,
        binCode: bins.get(l.binId)!.code,
        lotId: lot?.id ?? null,
        lotCode: lot?.code ?? null,
        movementIds: legs[k].map((i) => Number(posted[i].id)),
      };
    }),
    hold,
  };
}
