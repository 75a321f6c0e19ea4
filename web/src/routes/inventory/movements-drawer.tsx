import { ArrowRightOutlined } from '@ant-design/icons';
import {
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMovementPage, useWarehouseBins } from '../../api/inventory';
import {
  MOVEMENT_TYPES,
  type Movement,
  type MovementQuery,
  type MovementType,
  type Sku,
  type StockRow,
  type StockStatus,
} from '../../api/types';
import { CursorPager } from '../../components/cursor-pager';
import { DateTime } from '../../components/date-time';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { localName, useLang } from '../../lib/use-localized';
import { ExpiryDate, MovementTypeTag, StockStatusTag } from './stock-tags';

interface Props {
  /** The stock row whose ledger is shown; the drawer is closed while null. */
  row: StockRow | null;
  onClose: () => void;
  sku?: Sku;
  warehouseName: string;
}

/** The ledger (GET /api/inventory/movements) for one stock row's SKU and bin, newest first. */
export function MovementsDrawer({ row, onClose, sku, warehouseName }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const [type, setType] = useState<MovementType | ''>('');
  const rowKey = row ? `${row.skuId}|${row.binId}` : '';
  const pager = useCursorPager(`${rowKey}|${type}`, 20);

  const query = useMemo<MovementQuery>(
    () => ({
      limit: pager.pageSize,
      ...(row ? { skuId: row.skuId, binId: row.binId } : {}),
      ...(pager.cursor ? { cursor: pager.cursor } : {}),
      ...(type ? { type } : {}),
    }),
    [row, pager.cursor, pager.pageSize, type],
  );
  const movements = useMovementPage(query, Boolean(row));
  const bins = useWarehouseBins(row?.warehouseId, Boolean(row) && can(PERM.warehouseRead));
  const binCode = useMemo(() => {
    const map = new Map<string, string>((bins.data ?? []).map((b) => [b.id, b.code]));
    if (row) map.set(row.binId, row.binCode);
    return map;
  }, [bins.data, row]);

  const place = (binId: string | null, status: StockStatus | null) => {
    if (!binId && !status) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
    return (
      <Space size={4} wrap>
        {binId ? <span className="mono">{binCode.get(binId) ?? binId.slice(0, 8)}</span> : null}
        {status ? <StockStatusTag value={status} /> : null}
      </Space>
    );
  };

  const columns: TableColumnsType<Movement> = [
    { key: 'at', title: t('movements.col.at'), width: 150, render: (_, m) => <DateTime value={m.at} /> },
    {
      key: 'type',
      title: t('movements.col.type'),
      width: 110,
      render: (_, m) => <MovementTypeTag value={m.type} />,
    },
    {
      key: 'qty',
      title: t('movements.col.qty'),
      dataIndex: 'qty',
      width: 90,
      align: 'right',
      render: (v: number) => <Typography.Text strong>{v}</Typography.Text>,
    },
    {
      key: 'fromTo',
      title: t('movements.col.fromTo'),
      width: 260,
      render: (_, m) => (
        <Flex align="center" gap={6} wrap>
          {place(m.fromBinId, m.fromStatus)}
          <ArrowRightOutlined style={{ color: '#8c8c8c' }} />
          {place(m.toBinId, m.toStatus)}
        </Flex>
      ),
    },
    { key: 'actor', title: t('movements.col.actor'), dataIndex: 'actorName', width: 120, ellipsis: true },
    {
      key: 'reason',
      title: t('movements.col.reason'),
      dataIndex: 'reason',
      width: 160,
      ellipsis: true,
      render: (v: string | null) =>
        v || <Typography.Text type="secondary">{t('common.none')}</Typography.Text>,
    },
    {
      key: 'source',
      title: t('movements.col.source'),
      width: 180,
      render: (_, m) =>
        m.sourceType || m.sourceId ? (
          <Typography.Text className="mono" ellipsis={{ tooltip: true }} style={{ maxWidth: 170 }}>
            {[m.sourceType, m.sourceId].filter(Boolean).join(' · ')}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
  ];

  return (
    <Drawer
      open={Boolean(row)}
      onClose={() => {
        setType('');
        onClose();
      }}
      size={1100}
      title={t('movements.title')}
      destroyOnHidden
      data-testid="movements-drawer"
    >
      {row ? (
        <>
          <Descriptions size="small" column={3} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('stock.col.sku')}>
              {sku ? `${sku.code} · ${localName(sku, lang)}` : row.skuId}
            </Descriptions.Item>
            <Descriptions.Item label={t('stock.col.warehouse')}>{warehouseName}</Descriptions.Item>
            <Descriptions.Item label={t('stock.col.bin')}>
              <span className="mono">{row.binCode}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('stock.col.lot')}>
              {row.lotCode ?? t('common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('stock.col.expiry')}>
              <ExpiryDate value={row.expiryDate} />
            </Descriptions.Item>
            <Descriptions.Item label={t('stock.col.status')}>
              <StockStatusTag value={row.status} />
            </Descriptions.Item>
          </Descriptions>
          <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
            <Select
              allowClear
              placeholder={t('movements.typeFilter')}
              value={type || undefined}
              onChange={(v) => setType(v ?? '')}
              style={{ width: 180 }}
              data-testid="movements-type-filter"
              options={MOVEMENT_TYPES.map((m) => ({ value: m, label: t(`movementType.${m}`) }))}
            />
            <Typography.Text type="secondary">{t('movements.scopeHint')}</Typography.Text>
          </Flex>
          {movements.isError && !movements.data ? (
            <QueryError error={movements.error} onRetry={() => void movements.refetch()} />
          ) : (
            <>
              <Table<Movement>
                data-testid="movements-table"
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={movements.data?.items ?? []}
                loading={movements.isFetching}
                pagination={false}
                scroll={{ x: 1070 }}
                locale={{
                  emptyText: movements.isPending ? ' ' : <Empty description={t('movements.empty')} />,
                }}
              />
              <CursorPager
                pager={pager}
                nextCursor={movements.data?.nextCursor}
                loading={movements.isFetching}
              />
            </>
          )}
        </>
      ) : null}
    </Drawer>
  );
}
