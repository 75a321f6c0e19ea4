import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inTransaction, type Trx } from '../../platform/db';
import { idParams } from './asn.schemas';
import { inspectLine } from './receipt.inspection';
import { getReceipt, listReceipts } from './receipt.query';
import {
  adHocReceiptBody,
  arrivalBody,
  documentsBody,
  inspectionBody,
  lineParams,
  receiptCancelBody,
  receiptLineBody,
  receiptPage,
  receiptQuery,
  receiptSchema,
  vendorReturnBody,
} from './receipt.schemas';
import {
  addReceiptLine,
  arriveReceipt,
  cancelReceipt,
  createAdHocReceipt,
  recordDocuments,
} from './receipt.service';
import { signOffReceipt } from './receipt.signoff';
import { returnRejectedGoods } from './vendor-return.service';
import type { WhContext } from './warehouse.access';
import { whContext } from './warehouse.http';

const tags = ['warehouse'];

export async function receiptRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const done = async (
    request: FastifyRequest,
    id: string,
    fn: (trx: Trx, ctx: WhContext) => Promise<unknown>,
  ) => {
    await inTransaction(app.db, (trx) => fn(trx, whContext(app, request)));
    return getReceipt(app.db, request.principal, id);
  };

  r.get(
    '/api/warehouse/receipts',
    {
      config: { permission: 'warehouse.receipt.read' },
      schema: {
        tags,
        summary: 'Receipts (入库单), newest first; scoped to the caller’s warehouses or own goods',
        querystring: receiptQuery,
        response: { 200: receiptPage },
      },
    },
    async (request) => listReceipts(app.db, request.principal, request.query),
  );
  r.get(
    '/api/warehouse/receipts/:id',
    {
      config: { permission: 'warehouse.receipt.read' },
      schema: {
        tags,
        summary: 'One receipt: lines with inspection, history, putaway tasks and returns to the vendor',
        params: idParams,
        response: { 200: receiptSchema },
      },
    },
    async (request) => getReceipt(app.db, request.principal, request.params.id),
  );
  r.post(
    '/api/warehouse/receipts',
    {
      config: { permission: 'warehouse.receipt.write' },
      schema: {
        tags,
        summary: 'Create a receipt without an ASN (ad hoc)',
        body: adHocReceiptBody,
        response: { 201: receiptSchema },
      },
    },
    async (request, reply) => {
      const id = await inTransaction(app.db, (trx) =>
        createAdHocReceipt(trx, request.body, whContext(app, request)),
      );
      return reply.code(201).send(await getReceipt(app.db, request.principal, id));
    },
  );
  r.post(
    '/api/warehouse/receipts/:id/arrive',
    {
      config: { permission: 'warehouse.receipt.write' },
      schema: {
        tags,
        summary: 'Record the arrival at the dock (draft → arrived)',
        params: idParams,
        body: arrivalBody,
        response: { 200: receiptSchema },
      },
    },
    async (request) =>
      done(request, request.params.id, (trx, ctx) =>
        arriveReceipt(trx, request.params.id, request.body, ctx),
      ),
  );
  r.post(
    '/api/warehouse/receipts/:id/documents',
    {
      config: { permission: 'warehouse.receipt.write' },
      schema: {
        tags,
        summary: 'Record the documents that came with the goods and whether they are complete (手续齐全)',
        params: idParams,
        body: documentsBody,
        response: { 200: receiptSchema },
      },
    },
    async (request) =>
      done(request, request.params.id, (trx, ctx) =>
        recordDocuments(trx, request.params.id, request.body, ctx),
      ),
  );
  r.post(
    '/api/warehouse/receipts/:id/lines',
    {
      config: { permission: 'warehouse.receipt.write' },
      schema: {
        tags,
        summary: 'Add a line for goods that arrived unannounced (or another lot)',
        params: idParams,
        body: receiptLineBody,
        response: { 201: receiptSchema },
      },
    },
    async (request, reply) => {
      await inTransaction(app.db, (trx) =>
        addReceiptLine(trx, request.params.id, request.body, whContext(app, request)),
      );
      return reply.code(201).send(await getReceipt(app.db, request.principal, request.params.id));
    },
  );
  r.post(
    '/api/warehouse/receipts/:id/lines/:lineId/inspection',
    {
      config: { permission: 'warehouse.receipt.inspect' },
      schema: {
        tags,
        summary:
          'Inspect a line (验收): received, accepted, rejected with reasons, lot and dates, arrival temperature, photos',
        params: lineParams,
        body: inspectionBody,
        response: { 200: receiptSchema },
      },
    },
    async (request) => {
      await inTransaction(app.db, (trx) =>
        inspectLine(trx, request.params.id, request.params.lineId, request.body, whContext(app, request)),
      );
      return getReceipt(app.db, request.principal, request.params.id);
    },
  );
  r.post(
    '/api/warehouse/receipts/:id/sign-off',
    {
      config: { permission: 'warehouse.receipt.inspect' },
      schema: {
        tags,
        summary:
          'Sign the inspection off: accepted goods are received at the dock, rejected ones held, putaway tasks suggested',
        params: idParams,
        response: { 200: receiptSchema },
      },
    },
    async (request) => {
      await inTransaction(app.db, (trx) => signOffReceipt(trx, request.params.id, whContext(app, request)));
      return getReceipt(app.db, request.principal, request.params.id);
    },
  );
  r.post(
    '/api/warehouse/receipts/:id/cancel',
    {
      config: { permission: 'warehouse.receipt.write' },
      schema: {
        tags,
        summary: 'Turn the delivery away (only before sign-off)',
        params: idParams,
        body: receiptCancelBody,
        response: { 200: receiptSchema },
      },
    },
    async (request) =>
      done(request, request.params.id, (trx, ctx) =>
        cancelReceipt(trx, request.params.id, request.body.reason, ctx),
      ),
  );
  r.post(
    '/api/warehouse/receipts/:id/vendor-returns',
    {
      config: { permission: 'warehouse.receipt.write' },
      schema: {
        tags,
        summary:
          'Return held rejected goods to the vendor (退供): they leave the books with a return movement',
        params: idParams,
        body: vendorReturnBody,
        response: { 201: receiptSchema },
      },
    },
    async (request, reply) => {
      await inTransaction(app.db, (trx) =>
        returnRejectedGoods(trx, request.params.id, request.body, whContext(app, request)),
      );
      return reply.code(201).send(await getReceipt(app.db, request.principal, request.params.id));
    },
  );
}
