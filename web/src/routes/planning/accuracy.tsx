import { ExperimentOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Row,
  Segmented,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSkusById } from '../../api/inventory';
import {
  type AccuracyGroup,
  type SeriesAccuracy,
  startRun,
  useAccuracy,
  useSeriesAccuracy,
} from '../../api/planning';
import { CursorPager } from '../../components/cursor-pager';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { useLang } from '../../lib/use-localized';
import { SkuCell } from '../inventory/stock';
import {
  formatNum,
  formatPct,
  formatUnits,
  TrustTag,
  usePlanningJob,
  useWarehouseLabels,
} from './planning-shared';

const DIMENSIONS = ['storage_class', 'abc', 'warehouse', 'merchant'] as const;

/** /planning/accuracy — how accurate the latest backtest found the forecasts, overall, by group and by series. */
export function AccuracyPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const accuracy = useAccuracy();
  const job = usePlanningJob();
  const warehouses = useWarehouseLabels();
  const [dimension, setDimension] = useState<(typeof DIMENSIONS)[number]>('storage_class');
  const pager = useCursorPager(accuracy.data?.run?.id ?? '');
  const run = accuracy.data?.run ?? null;
  const series = useSeriesAccuracy({
    limit: pager.pageSize,
    ...(pager.cursor ? { cursor: pager.cursor } : {}),
    ...(run ? { runId: run.id } : {}),
  });
  const rows = series.data?.items ?? [];
  const skus = useSkusById(
    rows.map((r) => r.skuId),
    can(PERM.skuRead),
  );
  const groups = accuracy.data?.groups ?? [];
  const overall = groups.find((g) => g.dimension === 'all');
  const groupRows = useMemo(() => groups.filter((g) => g.dimension === dimension), [groups, dimension]);

  const groupLabel = (g: AccuracyGroup) => {
    if (g.dimension === 'storage_class') return t(`storageClass.${g.key}` as 'storageClass.ambient');
    if (g.dimension === 'warehouse') return warehouses.label(g.key);
    if (g.dimension === 'merchant') return g.key.slice(0, 8);
    return g.key;
  };
  const metricColumns = {
    mase: { key: 'mase', title: t('planning.accuracy.col.mase'), align: 'right' as const, width: 100 },
    wape: { key: 'wape', title: t('planning.accuracy.col.wape'), align: 'right' as const, width: 100 },
    bias: { key: 'bias', title: t('planning.accuracy.col.bias'), align: 'right' as const, width: 100 },
  };
  const groupColumns: TableColumnsType<AccuracyGroup> = [
    { key: 'group', title: t('planning.accuracy.col.group'), render: (_, g) => groupLabel(g) },
    {
      key: 'series',
      title: t('planning.accuracy.col.series'),
      dataIndex: 'series',
      align: 'right',
      width: 100,
    },
    { ...metricColumns.mase, render: (_, g) => formatNum(g.mase) },
    { ...metricColumns.wape, render: (_, g) => formatPct(g.wape) },
    { ...metricColumns.bias, render: (_, g) => formatPct(g.bias) },
    {
      key: 'trust',
      title: t('planning.accuracy.col.trust'),
      width: 150,
      render: (_, g) => <TrustTag wape={g.wape} />,
    },
  ];
  const seriesColumns: TableColumnsType<SeriesAccuracy> = [
    {
      key: 'sku',
      title: t('planning.forecasts.col.sku'),
      width: 240,
      render: (_, r) => <SkuCell skuId={r.skuId} sku={skus.get(r.skuId)} lang={lang} link={false} />,
    },
    {
      key: 'warehouse',
      title: t('planning.forecasts.col.warehouse'),
      width: 200,
      render: (_, r) => (
        <Link to={`/planning/forecasts/${r.skuId}/${r.warehouseId}`}>{warehouses.label(r.warehouseId)}</Link>
      ),
    },
    { key: 'abc', title: t('planning.accuracy.col.abc'), dataIndex: 'abc', width: 70 },
    {
      key: 'actual',
      title: t('planning.forecasts.col.units365'),
      align: 'right',
      width: 120,
      render: (_, r) => formatUnits(r.actualSum),
    },
    { ...metricColumns.mase, render: (_, r) => formatNum(r.mase) },
    { ...metricColumns.wape, render: (_, r) => formatPct(r.wape) },
    { ...metricColumns.bias, render: (_, r) => formatPct(r.bias) },
    {
      key: 'rmse',
      title: t('planning.accuracy.col.rmse'),
      align: 'right',
      width: 110,
      render: (_, r) => formatNum(r.rmse),
    },
    {
      key: 'trust',
      title: t('planning.accuracy.col.trust'),
      width: 150,
      render: (_, r) => <TrustTag wape={r.wape} />,
    },
    {
      key: 'method',
      title: t('planning.accuracy.col.method'),
      ellipsis: true,
      render: (_, r) => (
        <span className="mono" style={{ fontSize: 12 }}>
          {r.method}
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('planning.accuracy.title')}
        subtitle={t('planning.accuracy.subtitle')}
        extra={
          can(PERM.planningRun) ? (
            <Button
              icon={<ExperimentOutlined />}
              disabled={job.running}
              onClick={() =>
                void job.start(() => startRun({ kind: 'backtest' }), t('planning.job.backtestStarted'))
              }
              data-testid="run-backtest"
            >
              {t('planning.forecasts.backtest')}
            </Button>
          ) : null
        }
      />
      {job.view}
      {accuracy.isError ? (
        <QueryError error={accuracy.error} onRetry={() => void accuracy.refetch()} />
      ) : null}
      {!accuracy.isPending && !run ? (
        <Card>
          <Empty description={t('planning.accuracy.noRun')} />
        </Card>
      ) : null}
      {run ? (
        <>
          <Card className="page-section">
            <Typography.Paragraph type="secondary">
              {t('planning.accuracy.run', {
                asOf: run.asOf,
                origins: run.origins ?? 0,
                horizon: run.horizon,
                series: run.series,
                ms: run.msPer1000 ?? '—',
              })}
            </Typography.Paragraph>
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Statistic title={t('planning.accuracy.col.wape')} value={formatPct(overall?.wape)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('planning.accuracy.col.mase')} value={formatNum(overall?.mase)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('planning.accuracy.col.bias')} value={formatPct(overall?.bias)} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('planning.accuracy.col.series')} value={overall?.series ?? 0} />
              </Col>
            </Row>
            <Alert type="info" showIcon style={{ marginTop: 16 }} title={t('planning.accuracy.explain')} />
          </Card>
          <Card
            className="page-section"
            extra={
              <Segmented
                value={dimension}
                onChange={(v) => setDimension(v as typeof dimension)}
                options={DIMENSIONS.map((d) => ({ value: d, label: t(`planning.accuracy.dimension.${d}`) }))}
              />
            }
          >
            <Table<AccuracyGroup>
              rowKey={(g) => `${g.dimension}|${g.key}`}
              size="small"
              pagination={false}
              columns={groupColumns}
              dataSource={groupRows}
              data-testid="accuracy-groups"
            />
          </Card>
          <Card className="page-section" title={t('planning.accuracy.worst')}>
            <Table<SeriesAccuracy>
              rowKey={(r) => `${r.skuId}|${r.warehouseId}`}
              size="small"
              loading={series.isFetching}
              columns={seriesColumns}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 1300 }}
            />
            <CursorPager pager={pager} nextCursor={series.data?.nextCursor ?? null} />
          </Card>
        </>
      ) : null}
    </>
  );
}
