/**
 * Catalog module (item master): SKUs with barcodes, units, dimensions, storage class, shelf life
 * and hazard class; CSV/xlsx import (as a job) and export. Other modules, web/ and tests import
 * only from here.
 */
export type { CatalogDeps, EnqueueJobInput } from './catalog.deps';
export {
  CATALOG_IMPORT_JOB,
  type CatalogImportPayload,
  type CatalogJobContext,
  type CatalogJobHandler,
  catalogJobHandlers,
  createCatalogJobHandlers,
} from './catalog.jobs';
export { catalogMessages } from './catalog.messages';
export {
  type CatalogModule,
  catalogPermissions,
  createCatalogModule,
  DEFAULT_DEMO_MERCHANT_CODES,
} from './catalog.module';
export { gtinCheckDigit, isValidGtin, withCheckDigit } from './gtin';
export { catalogMigrations } from './migrations';
export { createCatalogRoutes } from './sku.routes';
export {
  type Sku,
  type SkuCreateInput,
  type SkuInput,
  type SkuPatchInput,
  type SkuRecord,
  type SkuStats,
  STORAGE_CLASSES,
  type StorageClass,
  skuSchema,
  UNITS,
  type Unit,
} from './sku.schemas';
export { type DemoRange, type SeedMerchant, seedDemoSkus } from './sku.seed';
export {
  type CatalogWriteContext,
  createSku,
  getSku,
  listSkus,
  type MerchantLookup,
  skuStats,
  updateSku,
} from './sku.service';
export { SKU_COLUMNS } from './sku-columns';
export { exportSkus, type SheetFile, skuTemplate } from './sku-export.service';
export type { ImportIssue } from './sku-import.rows';
export {
  type CatalogImportOptions,
  type ImportResult,
  MAX_IMPORT_ROWS,
  runCatalogImport,
} from './sku-import.service';
export { type ImportFileOptions, importCatalogFile } from './sku-import-file.service';
export { getSkusByCodes, getSkusByIds } from './sku-lookup.service';
