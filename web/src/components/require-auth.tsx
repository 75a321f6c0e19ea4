import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { CHANGE_PASSWORD_PATH, useMeQuery } from '../api/auth';
import { isApiError } from '../api/problem';
import { changeLanguage, storedLanguage, toLanguage } from '../i18n';
import { MeProvider } from '../lib/auth-context';
import { FullPageSpinner } from './full-page-spinner';
import { QueryError } from './query-error';

/**
 * Loads the signed-in user; sends visitors without a session to /login?next=…, and users whose
 * password IT has reset (`mustChangePassword`) to the change-password page, whatever they open.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMeQuery();
  const location = useLocation();

  // With no choice stored in this browser yet, follow the user's profile language.
  const profileLanguage = toLanguage(me.data?.locale);
  useEffect(() => {
    if (profileLanguage && !storedLanguage()) void changeLanguage(profileLanguage, false);
  }, [profileLanguage]);

  if (me.isPending) return <FullPageSpinner />;
  if (me.isError) {
    if (isApiError(me.error) && me.error.status === 401) {
      const next = encodeURIComponent(location.pathname + location.search);
      return <Navigate to={`/login?next=${next}`} replace />;
    }
    return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (me.data.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <MeProvider me={me.data}>{children}</MeProvider>;
}
