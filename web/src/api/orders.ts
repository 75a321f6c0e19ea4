import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rawFetch, unwrap } from './client';
import type { paths } from './schema';
import type { Job } from './types';

/** Orders API: types from the generated contract, and the hooks the order pages use. */
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Op<P extends keyof paths, M extends string> = paths[P] extends { [K in M]: infer O } ? O : never;
type Ok<O> = O extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201 | 202>]> : never;
type BodyOf<O> = O extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type OrderPage = Ok<Op<'/api/orders', 'get'>>;
export type OrderSummary = OrderPage['items'][number];
export type OrderQuery = QueryOf<Op<'/api/orders', 'get'>>;
export type OrderDetail = Ok<Op<'/api/orders/{id}', 'get'>>;
export type OrderStatus = OrderSummary['status'];
export type ExceptionSummary = Ok<Op<'/api/orders/exceptions/summary', 'get'>>;
export type BulkBody = BodyOf<Op<'/api/orders/bulk', 'post'>>;
export type BulkReply = Ok<Op<'/api/orders/bulk', 'post'>>;
export type FixAddressBody = BodyOf<Op<'/api/orders/{id}/fix-address', 'post'>>;
export type ChangeItemsBody = BodyOf<Op<'/api/orders/{id}/change-items', 'post'>>;
export type SplitBody = BodyOf<Op<'/api/orders/{id}/split', 'post'>>;
export type ContactBody = BodyOf<Op<'/api/orders/{id}/contact', 'post'>>;
export type FulfilmentBody = BodyOf<Op<'/api/orders/{id}/fulfilment', 'post'>>;
export type ReasonCode = NonNullable<OrderQuery['reason']>;
export type OrderCreateBody = BodyOf<Op<'/api/orders', 'post'>>;
export type OrderIntake = Ok<Op<'/api/orders', 'post'>>;

export const ORDER_STATUSES: OrderStatus[] = [
  'created',
  'exception',
  'validated',
  'allocated',
  'released',
  'picking',
  'packed',
  'shipped',
  'in_transit',
  'delivered',
  'cancelled',
  'returned',
];

export const REASON_CODES: ReasonCode[] = [
  'address_unparsed',
  'address_incomplete',
  'address_mismatch',
  'address_ambiguous',
  'address_detail_missing',
  'address_outside_mainland',
  'phone_invalid',
  'sku_unknown',
  'sku_inactive',
  'qty_not_positive',
  'cold_chain_required',
  'cod_amount_mismatch',
  'payment_unpaid',
  'duplicate_suspected',
  'customer_blocked',
  'out_of_stock',
  'no_capable_warehouse',
];

export function useOrderPage(query: OrderQuery, refetchMs?: number) {
  return useQuery({
    queryKey: ['orders', 'list', query],
    queryFn: (): Promise<OrderPage> => unwrap(api.GET('/api/orders', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: refetchMs,
  });
}

export function useOrder(id: string | undefined) {
  return useQuery({
    queryKey: ['orders', 'one', id],
    queryFn: (): Promise<OrderDetail> =>
      unwrap(api.GET('/api/orders/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function useExceptionSummary(enabled = true) {
  return useQuery({
    queryKey: ['orders', 'exceptions'],
    queryFn: (): Promise<ExceptionSummary> => unwrap(api.GET('/api/orders/exceptions/summary')),
    refetchInterval: 60_000,
    enabled,
  });
}

/** Every action on an order answers where it stands; the lists and the detail are refreshed. */
function useOrderMutation<V, R = unknown>(run: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['orders'] }),
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export const useCancelOrder = () =>
  useOrderMutation(({ id, reason }: { id: string; reason: string }) =>
    unwrap(api.POST('/api/orders/{id}/cancel', { ...path(id), body: { reason } })),
  );
export const useAllocateOrder = () =>
  useOrderMutation((id: string) => unwrap(api.POST('/api/orders/{id}/allocate', path(id))));
export const useReleaseToWarehouse = () =>
  useOrderMutation((id: string) => unwrap(api.POST('/api/orders/{id}/release-to-warehouse', path(id))));
export const useFixAddress = () =>
  useOrderMutation(({ id, body }: { id: string; body: FixAddressBody }) =>
    unwrap(api.POST('/api/orders/{id}/fix-address', { ...path(id), body })),
  );
export const useChangeItems = () =>
  useOrderMutation(({ id, body }: { id: string; body: ChangeItemsBody }) =>
    unwrap(api.POST('/api/orders/{id}/change-items', { ...path(id), body })),
  );
export const useSplitOrder = () =>
  useOrderMutation(({ id, body }: { id: string; body: SplitBody }) =>
    unwrap(api.POST('/api/orders/{id}/split', { ...path(id), body })),
  );
export const useReleaseOverride = () =>
  useOrderMutation(({ id, note }: { id: string; note: string }) =>
    unwrap(api.POST('/api/orders/{id}/release', { ...path(id), body: { note } })),
  );
export const useRecordContact = () =>
  useOrderMutation(({ id, body }: { id: string; body: ContactBody }) =>
    unwrap(api.POST('/api/orders/{id}/contact', { ...path(id), body })),
  );
export const useRevalidate = () =>
  useOrderMutation((id: string) =>
    unwrap(api.POST('/api/orders/{id}/revalidate', { ...path(id), body: {} })),
  );
export const useFulfilment = () =>
  useOrderMutation(({ id, body }: { id: string; body: FulfilmentBody }) =>
    unwrap(api.POST('/api/orders/{id}/fulfilment', { ...path(id), body })),
  );
/**
 * Take in one order. The `Idempotency-Key` makes a repeat of the same request (a retry after a lost
 * answer) get the first answer back instead of a second order.
 */
export const useCreateOrder = () =>
  useOrderMutation(
    ({ body, idempotencyKey }: { body: OrderCreateBody; idempotencyKey: string }): Promise<OrderIntake> =>
      unwrap(api.POST('/api/orders', { body, headers: { 'Idempotency-Key': idempotencyKey } })),
  );
export const useBulkAction = () =>
  useOrderMutation((body: BulkBody): Promise<BulkReply> => unwrap(api.POST('/api/orders/bulk', { body })));

export type OrderFileFormat = 'csv' | 'xlsx';
const CONTENT_TYPES: Record<OrderFileFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Upload an order file as the raw body; the server answers 202 with the import job. */
export async function startOrderImport(input: {
  file: File;
  format: OrderFileFormat;
  mode: 'validate' | 'commit';
  skipInvalid: boolean;
}): Promise<Job> {
  const query = new URLSearchParams({
    format: input.format,
    mode: input.mode,
    skipInvalid: String(input.skipInvalid),
  });
  const response = await rawFetch(`/api/orders/imports?${query}`, {
    method: 'POST',
    headers: { 'Content-Type': CONTENT_TYPES[input.format] },
    body: input.file,
  });
  return (await response.json()) as Job;
}

export const orderTemplateUrl = (format: OrderFileFormat) => `/api/orders/import-template?format=${format}`;

/** What an order import job answers (the job result is untyped in the contract). */
export interface OrderImportResult {
  mode: 'validate' | 'commit';
  committed: boolean;
  rows: number;
  orders: number;
  valid: number;
  invalid: number;
  created: number;
  existing: number;
  exceptions: number;
  exceptionsByReason: Array<{ code: ReasonCode; count: number }>;
  report: Array<{
    row: number;
    externalNo: string;
    result: 'created' | 'existing' | 'invalid';
    number: string | null;
    status: OrderStatus | null;
    reasons: ReasonCode[];
  }>;
  errors: Array<{ row: number; field: string; code: string; message: string }>;
  errorsTruncated: boolean;
  warnings: Array<{ row: number; field: string; code: string; message: string }>;
  allocationJobId: string | null;
}

export function asOrderImportResult(value: unknown): OrderImportResult | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<OrderImportResult>;
  return typeof v.orders === 'number' && Array.isArray(v.report) && Array.isArray(v.errors)
    ? (v as OrderImportResult)
    : null;
}
