import type { Actor, Principal, RouteAccess } from '../auth/principal';
import type { Db } from '../db/database';
import type { Lang } from '../i18n/i18n';
import type { OwnKey } from './idempotency';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Required on every /api route: a permission code, 'authenticated' or 'public'. */
    permission?: RouteAccess;
    /** 'own': the route writes its `Idempotency-Key` in its own transaction (see `OwnKey`). */
    idempotency?: 'own';
  }
  interface FastifyRequest {
    principal: Principal | null;
    lang: Lang;
    /** The actor to record on audit rows for this request. */
    actor: Actor;
    /** The request's `Idempotency-Key` (`own`: for a route that writes it itself). */
    idempotency: { id: string; own: OwnKey | null } | null;
  }
  interface FastifyInstance {
    db: Db;
    now: () => Date;
    permissionCodes: ReadonlySet<string>;
    /** Every /api route with the access it declares (for the permission walk and docs). */
    routeCatalogue: Array<{ method: string; url: string; permission: RouteAccess }>;
    /**
     * Answer a request left out of a route's work because another request holds its key (`OwnKeyTaken`):
     * the stored answer, a 422 or a 409; 'retry' when the holder crashed long ago and gave the key up.
     */
    answerTakenKey(
      request: FastifyRequest,
      reply: FastifyReply,
      own: OwnKey,
    ): Promise<FastifyReply | 'retry'>;
  }
}
