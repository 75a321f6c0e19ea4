import type { Selectable } from 'kysely';
import { recordAudit } from '../../platform/audit/audit';
import type { Actor, Principal } from '../../platform/auth/principal';
import { type Db, type Trx, tablesOf } from '../../platform/db';
import { AppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import type { OrgTables } from './org.tables';
import { randomToken, sha256 } from './session.service';

export interface TokenView {
  id: string;
  name: string;
  prefix: string;
  permissions: string[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const view = (r: Selectable<OrgTables['org.api_token']>): TokenView => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  permissions: r.permissions,
  createdAt: r.created_at.toISOString(),
  expiresAt: r.expires_at?.toISOString() ?? null,
  lastUsedAt: r.last_used_at?.toISOString() ?? null,
  revokedAt: r.revoked_at?.toISOString() ?? null,
});

export async function listTokens(db: Db, userId: string): Promise<TokenView[]> {
  const rows = await tablesOf<OrgTables>(db)
    .selectFrom('org.api_token')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(view);
}

/** A token's scope is a subset of its owner's permissions; the secret is shown once and stored hashed. */
export async function createToken(
  trx: Trx,
  actor: Actor,
  owner: Principal,
  input: { name: string; permissions: string[]; expiresAt?: string | null },
  now: Date,
): Promise<TokenView & { token: string }> {
  input.permissions.forEach((permission, index) => {
    if (!owner.permissions.has(permission)) {
      throw new AppError('bad_request', 'validation_failed', {}, [
        {
          field: `body.permissions.${index}`,
          code: 'org.token_scope_exceeds',
          message: 'org.token_scope_exceeds',
          params: { permission },
        },
      ]);
    }
  });
  const token = `wl_${randomToken(32)}`;
  const row = await tablesOf<OrgTables>(trx)
    .insertInto('org.api_token')
    .values({
      id: newId(),
      name: input.name,
      token_hash: sha256(token),
      prefix: token.slice(0, 10),
      user_id: owner.userId,
      permissions: [...new Set(input.permissions)],
      created_at: now,
      expires_at: input.expiresAt ? new Date(input.expiresAt) : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordAudit(
    trx,
    actor,
    {
      action: 'create',
      entity: 'api_token',
      entityId: row.id,
      summary: `token ${input.name}`,
      after: view(row),
    },
    now,
  );
  return { ...view(row), token };
}

export async function revokeToken(
  trx: Trx,
  actor: Actor,
  userId: string,
  id: string,
  now: Date,
): Promise<void> {
  const org = tablesOf<OrgTables>(trx);
  const row = await org
    .selectFrom('org.api_token')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) throw notFound('api_token', id);
  await org.updateTable('org.api_token').set({ revoked_at: now }).where('id', '=', id).execute();
  await recordAudit(
    trx,
    actor,
    { action: 'revoke', entity: 'api_token', entityId: id, summary: `token ${row.name}`, before: view(row) },
    now,
  );
}
