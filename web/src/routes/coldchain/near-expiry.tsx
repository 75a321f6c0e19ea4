import {
  Card,
  Col,
  Empty,
  Flex,
  InputNumber,
  Row,
  Select,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  EXPIRY_URGENCIES,
  type NearExpiryQuery,
  type NearExpiryRow,
  useNearExpiry,
} from '../../api/coldchain';
import { useSkusById } from '../../api/inventory';
import { useWarehouses } from '../../api/org';
import { STOCK_STATUSES, type StockStatus } from '../../api/types';
import { CursorPager } from '../../components/cursor-pager';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { localName, useLang } from '../../lib/use-localized';
import { oneOf, useUrlFilters } from '../../lib/use-url-filters';
import { formatQty, SkuCell, warehouseLabel } from '../inventory/stock';
import { StockStatusTag } from '../inventory/stock-tags';
import { URGENCY_ROW_BG, UrgencyTag } from './coldchain-tags';
import { ExpiryRunButton } from './expiry-run-button';

const parse = (p: URLSearchParams) => ({
  warehouseId: p.get('warehouseId') ?? '',
  zoneId: p.get('zoneId') ?? '',
  withinDays: /^\d{1,3}$/.test(p.get('withinDays') ?? '') ? p.get('withinDays')! : '',
  urgency: oneOf(EXPIRY_URGENCIES, p.get('urgency')),
  stockStatus: oneOf(STOCK_STATUSES, p.get('stockStatus')),
});

const DAYS_COLOR = { expired: '#cf1322', below_min_shelf_life: '#d46b08', near_expiry: undefined };

/** /inventory/near-expiry — lots expired, below their minimum remaining shelf life, or expiring soon. */
export function NearExpiryPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { filters, update } = useUrlFilters(parse);
  const pager = useCursorPager(JSON.stringify(filters), 50);
  const withinDays = Number(filters.withinDays || 30);
  const query = useMemo<NearExpiryQuery>(
    () => ({
      limit: pager.pageSize,
      withinDays,
      ...(pager.cursor ? { cursor: pager.cursor } : {}),
      ...(filters.warehouseId ? { warehouseId: filters.warehouseId } : {}),
      ...(filters.zoneId ? { zoneId: filters.zoneId } : {}),
      ...(filters.urgency ? { urgency: filters.urgency } : {}),
      ...(filters.stockStatus ? { stockStatus: filters.stockStatus } : {}),
    }),
    [filters, pager.cursor, pager.pageSize, withinDays],
  );
  const report = useNearExpiry(query);
  const rows = report.data?.items ?? [];
  const warehouses = useWarehouses(can(PERM.warehouseRead));
  const byId = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );
  const zones = filters.warehouseId ? (byId.get(filters.warehouseId)?.zones ?? []) : [];
  const skus = useSkusById(
    rows.map((r) => r.skuId),
    can(PERM.skuRead),
  );

  const columns: TableColumnsType<NearExpiryRow> = [
    {
      key: 'urgency',
      title: t('coldchain.expiry.col.urgency'),
      width: 150,
      render: (_, r) => <UrgencyTag value={r.urgency} />,
    },
    {
      key: 'sku',
      title: t('coldchain.expiry.col.sku'),
      width: 230,
      render: (_, r) => (
        <SkuCell skuId={r.skuId} sku={skus.get(r.skuId)} lang={lang} link={can(PERM.skuRead)} />
      ),
    },
    {
      key: 'warehouse',
      title: t('coldchain.expiry.col.warehouse'),
      width: 180,
      ellipsis: true,
      render: (_, r) => warehouseLabel(byId, r.warehouseId, lang),
    },
    {
      key: 'bin',
      title: t('coldchain.expiry.col.bin'),
      dataIndex: 'binCode',
      width: 120,
      render: (v: string) => <span className="mono">{v}</span>,
    },
    {
      key: 'lot',
      title: t('coldchain.expiry.col.lot'),
      dataIndex: 'lotCode',
      width: 130,
      render: (v: string) => <span className="mono">{v}</span>,
    },
    {
      key: 'production',
      title: t('coldchain.expiry.col.production'),
      dataIndex: 'productionDate',
      width: 110,
      render: (v: string | null) => v ?? t('common.none'),
    },
    {
      key: 'expiry',
      title: t('coldchain.expiry.col.expiry'),
      dataIndex: 'expiryDate',
      width: 110,
      render: (v: string) => <span className="mono">{v}</span>,
    },
    {
      key: 'daysLeft',
      title: t('coldchain.expiry.col.daysLeft'),
      width: 120,
      align: 'right',
      render: (_, r) => (
        <Typography.Text strong style={{ color: DAYS_COLOR[r.urgency] }}>
          {r.daysLeft < 0
            ? t('coldchain.expiry.expiredDays', { days: -r.daysLeft })
            : t('coldchain.expiry.daysLeft', { days: r.daysLeft })}
        </Typography.Text>
      ),
    },
    {
      key: 'min',
      title: t('coldchain.expiry.col.minRemaining'),
      width: 130,
      align: 'right',
      render: (_, r) =>
        r.minRemainingShelfLifeDays === null
          ? t('common.none')
          : t('coldchain.expiry.daysLeft', { days: r.minRemainingShelfLifeDays }),
    },
    {
      key: 'status',
      title: t('coldchain.expiry.col.status'),
      width: 110,
      render: (_, r) => <StockStatusTag value={r.stockStatus} />,
    },
    {
      key: 'onHand',
      title: t('coldchain.expiry.col.onHand'),
      dataIndex: 'onHand',
      width: 100,
      align: 'right',
      render: formatQty,
    },
    {
      key: 'reserved',
      title: t('coldchain.expiry.col.reserved'),
      dataIndex: 'reserved',
      width: 100,
      align: 'right',
      render: formatQty,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('coldchain.expiry.title')}
        subtitle={t('coldchain.expiry.subtitle')}
        extra={
          can(PERM.expiryRun) ? <ExpiryRunButton warehouseId={filters.warehouseId || undefined} /> : null
        }
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(report.data?.summary ?? EXPIRY_URGENCIES.map((urgency) => ({ urgency, lines: 0, qty: 0 }))).map(
          (s) => (
            <Col xs={24} md={8} key={s.urgency}>
              <Card
                hoverable
                size="small"
                onClick={() => update({ urgency: filters.urgency === s.urgency ? '' : s.urgency })}
                style={{
                  background: URGENCY_ROW_BG[s.urgency],
                  borderColor: filters.urgency === s.urgency ? '#1677ff' : undefined,
                }}
                data-testid={`summary-${s.urgency}`}
              >
                <Statistic
                  title={<UrgencyTag value={s.urgency} />}
                  value={s.qty}
                  suffix={
                    <Typography.Text type="secondary">
                      {t('coldchain.expiry.lines', { count: s.lines })}
                    </Typography.Text>
                  }
                />
              </Card>
            </Col>
          ),
        )}
      </Row>
      <Card>
        <Flex gap={12} wrap align="center" className="filter-bar">
          <Select
            allowClear
            placeholder={t('layout.allWarehouses')}
            value={filters.warehouseId || undefined}
            onChange={(v) => update({ warehouseId: v ?? '', zoneId: '' })}
            style={{ width: 220 }}
            options={(warehouses.data ?? []).map((w) => ({
              value: w.id,
              label: `${w.code} · ${localName(w, lang)}`,
            }))}
          />
          <Select
            allowClear
            disabled={!zones.length}
            placeholder={t('coldchain.expiry.zoneFilter')}
            value={filters.zoneId || undefined}
            onChange={(v) => update({ zoneId: v ?? '' })}
            style={{ width: 180 }}
            options={zones.map((z) => ({ value: z.id, label: `${z.code} · ${localName(z, lang)}` }))}
          />
          <InputNumber
            min={0}
            max={365}
            value={withinDays}
            onChange={(v) => update({ withinDays: v === null ? '' : String(v) })}
            addonBefore={t('coldchain.expiry.withinDaysLabel')}
            style={{ width: 200 }}
            data-testid="within-days"
          />
          <Select
            allowClear
            placeholder={t('coldchain.expiry.urgencyFilter')}
            value={filters.urgency || undefined}
            onChange={(v) => update({ urgency: v ?? '' })}
            style={{ width: 200 }}
            options={EXPIRY_URGENCIES.map((u) => ({ value: u, label: t(`coldchain.urgency.${u}`) }))}
          />
          <Select
            allowClear
            placeholder={t('coldchain.expiry.statusFilter')}
            value={filters.stockStatus || undefined}
            onChange={(v) => update({ stockStatus: v ?? '' })}
            style={{ width: 260 }}
            options={STOCK_STATUSES.map((s) => ({
              value: s,
              label: <StockStatusTag value={s as StockStatus} />,
            }))}
          />
          {report.data ? (
            <Typography.Text type="secondary">
              {t('coldchain.expiry.today', { day: report.data.today })}
            </Typography.Text>
          ) : null}
        </Flex>
        {report.isError && !report.data ? (
          <QueryError error={report.error} onRetry={() => void report.refetch()} />
        ) : (
          <>
            <Table<NearExpiryRow>
              data-testid="near-expiry-table"
              rowKey={(r) => `${r.binId}|${r.lotId}|${r.stockStatus}`}
              size="middle"
              columns={columns}
              dataSource={rows}
              loading={report.isFetching}
              pagination={false}
              scroll={{ x: 1600 }}
              onRow={(r) => ({ style: { background: URGENCY_ROW_BG[r.urgency] } })}
              locale={{
                emptyText: report.isPending ? ' ' : <Empty description={t('coldchain.expiry.empty')} />,
              }}
            />
            <CursorPager pager={pager} nextCursor={report.data?.nextCursor} loading={report.isFetching} />
          </>
        )}
      </Card>
    </>
  );
}
