import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { type Job, TERMINAL_JOB_STATUSES } from './types';

export const isFinished = (job: Job | undefined): boolean =>
  Boolean(job && TERMINAL_JOB_STATUSES.includes(job.status));

/** Poll a job every 500 ms until it succeeds, fails or is cancelled. */
export function useJob(id: string | null, initial?: Job) {
  return useQuery({
    queryKey: ['jobs', id],
    queryFn: (): Promise<Job> => unwrap(api.GET('/api/jobs/{id}', { params: { path: { id: id! } } })),
    enabled: Boolean(id),
    initialData: initial && initial.id === id ? initial : undefined,
    initialDataUpdatedAt: 0,
    refetchInterval: (query) => (isFinished(query.state.data) ? false : 500),
    refetchIntervalInBackground: true,
    retry: 3,
  });
}

export function cancelJob(id: string): Promise<Job> {
  return unwrap(api.POST('/api/jobs/{id}/cancel', { params: { path: { id } } }));
}
