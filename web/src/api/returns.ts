import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

/** Returns and exchanges API: types from the generated contract, and the hooks the return pages use. */
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Op<P extends keyof paths, M extends string> = paths[P] extends { [K in M]: infer O } ? O : never;
type Ok<O> = O extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201 | 202>]> : never;
type BodyOf<O> = O extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type ReturnPage = Ok<Op<'/api/returns', 'get'>>;
export type ReturnSummary = ReturnPage['items'][number];
export type ReturnQuery = QueryOf<Op<'/api/returns', 'get'>>;
export type ReturnDetail = Ok<Op<'/api/returns/{id}', 'get'>>;
export type ReturnStatus = ReturnSummary['status'];
export type ReturnReason = ReturnSummary['reason'];
export type ReturnCondition = ReturnSummary['condition'];
export type Returnable = Ok<Op<'/api/returns/orders/{orderId}/returnable', 'get'>>;
export type ReturnCreateBody = BodyOf<Op<'/api/returns', 'post'>>;
export type ArrangeBody = BodyOf<Op<'/api/returns/{id}/arrange', 'post'>>;
export type ReceiveBody = BodyOf<Op<'/api/returns/{id}/receive', 'post'>>;
export type InspectBody = BodyOf<Op<'/api/returns/{id}/inspect', 'post'>>;
export type Disposition = InspectBody['entries'][number]['disposition'];
export type ReplacementBody = BodyOf<Op<'/api/returns/{id}/replacement', 'post'>>;
export type ReturnSettings = Ok<Op<'/api/returns/settings', 'get'>>;
export type PortalView = Ok<Op<'/api/returns/portal/lookup', 'post'>>;
export type PortalLookupBody = BodyOf<Op<'/api/returns/portal/lookup', 'post'>>;
export type PortalRequestBody = BodyOf<Op<'/api/returns/portal/requests', 'post'>>;
export type PortalCreated = Ok<Op<'/api/returns/portal/requests', 'post'>>;

export const RETURN_STATUSES: ReturnStatus[] = [
  'requested',
  'approved',
  'rejected',
  'awaiting_goods',
  'received',
  'inspected',
  'closed',
  'cancelled',
];
export const RETURN_REASONS: ReturnReason[] = [
  'damaged',
  'wrong_item',
  'not_as_described',
  'no_longer_wanted',
  'quality',
  'other',
];
export const RETURN_CONDITIONS: ReturnCondition[] = ['unopened', 'opened', 'damaged'];
export const DISPOSITIONS: Disposition[] = ['restock', 'hold', 'scrap'];

export function useReturnPage(query: ReturnQuery, enabled = true) {
  return useQuery({
    queryKey: ['returns', 'list', query],
    queryFn: (): Promise<ReturnPage> => unwrap(api.GET('/api/returns', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useReturn(id: string | undefined) {
  return useQuery({
    queryKey: ['returns', 'one', id],
    queryFn: (): Promise<ReturnDetail> =>
      unwrap(api.GET('/api/returns/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function useReturnable(orderId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['returns', 'returnable', orderId],
    queryFn: (): Promise<Returnable> =>
      unwrap(
        api.GET('/api/returns/orders/{orderId}/returnable', { params: { path: { orderId: orderId! } } }),
      ),
    enabled: Boolean(orderId) && enabled,
  });
}

export function useReturnSettings(enabled = true) {
  return useQuery({
    queryKey: ['returns', 'settings'],
    queryFn: (): Promise<ReturnSettings> => unwrap(api.GET('/api/returns/settings')),
    enabled,
  });
}

/** Every step answers where the return stands; returns and orders (their timelines) are refreshed. */
function useReturnMutation<V, R = unknown>(run: (vars: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['returns'] });
      void client.invalidateQueries({ queryKey: ['orders'] });
    },
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export const useCreateReturn = () =>
  useReturnMutation((body: ReturnCreateBody) => unwrap(api.POST('/api/returns', { body })));
export const useApproveReturn = () =>
  useReturnMutation(({ id, note }: { id: string; note?: string }) =>
    unwrap(api.POST('/api/returns/{id}/approve', { ...path(id), body: note ? { note } : {} })),
  );
export const useRejectReturn = () =>
  useReturnMutation(({ id, reason }: { id: string; reason: string }) =>
    unwrap(api.POST('/api/returns/{id}/reject', { ...path(id), body: { reason } })),
  );
export const useCancelReturn = () =>
  useReturnMutation(({ id, reason }: { id: string; reason: string }) =>
    unwrap(api.POST('/api/returns/{id}/cancel', { ...path(id), body: { reason } })),
  );
export const useArrangeReturn = () =>
  useReturnMutation(({ id, body }: { id: string; body: ArrangeBody }) =>
    unwrap(api.POST('/api/returns/{id}/arrange', { ...path(id), body })),
  );
export const useReceiveReturn = () =>
  useReturnMutation(({ id, body }: { id: string; body: ReceiveBody }) =>
    unwrap(api.POST('/api/returns/{id}/receive', { ...path(id), body })),
  );
export const useInspectReturn = () =>
  useReturnMutation(({ id, body }: { id: string; body: InspectBody }) =>
    unwrap(api.POST('/api/returns/{id}/inspect', { ...path(id), body })),
  );
export const useRecordRefund = () =>
  useReturnMutation(
    ({ id, restockingFeeFen, note }: { id: string; restockingFeeFen: number; note?: string }) =>
      unwrap(api.POST('/api/returns/{id}/refund', { ...path(id), body: { restockingFeeFen, note } })),
  );
export const useCompleteRefund = () =>
  useReturnMutation(({ id, reference }: { id: string; reference: string }) =>
    unwrap(api.POST('/api/returns/{id}/refund/complete', { ...path(id), body: { reference } })),
  );
export const useReplacement = () =>
  useReturnMutation(({ id, body }: { id: string; body: ReplacementBody }) =>
    unwrap(api.POST('/api/returns/{id}/replacement', { ...path(id), body })),
  );
export const useCloseReturn = () =>
  useReturnMutation(({ id, note }: { id: string; note: string }) =>
    unwrap(api.POST('/api/returns/{id}/close', { ...path(id), body: { note } })),
  );
export const useUpdateReturnSettings = () =>
  useReturnMutation((body: Partial<ReturnSettings>) => unwrap(api.PUT('/api/returns/settings', { body })));

/** The consumer portal (no session): look an order up, then ask for a return. */
export const portalLookup = (body: PortalLookupBody): Promise<PortalView> =>
  unwrap(api.POST('/api/returns/portal/lookup', { body }));
export const portalRequest = (body: PortalRequestBody): Promise<PortalCreated> =>
  unwrap(api.POST('/api/returns/portal/requests', { body }));
