import { type Actor, canAccessWarehouse, type Principal } from '../../platform/auth/principal';
import { notFound } from '../../platform/lib/errors';

/** Whose documents a caller sees: warehouse-scoped staff their warehouses, merchants their own goods. */
export interface DocScope {
  /** null = every warehouse. */
  warehouseIds: string[] | null;
  /** null = every merchant. */
  merchantId: string | null;
}

export function docScopeOf(principal: Principal | null): DocScope {
  if (!principal) return { warehouseIds: null, merchantId: null };
  return {
    warehouseIds: principal.warehouseIds === 'all' ? null : [...principal.warehouseIds],
    merchantId: principal.merchantId,
  };
}

export function canSeeDoc(principal: Principal | null, doc: { warehouse_id: string; merchant_id: string }) {
  if (!principal) return true;
  if (!canAccessWarehouse(principal, doc.warehouse_id)) return false;
  return !principal.merchantId || principal.merchantId === doc.merchant_id;
}

/** A document outside the caller's scope is reported as missing, never as forbidden. */
export function assertSeesDoc(
  principal: Principal | null,
  entity: string,
  doc: { id: string; warehouse_id: string; merchant_id: string } | undefined,
  id: string,
): asserts doc is NonNullable<typeof doc> {
  if (!doc || !canSeeDoc(principal, doc)) throw notFound(entity, id);
}

/** Who acts, when, and (for HTTP callers) whose documents they may touch. */
export interface WhContext {
  actor: Actor;
  now: Date;
  principal: Principal | null;
}
