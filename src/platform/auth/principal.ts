/** Who is calling: a signed-in user (session cookie) or an integration (bearer API token). */
export interface Principal {
  via: 'session' | 'token';
  userId: string;
  username: string;
  displayName: string;
  permissions: ReadonlySet<string>;
  /** Set for merchant portal users: they see only their own company's data. */
  merchantId: string | null;
  /** Warehouses the user may work in; 'all' for roles not scoped to warehouses. */
  warehouseIds: readonly string[] | 'all';
  sessionId: string | null;
  csrfToken: string | null;
  tokenId: string | null;
}

/** Implemented by the org module; the platform only knows this interface. */
export interface Authenticator {
  fromSession(sessionToken: string, now: Date): Promise<Principal | null>;
  fromBearer(token: string, now: Date): Promise<Principal | null>;
}

/** The actor recorded on audit rows and document history. */
export interface Actor {
  id: string | null;
  name: string;
  kind: 'user' | 'token' | 'system';
  requestId: string | null;
}

export const systemActor = (name = 'system'): Actor => ({ id: null, name, kind: 'system', requestId: null });

export function actorOf(principal: Principal | null, requestId: string | null): Actor {
  if (!principal) return { id: null, name: 'anonymous', kind: 'system', requestId };
  return {
    id: principal.userId,
    name: principal.username,
    kind: principal.via === 'token' ? 'token' : 'user',
    requestId,
  };
}

export function canAccessWarehouse(principal: Principal, warehouseId: string): boolean {
  return principal.warehouseIds === 'all' || principal.warehouseIds.includes(warehouseId);
}

/** Route access: a permission code, or one of the two special levels. */
export type RouteAccess = 'public' | 'authenticated' | (string & {});
