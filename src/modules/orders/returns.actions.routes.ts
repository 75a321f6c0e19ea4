import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type Db, inTransaction, type Trx } from '../../platform/db';
import type { Lang } from '../../platform/i18n/i18n';
import { scopeOf } from './order.query';
import { getOrderRow } from './order.repo';
import { ORDER_STATUSES } from './order.tables';
import { accessibleReturn } from './returns.query';
import { inspectReturn, receiveReturnGoods } from './returns.receive';
import { returnContext } from './returns.routes';
import {
  approveBody,
  arrangeBody,
  closeBody,
  inspectBody,
  reasonBody,
  receiveBody,
  refundBody,
  refundCompleteBody,
  replacementBody,
  returnActionReply,
  returnIdParams,
} from './returns.schemas';
import {
  approveReturn,
  arrangeReturn,
  cancelReturn,
  type ReturnContext,
  rejectReturn,
} from './returns.service';
import { closeReturn, completeRefund, createReplacement, recordRefund } from './returns.settle';
import { REFUND_STATUSES } from './returns.tables';

const tags = ['orders: returns'];

type ActionContext = ReturnContext & { lang: Lang; merchantScope: string | null };

async function actionReply(db: Db, id: string) {
  const r = await accessibleReturn(db, id, { merchantId: null, warehouseIds: null });
  const order = await getOrderRow(db, r.order_id);
  return { id: r.id, number: r.number, status: r.status, orderStatus: order.status };
}

/**
 * The steps of a return: customer service approves, rejects, books the pickup or drop-off, cancels;
 * the warehouse receives and inspects; customer service or finance records the refund or orders
 * the replacement. Each answers where the return and its order stand.
 */
export async function returnActionRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** One action route: the caller must see the return; the step runs in one transaction. */
  const action = <B extends z.ZodType, X extends z.ZodRawShape = Record<never, never>>(
    path: string,
    permission: string,
    summary: string,
    body: B,
    run: (trx: Trx, id: string, body: z.output<B>, ctx: ActionContext) => Promise<unknown>,
    extra?: { reply: z.ZodObject<X>; pick: (result: any) => z.output<z.ZodObject<X>>; description?: string },
  ) =>
    r.post(
      `/api/returns/:id/${path}`,
      {
        config: { permission },
        schema: {
          tags,
          summary,
          ...(extra?.description ? { description: extra.description } : {}),
          params: returnIdParams,
          body,
          response: { 200: extra ? returnActionReply.extend(extra.reply.shape) : returnActionReply },
        },
      },
      async (request) => {
        const id = request.params.id;
        await accessibleReturn(app.db, id, scopeOf(request.principal));
        const ctx: ActionContext = {
          ...returnContext(app, request),
          lang: request.lang,
          merchantScope: request.principal?.merchantId ?? null,
        };
        const result = await inTransaction(app.db, (trx) => run(trx, id, request.body as z.output<B>, ctx));
        return { ...(await actionReply(app.db, id)), ...(extra ? extra.pick(result) : {}) };
      },
    );

  action('approve', 'orders.return.approve', 'Approve a requested return', approveBody, (trx, id, b, ctx) =>
    approveReturn(trx, id, b.note ?? null, ctx),
  );
  action(
    'reject',
    'orders.return.approve',
    'Reject a requested return, with the reason',
    reasonBody,
    (trx, id, b, ctx) => rejectReturn(trx, id, b.reason, ctx),
  );
  action(
    'cancel',
    'orders.return.request',
    'Cancel a return before its goods arrive',
    reasonBody,
    (trx, id, b, ctx) => cancelReturn(trx, id, b.reason, ctx),
  );
  action(
    'arrange',
    'orders.return.approve',
    'Book the pickup at the consignee’s address, or arrange a drop-off at a warehouse',
    arrangeBody,
    (trx, id, b, ctx) => arrangeReturn(trx, id, b, ctx),
  );
  action(
    'receive',
    'orders.return.receive',
    'Record the units that arrived at the warehouse',
    receiveBody,
    (trx, id, b, ctx) => receiveReturnGoods(trx, id, b, ctx),
    {
      reply: z.object({
        orderReturned: z.boolean().describe('The whole order is back: the order is now `returned`.'),
      }),
      pick: (result) => ({ orderReturned: result.orderReturned }),
    },
  );
  action(
    'inspect',
    'orders.return.receive',
    'Inspect the received units: restock, quality hold or scrap (posted on the stock ledger)',
    inspectBody,
    (trx, id, b, ctx) => inspectReturn(trx, id, b, ctx),
    {
      reply: z.object({ holdDocNo: z.string().nullable().describe('Quality-hold document of held units.') }),
      pick: (result) => ({ holdDocNo: result.holdDocNo }),
      description:
        'Restocked units go back available into the bin (default: the bin they were picked from); held units go ' +
        'on quality hold under one QH document; scrapped units are booked in as damaged and written off. Lots are kept.',
    },
  );
  action(
    'refund',
    'orders.return.settle',
    'Record the refund (units received × their price, less a restocking fee) and close the return',
    refundBody,
    (trx, id, b, ctx) => recordRefund(trx, id, b, ctx),
    {
      reply: z.object({ refundFen: z.number().int(), refundStatus: z.enum(REFUND_STATUSES) }),
      pick: (result) => ({ refundFen: Number(result.amount_fen), refundStatus: result.status }),
    },
  );
  action(
    'refund/complete',
    'orders.return.settle',
    'Mark the refund paid out, with the payment reference',
    refundCompleteBody,
    (trx, id, b, ctx) => completeRefund(trx, id, b, ctx),
    {
      reply: z.object({ refundFen: z.number().int(), refundStatus: z.enum(REFUND_STATUSES) }),
      pick: (result) => ({ refundFen: Number(result.amount_fen), refundStatus: result.status }),
    },
  );
  action(
    'replacement',
    'orders.return.settle',
    'Exchange: order the replacement (ordinary intake and allocation) and close the return',
    replacementBody,
    (trx, id, b, ctx) => createReplacement(trx, id, b, ctx),
    {
      reply: z.object({
        replacementOrder: z.object({ id: z.string(), number: z.string(), status: z.enum(ORDER_STATUSES) }),
      }),
      pick: (result) => ({ replacementOrder: result }),
    },
  );
  action(
    'close',
    'orders.return.settle',
    'Close an inspected return with neither refund nor replacement, with the reason',
    closeBody,
    (trx, id, b, ctx) => closeReturn(trx, id, b.note, ctx),
  );
}
