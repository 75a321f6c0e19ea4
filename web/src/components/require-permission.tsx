import type { ReactNode } from 'react';
import { useCan } from '../lib/auth-context';
import { ForbiddenResult } from './status-results';

/** Renders its children only for users holding `perm` (any of, when a list). */
export function RequirePermission({
  perm,
  children,
}: {
  perm: string | readonly string[];
  children: ReactNode;
}) {
  const can = useCan();
  return can(perm) ? children : <ForbiddenResult />;
}
