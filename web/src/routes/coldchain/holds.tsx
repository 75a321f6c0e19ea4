import { Card, Empty, Flex, Select, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Hold, type HoldQuery, useHolds } from '../../api/coldchain';
import { useWarehouses } from '../../api/org';
import { CursorPager } from '../../components/cursor-pager';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { localName, useLang } from '../../lib/use-localized';
import { oneOf, useUrlFilters } from '../../lib/use-url-filters';
import { formatQty, warehouseLabel } from '../inventory/stock';
import { HoldReviewDrawer } from './hold-review-drawer';

const STATUSES = ['open', 'closed'] as const;
const parse = (p: URLSearchParams) => ({
  warehouseId: p.get('warehouseId') ?? '',
  status: oneOf(STATUSES, p.get('status')),
  id: p.get('id') ?? '',
});

/** /inventory/quality-holds — stock on quality hold, opened for review in a drawer. */
export function QualityHoldsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { filters, update } = useUrlFilters(parse);
  const listFilters = { warehouseId: filters.warehouseId, status: filters.status };
  const pager = useCursorPager(JSON.stringify(listFilters));
  const query = useMemo<HoldQuery>(
    () => ({
      limit: pager.pageSize,
      ...(pager.cursor ? { cursor: pager.cursor } : {}),
      ...(filters.warehouseId ? { warehouseId: filters.warehouseId } : {}),
      ...(filters.status ? { status: filters.status } : {}),
    }),
    [filters.warehouseId, filters.status, pager.cursor, pager.pageSize],
  );
  const holds = useHolds(query);
  const warehouses = useWarehouses(can(PERM.warehouseRead));
  const byId = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );

  return (
    <>
      <PageHeader title={t('coldchain.holds.title')} subtitle={t('coldchain.holds.subtitle')} />
      <Card>
        <Flex gap={12} wrap align="center" className="filter-bar">
          <Select
            allowClear
            placeholder={t('layout.allWarehouses')}
            value={filters.warehouseId || undefined}
            onChange={(v) => update({ warehouseId: v ?? '' })}
            style={{ width: 220 }}
            options={(warehouses.data ?? []).map((w) => ({
              value: w.id,
              label: `${w.code} · ${localName(w, lang)}`,
            }))}
          />
          <Select
            allowClear
            placeholder={t('coldchain.holds.col.status')}
            value={filters.status || undefined}
            onChange={(v) => update({ status: v ?? '' })}
            style={{ width: 160 }}
            options={STATUSES.map((s) => ({ value: s, label: t(`coldchain.holds.status.${s}`) }))}
          />
        </Flex>
        {holds.isError && !holds.data ? (
          <QueryError error={holds.error} onRetry={() => void holds.refetch()} />
        ) : (
          <>
            <Table<Hold>
              rowKey="id"
              data-testid="hold-table"
              size="middle"
              loading={holds.isFetching}
              dataSource={holds.data?.items ?? []}
              pagination={false}
              onRow={(h) => ({ onClick: () => update({ id: h.id }), style: { cursor: 'pointer' } })}
              locale={{
                emptyText: holds.isPending ? ' ' : <Empty description={t('coldchain.holds.empty')} />,
              }}
              columns={[
                {
                  key: 'docNo',
                  title: t('coldchain.holds.col.docNo'),
                  dataIndex: 'docNo',
                  width: 190,
                  render: (v: string) => <span className="mono">{v}</span>,
                },
                {
                  key: 'warehouse',
                  title: t('coldchain.holds.col.warehouse'),
                  width: 180,
                  ellipsis: true,
                  render: (_, h) => warehouseLabel(byId, h.warehouseId, lang),
                },
                {
                  key: 'reason',
                  title: t('coldchain.holds.col.reason'),
                  dataIndex: 'reason',
                  ellipsis: true,
                },
                {
                  key: 'status',
                  title: t('coldchain.holds.col.status'),
                  width: 110,
                  render: (_, h) => (
                    <Tag color={h.status === 'open' ? 'gold' : 'default'}>
                      {t(`coldchain.holds.status.${h.status}`)}
                    </Tag>
                  ),
                },
                {
                  key: 'qty',
                  title: t('coldchain.holds.col.qty'),
                  width: 150,
                  align: 'right',
                  render: (_, h) => `${formatQty(h.remainingQty)} / ${formatQty(h.totalQty)}`,
                },
                {
                  key: 'created',
                  title: t('coldchain.holds.col.created'),
                  width: 150,
                  render: (_, h) => <DateTime value={h.createdAt} />,
                },
                {
                  key: 'reviewer',
                  title: t('coldchain.holds.col.reviewer'),
                  width: 120,
                  render: (_, h) => h.reviewedByName ?? t('common.none'),
                },
              ]}
            />
            <CursorPager pager={pager} nextCursor={holds.data?.nextCursor} loading={holds.isFetching} />
          </>
        )}
      </Card>
      <HoldReviewDrawer key={filters.id} id={filters.id || null} onClose={() => update({ id: '' })} />
    </>
  );
}
