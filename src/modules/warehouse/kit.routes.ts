import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db';
import { idParams } from './asn.schemas';
import { closeKitOrder, completeKitOrder, createKitOrder, startKitOrder } from './kit.order.service';
import { getKitOrder, listKitOrders } from './kit.query';
import {
  kitBody,
  kitCloseBody,
  kitCompleteBody,
  kitOrderBody,
  kitOrderPage,
  kitOrderQuery,
  kitOrderSchema,
  kitQuery,
  kitSchema,
} from './kit.schemas';
import { createKit, getKit, listKits, updateKit } from './kit.service';
import { whContext } from './warehouse.http';

const tags = ['warehouse'];

export async function kitRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/warehouse/kits',
    {
      config: { permission: 'warehouse.kit.read' },
      schema: {
        tags,
        summary: 'Kit definitions (late customisation: generic item + components → variant)',
        querystring: kitQuery,
        response: { 200: z.object({ items: z.array(kitSchema) }) },
      },
    },
    async (request) => ({ items: await listKits(app.db, request.query) }),
  );
  r.get(
    '/api/warehouse/kits/:id',
    {
      config: { permission: 'warehouse.kit.read' },
      schema: { tags, summary: 'One kit definition', params: idParams, response: { 200: kitSchema } },
    },
    async (request) => getKit(app.db, request.params.id),
  );
  r.post(
    '/api/warehouse/kits',
    {
      config: { permission: 'warehouse.kit.plan' },
      schema: {
        tags,
        summary: 'Define a kit (bill of materials of a variant)',
        body: kitBody,
        response: { 201: kitSchema },
      },
    },
    async (request, reply) => {
      const id = await inTransaction(app.db, (trx) => createKit(trx, request.body, whContext(app, request)));
      return reply.code(201).send(await getKit(app.db, id));
    },
  );
  r.put(
    '/api/warehouse/kits/:id',
    {
      config: { permission: 'warehouse.kit.plan' },
      schema: {
        tags,
        summary: 'Change a kit definition',
        params: idParams,
        body: kitBody,
        response: { 200: kitSchema },
      },
    },
    async (request) => {
      await inTransaction(app.db, (trx) =>
        updateKit(trx, request.params.id, request.body, whContext(app, request)),
      );
      return getKit(app.db, request.params.id);
    },
  );

  r.get(
    '/api/warehouse/kit-orders',
    {
      config: { permission: 'warehouse.kit.read' },
      schema: {
        tags,
        summary: 'Kitting work orders, newest first',
        querystring: kitOrderQuery,
        response: { 200: kitOrderPage },
      },
    },
    async (request) => listKitOrders(app.db, request.principal, request.query),
  );
  r.get(
    '/api/warehouse/kit-orders/:id',
    {
      config: { permission: 'warehouse.kit.read' },
      schema: {
        tags,
        summary: 'One work order with completions and history',
        params: idParams,
        response: { 200: kitOrderSchema },
      },
    },
    async (request) => getKitOrder(app.db, request.principal, request.params.id),
  );
  r.post(
    '/api/warehouse/kit-orders',
    {
      config: { permission: 'warehouse.kit.plan' },
      schema: {
        tags,
        summary: 'Plan a work order: checks and reserves every input (FEFO), all or nothing',
        body: kitOrderBody,
        response: { 201: kitOrderSchema },
      },
    },
    async (request, reply) => {
      const order = await inTransaction(app.db, (trx) =>
        createKitOrder(trx, request.body, whContext(app, request)),
      );
      return reply.code(201).send(await getKitOrder(app.db, null, order.id));
    },
  );
  const action = (
    path: string,
    permission: string,
    summary: string,
    body: z.ZodType,
    run: (
      trx: Parameters<Parameters<typeof inTransaction>[1]>[0],
      id: string,
      body: any,
      ctx: ReturnType<typeof whContext>,
    ) => Promise<unknown>,
  ) =>
    r.post(
      `/api/warehouse/kit-orders/:id/${path}`,
      {
        config: { permission },
        schema: { tags, summary, params: idParams, body, response: { 200: kitOrderSchema } },
      },
      async (request) => {
        await inTransaction(app.db, (trx) =>
          run(trx, request.params.id, request.body, whContext(app, request)),
        );
        return getKitOrder(app.db, null, request.params.id);
      },
    );
  action('start', 'warehouse.kit.execute', 'Start work on an order', z.strictObject({}), (trx, id, _b, ctx) =>
    startKitOrder(trx, id, ctx),
  );
  action(
    'complete',
    'warehouse.kit.execute',
    'Record kits made: consume inputs (kit_consume, FEFO) and produce the variant (kit_produce); partial allowed',
    kitCompleteBody,
    (trx, id, b, ctx) => completeKitOrder(trx, id, b, ctx),
  );
  action(
    'close',
    'warehouse.kit.plan',
    'Close an order short: release what is still reserved',
    kitCloseBody,
    (trx, id, b, ctx) => closeKitOrder(trx, id, 'close', b.reason, ctx),
  );
  action(
    'cancel',
    'warehouse.kit.plan',
    'Cancel an order with nothing made: release every reservation',
    kitCloseBody,
    (trx, id, b, ctx) => closeKitOrder(trx, id, 'cancel', b.reason, ctx),
  );
}
