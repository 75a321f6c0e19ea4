import { createContext, type ReactNode, useCallback, useContext } from 'react';
import type { Me } from '../api/types';

const MeContext = createContext<Me | null>(null);

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** The signed-in user. Only valid below <RequireAuth>. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe() used outside the signed-in area');
  return me;
}

/** `can('a')` → holds permission a; `can(['a', 'b'])` → holds at least one of them. */
export function useCan(): (permission: string | readonly string[]) => boolean {
  const me = useContext(MeContext);
  return useCallback(
    (permission) => {
      if (!me) return false;
      const wanted = typeof permission === 'string' ? [permission] : permission;
      return wanted.some((p) => me.permissions.includes(p));
    },
    [me],
  );
}
