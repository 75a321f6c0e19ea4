import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

/* Types of the kitting API, derived from the generated OpenAPI `paths`. */
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Op<P extends keyof paths, M extends string> = paths[P] extends { [K in M]: infer O } ? O : never;
type Ok<O> = O extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201>]> : never;
type BodyOf<O> = O extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Kit = Ok<Op<'/api/warehouse/kits/{id}', 'get'>>;
export type KitBody = BodyOf<Op<'/api/warehouse/kits', 'post'>>;
export type KitOrder = Ok<Op<'/api/warehouse/kit-orders/{id}', 'get'>>;
export type KitOrderStatus = KitOrder['status'];
export type KitOrderBody = BodyOf<Op<'/api/warehouse/kit-orders', 'post'>>;
export type KitOrderQuery = QueryOf<Op<'/api/warehouse/kit-orders', 'get'>>;
export type KitComplete = BodyOf<Op<'/api/warehouse/kit-orders/{id}/complete', 'post'>>;

export const KIT_ORDER_STATUSES: readonly KitOrderStatus[] = [
  'planned',
  'in_progress',
  'completed',
  'cancelled',
];

const KEY = ['warehouse', 'kits'] as const;
const path = (id: string) => ({ params: { path: { id } } });

export function useKits() {
  return useQuery({
    queryKey: [...KEY, 'defs'],
    queryFn: async () => (await unwrap(api.GET('/api/warehouse/kits', { params: { query: {} } }))).items,
  });
}

export function useKitOrders(query: KitOrderQuery) {
  return useQuery({
    queryKey: [...KEY, 'orders', query],
    queryFn: () => unwrap(api.GET('/api/warehouse/kit-orders', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useKitOrder(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'order', id],
    queryFn: (): Promise<KitOrder> => unwrap(api.GET('/api/warehouse/kit-orders/{id}', path(id!))),
    enabled: Boolean(id),
  });
}

export function useKitMutations() {
  const client = useQueryClient();
  const onSuccess = () => {
    void client.invalidateQueries({ queryKey: KEY });
    void client.invalidateQueries({ queryKey: ['inventory'] });
  };
  const saveKit = useMutation({
    mutationFn: ({ id, body }: { id?: string; body: KitBody }): Promise<Kit> =>
      id
        ? unwrap(api.PUT('/api/warehouse/kits/{id}', { ...path(id), body }))
        : unwrap(api.POST('/api/warehouse/kits', { body })),
    onSuccess,
  });
  const createOrder = useMutation({
    mutationFn: (body: KitOrderBody): Promise<KitOrder> =>
      unwrap(api.POST('/api/warehouse/kit-orders', { body })),
    onSuccess,
  });
  const start = useMutation({
    mutationFn: (id: string): Promise<KitOrder> =>
      unwrap(api.POST('/api/warehouse/kit-orders/{id}/start', { ...path(id), body: {} })),
    onSuccess,
  });
  const complete = useMutation({
    mutationFn: ({ id, body }: { id: string; body: KitComplete }): Promise<KitOrder> =>
      unwrap(api.POST('/api/warehouse/kit-orders/{id}/complete', { ...path(id), body })),
    onSuccess,
  });
  const close = useMutation({
    mutationFn: ({
      id,
      reason,
      mode,
    }: {
      id: string;
      reason: string;
      mode: 'close' | 'cancel';
    }): Promise<KitOrder> =>
      mode === 'close'
        ? unwrap(api.POST('/api/warehouse/kit-orders/{id}/close', { ...path(id), body: { reason } }))
        : unwrap(api.POST('/api/warehouse/kit-orders/{id}/cancel', { ...path(id), body: { reason } })),
    onSuccess,
  });
  return { saveKit, createOrder, start, complete, close };
}
