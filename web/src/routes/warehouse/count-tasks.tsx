import { DeleteOutlined, EnvironmentOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  InputNumber,
  List,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { type CountTask, useCountTaskMutations, useCountTasks } from '../../api/counts';
import { useWarehouses } from '../../api/org';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { warehouseLabel } from '../inventory/stock';
import { ScanInput, type ScanInputHandle } from './scan-input';

/** One SKU × lot the counter has found in the bin. */
interface Entry {
  key: string;
  skuId: string;
  skuCode: string;
  name: string;
  lotTracked: boolean;
  lotCode: string;
  qty: number;
}

/**
 * /warehouse/count-tasks — blind counting on a handheld with a keyboard-wedge scanner: scan the bin
 * (starts its task), scan every unit (each scan adds one; quantities can be typed), submit the bin.
 * The page never receives book quantities — the server does not send them to counters.
 */
export function CountTasksPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
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
  const tasks = useCountTasks({ warehouseId, limit: 500 }, Boolean(warehouseId));
  const open = tasks.data?.items ?? [];
  const { start, submit } = useCountTaskMutations();
  const [task, setTask] = useState<CountTask>();
  const [scannedBin, setScannedBin] = useState('');
  const [entries, setEntries] = useState<Entry[]>([]);
  const binInput = useRef<ScanInputHandle>(null);
  const skuInput = useRef<ScanInputHandle>(null);

  const reset = () => {
    setTask(undefined);
    setScannedBin('');
    setEntries([]);
    setTimeout(() => binInput.current?.focus(), 0);
  };

  const onBinScan = (code: string) => {
    const match =
      open.find((x) => x.binBarcode === code && (!task || x.id === task.id)) ??
      open.find((x) => x.binBarcode === code);
    if (!match) {
      message.warning(t('counts.noTaskForBin', { code }));
      return;
    }
    start.mutate(
      { id: match.id, binBarcode: code },
      {
        onSuccess: (started) => {
          setTask(started);
          setScannedBin(code);
          setEntries([]);
          setTimeout(() => skuInput.current?.focus(), 0);
        },
        onError: (e) => notifyError(e),
      },
    );
  };

  const add = (e: Omit<Entry, 'key' | 'qty'>) =>
    setEntries((list) => {
      const i = list.findIndex((x) => x.skuId === e.skuId && x.lotCode === e.lotCode);
      if (i >= 0) return list.map((x, k) => (k === i ? { ...x, qty: x.qty + 1 } : x));
      return [...list, { ...e, key: `${e.skuId}|${e.lotCode}|${list.length}`, qty: 1 }];
    });

  const onSkuScan = async (code: string) => {
    if (!task || !scannedBin) return;
    const listed = task.goods.filter((g) => g.skuCode === code || g.skuBarcodes.includes(code));
    if (listed.length) {
      const g = listed[0];
      // One lot listed: it is most likely that one; the counter can still change it.
      const lots = listed.map((x) => x.lotCode).filter((x): x is string => !!x);
      add({
        skuId: g.skuId,
        skuCode: g.skuCode,
        name: localName({ nameZh: g.skuNameZh ?? '', nameEn: g.skuNameEn }, lang),
        lotTracked: g.lotTracked,
        lotCode: lots.length === 1 ? lots[0] : '',
      });
      return;
    }
    try {
      const found = await unwrap(api.GET('/api/catalog/skus', { params: { query: { q: code, limit: 5 } } }));
      const sku = found.items.find((s) => s.code === code || s.barcodes.includes(code));
      if (!sku) {
        message.warning(t('counts.noSkuForCode', { code }));
        return;
      }
      add({
        skuId: sku.id,
        skuCode: sku.code,
        name: localName(sku, lang),
        lotTracked: sku.lotTracked,
        lotCode: '',
      });
    } catch (e) {
      notifyError(e);
    }
  };

  const send = (lines: Entry[]) => {
    if (!task) return;
    if (lines.some((l) => l.lotTracked && !l.lotCode.trim())) {
      message.warning(t('counts.lotRequired'));
      return;
    }
    submit.mutate(
      {
        id: task.id,
        body: {
          binBarcode: scannedBin,
          lines: lines.map((l) => ({
            skuId: l.skuId,
            qty: l.qty,
            ...(l.lotTracked ? { lotCode: l.lotCode.trim() } : {}),
          })),
        },
      },
      {
        onSuccess: (res) => {
          if (res.recount) message.warning(t('counts.mustRecount', { bin: res.binCode }));
          else message.success(t('counts.submitted', { bin: res.binCode }));
          reset();
        },
        onError: (e) => notifyError(e),
      },
    );
  };

  const columns: TableColumnsType<Entry> = [
    {
      key: 'sku',
      title: t('counts.sku'),
      render: (_, e) => (
        <span>
          <span className="mono">{e.skuCode}</span> · {e.name}
        </span>
      ),
    },
    {
      key: 'lot',
      title: t('counts.lotCode'),
      width: 170,
      render: (_, e) =>
        e.lotTracked ? (
          <Input
            size="small"
            className="mono"
            value={e.lotCode}
            status={e.lotCode ? undefined : 'warning'}
            onChange={(ev) =>
              setEntries((list) =>
                list.map((x) => (x.key === e.key ? { ...x, lotCode: ev.target.value } : x)),
              )
            }
          />
        ) : (
          '—'
        ),
    },
    {
      key: 'qty',
      title: t('counts.qty'),
      width: 130,
      render: (_, e) => (
        <InputNumber
          min={0}
          precision={0}
          value={e.qty}
          data-testid="count-qty"
          onChange={(v) =>
            setEntries((list) => list.map((x) => (x.key === e.key ? { ...x, qty: v ?? 0 } : x)))
          }
        />
      ),
    },
    {
      key: 'remove',
      width: 50,
      render: (_, e) => (
        <Button
          type="text"
          icon={<DeleteOutlined />}
          aria-label="remove"
          onClick={() => setEntries((list) => list.filter((x) => x.key !== e.key))}
        />
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('counts.tasksTitle')}
        subtitle={t('counts.tasksSubtitle')}
        extra={
          (warehouses.data?.length ?? 0) > 1 ? (
            <Select
              style={{ width: 240 }}
              value={warehouseId}
              onChange={(v) => {
                setWarehouseId(v);
                reset();
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
        <Card title={t('counts.scanBin')} style={{ flex: '1 1 320px' }}>
          <ScanInput
            ref={binInput}
            onScan={onBinScan}
            placeholder={t('counts.scanBin')}
            testId="count-scan-bin"
          />
          {task ? (
            <div style={{ marginTop: 12 }}>
              <Typography.Title level={3} className="mono" style={{ margin: 0 }} data-testid="count-bin">
                <EnvironmentOutlined /> {task.binCode}
              </Typography.Title>
              <Typography.Text type="secondary">
                <span className="mono">{task.countNumber}</span> ·{' '}
                {task.round > 1 ? <Tag color="orange">{t('counts.recountRound')}</Tag> : null}
                {t('counts.round', { n: task.round })}
              </Typography.Text>
              <List
                size="small"
                header={t('counts.expectedGoods')}
                dataSource={task.goods}
                locale={{ emptyText: t('counts.emptyBin') }}
                style={{ marginTop: 8 }}
                renderItem={(g) => (
                  <List.Item>
                    <span className="mono">{g.skuCode}</span>
                    <span>{localName({ nameZh: g.skuNameZh ?? '', nameEn: g.skuNameEn }, lang)}</span>
                    {g.lotCode ? <Tag className="mono">{g.lotCode}</Tag> : null}
                  </List.Item>
                )}
              />
            </div>
          ) : (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {t('counts.pickTask')}
            </Typography.Paragraph>
          )}
        </Card>
        <Card title={t('counts.entered')} style={{ flex: '2 1 480px' }}>
          {task && scannedBin ? (
            <>
              <ScanInput
                ref={skuInput}
                onScan={(code) => void onSkuScan(code)}
                placeholder={t('counts.scanSku')}
                autoFocus={false}
                testId="count-scan-sku"
              />
              <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
                {t('counts.scanHint')}
              </Typography.Paragraph>
              <Table rowKey="key" size="small" columns={columns} dataSource={entries} pagination={false} />
              <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
                <Button onClick={reset}>{t('common.cancel')}</Button>
                <Button disabled={entries.length > 0} loading={submit.isPending} onClick={() => send([])}>
                  {t('counts.emptyBin')}
                </Button>
                <Button
                  type="primary"
                  disabled={!entries.length}
                  loading={submit.isPending}
                  onClick={() => send(entries)}
                  data-testid="count-submit"
                >
                  {t('counts.submit')}
                </Button>
              </Flex>
            </>
          ) : (
            <Empty description={task ? t('counts.scanBin') : t('counts.pickTask')} />
          )}
        </Card>
      </Flex>
      <Card title={t('counts.openTasks')}>
        {tasks.isError && !tasks.data ? (
          <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            dataSource={open}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            locale={{ emptyText: t('counts.noTasks') }}
            rowClassName={(x) => (x.id === task?.id ? 'ant-table-row-selected' : '')}
            onRow={(x) => ({
              onClick: () => {
                setTask(x);
                setScannedBin('');
                setEntries([]);
                setTimeout(() => binInput.current?.focus(), 0);
              },
            })}
            columns={[
              {
                key: 'bin',
                title: t('counts.bin'),
                render: (_, x) => <span className="mono">{x.binCode}</span>,
              },
              {
                key: 'count',
                title: t('counts.number'),
                render: (_, x) => <span className="mono">{x.countNumber}</span>,
              },
              {
                key: 'round',
                title: t('counts.rounds'),
                width: 100,
                render: (_, x) => (x.round > 1 ? <Tag color="orange">{t('counts.recountRound')}</Tag> : 1),
              },
              {
                key: 'status',
                title: t('counts.status'),
                width: 110,
                render: (_, x) => t(`counts.taskStatuses.${x.status}`),
              },
              { key: 'goods', title: t('counts.sku'), render: (_, x) => x.goods.length },
            ]}
          />
        )}
      </Card>
    </>
  );
}
