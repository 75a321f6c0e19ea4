import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Select, Space, Table, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useWarehouses } from '../../api/org';
import {
  ASN_STATUSES,
  type AsnQuery,
  type AsnStatus,
  type AsnSummary,
  useAsn,
  useAsnPage,
  useCancelAsn,
  useReceiptFromAsn,
} from '../../api/warehouse';
import { CursorPager } from '../../components/cursor-pager';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { SearchInput } from '../../components/search-input';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { oneOf, useUrlFilters } from '../../lib/use-url-filters';
import { warehouseLabel } from '../inventory/stock';
import { NewAsnDrawer } from './new-asn-drawer';
import { AsnStatusTag, Mono } from './receipt-tags';

type Filters = { status: AsnStatus | ''; q: string };
const parse = (p: URLSearchParams): Filters => ({
  status: oneOf(ASN_STATUSES, p.get('status')),
  q: p.get('q') ?? '',
});

function AsnLines({ id }: { id: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const asn = useAsn(id);
  return (
    <Table
      rowKey="id"
      size="small"
      loading={asn.isPending}
      pagination={false}
      dataSource={asn.data?.lines ?? []}
      columns={[
        { key: 'no', title: '#', dataIndex: 'lineNo', width: 50 },
        {
          key: 'sku',
          title: t('inbound.sku'),
          render: (_, l) =>
            `${l.skuCode} · ${localName({ nameZh: l.skuNameZh ?? '', nameEn: l.skuNameEn }, lang)}`,
        },
        { key: 'qty', title: t('inbound.qty'), dataIndex: 'qty', width: 80, align: 'right' },
        {
          key: 'lot',
          title: t('inbound.lot'),
          dataIndex: 'lotCode',
          width: 140,
          render: (v) => <Mono>{v}</Mono>,
        },
        {
          key: 'exp',
          title: t('inbound.expiryDate'),
          dataIndex: 'expiryDate',
          width: 120,
          render: (v) => <Mono>{v}</Mono>,
        },
      ]}
    />
  );
}

/** /warehouse/asns — advance shipping notices: merchants send them, the warehouse opens receipts from them. */
export function AsnsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const { modal } = App.useApp();
  const notifyError = useNotifyError();
  const { filters, update } = useUrlFilters(parse);
  const pager = useCursorPager(JSON.stringify(filters));
  const [creating, setCreating] = useState(false);
  const query = useMemo<AsnQuery>(
    () => ({
      limit: pager.pageSize,
      ...(pager.cursor ? { cursor: pager.cursor } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.q ? { q: filters.q } : {}),
    }),
    [filters, pager.cursor, pager.pageSize],
  );
  const asns = useAsnPage(query);
  const warehouses = useWarehouses(can(PERM.warehouseRead));
  const warehouseById = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );
  const cancel = useCancelAsn();
  const receive = useReceiptFromAsn();

  const columns: TableColumnsType<AsnSummary> = [
    {
      key: 'number',
      title: t('inbound.number'),
      dataIndex: 'number',
      width: 190,
      render: (v: string) => <Mono>{v}</Mono>,
    },
    {
      key: 'status',
      title: t('inbound.status'),
      width: 100,
      render: (_, a) => <AsnStatusTag value={a.status} />,
    },
    { key: 'merchant', title: t('inbound.merchant'), dataIndex: 'merchantName', width: 120 },
    {
      key: 'warehouse',
      title: t('inbound.warehouse'),
      width: 190,
      render: (_, a) => warehouseLabel(warehouseById, a.warehouseId, lang),
    },
    { key: 'supplier', title: t('inbound.supplier'), dataIndex: 'supplierName', width: 160, ellipsis: true },
    {
      key: 'expected',
      title: t('inbound.expectedDate'),
      dataIndex: 'expectedDate',
      width: 110,
      render: (v) => <Mono>{v}</Mono>,
    },
    {
      key: 'lines',
      title: t('inbound.lines'),
      width: 130,
      render: (_, a) => `${t('inbound.lineCount', { count: a.lineCount })} · ${a.totalQty}`,
    },
    {
      key: 'created',
      title: t('inbound.created'),
      width: 170,
      render: (_, a) => <DateTime value={a.createdAt} />,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 200,
      fixed: 'right',
      render: (_, a) =>
        a.status === 'open' ? (
          <Space size={0}>
            {can(PERM.receiptWrite) ? (
              <Button
                type="link"
                size="small"
                loading={receive.isPending && receive.variables?.asnId === a.id}
                onClick={() =>
                  receive.mutate(
                    { asnId: a.id, arrived: true },
                    {
                      onSuccess: (r) => navigate(`/warehouse/receipts/${r.id}`),
                      onError: (e) => notifyError(e),
                    },
                  )
                }
              >
                {t('inbound.openReceipt')}
              </Button>
            ) : null}
            {can(PERM.asnWrite) ? (
              <Button
                type="link"
                size="small"
                danger
                onClick={() =>
                  modal.confirm({
                    title: t('inbound.asnCancelConfirm', { number: a.number }),
                    onOk: () => cancel.mutateAsync(a.id).catch((e) => notifyError(e)),
                  })
                }
              >
                {t('inbound.asnCancel')}
              </Button>
            ) : null}
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('inbound.asnsTitle')}
        subtitle={t('inbound.asnsSubtitle')}
        extra={
          can(PERM.asnWrite) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="asn-new"
            >
              {t('inbound.newAsn')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('inbound.status')}
            value={filters.status || undefined}
            onChange={(v) => update({ status: v ?? '' })}
            options={ASN_STATUSES.map((s) => ({ value: s, label: t(`asnStatus.${s}`) }))}
          />
          <SearchInput
            value={filters.q}
            onSearch={(q) => update({ q })}
            placeholder={t('inbound.number')}
            style={{ width: 260 }}
          />
        </Flex>
        {asns.isError && !asns.data ? (
          <QueryError error={asns.error} onRetry={() => void asns.refetch()} />
        ) : (
          <>
            <Table<AsnSummary>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={asns.data?.items ?? []}
              loading={asns.isFetching}
              pagination={false}
              scroll={{ x: 1400 }}
              expandable={{ expandedRowRender: (a) => <AsnLines id={a.id} /> }}
              locale={{ emptyText: asns.isPending ? ' ' : <Empty description={t('inbound.emptyAsns')} /> }}
            />
            <CursorPager pager={pager} nextCursor={asns.data?.nextCursor} loading={asns.isFetching} />
          </>
        )}
      </Card>
      <NewAsnDrawer open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
