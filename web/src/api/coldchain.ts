/**
 * Expiry, cold chain, quality holds and incidents: typed from the generated OpenAPI `paths`, like
 * types.ts, with the queries and mutations the console's fresh-goods pages use.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Op<P extends keyof paths, M extends string> = paths[P] extends { [K in M]: infer O } ? O : never;
type Ok<O> = O extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201 | 202>]> : never;
type BodyOf<O> = O extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
type ItemOf<T> = T extends { items: (infer I)[] } ? I : never;

export type NearExpiryPage = Ok<Op<'/api/inventory/near-expiry', 'get'>>;
export type NearExpiryRow = ItemOf<NearExpiryPage>;
export type NearExpiryQuery = QueryOf<Op<'/api/inventory/near-expiry', 'get'>>;
export type ExpiryUrgency = NearExpiryRow['urgency'];
export type ZoneTemperature = Ok<Op<'/api/inventory/zones/{id}/temperature', 'get'>>;
export type Excursion = ZoneTemperature['excursions'][number];
export type ReadingBody = BodyOf<Op<'/api/inventory/temperature-readings', 'post'>>;
export type AlertPage = Ok<Op<'/api/inventory/alerts', 'get'>>;
export type Alert = ItemOf<AlertPage>;
export type AlertQuery = QueryOf<Op<'/api/inventory/alerts', 'get'>>;
export type Hold = Ok<Op<'/api/inventory/quality-holds/{id}', 'get'>>;
export type HoldLine = NonNullable<Hold['lines']>[number];
export type HoldQuery = QueryOf<Op<'/api/inventory/quality-holds', 'get'>>;
export type ReviewBody = BodyOf<Op<'/api/inventory/quality-holds/{id}/review', 'post'>>;
export type PlaceHoldBody = BodyOf<Op<'/api/inventory/quality-holds', 'post'>>;
export type Incident = Ok<Op<'/api/inventory/incidents/{id}', 'get'>>;
export type IncidentQuery = QueryOf<Op<'/api/inventory/incidents', 'get'>>;
export type IncidentBody = BodyOf<Op<'/api/inventory/incidents', 'post'>>;
export type IncidentKind = Incident['kind'];
export type IncidentStatus = Incident['status'];

export const EXPIRY_URGENCIES: ExpiryUrgency[] = ['expired', 'below_min_shelf_life', 'near_expiry'];
export const INCIDENT_KINDS: IncidentKind[] = ['damage', 'loss', 'theft', 'fire'];
export const INCIDENT_STATUSES: IncidentStatus[] = ['draft', 'posted', 'cancelled'];

export function useNearExpiry(query: NearExpiryQuery) {
  return useQuery({
    queryKey: ['inventory', 'near-expiry', query],
    queryFn: () => unwrap(api.GET('/api/inventory/near-expiry', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function runExpiryCheck(warehouseId: string | undefined) {
  return unwrap(api.POST('/api/inventory/expiry-runs', { body: warehouseId ? { warehouseId } : {} }));
}

export function useZoneTemperature(zoneId: string | undefined, range: { from: string; to: string }) {
  return useQuery({
    queryKey: ['inventory', 'zone-temperature', zoneId, range],
    queryFn: () =>
      unwrap(
        api.GET('/api/inventory/zones/{id}/temperature', { params: { path: { id: zoneId! }, query: range } }),
      ),
    enabled: Boolean(zoneId),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export function useRecordReading() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReadingBody) => unwrap(api.POST('/api/inventory/temperature-readings', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inventory'] }),
  });
}

export function useAlerts(query: AlertQuery, enabled = true) {
  return useQuery({
    queryKey: ['inventory', 'alerts', query],
    queryFn: () => unwrap(api.GET('/api/inventory/alerts', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
    refetchInterval: 60_000,
  });
}

export function useAcknowledgeAlert() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note?: string }) =>
      unwrap(
        api.POST('/api/inventory/alerts/{id}/acknowledge', {
          params: { path: { id } },
          body: note ? { note } : {},
        }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inventory', 'alerts'] }),
  });
}

export function useHolds(query: HoldQuery) {
  return useQuery({
    queryKey: ['inventory', 'holds', query],
    queryFn: () => unwrap(api.GET('/api/inventory/quality-holds', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useHold(id: string | null) {
  return useQuery({
    queryKey: ['inventory', 'hold', id],
    queryFn: () => unwrap(api.GET('/api/inventory/quality-holds/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
  });
}

export function useReviewHold() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviewBody }) =>
      unwrap(api.POST('/api/inventory/quality-holds/{id}/review', { params: { path: { id } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inventory'] }),
  });
}

export function usePlaceHold() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PlaceHoldBody) => unwrap(api.POST('/api/inventory/quality-holds', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inventory'] }),
  });
}

export function useIncidents(query: IncidentQuery) {
  return useQuery({
    queryKey: ['inventory', 'incidents', query],
    queryFn: () => unwrap(api.GET('/api/inventory/incidents', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useCreateIncident() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: IncidentBody) => unwrap(api.POST('/api/inventory/incidents', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inventory'] }),
  });
}

export function useIncidentAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'post' | 'cancel' }) =>
      action === 'post'
        ? unwrap(api.POST('/api/inventory/incidents/{id}/post', { params: { path: { id } } }))
        : unwrap(api.POST('/api/inventory/incidents/{id}/cancel', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inventory'] }),
  });
}
