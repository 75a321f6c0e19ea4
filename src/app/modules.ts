import { createCatalogModule, getSku } from '../modules/catalog';
import { createInventoryModule, missingWarehouses } from '../modules/inventory';
import {
  createOrgModule,
  merchantCodes,
  merchantExists,
  merchantIdByCode,
  merchantNames,
} from '../modules/org';
import { createTransportModule } from '../modules/transport';
import type { Config } from '../platform/config/config';
import type { PermissionDef, WaylineModule } from '../platform/http/module';
import { enqueueJob, type JobHandler } from '../platform/jobs';

/** Permissions owned by the platform itself. */
export const platformPermissions: PermissionDef[] = [
  { code: 'audit.read', nameZh: '查看审计日志', nameEn: 'View the audit log', group: 'it' },
  {
    code: 'platform.job.read_all',
    nameZh: '查看所有后台任务',
    nameEn: 'View all background jobs',
    group: 'it',
  },
];

export interface Composition {
  /** Every domain module, in dependency order (a module may call only modules listed before it). */
  modules: WaylineModule[];
  /** Background job handlers by job kind. */
  jobHandlers: Record<string, JobHandler>;
}

export function createModules(
  config: Pick<Config, 'login' | 'sessionHours' | 'secureCookies' | 'timeZone'>,
): WaylineModule[] {
  return compose(config).modules;
}

export function compose(
  config: Pick<Config, 'login' | 'sessionHours' | 'secureCookies' | 'timeZone'>,
): Composition {
  const modules: WaylineModule[] = [];
  const allPermissions = () => [...platformPermissions, ...modules.flatMap((m) => m.permissions)];
  const org = createOrgModule({
    missingWarehouses,
    allPermissions,
    policy: {
      maxFailures: config.login.maxFailures,
      lockMinutes: config.login.lockMinutes,
      sessionHours: config.sessionHours,
      timeZone: config.timeZone,
    },
    secureCookies: config.secureCookies,
  });
  const catalog = createCatalogModule({
    merchantExists,
    merchantIdByCode,
    merchantNames,
    merchantCodes,
    enqueueJob,
  });
  // Inventory learns a SKU's storage class, lot tracking and shelf life from the catalog's index.
  const inventory = createInventoryModule({ skuFacts: (db, skuId) => getSku(db, skuId, null) });
  const transport = createTransportModule({ enqueueJob });
  modules.push(org, inventory, catalog, transport);
  return { modules, jobHandlers: { ...catalog.jobHandlers, ...transport.jobHandlers } };
}
