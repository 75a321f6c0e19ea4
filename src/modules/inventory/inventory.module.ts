import type { FastifyInstance } from 'fastify';
import type { PermissionDef, WaylineModule } from '../../platform/http/module';
import { binRoutes } from './bin.routes';
import { coldChainPermissions } from './coldchain.permissions';
import { inventoryJobHandlers, inventorySchedules } from './expiry.jobs';
import { expiryRoutes } from './expiry.routes';
import { incidentRoutes } from './incident.routes';
import { bindInventoryDeps, type InventoryDeps } from './inventory.deps';
import { inventoryMessages } from './inventory.messages';
import { locationRoutes } from './location.routes';
import * as createLocations from './migrations/2026_11_22_0300_create_locations';
import * as createStockLedger from './migrations/2026_11_23_0100_create_stock_ledger';
import * as createReserveFunction from './migrations/2026_11_24_0100_create_reserve_function';
import * as createColdChain from './migrations/2026_11_25_0200_create_cold_chain';
import * as reserveLinesIndexPath from './migrations/2026_12_03_0100_reserve_lines_index_path';
import * as holdLineMissing from './migrations/2026_12_10_0100_hold_line_missing';
import * as reserveLinesLean from './migrations/2026_12_10_0200_reserve_lines_lean';
import * as reserveLine from './migrations/2026_12_11_0100_reserve_line';
import * as reserveOrders from './migrations/2026_12_13_0100_reserve_orders';
import * as dropReserveOrders from './migrations/2026_12_14_0100_drop_reserve_orders';
import { qualityHoldRoutes } from './quality-hold.routes';
import { stockRoutes } from './stock.routes';
import { temperatureRoutes } from './temperature.routes';

export const inventoryPermissions: PermissionDef[] = [
  {
    code: 'inventory.warehouse.read',
    nameZh: '查看仓库、库区与库位',
    nameEn: 'View warehouses, zones and bins',
    group: 'warehouse',
  },
  {
    code: 'inventory.warehouse.write',
    nameZh: '管理仓库、库区与库位',
    nameEn: 'Manage warehouses, zones and bins',
    group: 'warehouse',
  },
  {
    code: 'inventory.stock.read',
    nameZh: '查看库存与库存流水',
    nameEn: 'View stock and the ledger',
    group: 'warehouse',
  },
  {
    code: 'inventory.stock.write',
    nameZh: '收货、移库、预留与释放库存',
    nameEn: 'Receive, move, reserve and release stock',
    group: 'warehouse',
  },
  {
    code: 'inventory.stock.adjust',
    nameZh: '库存调整（盘盈盘亏、报废）',
    nameEn: 'Adjust stock (variances, write-offs)',
    group: 'warehouse',
  },
  ...coldChainPermissions,
];

export const inventoryMigrations = {
  '2026_11_22_0300_create_locations': createLocations,
  '2026_11_23_0100_create_stock_ledger': createStockLedger,
  '2026_11_24_0100_create_reserve_function': createReserveFunction,
  '2026_11_25_0200_create_cold_chain': createColdChain,
  '2026_12_03_0100_reserve_lines_index_path': reserveLinesIndexPath,
  '2026_12_10_0100_hold_line_missing': holdLineMissing,
  '2026_12_10_0200_reserve_lines_lean': reserveLinesLean,
  '2026_12_11_0100_reserve_line': reserveLine,
  '2026_12_13_0100_reserve_orders': reserveOrders,
  '2026_12_14_0100_drop_reserve_orders': dropReserveOrders,
};

/** Inventory: warehouses, zones, bins and the stock ledger. `deps` brings the SKU facts (catalog). */
export function createInventoryModule(deps: InventoryDeps): WaylineModule & {
  /** Background jobs (the daily expiry run) and their daily schedules. */
  jobHandlers: typeof inventoryJobHandlers;
  schedules: typeof inventorySchedules;
} {
  bindInventoryDeps(deps);
  return {
    name: 'inventory',
    jobHandlers: inventoryJobHandlers,
    schedules: inventorySchedules,
    migrations: inventoryMigrations,
    permissions: inventoryPermissions,
    messages: inventoryMessages,
    routes: async (app: FastifyInstance) => {
      await locationRoutes(app);
      await binRoutes(app);
      await stockRoutes(app);
      await expiryRoutes(app);
      await temperatureRoutes(app);
      await qualityHoldRoutes(app);
      await incidentRoutes(app);
    },
  };
}
