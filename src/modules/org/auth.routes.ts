import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction, tablesOf } from '../../platform/db';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../platform/http/access';
import { AppError } from '../../platform/lib/errors';
import { type LoginPolicy, login } from './login.service';
import { getMe } from './me.service';
import { meSchema, okSchema } from './org.schemas';
import type { OrgTables } from './org.tables';
import { verifyPassword } from './password.service';
import { revokeSession } from './session.service';
import { changeOwnPassword } from './user.service';

export interface AuthRouteOptions {
  policy: LoginPolicy;
  secureCookies: boolean;
}

export function authRoutes(options: AuthRouteOptions) {
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const setCookies = (reply: FastifyReply, token: string, csrf: string, expires: Date) => {
      const base = { path: '/', sameSite: 'lax' as const, secure: options.secureCookies, expires };
      reply.setCookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
      reply.setCookie(CSRF_COOKIE, csrf, { ...base, httpOnly: false });
    };

    r.post(
      '/api/auth/login',
      {
        config: { permission: 'public' },
        schema: {
          tags: ['auth'],
          summary: 'Sign in; sets the session cookie and returns the CSRF token for the console',
          body: z.strictObject({
            username: z.string().min(1).max(100),
            password: z.string().min(1).max(200),
          }),
          response: { 200: z.object({ user: meSchema, csrfToken: z.string() }) },
        },
      },
      async (request, reply) => {
        const { userId, session } = await login(
          app.db,
          {
            username: request.body.username,
            password: request.body.password,
            ip: request.ip,
            userAgent: request.headers['user-agent'] ?? null,
            now: app.now(),
          },
          options.policy,
        );
        setCookies(reply, session.token, session.csrfToken, session.expiresAt);
        return { user: await getMe(app.db, userId), csrfToken: session.csrfToken };
      },
    );

    r.post(
      '/api/auth/logout',
      {
        config: { permission: 'authenticated' },
        schema: { tags: ['auth'], summary: 'Sign out (ends this session)', response: { 200: okSchema } },
      },
      async (request, reply) => {
        if (request.principal?.sessionId) await revokeSession(app.db, request.principal.sessionId, app.now());
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        reply.clearCookie(CSRF_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    r.get(
      '/api/auth/me',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: 'The signed-in user, roles and permissions',
          response: { 200: meSchema },
        },
      },
      async (request) => {
        const me = await getMe(app.db, request.principal!.userId);
        // A token sees only its own scope.
        return { ...me, permissions: [...request.principal!.permissions].sort() };
      },
    );

    r.post(
      '/api/auth/change-password',
      {
        config: { permission: 'authenticated' },
        schema: {
          tags: ['auth'],
          summary: 'Change one’s own password',
          body: z.strictObject({
            currentPassword: z.string().min(1).max(200),
            newPassword: z.string().min(1).max(200),
          }),
          response: { 200: okSchema },
        },
      },
      async (request) => {
        const userId = request.principal!.userId;
        const row = await tablesOf<OrgTables>(app.db)
          .selectFrom('org.user')
          .select('password_hash')
          .where('id', '=', userId)
          .executeTakeFirstOrThrow();
        if (!(await verifyPassword(row.password_hash, request.body.currentPassword))) {
          throw new AppError('bad_request', 'validation_failed', {}, [
            {
              field: 'body.currentPassword',
              code: 'org.wrong_current_password',
              message: 'org.wrong_current_password',
            },
          ]);
        }
        await inTransaction(app.db, (trx) =>
          changeOwnPassword(trx, request.actor, userId, request.body.newPassword, app.now()),
        );
        return { ok: true as const };
      },
    );
  };
}
