import { useQuery } from '@tanstack/react-query';
import { api, rememberCsrfToken, send, unwrap } from './client';
import type { LoginResult, Me, Meta } from './types';

export const meKey = ['auth', 'me'] as const;

/** Public facts about this installation (demo mode, demo accounts, version). */
export function useMeta() {
  return useQuery({
    queryKey: ['meta'],
    queryFn: (): Promise<Meta> => unwrap(api.GET('/api/meta')),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });
}

/** The signed-in user; errors with status 401 when there is no session. */
export function useMeQuery() {
  return useQuery({
    queryKey: meKey,
    queryFn: (): Promise<Me> => unwrap(api.GET('/api/auth/me')),
    staleTime: 5 * 60_000,
    retry: false,
  });
}

export async function login(username: string, password: string): Promise<LoginResult> {
  const result = await unwrap(api.POST('/api/auth/login', { body: { username, password } }));
  rememberCsrfToken(result.csrfToken);
  return result;
}

export async function logout(): Promise<void> {
  try {
    await send(api.POST('/api/auth/logout'));
  } finally {
    rememberCsrfToken(null);
  }
}
