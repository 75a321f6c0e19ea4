import type { Principal } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import type { LedgerCtx } from './orders.deps';
import type { Disposition } from './returns.tables';

/** What the inventory's `receiveReturn` answers for each line it posted. */
export interface ReturnReceipt {
  lines: Array<{
    binId: string;
    binCode: string;
    lotId: string | null;
    lotCode: string | null;
    movementIds: number[];
  }>;
  hold: { id: string; docNo: string } | null;
}

/**
 * What returns need from the inventory module, injected by the composition root beside
 * `OrdersDeps`: posting inspected goods back into stock (restock, quality hold or scrap) as ledger
 * movements. Bins outside the principal's warehouses are "not found".
 */
export interface ReturnsDeps {
  receiveReturn(
    trx: Trx,
    input: {
      warehouseId: string;
      returnNo: string;
      reason: string;
      lines: Array<{
        skuId: string;
        binId: string;
        lotId?: string | null;
        qty: number;
        disposition: Disposition;
      }>;
    },
    ctx: LedgerCtx & { principal?: Principal | null },
  ): Promise<ReturnReceipt>;
}

let bound: ReturnsDeps | null = null;

export function bindReturnsDeps(deps: ReturnsDeps): void {
  bound = { receiveReturn: deps.receiveReturn };
}

export function returnsDeps(): ReturnsDeps {
  if (!bound) throw new Error('orders: call createOrdersModule(deps) before receiving returns');
  return bound;
}
