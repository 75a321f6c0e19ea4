import { AuditOutlined, CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Select, Table, type TableColumnsType, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client';
import { useSkusById } from '../../api/inventory';
import { useWarehouses } from '../../api/org';
import type { paths } from '../../api/schema';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { localName, useLang } from '../../lib/use-localized';
import { SkuCell } from './stock';

type Audit = paths['/api/inventory/audit']['get']['responses'][200]['content']['application/json'];
type Discrepancy = Audit['discrepancies'][number];

const KIND_COLOR: Record<Discrepancy['kind'], string> = {
  balance: 'red',
  reservation: 'orange',
  count: 'purple',
};

/** /inventory/audit — 账卡物核对: ledger = balances = reservations = last count, every difference named. */
export function StockAuditPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const warehouses = useWarehouses();
  const [warehouseId, setWarehouseId] = useState<string | undefined>();
  const [run, setRun] = useState(0);
  const audit = useQuery({
    queryKey: ['inventory', 'audit', warehouseId, run],
    queryFn: () =>
      unwrap(api.GET('/api/inventory/audit', { params: { query: warehouseId ? { warehouseId } : {} } })),
    enabled: run > 0,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const rows = audit.data?.discrepancies ?? [];
  const skus = useSkusById(
    rows.map((r) => r.skuId),
    can(PERM.skuRead),
  );
  const warehouseName = useMemo(() => {
    const byId = new Map((warehouses.data ?? []).map((w) => [w.id, w]));
    return (id: string) => {
      const w = byId.get(id);
      return w ? localName(w, lang) : id.slice(-8);
    };
  }, [warehouses.data, lang]);

  const columns: TableColumnsType<Discrepancy> = [
    {
      key: 'kind',
      title: t('stockAudit.col.kind'),
      width: 150,
      render: (_, d) => <Tag color={KIND_COLOR[d.kind]}>{t(`stockAudit.kind.${d.kind}`)}</Tag>,
    },
    {
      key: 'sku',
      title: t('stockAudit.col.sku'),
      width: 220,
      render: (_, d) => <SkuCell skuId={d.skuId} sku={skus.get(d.skuId)} lang={lang} link={false} />,
    },
    ...(warehouseId
      ? []
      : [
          {
            key: 'warehouse',
            title: t('stockAudit.col.warehouse'),
            width: 140,
            render: (_: unknown, d: Discrepancy) => warehouseName(d.warehouseId),
          },
        ]),
    {
      key: 'bin',
      title: t('stockAudit.col.bin'),
      width: 120,
      render: (_, d) => d.binCode ?? d.binId.slice(-8),
    },
    { key: 'lot', title: t('stockAudit.col.lot'), width: 120, render: (_, d) => d.lotCode ?? '—' },
    { key: 'status', title: t('stockAudit.col.status'), width: 110, render: (_, d) => d.status },
    {
      key: 'ledger',
      title: t('stockAudit.col.ledger'),
      width: 90,
      align: 'right',
      render: (_, d) => d.ledgerOnHand,
    },
    {
      key: 'book',
      title: t('stockAudit.col.book'),
      width: 120,
      align: 'right',
      render: (_, d) => d.balanceOnHand,
    },
    {
      key: 'detail',
      title: t('stockAudit.col.detail'),
      render: (_, d) =>
        d.count
          ? t('stockAudit.countDetail', {
              number: d.count.countNumber,
              counted: d.count.countedQty,
              book: d.count.bookQty,
              atCount: d.count.ledgerAtCount,
              variance: d.count.postedVariance,
            })
          : d.ledgerReserved !== d.balanceReserved
            ? t('stockAudit.reservedDetail', { ledger: d.ledgerReserved, balance: d.balanceReserved })
            : null,
    },
  ];

  return (
    <>
      <PageHeader title={t('stockAudit.title')} subtitle={t('stockAudit.subtitle')} />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('stockAudit.allWarehouses')}
            value={warehouseId}
            onChange={setWarehouseId}
            style={{ width: 260 }}
            options={(warehouses.data ?? []).map((w) => ({
              value: w.id,
              label: `${w.code} ${localName(w, lang)}`,
            }))}
            data-testid="audit-warehouse"
          />
          <Button
            type="primary"
            icon={<AuditOutlined />}
            loading={audit.isFetching}
            onClick={() => setRun((n) => n + 1)}
            data-testid="audit-run"
          >
            {t('stockAudit.run')}
          </Button>
        </Flex>
        {audit.isError ? (
          <QueryError error={audit.error} onRetry={() => void audit.refetch()} />
        ) : audit.data ? (
          <>
            <Alert
              type={audit.data.ok ? 'success' : 'error'}
              showIcon
              icon={audit.data.ok ? <CheckCircleOutlined /> : <WarningOutlined />}
              message={
                audit.data.ok
                  ? t('stockAudit.ok')
                  : t('stockAudit.notOk', { count: audit.data.discrepancyCount })
              }
              style={{ marginBottom: 16 }}
              data-testid="audit-verdict"
            />
            <Descriptions size="small" column={4} style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('stockAudit.movements')}>{audit.data.movements}</Descriptions.Item>
              <Descriptions.Item label={t('stockAudit.balances')}>{audit.data.balances}</Descriptions.Item>
              <Descriptions.Item label={t('stockAudit.counted')}>{audit.data.counted}</Descriptions.Item>
              <Descriptions.Item label={t('stockAudit.duration')}>
                {(audit.data.durationMs / 1000).toFixed(2)} s
              </Descriptions.Item>
            </Descriptions>
            {rows.length ? (
              <Table<Discrepancy>
                rowKey={(d) => `${d.kind}|${d.skuId}|${d.binId}|${d.lotId}|${d.status}`}
                size="middle"
                columns={columns}
                dataSource={rows}
                pagination={{ pageSize: 50 }}
                scroll={{ x: 1100 }}
                data-testid="audit-table"
              />
            ) : null}
          </>
        ) : (
          <Alert type="info" message={t('stockAudit.empty')} />
        )}
      </Card>
    </>
  );
}
