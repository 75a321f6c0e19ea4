import { ExperimentOutlined, LineChartOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Input, Select, Table, type TableColumnsType, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type SeriesItem, startReview, startRun, useSeriesList } from '../../api/planning';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { StorageClassTag } from '../../components/storage-class-tag';
import { useCan } from '../../lib/auth-context';
import { formatDateTime } from '../../lib/format';
import { PERM } from '../../lib/permissions';
import { useDebounced } from '../../lib/use-debounced';
import { useLang } from '../../lib/use-localized';
import { formatUnits, TrustTag, usePlanningJob, useWarehouseLabels } from './planning-shared';

const PAGE = 50;

/** /planning/forecasts — every SKU × warehouse series with its forecast and how far to trust it. */
export function ForecastsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const canRun = can(PERM.planningRun);
  const [q, setQ] = useState('');
  const [warehouseId, setWarehouseId] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const search = useDebounced(q, 300);
  const warehouses = useWarehouseLabels();
  const query = useMemo(
    () => ({
      limit: PAGE,
      offset: (page - 1) * PAGE,
      ...(search ? { q: search } : {}),
      ...(warehouseId ? { warehouseId } : {}),
    }),
    [search, warehouseId, page],
  );
  const list = useSeriesList(query);
  const job = usePlanningJob();
  const selection = warehouseId ? { warehouseIds: [warehouseId] } : {};

  const columns: TableColumnsType<SeriesItem> = [
    {
      key: 'sku',
      title: t('planning.forecasts.col.sku'),
      width: 260,
      render: (_, r) => (
        <div>
          <Link to={`/planning/forecasts/${r.skuId}/${r.warehouseId}`} className="mono">
            {r.skuCode}
          </Link>
          <div>
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 240 }}>
              {lang === 'en' ? r.skuNameEn || r.skuNameZh : r.skuNameZh}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      key: 'class',
      width: 110,
      render: (_, r) => <StorageClassTag value={r.storageClass as never} />,
    },
    {
      key: 'warehouse',
      title: t('planning.forecasts.col.warehouse'),
      width: 200,
      ellipsis: true,
      render: (_, r) => warehouses.label(r.warehouseId),
    },
    {
      key: 'units',
      title: t('planning.forecasts.col.units365'),
      align: 'right',
      width: 140,
      render: (_, r) => formatUnits(r.units365),
    },
    {
      key: 'next',
      title: t('planning.forecasts.col.next28'),
      align: 'right',
      width: 150,
      render: (_, r) =>
        r.forecast ? (
          <Typography.Text strong>{formatUnits(r.forecast.next28)}</Typography.Text>
        ) : (
          <Typography.Text type="secondary">{t('planning.forecasts.notForecast')}</Typography.Text>
        ),
    },
    {
      key: 'accuracy',
      title: t('planning.forecasts.col.accuracy'),
      width: 190,
      render: (_, r) => <TrustTag wape={r.accuracy?.wape} mase={r.accuracy?.mase} />,
    },
    {
      key: 'method',
      title: t('planning.forecasts.col.method'),
      ellipsis: true,
      render: (_, r) => (
        <span className="mono" style={{ fontSize: 12 }}>
          {r.forecast?.method ?? '—'}
        </span>
      ),
    },
    {
      key: 'at',
      title: t('planning.forecasts.col.generated'),
      width: 150,
      render: (_, r) => (r.forecast ? formatDateTime(r.forecast.generatedAt) : '—'),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('planning.forecasts.title')}
        subtitle={t('planning.forecasts.subtitle')}
        extra={
          canRun ? (
            <>
              <Button
                type="primary"
                icon={<LineChartOutlined />}
                disabled={job.running}
                onClick={() =>
                  void job.start(
                    () => startRun({ kind: 'forecast', ...selection }),
                    t('planning.job.forecastStarted'),
                  )
                }
                data-testid="run-forecast"
              >
                {warehouseId ? t('planning.forecasts.runWarehouse') : t('planning.forecasts.runAll')}
              </Button>
              <Button
                icon={<ExperimentOutlined />}
                disabled={job.running}
                onClick={() =>
                  void job.start(
                    () => startRun({ kind: 'backtest', ...selection }),
                    t('planning.job.backtestStarted'),
                  )
                }
                data-testid="run-backtest"
              >
                {t('planning.forecasts.backtest')}
              </Button>
              <Button
                icon={<ReloadOutlined />}
                disabled={job.running}
                onClick={() => void job.start(() => startReview(selection), t('planning.job.reviewStarted'))}
              >
                {t('planning.forecasts.review')}
              </Button>
            </>
          ) : null
        }
      />
      {job.view}
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('planning.forecasts.search')}
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPage(1);
            }}
            style={{ width: 280 }}
          />
          <Select
            allowClear
            placeholder={t('planning.forecasts.warehouse')}
            value={warehouseId}
            onChange={(v) => {
              setWarehouseId(v);
              setPage(1);
            }}
            style={{ width: 240 }}
            options={warehouses.list.map((w) => ({ value: w.id, label: warehouses.label(w.id) }))}
          />
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<SeriesItem>
            rowKey={(r) => `${r.skuId}|${r.warehouseId}`}
            size="middle"
            loading={list.isFetching}
            columns={columns}
            dataSource={list.data?.items ?? []}
            scroll={{ x: 1300 }}
            onRow={(r) => ({
              onDoubleClick: () => navigate(`/planning/forecasts/${r.skuId}/${r.warehouseId}`),
            })}
            pagination={{
              current: page,
              pageSize: PAGE,
              total: list.data?.total ?? 0,
              showSizeChanger: false,
              onChange: setPage,
            }}
            locale={{
              emptyText: (
                <Empty description={t('planning.forecasts.empty')}>
                  <Typography.Paragraph type="secondary">
                    {t('planning.forecasts.emptyHint')}
                  </Typography.Paragraph>
                  {can(PERM.demandImport) ? (
                    <Link to="/planning/import">
                      <Button icon={<UploadOutlined />}>{t('planning.forecasts.importHistory')}</Button>
                    </Link>
                  ) : null}
                </Empty>
              ),
            }}
          />
        )}
      </Card>
    </>
  );
}
