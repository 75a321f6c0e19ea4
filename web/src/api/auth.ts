import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, rememberCsrfToken, send, unwrap } from './client';
import type { LoginResult, Me, Meta } from './types';

export const meKey = ['auth', 'me'] as const;

/** The "change password" page; the only signed-in page open while `me.mustChangePassword`. */
export const CHANGE_PASSWORD_PATH = '/account/password';

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

export interface PasswordChange {
  currentPassword: string;
  newPassword: string;
}

/**
 * Change one's own password. On success the server clears `mustChangePassword`; the mutation
 * settles only once `me` has been refetched, so a redirect guard never sees the stale flag.
 */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordChange) => send(api.POST('/api/auth/change-password', { body })),
    onSuccess: async () => {
      queryClient.setQueryData<Me>(meKey, (me) => (me ? { ...me, mustChangePassword: false } : me));
      await queryClient.invalidateQueries({ queryKey: meKey });
    },
  });
}
