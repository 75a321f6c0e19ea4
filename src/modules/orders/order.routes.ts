import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db';
import { OwnKeyTaken, type StoredAnswer } from '../../platform/http/idempotency';
import { answerStringifier } from '../../platform/http/json-answer';
import { AppError } from '../../platform/lib/errors';
import { allocateOrder } from './allocation.service';
import {
  cancelOrder,
  markJourney,
  markPacked,
  markShipped,
  pickAllocated,
  recordPick,
} from './fulfilment.service';
import { type ApiContext, createOrderBatch, type IntakeKey } from './order.create';
import { detailView, orderDetail } from './order.detail';
import { type Placed, placeOrder } from './order.group';
import { orderInput } from './order.input';
import { accessibleOrder, exceptionSummary, listOrders, scopeOf } from './order.query';
import { releaseToWarehouse } from './order.release';
import {
  actionReplySchema,
  batchBody,
  batchReplySchema,
  exceptionSummarySchema,
  idParams,
  intakeReplySchema,
  orderDetailSchema,
  orderListQuery,
  orderPageSchema,
} from './order.schemas';
import type { StateContext } from './order.state';
import { actionReply, withMerchantNames } from './order.views';
import { getSettings } from './orders.settings';
import { reallocateLost } from './reallocation.service';

const tags = ['orders'];
const JSON_TYPE = 'application/json; charset=utf-8';
/** The placement's answer, rendered by the route itself (inside the order's transaction, mostly). */
const intakeReply = answerStringifier(intakeReplySchema);

/** An answer already rendered (and stored with its Idempotency-Key), sent as it is. */
const sendStored = (reply: FastifyReply, answer: StoredAnswer) =>
  reply.code(answer.status).type(answer.type).send(answer.body);

export const apiContext = (
  app: FastifyInstance,
  request: FastifyRequest,
  source: ApiContext['source'] = 'api',
): ApiContext => ({
  actor: request.actor,
  now: app.now(),
  lang: request.lang,
  merchantScope: request.principal?.merchantId ?? null,
  source,
});

export const stateContext = (app: FastifyInstance, request: FastifyRequest): StateContext => ({
  actor: request.actor,
  now: app.now(),
});

const fulfilmentBody = z.discriminatedUnion('event', [
  z.strictObject({
    event: z.literal('pick'),
    skuId: z.uuid(),
    binId: z.uuid(),
    lotId: z.uuid().nullable().optional(),
    qty: z.number().int().min(1).max(1_000_000),
  }),
  z.strictObject({ event: z.literal('pick_all') }),
  z.strictObject({ event: z.literal('packed'), note: z.string().trim().max(500).optional() }),
  z.strictObject({
    event: z.literal('shipped'),
    carrier: z.string().trim().max(60).optional(),
    waybillNo: z.string().trim().max(60).optional(),
  }),
  z.strictObject({
    event: z.enum(['in_transit', 'delivered', 'returned']),
    note: z.string().trim().max(500).optional(),
  }),
]);

export async function orderRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const detail = async (request: FastifyRequest, id: string) =>
    (
      await withMerchantNames(app.db, [
        await orderDetail(app.db, id, scopeOf(request.principal), request.lang, app.now()),
      ])
    )[0];

  r.post(
    '/api/orders',
    {
      // The Idempotency-Key is written with the order, in its transaction (and the answer with it).
      config: { permission: 'orders.order.write', idempotency: 'own' },
      schema: {
        tags,
        summary:
          'Take in one order from a channel (validated, and allocated when the desk allocates automatically)',
        description:
          'A channel order already taken in (same merchant, channel and `externalNo`) is not duplicated: the stored ' +
          'order comes back with 200 and `resent: true`. Orders failing validation are created in `exception` with ' +
          'their reason codes.',
        body: orderInput,
        response: { 200: intakeReplySchema, 201: intakeReplySchema },
      },
    },
    async (request, reply) => {
      /** The answer (201 for an order taken in, 200 for a channel order taken in before). */
      const answerOf = async ({
        outcome,
        parts,
      }: Pick<Placed, 'outcome' | 'parts'>): Promise<StoredAnswer> => {
        const settings = await getSettings(app.db);
        const [view] = await withMerchantNames(app.db, [
          detailView(parts, request.lang, app.now(), settings.exceptionSlaHours),
        ]);
        return {
          status: outcome.result === 'created' ? 201 : 200,
          type: JSON_TYPE,
          body: intakeReply({ ...view, resent: outcome.result === 'existing' }),
        };
      };
      const own = request.idempotency?.own ?? null;
      // Rendered in the order's transaction, to store with its key.
      const key: IntakeKey | undefined = own ? { own, answer: answerOf } : undefined;
      for (let tries = 0; ; tries++) {
        try {
          // Taken in together with the orders placed at the same moment (group intake).
          const placed = await placeOrder(app.db, request.body, apiContext(app, request), key);
          return sendStored(reply, placed.answer ?? (await answerOf(placed)));
        } catch (error) {
          if (!(error instanceof OwnKeyTaken) || !own) throw error;
          // Another request holds the key: its answer, a 422 for another body, or a 409.
          const answered = await app.answerTakenKey(request, reply, own);
          if (answered !== 'retry') return answered;
          if (tries > 0) throw new AppError('conflict', 'idempotency_in_progress', { key: own.key });
          request.idempotency = { id: `${own.scope}\u0000${own.key}`, own };
        }
      }
    },
  );

  r.post(
    '/api/orders/batch',
    {
      config: { permission: 'orders.order.write' },
      schema: {
        tags,
        summary: 'Take in up to 1,000 orders; each is answered on its own (created, existing or invalid)',
        body: batchBody,
        response: { 200: batchReplySchema },
      },
    },
    async (request) => createOrderBatch(app.db, request.body.orders, apiContext(app, request)),
  );

  r.get(
    '/api/orders',
    {
      config: { permission: 'orders.order.read' },
      schema: {
        tags,
        summary: 'List orders, newest first',
        querystring: orderListQuery,
        response: { 200: orderPageSchema },
      },
    },
    async (request) => {
      const page = await listOrders(app.db, scopeOf(request.principal), request.query, app.now());
      return { items: await withMerchantNames(app.db, page.items), nextCursor: page.nextCursor };
    },
  );

  r.get(
    '/api/orders/exceptions/summary',
    {
      config: { permission: 'orders.order.read' },
      schema: {
        tags,
        summary: 'The exception queue: total, overdue against the SLA, by reason',
        response: { 200: exceptionSummarySchema },
      },
    },
    async (request) => exceptionSummary(app.db, scopeOf(request.principal), app.now()),
  );

  r.get(
    '/api/orders/:id',
    {
      config: { permission: 'orders.order.read' },
      schema: {
        tags,
        summary: 'One order: lines, reasons, allocation and why, history',
        params: idParams,
        response: { 200: orderDetailSchema },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  r.post(
    '/api/orders/:id/cancel',
    {
      config: { permission: 'orders.order.cancel' },
      schema: {
        tags,
        summary: 'Cancel (before shipping: reservations released; after shipping: an intercept request)',
        params: idParams,
        body: z.strictObject({ reason: z.string().trim().min(2).max(500) }),
        response: {
          200: actionReplySchema.extend({
            outcome: z.enum(['cancelled', 'intercept_requested']),
            putBack: z.array(z.object({ skuId: z.string(), binCode: z.string(), qty: z.number().int() })),
          }),
        },
      },
    },
    async (request) => {
      await accessibleOrder(app.db, request.params.id, scopeOf(request.principal));
      const result = await inTransaction(app.db, (trx) =>
        cancelOrder(trx, request.params.id, request.body.reason, stateContext(app, request)),
      );
      return {
        ...(await actionReply(app.db, request.params.id)),
        outcome: result.outcome,
        putBack: result.outcome === 'cancelled' ? result.putBack : [],
      };
    },
  );

  r.post(
    '/api/orders/:id/allocate',
    {
      config: { permission: 'orders.order.allocate' },
      schema: {
        tags,
        summary: 'Allocate a validated order to warehouse(s) and reserve its stock',
        params: idParams,
        response: { 200: actionReplySchema },
      },
    },
    async (request) => {
      await accessibleOrder(app.db, request.params.id, scopeOf(request.principal));
      await inTransaction(app.db, (trx) => allocateOrder(trx, request.params.id, stateContext(app, request)));
      return actionReply(app.db, request.params.id);
    },
  );

  r.post(
    '/api/orders/:id/release-to-warehouse',
    {
      config: { permission: 'orders.order.allocate' },
      schema: {
        tags,
        summary: 'Release an allocated order to its warehouse (publishes orders.order_released)',
        params: idParams,
        response: { 200: actionReplySchema },
      },
    },
    async (request) => {
      await accessibleOrder(app.db, request.params.id, scopeOf(request.principal));
      await inTransaction(app.db, (trx) =>
        releaseToWarehouse(trx, request.params.id, stateContext(app, request)),
      );
      return actionReply(app.db, request.params.id);
    },
  );

  r.post(
    '/api/orders/:id/fulfilment',
    {
      config: { permission: 'orders.order.fulfil' },
      schema: {
        tags,
        summary:
          'Report warehouse and carrier progress: pick, pick_all, packed, shipped, in_transit, delivered, returned',
        description:
          'Picks move reserved stock to the dispatch point; `shipped` ships exactly what was picked for the order.',
        params: idParams,
        body: fulfilmentBody,
        response: { 200: actionReplySchema },
      },
    },
    async (request) => {
      const id = request.params.id;
      await accessibleOrder(app.db, id, scopeOf(request.principal));
      const ctx = stateContext(app, request);
      const body = request.body;
      await inTransaction(app.db, async (trx) => {
        if (body.event === 'pick')
          await recordPick(
            trx,
            { orderId: id, skuId: body.skuId, binId: body.binId, lotId: body.lotId, qty: body.qty },
            ctx,
          );
        else if (body.event === 'pick_all') await pickAllocated(trx, id, ctx);
        else if (body.event === 'packed') await markPacked(trx, id, ctx, body.note);
        else if (body.event === 'shipped') await markShipped(trx, id, ctx, body);
        else await markJourney(trx, id, body.event, ctx, body.note);
      });
      return actionReply(app.db, id);
    },
  );

  r.post(
    '/api/orders/:id/short-pick',
    {
      config: { permission: 'orders.order.fulfil' },
      schema: {
        tags,
        summary:
          'Report a short pick: reserved stock is not in its bin; it is written off and the order re-allocated',
        params: idParams,
        body: z.strictObject({
          skuId: z.uuid(),
          binId: z.uuid(),
          lotId: z.uuid().nullable().optional(),
          qty: z.number().int().min(1).max(1_000_000),
          note: z.string().trim().max(500).optional(),
        }),
        response: {
          200: actionReplySchema.extend({ outcome: z.enum(['same_warehouse', 'reallocated', 'split']) }),
        },
      },
    },
    async (request) => {
      const id = request.params.id;
      await accessibleOrder(app.db, id, scopeOf(request.principal));
      const { note, ...line } = request.body;
      const result = await inTransaction(app.db, (trx) =>
        reallocateLost(trx, { orderId: id, lines: [line], note }, stateContext(app, request)),
      );
      return { ...(await actionReply(app.db, id)), outcome: result.outcome };
    },
  );
}
