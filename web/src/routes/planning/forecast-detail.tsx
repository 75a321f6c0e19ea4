import { LineChartOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Empty, Row, Segmented, Space, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { startRun, useSeriesDetail } from '../../api/planning';
import { EChart } from '../../components/echart';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { StorageClassTag } from '../../components/storage-class-tag';
import { useCan } from '../../lib/auth-context';
import { formatDateTime } from '../../lib/format';
import { PERM } from '../../lib/permissions';
import { useLang } from '../../lib/use-localized';
import { forecastChartOption } from './forecast-chart';
import {
  formatNum,
  formatPct,
  formatUnits,
  TrustTag,
  usePlanningJob,
  useWarehouseLabels,
} from './planning-shared';
import { PolicyForm } from './policy-form';

const HISTORY_CHOICES = [90, 365, 730];

/** /planning/forecasts/:skuId/:warehouseId — the chart, the stock projection and the policy of one series. */
export function ForecastDetailPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { skuId = '', warehouseId = '' } = useParams();
  const [historyDays, setHistoryDays] = useState(365);
  const detail = useSeriesDetail(skuId, warehouseId, historyDays);
  const warehouses = useWarehouseLabels();
  const job = usePlanningJob();
  const d = detail.data;

  const option = useMemo(
    () =>
      d
        ? forecastChartOption(d, {
            history: t('planning.detail.history'),
            stockout: t('planning.detail.stockout'),
            forecast: t('planning.detail.forecast'),
            band: t('planning.detail.band'),
            median: t('planning.detail.median'),
            today: t('planning.detail.today'),
          })
        : null,
    [d, t],
  );

  if (detail.isError) return <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  if (!d) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  const name = lang === 'en' ? d.sku.nameEn || d.sku.nameZh : d.sku.nameZh;
  const p = d.projection;

  return (
    <>
      <PageHeader
        title={t('planning.detail.title', { sku: d.sku.code, warehouse: warehouses.label(d.warehouseId) })}
        subtitle={name}
        backTo="/planning/forecasts"
        tags={
          <Space>
            <StorageClassTag value={d.sku.storageClass as never} />
            <TrustTag wape={d.accuracy?.wape} mase={d.accuracy?.mase} />
          </Space>
        }
        extra={
          can(PERM.planningRun) ? (
            <Button
              icon={<LineChartOutlined />}
              disabled={job.running}
              onClick={() =>
                void job.start(
                  () => startRun({ kind: 'forecast', skuIds: [skuId], warehouseIds: [warehouseId] }),
                  t('planning.job.forecastStarted'),
                )
              }
              data-testid="run-series-forecast"
            >
              {t('planning.detail.runThis')}
            </Button>
          ) : null
        }
      />
      {job.view}
      <Card
        className="page-section"
        extra={
          <Space>
            <Typography.Text type="secondary">{t('planning.detail.historyDays')}</Typography.Text>
            <Segmented
              value={historyDays}
              onChange={(v) => setHistoryDays(Number(v))}
              options={HISTORY_CHOICES.map((n) => ({ value: n, label: t('planning.detail.days', { n }) }))}
            />
          </Space>
        }
        title={
          d.forecast ? (
            <Typography.Text type="secondary" style={{ fontWeight: 400, fontSize: 13 }}>
              {t('planning.detail.forecastInfo', {
                method: d.forecast.method,
                days: d.forecast.historyDays,
                asOf: d.forecast.asOf,
                at: formatDateTime(d.forecast.generatedAt),
              })}
            </Typography.Text>
          ) : null
        }
      >
        {d.forecast ? null : (
          <Alert type="info" showIcon title={t('planning.detail.noForecast')} style={{ marginBottom: 12 }} />
        )}
        {option ? <EChart option={option} height={380} data-testid="forecast-chart" /> : null}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Card className="page-section" title={t('planning.detail.stockTitle')} data-testid="stock-card">
            {p ? (
              <Alert
                style={{ marginBottom: 12 }}
                type={p.needed ? 'warning' : 'success'}
                showIcon
                title={
                  p.needed
                    ? t('planning.detail.orderNow', { qty: formatUnits(p.qty), date: p.orderBy })
                    : t('planning.detail.noOrder')
                }
              />
            ) : null}
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t('planning.detail.onHand')}>
                {formatUnits(d.stock.onHand)}
              </Descriptions.Item>
              <Descriptions.Item label={t('planning.detail.available')}>
                {formatUnits(d.stock.available)}
              </Descriptions.Item>
              <Descriptions.Item label={t('planning.detail.onOrder')}>
                {formatUnits(d.stock.onOrder)}
              </Descriptions.Item>
              {p ? (
                <>
                  <Descriptions.Item label={t('planning.detail.daily')}>
                    {formatNum(p.daily)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('planning.detail.dailySd')}>
                    {formatNum(p.dailySd)} ({t(`planning.detail.sdSource.${p.sdSource}`)})
                  </Descriptions.Item>
                  <Descriptions.Item label={t('planning.detail.safetyStock')}>
                    {formatUnits(p.safetyStock)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('planning.detail.reorderPoint')}>
                    {formatUnits(p.reorderPoint)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('planning.detail.orderUpTo')}>
                    {formatUnits(p.orderUpTo)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('planning.detail.eoq')}>{formatUnits(p.eoq)}</Descriptions.Item>
                  <Descriptions.Item label={t('planning.detail.lotSize')}>
                    {formatUnits(p.lotSize)}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('planning.detail.stockoutDate')}>
                    {p.stockoutDate ?? t('planning.detail.noStockout')}
                  </Descriptions.Item>
                </>
              ) : null}
            </Descriptions>
          </Card>
          <Card className="page-section" title={t('planning.detail.accuracyTitle')}>
            {d.accuracy ? (
              <Descriptions column={2} size="small">
                <Descriptions.Item label={t('planning.accuracy.col.wape')}>
                  {formatPct(d.accuracy.wape)}
                </Descriptions.Item>
                <Descriptions.Item label={t('planning.accuracy.col.bias')}>
                  {formatPct(d.accuracy.bias)}
                </Descriptions.Item>
                <Descriptions.Item label={t('planning.accuracy.col.mase')}>
                  {formatNum(d.accuracy.mase)}
                </Descriptions.Item>
                <Descriptions.Item label={t('planning.accuracy.col.rmse')}>
                  {formatNum(d.accuracy.rmse)}
                </Descriptions.Item>
                <Descriptions.Item label={t('planning.accuracy.col.abc')}>
                  {d.accuracy.abc ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('planning.accuracy.col.method')}>
                  <span className="mono" style={{ fontSize: 12 }}>
                    {d.accuracy.method}
                  </span>
                </Descriptions.Item>
              </Descriptions>
            ) : (
              <Empty description={t('planning.detail.noAccuracy')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <PolicyForm policy={d.policy} editable={can(PERM.policyWrite)} />
        </Col>
      </Row>
    </>
  );
}
