import type { Db } from '../../platform/db';
import type { StorageClass } from './location.service';

/** What the ledger needs to know about a SKU (catalog module), in inventory's own terms. */
export interface SkuFacts {
  id: string;
  code: string;
  merchantId: string;
  storageClass: StorageClass;
  lotTracked: boolean;
  shelfLifeDays: number | null;
  minRemainingShelfLifeDays: number | null;
}

/**
 * What inventory needs from other modules, injected by the composition root (src/app/modules.ts) so
 * inventory never imports their files. `skuFacts` throws the catalog's not-found error for an
 * unknown SKU.
 */
export interface InventoryDeps {
  skuFacts(db: Db, skuId: string): Promise<SkuFacts>;
  /** Many SKUs in one lookup; unknown ids are absent. Without it, `skuFactsMany` asks one by one. */
  skusFacts?(db: Db, skuIds: readonly string[]): Promise<ReadonlyMap<string, SkuFacts>>;
  /** The last posted count per bin × SKU × lot (warehouse module), for the audit's 账卡物 check. */
  lastCounts?(db: Db, warehouseIds: readonly string[] | null): Promise<LastCountFact[]>;
}

/** A bin × SKU × lot as last counted: found `countedQty` where the books said `bookQty` at `position`. */
export interface LastCountFact {
  warehouseId: string;
  binId: string;
  skuId: string;
  lotId: string | null;
  countId: string;
  countNumber: string;
  bookQty: number;
  countedQty: number;
  /** The highest movement id the book quantity included. */
  position: number;
}

let bound: InventoryDeps | null = null;

/**
 * `createInventoryModule(deps)` binds the lookups here, so the public ledger functions keep the
 * signature other modules call (`reserve(trx, input)`) without passing deps around. Only functions
 * are kept — no data — so every process behaves the same.
 */
export function bindInventoryDeps(deps: InventoryDeps): void {
  bound = { skuFacts: deps.skuFacts, skusFacts: deps.skusFacts, lastCounts: deps.lastCounts };
}

/** The bound deps, or null before `createInventoryModule` (a bare ledger in tests and benches). */
export const boundInventoryDeps = (): InventoryDeps | null => bound;

export function inventoryDeps(): InventoryDeps {
  if (!bound) throw new Error('inventory: call createInventoryModule(deps) before using the ledger');
  return bound;
}

/** The facts of many SKUs at once (one catalog query when the batch lookup is bound). */
export async function skuFactsMany(
  db: Db,
  skuIds: readonly string[],
): Promise<ReadonlyMap<string, SkuFacts>> {
  const deps = inventoryDeps();
  const unique = [...new Set(skuIds)];
  if (!unique.length) return new Map();
  if (deps.skusFacts) return deps.skusFacts(db, unique);
  const facts = new Map<string, SkuFacts>();
  for (const id of unique) facts.set(id, await deps.skuFacts(db, id));
  return facts;
}

/** Which zones may hold an item of each storage class (dispatch points take everything, briefly). */
export const ZONES_FOR_CLASS: Record<StorageClass, readonly StorageClass[]> = {
  ambient: ['ambient'],
  chilled: ['chilled'],
  frozen: ['frozen'],
  fragile: ['fragile'],
  hazardous: ['hazardous'],
};
