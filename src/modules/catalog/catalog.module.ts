import { inTransaction } from '../../platform/db/transaction';
import type { PermissionDef, WaylineModule } from '../../platform/http/module';
import { bindMerchantLookup, type CatalogDeps } from './catalog.deps';
import { type CatalogJobHandler, createCatalogJobHandlers } from './catalog.jobs';
import { catalogMessages } from './catalog.messages';
import { catalogMigrations } from './migrations';
import { createCatalogRoutes } from './sku.routes';
import { type SeedMerchant, seedDemoSkus } from './sku.seed';

export const catalogPermissions: PermissionDef[] = [
  { code: 'catalog.sku.read', nameZh: '查看商品资料', nameEn: 'View SKUs', group: 'warehouse' },
  { code: 'catalog.sku.write', nameZh: '维护商品资料', nameEn: 'Create and edit SKUs', group: 'warehouse' },
  {
    code: 'catalog.sku.import',
    nameZh: '导入商品资料',
    nameEn: 'Import SKUs from files',
    group: 'warehouse',
  },
];

export const DEFAULT_DEMO_MERCHANT_CODES = ['FRESH', 'HOME'];

export interface CatalogModule extends WaylineModule {
  /** Handlers for the platform job queue, by job kind (`catalog.import`). */
  jobHandlers: Record<string, CatalogJobHandler>;
}

/** The catalog (item master): SKUs, barcodes, import/export. */
export function createCatalogModule(deps: CatalogDeps): CatalogModule {
  bindMerchantLookup(deps);
  return {
    name: 'catalog',
    migrations: catalogMigrations,
    permissions: catalogPermissions,
    messages: catalogMessages,
    routes: createCatalogRoutes(deps),
    jobHandlers: createCatalogJobHandlers(deps),
    async seedDemo(db, ctx) {
      const merchants: SeedMerchant[] = [];
      for (const code of deps.demoMerchantCodes ?? DEFAULT_DEMO_MERCHANT_CODES) {
        const id = await deps.merchantIdByCode(db, code);
        if (id) merchants.push({ id, code });
      }
      if (!merchants.length) {
        ctx.log('catalog: no demo merchants found, demo SKUs not seeded');
        return;
      }
      const created = await inTransaction(db, (trx) => seedDemoSkus(trx, { merchants, now: ctx.now }));
      if (created) ctx.log(`catalog: seeded ${created} demo SKUs`);
    },
  };
}
