import { App, Button, Card, Descriptions, Empty, Flex, InputNumber, Select, Steps, Table, Tag } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWarehouses } from '../../api/org';
import { type MoveTask, useMoveTasks, useSlottingMutations } from '../../api/slotting';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { warehouseLabel } from '../inventory/stock';
import { AbcTag } from './count-tags';
import { ScanInput, type ScanInputHandle } from './scan-input';

/**
 * /warehouse/moves — re-slot move tasks on a handheld: pick a task, scan the source bin, the goods
 * and the target bin (a keyboard-wedge scanner types each code and Enter); the server checks every
 * scan and posts the move.
 */
export function MoveTasksPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const warehouses = useWarehouses();
  const warehouseById = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );
  const [warehouseId, setWarehouseId] = useState<string>();
  useEffect(() => {
    if (!warehouseId && warehouses.data?.length) setWarehouseId(warehouses.data[0].id);
  }, [warehouseId, warehouses.data]);
  const moves = useMoveTasks(warehouseId);
  const { confirm, cancel } = useSlottingMutations();
  const [task, setTask] = useState<MoveTask>();
  const [scans, setScans] = useState<string[]>([]);
  const [qty, setQty] = useState<number | null>(null);
  const input = useRef<ScanInputHandle>(null);
  const step = scans.length;

  const choose = (x: MoveTask) => {
    setTask(x);
    setScans([]);
    setQty(x.qty - x.doneQty);
    setTimeout(() => input.current?.focus(), 0);
  };
  const onScan = (code: string) => {
    if (!task) return;
    const next = [...scans, code];
    if (next.length < 3) {
      setScans(next);
      return;
    }
    confirm.mutate(
      {
        id: task.id,
        body: {
          fromBinBarcode: next[0],
          skuBarcode: next[1],
          toBinBarcode: next[2],
          ...(qty ? { qty } : {}),
        },
      },
      {
        onSuccess: (res) => {
          message.success(t('slotting.moved', { qty: qty ?? res.task.doneQty, bin: res.task.toBinCode }));
          if (res.task.status === 'open') choose(res.task);
          else {
            setTask(undefined);
            setScans([]);
          }
        },
        onError: (e) => {
          notifyError(e);
          setScans([]);
          input.current?.focus();
        },
      },
    );
  };

  return (
    <>
      <PageHeader
        title={t('slotting.movesTitle')}
        subtitle={t('slotting.movesSubtitle')}
        extra={
          (warehouses.data?.length ?? 0) > 1 ? (
            <Select
              style={{ width: 240 }}
              value={warehouseId}
              onChange={(v) => {
                setWarehouseId(v);
                setTask(undefined);
              }}
              options={(warehouses.data ?? []).map((w) => ({
                value: w.id,
                label: warehouseLabel(warehouseById, w.id, lang),
              }))}
            />
          ) : null
        }
      />
      <Card style={{ marginBottom: 16 }}>
        {task ? (
          <Flex gap={24} wrap>
            <div style={{ flex: '1 1 320px' }}>
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('slotting.sku')}>
                  <span className="mono">{task.skuCode}</span> ·{' '}
                  {localName({ nameZh: task.skuNameZh ?? '', nameEn: task.skuNameEn }, lang)}{' '}
                  <AbcTag value={task.abcClass} />
                </Descriptions.Item>
                <Descriptions.Item label={t('slotting.lot')}>{task.lotCode ?? '—'}</Descriptions.Item>
                <Descriptions.Item label={t('slotting.qty')}>
                  <InputNumber
                    min={1}
                    max={task.qty - task.doneQty}
                    precision={0}
                    value={qty}
                    onChange={setQty}
                  />{' '}
                  / {task.qty - task.doneQty}
                </Descriptions.Item>
                <Descriptions.Item label={t('slotting.saved')}>{task.savedMPerMonth}</Descriptions.Item>
              </Descriptions>
            </div>
            <div style={{ flex: '2 1 420px' }}>
              <Steps
                size="small"
                current={step}
                items={[
                  {
                    title: t('slotting.scanFrom'),
                    description: <span className="mono">{task.fromBinCode}</span>,
                  },
                  { title: t('slotting.scanSku'), description: <span className="mono">{task.skuCode}</span> },
                  {
                    title: t('slotting.scanTo'),
                    description: <span className="mono">{task.toBinCode}</span>,
                  },
                ]}
              />
              <div style={{ marginTop: 16 }}>
                <ScanInput
                  ref={input}
                  onScan={onScan}
                  disabled={confirm.isPending}
                  placeholder={
                    [t('slotting.scanFrom'), t('slotting.scanSku'), t('slotting.scanTo')][Math.min(step, 2)]
                  }
                  testId="move-scan"
                />
              </div>
            </div>
          </Flex>
        ) : (
          <Empty description={t('slotting.pickMove')} />
        )}
      </Card>
      <Card>
        {moves.isError && !moves.data ? (
          <QueryError error={moves.error} onRetry={() => void moves.refetch()} />
        ) : (
          <Table<MoveTask>
            rowKey="id"
            size="small"
            loading={moves.isLoading}
            dataSource={moves.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: t('slotting.noMoves') }}
            onRow={(x) => ({ onClick: () => choose(x) })}
            rowClassName={(x) => (x.id === task?.id ? 'ant-table-row-selected' : '')}
            columns={[
              {
                key: 'reason',
                title: t('slotting.reason'),
                render: (_, x) => <Tag>{t(`slotting.reasons.${x.reason}`)}</Tag>,
              },
              {
                key: 'sku',
                title: t('slotting.sku'),
                render: (_, x) => <span className="mono">{x.skuCode}</span>,
              },
              {
                key: 'from',
                title: t('slotting.from'),
                render: (_, x) => <span className="mono">{x.fromBinCode}</span>,
              },
              {
                key: 'to',
                title: t('slotting.to'),
                render: (_, x) => <span className="mono">{x.toBinCode}</span>,
              },
              {
                key: 'qty',
                title: t('slotting.qty'),
                align: 'right',
                render: (_, x) => `${x.doneQty}/${x.qty}`,
              },
              { key: 'saved', title: t('slotting.saved'), dataIndex: 'savedMPerMonth', align: 'right' },
              {
                key: 'cancel',
                render: (_, x) =>
                  can(PERM.slottingManage) ? (
                    <Button
                      size="small"
                      danger
                      onClick={(e) => {
                        e.stopPropagation();
                        cancel.mutate(x.id, { onError: (err) => notifyError(err) });
                        if (task?.id === x.id) setTask(undefined);
                      }}
                    >
                      {t('slotting.cancelMove')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
