import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Authenticator } from '../auth/principal';
import type { Db } from '../db/database';
import { registerMessages } from '../i18n/i18n';
import { platformMessages } from '../i18n/platform.messages';
import { AppError } from '../lib/errors';
import { newId } from '../lib/ids';
import { libMessages } from '../lib/lib.messages';
import { registerAccess } from './access';
import { registerIdempotency } from './idempotency';
import { registerMetrics } from './metrics';
import type { PermissionDef, WaylineModule } from './module';
import { sendProblem, toProblem } from './problem';
import { registerTextGuard } from './text-guard';
import './types';

export interface AppOptions {
  db: Db;
  modules: WaylineModule[];
  /** Platform-level permissions (jobs, audit) in addition to the modules' own. */
  permissions: PermissionDef[];
  authenticator: Authenticator;
  now?: () => Date;
  logger?: Logger | false;
  /** Built console to serve at `/` (web/dist); skipped when missing. */
  webRoot?: string | null;
  /** Extra route plugins owned by the platform (jobs, audit search …). */
  platformRoutes?: Array<(app: FastifyInstance) => Promise<void>>;
  readiness?: () => Promise<{ ok: boolean; detail: Record<string, unknown> }>;
  version: string;
  /** Set on a demo install: the demo logins shown on the login page. */
  demo?: { users: Array<{ username: string; password: string; roleZh: string; roleEn: string }> } | null;
  bodyLimitBytes?: number;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger || undefined,
    logger: options.logger === false ? false : undefined,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : newId();
    },
    requestIdHeader: false,
    bodyLimit: options.bodyLimitBytes ?? 20 * 1024 * 1024,
    trustProxy: true,
  }) as unknown as FastifyInstance;

  registerMessages(platformMessages);
  registerMessages(libMessages);
  for (const m of options.modules) registerMessages(m.messages);

  const permissions = [...options.permissions, ...options.modules.flatMap((m) => m.permissions)];
  app.decorate('db', options.db);
  app.decorate('now', options.now ?? (() => new Date()));
  app.decorate('permissionCodes', new Set(permissions.map((p) => p.code)));

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Raw uploads (CSV, Excel) arrive as Buffers; JSON keeps Fastify's own parser.
  app.addContentTypeParser(
    [
      'text/csv',
      'application/octet-stream',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    { parseAs: 'buffer' },
    (_req, body, done) => done(null, body),
  );

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-request-id', request.id);
    return payload;
  });

  app.setErrorHandler((error, request, reply) => {
    const { status, problem } = toProblem(error, request);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else if (!(error instanceof AppError)) request.log.info({ code: problem.code }, 'client error');
    if (status === 429) reply.header('retry-after', '60');
    return sendProblem(reply, status, problem);
  });

  await app.register(fastifyCookie);

  registerAccess(app, options.authenticator);
  registerIdempotency(app);
  registerTextGuard(app);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Wayline API',
        version: options.version,
        description:
          'E-commerce logistics platform API. Errors are RFC 9457 problem+json with a stable `code` and, for ' +
          'bad input, an `issues` array (field, code, message). Messages follow `Accept-Language` (zh-CN default, en). ' +
          'Every POST honours `Idempotency-Key`. Lists use cursor pagination (`limit`, `cursor` → `nextCursor`).',
      },
      components: {
        securitySchemes: {
          cookieAuth: { type: 'apiKey', in: 'cookie', name: 'wayline_session' },
          bearerAuth: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });

  registerMetrics(app);
  registerHealth(app, options);

  await app.register(async (api) => {
    for (const routes of options.platformRoutes ?? []) await routes(api);
    for (const m of options.modules) if (m.routes) await m.routes(api);
  });

  registerConsole(app, options.webRoot ?? null);
  return app;
}

function registerHealth(app: FastifyInstance, options: AppOptions) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get('/healthz', { config: { permission: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }));
  typed.get(
    '/readyz',
    { config: { permission: 'public' }, schema: { hide: true } },
    async (_request, reply) => {
      const readiness = options.readiness ? await options.readiness() : { ok: true, detail: {} };
      reply.code(readiness.ok ? 200 : 503);
      return { status: readiness.ok ? 'ready' : 'not_ready', ...readiness.detail };
    },
  );
  typed.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  typed.get(
    '/api/meta',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['meta'],
        summary: 'Version and, on a demo install, the demo logins',
        response: {
          200: z.object({
            version: z.string(),
            demo: z.boolean(),
            demoUsers: z.array(
              z.object({
                username: z.string(),
                password: z.string(),
                roleZh: z.string(),
                roleEn: z.string(),
              }),
            ),
          }),
        },
      },
    },
    async () => ({ version: options.version, demo: !!options.demo, demoUsers: options.demo?.users ?? [] }),
  );
}

function registerConsole(app: FastifyInstance, webRoot: string | null) {
  const index = webRoot ? path.join(webRoot, 'index.html') : null;
  const hasConsole = !!index && fs.existsSync(index);
  if (hasConsole && webRoot) {
    void app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api') && hasConsole;
    if (isPage) {
      reply.header('cache-control', 'no-cache');
      return reply.type('text/html; charset=utf-8').send(fs.createReadStream(index!));
    }
    request.lang ??= 'zh-CN';
    const { status, problem } = toProblem(
      new AppError('not_found', 'route_not_found', { method: request.method, url: request.url }),
      request,
    );
    return sendProblem(reply, status, problem);
  });
}
