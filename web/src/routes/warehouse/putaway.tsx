import { EnvironmentOutlined } from '@ant-design/icons';
import { App, Card, Descriptions, Empty, Flex, InputNumber, List, Select, Tag, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWarehouses } from '../../api/org';
import { isApiError } from '../../api/problem';
import { type PutawayTask, useAlternatives, useConfirmPutaway, useTaskPage } from '../../api/warehouse';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { warehouseLabel } from '../inventory/stock';
import { Mono } from './receipt-tags';
import { ScanInput, type ScanInputHandle } from './scan-input';
import { TaskTable } from './task-table';

/**
 * /warehouse/putaway — the putaway screen for a handheld with a keyboard-wedge scanner: scan the
 * goods (picks the oldest open task for them), then scan the bin to confirm. A wrong scan is refused
 * (and counted by the server); another valid bin is asked for once, then recorded as a deviation.
 */
export function PutawayPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const warehouses = useWarehouses();
  const [warehouseId, setWarehouseId] = useState<string>();
  useEffect(() => {
    if (!warehouseId && warehouses.data?.length) setWarehouseId(warehouses.data[0].id);
  }, [warehouseId, warehouses.data]);
  const warehouseById = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );
  const tasks = useTaskPage({ warehouseId, status: 'open', limit: 200 }, Boolean(warehouseId));
  const open = tasks.data?.items ?? [];
  const [taskId, setTaskId] = useState<string>();
  const [skuScan, setSkuScan] = useState<string>('');
  const [qty, setQty] = useState<number | null>(null);
  const task = open.find((x) => x.id === taskId);
  const alternatives = useAlternatives(task?.id);
  const confirm = useConfirmPutaway();
  const skuInput = useRef<ScanInputHandle>(null);
  const binInput = useRef<ScanInputHandle>(null);

  const choose = (x: PutawayTask, scanned?: string) => {
    setTaskId(x.id);
    // Picked from the list, the goods must still be scanned before the bin.
    setSkuScan(scanned ?? '');
    setQty(x.remainingQty);
    setTimeout(() => (scanned ? binInput : skuInput).current?.focus(), 0);
  };
  const onSkuScan = (code: string) => {
    const matches = (x: PutawayTask) => x.skuCode === code || x.skuBarcodes.includes(code);
    const match = task && matches(task) ? task : open.find(matches);
    if (match) choose(match, code);
    else message.warning(t('inbound.noTaskForSku', { code }));
  };
  const send = (x: PutawayTask, binBarcode: string, acceptDifferentBin: boolean) =>
    confirm.mutate(
      {
        taskId: x.id,
        body: {
          binBarcode,
          skuBarcode: skuScan,
          ...(qty ? { qty } : {}),
          ...(acceptDifferentBin ? { acceptDifferentBin } : {}),
        },
      },
      {
        onSuccess: (res) => {
          const c = res.task.confirmations[res.task.confirmations.length - 1];
          message.success(t('inbound.confirmed', { qty: c?.qty ?? qty, bin: c?.binCode ?? binBarcode }));
          if (res.task.status !== 'open') {
            setTaskId(undefined);
            setTimeout(() => skuInput.current?.focus(), 0);
          } else setQty(res.task.remainingQty);
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'warehouse.putaway_bin_differs') {
            modal.confirm({
              title: t('inbound.differentBinTitle'),
              content: error.message,
              okText: t('inbound.differentBinOk'),
              onOk: () => send(x, binBarcode, true),
              onCancel: () => binInput.current?.focus(),
            });
            return;
          }
          notifyError(error);
          void tasks.refetch();
          binInput.current?.focus();
        },
      },
    );

  return (
    <>
      <PageHeader
        title={t('inbound.putawayTitle')}
        subtitle={t('inbound.putawaySubtitle')}
        extra={
          (warehouses.data?.length ?? 0) > 1 ? (
            <Select
              style={{ width: 240 }}
              value={warehouseId}
              onChange={(v) => {
                setWarehouseId(v);
                setTaskId(undefined);
              }}
              options={(warehouses.data ?? []).map((w) => ({
                value: w.id,
                label: warehouseLabel(warehouseById, w.id, lang),
              }))}
            />
          ) : null
        }
      />
      <Flex gap={16} wrap style={{ marginBottom: 16 }}>
        <Card title={t('inbound.scanSku')} style={{ flex: '1 1 360px' }}>
          <ScanInput
            ref={skuInput}
            onScan={onSkuScan}
            placeholder={t('inbound.scanSku')}
            testId="putaway-scan-sku"
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('inbound.scanHint')}
          </Typography.Paragraph>
        </Card>
        <Card title={t('inbound.scanBin')} style={{ flex: '1 1 420px' }}>
          {task ? (
            <>
              <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
                <Descriptions.Item label={t('inbound.sku')}>
                  <span className="mono">{task.skuCode}</span> ·{' '}
                  {localName({ nameZh: task.skuNameZh ?? '', nameEn: task.skuNameEn }, lang)}
                </Descriptions.Item>
                <Descriptions.Item label={t('inbound.lot')}>
                  <Mono>{task.lotCode}</Mono>
                </Descriptions.Item>
                <Descriptions.Item label={t('inbound.suggestedBin')}>
                  {task.suggestedBinCode ? (
                    <Typography.Title
                      level={3}
                      style={{ margin: 0 }}
                      className="mono"
                      data-testid="putaway-suggested"
                    >
                      <EnvironmentOutlined /> {task.suggestedBinCode}
                    </Typography.Title>
                  ) : (
                    <Tag color="red">{t('inbound.noSuggestion')}</Tag>
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('inbound.putQty')}>
                  <InputNumber min={1} max={task.remainingQty} precision={0} value={qty} onChange={setQty} />{' '}
                  / {task.remainingQty}
                </Descriptions.Item>
              </Descriptions>
              <ScanInput
                ref={binInput}
                onScan={(code) => send(task, code, false)}
                placeholder={t('inbound.scanBin')}
                disabled={confirm.isPending || !skuScan}
                autoFocus={false}
                testId="putaway-scan-bin"
              />
              {alternatives.data?.items.length ? (
                <List
                  size="small"
                  header={t('inbound.alternatives')}
                  dataSource={alternatives.data.items}
                  style={{ marginTop: 12 }}
                  renderItem={(a) => (
                    <List.Item>
                      <span className="mono">{a.binCode}</span>
                      <Typography.Text type="secondary">
                        {t(`inbound.slotReason.${a.reason}`)} · {t('inbound.room', { room: a.room })}
                      </Typography.Text>
                    </List.Item>
                  )}
                />
              ) : null}
            </>
          ) : (
            <Empty description={t('inbound.pickTask')} />
          )}
        </Card>
      </Flex>
      <Card title={t('inbound.openTasks')}>
        {tasks.isError && !tasks.data ? (
          <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : open.length ? (
          <TaskTable tasks={open} showReceipt selectedId={taskId} onSelect={(x) => choose(x)} />
        ) : (
          <Empty description={t('inbound.emptyTasks')} />
        )}
      </Card>
    </>
  );
}
