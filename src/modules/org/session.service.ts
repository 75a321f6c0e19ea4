import { createHash, randomBytes } from 'node:crypto';
import type { Authenticator, Principal } from '../../platform/auth/principal';
import { type Db, tablesOf } from '../../platform/db/database';
import { newId } from '../../platform/lib/ids';
import { loadGrants } from './access.repo';
import type { OrgTables } from './org.tables';

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

const TOUCH_EVERY_MS = 60_000;

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: Db,
  input: { userId: string; ip: string | null; userAgent: string | null; hours: number; now: Date },
): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(input.now.getTime() + input.hours * 3600_000);
  await tablesOf<OrgTables>(db)
    .insertInto('org.session')
    .values({
      id: newId(),
      token_hash: sha256(token),
      csrf_token: csrfToken,
      user_id: input.userId,
      created_at: input.now,
      expires_at: expiresAt,
      last_seen_at: input.now,
      ip: input.ip,
      user_agent: input.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await tablesOf<OrgTables>(db)
    .updateTable('org.session')
    .set({ revoked_at: now })
    .where('id', '=', sessionId)
    .execute();
}

export async function revokeUserSessions(db: Db, userId: string, now: Date): Promise<void> {
  await tablesOf<OrgTables>(db)
    .updateTable('org.session')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

async function principalFor(
  db: Db,
  user: { id: string; username: string; display_name: string; merchant_id: string | null },
  via: Principal['via'],
  extra: Pick<Principal, 'sessionId' | 'csrfToken' | 'tokenId'>,
  restrictTo: string[] | null,
): Promise<Principal> {
  const grants = await loadGrants(db, user.id);
  let permissions = grants.permissions;
  if (restrictTo) permissions = new Set(restrictTo.filter((p) => grants.permissions.has(p)));
  return {
    via,
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    permissions,
    merchantId: user.merchant_id,
    warehouseIds: grants.warehouseScoped ? grants.warehouseIds : 'all',
    ...extra,
  };
}

/** Resolves session cookies and bearer tokens to a principal. */
export function createAuthenticator(db: Db, options: { sessionHours: number }): Authenticator {
  const org = tablesOf<OrgTables>(db);
  return {
    async fromSession(token, now) {
      const row = await org
        .selectFrom('org.session as s')
        .innerJoin('org.user as u', 'u.id', 's.user_id')
        .select(['s.id as session_id', 's.csrf_token', 's.last_seen_at', 's.expires_at'])
        .select(['u.id', 'u.username', 'u.display_name', 'u.merchant_id'])
        .where('s.token_hash', '=', sha256(token))
        .where('s.revoked_at', 'is', null)
        .where('s.expires_at', '>', now)
        .where('u.active', '=', true)
        .executeTakeFirst();
      if (!row) return null;
      if (now.getTime() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
        // Sliding expiry: an active user stays signed in; an idle one is signed out after the session length.
        await org
          .updateTable('org.session')
          .set({ last_seen_at: now, expires_at: new Date(now.getTime() + options.sessionHours * 3600_000) })
          .where('id', '=', row.session_id)
          .execute();
      }
      return principalFor(
        db,
        row,
        'session',
        { sessionId: row.session_id, csrfToken: row.csrf_token, tokenId: null },
        null,
      );
    },
    async fromBearer(token, now) {
      if (!token.startsWith('wl_') || token.length > 200) return null;
      const row = await org
        .selectFrom('org.api_token as t')
        .innerJoin('org.user as u', 'u.id', 't.user_id')
        .select(['t.id as token_id', 't.permissions', 't.last_used_at'])
        .select(['u.id', 'u.username', 'u.display_name', 'u.merchant_id'])
        .where('t.token_hash', '=', sha256(token))
        .where('t.revoked_at', 'is', null)
        .where((eb) => eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', now)]))
        .where('u.active', '=', true)
        .executeTakeFirst();
      if (!row) return null;
      if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > TOUCH_EVERY_MS) {
        await org
          .updateTable('org.api_token')
          .set({ last_used_at: now })
          .where('id', '=', row.token_id)
          .execute();
      }
      // A token never carries more than its owner holds today.
      return principalFor(
        db,
        row,
        'token',
        { sessionId: null, csrfToken: null, tokenId: row.token_id },
        row.permissions,
      );
    },
  };
}
