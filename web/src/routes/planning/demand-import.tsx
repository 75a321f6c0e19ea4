import { CheckOutlined, DownloadOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isFinished, useJob } from '../../api/jobs';
import { type DemandImportResult, demandTemplateUrl, startDemandImport } from '../../api/planning';
import type { Job } from '../../api/types';
import { PageHeader } from '../../components/page-header';
import { useDownload } from '../../lib/use-download';
import { useNotifyError } from '../../lib/use-notify-error';
import { FileDrop } from '../catalog/file-drop';
import { JobProgress } from '../catalog/job-progress';

/** /planning/import — check a daily demand history file (a job), then import it (another job). */
export function DemandImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const { download } = useDownload();
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [started, setStarted] = useState<Job | null>(null);
  const polled = useJob(started?.id ?? null, started ?? undefined);
  const job = polled.data ?? started;
  const result = job?.status === 'succeeded' ? (job.result as DemandImportResult) : null;
  const busy = !!job && !isFinished(job);

  useEffect(() => {
    if (result?.committed) void queryClient.invalidateQueries({ queryKey: ['planning'] });
  }, [result?.committed, queryClient]);

  const run = async (mode: 'validate' | 'commit') => {
    if (!file) return;
    try {
      setStarted(await startDemandImport(file, mode, skipInvalid));
    } catch (error) {
      notifyError(error);
    }
  };

  return (
    <>
      <PageHeader
        title={t('planning.import.title')}
        subtitle={t('planning.import.subtitle')}
        backTo="/planning/forecasts"
      />
      <Card className="page-section">
        <Space style={{ marginBottom: 16 }}>
          {(['csv', 'xlsx'] as const).map((f) => (
            <Button
              key={f}
              icon={<DownloadOutlined />}
              onClick={() => void download(demandTemplateUrl(f), `demand-template.${f}`)}
            >
              {t('planning.import.template')} ({f.toUpperCase()})
            </Button>
          ))}
        </Space>
        <FileDrop
          file={file}
          onFile={(f) => {
            setFile(f);
            setStarted(null);
          }}
          onReject={(reason) => message.error(reason)}
          disabled={busy}
        />
        <Flex gap={8} style={{ marginTop: 16 }} wrap align="center">
          <Button
            icon={<SafetyCertificateOutlined />}
            disabled={!file || busy}
            onClick={() => void run('validate')}
            data-testid="demand-validate"
          >
            {t('planning.import.validate')}
          </Button>
          <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)}>
            {t('planning.import.skipInvalid')}
          </Checkbox>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={!file || busy}
            onClick={() => void run('commit')}
            data-testid="demand-commit"
          >
            {t('planning.import.commit')}
          </Button>
        </Flex>
      </Card>
      {job ? (
        <Card className="page-section">
          <JobProgress job={job} onCancel={() => undefined} cancelling={false} />
          {job.status === 'failed' ? (
            <Alert type="error" showIcon style={{ marginTop: 12 }} title={job.error?.message} />
          ) : null}
          {result ? (
            <>
              <Alert
                style={{ marginTop: 16 }}
                showIcon
                type={result.invalid ? 'warning' : 'success'}
                title={t('planning.import.result', {
                  total: result.total,
                  valid: result.valid,
                  invalid: result.invalid,
                  written: result.written,
                  series: result.series,
                })}
              />
              {result.errors.length ? (
                <Table
                  style={{ marginTop: 16 }}
                  size="small"
                  rowKey={(e) => `${e.row}|${e.field}|${e.code}`}
                  dataSource={result.errors}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    { key: 'row', title: t('planning.import.col.row'), dataIndex: 'row', width: 80 },
                    { key: 'field', title: t('planning.import.col.field'), dataIndex: 'field', width: 160 },
                    { key: 'message', title: t('planning.import.col.message'), dataIndex: 'message' },
                  ]}
                  data-testid="demand-errors"
                />
              ) : null}
            </>
          ) : null}
        </Card>
      ) : null}
    </>
  );
}
