import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Progress, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWarehouses } from '../../api/org';
import {
  RECEIPT_STATUSES,
  type ReceiptQuery,
  type ReceiptStatus,
  type ReceiptSummary,
  useReceiptPage,
} from '../../api/warehouse';
import { CursorPager } from '../../components/cursor-pager';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { SearchInput } from '../../components/search-input';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { useLang } from '../../lib/use-localized';
import { oneOf, useUrlFilters } from '../../lib/use-url-filters';
import { warehouseLabel } from '../inventory/stock';
import { NewReceiptModal } from './new-receipt-modal';
import { Mono, ReceiptStatusTag } from './receipt-tags';

type Filters = { warehouseId: string; status: ReceiptStatus | ''; q: string };
const parse = (p: URLSearchParams): Filters => ({
  warehouseId: p.get('warehouseId') ?? '',
  status: oneOf(RECEIPT_STATUSES, p.get('status')),
  q: p.get('q') ?? '',
});

/** /warehouse/receipts — receipts (入库单) with their progress; new ones from an ASN or without notice. */
export function ReceiptsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { filters, update } = useUrlFilters(parse);
  const pager = useCursorPager(JSON.stringify(filters));
  const [creating, setCreating] = useState(false);
  const query = useMemo<ReceiptQuery>(
    () => ({
      limit: pager.pageSize,
      ...(pager.cursor ? { cursor: pager.cursor } : {}),
      ...(filters.warehouseId ? { warehouseId: filters.warehouseId } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.q ? { q: filters.q } : {}),
    }),
    [filters, pager.cursor, pager.pageSize],
  );
  const receipts = useReceiptPage(query);
  const canWarehouse = can(PERM.warehouseRead);
  const warehouses = useWarehouses(canWarehouse);
  const warehouseById = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );

  const columns: TableColumnsType<ReceiptSummary> = [
    {
      key: 'number',
      title: t('inbound.number'),
      width: 190,
      fixed: 'left',
      render: (_, r) => (
        <Link to={`/warehouse/receipts/${r.id}`} className="mono" data-testid="receipt-link">
          {r.number}
        </Link>
      ),
    },
    {
      key: 'status',
      title: t('inbound.status'),
      width: 110,
      render: (_, r) => <ReceiptStatusTag value={r.status} />,
    },
    {
      key: 'warehouse',
      title: t('inbound.warehouse'),
      width: 190,
      ellipsis: true,
      render: (_, r) => warehouseLabel(warehouseById, r.warehouseId, lang),
    },
    { key: 'merchant', title: t('inbound.merchant'), dataIndex: 'merchantName', width: 120, ellipsis: true },
    { key: 'supplier', title: t('inbound.supplier'), dataIndex: 'supplierName', width: 160, ellipsis: true },
    {
      key: 'asn',
      title: 'ASN',
      dataIndex: 'asnNumber',
      width: 190,
      render: (v: string | null) => <Mono>{v}</Mono>,
    },
    {
      key: 'progress',
      title: t('inbound.progress'),
      width: 220,
      render: (_, r) => (
        <div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('inbound.inspected')} {r.totals.inspectedLines}/{r.totals.lines} · {t('inbound.putaway')}{' '}
            {r.totals.putaway}/{r.totals.accepted}
          </Typography.Text>
          <Progress
            size="small"
            showInfo={false}
            percent={r.totals.accepted ? Math.round((100 * r.totals.putaway) / r.totals.accepted) : 0}
            success={{
              percent: r.totals.lines ? Math.round((100 * r.totals.inspectedLines) / r.totals.lines) : 0,
            }}
          />
        </div>
      ),
    },
    {
      key: 'pendingReturn',
      title: t('inbound.pendingReturn'),
      width: 100,
      align: 'right',
      render: (_, r) =>
        r.totals.pendingReturn ? (
          <Typography.Text type="warning">{r.totals.pendingReturn}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
    {
      key: 'created',
      title: t('inbound.created'),
      width: 170,
      render: (_, r) => <DateTime value={r.createdAt} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('inbound.receiptsTitle')}
        subtitle={t('inbound.receiptsSubtitle')}
        extra={
          can(PERM.receiptWrite) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="receipt-new"
            >
              {t('inbound.newReceipt')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          {canWarehouse ? (
            <Select
              allowClear
              style={{ width: 220 }}
              placeholder={t('inbound.allWarehouses')}
              value={filters.warehouseId || undefined}
              onChange={(v) => update({ warehouseId: v ?? '' })}
              options={(warehouses.data ?? []).map((w) => ({
                value: w.id,
                label: warehouseLabel(warehouseById, w.id, lang),
              }))}
            />
          ) : null}
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('inbound.status')}
            value={filters.status || undefined}
            onChange={(v) => update({ status: v ?? '' })}
            options={RECEIPT_STATUSES.map((s) => ({ value: s, label: t(`receiptStatus.${s}`) }))}
          />
          <SearchInput
            value={filters.q}
            onSearch={(q) => update({ q })}
            placeholder={t('inbound.search')}
            style={{ width: 280 }}
          />
        </Flex>
        {receipts.isError && !receipts.data ? (
          <QueryError error={receipts.error} onRetry={() => void receipts.refetch()} />
        ) : (
          <>
            <Table<ReceiptSummary>
              data-testid="receipts-table"
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={receipts.data?.items ?? []}
              loading={receipts.isFetching}
              pagination={false}
              scroll={{ x: 1500 }}
              locale={{ emptyText: receipts.isPending ? ' ' : <Empty description={t('inbound.empty')} /> }}
            />
            <CursorPager pager={pager} nextCursor={receipts.data?.nextCursor} loading={receipts.isFetching} />
          </>
        )}
      </Card>
      <NewReceiptModal
        open={creating}
        onClose={() => setCreating(false)}
        warehouses={warehouses.data ?? []}
      />
    </>
  );
}
