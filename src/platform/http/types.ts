import type { Actor, Principal, RouteAccess } from '../auth/principal';
import type { Db } from '../db/database';
import type { Lang } from '../i18n/i18n';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every /api route: a permission code, 'authenticated' or 'public'. */
    permission?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
    lang: Lang;
    /** The actor to record on audit rows for this request. */
    actor: Actor;
    idempotency: { id: string } | null;
  }
  interface FastifyInstance {
    db: Db;
    now: () => Date;
    permissionCodes: ReadonlySet<string>;
    /** Every /api route with the access it declares (for the permission walk and docs). */
    routeCatalogue: Array<{ method: string; url: string; permission: RouteAccess }>;
  }
}
