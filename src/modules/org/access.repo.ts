import { type Db, tablesOf } from '../../platform/db/database';
import type { OrgTables } from './org.tables';

export interface Grants {
  permissions: Set<string>;
  warehouseScoped: boolean;
  warehouseIds: string[];
  roleCodes: string[];
}

/** Roles, permissions and warehouse assignments of one user. */
export async function loadGrants(db: Db, userId: string): Promise<Grants> {
  const org = tablesOf<OrgTables>(db);
  const [roles, perms, warehouses] = await Promise.all([
    org
      .selectFrom('org.user_role as ur')
      .innerJoin('org.role as r', 'r.code', 'ur.role_code')
      .select(['r.code', 'r.warehouse_scoped'])
      .where('ur.user_id', '=', userId)
      .execute(),
    org
      .selectFrom('org.user_role as ur')
      .innerJoin('org.role_permission as rp', 'rp.role_code', 'ur.role_code')
      .select('rp.permission')
      .distinct()
      .where('ur.user_id', '=', userId)
      .execute(),
    org.selectFrom('org.user_warehouse').select('warehouse_id').where('user_id', '=', userId).execute(),
  ]);
  return {
    permissions: new Set(perms.map((p) => p.permission)),
    warehouseScoped: roles.some((r) => r.warehouse_scoped),
    warehouseIds: warehouses.map((w) => w.warehouse_id),
    roleCodes: roles.map((r) => r.code),
  };
}
