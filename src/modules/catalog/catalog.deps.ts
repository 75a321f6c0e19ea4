import type { Db } from '../../platform/db/database';
import type { Job } from '../../platform/jobs';
import type { MerchantLookup } from './sku.service';
import type { MerchantCodes } from './sku-export.service';

export interface EnqueueJobInput {
  kind: string;
  payload: unknown;
  createdBy: string | null;
  merchantId: string | null;
  now: Date;
}

/**
 * What the catalog needs from other modules, injected by the composition root so the catalog
 * never imports their files: merchants (org module) and the job queue (platform/jobs).
 */
export interface CatalogDeps extends MerchantLookup {
  merchantNames(db: Db, ids: string[]): Promise<Map<string, string>>;
  /** Optional: merchant codes for exports; without it exports carry merchant ids (imports accept both). */
  merchantCodes?: MerchantCodes;
  enqueueJob(db: Db, job: EnqueueJobInput): Promise<Job>;
  /**
   * Codes of the demo merchants the demo SKUs belong to: the first gets the fresh-food range,
   * the second the home and electronics range. Default `['FRESH', 'HOME']` (the org demo seed).
   */
  demoMerchantCodes?: string[];
}

let bound: MerchantLookup | null = null;

/**
 * `createCatalogModule(deps)` binds the merchant lookups here so the plain `catalogJobHandlers`
 * and `importCatalogFile` (used by the job runner and the CLI, which have no deps at hand) can
 * resolve merchant codes. Only functions are kept — no data — so every process behaves the same.
 */
export function bindMerchantLookup(lookup: MerchantLookup): void {
  bound = { merchantExists: lookup.merchantExists, merchantIdByCode: lookup.merchantIdByCode };
}

export function boundMerchantLookup(): MerchantLookup {
  if (!bound) throw new Error('catalog: call createCatalogModule(deps) before importing SKUs');
  return bound;
}
