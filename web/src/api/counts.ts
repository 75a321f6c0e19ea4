import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

/* Types of the counts (盘点) API, derived from the generated OpenAPI `paths`. */
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Op<P extends keyof paths, M extends string> = paths[P] extends { [K in M]: infer O } ? O : never;
type Ok<O> = O extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201>]> : never;
type BodyOf<O> = O extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type ItemOf<T> = T extends { items: (infer I)[] } ? I : never;

export type Count = Ok<Op<'/api/warehouse/counts/{id}', 'get'>>;
export type CountStatus = Count['status'];
export type CountKind = Count['kind'];
export type CountSummary = ItemOf<Ok<Op<'/api/warehouse/counts', 'get'>>>;
export type CountQuery = QueryOf<Op<'/api/warehouse/counts', 'get'>>;
export type CountCreate = BodyOf<Op<'/api/warehouse/counts', 'post'>>;
export type CountLine = ItemOf<Ok<Op<'/api/warehouse/counts/{id}/lines', 'get'>>>;
export type CountLineQuery = QueryOf<Op<'/api/warehouse/counts/{id}/lines', 'get'>>;
export type CountPlan = ItemOf<Ok<Op<'/api/warehouse/count-plans', 'get'>>>;
export type CountPlanBody = BodyOf<Op<'/api/warehouse/count-plans', 'post'>>;
export type CountTask = ItemOf<Ok<Op<'/api/warehouse/count-tasks', 'get'>>>;
export type CountTaskQuery = QueryOf<Op<'/api/warehouse/count-tasks', 'get'>>;
export type CountSubmit = BodyOf<Op<'/api/warehouse/count-tasks/{id}/submit', 'post'>>;
export type CountSubmitResult = Ok<Op<'/api/warehouse/count-tasks/{id}/submit', 'post'>>;
export type Accuracy = Ok<Op<'/api/warehouse/count-accuracy', 'get'>>;
export type AccuracyQuery = QueryOf<Op<'/api/warehouse/count-accuracy', 'get'>>;

export const COUNT_STATUSES: readonly CountStatus[] = [
  'planned',
  'counting',
  'submitted',
  'recount',
  'approved',
  'posted',
  'cancelled',
];

const KEY = ['warehouse', 'counts'] as const;
const path = (id: string) => ({ params: { path: { id } } });

export function useCountPage(query: CountQuery) {
  return useQuery({
    queryKey: [...KEY, 'list', query],
    queryFn: () => unwrap(api.GET('/api/warehouse/counts', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCount(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'one', id],
    queryFn: (): Promise<Count> => unwrap(api.GET('/api/warehouse/counts/{id}', path(id!))),
    enabled: Boolean(id),
  });
}

export function useCountLines(id: string | undefined, query: CountLineQuery) {
  return useQuery({
    queryKey: [...KEY, 'lines', id, query],
    queryFn: () =>
      unwrap(api.GET('/api/warehouse/counts/{id}/lines', { params: { path: { id: id! }, query } })),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}

export function useCountPlans(warehouseId?: string) {
  return useQuery({
    queryKey: [...KEY, 'plans', warehouseId],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/warehouse/count-plans', { params: { query: warehouseId ? { warehouseId } : {} } }),
        )
      ).items,
  });
}

export function useCountTasks(query: CountTaskQuery, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'tasks', query],
    queryFn: () => unwrap(api.GET('/api/warehouse/count-tasks', { params: { query } })),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useAccuracy(query: AccuracyQuery) {
  return useQuery({
    queryKey: [...KEY, 'accuracy', query],
    queryFn: () => unwrap(api.GET('/api/warehouse/count-accuracy', { params: { query } })),
  });
}

function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: KEY });
    void client.invalidateQueries({ queryKey: ['inventory'] });
  };
}

export function useCountMutations() {
  const onSuccess = useRefresh();
  const create = useMutation({
    mutationFn: (body: CountCreate): Promise<Count> => unwrap(api.POST('/api/warehouse/counts', { body })),
    onSuccess,
  });
  const savePlan = useMutation({
    mutationFn: ({ id, body }: { id?: string; body: CountPlanBody }): Promise<CountPlan> =>
      id
        ? unwrap(api.PUT('/api/warehouse/count-plans/{id}', { ...path(id), body }))
        : unwrap(api.POST('/api/warehouse/count-plans', { body })),
    onSuccess,
  });
  const generate = useMutation({
    mutationFn: (planId: string): Promise<Count> =>
      unwrap(api.POST('/api/warehouse/count-plans/{id}/generate', path(planId))),
    onSuccess,
  });
  const approve = useMutation({
    mutationFn: ({ id, note, post }: { id: string; note?: string; post?: boolean }): Promise<Count> =>
      unwrap(
        api.POST('/api/warehouse/counts/{id}/approve', { ...path(id), body: { note: note || null, post } }),
      ),
    onSuccess,
  });
  const recount = useMutation({
    mutationFn: ({ id, binIds, note }: { id: string; binIds: string[]; note?: string }): Promise<Count> =>
      unwrap(
        api.POST('/api/warehouse/counts/{id}/recount', { ...path(id), body: { binIds, note: note || null } }),
      ),
    onSuccess,
  });
  const post = useMutation({
    mutationFn: (id: string): Promise<Count> =>
      unwrap(api.POST('/api/warehouse/counts/{id}/post', { ...path(id), body: {} })),
    onSuccess,
  });
  const cancel = useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }): Promise<Count> =>
      unwrap(api.POST('/api/warehouse/counts/{id}/cancel', { ...path(id), body: { reason } })),
    onSuccess,
  });
  return { create, savePlan, generate, approve, recount, post, cancel };
}

export function useCountTaskMutations() {
  const onSuccess = useRefresh();
  const start = useMutation({
    mutationFn: ({ id, binBarcode }: { id: string; binBarcode: string }): Promise<CountTask> =>
      unwrap(api.POST('/api/warehouse/count-tasks/{id}/start', { ...path(id), body: { binBarcode } })),
    onSuccess,
  });
  const submit = useMutation({
    mutationFn: ({ id, body }: { id: string; body: CountSubmit }): Promise<CountSubmitResult> =>
      unwrap(api.POST('/api/warehouse/count-tasks/{id}/submit', { ...path(id), body })),
    onSuccess,
  });
  return { start, submit };
}
