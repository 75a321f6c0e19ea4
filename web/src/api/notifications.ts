import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

/** Notifications API: templates and channels, merchants' webhooks, the delivery log. */
type JsonOf<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Op<P extends keyof paths, M extends string> = paths[P] extends { [K in M]: infer O } ? O : never;
type Ok<O> = O extends { responses: infer R } ? JsonOf<R[Extract<keyof R, 200 | 201>]> : never;
type BodyOf<O> = O extends { requestBody?: infer B } ? JsonOf<NonNullable<B>> : never;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

export type TemplateList = Ok<Op<'/api/notifications/templates', 'get'>>;
export type Template = TemplateList['items'][number];
export type TemplateBody = BodyOf<Op<'/api/notifications/templates/{event}/{channel}/{lang}', 'put'>>;
export type ChannelBody = BodyOf<Op<'/api/notifications/channels/{channel}', 'put'>>;
export type Endpoint = Ok<Op<'/api/notifications/webhooks', 'get'>>['items'][number];
export type EndpointCreated = Ok<Op<'/api/notifications/webhooks', 'post'>>;
export type CreateEndpointBody = BodyOf<Op<'/api/notifications/webhooks', 'post'>>;
export type UpdateEndpointBody = BodyOf<Op<'/api/notifications/webhooks/{id}', 'patch'>>;
export type DeliveryPage = Ok<Op<'/api/notifications/deliveries', 'get'>>;
export type Delivery = DeliveryPage['items'][number];
export type DeliveryQuery = QueryOf<Op<'/api/notifications/deliveries', 'get'>>;

export const useTemplates = () =>
  useQuery({
    queryKey: ['notifications', 'templates'],
    queryFn: () => unwrap(api.GET('/api/notifications/templates')),
  });

export const useDeliveries = (query: DeliveryQuery) =>
  useQuery({
    queryKey: ['notifications', 'deliveries', query],
    queryFn: () => unwrap(api.GET('/api/notifications/deliveries', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });

export const useEndpoints = () =>
  useQuery({
    queryKey: ['notifications', 'webhooks'],
    queryFn: () => unwrap(api.GET('/api/notifications/webhooks')),
  });

function useNotifyMutation<A, R>(run: (args: A) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => void client.invalidateQueries({ queryKey: ['notifications'] }),
  });
}

export const useSaveTemplate = () =>
  useNotifyMutation(
    ({ key, body }: { key: Pick<Template, 'event' | 'channel' | 'lang'>; body: TemplateBody }) =>
      unwrap(
        api.PUT('/api/notifications/templates/{event}/{channel}/{lang}', { params: { path: key }, body }),
      ),
  );

export const useSaveChannel = () =>
  useNotifyMutation(({ channel, body }: { channel: 'sms' | 'email'; body: ChannelBody }) =>
    unwrap(api.PUT('/api/notifications/channels/{channel}', { params: { path: { channel } }, body })),
  );

export const useRetryDelivery = () =>
  useNotifyMutation((id: string) =>
    unwrap(api.POST('/api/notifications/deliveries/{id}/retry', { params: { path: { id } } })),
  );

export const useCreateEndpoint = () =>
  useNotifyMutation((body: CreateEndpointBody) => unwrap(api.POST('/api/notifications/webhooks', { body })));

export const useUpdateEndpoint = () =>
  useNotifyMutation(({ id, body }: { id: string; body: UpdateEndpointBody }) =>
    unwrap(api.PATCH('/api/notifications/webhooks/{id}', { params: { path: { id } }, body })),
  );

export const useDeleteEndpoint = () =>
  useNotifyMutation((id: string) =>
    unwrap(api.DELETE('/api/notifications/webhooks/{id}', { params: { path: { id } } })),
  );
