import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { AuditQuery } from './types';

export function useAuditPage(query: AuditQuery, enabled = true) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => unwrap(api.GET('/api/audit', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}
