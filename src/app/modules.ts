import { createCatalogModule, getSku, getSkusByCodes, getSkusByIds, listSkus } from '../modules/catalog';
import {
  adjust,
  availableStock,
  createInventoryModule,
  listStock,
  listWarehouses,
  missingWarehouses,
  pick,
  receiveReturn,
  release,
  reservationLock,
  reserve,
  reserveMany,
  ship,
} from '../modules/inventory';
import { createNotificationsModule, notifyStaff } from '../modules/notifications';
import {
  consigneeGeoOf,
  createOrdersModule,
  markPacked,
  markShipped,
  ORDER_SHIPPED,
  type OrderShippedEvent,
  orderDetail,
  reallocateLost,
  recordPick,
} from '../modules/orders';
import {
  createOrgModule,
  merchantCodes,
  merchantExists,
  merchantIdByCode,
  merchantNames,
} from '../modules/org';
import { createPlanningModule } from '../modules/planning';
import { createTransportModule } from '../modules/transport';
import { createWarehouseModule, dispatchShipments, lastCounts, orderFactsVia } from '../modules/warehouse';
import type { Config } from '../platform/config/config';
import type { PermissionDef, WaylineModule } from '../platform/http/module';
import { type CpuPool, createCpuPool, enqueueJob, type JobHandler } from '../platform/jobs';

/** One worker-thread pool per process for CPU-heavy jobs, created on first use (idle threads exit). */
let cpuPool: CpuPool | null = null;
const sharedCpuPool = (): CpuPool => {
  cpuPool ??= createCpuPool();
  return cpuPool;
};

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
  /** Jobs that run once a day by themselves (registered at start-up, enqueued by the job runner). */
  schedules: Array<{ kind: string; atLocalTime: string; payload?: Record<string, unknown> }>;
}

export function createModules(
  config: Pick<Config, 'login' | 'sessionHours' | 'secureCookies' | 'timeZone' | 'webhookAllowPrivate'>,
): WaylineModule[] {
  return compose(config).modules;
}

export function compose(
  config: Pick<Config, 'login' | 'sessionHours' | 'secureCookies' | 'timeZone' | 'webhookAllowPrivate'>,
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
  const inventory = createInventoryModule({
    skuFacts: (db, skuId) => getSku(db, skuId, null),
    skusFacts: (db, skuIds) => getSkusByIds(db, skuIds, null),
    // The stock audit checks the ledger against each bin's last posted count (warehouse module).
    lastCounts,
  });
  // Orders take in, validate and allocate orders: SKUs from the catalog, stock and reservations from inventory.
  const orders = createOrdersModule({
    merchantExists,
    merchantIdByCode,
    merchantNames,
    listSkus,
    getSku,
    skusByCodes: getSkusByCodes,
    skusByIds: getSkusByIds,
    listWarehouses,
    availableStock,
    reserve,
    reserveMany,
    reservationLock,
    release,
    pick,
    ship,
    adjust,
    // Returns post inspected goods back into stock (restock, quality hold, scrap) on the ledger.
    receiveReturn,
    enqueueJob,
    timeZone: config.timeZone,
  });
  // Transport takes a plan's depot (location, name, address) from the inventory module's warehouses.
  const transport = createTransportModule({
    enqueueJob,
    listWarehouses,
    // Plans from a warehouse's shipments: ready documents (warehouse) and their consignees (orders).
    shipments: { shipments: dispatchShipments, consignees: consigneeGeoOf, timeZone: config.timeZone },
  });
  // Warehouse operations run on the inventory ledger and weigh goods with the catalog's SKUs.
  const warehouse = createWarehouseModule({
    skusByIds: (db, ids) => getSkusByIds(db, ids, null),
    merchantExists,
    merchantNames,
    // Outbound work reads the order and reports picks, shortages, packing and shipping to the order desk.
    orderFacts: orderFactsVia((db, id) =>
      orderDetail(db, id, { merchantId: null, warehouseIds: null }, 'zh-CN', new Date()),
    ),
    recordPick,
    reallocateLost,
    markPacked,
    markShipped,
    timeZone: config.timeZone,
  });
  // Planning reads SKUs (catalog) and stock (inventory) through their indexes; forecasts run on the pool.
  const planning = createPlanningModule({
    skus: async (db) => (await listSkus(db, { limit: 1_000_000 }, null)).items,
    skuById: (db, id) => getSku(db, id, null),
    listStock,
    listWarehouses,
    merchantCodes,
    merchantNames,
    enqueueJob,
    cpuPool: sharedCpuPool,
    timeZone: config.timeZone,
    // Alerts reach the planners' inboxes (and e-mail) through the notifications module.
    notifyStaff,
    // Demand history is kept from what the orders module ships (its `orders.order_shipped` event).
    demandEvents: [
      {
        topic: ORDER_SHIPPED,
        rows: (payload) => {
          const event = payload as Partial<OrderShippedEvent>;
          if (!event.day || !Array.isArray(event.lines)) return [];
          return event.lines.map((l) => ({
            skuId: l.skuId,
            warehouseId: l.warehouseId,
            day: event.day!,
            qty: l.qty,
          }));
        },
      },
    ],
  });
  // Notifications tell consignees and merchants about order milestones (the orders module's events).
  const notifications = createNotificationsModule({ allowPrivateWebhooks: config.webhookAllowPrivate });
  modules.push(org, inventory, catalog, orders, notifications, warehouse, transport, planning);
  return {
    modules,
    jobHandlers: {
      ...catalog.jobHandlers,
      ...orders.jobHandlers,
      ...notifications.jobHandlers,
      ...transport.jobHandlers,
      ...inventory.jobHandlers,
      ...planning.jobHandlers,
    },
    schedules: [...inventory.schedules, ...planning.schedules],
  };
}
