/** Permission codes the console checks (the server enforces them; the console only hides). */
export const PERM = {
  skuRead: 'catalog.sku.read',
  skuWrite: 'catalog.sku.write',
  skuImport: 'catalog.sku.import',
  userRead: 'org.user.read',
  userWrite: 'org.user.write',
  roleRead: 'org.role.read',
  roleWrite: 'org.role.write',
  tokenManage: 'org.token.manage',
  auditRead: 'audit.read',
  warehouseRead: 'inventory.warehouse.read',
  stockRead: 'inventory.stock.read',
} as const;

export type PermissionCode = (typeof PERM)[keyof typeof PERM];
