import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { paths } from './schema';

/** Saved views of console lists: named filter sets, personal or shared. */
export type SavedView =
  paths['/api/me/views']['get']['responses'][200]['content']['application/json']['items'][number];

export const useSavedViews = (page: string) =>
  useQuery({
    queryKey: ['views', page],
    queryFn: () => unwrap(api.GET('/api/me/views', { params: { query: { page } } })),
  });

export function useSaveView(page: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { name: string; query: string; shared: boolean }) =>
      unwrap(api.POST('/api/me/views', { body: { page, ...body } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['views', page] }),
  });
}

export function useDeleteView(page: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/me/views/{id}', { params: { path: { id } } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['views', page] }),
  });
}
