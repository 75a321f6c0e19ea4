import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

export interface Grants {
  permissions: Set<string>;
  warehouseScoped: boolean;
  warehouseIds: string[];
  roleCodes: string[];
}

/** Roles, permissions and warehouse assignments of one user, in one round trip (every request needs them). */
export async function loadGrants(db: Db, userId: string): Promise<Grants> {
  const { rows } = await sql<{
    permissions: string[] | null;
    role_codes: string[] | null;
    warehouse_scoped: boolean | null;
    warehouse_ids: string[] | null;
  }>`
    select
      (select array_agg(distinct rp.permission) from org.user_role ur
         join org.role_permission rp on rp.role_code = ur.role_code where ur.user_id = ${userId}) as permissions,
      (select array_agg(ur.role_code order by ur.role_code) from org.user_role ur where ur.user_id = ${userId}) as role_codes,
      (select bool_or(r.warehouse_scoped) from org.user_role ur
         join org.role r on r.code = ur.role_code where ur.user_id = ${userId}) as warehouse_scoped,
      (select array_agg(uw.warehouse_id::text) from org.user_warehouse uw where uw.user_id = ${userId}) as warehouse_ids
  `.execute(db);
  const row = rows[0];
  return {
    permissions: new Set(row?.permissions ?? []),
    warehouseScoped: row?.warehouse_scoped ?? false,
    warehouseIds: row?.warehouse_ids ?? [],
    roleCodes: row?.role_codes ?? [],
  };
}
