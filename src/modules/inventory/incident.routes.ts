import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inTransaction } from '../../platform/db';
import { forbidden } from '../../platform/lib/errors';
import { idParams } from './coldchain.schemas';
import { incidentBody, incidentPage, incidentQuery, incidentSchema } from './incident.schemas';
import { cancelIncident, createIncident, getIncident, listIncidents, postIncident } from './incident.service';

const tags = ['inventory'];
export const POST_INCIDENT = 'inventory.incident.post';

export async function incidentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (request: FastifyRequest) => ({
    actor: request.actor,
    now: app.now(),
    principal: request.principal,
  });

  r.get(
    '/api/inventory/incidents',
    {
      config: { permission: 'inventory.incident.read' },
      schema: {
        tags,
        summary: 'Safety incidents (damage, loss, theft, fire), newest first',
        querystring: incidentQuery,
        response: { 200: incidentPage },
      },
    },
    async (request) => listIncidents(app.db, request.principal, request.query),
  );
  r.get(
    '/api/inventory/incidents/:id',
    {
      config: { permission: 'inventory.incident.read' },
      schema: {
        tags,
        summary: 'One incident with its stock lines',
        params: idParams,
        response: { 200: incidentSchema },
      },
    },
    async (request) => getIncident(app.db, request.principal, request.params.id),
  );
  r.post(
    '/api/inventory/incidents',
    {
      config: { permission: 'inventory.incident.write' },
      schema: {
        tags,
        summary: 'Record an incident (draft), or record and post it at once with `post: true`',
        description:
          'Posting writes one write-off movement per line in the same transaction — `scrap` for damage and ' +
          'fire, `adjust` (out) for loss and theft — and needs `inventory.incident.post` too.',
        body: incidentBody,
        response: { 201: incidentSchema },
      },
    },
    async (request, reply) => {
      const { post, ...input } = request.body;
      if (post && !request.principal?.permissions.has(POST_INCIDENT))
        throw forbidden('forbidden', { permission: POST_INCIDENT });
      const view = await inTransaction(app.db, async (trx) => {
        const row = await createIncident(trx, input, ctx(request));
        if (post) await postIncident(trx, row.id, ctx(request));
        return getIncident(trx, null, row.id);
      });
      return reply.code(201).send(view);
    },
  );
  r.post(
    '/api/inventory/incidents/:id/post',
    {
      config: { permission: POST_INCIDENT },
      schema: {
        tags,
        summary: 'Post a draft incident: write off its stock lines (all or none)',
        params: idParams,
        response: { 200: incidentSchema },
      },
    },
    async (request) =>
      inTransaction(app.db, async (trx) => {
        await postIncident(trx, request.params.id, ctx(request));
        return getIncident(trx, null, request.params.id);
      }),
  );
  r.post(
    '/api/inventory/incidents/:id/cancel',
    {
      config: { permission: 'inventory.incident.write' },
      schema: {
        tags,
        summary: 'Cancel a draft incident',
        params: idParams,
        response: { 200: incidentSchema },
      },
    },
    async (request) =>
      inTransaction(app.db, async (trx) => {
        await cancelIncident(trx, request.params.id, ctx(request));
        return getIncident(trx, null, request.params.id);
      }),
  );
}
