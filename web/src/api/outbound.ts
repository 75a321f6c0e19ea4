import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rawFetch, send, unwrap } from './client';
import type { paths } from './schema';

/* Types of the warehouse's outbound API (waves, picking, packing, gate), from the generated `paths`. */
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Op<P extends keyof paths, M extends string> = paths[P] extends { [K in M]: infer O } ? O : never;
type Ok<O> = O extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201>]> : never;
type BodyOf<O> = O extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type Outbound = Ok<Op<'/api/warehouse/outbounds/{id}', 'get'>>;
export type OutboundPage = Ok<Op<'/api/warehouse/outbounds', 'get'>>;
export type OutboundSummary = OutboundPage['items'][number];
export type OutboundQuery = QueryOf<Op<'/api/warehouse/outbounds', 'get'>>;
export type OutboundStatus = Outbound['status'];
export type Parcel = Outbound['packages'][number];
export type Wave = Ok<Op<'/api/warehouse/waves/{id}', 'get'>>;
export type WavePage = Ok<Op<'/api/warehouse/waves', 'get'>>;
export type WaveSummary = WavePage['items'][number];
export type WaveStatus = Wave['status'];
export type WaveQuery = QueryOf<Op<'/api/warehouse/waves', 'get'>>;
export type Proposal = Ok<Op<'/api/warehouse/waves/proposal', 'get'>>;
export type ProposedWave = Proposal['waves'][number];
export type WaveCreate = BodyOf<Op<'/api/warehouse/waves', 'post'>>;
export type PickList = Ok<Op<'/api/warehouse/pick-lists/{id}', 'get'>>;
export type PickListSummary = Wave['pickLists'][number];
export type PickTask = PickList['tasks'][number];
export type PickScan = BodyOf<Op<'/api/warehouse/pick-lists/{id}/tasks/{taskId}/scan', 'post'>>;
export type PickConfirm = BodyOf<Op<'/api/warehouse/pick-lists/{id}/tasks/{taskId}/confirm', 'post'>>;
export type PickShort = BodyOf<Op<'/api/warehouse/pick-lists/{id}/tasks/{taskId}/short', 'post'>>;
export type PickShortResult = Ok<Op<'/api/warehouse/pick-lists/{id}/tasks/{taskId}/short', 'post'>>;
export type CartonType = Ok<Op<'/api/warehouse/carton-types', 'get'>>['items'][number];
export type Cutoff = Ok<Op<'/api/warehouse/carrier-cutoffs', 'get'>>['items'][number];
export type CutoffBody = BodyOf<Op<'/api/warehouse/carrier-cutoffs', 'put'>>;
export type GatePass = Ok<Op<'/api/warehouse/gate-passes/{id}', 'get'>>;
export type GatePassBody = BodyOf<Op<'/api/warehouse/gate-passes', 'post'>>;
export type GateScanResult = Ok<Op<'/api/warehouse/gate/scan', 'post'>>;
export type ScanErrorReport = Ok<Op<'/api/warehouse/outbound-scan-errors', 'get'>>;

/** `allOf<U>()([...])`: a list that must name every member of the union U. */
const allOf =
  <U extends string>() =>
  <const L extends readonly U[]>(list: L & ([Exclude<U, L[number]>] extends [never] ? unknown : never)) =>
    list;

export const WAVE_STATUSES = allOf<WaveStatus>()([
  'planned',
  'released',
  'picking',
  'picked',
  'packed',
  'closed',
  'cancelled',
]);
export const OUTBOUND_STATUSES = allOf<OutboundStatus>()([
  'open',
  'waved',
  'picking',
  'picked',
  'packing',
  'packed',
  'shipped',
  'cancelled',
]);
export const CARRIER_CODES = [
  'SF',
  'ZTO',
  'YTO',
  'STO',
  'YUNDA',
  'JD',
  'EMS',
] as const satisfies readonly GatePassBody['carrier'][];

const KEY = ['outbound'] as const;
const path = (id: string) => ({ params: { path: { id } } });

export function useOutboundPage(query: OutboundQuery, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'outbounds', query],
    queryFn: (): Promise<OutboundPage> => unwrap(api.GET('/api/warehouse/outbounds', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOutbound(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'outbound', id],
    queryFn: (): Promise<Outbound> => unwrap(api.GET('/api/warehouse/outbounds/{id}', path(id!))),
    enabled: Boolean(id),
  });
}

export function useWavePage(query: WaveQuery, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'waves', query],
    queryFn: (): Promise<WavePage> => unwrap(api.GET('/api/warehouse/waves', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useWave(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'wave', id],
    queryFn: (): Promise<Wave> => unwrap(api.GET('/api/warehouse/waves/{id}', path(id!))),
    enabled: Boolean(id),
  });
}

export function useProposal(warehouseId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'proposal', warehouseId],
    queryFn: (): Promise<Proposal> =>
      unwrap(api.GET('/api/warehouse/waves/proposal', { params: { query: { warehouseId: warehouseId! } } })),
    enabled: Boolean(warehouseId),
  });
}

export function usePickLists(
  query: { warehouseId?: string; status?: PickListSummary['status'] },
  enabled = true,
) {
  return useQuery({
    queryKey: [...KEY, 'pick-lists', query],
    queryFn: () =>
      unwrap(api.GET('/api/warehouse/pick-lists', { params: { query: { ...query, limit: 100 } } })),
    enabled,
  });
}

export function usePickList(id: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'pick-list', id],
    queryFn: (): Promise<PickList> => unwrap(api.GET('/api/warehouse/pick-lists/{id}', path(id!))),
    enabled: Boolean(id),
  });
}

export function useCartonTypes() {
  return useQuery({
    queryKey: [...KEY, 'carton-types'],
    queryFn: async () => (await unwrap(api.GET('/api/warehouse/carton-types'))).items,
    staleTime: 60 * 60_000,
  });
}

export function useCutoffs(warehouseId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'cutoffs', warehouseId],
    queryFn: async () =>
      (
        await unwrap(
          api.GET('/api/warehouse/carrier-cutoffs', { params: { query: { warehouseId: warehouseId! } } }),
        )
      ).items,
    enabled: Boolean(warehouseId),
  });
}

export function useGatePasses(warehouseId: string | undefined) {
  return useQuery({
    queryKey: [...KEY, 'gate-passes', warehouseId],
    queryFn: async () =>
      (await unwrap(api.GET('/api/warehouse/gate-passes', { params: { query: { warehouseId, limit: 50 } } })))
        .items,
    enabled: Boolean(warehouseId),
  });
}

export function useScanErrors(query: { warehouseId?: string; pickListId?: string }, enabled = true) {
  return useQuery({
    queryKey: [...KEY, 'scan-errors', query],
    queryFn: (): Promise<ScanErrorReport> =>
      unwrap(api.GET('/api/warehouse/outbound-scan-errors', { params: { query: { ...query, limit: 20 } } })),
    enabled,
  });
}

/** Anything outbound changed: every outbound list, and the orders and stock screens. */
function useRefresh() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: KEY });
    void client.invalidateQueries({ queryKey: ['orders'] });
    void client.invalidateQueries({ queryKey: ['inventory'] });
  };
}

export function useWaveActions() {
  const refresh = useRefresh();
  const onSuccess = () => refresh();
  return {
    create: useMutation({
      mutationFn: (body: WaveCreate): Promise<Wave> => unwrap(api.POST('/api/warehouse/waves', { body })),
      onSuccess,
    }),
    release: useMutation({
      mutationFn: (id: string): Promise<Wave> =>
        unwrap(api.POST('/api/warehouse/waves/{id}/release', { ...path(id), body: {} })),
      onSuccess,
    }),
    cancel: useMutation({
      mutationFn: ({ id, reason }: { id: string; reason: string }): Promise<Wave> =>
        unwrap(api.POST('/api/warehouse/waves/{id}/cancel', { ...path(id), body: { reason } })),
      onSuccess,
    }),
    close: useMutation({
      mutationFn: (id: string): Promise<Wave> =>
        unwrap(api.POST('/api/warehouse/waves/{id}/close', { ...path(id), body: {} })),
      onSuccess,
    }),
    cutoffs: useMutation({
      mutationFn: (body: CutoffBody) => unwrap(api.PUT('/api/warehouse/carrier-cutoffs', { body })),
      onSuccess,
    }),
  };
}

const taskPath = (id: string, taskId: string) => ({ params: { path: { id, taskId } } });

export function usePickActions(listId: string) {
  const client = useQueryClient();
  const refresh = useRefresh();
  const onSuccess = (res: { pickList: PickList }) => {
    client.setQueryData([...KEY, 'pick-list', listId], res.pickList);
    refresh();
  };
  return {
    scan: useMutation({
      mutationFn: ({ taskId, body }: { taskId: string; body: PickScan }) =>
        send(
          api.POST('/api/warehouse/pick-lists/{id}/tasks/{taskId}/scan', {
            ...taskPath(listId, taskId),
            body,
          }),
        ),
    }),
    confirm: useMutation({
      mutationFn: ({ taskId, body }: { taskId: string; body: PickConfirm }) =>
        unwrap(
          api.POST('/api/warehouse/pick-lists/{id}/tasks/{taskId}/confirm', {
            ...taskPath(listId, taskId),
            body,
          }),
        ),
      onSuccess,
    }),
    short: useMutation({
      mutationFn: ({ taskId, body }: { taskId: string; body: PickShort }): Promise<PickShortResult> =>
        unwrap(
          api.POST('/api/warehouse/pick-lists/{id}/tasks/{taskId}/short', {
            ...taskPath(listId, taskId),
            body,
          }),
        ),
      onSuccess,
    }),
  };
}

export function usePackActions(outboundId: string | undefined) {
  const client = useQueryClient();
  const refresh = useRefresh();
  const reload = () => {
    void client.invalidateQueries({ queryKey: [...KEY, 'outbound', outboundId] });
    refresh();
  };
  return {
    start: useMutation({
      mutationFn: (id: string): Promise<Outbound> =>
        unwrap(api.POST('/api/warehouse/outbounds/{id}/pack', { ...path(id), body: {} })),
      onSuccess: (o: Outbound) => {
        client.setQueryData([...KEY, 'outbound', o.id], o);
        refresh();
      },
    }),
    scan: useMutation({
      mutationFn: ({ packageId, barcode }: { packageId: string; barcode: string }) =>
        unwrap(api.POST('/api/warehouse/packages/{id}/scan', { ...path(packageId), body: { barcode } })),
      onSuccess: reload,
    }),
    carton: useMutation({
      mutationFn: ({
        packageId,
        cartonTypeId,
        reason,
      }: {
        packageId: string;
        cartonTypeId: string;
        reason: string;
      }) =>
        send(
          api.POST('/api/warehouse/packages/{id}/carton', {
            ...path(packageId),
            body: { cartonTypeId, reason },
          }),
        ),
      onSuccess: reload,
    }),
    seal: useMutation({
      mutationFn: ({
        packageId,
        weightG,
        acceptWeight,
      }: {
        packageId: string;
        weightG?: number;
        acceptWeight?: boolean;
      }) =>
        unwrap(
          api.POST('/api/warehouse/packages/{id}/seal', {
            ...path(packageId),
            body: { weightG, acceptWeight },
          }),
        ),
      onSuccess: reload,
    }),
  };
}

export function useGateActions() {
  const refresh = useRefresh();
  return {
    scan: useMutation({
      mutationFn: (body: { warehouseId: string; waybillNo: string }): Promise<GateScanResult> =>
        unwrap(api.POST('/api/warehouse/gate/scan', { body })),
      onSuccess: () => refresh(),
    }),
    release: useMutation({
      mutationFn: (body: GatePassBody): Promise<GatePass> =>
        unwrap(api.POST('/api/warehouse/gate-passes', { body })),
      onSuccess: () => refresh(),
    }),
    credit: useMutation({
      mutationFn: ({ id, note }: { id: string; note: string }): Promise<Outbound> =>
        unwrap(api.POST('/api/warehouse/outbounds/{id}/credit-approval', { ...path(id), body: { note } })),
      onSuccess: () => refresh(),
    }),
  };
}

/** Open a label PDF (one order, or a wave's batch) in a new tab for the thermal printer. */
export async function openLabels(apiPath: string): Promise<void> {
  const response = await rawFetch(apiPath);
  const url = URL.createObjectURL(await response.blob());
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
