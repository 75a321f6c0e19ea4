import { ExclamationCircleOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Empty, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type OrderQuery, useExceptionSummary, useOrderPage } from '../../api/orders';
import { useWarehouses } from '../../api/org';
import { CursorPager } from '../../components/cursor-pager';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan, useMe } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { orderColumns } from './order-columns';
import { OrderFilterBar, queryOf, useOrderFilters } from './order-filters';

/** /orders — every order, filtered by status, reason, merchant, channel, warehouse and date. */
export function OrderListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const { filters, update, reset } = useOrderFilters();
  const pager = useCursorPager(JSON.stringify(filters));
  const showMerchant = !me.merchant;
  const showWarehouse = can(PERM.warehouseRead);
  const warehouses = useWarehouses(showWarehouse);
  const summary = useExceptionSummary();
  const query = useMemo<OrderQuery>(
    () => ({ limit: pager.pageSize, ...(pager.cursor ? { cursor: pager.cursor } : {}), ...queryOf(filters) }),
    [filters, pager.cursor, pager.pageSize],
  );
  const orders = useOrderPage(query);
  const codeOf = useMemo(() => {
    const byId = new Map((warehouses.data ?? []).map((w) => [w.id, w.code]));
    return (id: string | null) => (id ? (byId.get(id) ?? '—') : '—');
  }, [warehouses.data]);
  const columns = useMemo(
    () => orderColumns(t, { showMerchant, warehouseCode: codeOf }),
    [t, showMerchant, codeOf],
  );

  return (
    <>
      <PageHeader
        title={t('orders.listTitle')}
        subtitle={t('orders.listSubtitle')}
        extra={
          <>
            <Link to="/orders/exceptions">
              <Badge count={summary.data?.total ?? 0} overflowCount={999} size="small">
                <Button icon={<ExclamationCircleOutlined />} danger={(summary.data?.overdue ?? 0) > 0}>
                  {t('orders.openExceptions')}
                </Button>
              </Badge>
            </Link>
            {can(PERM.orderImport) ? (
              <Link to="/orders/import">
                <Button icon={<UploadOutlined />}>{t('orders.importOrders')}</Button>
              </Link>
            ) : null}
            {can(PERM.orderWrite) ? (
              <Link to="/orders/new">
                <Button type="primary" icon={<PlusOutlined />} data-testid="order-create">
                  {t('orders.newOrder')}
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      <Card>
        <OrderFilterBar
          value={filters}
          onChange={update}
          onReset={reset}
          viewsPage="orders"
          showMerchant={showMerchant}
          showWarehouse={showWarehouse}
        />
        {orders.isError && !orders.data ? (
          <QueryError error={orders.error} onRetry={() => void orders.refetch()} />
        ) : (
          <>
            <Table
              data-testid="order-table"
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={orders.data?.items ?? []}
              loading={orders.isFetching}
              pagination={false}
              scroll={{ x: 1600 }}
              onRow={(o) => ({ onDoubleClick: () => navigate(`/orders/${o.id}`) })}
              locale={{
                emptyText: orders.isPending ? (
                  ' '
                ) : (
                  <Empty description={t('orders.emptyTitle')}>
                    <span style={{ color: '#8c8c8c' }}>{t('orders.emptyHint')}</span>
                  </Empty>
                ),
              }}
            />
            <CursorPager pager={pager} nextCursor={orders.data?.nextCursor} loading={orders.isFetching} />
          </>
        )}
      </Card>
    </>
  );
}
