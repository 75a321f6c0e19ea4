import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inTransaction } from '../../platform/db';
import { businessDayOf } from '../../platform/time/calendar';
import { accessibleOrder, scopeOf } from './order.query';
import { withMerchantNames } from './order.views';
import { timeZoneOf } from './orders.deps';
import { returnDetail } from './returns.detail';
import { portalView } from './returns.portal';
import { listReturns } from './returns.query';
import { deadlineOf, RETURNABLE_ORDER, returnableLines, windowBasis } from './returns.rules';
import {
  orderIdParams,
  portalCreatedSchema,
  portalLookupBody,
  portalRequestBody,
  portalViewSchema,
  returnableSchema,
  returnCreateBody,
  returnDetailSchema,
  returnIdParams,
  returnListQuery,
  returnPageSchema,
} from './returns.schemas';
import { requestReturn } from './returns.service';
import { getReturnSettings, returnSettingsSchema, updateReturnSettings } from './returns.settings';
import { verifyConsumer } from './tracking.service';

const tags = ['orders: returns'];

export const returnContext = (app: FastifyInstance, request: FastifyRequest) => ({
  actor: request.actor,
  now: app.now(),
  principal: request.principal,
});

/** Returns and exchanges: the list, one return, raising one, the rules' settings, and the consumer portal. */
export async function returnRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const detail = async (request: FastifyRequest, id: string) =>
    (await withMerchantNames(app.db, [await returnDetail(app.db, id, scopeOf(request.principal))]))[0];

  r.get(
    '/api/returns',
    {
      config: { permission: 'orders.return.read' },
      schema: {
        tags,
        summary: 'List returns, newest first (merchants see their own; warehouse staff their warehouses’)',
        querystring: returnListQuery,
        response: { 200: returnPageSchema },
      },
    },
    async (request) => {
      const page = await listReturns(app.db, scopeOf(request.principal), request.query);
      return { items: await withMerchantNames(app.db, page.items), nextCursor: page.nextCursor };
    },
  );

  r.get(
    '/api/returns/settings',
    {
      config: { permission: 'orders.return.read' },
      schema: { tags, summary: 'Return rules: days allowed', response: { 200: returnSettingsSchema } },
    },
    async () => getReturnSettings(app.db),
  );

  r.put(
    '/api/returns/settings',
    {
      config: { permission: 'orders.settings.write' },
      schema: {
        tags,
        summary: 'Change the return rules',
        body: returnSettingsSchema.partial(),
        response: { 200: returnSettingsSchema },
      },
    },
    async (request) =>
      inTransaction(app.db, (trx) => updateReturnSettings(trx, request.body, request.actor, app.now())),
  );

  r.get(
    '/api/returns/orders/:orderId/returnable',
    {
      config: { permission: 'orders.return.read' },
      schema: {
        tags,
        summary: 'What of an order may still come back, and until when',
        params: orderIdParams,
        response: { 200: returnableSchema },
      },
    },
    async (request) => {
      const order = await accessibleOrder(app.db, request.params.orderId, scopeOf(request.principal));
      const tz = timeZoneOf();
      const [settings, basis, lines] = await Promise.all([
        getReturnSettings(app.db),
        windowBasis(app.db, order),
        returnableLines(app.db, order),
      ]);
      const shipped = RETURNABLE_ORDER.has(order.status);
      return {
        orderId: order.id,
        orderNumber: order.number,
        orderStatus: order.status,
        returnable: shipped && lines.some((l) => l.returnableQty > 0),
        windowBasis: basis.basis,
        windowBasisAt: basis.basisAt.toISOString(),
        deadline: deadlineOf(basis.basisAt, settings.windowDays, tz),
        defectDeadline: deadlineOf(basis.basisAt, settings.defectWindowDays, tz),
        today: businessDayOf(app.now(), tz),
        lines: lines.map(({ lots: _lots, receivedQty: _received, ...l }) => ({
          ...l,
          returnableQty: shipped ? l.returnableQty : 0,
        })),
      };
    },
  );

  r.get(
    '/api/returns/:id',
    {
      config: { permission: 'orders.return.read' },
      schema: {
        tags,
        summary: 'One return: lines, what came back and what was done with it, refund, history',
        params: returnIdParams,
        response: { 200: returnDetailSchema },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  r.post(
    '/api/returns',
    {
      config: { permission: 'orders.return.request' },
      schema: {
        tags,
        summary: 'Raise a return (RMA) for a shipped, in-transit or delivered order',
        description:
          'Checked against the rules: units per line at most shipped less already returned, within the days allowed ' +
          'for the reason, 七天无理由 only for goods not damaged and not perishable. Broken rules answer 422 with one ' +
          'field issue each.',
        body: returnCreateBody,
        response: { 201: returnDetailSchema },
      },
    },
    async (request, reply) => {
      const { orderId, ...input } = request.body;
      const order = await accessibleOrder(app.db, orderId, scopeOf(request.principal));
      const raisedVia = request.principal?.merchantId ? 'merchant' : 'service';
      const row = await inTransaction(app.db, (trx) =>
        requestReturn(trx, order.id, input, { ...returnContext(app, request), raisedVia }),
      );
      return reply.code(201).send(await detail(request, row.id));
    },
  );

  r.post(
    '/api/returns/portal/lookup',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['tracking'],
        summary: 'Consumer: what of my order may be returned (order number + last four digits of the phone)',
        description: 'Shares the tracking lookup’s attempt limits.',
        body: portalLookupBody,
        response: { 200: portalViewSchema },
      },
    },
    async (request) => {
      const order = await verifyConsumer(app.db, { ...request.body, ip: request.ip }, app.now());
      return portalView(app.db, order, app.now());
    },
  );

  r.post(
    '/api/returns/portal/requests',
    {
      config: { permission: 'public' },
      schema: {
        tags: ['tracking'],
        summary: 'Consumer: request a return (order number + last four digits of the phone)',
        body: portalRequestBody,
        response: { 201: portalCreatedSchema },
      },
    },
    async (request, reply) => {
      const { number, phoneLast4, ...input } = request.body;
      const order = await verifyConsumer(app.db, { number, phoneLast4, ip: request.ip }, app.now());
      const row = await inTransaction(app.db, (trx) =>
        requestReturn(trx, order.id, input, {
          actor: { ...request.actor, name: 'consumer' },
          now: app.now(),
          raisedVia: 'consumer',
        }),
      );
      return reply.code(201).send({ number: row.number, status: row.status, orderNumber: row.order_number });
    },
  );
}
