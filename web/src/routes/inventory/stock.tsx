import { HistoryOutlined, StopOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Space, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSkusById, useStockPage } from '../../api/inventory';
import { useWarehouses } from '../../api/org';
import type { Sku, StockQuery, StockRow, Warehouse } from '../../api/types';
import { CursorPager } from '../../components/cursor-pager';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { localName, useLang } from '../../lib/use-localized';
import { MovementsDrawer } from './movements-drawer';
import { PlaceHoldModal } from './place-hold-modal';
import { StockFilterBar } from './stock-filters';
import { useStockFilters } from './stock-search-params';
import { ExpiryDate, StockStatusTag } from './stock-tags';

export const stockRowKey = (r: StockRow) => `${r.skuId}|${r.binId}|${r.lotId ?? ''}|${r.status}`;

const qtyFormat = new Intl.NumberFormat('en-US');
export const formatQty = (n: number) => qtyFormat.format(n);

/** A SKU cell: code (linked when the user may open SKUs) and local name, or the id while unknown. */
export function SkuCell({
  skuId,
  sku,
  lang,
  link,
}: {
  skuId: string;
  sku?: Sku;
  lang: string;
  link: boolean;
}) {
  if (!sku) return <span className="mono">{skuId.slice(0, 8)}</span>;
  return (
    <div style={{ minWidth: 0 }}>
      {link ? (
        <Link to={`/catalog/skus/${sku.id}`} className="mono">
          {sku.code}
        </Link>
      ) : (
        <span className="mono">{sku.code}</span>
      )}
      <div>
        <Typography.Text
          type="secondary"
          ellipsis={{ tooltip: true }}
          style={{ fontSize: 12, maxWidth: 240 }}
        >
          {localName(sku, lang)}
        </Typography.Text>
      </div>
    </div>
  );
}

export function warehouseLabel(warehouses: Map<string, Warehouse>, id: string, lang: string): string {
  const w = warehouses.get(id);
  return w ? `${w.code} · ${localName(w, lang)}` : id.slice(0, 8);
}

/** /inventory/stock — stock by SKU × bin × lot × status, with each row's movements in a drawer. */
export function StockPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const canSku = can(PERM.skuRead);
  const canWarehouse = can(PERM.warehouseRead);
  const { filters, update, reset } = useStockFilters();
  const pager = useCursorPager(JSON.stringify(filters));
  const [open, setOpen] = useState<StockRow | null>(null);
  const [holding, setHolding] = useState<StockRow | null>(null);
  const canHold = can(PERM.holdRelease);

  const query = useMemo<StockQuery>(
    () => ({
      limit: pager.pageSize,
      ...(pager.cursor ? { cursor: pager.cursor } : {}),
      ...(filters.warehouseId ? { warehouseId: filters.warehouseId } : {}),
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.skuId ? { skuId: filters.skuId } : {}),
      ...(filters.includeEmpty ? { includeEmpty: 'true' as const } : {}),
    }),
    [filters, pager.cursor, pager.pageSize],
  );
  const stock = useStockPage(query);
  const rows = stock.data?.items ?? [];
  const warehouses = useWarehouses(canWarehouse);
  const warehouseById = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );
  const skus = useSkusById(
    rows.map((r) => r.skuId),
    canSku,
  );

  const columns: TableColumnsType<StockRow> = [
    {
      key: 'sku',
      title: t('stock.col.sku'),
      width: 240,
      fixed: 'left',
      render: (_, r) => <SkuCell skuId={r.skuId} sku={skus.get(r.skuId)} lang={lang} link={canSku} />,
    },
    {
      key: 'warehouse',
      title: t('stock.col.warehouse'),
      width: 200,
      ellipsis: true,
      render: (_, r) => warehouseLabel(warehouseById, r.warehouseId, lang),
    },
    {
      key: 'bin',
      title: t('stock.col.bin'),
      dataIndex: 'binCode',
      width: 130,
      render: (v: string) => <span className="mono">{v}</span>,
    },
    {
      key: 'lot',
      title: t('stock.col.lot'),
      dataIndex: 'lotCode',
      width: 140,
      render: (v: string | null) =>
        v ? (
          <span className="mono">{v}</span>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    {
      key: 'expiry',
      title: t('stock.col.expiry'),
      width: 130,
      render: (_, r) => <ExpiryDate value={r.expiryDate} />,
    },
    {
      key: 'status',
      title: t('stock.col.status'),
      width: 120,
      render: (_, r) => <StockStatusTag value={r.status} />,
    },
    {
      key: 'onHand',
      title: t('stock.col.onHand'),
      dataIndex: 'onHand',
      width: 110,
      align: 'right',
      render: (v: number) => formatQty(v),
    },
    {
      key: 'reserved',
      title: t('stock.col.reserved'),
      dataIndex: 'reserved',
      width: 110,
      align: 'right',
      render: (v: number) =>
        v ? formatQty(v) : <Typography.Text type="secondary">{formatQty(v)}</Typography.Text>,
    },
    {
      key: 'available',
      title: t('stock.col.available'),
      dataIndex: 'available',
      width: 110,
      align: 'right',
      render: (v: number) => <Typography.Text strong>{formatQty(v)}</Typography.Text>,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: canHold ? 190 : 120,
      fixed: 'right',
      render: (_, r) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<HistoryOutlined />}
            onClick={() => setOpen(r)}
            data-testid="stock-movements"
          >
            {t('stock.movements')}
          </Button>
          {canHold && r.status === 'available' && r.onHand > 0 ? (
            <Button
              type="link"
              size="small"
              danger
              icon={<StopOutlined />}
              onClick={() => setHolding(r)}
              data-testid="stock-place-hold"
            >
              {t('coldchain.placeHold.action')}
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('stock.title')} subtitle={t('stock.subtitle')} />
      <Card>
        <StockFilterBar
          value={filters}
          onChange={update}
          onReset={reset}
          warehouses={warehouses.data ?? []}
          warehousesLoading={canWarehouse && warehouses.isPending}
          canSearchSku={canSku}
        />
        {stock.isError && !stock.data ? (
          <QueryError error={stock.error} onRetry={() => void stock.refetch()} />
        ) : (
          <>
            <Table<StockRow>
              data-testid="stock-table"
              rowKey={stockRowKey}
              size="middle"
              columns={columns}
              dataSource={rows}
              loading={stock.isFetching}
              pagination={false}
              scroll={{ x: 1400 }}
              onRow={(r) => ({ onDoubleClick: () => setOpen(r) })}
              locale={{
                emptyText: stock.isPending ? (
                  ' '
                ) : (
                  <Empty description={t('stock.emptyTitle')}>
                    <span style={{ color: '#8c8c8c' }}>{t('stock.emptyHint')}</span>
                  </Empty>
                ),
              }}
            />
            <CursorPager pager={pager} nextCursor={stock.data?.nextCursor} loading={stock.isFetching} />
          </>
        )}
      </Card>
      <PlaceHoldModal
        key={holding ? stockRowKey(holding) : 'none'}
        row={holding}
        skuCode={holding ? (skus.get(holding.skuId)?.code ?? holding.skuId.slice(0, 8)) : ''}
        onClose={() => setHolding(null)}
      />
      <MovementsDrawer
        row={open}
        onClose={() => setOpen(null)}
        sku={open ? skus.get(open.skuId) : undefined}
        warehouseName={open ? warehouseLabel(warehouseById, open.warehouseId, lang) : ''}
      />
    </>
  );
}
