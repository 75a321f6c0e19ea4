import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, downloadFile, rawFetch, unwrap } from './client';
import type { paths } from './schema';
import type { Job } from './types';

/** Typed calls of the planning API (forecasts, accuracy, suggestions, alerts, promotions). */

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Op<P extends keyof paths, M extends string> = paths[P] extends { [K in M]: infer O } ? O : never;
type Ok<O> = O extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201 | 202>]> : never;
type BodyOf<O> = O extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type ItemOf<T> = T extends { items: (infer I)[] } ? I : T extends (infer I)[] ? I : never;

export type SeriesList = Ok<Op<'/api/planning/series', 'get'>>;
export type SeriesItem = ItemOf<SeriesList>;
export type SeriesQuery = QueryOf<Op<'/api/planning/series', 'get'>>;
export type SeriesDetail = Ok<Op<'/api/planning/series/{skuId}/{warehouseId}', 'get'>>;
export type Policy = SeriesDetail['policy'];
export type PolicyInput = BodyOf<Op<'/api/planning/policies/{skuId}/{warehouseId}', 'put'>>;
export type PolicyDefaults = Ok<Op<'/api/planning/policy-defaults', 'get'>>;
export type Run = ItemOf<Ok<Op<'/api/planning/runs', 'get'>>>;
export type RunBody = BodyOf<Op<'/api/planning/runs', 'post'>>;
export type AccuracyView = Ok<Op<'/api/planning/accuracy', 'get'>>;
export type AccuracyGroup = AccuracyView['groups'][number];
export type SeriesAccuracyPage = Ok<Op<'/api/planning/accuracy/series', 'get'>>;
export type SeriesAccuracy = ItemOf<SeriesAccuracyPage>;
export type SeriesAccuracyQuery = QueryOf<Op<'/api/planning/accuracy/series', 'get'>>;
export type Suggestion = ItemOf<Ok<Op<'/api/planning/suggestions', 'get'>>>;
export type SuggestionDetail = Ok<Op<'/api/planning/suggestions/{id}', 'get'>>;
export type SuggestionQuery = QueryOf<Op<'/api/planning/suggestions', 'get'>>;
export type SuggestionStatus = Suggestion['status'];
export type Decision = BodyOf<Op<'/api/planning/suggestions/{id}/decision', 'post'>>;
export type BulkDecision = BodyOf<Op<'/api/planning/suggestions/decisions', 'post'>>;
export type BulkResult = Ok<Op<'/api/planning/suggestions/decisions', 'post'>>;
export type PlanningAlert = ItemOf<Ok<Op<'/api/planning/alerts', 'get'>>>;
export type AlertQuery = QueryOf<Op<'/api/planning/alerts', 'get'>>;
export type AlertCounts = Ok<Op<'/api/planning/alerts/counts', 'get'>>;
export type Promotion = ItemOf<Ok<Op<'/api/planning/promotions', 'get'>>>;
export type PromotionCreate = BodyOf<Op<'/api/planning/promotions', 'post'>>;
export type PromotionPatch = BodyOf<Op<'/api/planning/promotions/{id}', 'patch'>>;
export type CalendarEntry = ItemOf<Ok<Op<'/api/planning/calendar', 'get'>>>;

export const SUGGESTION_STATUSES: SuggestionStatus[] = [
  'proposed',
  'accepted',
  'exported',
  'closed',
  'rejected',
  'cancelled',
  'superseded',
];
export const ALERT_KINDS: PlanningAlert['kind'][] = [
  'stockout_risk',
  'overstock',
  'slow_mover',
  'near_expiry',
];

export function useSeriesList(query: SeriesQuery) {
  return useQuery({
    queryKey: ['planning', 'series', query],
    queryFn: () => unwrap(api.GET('/api/planning/series', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useSeriesDetail(skuId: string, warehouseId: string, historyDays: number) {
  return useQuery({
    queryKey: ['planning', 'series', skuId, warehouseId, historyDays],
    queryFn: () =>
      unwrap(
        api.GET('/api/planning/series/{skuId}/{warehouseId}', {
          params: { path: { skuId, warehouseId }, query: { historyDays } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useRuns(kind?: Run['kind']) {
  return useQuery({
    queryKey: ['planning', 'runs', kind],
    queryFn: () =>
      unwrap(api.GET('/api/planning/runs', { params: { query: { ...(kind ? { kind } : {}), limit: 20 } } })),
  });
}

export const startRun = (body: RunBody): Promise<Job> => unwrap(api.POST('/api/planning/runs', { body }));
export const startReview = (body: { skuIds?: string[]; warehouseIds?: string[] } = {}): Promise<Job> =>
  unwrap(api.POST('/api/planning/reviews', { body }));

export function useAccuracy(runId?: string) {
  return useQuery({
    queryKey: ['planning', 'accuracy', runId ?? 'latest'],
    queryFn: () => unwrap(api.GET('/api/planning/accuracy', { params: { query: runId ? { runId } : {} } })),
  });
}

export function useSeriesAccuracy(query: SeriesAccuracyQuery) {
  return useQuery({
    queryKey: ['planning', 'accuracy-series', query],
    queryFn: () => unwrap(api.GET('/api/planning/accuracy/series', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export const savePolicy = (skuId: string, warehouseId: string, body: PolicyInput) =>
  unwrap(
    api.PUT('/api/planning/policies/{skuId}/{warehouseId}', {
      params: { path: { skuId, warehouseId } },
      body,
    }),
  );
export const resetPolicy = (skuId: string, warehouseId: string) =>
  rawFetch(`/api/planning/policies/${skuId}/${warehouseId}`, { method: 'DELETE' });

export function useSuggestions(query: SuggestionQuery) {
  return useQuery({
    queryKey: ['planning', 'suggestions', query],
    queryFn: () => unwrap(api.GET('/api/planning/suggestions', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useSuggestionCounts() {
  return useQuery({
    queryKey: ['planning', 'suggestions', 'counts'],
    queryFn: () => unwrap(api.GET('/api/planning/suggestions/counts')),
  });
}

export function useSuggestion(id: string | null) {
  return useQuery({
    queryKey: ['planning', 'suggestion', id],
    queryFn: () => unwrap(api.GET('/api/planning/suggestions/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export const decide = (id: string, body: Decision) =>
  unwrap(api.POST('/api/planning/suggestions/{id}/decision', { params: { path: { id } }, body }));
export const decideMany = (body: BulkDecision): Promise<BulkResult> =>
  unwrap(api.POST('/api/planning/suggestions/decisions', { body }));

/** Export accepted suggestions as a requisition file; returns its number. */
export async function exportRequisition(body: { ids?: string[]; format: 'csv' | 'xlsx' }): Promise<string> {
  const response = await rawFetch('/api/planning/suggestions/export', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const no = response.headers.get('x-requisition-no') ?? 'requisition';
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${no}.${body.format}`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return no;
}

export const downloadRequisition = (no: string, format: 'csv' | 'xlsx' = 'xlsx') =>
  downloadFile(`/api/planning/requisitions/${no}/file?format=${format}`, `${no}.${format}`);

export function useAlerts(query: AlertQuery) {
  return useQuery({
    queryKey: ['planning', 'alerts', query],
    queryFn: () => unwrap(api.GET('/api/planning/alerts', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useAlertCounts(enabled = true) {
  return useQuery({
    queryKey: ['planning', 'alerts', 'counts'],
    queryFn: () => unwrap(api.GET('/api/planning/alerts/counts')),
    enabled,
  });
}

export const acknowledgeAlert = (id: string, note?: string) =>
  unwrap(
    api.POST('/api/planning/alerts/{id}/acknowledge', {
      params: { path: { id } },
      body: note ? { note } : {},
    }),
  );

export function usePromotions(includeInactive = false) {
  return useQuery({
    queryKey: ['planning', 'promotions', includeInactive],
    queryFn: () =>
      unwrap(
        api.GET('/api/planning/promotions', {
          params: { query: { includeInactive: includeInactive ? 'true' : 'false' } },
        }),
      ),
  });
}

export function useCalendar(from: string, to: string) {
  return useQuery({
    queryKey: ['planning', 'calendar', from, to],
    queryFn: () => unwrap(api.GET('/api/planning/calendar', { params: { query: { from, to } } })),
  });
}

export const createPromotion = (body: PromotionCreate) =>
  unwrap(api.POST('/api/planning/promotions', { body }));
export const updatePromotion = (id: string, body: PromotionPatch) =>
  unwrap(api.PATCH('/api/planning/promotions/{id}', { params: { path: { id } }, body }));
export const withdrawPromotion = (id: string) =>
  rawFetch(`/api/planning/promotions/${id}`, { method: 'DELETE' });

const FILE_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export async function startDemandImport(
  file: File,
  mode: 'validate' | 'commit',
  skipInvalid: boolean,
): Promise<Job> {
  const format = file.name.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
  const query = new URLSearchParams({ format, mode, skipInvalid: String(skipInvalid) });
  const response = await rawFetch(`/api/planning/demand/imports?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': FILE_TYPES[format] },
    body: file,
  });
  return (await response.json()) as Job;
}

export const demandTemplateUrl = (format: 'csv' | 'xlsx') => `/api/planning/demand/template?format=${format}`;

/** What a demand import job returns. */
export interface DemandImportResult {
  mode: 'validate' | 'commit';
  committed: boolean;
  total: number;
  valid: number;
  invalid: number;
  written: number;
  skipped: number;
  series: number;
  firstDay: string | null;
  lastDay: string | null;
  errors: { row: number; field: string; code: string; message: string }[];
  errorsTruncated: boolean;
}

/** What a forecast run job returns. */
export interface RunJobResult {
  run: {
    runId: string;
    kind: 'forecast' | 'backtest';
    series: number;
    forecast: number;
    failed: number;
    elapsedMs: number;
    msPer1000: number | null;
    overall?: { mase: number | null; wape: number | null; bias: number | null } | null;
  };
  review?: { series: number; suggestions: { created: number }; alerts: { raised: number } };
}
