import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

/* Types of the ABC, re-slotting and bin-map API, derived from the generated OpenAPI `paths`. */
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Op<P extends keyof paths, M extends string> = paths[P] extends { [K in M]: infer O } ? O : never;
type Ok<O> = O extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201>]> : never;
type BodyOf<O> = O extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type ItemOf<T> = T extends { items: (infer I)[] } ? I : never;

export type AbcPage = Ok<Op<'/api/warehouse/abc', 'get'>>;
export type AbcItem = ItemOf<AbcPage>;
export type AbcQuery = QueryOf<Op<'/api/warehouse/abc', 'get'>>;
export type AbcCompute = BodyOf<Op<'/api/warehouse/abc', 'post'>>;
export type Reslot = Ok<Op<'/api/warehouse/reslot-suggestions', 'get'>>;
export type ReslotItem = ItemOf<Reslot>;
export type ReslotAccept = BodyOf<Op<'/api/warehouse/reslot-suggestions/accept', 'post'>>;
export type MoveTask = ItemOf<Ok<Op<'/api/warehouse/move-tasks', 'get'>>>;
export type MoveConfirm = BodyOf<Op<'/api/warehouse/move-tasks/{id}/confirm', 'post'>>;
export type BinMap = Ok<Op<'/api/warehouse/bin-map', 'get'>>;
export type MapBin = BinMap['bins'][number];

const KEY = ['warehouse', 'slotting'] as const;

export function useAbc(query: AbcQuery | null) {
  return useQuery({
    queryKey: [...KEY, 'abc', query],
    queryFn: () => unwrap(api.GET('/api/warehouse/abc', { params: { query: query! } })),
    enabled: Boolean(query),
    placeholderData: keepPreviousData,
  });
}

export function useReslot(warehouseId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'reslot', warehouseId],
    queryFn: () =>
      unwrap(
        api.GET('/api/warehouse/reslot-suggestions', { params: { query: { warehouseId: warehouseId! } } }),
      ),
    enabled: Boolean(warehouseId),
  });
}

export function useMoveTasks(warehouseId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'moves', warehouseId],
    queryFn: () =>
      unwrap(
        api.GET('/api/warehouse/move-tasks', {
          params: { query: { warehouseId: warehouseId!, limit: 200 } },
        }),
      ),
    enabled: Boolean(warehouseId),
  });
}

export function useBinMap(warehouseId: string | undefined, zoneId?: string) {
  return useQuery({
    queryKey: [...KEY, 'map', warehouseId, zoneId],
    queryFn: () =>
      unwrap(
        api.GET('/api/warehouse/bin-map', {
          params: { query: { warehouseId: warehouseId!, ...(zoneId ? { zoneId } : {}) } },
        }),
      ),
    enabled: Boolean(warehouseId),
  });
}

export function useSlottingMutations() {
  const client = useQueryClient();
  const onSuccess = () => {
    void client.invalidateQueries({ queryKey: KEY });
    void client.invalidateQueries({ queryKey: ['inventory'] });
  };
  const compute = useMutation({
    mutationFn: (body: AbcCompute) => unwrap(api.POST('/api/warehouse/abc', { body })),
    onSuccess,
  });
  const accept = useMutation({
    mutationFn: (body: ReslotAccept) =>
      unwrap(api.POST('/api/warehouse/reslot-suggestions/accept', { body })),
    onSuccess,
  });
  const confirm = useMutation({
    mutationFn: ({ id, body }: { id: string; body: MoveConfirm }) =>
      unwrap(api.POST('/api/warehouse/move-tasks/{id}/confirm', { params: { path: { id } }, body })),
    onSuccess,
  });
  const cancel = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.POST('/api/warehouse/move-tasks/{id}/cancel', { params: { path: { id } } })),
    onSuccess,
  });
  return { compute, accept, confirm, cancel };
}
