import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { inTransaction } from '../../platform/db';
import type { Lang } from '../../platform/i18n/i18n';
import { t } from '../../platform/i18n/i18n';
import { jobSchema, toJobJson } from '../../platform/jobs';
import { AppError, isAppError } from '../../platform/lib/errors';
import type { PlanningDeps } from './planning.deps';
import { scopeOf, sendFile, tags, todayOf, visibleSeriesSku, warehouseScopeOf } from './planning.http';
import { PLANNING_REVIEW_JOB, type ReviewPayload } from './planning.jobs';
import { reasonText } from './planning.labels';
import { policySchema, seriesKeyParams } from './planning.schemas';
import { DEFAULT_POLICIES, OVERSTOCK_DAYS } from './policy.defaults';
import { deletePolicy, effectivePolicy, putPolicy } from './policy.service';
import {
  bulkDecisionBody,
  bulkDecisionSchema,
  decisionBody,
  exportBody,
  fileQuery,
  policyBody,
  policyDefaultsSchema,
  reviewBody,
  suggestionDetailSchema,
  suggestionPage,
  suggestionQuery,
  suggestionSchema,
} from './replenishment.schemas';
import {
  type DecideContext,
  decideSuggestion,
  getSuggestion,
  listSuggestions,
  type Suggestion,
  suggestionCounts,
} from './suggestion.service';
import { exportRequisition, requisitionFile } from './suggestion-export.service';

const idParams = z.object({ id: z.uuid() });

const withMessages = <S extends Suggestion>(lang: Lang, s: S) => ({
  ...s,
  reasons: s.reasons.map((r) => ({ ...r, message: reasonText(lang, r) })),
});

/** Replenishment policies, suggestions (decisions, requisition export) and the review job. */
export function createReplenishmentRoutes(deps: PlanningDeps) {
  return async function replenishmentRoutes(app: FastifyInstance): Promise<void> {
    const api = app.withTypeProvider<ZodTypeProvider>();
    const decideContext = (request: FastifyRequest): DecideContext => ({
      actor: request.actor,
      now: app.now(),
      today: todayOf(app, deps),
      scope: scopeOf(request),
    });
    const lookups = async () => {
      const [skus, warehouses] = await Promise.all([deps.skus(app.db), deps.listWarehouses(app.db, null)]);
      return {
        skus: new Map(skus.map((s) => [s.id, s])),
        warehouses: new Map(warehouses.map((w) => [w.id, w])),
      };
    };

    api.get(
      '/api/planning/policy-defaults',
      {
        config: { permission: 'planning.forecast.read' },
        schema: {
          tags,
          summary: 'Policies used where none is entered, by storage class (with the overstock threshold)',
          response: { 200: policyDefaultsSchema },
        },
      },
      async () =>
        Object.fromEntries(
          Object.entries(DEFAULT_POLICIES).map(([k, v]) => [
            k,
            { ...v, overstockDays: OVERSTOCK_DAYS[k] ?? 120 },
          ]),
        ),
    );

    api.get(
      '/api/planning/policies/:skuId/:warehouseId',
      {
        config: { permission: 'planning.forecast.read' },
        schema: {
          tags,
          summary: 'The replenishment policy of a SKU × warehouse (entered, or the storage-class default)',
          params: seriesKeyParams,
          response: { 200: policySchema },
        },
      },
      async (request) => {
        const sku = await visibleSeriesSku(app, deps, request.params, scopeOf(request));
        return effectivePolicy(app.db, request.params.skuId, request.params.warehouseId, sku.storageClass);
      },
    );

    api.put(
      '/api/planning/policies/:skuId/:warehouseId',
      {
        config: { permission: 'planning.policy.write' },
        schema: {
          tags,
          summary: 'Enter the replenishment policy of a SKU × warehouse',
          description:
            'Service level is the cycle service level (z = Φ⁻¹(level)); lead time mean and standard deviation in ' +
            'days (entered until procurement supplies them); MOQ and pack size in base units; ordering cost and ' +
            'unit cost in fen; holding rate per year.',
          params: seriesKeyParams,
          body: policyBody,
          response: { 200: policySchema },
        },
      },
      async (request) => {
        const sku = await visibleSeriesSku(app, deps, request.params, scopeOf(request));
        return inTransaction(app.db, (trx) =>
          putPolicy(trx, request.params, request.body, {
            actor: request.actor,
            now: app.now(),
            merchantId: sku.merchantId,
          }),
        );
      },
    );

    api.delete(
      '/api/planning/policies/:skuId/:warehouseId',
      {
        config: { permission: 'planning.policy.write' },
        schema: {
          tags,
          summary: 'Remove an entered policy (the storage-class default applies)',
          params: seriesKeyParams,
        },
      },
      async (request, reply) => {
        const sku = await visibleSeriesSku(app, deps, request.params, scopeOf(request));
        await inTransaction(app.db, (trx) =>
          deletePolicy(trx, request.params, {
            actor: request.actor,
            now: app.now(),
            merchantId: sku.merchantId,
          }),
        );
        return reply.code(204).send();
      },
    );

    api.get(
      '/api/planning/suggestions',
      {
        config: { permission: 'planning.forecast.read' },
        schema: {
          tags,
          summary: 'Replenishment suggestions (what, how much, by when, why), earliest order date first',
          querystring: suggestionQuery,
          response: { 200: suggestionPage },
        },
      },
      async (request) => {
        const page = await listSuggestions(app.db, request.query, scopeOf(request));
        return { ...page, items: page.items.map((s) => withMessages(request.lang, s)) };
      },
    );

    api.get(
      '/api/planning/suggestions/counts',
      {
        config: { permission: 'planning.forecast.read' },
        schema: {
          tags,
          summary: 'Suggestions by status',
          response: { 200: z.record(z.string(), z.number().int()) },
        },
      },
      async (request) => suggestionCounts(app.db, scopeOf(request)),
    );

    api.get(
      '/api/planning/suggestions/:id',
      {
        config: { permission: 'planning.forecast.read' },
        schema: {
          tags,
          summary: 'One suggestion with its history',
          params: idParams,
          response: { 200: suggestionDetailSchema },
        },
      },
      async (request) =>
        withMessages(request.lang, await getSuggestion(app.db, request.params.id, scopeOf(request))),
    );

    api.post(
      '/api/planning/suggestions/:id/decision',
      {
        config: { permission: 'planning.suggestion.decide' },
        schema: {
          tags,
          summary:
            'Accept, edit (quantity / order date with a reason), reject (with a reason), close or cancel',
          description: 'Illegal transitions (e.g. accepting a rejected suggestion) answer 409.',
          params: idParams,
          body: decisionBody,
          response: { 200: suggestionSchema },
        },
      },
      async (request) => {
        const { action, ...input } = request.body;
        const s = await inTransaction(app.db, (trx) =>
          decideSuggestion(trx, request.params.id, action, input, decideContext(request)),
        );
        return withMessages(request.lang, s);
      },
    );

    api.post(
      '/api/planning/suggestions/decisions',
      {
        config: { permission: 'planning.suggestion.decide' },
        schema: {
          tags,
          summary: 'The same decision on many suggestions; each succeeds or fails on its own',
          body: bulkDecisionBody,
          response: { 200: bulkDecisionSchema },
        },
      },
      async (request) => {
        const { ids, action, reason } = request.body;
        const results: z.output<typeof bulkDecisionSchema>['results'] = [];
        for (const id of [...new Set(ids)]) {
          try {
            const s = await inTransaction(app.db, (trx) =>
              decideSuggestion(trx, id, action, { reason }, decideContext(request)),
            );
            results.push({ id, ok: true, status: s.status, error: null });
          } catch (error) {
            if (!isAppError(error)) throw error;
            results.push({
              id,
              ok: false,
              status: null,
              error: { code: error.code, message: t(request.lang, error.code, error.params) },
            });
          }
        }
        return { results };
      },
    );

    api.post(
      '/api/planning/suggestions/export',
      {
        config: { permission: 'planning.suggestion.decide' },
        schema: {
          tags,
          summary:
            'Export accepted suggestions as a purchase requisition file (CSV or xlsx); they become exported',
          description:
            'Until the procurement module exists, a requisition is this file. The response header ' +
            '`x-requisition-no` carries its number (PRQ…); GET /api/planning/requisitions/{no}/file downloads it again.',
          body: exportBody,
        },
      },
      async (request, reply) => {
        const { format, ...filter } = request.body;
        const files = await lookups();
        const file = await inTransaction(app.db, (trx) =>
          exportRequisition(trx, filter, format, request.lang, files, decideContext(request)),
        );
        return sendFile(reply, file, {
          'x-requisition-no': file.requisitionNo,
          'x-row-count': String(file.count),
        });
      },
    );

    api.get(
      '/api/planning/requisitions/:requisitionNo/file',
      {
        config: { permission: 'planning.forecast.read' },
        schema: {
          tags,
          summary: 'Download an exported requisition again',
          params: z.object({ requisitionNo: z.string().regex(/^PRQ\d{14,}$/) }),
          querystring: fileQuery,
        },
      },
      async (request, reply) => {
        const file = await requisitionFile(
          app.db,
          request.params.requisitionNo,
          request.query.format,
          request.lang,
          await lookups(),
          scopeOf(request),
        );
        return sendFile(reply, file, { 'x-requisition-no': file.requisitionNo });
      },
    );

    api.post(
      '/api/planning/reviews',
      {
        config: { permission: 'planning.forecast.run' },
        schema: {
          tags,
          summary:
            'Run the daily review now: refresh suggestions and alerts from the latest forecasts and stock',
          description:
            'The same job runs by itself every morning (06:30 business time) when the scheduler is on.',
          body: reviewBody,
          response: { 202: jobSchema },
        },
      },
      async (request, reply) => {
        const scope = warehouseScopeOf(request);
        if (scope && request.body.warehouseIds?.some((w) => !scope.includes(w)))
          throw new AppError('forbidden', 'planning.warehouse_out_of_scope');
        const payload: ReviewPayload = {
          request: { skuIds: request.body.skuIds ?? null, warehouseIds: request.body.warehouseIds ?? null },
          warehouseScope: scope,
          lang: request.lang,
          actor: request.actor,
        };
        const job = await deps.enqueueJob(app.db, {
          kind: PLANNING_REVIEW_JOB,
          payload,
          createdBy: request.principal?.userId ?? null,
          merchantId: request.principal?.merchantId ?? null,
          now: app.now(),
        });
        reply.code(202);
        return toJobJson(job, request.lang);
      },
    );
  };
}
