import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { inTransaction } from '../../platform/db';
import { listWarehouses } from '../inventory';
import {
  asnCancelBody,
  asnCreateBody,
  asnPage,
  asnQuery,
  asnSchema,
  destinationsSchema,
  idParams,
} from './asn.schemas';
import { cancelAsn, createAsn, getAsn, listAsns } from './asn.service';
import { getReceipt } from './receipt.query';
import { fromAsnBody, receiptSchema } from './receipt.schemas';
import { createReceiptFromAsn } from './receipt.service';
import { whContext } from './warehouse.http';

const tags = ['warehouse'];

export async function asnRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/warehouse/asns',
    {
      config: { permission: 'warehouse.asn.read' },
      schema: {
        tags,
        summary: 'Advance shipping notices (merchants see their own; scoped staff their warehouses)',
        querystring: asnQuery,
        response: { 200: asnPage },
      },
    },
    async (request) => listAsns(app.db, request.principal, request.query),
  );
  r.get(
    '/api/warehouse/destinations',
    {
      config: { permission: 'warehouse.asn.write' },
      schema: {
        tags,
        summary: 'Warehouses goods may be announced to (for merchants, who do not see the warehouse layout)',
        response: { 200: destinationsSchema },
      },
    },
    async (request) => ({
      items: (await listWarehouses(app.db, request.principal))
        .filter((w) => w.active)
        .map((w) => ({ id: w.id, code: w.code, nameZh: w.nameZh, nameEn: w.nameEn, city: w.city })),
    }),
  );
  r.get(
    '/api/warehouse/asns/:id',
    {
      config: { permission: 'warehouse.asn.read' },
      schema: { tags, summary: 'One ASN with its lines', params: idParams, response: { 200: asnSchema } },
    },
    async (request) => getAsn(app.db, request.principal, request.params.id),
  );
  r.post(
    '/api/warehouse/asns',
    {
      config: { permission: 'warehouse.asn.write' },
      schema: {
        tags,
        summary: 'Announce goods on their way to a warehouse (ASN): SKU, quantity, lot and dates per line',
        body: asnCreateBody,
        response: { 201: asnSchema },
      },
    },
    async (request, reply) => {
      const id = await inTransaction(app.db, (trx) => createAsn(trx, request.body, whContext(app, request)));
      return reply.code(201).send(await getAsn(app.db, request.principal, id));
    },
  );
  r.post(
    '/api/warehouse/asns/:id/cancel',
    {
      config: { permission: 'warehouse.asn.write' },
      schema: {
        tags,
        summary: 'Cancel an open ASN (before the warehouse opened its receipt)',
        params: idParams,
        body: asnCancelBody,
        response: { 200: asnSchema },
      },
    },
    async (request) => {
      await inTransaction(app.db, (trx) =>
        cancelAsn(trx, request.params.id, request.body.reason ?? null, whContext(app, request)),
      );
      return getAsn(app.db, request.principal, request.params.id);
    },
  );
  r.post(
    '/api/warehouse/asns/:id/receipt',
    {
      config: { permission: 'warehouse.receipt.write' },
      schema: {
        tags,
        summary: 'Open the receipt for an ASN (its lines become the expected lines)',
        params: idParams,
        body: fromAsnBody,
        response: { 201: receiptSchema },
      },
    },
    async (request, reply) => {
      const id = await inTransaction(app.db, (trx) =>
        createReceiptFromAsn(trx, request.params.id, request.body, whContext(app, request)),
      );
      return reply.code(201).send(await getReceipt(app.db, request.principal, id));
    },
  );
}
