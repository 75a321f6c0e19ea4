import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db/transaction';
import { enqueueJob } from '../../platform/jobs';
import { AppError } from '../../platform/lib/errors';
import { listDeliveries, retryDelivery } from './delivery.query';
import { DELIVER_JOB } from './notify.handlers';
import {
  channelParams,
  channelSchema,
  channelsSchema,
  createEndpointBody,
  deliveryPage,
  deliveryQuery,
  deliverySchema,
  endpointListQuery,
  endpointSchema,
  endpointWithSecret,
  idParams,
  templateBody,
  templateKeyParams,
  templateSchema,
  updateEndpointBody,
} from './notify.schemas';
import { channelSettings, listTemplates, saveChannel, saveTemplate } from './notify.settings';
import { createEndpoint, deleteEndpoint, listEndpoints, updateEndpoint } from './webhook.service';

const tags = ['notifications'];
export const TEMPLATE_MANAGE = 'notifications.template.manage';
export const DELIVERY_READ = 'notifications.delivery.read';
export const DELIVERY_RETRY = 'notifications.delivery.retry';
export const WEBHOOK_MANAGE = 'notifications.webhook.manage';

function callerOf(request: FastifyRequest) {
  if (!request.principal) throw new AppError('unauthenticated', 'unauthenticated');
  return request.principal;
}

/** Templates and channels (customer service), merchants' webhooks and the delivery log. */
export async function notificationsRoutes(app: FastifyInstance): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.route({
    method: 'GET',
    url: '/api/notifications/templates',
    config: { permission: TEMPLATE_MANAGE },
    schema: {
      tags,
      summary: 'Message templates for every order milestone × channel (sms, email) × language',
      description:
        'Placeholders: {{orderNumber}}, {{consigneeName}}, {{promisedDate}}, {{carrier}}, {{waybillNo}}, ' +
        '{{trackingUrl}}, {{status}}, {{returnNumber}} (return events). `custom` is false while the built-in text is used.',
      response: { 200: z.object({ items: z.array(templateSchema), channels: channelsSchema }) },
    },
    handler: async () => ({ items: await listTemplates(app.db), channels: await channelSettings(app.db) }),
  });

  api.route({
    method: 'PUT',
    url: '/api/notifications/templates/:event/:channel/:lang',
    config: { permission: TEMPLATE_MANAGE },
    schema: {
      tags,
      summary: 'Replace one template (unknown placeholders are refused)',
      params: templateKeyParams,
      body: templateBody,
      response: { 200: templateSchema },
    },
    handler: async (request) =>
      inTransaction(app.db, (trx) =>
        saveTemplate(trx, request.params, request.body, request.actor, app.now()),
      ),
  });

  api.route({
    method: 'PUT',
    url: '/api/notifications/channels/:channel',
    config: { permission: TEMPLATE_MANAGE },
    schema: {
      tags,
      summary: 'Turn a consignee channel on or off and choose its language',
      params: channelParams,
      body: channelSchema,
      response: { 200: channelsSchema },
    },
    handler: async (request) => {
      await inTransaction(app.db, (trx) =>
        saveChannel(trx, request.params.channel, request.body, request.actor, app.now()),
      );
      return channelSettings(app.db);
    },
  });

  api.route({
    method: 'GET',
    url: '/api/notifications/webhooks',
    config: { permission: WEBHOOK_MANAGE },
    schema: {
      tags,
      summary: "Webhook endpoints (a merchant user sees its own merchant's only)",
      querystring: endpointListQuery,
      response: { 200: z.object({ items: z.array(endpointSchema) }) },
    },
    handler: async (request) => ({
      items: await listEndpoints(app.db, callerOf(request), request.query.merchantId),
    }),
  });

  api.route({
    method: 'POST',
    url: '/api/notifications/webhooks',
    config: { permission: WEBHOOK_MANAGE },
    schema: {
      tags,
      summary: 'Add a webhook endpoint; the signing secret is returned once',
      description:
        'Each order milestone of the merchant is POSTed as JSON `{id, type, createdAt, data}` with headers ' +
        '`Wayline-Event-Id`, `Wayline-Event` and `Wayline-Signature: t=<unix seconds>,v1=<hex>` where v1 is ' +
        'HMAC-SHA256(secret, "<t>.<raw body>"). Reject old timestamps to stop replays; the event id is stable ' +
        'across retries. Non-2xx answers are retried with exponential backoff (30 s doubling, 6 attempts); ' +
        'the endpoint is disabled after 20 consecutive failures.',
      body: createEndpointBody,
      response: { 201: endpointWithSecret },
    },
    handler: async (request, reply) => {
      const out = await inTransaction(app.db, (trx) =>
        createEndpoint(trx, callerOf(request), request.body, request.actor, app.now()),
      );
      reply.code(201);
      return out;
    },
  });

  api.route({
    method: 'PATCH',
    url: '/api/notifications/webhooks/:id',
    config: { permission: WEBHOOK_MANAGE },
    schema: {
      tags,
      summary: 'Change an endpoint: URL, events, enable/disable, rotate the secret (shown once)',
      params: idParams,
      body: updateEndpointBody,
      response: { 200: endpointWithSecret },
    },
    handler: async (request) =>
      inTransaction(app.db, (trx) =>
        updateEndpoint(trx, callerOf(request), request.params.id, request.body, request.actor, app.now()),
      ),
  });

  api.route({
    method: 'DELETE',
    url: '/api/notifications/webhooks/:id',
    config: { permission: WEBHOOK_MANAGE },
    schema: { tags, summary: 'Remove an endpoint', params: idParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await inTransaction(app.db, (trx) =>
        deleteEndpoint(trx, callerOf(request), request.params.id, request.actor, app.now()),
      );
      reply.code(204);
      return null;
    },
  });

  api.route({
    method: 'GET',
    url: '/api/notifications/deliveries',
    config: { permission: DELIVERY_READ },
    schema: {
      tags,
      summary: 'The delivery log, newest first (filter by order, merchant, status, channel)',
      description: 'Phones and e-mail addresses appear masked only.',
      querystring: deliveryQuery,
      response: { 200: deliveryPage },
    },
    handler: async (request) => listDeliveries(app.db, callerOf(request), request.query),
  });

  api.route({
    method: 'POST',
    url: '/api/notifications/deliveries/:id/retry',
    config: { permission: DELIVERY_RETRY },
    schema: {
      tags,
      summary: 'Send a failed or skipped notification again (queued as a job)',
      params: idParams,
      response: { 200: deliverySchema },
    },
    handler: async (request) =>
      inTransaction(app.db, async (trx) => {
        const view = await retryDelivery(trx, callerOf(request), request.params.id, request.actor, app.now());
        await enqueueJob(trx, { kind: DELIVER_JOB, payload: { eventId: view.eventId }, now: app.now() });
        return view;
      }),
  });
}
