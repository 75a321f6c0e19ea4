import type { Selectable } from 'kysely';
import { recordAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import { containsPattern, type Db, isUniqueViolation, type Trx, tablesOf } from '../../platform/db';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { AppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import type { OrgTables } from './org.tables';
import { assertStrongPassword, hashPassword } from './password.service';
import { revokeUserSessions } from './session.service';

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  departmentId: string | null;
  branchId: string | null;
  merchantId: string | null;
  locale: string;
  roleCodes: string[];
  warehouseIds: string[];
  active: boolean;
  lockedUntil: string | null;
  lastLoginAt: string | null;
  mustChangePassword: boolean;
  version: number;
  createdAt: string;
}

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  email?: string | null;
  phone?: string | null;
  departmentId?: string | null;
  branchId?: string | null;
  merchantId?: string | null;
  locale?: 'zh-CN' | 'en';
  roleCodes: string[];
  warehouseIds?: string[];
}

export type UserPatch = Partial<Omit<UserInput, 'username' | 'password'>> & {
  active?: boolean;
  version?: number;
};

/** Checks the org module cannot make alone (warehouses live in the inventory module). */
export interface OrgDeps {
  missingWarehouses(db: Db, ids: string[]): Promise<string[]>;
}

type UserRow = Selectable<OrgTables['org.user']>;

async function toViews(db: Db, rows: UserRow[]): Promise<UserView[]> {
  if (!rows.length) return [];
  const org = tablesOf<OrgTables>(db);
  const ids = rows.map((r) => r.id);
  const [roles, warehouses] = await Promise.all([
    org.selectFrom('org.user_role').selectAll().where('user_id', 'in', ids).orderBy('role_code').execute(),
    org.selectFrom('org.user_warehouse').selectAll().where('user_id', 'in', ids).execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    email: r.email,
    phone: r.phone,
    departmentId: r.department_id,
    branchId: r.branch_id,
    merchantId: r.merchant_id,
    locale: r.locale,
    roleCodes: roles.filter((x) => x.user_id === r.id).map((x) => x.role_code),
    warehouseIds: warehouses.filter((x) => x.user_id === r.id).map((x) => x.warehouse_id),
    active: r.active,
    lockedUntil: r.locked_until?.toISOString() ?? null,
    lastLoginAt: r.last_login_at?.toISOString() ?? null,
    mustChangePassword: r.must_change_password,
    version: r.version,
    createdAt: r.created_at.toISOString(),
  }));
}

export async function listUsers(
  db: Db,
  query: {
    q?: string;
    departmentId?: string;
    branchId?: string;
    active?: boolean;
    limit: number;
    cursor?: string;
  },
) {
  let q = tablesOf<OrgTables>(db).selectFrom('org.user').selectAll();
  if (query.q) {
    const like = containsPattern(query.q);
    q = q.where((eb) =>
      eb.or([eb('username', 'ilike', like), eb('display_name', 'ilike', like), eb('email', 'ilike', like)]),
    );
  }
  if (query.departmentId) q = q.where('department_id', '=', query.departmentId);
  if (query.branchId) q = q.where('branch_id', '=', query.branchId);
  if (query.active !== undefined) q = q.where('active', '=', query.active);
  if (query.cursor) {
    const [username] = decodeCursor(query.cursor, 1);
    q = q.where('username', '>', String(username));
  }
  const rows = await q
    .orderBy('username')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.username]);
  return { items: await toViews(db, page.items), nextCursor: page.nextCursor };
}

export async function findUserIdByUsername(db: Db, username: string): Promise<string | null> {
  const row = await tablesOf<OrgTables>(db)
    .selectFrom('org.user')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function getUser(db: Db, id: string): Promise<UserView> {
  const row = await tablesOf<OrgTables>(db)
    .selectFrom('org.user')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('user', id);
  return (await toViews(db, [row]))[0];
}

/** Referential and role rules; issues point at the offending field. */
async function validateAssignment(
  trx: Trx,
  deps: OrgDeps,
  input: {
    departmentId?: string | null;
    branchId?: string | null;
    merchantId?: string | null;
    roleCodes: string[];
    warehouseIds: string[];
  },
) {
  const org = tablesOf<OrgTables>(trx);
  const issue = (field: string, code: string, params: Record<string, unknown> = {}) =>
    new AppError('bad_request', 'validation_failed', {}, [
      { field: `body.${field}`, code, message: code, params },
    ]);
  if (input.departmentId) {
    const found = await org
      .selectFrom('org.department')
      .select('id')
      .where('id', '=', input.departmentId)
      .executeTakeFirst();
    if (!found) throw issue('departmentId', 'org.unknown_department');
  }
  if (input.branchId) {
    const found = await org
      .selectFrom('org.branch')
      .select('id')
      .where('id', '=', input.branchId)
      .executeTakeFirst();
    if (!found) throw issue('branchId', 'org.unknown_branch');
  }
  if (input.merchantId) {
    const found = await org
      .selectFrom('org.merchant')
      .select('id')
      .where('id', '=', input.merchantId)
      .executeTakeFirst();
    if (!found) throw issue('merchantId', 'org.unknown_merchant');
  }
  const roles = input.roleCodes.length
    ? await org.selectFrom('org.role').selectAll().where('code', 'in', input.roleCodes).execute()
    : [];
  for (const code of input.roleCodes) {
    if (!roles.some((r) => r.code === code)) throw issue('roleCodes', 'org.unknown_role', { role: code });
  }
  for (const role of roles) {
    if (role.merchant_portal && !input.merchantId)
      throw issue('merchantId', 'org.merchant_role_needs_merchant');
    if (!role.merchant_portal && input.merchantId)
      throw issue('roleCodes', 'org.merchant_user_internal_role', { role: role.code });
    if (role.warehouse_scoped && input.warehouseIds.length === 0) {
      throw issue('warehouseIds', 'org.warehouse_role_needs_warehouse', { role: role.code });
    }
  }
  const missing = input.warehouseIds.length ? await deps.missingWarehouses(trx, input.warehouseIds) : [];
  if (missing.length) throw issue('warehouseIds', 'org.unknown_warehouse', { id: missing[0] });
}

async function replaceLinks(trx: Trx, userId: string, roleCodes: string[], warehouseIds: string[]) {
  const org = tablesOf<OrgTables>(trx);
  await org.deleteFrom('org.user_role').where('user_id', '=', userId).execute();
  await org.deleteFrom('org.user_warehouse').where('user_id', '=', userId).execute();
  const roles = [...new Set(roleCodes)];
  const warehouses = [...new Set(warehouseIds)];
  if (roles.length)
    await org
      .insertInto('org.user_role')
      .values(roles.map((role_code) => ({ user_id: userId, role_code })))
      .execute();
  if (warehouses.length) {
    await org
      .insertInto('org.user_warehouse')
      .values(warehouses.map((warehouse_id) => ({ user_id: userId, warehouse_id })))
      .execute();
  }
}

export async function createUser(
  trx: Trx,
  deps: OrgDeps,
  actor: Actor,
  input: UserInput,
  now: Date,
): Promise<UserView> {
  assertStrongPassword(input.password);
  const warehouseIds = input.warehouseIds ?? [];
  await validateAssignment(trx, deps, { ...input, warehouseIds });
  const id = newId();
  try {
    await tablesOf<OrgTables>(trx)
      .insertInto('org.user')
      .values({
        id,
        username: input.username,
        display_name: input.displayName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        password_hash: await hashPassword(input.password),
        department_id: input.departmentId ?? null,
        branch_id: input.branchId ?? null,
        merchant_id: input.merchantId ?? null,
        locale: input.locale ?? 'zh-CN',
        created_at: now,
        updated_at: now,
      })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'org.username_taken', { username: input.username }, [
        {
          field: 'body.username',
          code: 'org.username_taken',
          message: 'org.username_taken',
          params: { username: input.username },
        },
      ]);
    }
    throw error;
  }
  await replaceLinks(trx, id, input.roleCodes, warehouseIds);
  const view = await getUser(trx, id);
  await recordAudit(
    trx,
    actor,
    {
      action: 'create',
      entity: 'user',
      entityId: id,
      summary: `user ${input.username}`,
      after: view,
      merchantId: view.merchantId,
    },
    now,
  );
  return view;
}

export async function updateUser(
  trx: Trx,
  deps: OrgDeps,
  actor: Actor,
  id: string,
  patch: UserPatch,
  now: Date,
): Promise<UserView> {
  const before = await getUser(trx, id);
  if (patch.version !== undefined && patch.version !== before.version)
    throw new AppError('conflict', 'org.version_conflict');
  if (patch.active === false && actor.id === id) throw new AppError('conflict', 'org.cannot_lock_self');
  const next = {
    departmentId: patch.departmentId !== undefined ? patch.departmentId : before.departmentId,
    branchId: patch.branchId !== undefined ? patch.branchId : before.branchId,
    merchantId: patch.merchantId !== undefined ? patch.merchantId : before.merchantId,
    roleCodes: patch.roleCodes ?? before.roleCodes,
    warehouseIds: patch.warehouseIds ?? before.warehouseIds,
  };
  await validateAssignment(trx, deps, next);
  await tablesOf<OrgTables>(trx)
    .updateTable('org.user')
    .set((eb) => ({
      display_name: patch.displayName ?? before.displayName,
      email: patch.email !== undefined ? patch.email : before.email,
      phone: patch.phone !== undefined ? patch.phone : before.phone,
      department_id: next.departmentId,
      branch_id: next.branchId,
      merchant_id: next.merchantId,
      locale: patch.locale ?? before.locale,
      active: patch.active ?? before.active,
      updated_at: now,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
  await replaceLinks(trx, id, next.roleCodes, next.warehouseIds);
  if (patch.active === false) await revokeUserSessions(trx, id, now);
  const after = await getUser(trx, id);
  await recordAudit(
    trx,
    actor,
    {
      action: 'update',
      entity: 'user',
      entityId: id,
      summary: `user ${before.username}`,
      before,
      after,
      merchantId: after.merchantId,
    },
    now,
  );
  return after;
}

/** An admin sets a new password: all sessions end and the user must change it at next sign-in. */
export async function resetPassword(
  trx: Trx,
  actor: Actor,
  id: string,
  newPassword: string,
  now: Date,
): Promise<void> {
  assertStrongPassword(newPassword, 'body.newPassword');
  const before = await getUser(trx, id);
  await tablesOf<OrgTables>(trx)
    .updateTable('org.user')
    .set({
      password_hash: await hashPassword(newPassword),
      must_change_password: true,
      failed_logins: 0,
      locked_until: null,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  await revokeUserSessions(trx, id, now);
  await recordAudit(
    trx,
    actor,
    {
      action: 'reset_password',
      entity: 'user',
      entityId: id,
      summary: `password reset for ${before.username}`,
    },
    now,
  );
}

export async function unlockUser(trx: Trx, actor: Actor, id: string, now: Date): Promise<UserView> {
  const before = await getUser(trx, id);
  await tablesOf<OrgTables>(trx)
    .updateTable('org.user')
    .set({ locked_until: null, failed_logins: 0, updated_at: now })
    .where('id', '=', id)
    .execute();
  const after = await getUser(trx, id);
  await recordAudit(
    trx,
    actor,
    { action: 'unlock', entity: 'user', entityId: id, summary: `unlocked ${before.username}`, before, after },
    now,
  );
  return after;
}

export async function changeOwnPassword(
  trx: Trx,
  actor: Actor,
  userId: string,
  newPassword: string,
  now: Date,
): Promise<void> {
  assertStrongPassword(newPassword, 'body.newPassword');
  await tablesOf<OrgTables>(trx)
    .updateTable('org.user')
    .set({ password_hash: await hashPassword(newPassword), must_change_password: false, updated_at: now })
    .where('id', '=', userId)
    .execute();
  await recordAudit(
    trx,
    actor,
    { action: 'change_password', entity: 'user', entityId: userId, summary: 'password changed by its owner' },
    now,
  );
}
