import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, pageQuery } from '../../platform/http/pagination';
import { AppError } from '../../platform/lib/errors';
import { inboxSummary, listInbox, markAllRead, markRead, STAFF_SEVERITIES } from './staff.service';

const tags = ['notifications'];

const inboxItem = z.object({
  id: z.string().uuid(),
  topic: z.string().describe('The event it comes from, e.g. `planning.alert_raised`'),
  severity: z.enum(STAFF_SEVERITIES),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable().describe('Console path where it is acted on'),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

function userOf(request: FastifyRequest): string {
  const userId = request.principal?.userId;
  if (!userId) throw new AppError('unauthenticated', 'unauthenticated');
  return userId;
}

/** The signed-in user's inbox of staff notices (alerts to act on), behind the console's bell. */
export async function inboxRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.route({
    method: 'GET',
    url: '/api/me/inbox',
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'My notices, newest first, in the request language',
      description:
        'Staff are told about what they must act on — e.g. planning alerts (stock-out risk, overstock, ' +
        'near-expiry) for the warehouses they work in. Serious ones also go out by e-mail.',
      querystring: z.object({
        unread: z
          .enum(['true', 'false'])
          .optional()
          .transform((v) => v === 'true')
          .describe('Only unread ones'),
        ...pageQuery,
      }),
      response: { 200: pageOf(inboxItem) },
    },
    handler: async (request) => listInbox(app.db, userOf(request), request.query, request.lang ?? 'zh-CN'),
  });

  api.route({
    method: 'GET',
    url: '/api/me/inbox/summary',
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'How many of my notices are unread (all, and critical)',
      response: { 200: z.object({ unread: z.number().int(), critical: z.number().int() }) },
    },
    handler: async (request) => inboxSummary(app.db, userOf(request)),
  });

  api.route({
    method: 'POST',
    url: '/api/me/inbox/:id/read',
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Mark one of my notices read',
      params: z.object({ id: z.string().uuid() }),
      response: { 200: inboxItem },
    },
    handler: async (request) =>
      markRead(app.db, userOf(request), request.params.id, app.now(), request.lang ?? 'zh-CN'),
  });

  api.route({
    method: 'POST',
    url: '/api/me/inbox/read-all',
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Mark all my notices read',
      response: { 200: z.object({ marked: z.number().int() }) },
    },
    handler: async (request) => ({ marked: await markAllRead(app.db, userOf(request), app.now()) }),
  });
}
