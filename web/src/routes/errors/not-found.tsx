import { NotFoundResult } from '../../components/status-results';

export function NotFoundPage() {
  return <NotFoundResult />;
}
