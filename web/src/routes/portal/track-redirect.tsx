import { Navigate, useLocation } from 'react-router';

/** `/track?no=…`, the link the SMS and e-mail notifications carry, opens the public tracking page. */
export function TrackRedirect() {
  const { search } = useLocation();
  return <Navigate to={`/portal/track${search}`} replace />;
}
