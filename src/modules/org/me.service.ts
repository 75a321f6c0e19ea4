import { type Db, tablesOf } from '../../platform/db';
import { notFound } from '../../platform/lib/errors';
import { loadGrants } from './access.repo';
import type { OrgTables } from './org.tables';

export async function getMe(db: Db, userId: string) {
  const org = tablesOf<OrgTables>(db);
  const user = await org.selectFrom('org.user').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('user', userId);
  const [department, branch, merchant, grants, roles] = await Promise.all([
    user.department_id
      ? org.selectFrom('org.department').selectAll().where('id', '=', user.department_id).executeTakeFirst()
      : undefined,
    user.branch_id
      ? org.selectFrom('org.branch').selectAll().where('id', '=', user.branch_id).executeTakeFirst()
      : undefined,
    user.merchant_id
      ? org.selectFrom('org.merchant').selectAll().where('id', '=', user.merchant_id).executeTakeFirst()
      : undefined,
    loadGrants(db, userId),
    org
      .selectFrom('org.user_role as ur')
      .innerJoin('org.role as r', 'r.code', 'ur.role_code')
      .select(['r.code', 'r.name_zh', 'r.name_en'])
      .where('ur.user_id', '=', userId)
      .execute(),
  ]);
  return {
    id: user.id,
    username: user.username,
    displayName: user.display_name,
    locale: user.locale,
    department: department
      ? { id: department.id, code: department.code, nameZh: department.name_zh, nameEn: department.name_en }
      : null,
    branch: branch
      ? { id: branch.id, code: branch.code, nameZh: branch.name_zh, nameEn: branch.name_en }
      : null,
    merchant: merchant ? { id: merchant.id, code: merchant.code, name: merchant.name } : null,
    roles: roles.map((r) => ({ code: r.code, nameZh: r.name_zh, nameEn: r.name_en })),
    permissions: [...grants.permissions].sort(),
    warehouseIds: grants.warehouseScoped ? grants.warehouseIds : ('all' as const),
    mustChangePassword: user.must_change_password,
  };
}
