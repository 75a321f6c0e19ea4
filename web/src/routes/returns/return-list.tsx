import { SettingOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Table, type TableColumnsType, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type ReturnQuery, type ReturnSummary, useReturnPage } from '../../api/returns';
import { CursorPager } from '../../components/cursor-pager';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan, useMe } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { yuan } from '../orders/order-tags';
import { ReturnFilterBar, returnQueryOf, useReturnFilters } from './return-filters';
import { ReturnSettingsDialog } from './return-settings';
import { ReturnReasonTag, ReturnStatusTag } from './return-tags';

/** /returns — every return and exchange, filtered by status, reason, source, refund, merchant, warehouse, date. */
export function ReturnListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const [settingsOpen, setSettingsOpen] = useState(false);
  const { filters, update, reset } = useReturnFilters();
  const pager = useCursorPager(JSON.stringify(filters));
  const query = useMemo<ReturnQuery>(
    () => ({
      limit: pager.pageSize,
      ...(pager.cursor ? { cursor: pager.cursor } : {}),
      ...returnQueryOf(filters),
    }),
    [filters, pager.cursor, pager.pageSize],
  );
  const page = useReturnPage(query);
  const columns: TableColumnsType<ReturnSummary> = [
    {
      key: 'number',
      title: t('returns.col.number'),
      render: (_, r) => (
        <Link to={`/returns/${r.id}`} className="mono" data-testid="return-link">
          {r.number}
        </Link>
      ),
    },
    {
      key: 'order',
      title: t('returns.col.order'),
      render: (_, r) => (
        <Link to={`/orders/${r.orderId}`} className="mono">
          {r.orderNumber}
        </Link>
      ),
    },
    ...(me.merchant
      ? []
      : [
          {
            key: 'merchant',
            title: t('returns.col.merchant'),
            render: (_: unknown, r: ReturnSummary) => r.merchantName,
          },
        ]),
    { key: 'consignee', title: t('returns.col.consignee'), dataIndex: 'consigneeName' },
    {
      key: 'reason',
      title: t('returns.col.reason'),
      render: (_, r) => <ReturnReasonTag reason={r.reason} />,
    },
    {
      key: 'status',
      title: t('returns.col.status'),
      render: (_, r) => (
        <>
          <ReturnStatusTag status={r.status} />
          {r.resolution === 'exchange' ? <Tag>{t('returns.resolution.exchange')}</Tag> : null}
        </>
      ),
    },
    {
      key: 'qty',
      title: t('returns.col.qty'),
      align: 'right',
      render: (_, r) => (r.receivedQty ? `${r.receivedQty}/${r.totalQty}` : r.totalQty),
    },
    {
      key: 'refund',
      title: t('returns.col.refund'),
      align: 'right',
      render: (_, r) =>
        r.refundFen === null ? (
          '—'
        ) : (
          <span>
            {yuan(r.refundFen)}{' '}
            <Tag color={r.refundStatus === 'refunded' ? 'green' : 'orange'}>
              {t(`returns.refundStatus.${r.refundStatus ?? 'pending'}`)}
            </Tag>
          </span>
        ),
    },
    { key: 'via', title: t('returns.col.via'), render: (_, r) => t(`returns.via.${r.raisedVia}`) },
    { key: 'created', title: t('returns.col.created'), render: (_, r) => <DateTime value={r.createdAt} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('returns.listTitle')}
        subtitle={t('returns.listSubtitle')}
        extra={
          <Button
            icon={<SettingOutlined />}
            onClick={() => setSettingsOpen(true)}
            data-testid="return-settings"
          >
            {t('returns.settings')}
          </Button>
        }
      />
      <Card>
        <ReturnFilterBar
          value={filters}
          onChange={update}
          onReset={reset}
          showMerchant={!me.merchant}
          showWarehouse={can(PERM.warehouseRead)}
        />
        {page.isError && !page.data ? (
          <QueryError error={page.error} onRetry={() => void page.refetch()} />
        ) : (
          <>
            <Table
              data-testid="return-table"
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={page.data?.items ?? []}
              loading={page.isFetching}
              pagination={false}
              scroll={{ x: 1200 }}
              onRow={(r) => ({ onDoubleClick: () => navigate(`/returns/${r.id}`) })}
              locale={{
                emptyText: page.isPending ? (
                  ' '
                ) : (
                  <Empty description={t('returns.emptyTitle')}>
                    <span style={{ color: '#8c8c8c' }}>{t('returns.emptyHint')}</span>
                  </Empty>
                ),
              }}
            />
            <CursorPager pager={pager} nextCursor={page.data?.nextCursor} loading={page.isFetching} />
          </>
        )}
      </Card>
      <ReturnSettingsDialog open={settingsOpen} onClose={() => setSettingsOpen(false)} />
    </>
  );
}
