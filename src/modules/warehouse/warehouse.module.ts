import type { FastifyInstance } from 'fastify';
import type { PermissionDef, WaylineModule } from '../../platform/http/module';
import { asnRoutes } from './asn.routes';
import { countPermissions } from './count.permissions';
import { countRoutes } from './count.routes';
import { kitPermissions } from './kit.permissions';
import { kitRoutes } from './kit.routes';
import * as createInbound from './migrations/2026_11_25_0300_create_inbound';
import * as createOutbound from './migrations/2026_11_26_0100_create_outbound';
import * as createCounts from './migrations/2026_11_26_0200_create_counts';
import * as createKits from './migrations/2026_11_26_0210_create_kits';
import * as abcBasis from './migrations/2026_12_10_0300_abc_basis';
import { bindOutboundDeps, type OutboundDeps } from './outbound.deps';
import { outboundEventHandlers } from './outbound.handlers';
import { outboundPermissions } from './outbound.permissions';
import { outboundRoutes } from './outbound.routes';
import { putawayRoutes } from './putaway.routes';
import { receiptRoutes } from './receipt.routes';
import { slottingPermissions } from './slotting.permissions';
import { slottingRoutes } from './slotting.routes';
import { bindWarehouseDeps, type WarehouseDeps } from './warehouse.deps';
import { warehouseMessages } from './warehouse.messages';
import { waveRoutes } from './wave.routes';

export const warehousePermissions: PermissionDef[] = [
  {
    code: 'warehouse.asn.read',
    nameZh: '查看到货通知',
    nameEn: 'View advance shipping notices',
    group: 'warehouse',
  },
  {
    code: 'warehouse.asn.write',
    nameZh: '发送与取消到货通知',
    nameEn: 'Send and cancel advance shipping notices',
    group: 'warehouse',
  },
  { code: 'warehouse.receipt.read', nameZh: '查看入库单', nameEn: 'View receipts', group: 'warehouse' },
  {
    code: 'warehouse.receipt.write',
    nameZh: '建立入库单、登记到货与单据、退供',
    nameEn: 'Create receipts, record arrival and documents, return to vendor',
    group: 'warehouse',
  },
  {
    code: 'warehouse.receipt.inspect',
    nameZh: '入库验收与签字',
    nameEn: 'Inspect receipts and sign them off',
    group: 'warehouse',
  },
  {
    code: 'warehouse.receipt.override',
    nameZh: '放行温度超标或保质期不足的货物',
    nameEn: 'Accept goods outside the temperature range or below the minimum shelf life',
    group: 'warehouse',
  },
  { code: 'warehouse.putaway', nameZh: '上架作业', nameEn: 'Put goods away', group: 'warehouse' },
  ...countPermissions,
  ...slottingPermissions,
  ...kitPermissions,
  ...outboundPermissions,
];

export const warehouseMigrations = {
  '2026_11_25_0300_create_inbound': createInbound,
  '2026_11_26_0100_create_outbound': createOutbound,
  '2026_11_26_0200_create_counts': createCounts,
  '2026_11_26_0210_create_kits': createKits,
  '2026_12_10_0300_abc_basis': abcBasis,
};

/**
 * Warehouse operations on top of the inventory ledger: inbound now (ASNs, receipts, inspection,
 * putaway, returns to the vendor); outbound and counts later. `deps` brings SKUs and merchants.
 */
export function createWarehouseModule(deps: WarehouseDeps & Partial<OutboundDeps>): WaylineModule {
  bindWarehouseDeps(deps);
  bindOutboundDeps(deps);
  return {
    name: 'warehouse',
    migrations: warehouseMigrations,
    permissions: warehousePermissions,
    messages: warehouseMessages,
    routes: async (app: FastifyInstance) => {
      await asnRoutes(app);
      await receiptRoutes(app);
      await putawayRoutes(app);
      await countRoutes(app);
      await slottingRoutes(app);
      await kitRoutes(app);
      await waveRoutes(app);
      await outboundRoutes(app);
    },
    // Released orders become outbound documents; cancelled ones leave the warehouse's work.
    eventHandlers: outboundEventHandlers,
  };
}
