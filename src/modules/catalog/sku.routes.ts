import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db/transaction';
import { jobSchema, toJobJson } from '../../platform/jobs';
import { AppError } from '../../platform/lib/errors';
import type { CatalogDeps } from './catalog.deps';
import { CATALOG_IMPORT_JOB, type CatalogImportPayload } from './catalog.jobs';
import {
  FILE_FORMATS,
  importQuery,
  type SkuRecord,
  skuCreateBody,
  skuFilterQuery,
  skuListQuery,
  skuPageSchema,
  skuPatchBody,
  skuSchema,
  skuStatsSchema,
} from './sku.schemas';
import { type CatalogWriteContext, createSku, getSku, listSkus, skuStats, updateSku } from './sku.service';
import { exportSkus, type SheetFile, skuTemplate } from './sku-export.service';
import { detectFormat } from './sku-sheet';

const idParams = z.object({ id: z.uuid() });
const fileQuery = z.object({ format: z.enum(FILE_FORMATS).default('csv') });
const tags = ['catalog'];

const scopeOf = (request: FastifyRequest) => request.principal?.merchantId ?? null;

function writeContext(app: FastifyInstance, request: FastifyRequest): CatalogWriteContext {
  return { actor: request.actor, now: app.now(), lang: request.lang, merchantScope: scopeOf(request) };
}

/** The catalog's HTTP routes; `deps` brings what lives in other modules (merchants, jobs). */
export function createCatalogRoutes(deps: CatalogDeps) {
  return async function catalogRoutes(app: FastifyInstance): Promise<void> {
    const api = app.withTypeProvider<ZodTypeProvider>();

    async function named(records: SkuRecord[]) {
      const names = records.length
        ? await deps.merchantNames(app.db, [...new Set(records.map((r) => r.merchantId))])
        : new Map<string, string>();
      return records.map((r) => ({ ...r, merchantName: names.get(r.merchantId) ?? null }));
    }

    const sendFile = (reply: import('fastify').FastifyReply, file: SheetFile) =>
      reply
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .type(file.contentType)
        .send(file.body);

    api.route({
      method: 'GET',
      url: '/api/catalog/skus',
      config: { permission: 'catalog.sku.read' },
      schema: {
        tags,
        summary: 'List SKUs (search by code, name or barcode)',
        querystring: skuListQuery,
        response: { 200: skuPageSchema },
      },
      handler: async (request) => {
        const page = await listSkus(app.db, request.query, scopeOf(request));
        return { items: await named(page.items), nextCursor: page.nextCursor };
      },
    });

    api.route({
      method: 'GET',
      url: '/api/catalog/skus/:id',
      config: { permission: 'catalog.sku.read' },
      schema: { tags, summary: 'One SKU', params: idParams, response: { 200: skuSchema } },
      handler: async (request) =>
        (await named([await getSku(app.db, request.params.id, scopeOf(request))]))[0],
    });

    api.route({
      method: 'POST',
      url: '/api/catalog/skus',
      config: { permission: 'catalog.sku.write' },
      schema: { tags, summary: 'Create a SKU', body: skuCreateBody, response: { 201: skuSchema } },
      handler: async (request, reply) => {
        const ctx = { ...writeContext(app, request), merchants: deps };
        const sku = await inTransaction(app.db, (trx) => createSku(trx, request.body, ctx));
        reply.code(201);
        return (await named([sku]))[0];
      },
    });

    api.route({
      method: 'PATCH',
      url: '/api/catalog/skus/:id',
      config: { permission: 'catalog.sku.write' },
      schema: {
        tags,
        summary: 'Change a SKU (send `version` to guard against concurrent edits)',
        params: idParams,
        body: skuPatchBody,
        response: { 200: skuSchema },
      },
      handler: async (request) => {
        const ctx = writeContext(app, request);
        const sku = await inTransaction(app.db, (trx) =>
          updateSku(trx, request.params.id, request.body, ctx),
        );
        return (await named([sku]))[0];
      },
    });

    api.route({
      method: 'GET',
      url: '/api/catalog/stats',
      config: { permission: 'catalog.sku.read' },
      schema: {
        tags,
        summary: 'SKU counts by storage class',
        querystring: z.object({ merchantId: z.uuid().optional() }),
        response: { 200: skuStatsSchema },
      },
      handler: async (request) => skuStats(app.db, request.query, scopeOf(request)),
    });

    api.route({
      method: 'GET',
      url: '/api/catalog/template',
      config: { permission: 'catalog.sku.import' },
      schema: {
        tags,
        summary: 'Empty import sheet (headers in the request language; xlsx includes column notes)',
        querystring: fileQuery,
      },
      handler: async (request, reply) =>
        sendFile(reply, await skuTemplate(request.query.format, request.lang)),
    });

    api.route({
      method: 'GET',
      url: '/api/catalog/export',
      config: { permission: 'catalog.sku.read' },
      schema: {
        tags,
        summary: 'Export SKUs in the import layout (same filters as the list)',
        querystring: z.object({ ...skuFilterQuery, format: z.enum(FILE_FORMATS).default('csv') }),
      },
      handler: async (request, reply) => {
        const { format, ...filter } = request.query;
        const file = await exportSkus(app.db, {
          format,
          lang: request.lang,
          filter,
          merchantScope: scopeOf(request),
          merchantCodes: deps.merchantCodes,
          now: app.now(),
        });
        return sendFile(reply, file);
      },
    });

    api.route({
      method: 'POST',
      url: '/api/catalog/imports',
      config: { permission: 'catalog.sku.import' },
      schema: {
        tags,
        summary: 'Import SKUs from a CSV or xlsx file (raw body); runs as a job',
        description:
          'Send the file as the body with Content-Type text/csv, application/octet-stream or the xlsx type. ' +
          'Rows are upserted by (merchant, code). `mode=validate` only checks; `skipInvalid=true` writes the ' +
          'valid rows when some are invalid. Poll the returned job for progress and the result.',
        querystring: importQuery,
        response: { 202: jobSchema },
      },
      handler: async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body)) throw new AppError('bad_request', 'catalog.import.unknown_format');
        if (body.length === 0) throw new AppError('bad_request', 'catalog.import.empty_file');
        const scope = scopeOf(request);
        const { mode, skipInvalid, merchantId } = request.query;
        const defaultMerchantId = scope ? null : (merchantId ?? null);
        if (defaultMerchantId && !(await deps.merchantExists(app.db, defaultMerchantId))) {
          throw new AppError('unprocessable', 'catalog.merchant_not_found', { merchant: defaultMerchantId });
        }
        const payload: CatalogImportPayload = {
          file: body.toString('base64'),
          format: detectFormat(body, request.query.format, request.headers['content-type']),
          mode,
          skipInvalid,
          merchantScope: scope,
          defaultMerchantId,
          lang: request.lang,
          actor: request.actor,
        };
        const job = await deps.enqueueJob(app.db, {
          kind: CATALOG_IMPORT_JOB,
          payload,
          createdBy: request.principal?.userId ?? null,
          merchantId: scope,
          now: app.now(),
        });
        reply.code(202);
        return toJobJson(job, request.lang);
      },
    });
  };
}
