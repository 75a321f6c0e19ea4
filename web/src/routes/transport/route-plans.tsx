import { InboxOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type PlanStatus, type RoutePlanSummary, useRoutePlans } from '../../api/transport';
import { CursorPager } from '../../components/cursor-pager';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { SearchInput } from '../../components/search-input';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { useLang } from '../../lib/use-localized';
import { formatYuan } from './plan-units';

export const PLAN_STATUS_COLOR: Record<PlanStatus, string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'warning',
};

const STATUSES: PlanStatus[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={PLAN_STATUS_COLOR[status]} data-testid="plan-status" data-status={status}>
      {t(`routePlan.status.${status}`)}
    </Tag>
  );
}

/** /transport/route-plans — past and running plans; a dispatcher reopens one or starts a new one. */
export function RoutePlansPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const [status, setStatus] = useState<PlanStatus | undefined>();
  const [q, setQ] = useState('');
  const pager = useCursorPager(JSON.stringify({ status, q }));
  const query = useMemo(
    () => ({
      limit: pager.pageSize,
      ...(pager.cursor ? { cursor: pager.cursor } : {}),
      ...(status ? { status } : {}),
      ...(q ? { q } : {}),
    }),
    [pager.cursor, pager.pageSize, status, q],
  );
  const plans = useRoutePlans(query);

  const columns: TableColumnsType<RoutePlanSummary> = [
    {
      key: 'number',
      title: t('routePlan.col.number'),
      width: 190,
      render: (_, p) => (
        <Link to={`/transport/route-plans/${p.id}`} className="mono">
          {p.number}
        </Link>
      ),
    },
    { key: 'name', title: t('routePlan.col.name'), dataIndex: 'name', ellipsis: true },
    { key: 'date', title: t('routePlan.col.date'), dataIndex: 'deliveryDate', width: 120 },
    {
      key: 'warehouse',
      title: t('routePlan.col.warehouse'),
      dataIndex: 'warehouseCode',
      width: 100,
      render: (v: string | null) =>
        v ?? <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
    },
    { key: 'stops', title: t('routePlan.col.stops'), dataIndex: 'stopCount', width: 80, align: 'right' },
    {
      key: 'vehicles',
      title: t('routePlan.col.vehicles'),
      width: 110,
      align: 'right',
      render: (_, p) => `${p.vehiclesUsed ?? '—'} / ${p.fleetSize}`,
    },
    {
      key: 'km',
      title: t('routePlan.col.km'),
      dataIndex: 'km',
      width: 100,
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : v.toFixed(1)),
    },
    {
      key: 'cost',
      title: t('routePlan.col.cost'),
      dataIndex: 'costFen',
      width: 120,
      align: 'right',
      render: (v: number | null) => formatYuan(v, lang),
    },
    {
      key: 'unassigned',
      title: t('routePlan.col.unassigned'),
      dataIndex: 'unassignedCount',
      width: 90,
      align: 'right',
      render: (v: number | null) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : (v ?? '—')),
    },
    {
      key: 'status',
      title: t('routePlan.col.status'),
      width: 110,
      render: (_, p) => <PlanStatusTag status={p.status} />,
    },
    {
      key: 'by',
      title: t('routePlan.col.createdBy'),
      dataIndex: 'createdByName',
      width: 110,
      ellipsis: true,
    },
    {
      key: 'at',
      title: t('routePlan.col.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (v: string) => <DateTime value={v} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('routePlan.listTitle')}
        subtitle={t('routePlan.listSubtitle')}
        extra={
          can(PERM.routePlanRun) ? (
            <>
              <Button
                icon={<InboxOutlined />}
                onClick={() => navigate('/transport/route-plans/new?source=shipments')}
                data-testid="plan-new-shipments"
              >
                {t('dispatch.sourceShipments')}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/transport/route-plans/new')}
                data-testid="plan-new"
              >
                {t('routePlan.new')}
              </Button>
            </>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          <SearchInput
            value={q}
            onSearch={setQ}
            placeholder={t('routePlan.searchPlaceholder')}
            style={{ width: 280 }}
          />
          <Select
            allowClear
            value={status}
            onChange={setStatus}
            placeholder={t('routePlan.col.status')}
            style={{ width: 160 }}
            options={STATUSES.map((s) => ({ value: s, label: t(`routePlan.status.${s}`) }))}
          />
        </Flex>
        {plans.error ? (
          <QueryError error={plans.error} onRetry={() => plans.refetch()} />
        ) : (
          <>
            <Table
              rowKey="id"
              size="middle"
              data-testid="plan-table"
              loading={plans.isFetching}
              columns={columns}
              dataSource={plans.data?.items ?? []}
              pagination={false}
              scroll={{ x: 1400 }}
              onRow={(p) => ({ onDoubleClick: () => navigate(`/transport/route-plans/${p.id}`) })}
              locale={{ emptyText: t('routePlan.empty') }}
            />
            <CursorPager pager={pager} nextCursor={plans.data?.nextCursor} loading={plans.isFetching} />
          </>
        )}
      </Card>
    </>
  );
}
