import type { FastifyInstance } from 'fastify';
import type { PermissionDef, WaylineModule } from '../../platform/http/module';
import { binRoutes } from './bin.routes';
import { bindInventoryDeps, type InventoryDeps } from './inventory.deps';
import { inventoryMessages } from './inventory.messages';
import { locationRoutes } from './location.routes';
import * as createLocations from './migrations/2026_11_22_0300_create_locations';
import * as createStockLedger from './migrations/2026_11_23_0100_create_stock_ledger';
import * as createReserveFunction from './migrations/2026_11_24_0100_create_reserve_function';
import { stockRoutes } from './stock.routes';

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
];

export const inventoryMigrations = {
  '2026_11_22_0300_create_locations': createLocations,
  '2026_11_23_0100_create_stock_ledger': createStockLedger,
  '2026_11_24_0100_create_reserve_function': createReserveFunction,
};

/** Inventory: warehouses, zones, bins and the stock ledger. `deps` brings the SKU facts (catalog). */
export function createInventoryModule(deps: InventoryDeps): WaylineModule {
  bindInventoryDeps(deps);
  return {
    name: 'inventory',
    migrations: inventoryMigrations,
    permissions: inventoryPermissions,
    messages: inventoryMessages,
    routes: async (app: FastifyInstance) => {
      await locationRoutes(app);
      await binRoutes(app);
      await stockRoutes(app);
    },
  };
}
