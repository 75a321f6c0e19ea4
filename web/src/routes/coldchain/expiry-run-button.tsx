import { FieldTimeOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Popconfirm } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { runExpiryCheck } from '../../api/coldchain';
import { isFinished, useJob } from '../../api/jobs';
import type { Job } from '../../api/types';
import { useNotifyError } from '../../lib/use-notify-error';

interface ExpiryRunResult {
  lines: number;
  qty: number;
  lostOrders: string[];
}

/** Queue an expiry run now and report its outcome when the job finishes. */
export function ExpiryRunButton({ warehouseId }: { warehouseId?: string }) {
  const { t } = useTranslation();
  const { notification } = App.useApp();
  const notifyError = useNotifyError();
  const client = useQueryClient();
  const [started, setStarted] = useState<Job | null>(null);
  const [busy, setBusy] = useState(false);
  const job = useJob(started?.id ?? null, started ?? undefined);

  useEffect(() => {
    const done = job.data;
    if (!started || !done || !isFinished(done)) return;
    setStarted(null);
    if (done.status === 'succeeded') {
      const r = done.result as ExpiryRunResult;
      notification.success({
        title: t('coldchain.expiry.runDone', { lines: r.lines, qty: r.qty, orders: r.lostOrders.length }),
        description: r.lostOrders.length
          ? t('coldchain.alerts.lostOrders', { orders: r.lostOrders.join('、') })
          : undefined,
      });
      void client.invalidateQueries({ queryKey: ['inventory'] });
    } else notification.error({ title: t('coldchain.expiry.runFailed'), description: done.error?.message });
  }, [job.data, started, notification, t, client]);

  const run = async () => {
    setBusy(true);
    try {
      setStarted(await runExpiryCheck(warehouseId));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Popconfirm
      title={t('coldchain.expiry.runConfirm')}
      onConfirm={() => void run()}
      okText={t('common.confirm')}
    >
      <Button icon={<FieldTimeOutlined />} loading={busy || Boolean(started)} data-testid="expiry-run">
        {started ? t('coldchain.expiry.running') : t('coldchain.expiry.run')}
      </Button>
    </Popconfirm>
  );
}
