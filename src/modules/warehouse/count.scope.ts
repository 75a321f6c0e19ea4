import { canAccessWarehouse, type Principal } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { notFound } from '../../platform/lib/errors';
import { missingWarehouses } from '../inventory';

/**
 * Counts, slotting and kitting documents belong to a warehouse (a bin holds many merchants' goods),
 * so the caller's scope is their warehouses: anything outside is "not found", never "forbidden".
 */
export function assertWarehouseScope(
  principal: Principal | null,
  warehouseId: string,
  entity: string,
  id: string,
): void {
  if (principal && !canAccessWarehouse(principal, warehouseId)) throw notFound(entity, id);
}

/** The warehouse exists and is the caller's; else 404 `warehouse`. */
export async function assertWarehouse(db: Db | Trx, principal: Principal | null, warehouseId: string) {
  assertWarehouseScope(principal, warehouseId, 'warehouse', warehouseId);
  const [missing] = await missingWarehouses(db as Db, [warehouseId]);
  if (missing) throw notFound('warehouse', warehouseId);
}

/** Warehouses a list may show: null = all; an empty list = none. */
export function warehouseScope(principal: Principal | null, wanted?: string): string[] | null {
  const mine = !principal || principal.warehouseIds === 'all' ? null : [...principal.warehouseIds];
  if (!wanted) return mine;
  return !mine || mine.includes(wanted) ? [wanted] : [];
}
