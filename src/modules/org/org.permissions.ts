import type { PermissionDef } from '../../platform/http/module';

export const orgPermissions: PermissionDef[] = [
  { code: 'org.user.read', nameZh: '查看用户', nameEn: 'View users', group: 'it' },
  {
    code: 'org.user.write',
    nameZh: '管理用户（新建、修改、重置密码、解锁）',
    nameEn: 'Manage users',
    group: 'it',
  },
  { code: 'org.role.read', nameZh: '查看角色与权限', nameEn: 'View roles and permissions', group: 'it' },
  { code: 'org.role.write', nameZh: '管理角色与权限', nameEn: 'Manage roles and permissions', group: 'it' },
  { code: 'org.merchant.write', nameZh: '管理商家客户', nameEn: 'Manage merchants', group: 'service' },
  { code: 'org.token.manage', nameZh: '管理接口令牌', nameEn: 'Manage API tokens', group: 'it' },
];

export interface DefaultRole {
  code: string;
  nameZh: string;
  nameEn: string;
  departmentCode: string | null;
  warehouseScoped?: boolean;
  merchantPortal?: boolean;
  /** Permission codes; `*` grants every permission in the catalogue. */
  permissions: string[];
}

/**
 * Default roles, from the duties of seed 000 §二 (and 003 for the complaint chain). A role is a
 * bundle of permissions; departments carry the duties, so each role names its department.
 */
export const defaultRoles: DefaultRole[] = [
  {
    code: 'it_admin',
    nameZh: '系统管理员',
    nameEn: 'IT administrator',
    departmentCode: 'it',
    permissions: ['*'],
  },
  {
    code: 'logistics_manager',
    nameZh: '物流经理',
    nameEn: 'Logistics manager',
    departmentCode: 'logistics',
    permissions: [
      'catalog.sku.read',
      'inventory.warehouse.read',
      'inventory.stock.read',
      'org.user.read',
      'org.role.read',
      'audit.read',
      'transport.route_plan.run',
    ],
  },
  {
    code: 'procurement_officer',
    nameZh: '采购专员',
    nameEn: 'Procurement officer',
    departmentCode: 'logistics',
    permissions: ['catalog.sku.read', 'catalog.sku.write', 'catalog.sku.import', 'inventory.warehouse.read'],
  },
  {
    code: 'finance_approver',
    nameZh: '财务审批人',
    nameEn: 'Finance approver',
    departmentCode: 'logistics',
    permissions: ['catalog.sku.read'],
  },
  {
    code: 'warehouse_manager',
    nameZh: '仓库主管',
    nameEn: 'Warehouse manager',
    departmentCode: 'warehouse',
    warehouseScoped: true,
    permissions: [
      'catalog.sku.read',
      'catalog.sku.write',
      'catalog.sku.import',
      'inventory.warehouse.read',
      'inventory.warehouse.write',
      'inventory.stock.read',
      'inventory.stock.write',
      'inventory.stock.adjust',
    ],
  },
  {
    code: 'warehouse_clerk',
    nameZh: '仓库管理员',
    nameEn: 'Warehouse clerk',
    departmentCode: 'warehouse',
    warehouseScoped: true,
    permissions: [
      'catalog.sku.read',
      'inventory.warehouse.read',
      'inventory.stock.read',
      'inventory.stock.write',
    ],
  },
  {
    code: 'dispatcher',
    nameZh: '调度员',
    nameEn: 'Dispatcher',
    departmentCode: 'transport',
    permissions: ['catalog.sku.read', 'inventory.warehouse.read', 'transport.route_plan.run'],
  },
  { code: 'driver', nameZh: '司机', nameEn: 'Driver', departmentCode: 'transport', permissions: [] },
  {
    code: 'cs_agent',
    nameZh: '客服专员',
    nameEn: 'Customer-service agent',
    departmentCode: 'service',
    permissions: ['catalog.sku.read'],
  },
  {
    code: 'branch_manager',
    nameZh: '分公司经理',
    nameEn: 'Branch manager',
    departmentCode: 'service',
    permissions: [
      'catalog.sku.read',
      'org.user.read',
      'org.role.read',
      'inventory.warehouse.read',
      'inventory.stock.read',
    ],
  },
  {
    code: 'cs_supervisor',
    nameZh: '总部客服主管',
    nameEn: 'HQ customer-service supervisor',
    departmentCode: 'service',
    permissions: ['catalog.sku.read', 'org.merchant.write', 'org.user.read', 'org.role.read', 'audit.read'],
  },
  {
    code: 'quality_analyst',
    nameZh: '质量分析员',
    nameEn: 'Quality analyst',
    departmentCode: 'quality',
    permissions: ['catalog.sku.read', 'inventory.warehouse.read', 'inventory.stock.read', 'audit.read'],
  },
  {
    code: 'merchant_user',
    nameZh: '商家用户',
    nameEn: 'Merchant user',
    departmentCode: null,
    merchantPortal: true,
    permissions: ['catalog.sku.read', 'catalog.sku.write', 'catalog.sku.import'],
  },
];
