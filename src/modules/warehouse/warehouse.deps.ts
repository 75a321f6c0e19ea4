import type { Db, Trx } from '../../platform/db';
import type { StorageClass } from '../inventory';

/** What warehouse operations need to know about a SKU (catalog module), in this module's terms. */
export interface WarehouseSku {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string | null;
  merchantId: string;
  /** GTINs as printed on the goods; a scan matches one of them or the SKU code. */
  barcodes: string[];
  weightG: number;
  lengthMm: number;
  widthMm: number;
  heightMm: number;
  storageClass: StorageClass;
  lotTracked: boolean;
  shelfLifeDays: number | null;
  minRemainingShelfLifeDays: number | null;
  active: boolean;
  /** UN hazard class of dangerous goods (packing keeps them away from food). */
  hazardClass?: string | null;
}

/**
 * What the warehouse module needs from other modules, injected by the composition root
 * (src/app/modules.ts) so it never imports their files: SKUs (catalog) and merchants (org). The
 * ledger itself is called through `modules/inventory/index.ts`.
 */
export interface WarehouseDeps {
  /** SKUs by id; unknown ids are absent from the map. */
  skusByIds(db: Db | Trx, ids: readonly string[]): Promise<Map<string, WarehouseSku>>;
  merchantExists(db: Db, merchantId: string): Promise<boolean>;
  merchantNames(db: Db, ids: string[]): Promise<Map<string, string>>;
}

let bound: WarehouseDeps | null = null;

/**
 * `createWarehouseModule(deps)` binds the lookups here so services, the demo seed and other
 * modules calling this index keep plain signatures. Only functions are kept — no data.
 */
export function bindWarehouseDeps(deps: WarehouseDeps): void {
  bound = {
    skusByIds: deps.skusByIds,
    merchantExists: deps.merchantExists,
    merchantNames: deps.merchantNames,
  };
}

export function warehouseDeps(): WarehouseDeps {
  if (!bound) throw new Error('warehouse: call createWarehouseModule(deps) before using it');
  return bound;
}

/** Volume of one unit in mm³. */
export const unitVolumeMm3 = (sku: Pick<WarehouseSku, 'lengthMm' | 'widthMm' | 'heightMm'>) =>
  sku.lengthMm * sku.widthMm * sku.heightMm;

/** Does a scanned code name this SKU (one of its barcodes, or its code)? */
export const scanMatchesSku = (sku: Pick<WarehouseSku, 'code' | 'barcodes'>, scanned: string) => {
  const s = scanned.trim();
  return s === sku.code || sku.barcodes.includes(s);
};
