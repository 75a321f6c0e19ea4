import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db';
import { acknowledgeAlert, alertCounts, listAlerts } from './alert.service';
import { scopeOf, tags } from './planning.http';
import { alertText } from './planning.labels';
import { ackBody, alertCountsSchema, alertPage, alertQuery, alertSchema } from './replenishment.schemas';

const idParams = z.object({ id: z.uuid() });

/** Alerts (预警): projected stock-outs, overstock, slow movers, near-expiry lots. */
export async function alertRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/planning/alerts',
    {
      config: { permission: 'planning.forecast.read' },
      schema: {
        tags,
        summary: 'Alerts, most severe first (default: open and acknowledged)',
        querystring: alertQuery,
        response: { 200: alertPage },
      },
    },
    async (request) => {
      const page = await listAlerts(app.db, request.query, scopeOf(request));
      return { ...page, items: page.items.map((a) => ({ ...a, message: alertText(request.lang, a) })) };
    },
  );

  api.get(
    '/api/planning/alerts/counts',
    {
      config: { permission: 'planning.forecast.read' },
      schema: { tags, summary: 'Open alerts by kind and severity', response: { 200: alertCountsSchema } },
    },
    async (request) => alertCounts(app.db, scopeOf(request)),
  );

  api.post(
    '/api/planning/alerts/:id/acknowledge',
    {
      config: { permission: 'planning.alert.ack' },
      schema: {
        tags,
        summary: 'Acknowledge an open alert (optionally saying what is being done)',
        params: idParams,
        body: ackBody,
        response: { 200: alertSchema },
      },
    },
    async (request) => {
      const alert = await inTransaction(app.db, (trx) =>
        acknowledgeAlert(trx, request.params.id, request.body.note ?? null, {
          actor: request.actor,
          now: app.now(),
          scope: scopeOf(request),
        }),
      );
      return { ...alert, message: alertText(request.lang, alert) };
    },
  );
}
