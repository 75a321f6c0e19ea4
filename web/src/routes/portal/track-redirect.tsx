import { Navigate, useLocation } from 'react-router';

/** `/track?no=…`, the link notifications carried before `/portal/track` existed, opens that page. */
export function TrackRedirect() {
  const { search } = useLocation();
  return <Navigate to={`/portal/track${search}`} replace />;
}
