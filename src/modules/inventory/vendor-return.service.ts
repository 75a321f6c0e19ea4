import type { Trx } from '../../platform/db';
import { badRequest } from '../../platform/lib/errors';
import { binsByIds } from './bin.service';
import { inventoryDeps } from './inventory.deps';
import { postMovements } from './ledger.repo';
import type { SourceRef, StockContext } from './stock.service';
import type { MovementRow, StockStatus } from './stock.tables';

export interface VendorReturnInput extends SourceRef {
  skuId: string;
  binId: string;
  lotId: string | null;
  /** The status the goods wait in (rejected goods wait on quality hold). */
  status: StockStatus;
  qty: number;
}

/**
 * Goods leave the books back to their vendor (退供): one `return` movement per line with only a
 * `from` leg, all lines or none, in the caller's transaction. Unreserved stock only; throws
 * `inventory.insufficient_stock` when the bin holds less than asked.
 */
export async function returnToVendor(
  trx: Trx,
  inputs: VendorReturnInput[],
  ctx: StockContext,
): Promise<MovementRow[]> {
  if (!inputs.length) return [];
  for (const input of inputs) {
    if (!Number.isSafeInteger(input.qty) || input.qty <= 0) throw badRequest('inventory.qty_positive');
    // Only a known SKU may leave the books (the catalog's not-found otherwise).
    await inventoryDeps().skuFacts(trx, input.skuId);
  }
  const bins = await binsByIds(
    trx,
    inputs.map((i) => i.binId),
    ctx.principal,
  );
  return postMovements(
    trx,
    inputs.map((input) => ({
      type: 'return' as const,
      skuId: input.skuId,
      lotId: input.lotId,
      warehouseId: bins.get(input.binId)!.warehouse_id,
      from: { binId: input.binId, status: input.status },
      qty: input.qty,
      reason: input.reason ?? 'return to vendor',
      sourceType: input.sourceType,
      sourceId: input.sourceId,
    })),
    ctx,
  );
}
