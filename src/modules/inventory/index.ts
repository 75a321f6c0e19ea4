import type { WaylineModule } from '../../platform/http/module';
import { locationRoutes } from './location.routes';
import * as createLocations from './migrations/2026_11_22_0300_create_locations';

export { seedDemoWarehouses } from './inventory.seed';
export {
  listWarehouses,
  missingWarehouses,
  STORAGE_CLASSES,
  type StorageClass,
  type WarehouseView,
  warehouseIdsByCode,
} from './location.service';

/** Inventory: warehouses and zones today; the stock ledger, bins and operations grow here (issue 3). */
export const inventoryModule: WaylineModule = {
  name: 'inventory',
  migrations: { '2026_11_22_0300_create_locations': createLocations },
  permissions: [
    {
      code: 'inventory.warehouse.read',
      nameZh: '查看仓库与库区',
      nameEn: 'View warehouses and zones',
      group: 'warehouse',
    },
    {
      code: 'inventory.warehouse.write',
      nameZh: '管理仓库与库区',
      nameEn: 'Manage warehouses and zones',
      group: 'warehouse',
    },
  ],
  messages: {
    'inventory.warehouse_code_taken': {
      'zh-CN': '仓库编码 {code} 已存在。',
      en: 'Warehouse code {code} already exists.',
    },
    'inventory.zone_code_duplicate': {
      'zh-CN': '库区编码 {code} 重复。',
      en: 'Zone code {code} appears twice.',
    },
    'inventory.temp_range_inverted': {
      'zh-CN': '最高温度不能低于最低温度。',
      en: 'The maximum temperature is below the minimum.',
    },
  },
  routes: locationRoutes,
};
