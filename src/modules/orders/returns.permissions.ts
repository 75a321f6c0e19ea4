import type { PermissionDef } from '../../platform/http/module';

/** Permissions of returns and exchanges (part of the orders module's catalogue). */
export const returnsPermissions: PermissionDef[] = [
  {
    code: 'orders.return.read',
    nameZh: '查看退换货',
    nameEn: 'View returns and exchanges',
    group: 'service',
  },
  {
    code: 'orders.return.request',
    nameZh: '发起或撤销退换货申请',
    nameEn: 'Raise or cancel return requests',
    group: 'service',
  },
  {
    code: 'orders.return.approve',
    nameZh: '审核退换货（同意、拒绝、预约上门取件或到仓退回）',
    nameEn: 'Approve or reject returns; book pickups or drop-offs',
    group: 'service',
  },
  {
    code: 'orders.return.receive',
    nameZh: '退货收货与质检（重新上架、质量冻结、报废）',
    nameEn: 'Receive and inspect returns (restock, hold, scrap)',
    group: 'warehouse',
  },
  {
    code: 'orders.return.settle',
    nameZh: '登记退款、换货补发与结案',
    nameEn: 'Record refunds, order replacements and close returns',
    group: 'service',
  },
];
