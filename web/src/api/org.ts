import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, send, unwrap } from './client';
import type {
  ApiToken,
  Branch,
  CreatedToken,
  Department,
  Merchant,
  Permission,
  Role,
  RoleUpdate,
  TokenCreate,
  User,
  UserCreate,
  UserPatch,
  UserQuery,
  Warehouse,
} from './types';

/** Reference lists rarely change: cache them for the session. */
const LOOKUP = { staleTime: 10 * 60_000 } as const;

export function useDepartments(enabled = true) {
  return useQuery({
    queryKey: ['org', 'departments'],
    queryFn: async (): Promise<Department[]> => (await unwrap(api.GET('/api/org/departments'))).items,
    enabled,
    ...LOOKUP,
  });
}

export function useBranches(enabled = true) {
  return useQuery({
    queryKey: ['org', 'branches'],
    queryFn: async (): Promise<Branch[]> => (await unwrap(api.GET('/api/org/branches'))).items,
    enabled,
    ...LOOKUP,
  });
}

export function useMerchants(enabled = true) {
  return useQuery({
    queryKey: ['org', 'merchants'],
    queryFn: async (): Promise<Merchant[]> => (await unwrap(api.GET('/api/org/merchants'))).items,
    enabled,
    ...LOOKUP,
  });
}

export function useWarehouses(enabled = true) {
  return useQuery({
    queryKey: ['inventory', 'warehouses'],
    queryFn: async (): Promise<Warehouse[]> => (await unwrap(api.GET('/api/inventory/warehouses'))).items,
    enabled,
    ...LOOKUP,
  });
}

export function useUserPage(query: UserQuery, enabled = true) {
  return useQuery({
    queryKey: ['org', 'users', query],
    queryFn: () => unwrap(api.GET('/api/org/users', { params: { query } })),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useInvalidate(prefix: readonly string[]) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: prefix });
}

export function useCreateUser() {
  const invalidate = useInvalidate(['org', 'users']);
  return useMutation({
    mutationFn: (body: UserCreate): Promise<User> => unwrap(api.POST('/api/org/users', { body })),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidate(['org', 'users']);
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UserPatch }): Promise<User> =>
      unwrap(api.PATCH('/api/org/users/{id}', { params: { path: { id } }, body })),
    onSuccess: invalidate,
  });
}

export function useUnlockUser() {
  const invalidate = useInvalidate(['org', 'users']);
  return useMutation({
    mutationFn: (id: string): Promise<User> =>
      unwrap(api.POST('/api/org/users/{id}/unlock', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: string; newPassword: string }) =>
      send(
        api.POST('/api/org/users/{id}/reset-password', { params: { path: { id } }, body: { newPassword } }),
      ),
  });
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: ['org', 'roles'],
    queryFn: (): Promise<Role[]> => unwrap(api.GET('/api/org/roles')),
    enabled,
  });
}

export function usePermissions(enabled = true) {
  return useQuery({
    queryKey: ['org', 'permissions'],
    queryFn: (): Promise<Permission[]> => unwrap(api.GET('/api/org/permissions')),
    enabled,
    ...LOOKUP,
  });
}

export function useUpdateRole() {
  const invalidate = useInvalidate(['org', 'roles']);
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: RoleUpdate }): Promise<Role> =>
      unwrap(api.PUT('/api/org/roles/{code}', { params: { path: { code } }, body })),
    onSuccess: invalidate,
  });
}

export function useTokens() {
  return useQuery({
    queryKey: ['org', 'tokens'],
    queryFn: async (): Promise<ApiToken[]> => (await unwrap(api.GET('/api/org/tokens'))).items,
  });
}

export function useCreateToken() {
  const invalidate = useInvalidate(['org', 'tokens']);
  return useMutation({
    mutationFn: (body: TokenCreate): Promise<CreatedToken> => unwrap(api.POST('/api/org/tokens', { body })),
    onSuccess: invalidate,
  });
}

export function useRevokeToken() {
  const invalidate = useInvalidate(['org', 'tokens']);
  return useMutation({
    mutationFn: (id: string) => send(api.DELETE('/api/org/tokens/{id}', { params: { path: { id } } })),
    onSuccess: invalidate,
  });
}
