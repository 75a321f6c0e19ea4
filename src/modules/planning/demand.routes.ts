import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { recordAudit } from '../../platform/audit/audit';
import { inTransaction } from '../../platform/db';
import { jobSchema, toJobJson } from '../../platform/jobs';
import { AppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { recordDemand, replaceDemand } from './demand.service';
import { DEMAND_COLUMNS } from './demand-import.service';
import type { PlanningDeps } from './planning.deps';
import { scopeOf, sendFile, tags, todayOf, visibleSeriesSku, warehouseScopeOf } from './planning.http';
import { type ImportPayload, PLANNING_IMPORT_JOB } from './planning.jobs';
import { eventLabel } from './planning.labels';
import {
  calendarQuery,
  calendarSchema,
  demandPostBody,
  importQuery,
  promotionCreateBody,
  promotionListQuery,
  promotionPatchBody,
  promotionSchema,
  seriesDetailQuery,
  seriesDetailSchema,
  seriesKeyParams,
  seriesListQuery,
  seriesListSchema,
} from './planning.schemas';
import { CSV_TYPE, detectFormat, FILE_FORMATS, writeSheet, XLSX_TYPE } from './planning-sheet';
import {
  calendarOf,
  createPromotion,
  getPromotion,
  listPromotions,
  type PromotionContext,
  updatePromotion,
} from './promotion.service';
import { listSeries, seriesDetail } from './series.service';

const idParams = z.object({ id: z.uuid() });

/** Demand history, the series and their forecast chart data, the retail calendar and promotions. */
export function createDemandRoutes(deps: PlanningDeps) {
  return async function demandRoutes(app: FastifyInstance): Promise<void> {
    const api = app.withTypeProvider<ZodTypeProvider>();

    api.get(
      '/api/planning/series',
      {
        config: { permission: 'planning.forecast.read' },
        schema: {
          tags,
          summary: 'SKU × warehouse demand series with their latest forecast and accuracy',
          querystring: seriesListQuery,
          response: { 200: seriesListSchema },
        },
      },
      async (request) => listSeries(app.db, deps, request.query, scopeOf(request), app.now()),
    );

    api.get(
      '/api/planning/series/:skuId/:warehouseId',
      {
        config: { permission: 'planning.forecast.read' },
        schema: {
          tags,
          summary:
            'History, forecast with its 80 % interval and events, accuracy, policy and stock projection',
          params: seriesKeyParams,
          querystring: seriesDetailQuery,
          response: { 200: seriesDetailSchema },
        },
      },
      async (request) => {
        const detail = await seriesDetail(
          app.db,
          deps,
          request.params,
          { historyDays: request.query.historyDays, now: app.now() },
          scopeOf(request),
        );
        const names = new Map(detail.promotions.map((p) => [p.id, p.name]));
        return {
          ...detail,
          forecast: detail.forecast && {
            ...detail.forecast,
            events: detail.forecast.events.map((e) => ({
              ...e,
              label: eventLabel(request.lang, e.event, names),
            })),
          },
        };
      },
    );

    api.post(
      '/api/planning/demand',
      {
        config: { permission: 'planning.demand.import' },
        schema: {
          tags,
          summary: 'Post daily demand rows (integrations): add to or replace the day’s units',
          body: demandPostBody,
          response: { 200: z.object({ rows: z.number().int(), series: z.number().int() }) },
        },
      },
      async (request) => {
        const scope = warehouseScopeOf(request);
        const today = todayOf(app, deps);
        const { rows, mode } = request.body;
        rows.forEach((r, i) => {
          if (scope && !scope.includes(r.warehouseId))
            throw new AppError('forbidden', 'planning.warehouse_out_of_scope');
          if (r.day > today)
            throw new AppError('bad_request', 'planning.import.future_date', { value: r.day }, [
              {
                field: `body.rows.${i}.day`,
                code: 'future_date',
                message: 'planning.import.future_date',
                params: { value: r.day },
              },
            ]);
        });
        const pairs = [...new Set(rows.map((r) => `${r.skuId}|${r.warehouseId}`))];
        for (const pair of pairs) {
          const [skuId, warehouseId] = pair.split('|');
          await visibleSeriesSku(app, deps, { skuId, warehouseId }, scopeOf(request));
        }
        await inTransaction(app.db, async (trx) => {
          if (mode === 'add') await recordDemand(trx, rows, { now: app.now() });
          else await replaceDemand(trx, rows);
          await recordAudit(
            trx,
            request.actor,
            {
              action: mode === 'add' ? 'post' : 'replace',
              entity: 'planning.demand_history',
              entityId: newId(),
              summary: `demand ${mode}: ${rows.length} rows, ${pairs.length} series`,
              after: { rows: rows.length, series: pairs.length },
            },
            app.now(),
          );
        });
        return { rows: rows.length, series: pairs.length };
      },
    );

    api.get(
      '/api/planning/demand/template',
      {
        config: { permission: 'planning.demand.import' },
        schema: {
          tags,
          summary: 'Empty demand-history sheet with the accepted columns and two example rows',
          querystring: z.object({ format: z.enum(FILE_FORMATS).default('csv') }),
        },
      },
      async (request, reply) => {
        const format = request.query.format;
        const zh = request.lang === 'zh-CN';
        const header = DEMAND_COLUMNS.map((c) => (zh ? c.headers[2] : c.key));
        const today = todayOf(app, deps);
        const body = await writeSheet(format, {
          header,
          rows: [
            ['FRU-STRAW-500', 'FRESH', 'WH-SH', today, 36, zh ? '否' : 'no'],
            ['FRU-STRAW-500', 'FRESH', 'WH-SH', today, 12, zh ? '是' : 'yes'],
          ],
          sheetName: zh ? '需求历史' : 'Demand history',
        });
        return sendFile(reply, {
          fileName: `demand-template.${format}`,
          contentType: format === 'csv' ? CSV_TYPE : XLSX_TYPE,
          body,
        });
      },
    );

    api.post(
      '/api/planning/demand/imports',
      {
        config: { permission: 'planning.demand.import' },
        schema: {
          tags,
          summary: 'Import daily demand history from a CSV or xlsx file (raw body); runs as a job',
          description:
            'Columns: sku_code, warehouse_code, date (YYYY-MM-DD), qty, optionally merchant_code and stockout ' +
            '(yes/no: the day sold out, so its demand was censored). Headers may be in Chinese (商品编码, 仓库编码, ' +
            '日期, 数量, 商家编码, 缺货). Each row replaces the stored units of its day. `mode=validate` only checks; ' +
            'the job result lists every bad row with its column and reason.',
          querystring: importQuery,
          response: { 202: jobSchema },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body)) throw new AppError('bad_request', 'planning.import.unknown_format');
        if (body.length === 0) throw new AppError('bad_request', 'planning.import.empty_file');
        const payload: ImportPayload = {
          file: body.toString('base64'),
          format: detectFormat(body, request.query.format, request.headers['content-type']),
          mode: request.query.mode,
          skipInvalid: request.query.skipInvalid,
          warehouseScope: warehouseScopeOf(request),
          lang: request.lang,
          actor: request.actor,
        };
        const job = await deps.enqueueJob(app.db, {
          kind: PLANNING_IMPORT_JOB,
          payload,
          createdBy: request.principal?.userId ?? null,
          merchantId: request.principal?.merchantId ?? null,
          now: app.now(),
        });
        reply.code(202);
        return toJobJson(job, request.lang);
      },
    );

    api.get(
      '/api/planning/calendar',
      {
        config: { permission: 'planning.forecast.read' },
        schema: {
          tags,
          summary:
            'Retail calendar (618, Double 11, Spring Festival …, holidays) and promotions in a date range',
          querystring: calendarQuery,
          response: { 200: calendarSchema },
        },
      },
      async (request) => {
        const { from, to, skuId, warehouseId } = request.query;
        if (to < from || Date.parse(to) - Date.parse(from) > 800 * 86_400_000)
          throw new AppError('bad_request', 'planning.calendar.invalid_range', {}, [
            { field: 'querystring.to', code: 'invalid_range', message: 'planning.calendar.invalid_range' },
          ]);
        const promotions = await listPromotions(app.db, { from, to, skuId, warehouseId });
        const names = new Map(promotions.map((p) => [p.id, p.name]));
        return calendarOf(from, to, promotions).map((e) => ({
          event: e.event,
          kind: e.kind,
          label: eventLabel(request.lang, e.event, names),
          startDay: e.startDay,
          endDay: e.endDay,
          promotionId: e.promotionId,
          expectedUplift: e.expectedUplift,
        }));
      },
    );

    const promotionContext = (request: import('fastify').FastifyRequest): PromotionContext => ({
      actor: request.actor,
      now: app.now(),
      warehouseScope: warehouseScopeOf(request),
    });

    api.get(
      '/api/planning/promotions',
      {
        config: { permission: 'planning.forecast.read' },
        schema: {
          tags,
          summary: 'Promotions',
          querystring: promotionListQuery,
          response: { 200: z.array(promotionSchema) },
        },
      },
      async (request) => listPromotions(app.db, request.query),
    );

    api.get(
      '/api/planning/promotions/:id',
      {
        config: { permission: 'planning.forecast.read' },
        schema: { tags, summary: 'One promotion', params: idParams, response: { 200: promotionSchema } },
      },
      async (request) => getPromotion(app.db, request.params.id),
    );

    api.post(
      '/api/planning/promotions',
      {
        config: { permission: 'planning.promotion.write' },
        schema: {
          tags,
          summary: 'Enter a promotion (feeds the forecast as an event; the uplift is optional)',
          body: promotionCreateBody,
          response: { 201: promotionSchema },
        },
      },
      async (request, reply) => {
        const promotion = await inTransaction(app.db, (trx) =>
          createPromotion(trx, request.body, promotionContext(request)),
        );
        reply.code(201);
        return promotion;
      },
    );

    api.patch(
      '/api/planning/promotions/:id',
      {
        config: { permission: 'planning.promotion.write' },
        schema: {
          tags,
          summary:
            'Change a promotion (send `version` to guard against concurrent edits; `active: false` ends it)',
          params: idParams,
          body: promotionPatchBody,
          response: { 200: promotionSchema },
        },
      },
      async (request) =>
        inTransaction(app.db, (trx) =>
          updatePromotion(trx, request.params.id, request.body, promotionContext(request)),
        ),
    );

    api.delete(
      '/api/planning/promotions/:id',
      {
        config: { permission: 'planning.promotion.write' },
        schema: { tags, summary: 'Withdraw a promotion (kept, inactive)', params: idParams },
      },
      async (request, reply) => {
        const current = await getPromotion(app.db, request.params.id);
        if (!current.active) throw notFound('promotion', request.params.id);
        await inTransaction(app.db, (trx) =>
          updatePromotion(trx, request.params.id, { active: false }, promotionContext(request)),
        );
        return reply.code(204).send();
      },
    );
  };
}
