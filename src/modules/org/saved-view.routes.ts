import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db/transaction';
import { AppError } from '../../platform/lib/errors';
import { createSavedView, deleteSavedView, listSavedViews } from './saved-view.service';

const tags = ['org'];
const pageKey = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\/[a-z0-9-]+)*$/)
  .max(80)
  .describe('The console list, e.g. `orders` or `orders/exceptions`');
const viewSchema = z.object({
  id: z.string().uuid(),
  page: z.string(),
  name: z.string(),
  query: z.string().describe('URL query string of the list, without `?`'),
  shared: z.boolean(),
  mine: z.boolean(),
  ownerName: z.string(),
  createdAt: z.string(),
});

function userOf(request: FastifyRequest): string {
  const userId = request.principal?.userId;
  if (!userId) throw new AppError('unauthenticated', 'unauthenticated');
  return userId;
}

/** Saved views: named filter sets of a console list, personal or shared with everyone. */
export async function savedViewRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.route({
    method: 'GET',
    url: '/api/me/views',
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'My saved views of a list, and those others shared',
      querystring: z.object({ page: pageKey }),
      response: { 200: z.object({ items: z.array(viewSchema) }) },
    },
    handler: async (request) => ({
      items: await listSavedViews(
        app.db,
        userOf(request),
        request.principal?.merchantId ?? null,
        request.query.page,
      ),
    }),
  });

  api.route({
    method: 'POST',
    url: '/api/me/views',
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Save the current filters of a list under a name',
      description:
        'The query is kept as the list’s URL query string; opening the view applies it. The data shown ' +
        'is still limited by each viewer’s own permissions and warehouses, shared or not.',
      body: z.object({
        page: pageKey,
        name: z.string().trim().min(1).max(60),
        query: z
          .string()
          .max(2000)
          .transform((q) => q.replace(/^\?/, ''))
          .refine((q) => !/[\s#]/.test(q), { message: 'a URL query string' }),
        shared: z.boolean().default(false),
      }),
      response: { 201: viewSchema },
    },
    handler: async (request, reply) => {
      const view = await inTransaction(app.db, (trx) =>
        createSavedView(trx, userOf(request), request.body, { actor: request.actor, now: app.now() }),
      );
      return reply.code(201).send(view);
    },
  });

  api.route({
    method: 'DELETE',
    url: '/api/me/views/:id',
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Delete one of my saved views',
      params: z.object({ id: z.string().uuid() }),
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await inTransaction(app.db, (trx) =>
        deleteSavedView(trx, userOf(request), request.params.id, { actor: request.actor, now: app.now() }),
      );
      return reply.code(204).send(null);
    },
  });
}
