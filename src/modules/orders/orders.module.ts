import type { FastifyInstance } from 'fastify';
import type { PermissionDef, WaylineModule } from '../../platform/http/module';
import type { JobHandler } from '../../platform/jobs';
import { deskRoutes } from './desk.routes';
import { exceptionRoutes } from './exception.routes';
import { importRoutes } from './import.routes';
import { ordersMigrations } from './migrations';
import { orderRoutes } from './order.routes';
import { seedDemoOrders } from './order.seed';
import { bindOrdersDeps, type OrdersDeps } from './orders.deps';
import { reservationLostHandler } from './orders.handlers';
import { ordersJobHandlers } from './orders.jobs';
import { ordersMessages } from './orders.messages';
import { returnActionRoutes } from './returns.actions.routes';
import { bindReturnsDeps, type ReturnsDeps } from './returns.deps';
import { returnsMessages } from './returns.messages';
import { returnsPermissions } from './returns.permissions';
import { returnRoutes } from './returns.routes';

export const ordersPermissions: PermissionDef[] = [
  { code: 'orders.order.read', nameZh: '查看订单', nameEn: 'View orders', group: 'service' },
  {
    code: 'orders.order.write',
    nameZh: '录入订单（接口、控制台）',
    nameEn: 'Enter orders (API, console)',
    group: 'service',
  },
  { code: 'orders.order.import', nameZh: '导入订单文件', nameEn: 'Import order files', group: 'service' },
  {
    code: 'orders.exception.handle',
    nameZh: '处理异常订单（改地址、改商品、拆单、放行、联系客户）',
    nameEn: 'Work the exception queue (fix, change, split, release, contact)',
    group: 'service',
  },
  {
    code: 'orders.order.cancel',
    nameZh: '取消订单、申请拦截',
    nameEn: 'Cancel orders and request intercepts',
    group: 'service',
  },
  {
    code: 'orders.order.allocate',
    nameZh: '分配库存、下发仓库',
    nameEn: 'Allocate orders and release them to warehouses',
    group: 'logistics',
  },
  {
    code: 'orders.order.fulfil',
    nameZh: '回传拣货、打包、发货与在途状态',
    nameEn: 'Report picking, packing, shipping and delivery',
    group: 'warehouse',
  },
  {
    code: 'orders.blocklist.manage',
    nameZh: '管理收货人黑名单',
    nameEn: 'Manage the consignee blocklist',
    group: 'service',
  },
  {
    code: 'orders.settings.write',
    nameZh: '设置订单时效、重复判定与送达时效表',
    nameEn: 'Set order desk SLAs, duplicate window and service levels',
    group: 'logistics',
  },
  ...returnsPermissions,
];

export interface OrdersModule extends WaylineModule {
  /** Handlers for the platform job queue: `orders.import`, `orders.allocate`. */
  jobHandlers: Record<string, JobHandler>;
}

/** Orders (OMS): intake, validation and the exception queue, allocation, lifecycle, tracking. */
export function createOrdersModule(deps: OrdersDeps & ReturnsDeps): OrdersModule {
  bindOrdersDeps(deps);
  bindReturnsDeps(deps);
  return {
    name: 'orders',
    migrations: ordersMigrations,
    permissions: ordersPermissions,
    messages: { ...ordersMessages, ...returnsMessages },
    routes: async (app: FastifyInstance) => {
      await orderRoutes(app);
      await exceptionRoutes(app);
      await deskRoutes(app);
      await importRoutes(app);
      await returnRoutes(app);
      await returnActionRoutes(app);
    },
    eventHandlers: [reservationLostHandler],
    jobHandlers: ordersJobHandlers,
    seedDemo: seedDemoOrders,
  };
}
