import { systemActor } from '../../platform/auth/principal';
import { type Database, migrateToLatest, openDatabase } from '../../platform/db';
import { registerMessages } from '../../platform/i18n/i18n';
import { platformMessages } from '../../platform/i18n/platform.messages';
import { platformMigrations } from '../../platform/migrations';
import { catalogMessages } from './catalog.messages';
import { catalogMigrations } from './migrations';
import type { SkuInputDraft } from './sku.schemas';
import type { CatalogWriteContext, MerchantLookup } from './sku.service';

/** Helpers for the catalog's own tests (not a test file itself). */

export const MERCHANT_A = '0190c0de-0000-7000-8000-00000000000a';
export const MERCHANT_B = '0190c0de-0000-7000-8000-00000000000b';
export const MERCHANT_CODES: Record<string, string> = { XFSX: MERCHANT_A, YPJJ: MERCHANT_B };

export const fakeMerchants: MerchantLookup = {
  merchantExists: async (_db, id) => Object.values(MERCHANT_CODES).includes(id),
  merchantIdByCode: async (_db, code) => MERCHANT_CODES[code] ?? null,
};

/** A fresh in-memory PGlite with the platform and catalog schemas. */
export async function openCatalogTestDb(): Promise<Database> {
  registerMessages(platformMessages);
  registerMessages(catalogMessages);
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrateToLatest(database.db, { platform: platformMigrations, catalog: catalogMigrations });
  return database;
}

export const NOW = new Date('2026-11-22T08:00:00Z');

export function writeContext(overrides: Partial<CatalogWriteContext> = {}): CatalogWriteContext & {
  merchants: MerchantLookup;
} {
  return {
    actor: { id: null, name: 'tester', kind: 'user', requestId: 'req-1' },
    now: NOW,
    lang: 'en',
    merchantScope: null,
    merchants: fakeMerchants,
    ...overrides,
  };
}

export const seedActor = systemActor('test');

/** A valid chilled SKU; override what a test is about. */
export function skuDraft(overrides: Partial<SkuInputDraft & { merchantId: string }> = {}) {
  return {
    merchantId: MERCHANT_A,
    code: 'MILK-950',
    nameZh: '鲜牛奶 950毫升',
    nameEn: 'Fresh Milk 950 ml',
    barcodes: ['6901234567892'],
    unit: 'bottle' as const,
    weightG: 1010,
    lengthMm: 95,
    widthMm: 70,
    heightMm: 240,
    storageClass: 'chilled' as const,
    shelfLifeDays: 7,
    minRemainingShelfLifeDays: 4,
    ...overrides,
  };
}
