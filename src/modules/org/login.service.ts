import { recordAudit } from '../../platform/audit/audit';
import { systemActor } from '../../platform/auth/principal';
import { type Db, inTransaction, tablesOf } from '../../platform/db';
import { AppError } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import type { OrgTables } from './org.tables';
import { burnVerification, verifyPassword } from './password.service';
import { createSession, type NewSession } from './session.service';

export interface LoginPolicy {
  maxFailures: number;
  lockMinutes: number;
  sessionHours: number;
  timeZone: string;
}

export interface LoginInput {
  username: string;
  password: string;
  ip: string;
  userAgent: string | null;
  now: Date;
}

/** Failed attempts from one address within the lock window before it is throttled. */
const IP_FAILURE_BUDGET = 30;

/**
 * Sign-in with lockout: `maxFailures` wrong passwords in a row lock the account for `lockMinutes`
 * (423); many failures from one address throttle that address (429). Unknown users cost the same
 * time as wrong passwords, so usernames cannot be probed.
 */
export async function login(
  db: Db,
  input: LoginInput,
  policy: LoginPolicy,
): Promise<{ userId: string; session: NewSession }> {
  const org = tablesOf<OrgTables>(db);
  const windowStart = new Date(input.now.getTime() - policy.lockMinutes * 60_000);
  const recent = await org
    .selectFrom('org.login_attempt')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', input.ip)
    .where('success', '=', false)
    .where('at', '>', windowStart)
    .executeTakeFirstOrThrow();
  if (Number(recent.n) >= IP_FAILURE_BUDGET) {
    throw new AppError('rate_limited', 'org.login_rate_limited', { minutes: policy.lockMinutes });
  }

  const attempt = (success: boolean) =>
    org
      .insertInto('org.login_attempt')
      .values({ id: newId(), at: input.now, ip: input.ip, username: input.username.slice(0, 100), success })
      .execute();

  const user = await org
    .selectFrom('org.user')
    .select(['id', 'password_hash', 'active', 'locked_until', 'failed_logins', 'username'])
    .where((eb) => eb(eb.fn('lower', ['username']), '=', input.username.toLowerCase()))
    .executeTakeFirst();
  if (!user) {
    await burnVerification(input.password);
    await attempt(false);
    throw new AppError('unauthenticated', 'org.invalid_credentials');
  }
  if (user.locked_until && user.locked_until > input.now) {
    await attempt(false);
    throw new AppError('locked', 'org.account_locked', {
      until: formatLocal(user.locked_until, policy.timeZone),
    });
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await attempt(false);
    const lockedUntil = await registerFailure(db, user.id, input.now, policy);
    if (lockedUntil) {
      throw new AppError('locked', 'org.account_locked', {
        until: formatLocal(lockedUntil, policy.timeZone),
      });
    }
    throw new AppError('unauthenticated', 'org.invalid_credentials');
  }
  if (!user.active) {
    await attempt(false);
    throw new AppError('forbidden', 'org.account_disabled');
  }
  await org
    .updateTable('org.user')
    .set({ failed_logins: 0, locked_until: null, last_login_at: input.now })
    .where('id', '=', user.id)
    .execute();
  await attempt(true);
  const session = await createSession(db, {
    userId: user.id,
    ip: input.ip,
    userAgent: input.userAgent,
    hours: policy.sessionHours,
    now: input.now,
  });
  return { userId: user.id, session };
}

async function registerFailure(db: Db, userId: string, now: Date, policy: LoginPolicy): Promise<Date | null> {
  return inTransaction(db, async (trx) => {
    const org = tablesOf<OrgTables>(trx);
    const row = await org
      .updateTable('org.user')
      .set((eb) => ({ failed_logins: eb('failed_logins', '+', 1) }))
      .where('id', '=', userId)
      .returning(['failed_logins', 'username'])
      .executeTakeFirstOrThrow();
    if (row.failed_logins < policy.maxFailures) return null;
    const until = new Date(now.getTime() + policy.lockMinutes * 60_000);
    await org
      .updateTable('org.user')
      .set({ locked_until: until, failed_logins: 0 })
      .where('id', '=', userId)
      .execute();
    await recordAudit(
      trx,
      systemActor('login-guard'),
      {
        action: 'lock',
        entity: 'user',
        entityId: userId,
        summary: `${row.username} locked after ${policy.maxFailures} failed sign-ins`,
        after: { lockedUntil: until.toISOString() },
      },
      now,
    );
    return until;
  });
}

export function formatLocal(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(at);
}
