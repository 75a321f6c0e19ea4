import type { PermissionDef } from '../../platform/http/module';

/** Kitting / late customisation work orders (延迟策略). */
export const kitPermissions: PermissionDef[] = [
  {
    code: 'warehouse.kit.read',
    nameZh: '查看套件与加工单',
    nameEn: 'View kits and work orders',
    group: 'warehouse',
  },
  {
    code: 'warehouse.kit.plan',
    nameZh: '定义套件、下达与关闭加工单',
    nameEn: 'Define kits, plan and close work orders',
    group: 'warehouse',
  },
  {
    code: 'warehouse.kit.execute',
    nameZh: '执行加工（开工、报完工）',
    nameEn: 'Do kitting work (start, record kits made)',
    group: 'warehouse',
  },
];
