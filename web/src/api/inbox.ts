import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

/** The signed-in user's inbox: notices to act on (planning alerts and the like). */
type InboxPage = paths['/api/me/inbox']['get']['responses'][200]['content']['application/json'];
export type InboxItem = InboxPage['items'][number];

/** Unread counts for the bell; polled so a new alert shows without a reload. */
export const useInboxSummary = () =>
  useQuery({
    queryKey: ['inbox', 'summary'],
    queryFn: () => unwrap(api.GET('/api/me/inbox/summary')),
    refetchInterval: 60_000,
  });

export const useInbox = (unread: boolean, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: ['inbox', 'list', unread],
    enabled,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/me/inbox', {
          params: { query: { unread: unread ? 'true' : undefined, limit: 20, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/me/inbox/{id}/read', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inbox'] }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/me/inbox/read-all')),
    onSuccess: () => client.invalidateQueries({ queryKey: ['inbox'] }),
  });
}
