import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Authenticator, actorOf, type Principal } from '../auth/principal';
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
  const bearers = bearerCache(authenticator);
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
    request.principal = await identify(request, authenticator, bearers, app.now());
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

  // Tokens, users and roles change only through the organisation API: forget the cached bearers
  // once such a change is done, before its answer leaves.
  app.addHook('onSend', async (request, _reply, payload) => {
    if (!SAFE_METHODS.has(request.method) && request.url.startsWith('/api/org/')) bearers.forget();
    return payload;
  });
}

/**
 * Bearer principals for a moment: an integration calling many times a second is looked up (token,
 * owner, grants) once per window, not on every request. Any change through the organisation API
 * (revoking a token, a user, a role) empties the app's cache at once; other processes see such a
 * change within the window. Unknown tokens are never kept.
 */
const BEARER_CACHE_MS = 2_000;

function bearerCache(authenticator: Authenticator) {
  const cache = new Map<string, { principal: Promise<Principal | null>; until: number }>();
  return {
    forget: () => cache.clear(),
    async lookup(token: string, now: Date): Promise<Principal | null> {
      // Wall-clock time: the window is an operational matter, apart from the business clock (`now`).
      const at = performance.now();
      const hit = cache.get(token);
      if (hit && hit.until > at) return hit.principal;
      // Requests arriving together share one lookup.
      const principal = authenticator.fromBearer(token, now);
      if (cache.size >= 1000) cache.clear();
      cache.set(token, { principal, until: at + BEARER_CACHE_MS });
      const found = await principal.catch((error: unknown) => {
        cache.delete(token);
        throw error;
      });
      if (!found && cache.get(token)?.principal === principal) cache.delete(token);
      return found;
    },
  };
}

async function identify(
  request: FastifyRequest,
  authenticator: Authenticator,
  bearers: ReturnType<typeof bearerCache>,
  now: Date,
) {
  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const principal = await bearers.lookup(authorization.slice(7).trim(), now);
    // A bad bearer token is an error, not an anonymous request.
    if (!principal) throw new AppError('unauthenticated', 'unauthenticated');
    return principal;
  }
  const cookie = request.cookies?.[SESSION_COOKIE];
  if (cookie) return authenticator.fromSession(cookie, now);
  return null;
}
