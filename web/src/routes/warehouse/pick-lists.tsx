import { Card, Empty, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type PickListSummary, usePickLists, useScanErrors } from '../../api/outbound';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useWarehouseChoice, WarehouseSelect } from './wave-list';
import { metres, PickListStatusTag, TemperatureTag } from './wave-tags';

/** /warehouse/pick-lists — the pick lists waiting on the floor, and refused scans per picker. */
export function PickListsPage() {
  const { t } = useTranslation();
  const choice = useWarehouseChoice();
  const [status, setStatus] = useState<'open' | 'picking' | 'done'>('open');
  const lists = usePickLists({ warehouseId: choice.warehouseId, status }, Boolean(choice.warehouseId));
  const errors = useScanErrors({ warehouseId: choice.warehouseId }, Boolean(choice.warehouseId));
  return (
    <>
      <PageHeader
        title={t('outbound.pickListsTitle')}
        subtitle={t('outbound.pickListsSubtitle')}
        extra={<WarehouseSelect choice={choice} />}
      />
      <Card
        style={{ marginBottom: 16 }}
        extra={
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            options={(['open', 'picking', 'done'] as const).map((s) => ({
              value: s,
              label: t(`outbound.listStatus.${s}`),
            }))}
          />
        }
      >
        {lists.isError && !lists.data ? (
          <QueryError error={lists.error} onRetry={() => void lists.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            loading={lists.isLoading}
            dataSource={lists.data?.items ?? []}
            pagination={false}
            locale={{ emptyText: <Empty description={t('outbound.noPickLists')} /> }}
            columns={[
              {
                title: t('outbound.col.number'),
                dataIndex: 'number',
                render: (n: string, l: PickListSummary) => (
                  <Link to={`/warehouse/pick-lists/${l.id}`} className="mono">
                    {n}
                  </Link>
                ),
              },
              {
                title: t('outbound.col.zone'),
                key: 'zone',
                render: (_, l) => (
                  <>
                    {l.zoneCode ?? '—'}{' '}
                    {l.supplementary ? <Tag color="orange">{t('outbound.supplementary')}</Tag> : null}
                  </>
                ),
              },
              {
                title: t('outbound.col.temperature'),
                key: 'temp',
                render: (_, l) => <TemperatureTag value={l.temperatureClass} />,
              },
              {
                title: t('outbound.col.status'),
                dataIndex: 'status',
                render: (s: PickListSummary['status']) => <PickListStatusTag value={s} />,
              },
              {
                title: t('outbound.col.tasks'),
                key: 'tasks',
                render: (_, l) => `${l.tasks - l.openTasks} / ${l.tasks}`,
              },
              {
                title: t('outbound.col.route'),
                key: 'route',
                align: 'right',
                render: (_, l) => metres(l.routeMm),
              },
              {
                title: t('outbound.col.saving'),
                dataIndex: 'savingPct',
                align: 'right',
                render: (p: number) => `${p}%`,
              },
              {
                title: t('outbound.col.picker'),
                dataIndex: 'pickerName',
                render: (p: string | null) => p ?? '—',
              },
            ]}
          />
        )}
      </Card>
      <Card title={t('outbound.scanErrorsTitle', { count: errors.data?.total ?? 0 })}>
        <Table
          rowKey="actorName"
          size="small"
          pagination={false}
          dataSource={errors.data?.byActor ?? []}
          columns={[
            { title: t('outbound.col.picker'), dataIndex: 'actorName' },
            { title: t('outbound.col.pickErrors'), dataIndex: 'pickCount', align: 'right' },
            { title: t('outbound.col.allErrors'), dataIndex: 'count', align: 'right' },
          ]}
        />
      </Card>
    </>
  );
}
