import { recordAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import { type Db, type Trx, tablesOf } from '../../platform/db';
import { AppError, notFound } from '../../platform/lib/errors';
import { type DefaultRole, defaultRoles } from './org.permissions';
import type { OrgTables } from './org.tables';

export interface RoleView {
  code: string;
  nameZh: string;
  nameEn: string;
  departmentCode: string | null;
  warehouseScoped: boolean;
  merchantPortal: boolean;
  system: boolean;
  permissions: string[];
}

export async function listRoles(db: Db): Promise<RoleView[]> {
  const org = tablesOf<OrgTables>(db);
  const [roles, perms] = await Promise.all([
    org.selectFrom('org.role').selectAll().orderBy('department_code').orderBy('code').execute(),
    org.selectFrom('org.role_permission').selectAll().orderBy('permission').execute(),
  ]);
  return roles.map((r) => ({
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    departmentCode: r.department_code,
    warehouseScoped: r.warehouse_scoped,
    merchantPortal: r.merchant_portal,
    system: r.system,
    permissions: perms.filter((p) => p.role_code === r.code).map((p) => p.permission),
  }));
}

async function getRole(db: Db, code: string): Promise<RoleView> {
  const role = (await listRoles(db)).find((r) => r.code === code);
  if (!role) throw notFound('role', code);
  return role;
}

function checkPermissions(permissions: string[], catalogue: ReadonlySet<string>) {
  permissions.forEach((permission, index) => {
    if (!catalogue.has(permission)) {
      throw new AppError('bad_request', 'validation_failed', {}, [
        {
          field: `body.permissions.${index}`,
          code: 'org.unknown_permission',
          message: 'org.unknown_permission',
          params: { permission },
        },
      ]);
    }
  });
}

export interface RoleInput {
  nameZh: string;
  nameEn: string;
  departmentCode?: string | null;
  warehouseScoped?: boolean;
  merchantPortal?: boolean;
  permissions: string[];
}

export async function createRole(
  trx: Trx,
  actor: Actor,
  code: string,
  input: RoleInput,
  catalogue: ReadonlySet<string>,
  now: Date,
) {
  checkPermissions(input.permissions, catalogue);
  const org = tablesOf<OrgTables>(trx);
  const exists = await org.selectFrom('org.role').select('code').where('code', '=', code).executeTakeFirst();
  if (exists) throw new AppError('conflict', 'org.role_code_taken', { role: code });
  await org
    .insertInto('org.role')
    .values({
      code,
      name_zh: input.nameZh,
      name_en: input.nameEn,
      department_code: input.departmentCode ?? null,
      warehouse_scoped: input.warehouseScoped ?? false,
      merchant_portal: input.merchantPortal ?? false,
      system: false,
    })
    .execute();
  await setPermissions(trx, code, input.permissions);
  const after = await getRole(trx, code);
  await recordAudit(
    trx,
    actor,
    { action: 'create', entity: 'role', entityId: code, summary: `role ${code}`, after },
    now,
  );
  return after;
}

export async function updateRole(
  trx: Trx,
  actor: Actor,
  code: string,
  input: Pick<RoleInput, 'nameZh' | 'nameEn' | 'permissions'>,
  catalogue: ReadonlySet<string>,
  now: Date,
) {
  checkPermissions(input.permissions, catalogue);
  const before = await getRole(trx, code);
  await tablesOf<OrgTables>(trx)
    .updateTable('org.role')
    .set({ name_zh: input.nameZh, name_en: input.nameEn })
    .where('code', '=', code)
    .execute();
  await setPermissions(trx, code, input.permissions);
  const after = await getRole(trx, code);
  await recordAudit(
    trx,
    actor,
    { action: 'update', entity: 'role', entityId: code, summary: `role ${code}`, before, after },
    now,
  );
  return after;
}

async function setPermissions(trx: Trx, code: string, permissions: string[]) {
  const org = tablesOf<OrgTables>(trx);
  await org.deleteFrom('org.role_permission').where('role_code', '=', code).execute();
  const unique = [...new Set(permissions)];
  if (unique.length) {
    await org
      .insertInto('org.role_permission')
      .values(unique.map((permission) => ({ role_code: code, permission })))
      .execute();
  }
}

/**
 * Create the default roles and grant each default permission once. Runs at every start, so a
 * permission added by a new module reaches the roles meant to hold it, while a grant an admin
 * removed stays removed.
 */
export async function syncDefaultRoles(
  trx: Trx,
  catalogue: ReadonlySet<string>,
  roles: DefaultRole[] = defaultRoles,
) {
  const org = tablesOf<OrgTables>(trx);
  for (const role of roles) {
    await org
      .insertInto('org.role')
      .values({
        code: role.code,
        name_zh: role.nameZh,
        name_en: role.nameEn,
        department_code: role.departmentCode,
        warehouse_scoped: role.warehouseScoped ?? false,
        merchant_portal: role.merchantPortal ?? false,
        system: true,
      })
      .onConflict((oc) => oc.column('code').doNothing())
      .execute();
    const wanted = role.permissions.includes('*')
      ? [...catalogue]
      : role.permissions.filter((p) => catalogue.has(p));
    if (!wanted.length) continue;
    const applied = await org
      .selectFrom('org.role_default_applied')
      .select('permission')
      .where('role_code', '=', role.code)
      .execute();
    const fresh = wanted.filter((p) => !applied.some((a) => a.permission === p));
    if (!fresh.length) continue;
    await org
      .insertInto('org.role_permission')
      .values(fresh.map((permission) => ({ role_code: role.code, permission })))
      .onConflict((oc) => oc.columns(['role_code', 'permission']).doNothing())
      .execute();
    await org
      .insertInto('org.role_default_applied')
      .values(fresh.map((permission) => ({ role_code: role.code, permission })))
      .execute();
  }
}
