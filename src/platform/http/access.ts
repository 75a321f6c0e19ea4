import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Authenticator, actorOf } from '../auth/principal';
import { pickLanguage } from '../i18n/i18n';
import { AppError } from '../lib/errors';

export const SESSION_COOKIE = 'wayline_session';
export const CSRF_COOKIE = 'wayline_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Every route declares the access it needs in `config.permission`; a route without one, or naming
 * a permission missing from the catalogue, stops start-up. On each request: language, caller
 * (session cookie or bearer token), CSRF for cookie sessions, then the permission check — all
 * before the body is even validated, so a caller without access learns nothing about the input.
 */
export function registerAccess(app: FastifyInstance, authenticator: Authenticator): void {
  app.decorate('routeCatalogue', []);
  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (!url.startsWith('/api/') && !url.startsWith('/api')) return;
    if (url.startsWith('/api/docs')) return;
    const permission = route.config?.permission;
    if (!permission) {
      throw new Error(`Route ${route.method} ${url} does not declare config.permission`);
    }
    if (permission !== 'public' && permission !== 'authenticated' && !app.permissionCodes.has(permission)) {
      throw new Error(`Route ${route.method} ${url} requires unknown permission '${permission}'`);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeCatalogue.push({ method, url, permission });
    }
    if (route.schema && permission !== 'public') {
      const schema = route.schema as Record<string, unknown>;
      schema.security = [{ cookieAuth: [] }, { bearerAuth: [] }];
      const note =
        permission === 'authenticated' ? 'Any signed-in user.' : `Requires permission \`${permission}\`.`;
      schema.description = schema.description ? `${schema.description}\n\n${note}` : note;
    }
  });

  app.decorateRequest('principal', null);
  app.decorateRequest('lang', 'zh-CN');
  app.decorateRequest('actor', null as never);
  app.decorateRequest('idempotency', null);

  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.lang = pickLanguage(request.headers['accept-language']);
    const permission = request.routeOptions.config?.permission;
    // Public routes (health, login, docs) do not look the caller up: no database work for probes.
    if (!permission || permission === 'public') {
      request.actor = actorOf(null, String(request.id));
      return;
    }
    request.principal = await identify(request, authenticator, app.now());
    request.actor = actorOf(request.principal, String(request.id));

    const principal = request.principal;
    if (!principal) throw new AppError('unauthenticated', 'unauthenticated');
    if (principal.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || header !== principal.csrfToken)
        throw new AppError('forbidden', 'csrf_failed');
    }
    if (permission !== 'authenticated' && !principal.permissions.has(permission)) {
      throw new AppError('forbidden', 'forbidden', { permission });
    }
  });
}

async function identify(request: FastifyRequest, authenticator: Authenticator, now: Date) {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const principal = await authenticator.fromBearer(authorization.slice(7).trim(), now);
    // A bad bearer token is an error, not an anonymous request.
    if (!principal) throw new AppError('unauthenticated', 'unauthenticated');
    return principal;
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (cookie) return authenticator.fromSession(cookie, now);
  return null;
}
