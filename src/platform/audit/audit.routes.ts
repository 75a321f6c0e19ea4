import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pageOf, pageQuery } from '../http/pagination';
import { searchAudit } from './audit';

const record = z.object({
  id: z.uuid(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string(),
  actorKind: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  summary: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});

/** Search the audit log (IT and quality). */
export async function auditRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'Search the audit log of every change (who, when, what, before/after)',
        querystring: z.object({
          q: z.string().max(100).optional().describe('Text in the summary, actor, entity id or new values'),
          entity: z.string().max(60).optional(),
          entityId: z.string().max(100).optional(),
          actorId: z.uuid().optional(),
          action: z.string().max(40).optional(),
          from: z.iso.datetime({ offset: true }).optional(),
          to: z.iso.datetime({ offset: true }).optional(),
          ...pageQuery,
        }),
        response: { 200: pageOf(record) },
      },
    },
    async (request) => {
      const { from, to, ...rest } = request.query;
      return searchAudit(app.db, {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
    },
  );
}
