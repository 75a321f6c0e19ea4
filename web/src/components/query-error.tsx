import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/problem';
import { ForbiddenResult, NotFoundResult } from './status-results';

/** What a page shows when its main query failed, with a retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.status === 403) return <ForbiddenResult />;
  if (isApiError(error) && error.status === 404) return <NotFoundResult />;
  const requestId = isApiError(error) ? error.problem?.requestId : undefined;
  return (
    <Result
      status="error"
      title={t('errors.loadFailed')}
      subTitle={
        <>
          <div>{error instanceof Error ? error.message : t('errors.unknown')}</div>
          {requestId ? <div style={{ fontSize: 12 }}>{t('errors.requestId', { id: requestId })}</div> : null}
        </>
      }
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : null
      }
    />
  );
}
