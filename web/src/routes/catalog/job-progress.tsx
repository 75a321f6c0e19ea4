import { StopOutlined } from '@ant-design/icons';
import { Button, Flex, Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Job } from '../../api/types';

const STATUS_COLOR: Record<Job['status'], string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'warning',
};

/** Job progress is a fraction 0–1; values above 1 are read as percentages. */
export function jobPercent(job: Job): number {
  if (job.status === 'succeeded') return 100;
  const p = job.progress > 1 ? job.progress : job.progress * 100;
  return Math.max(0, Math.min(100, Math.round(p)));
}

export function JobProgress({
  job,
  onCancel,
  cancelling,
}: {
  job: Job;
  onCancel: () => void;
  cancelling: boolean;
}) {
  const { t } = useTranslation();
  const active = job.status === 'queued' || job.status === 'running';
  const status =
    job.status === 'failed'
      ? 'exception'
      : job.status === 'succeeded'
        ? 'success'
        : active
          ? 'active'
          : 'normal';
  return (
    <div data-testid="import-progress" data-status={job.status}>
      <Flex justify="space-between" align="center" gap={12} wrap>
        <Flex gap={8} align="center">
          <Tag color={STATUS_COLOR[job.status]}>{t(`import.status.${job.status}`)}</Tag>
          <Typography.Text type="secondary">
            {job.cancelRequested && active
              ? t('import.cancelRequested')
              : job.progressMessage || (active ? t('import.running') : '')}
          </Typography.Text>
        </Flex>
        {active ? (
          <Button
            size="small"
            danger
            icon={<StopOutlined />}
            onClick={onCancel}
            loading={cancelling}
            disabled={job.cancelRequested}
            data-testid="import-cancel"
          >
            {t('import.cancel')}
          </Button>
        ) : null}
      </Flex>
      <Progress percent={jobPercent(job)} status={status} style={{ marginTop: 8, marginBottom: 0 }} />
    </div>
  );
}
