import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db';
import { idParams } from './asn.schemas';
import { gatePassView, listGatePasses } from './gate.query';
import { approveCredit, gateScan, releaseShipments } from './gate.service';
import { listCountRequests, listOutbounds, outboundView } from './outbound.query';
import { withScanCounting } from './outbound.scan';
import {
  cartonBody,
  cartonTypeList,
  countRequestList,
  countRequestQuery,
  creditBody,
  cutoffBody,
  cutoffList,
  cutoffQuery,
  gatePassBody,
  gatePassDetail,
  gatePassQuery,
  gateScanBody,
  gateScanResult,
  labelQuery,
  outboundDetailSchema,
  outboundPage,
  outboundQuery,
  scanItemBody,
  scanItemResult,
  sealBody,
  sealResult,
} from './outbound.schemas';
import { lockOutbound, reconcileOutbound } from './outbound.service';
import { CARTON_TYPES } from './pack.plan';
import { changeCarton, scanPackItem, sealPackage, startPacking } from './pack.service';
import { whContext } from './warehouse.http';
import { listCutoffs, setCutoffs } from './waybill.cutoffs';
import { labelsForOutbound, labelsForWave } from './waybill.labels';
import { renderLabelsPdf } from './waybill.pdf';

const tags = ['warehouse-outbound'];
const READ = 'warehouse.wave.read';

/** Outbound documents, the carrier cut-off table, packing, labels and the gate. */
export async function outboundRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const detail = (
    request: { principal: Parameters<typeof outboundView>[1]; lang: Parameters<typeof outboundView>[3] },
    id: string,
  ) => outboundView(app.db, request.principal, id, request.lang);

  r.get(
    '/api/warehouse/outbounds',
    {
      config: { permission: READ },
      schema: {
        tags,
        summary: 'Outbound documents (出库单) made from released orders, earliest cut-off first',
        querystring: outboundQuery,
        response: { 200: outboundPage },
      },
    },
    async (request) => listOutbounds(app.db, request.principal, request.query),
  );
  r.get(
    '/api/warehouse/outbounds/:id',
    {
      config: { permission: READ },
      schema: {
        tags,
        summary: 'One outbound document: lines, parcels, shortages and the gate check',
        params: idParams,
        response: { 200: outboundDetailSchema },
      },
    },
    async (request) => detail(request, request.params.id),
  );
  r.post(
    '/api/warehouse/outbounds/:id/resync',
    {
      config: { permission: 'warehouse.wave.write' },
      schema: {
        tags,
        summary: 'Bring the document in line with where the order’s stock is reserved now',
        description:
          'Needed after the order desk moved reservations on its own (stock lost to expiry or a quality hold): new bins become a supplementary pick list.',
        params: idParams,
        body: z.strictObject({}),
        response: { 200: outboundDetailSchema },
      },
    },
    async (request) => {
      const ctx = whContext(app, request);
      await inTransaction(app.db, async (trx) =>
        reconcileOutbound(trx, await lockOutbound(trx, ctx.principal, request.params.id), ctx),
      );
      return detail(request, request.params.id);
    },
  );

  r.get(
    '/api/warehouse/carrier-cutoffs',
    {
      config: { permission: READ },
      schema: {
        tags,
        summary: 'Carrier and last-truck time (截单时间) per service type of a warehouse',
        querystring: cutoffQuery,
        response: { 200: cutoffList },
      },
    },
    async (request) => ({ items: await listCutoffs(app.db, request.principal, request.query.warehouseId) }),
  );
  r.put(
    '/api/warehouse/carrier-cutoffs',
    {
      config: { permission: 'warehouse.wave.write' },
      schema: {
        tags,
        summary: 'Set carrier and cut-off for some service types of a warehouse',
        body: cutoffBody,
        response: { 200: cutoffList },
      },
    },
    async (request) => {
      await inTransaction(app.db, (trx) =>
        setCutoffs(trx, request.body.warehouseId, request.body.rows, whContext(app, request)),
      );
      return { items: await listCutoffs(app.db, request.principal, request.body.warehouseId) };
    },
  );
  r.get(
    '/api/warehouse/count-requests',
    {
      config: { permission: READ },
      schema: {
        tags,
        summary: 'Bins to recount, raised by short picks',
        querystring: countRequestQuery,
        response: { 200: countRequestList },
      },
    },
    async (request) => listCountRequests(app.db, request.principal, request.query),
  );

  // Packing station.
  r.get(
    '/api/warehouse/carton-types',
    {
      config: { permission: READ },
      schema: {
        tags,
        summary: 'Cartons and insulated boxes the packing stations stock',
        response: { 200: cartonTypeList },
      },
    },
    async () => ({
      items: CARTON_TYPES.map((c) => ({
        id: c.id,
        name: c.name ?? null,
        innerLengthMm: c.innerLengthMm,
        innerWidthMm: c.innerWidthMm,
        innerHeightMm: c.innerHeightMm,
        maxWeightG: c.maxWeightG,
        tareWeightG: c.tareWeightG,
        costFen: c.costFen,
        insulated: !!c.insulated,
      })),
    }),
  );
  r.post(
    '/api/warehouse/outbounds/:id/pack',
    {
      config: { permission: 'warehouse.pack' },
      schema: {
        tags,
        summary: 'Start packing a picked order: cartons proposed by the cartonisation, a parcel each',
        params: idParams,
        body: z.strictObject({}),
        response: { 200: outboundDetailSchema },
      },
    },
    async (request) => {
      await inTransaction(app.db, (trx) => startPacking(trx, request.params.id, whContext(app, request)));
      return detail(request, request.params.id);
    },
  );
  r.post(
    '/api/warehouse/packages/:id/scan',
    {
      config: { permission: 'warehouse.pack' },
      schema: {
        tags,
        summary:
          'Scan an item into a parcel; goods not in the parcel (or one too many) are refused and counted',
        params: idParams,
        body: scanItemBody,
        response: { 200: scanItemResult },
      },
    },
    async (request) => {
      const ctx = whContext(app, request);
      return withScanCounting(app.db, ctx, (trx) => scanPackItem(trx, request.params.id, request.body, ctx));
    },
  );
  r.post(
    '/api/warehouse/packages/:id/carton',
    {
      config: { permission: 'warehouse.pack' },
      schema: {
        tags,
        summary: 'Use another carton for a parcel (it must take the goods); recorded with the reason',
        params: idParams,
        body: cartonBody,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await inTransaction(app.db, (trx) =>
        changeCarton(trx, request.params.id, request.body, whContext(app, request)),
      );
      return reply.code(204).send(null);
    },
  );
  r.post(
    '/api/warehouse/packages/:id/seal',
    {
      config: { permission: 'warehouse.pack' },
      schema: {
        tags,
        summary:
          'Seal a parcel: every item scanned, weight checked, waybill number issued; the last parcel packs the order',
        params: idParams,
        body: sealBody,
        response: { 200: sealResult },
      },
    },
    async (request) =>
      inTransaction(app.db, (trx) =>
        sealPackage(trx, request.params.id, request.body, whContext(app, request)),
      ),
  );
  const pdf = (reply: import('fastify').FastifyReply, name: string, body: Buffer) =>
    reply
      .header('content-disposition', `inline; filename="${name}.pdf"`)
      .header('cache-control', 'no-store')
      .type('application/pdf')
      .send(body);
  r.get(
    '/api/warehouse/outbounds/:id/labels',
    {
      config: { permission: 'warehouse.pack' },
      schema: {
        tags,
        summary: 'Waybill labels (100 × 150 mm PDF) of an order’s sealed parcels',
        params: idParams,
        querystring: labelQuery,
      },
    },
    async (request, reply) => {
      const { number, labels } = await labelsForOutbound(
        app.db,
        request.principal,
        request.params.id,
        app.now(),
      );
      return pdf(reply, number, await renderLabelsPdf(labels, request.query.lang ?? request.lang, number));
    },
  );
  r.get(
    '/api/warehouse/waves/:id/labels',
    {
      config: { permission: 'warehouse.pack' },
      schema: {
        tags,
        summary: 'Every sealed parcel’s label of a wave as one PDF (batch printing)',
        params: idParams,
        querystring: labelQuery,
      },
    },
    async (request, reply) => {
      const { number, labels } = await labelsForWave(app.db, request.principal, request.params.id, app.now());
      return pdf(reply, number, await renderLabelsPdf(labels, request.query.lang ?? request.lang, number));
    },
  );

  // The gate (出门证).
  r.post(
    '/api/warehouse/gate/scan',
    {
      config: { permission: 'warehouse.gate' },
      schema: {
        tags,
        summary: 'Scan a parcel’s waybill at the gate; an unknown or not-ready parcel is refused and counted',
        body: gateScanBody,
        response: { 200: gateScanResult },
      },
    },
    async (request) => {
      const ctx = whContext(app, request);
      const result = await withScanCounting(app.db, ctx, (trx) => gateScan(trx, request.body, ctx));
      return { ...result, outbound: await detail(request, result.outboundId) };
    },
  );
  r.post(
    '/api/warehouse/outbounds/:id/credit-approval',
    {
      config: { permission: 'warehouse.gate.credit' },
      schema: {
        tags,
        summary: 'Approve an unpaid order to leave on credit (授信放行)',
        params: idParams,
        body: creditBody,
        response: { 200: outboundDetailSchema },
      },
    },
    async (request) => {
      await inTransaction(app.db, (trx) =>
        approveCredit(trx, request.params.id, request.body.note, whContext(app, request)),
      );
      return detail(request, request.params.id);
    },
  );
  r.get(
    '/api/warehouse/gate-passes',
    {
      config: { permission: READ },
      schema: {
        tags,
        summary: 'Gate passes (出门证), newest first',
        querystring: gatePassQuery,
        response: { 200: z.object({ items: z.array(gatePassDetail.omit({ lines: true })) }) },
      },
    },
    async (request) => listGatePasses(app.db, request.principal, request.query),
  );
  r.get(
    '/api/warehouse/gate-passes/:id',
    {
      config: { permission: READ },
      schema: {
        tags,
        summary: 'One gate pass with its orders and waybills',
        params: idParams,
        response: { 200: gatePassDetail },
      },
    },
    async (request) => gatePassView(app.db, request.principal, request.params.id),
  );
  r.post(
    '/api/warehouse/gate-passes',
    {
      config: { permission: 'warehouse.gate' },
      schema: {
        tags,
        summary:
          'Release shipments through the gate (出门证): all packed, every parcel scanned at the gate, paid, COD or credit-approved',
        description:
          'All or nothing. A refusal (409) names the first reason in its message and every reason, per document, in `issues`. Each order is then shipped by the order desk (ship movement).',
        body: gatePassBody,
        response: { 201: gatePassDetail },
      },
    },
    async (request, reply) => {
      const pass = await inTransaction(app.db, (trx) =>
        releaseShipments(trx, request.body, whContext(app, request)),
      );
      return reply.code(201).send(await gatePassView(app.db, request.principal, pass.id));
    },
  );
}
