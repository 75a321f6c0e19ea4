import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, rawFetch, unwrap } from './client';
import type { paths } from './schema';

/** Route planning (智能调度): plans, their live progress, plan files and route sheets. */
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Op<P extends keyof paths, M extends string> = paths[P] extends { [K in M]: infer O } ? O : never;
type Ok<O> = O extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201 | 202>]> : never;
type BodyOf<O> = O extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** The body of POST /api/route-plans: stops and vehicles, or `shipments` of a warehouse. */
export type RoutePlanRequest = BodyOf<Op<'/api/route-plans', 'post'>>;
/** A plan with its stops and vehicles (the editor's state, Wayline JSON). */
export type RoutePlanInput = Omit<RoutePlanRequest, 'stops' | 'vehicles' | 'shipments'> & {
  stops: NonNullable<RoutePlanRequest['stops']>;
  vehicles: NonNullable<RoutePlanRequest['vehicles']>;
};
export type ShipmentsSource = NonNullable<RoutePlanRequest['shipments']>;
export type ShipmentsQuery = QueryOf<Op<'/api/route-plans/shipments', 'get'>>;
export type ShipmentsPreview = Ok<Op<'/api/route-plans/shipments', 'get'>>;
export type ShipmentItem = ShipmentsPreview['items'][number];
export type FleetSetting = Ok<Op<'/api/route-plans/fleet', 'get'>>;
export type PlanStop = RoutePlanInput['stops'][number];
export type PlanVehicle = RoutePlanInput['vehicles'][number];
export type PlanWindow = NonNullable<PlanStop['windows']>[number];
export type RoutePlanStarted = Ok<Op<'/api/route-plans', 'post'>>;
export type RoutePlanPage = Ok<Op<'/api/route-plans', 'get'>>;
export type RoutePlanSummary = RoutePlanPage['items'][number];
export type RoutePlanListQuery = QueryOf<Op<'/api/route-plans', 'get'>>;
export type RoutePlanDetail = Ok<Op<'/api/route-plans/{id}', 'get'>>;
export type RoutePlanResult = NonNullable<RoutePlanDetail['result']>;
export type ResultRoute = RoutePlanResult['routes'][number];
export type ResultStop = ResultRoute['stops'][number];
export type Unassigned = RoutePlanResult['unassigned'][number];
export type PlanProgress = Ok<Op<'/api/route-plans/{id}/progress', 'get'>>;
export type ProgressPoint = PlanProgress['series'][number];
export type ParsedPlan = Ok<Op<'/api/route-plans/parse', 'post'>>;
export type PlanStatus = RoutePlanSummary['status'];

export const isPlanFinished = (status: PlanStatus | undefined) =>
  status === 'succeeded' || status === 'failed' || status === 'cancelled';

export function useRoutePlans(query: RoutePlanListQuery, enabled = true) {
  return useQuery({
    queryKey: ['transport', 'route-plans', query],
    queryFn: (): Promise<RoutePlanPage> => unwrap(api.GET('/api/route-plans', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRoutePlan(id: string | undefined) {
  return useQuery({
    queryKey: ['transport', 'route-plan', id],
    queryFn: (): Promise<RoutePlanDetail> =>
      unwrap(api.GET('/api/route-plans/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

/**
 * Follows a running plan: server-sent events from /api/route-plans/{id}/events, or polling of
 * /progress every second where EventSource is unavailable or the stream fails. When the plan
 * finishes, its detail is refetched (it then carries the result).
 */
export function usePlanProgress(id: string | undefined, enabled: boolean) {
  const [progress, setProgress] = useState<PlanProgress | null>(null);
  const client = useQueryClient();
  useEffect(() => {
    if (!id || !enabled) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let source: EventSource | null = null;
    const finish = () => client.invalidateQueries({ queryKey: ['transport'] });
    const poll = async () => {
      if (stopped) return;
      try {
        const next = await unwrap(api.GET('/api/route-plans/{id}/progress', { params: { path: { id } } }));
        setProgress(next);
        if (isPlanFinished(next.status)) return void finish();
      } catch {
        // keep polling; the detail query shows lasting errors
      }
      timer = setTimeout(poll, 1000);
    };
    if (typeof EventSource === 'undefined') void poll();
    else {
      source = new EventSource(`/api/route-plans/${id}/events`);
      const onData = (event: MessageEvent<string>) => setProgress(JSON.parse(event.data) as PlanProgress);
      source.addEventListener('progress', onData as EventListener);
      source.addEventListener('end', ((event: MessageEvent<string>) => {
        onData(event);
        source?.close();
        void finish();
      }) as EventListener);
      source.onerror = () => {
        source?.close();
        source = null;
        void poll();
      };
    }
    return () => {
      stopped = true;
      source?.close();
      if (timer) clearTimeout(timer);
    };
  }, [id, enabled, client]);
  return progress;
}

export function fetchDemoPlan(stops?: number): Promise<RoutePlanInput> {
  return unwrap(api.GET('/api/route-plans/demo', { params: { query: stops ? { stops } : {} } }));
}

/** Parse an uploaded Wayline JSON, Solomon or CVRPLIB file on the server. */
export async function parsePlanFile(file: File): Promise<ParsedPlan> {
  const response = await rawFetch('/api/route-plans/parse', {
    method: 'POST',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: file,
  });
  return (await response.json()) as ParsedPlan;
}

/** The stops a warehouse's shipments of a day make (nothing stored); off while `query` is null. */
export function useShipmentsPreview(query: ShipmentsQuery | null) {
  return useQuery({
    queryKey: ['transport', 'shipments', query],
    queryFn: (): Promise<ShipmentsPreview> =>
      unwrap(api.GET('/api/route-plans/shipments', { params: { query: query! } })),
    enabled: query !== null,
    placeholderData: keepPreviousData,
  });
}

export function fetchFleet(warehouseId: string): Promise<FleetSetting> {
  return unwrap(api.GET('/api/route-plans/fleet', { params: { query: { warehouseId } } }));
}

export function saveFleet(body: {
  warehouseId: string;
  vehicles: PlanVehicle[];
  serviceMin: number;
}): Promise<FleetSetting> {
  return unwrap(api.PUT('/api/route-plans/fleet', { body }));
}

export function startRoutePlan(input: RoutePlanRequest): Promise<RoutePlanStarted> {
  return unwrap(api.POST('/api/route-plans', { body: input }));
}

export function cancelRoutePlan(id: string): Promise<RoutePlanDetail> {
  return unwrap(api.POST('/api/route-plans/{id}/cancel', { params: { path: { id } } }));
}

export function finishRoutePlan(id: string): Promise<RoutePlanDetail> {
  return unwrap(api.POST('/api/route-plans/{id}/finish', { params: { path: { id } } }));
}

export const sheetPath = (id: string, format: 'pdf' | 'xlsx', route?: number) =>
  `/api/route-plans/${id}/sheets?format=${format}${route ? `&route=${route}` : ''}`;
