import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db';
import { t } from '../../platform/i18n/i18n';
import { AppError, isAppError } from '../../platform/lib/errors';
import { allocateOrder } from './allocation.service';
import {
  changeItems,
  changeItemsBody,
  contactBody,
  fixAddress,
  fixAddressBody,
  recordContact,
  releaseBody,
  releaseOverride,
  splitBody,
  splitOrder,
} from './exception.service';
import { cancelOrder } from './fulfilment.service';
import { accessibleOrder, scopeOf } from './order.query';
import { releaseToWarehouse } from './order.release';
import { stateContext } from './order.routes';
import { actionReplySchema, idParams } from './order.schemas';
import type { StateContext } from './order.state';
import { ORDER_STATUSES } from './order.tables';
import { actionReply } from './order.views';
import { revalidate } from './revalidate.service';

const tags = ['orders: exceptions'];
const orderIds = z.array(z.uuid()).min(1).max(500);

const bulkBody = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('cancel'), orderIds, reason: z.string().trim().min(2).max(500) }),
  z.strictObject({ action: z.literal('release'), orderIds, note: z.string().trim().min(2).max(500) }),
  z.strictObject({ action: z.literal('revalidate'), orderIds }),
  z.strictObject({ action: z.literal('accept_suggestion'), orderIds }),
  z.strictObject({ action: z.literal('contact'), orderIds, ...contactBody.shape }),
  z.strictObject({ action: z.literal('allocate'), orderIds }),
  z.strictObject({ action: z.literal('release_to_warehouse'), orderIds }),
]);
type BulkBody = z.output<typeof bulkBody>;

/** Bulk actions that need more than the exception desk's permission. */
const EXTRA_PERMISSION: Partial<Record<BulkBody['action'], string>> = {
  cancel: 'orders.order.cancel',
  allocate: 'orders.order.allocate',
  release_to_warehouse: 'orders.order.allocate',
};

async function runOne(
  trx: Parameters<typeof allocateOrder>[0],
  id: string,
  body: BulkBody,
  ctx: StateContext,
) {
  switch (body.action) {
    case 'cancel':
      return cancelOrder(trx, id, body.reason, ctx);
    case 'release':
      return releaseOverride(trx, id, body.note, ctx);
    case 'revalidate':
      return revalidate(trx, id, ctx);
    case 'accept_suggestion':
      return fixAddress(trx, id, { suggestion: 0 }, ctx);
    case 'contact':
      return recordContact(trx, id, body, ctx);
    case 'allocate':
      return allocateOrder(trx, id, ctx);
    case 'release_to_warehouse':
      return releaseToWarehouse(trx, id, ctx);
  }
}

export async function exceptionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const action = <B>(
    url: string,
    summary: string,
    body: z.ZodType<B>,
    run: (
      trx: Parameters<typeof allocateOrder>[0],
      id: string,
      body: B,
      ctx: StateContext,
    ) => Promise<unknown>,
  ) =>
    r.post(
      `/api/orders/:id/${url}`,
      {
        config: { permission: 'orders.exception.handle' },
        schema: { tags, summary, params: idParams, body, response: { 200: actionReplySchema } },
      },
      async (request: FastifyRequest<{ Params: { id: string }; Body: B }>) => {
        const { id } = request.params;
        await accessibleOrder(app.db, id, scopeOf(request.principal));
        await inTransaction(app.db, (trx) => run(trx, id, request.body as B, stateContext(app, request)));
        return actionReply(app.db, id);
      },
    );

  action(
    'fix-address',
    'Fix the consignee address (or accept a proposed fix) and validate again',
    fixAddressBody,
    fixAddress,
  );
  action(
    'change-items',
    'Change the goods, service type or payment and validate again',
    changeItemsBody,
    changeItems,
  );
  action(
    'split',
    'Move some goods to a new part of the order; both are validated again',
    splitBody,
    splitOrder,
  );
  action(
    'release',
    'Release an exception order despite its reasons, with a note (放行)',
    releaseBody,
    (trx, id, b, ctx) => releaseOverride(trx, id, b.note, ctx),
  );
  action('contact', 'Record a call or message to the customer', contactBody, recordContact);
  action(
    'revalidate',
    'Validate again (e.g. after stock arrived or a SKU was activated)',
    z.strictObject({}),
    (trx, id, _b, ctx) => revalidate(trx, id, ctx),
  );

  r.post(
    '/api/orders/bulk',
    {
      config: { permission: 'orders.exception.handle' },
      schema: {
        tags,
        summary: 'One action on many orders; each order is done on its own and answered on its own',
        body: bulkBody,
        response: {
          200: z.object({
            succeeded: z.number().int(),
            failed: z.number().int(),
            results: z.array(
              z.object({
                id: z.string(),
                ok: z.boolean(),
                number: z.string().nullable(),
                status: z.enum(ORDER_STATUSES).nullable(),
                error: z.object({ code: z.string(), message: z.string() }).nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => {
      const body = request.body;
      const extra = EXTRA_PERMISSION[body.action];
      if (extra && !request.principal?.permissions.has(extra))
        throw new AppError('forbidden', 'orders.bulk_forbidden_action', {
          action: body.action,
          permission: extra,
        });
      const scope = scopeOf(request.principal);
      const results = [];
      for (const id of [...new Set(body.orderIds)]) {
        try {
          await accessibleOrder(app.db, id, scope);
          await inTransaction(app.db, (trx) => runOne(trx, id, body, stateContext(app, request)));
          const now = await actionReply(app.db, id);
          results.push({ id, ok: true, number: now.number, status: now.status, error: null });
        } catch (error) {
          if (!isAppError(error)) throw error;
          results.push({
            id,
            ok: false,
            number: null,
            status: null,
            error: { code: error.code, message: t(request.lang, error.code, error.params) },
          });
        }
      }
      return {
        succeeded: results.filter((x) => x.ok).length,
        failed: results.filter((x) => !x.ok).length,
        results,
      };
    },
  );
}
