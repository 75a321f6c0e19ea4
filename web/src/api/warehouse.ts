import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

/* Types of the warehouse (inbound) API, derived from the generated OpenAPI `paths`. */
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Op<P extends keyof paths, M extends string> = paths[P] extends { [K in M]: infer O } ? O : never;
type Ok<O> = O extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201>]> : never;
type BodyOf<O> = O extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type ItemOf<T> = T extends { items: (infer I)[] } ? I : never;

export type Receipt = Ok<Op<'/api/warehouse/receipts/{id}', 'get'>>;
export type ReceiptLine = Receipt['lines'][number];
export type ReceiptStatus = Receipt['status'];
export type ReceiptPage = Ok<Op<'/api/warehouse/receipts', 'get'>>;
export type ReceiptSummary = ItemOf<ReceiptPage>;
export type ReceiptQuery = QueryOf<Op<'/api/warehouse/receipts', 'get'>>;
export type AdHocReceipt = BodyOf<Op<'/api/warehouse/receipts', 'post'>>;
export type Arrival = BodyOf<Op<'/api/warehouse/receipts/{id}/arrive', 'post'>>;
export type Documents = BodyOf<Op<'/api/warehouse/receipts/{id}/documents', 'post'>>;
export type DocumentKind = Documents['documents'][number]['kind'];
export type Inspection = BodyOf<Op<'/api/warehouse/receipts/{id}/lines/{lineId}/inspection', 'post'>>;
export type RejectReason = ReceiptLine['rejections'][number]['reason'];
export type VendorReturn = BodyOf<Op<'/api/warehouse/receipts/{id}/vendor-returns', 'post'>>;
export type Asn = Ok<Op<'/api/warehouse/asns/{id}', 'get'>>;
export type AsnPage = Ok<Op<'/api/warehouse/asns', 'get'>>;
export type AsnSummary = ItemOf<AsnPage>;
export type AsnStatus = Asn['status'];
export type AsnQuery = QueryOf<Op<'/api/warehouse/asns', 'get'>>;
export type AsnCreate = BodyOf<Op<'/api/warehouse/asns', 'post'>>;
export type PutawayTask = Receipt['tasks'][number];
export type TaskQuery = QueryOf<Op<'/api/warehouse/putaway-tasks', 'get'>>;
export type PutawayConfirm = BodyOf<Op<'/api/warehouse/putaway-tasks/{id}/confirm', 'post'>>;
export type PutawayResult = Ok<Op<'/api/warehouse/putaway-tasks/{id}/confirm', 'post'>>;
export type SlotReason = NonNullable<PutawayTask['slotReason']>;

/** `allOf<U>()([...])`: a list that must name every member of the union U. */
const allOf =
  <U extends string>() =>
  <const L extends readonly U[]>(list: L & ([Exclude<U, L[number]>] extends [never] ? unknown : never)) =>
    list;

export const RECEIPT_STATUSES = allOf<ReceiptStatus>()([
  'draft',
  'arrived',
  'inspecting',
  'inspected',
  'putaway_in_progress',
  'completed',
  'cancelled',
]);
export const ASN_STATUSES = allOf<AsnStatus>()(['open', 'receiving', 'received', 'cancelled']);
export const REJECT_REASONS = allOf<RejectReason>()([
  'damaged',
  'wrong_item',
  'expired',
  'temperature',
  'documents_missing',
  'other',
]);
export const DOCUMENT_KINDS = allOf<DocumentKind>()([
  'delivery_note',
  'quality_certificate',
  'quarantine_certificate',
  'invoice',
  'other',
]);

const KEY = ['warehouse'] as const;

export function useReceiptPage(query: ReceiptQuery) {
  return useQuery({
    queryKey: [...KEY, 'receipts', query],
    queryFn: (): Promise<ReceiptPage> => unwrap(api.GET('/api/warehouse/receipts', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useReceipt(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'receipt', id],
    queryFn: (): Promise<Receipt> =>
      unwrap(api.GET('/api/warehouse/receipts/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function useAsnPage(query: AsnQuery, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'asns', query],
    queryFn: (): Promise<AsnPage> => unwrap(api.GET('/api/warehouse/asns', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAsn(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'asn', id],
    queryFn: (): Promise<Asn> =>
      unwrap(api.GET('/api/warehouse/asns/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function useTaskPage(query: TaskQuery, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'tasks', query],
    queryFn: () => unwrap(api.GET('/api/warehouse/putaway-tasks', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAlternatives(taskId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'alternatives', taskId],
    queryFn: () =>
      unwrap(
        api.GET('/api/warehouse/putaway-tasks/{id}/alternatives', { params: { path: { id: taskId! } } }),
      ),
    enabled: Boolean(taskId),
  });
}

/** After any change, the receipt and every list that may show it are stale. */
function useRefresh() {
  const client = useQueryClient();
  return (receipt?: Receipt) => {
    if (receipt) client.setQueryData([...KEY, 'receipt', receipt.id], receipt);
    void client.invalidateQueries({ queryKey: KEY });
    void client.invalidateQueries({ queryKey: ['inventory'] });
  };
}

const path = (id: string) => ({ params: { path: { id } } });

/** Every change to one receipt: each returns the receipt as it now is. */
export function useReceiptActions(id: string) {
  const refresh = useRefresh();
  const onSuccess = (r: Receipt) => refresh(r);
  const arrive = useMutation({
    mutationFn: (body: Arrival): Promise<Receipt> =>
      unwrap(api.POST('/api/warehouse/receipts/{id}/arrive', { ...path(id), body })),
    onSuccess,
  });
  const documents = useMutation({
    mutationFn: (body: Documents): Promise<Receipt> =>
      unwrap(api.POST('/api/warehouse/receipts/{id}/documents', { ...path(id), body })),
    onSuccess,
  });
  const inspect = useMutation({
    mutationFn: ({ lineId, body }: { lineId: string; body: Inspection }): Promise<Receipt> =>
      unwrap(
        api.POST('/api/warehouse/receipts/{id}/lines/{lineId}/inspection', {
          params: { path: { id, lineId } },
          body,
        }),
      ),
    onSuccess,
  });
  const signOff = useMutation({
    mutationFn: (_: undefined): Promise<Receipt> =>
      unwrap(api.POST('/api/warehouse/receipts/{id}/sign-off', path(id))),
    onSuccess,
  });
  const cancel = useMutation({
    mutationFn: (reason: string): Promise<Receipt> =>
      unwrap(api.POST('/api/warehouse/receipts/{id}/cancel', { ...path(id), body: { reason } })),
    onSuccess,
  });
  const returnToVendor = useMutation({
    mutationFn: (body: VendorReturn): Promise<Receipt> =>
      unwrap(api.POST('/api/warehouse/receipts/{id}/vendor-returns', { ...path(id), body })),
    onSuccess,
  });
  return { arrive, documents, inspect, signOff, cancel, returnToVendor };
}

export function useCreateReceipt() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: AdHocReceipt): Promise<Receipt> =>
      unwrap(api.POST('/api/warehouse/receipts', { body })),
    onSuccess: refresh,
  });
}

export function useReceiptFromAsn() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ asnId, arrived }: { asnId: string; arrived: boolean }): Promise<Receipt> =>
      unwrap(api.POST('/api/warehouse/asns/{id}/receipt', { ...path(asnId), body: { arrived } })),
    onSuccess: refresh,
  });
}

export function useCreateAsn() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: AsnCreate): Promise<Asn> => unwrap(api.POST('/api/warehouse/asns', { body })),
    onSuccess: () => refresh(),
  });
}

export function useCancelAsn() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string): Promise<Asn> =>
      unwrap(api.POST('/api/warehouse/asns/{id}/cancel', { ...path(id), body: {} })),
    onSuccess: () => refresh(),
  });
}

export function useConfirmPutaway() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ taskId, body }: { taskId: string; body: PutawayConfirm }): Promise<PutawayResult> =>
      unwrap(api.POST('/api/warehouse/putaway-tasks/{id}/confirm', { ...path(taskId), body })),
    onSuccess: () => refresh(),
  });
}

/** Warehouses goods may be announced to (merchants do not see the warehouse layout itself). */
export function useDestinations(enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'destinations'],
    queryFn: async () => (await unwrap(api.GET('/api/warehouse/destinations'))).items,
    enabled,
    staleTime: 10 * 60_000,
  });
}
