import { Card, Flex, Radio, Select, Statistic, Table } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Accuracy, useAccuracy } from '../../api/counts';
import { useWarehouses } from '../../api/org';
import { EChart, type EChartOption } from '../../components/echart';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useLang } from '../../lib/use-localized';
import { warehouseLabel } from '../inventory/stock';
import { yuan } from './count-tags';

type Group = Accuracy['totals'][number]['group'];
const GROUPS: Group[] = ['all', 'A', 'B', 'C', 'unclassified'];
const COLORS: Record<Group, string> = {
  all: '#1677ff',
  A: '#cf1322',
  B: '#d48806',
  C: '#8c8c8c',
  unclassified: '#b37feb',
};

const groupLabel = (t: (key: 'counts.all' | 'counts.unclassified') => string, g: Group) =>
  g === 'all' ? t('counts.all') : g === 'unclassified' ? t('counts.unclassified') : g;

/** /warehouse/count-accuracy — inventory record accuracy (IRA) over time, per warehouse and ABC class. */
export function CountAccuracyPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const warehouses = useWarehouses();
  const warehouseById = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );
  const [warehouseId, setWarehouseId] = useState<string>();
  const [period, setPeriod] = useState<'month' | 'week'>('month');
  const accuracy = useAccuracy({ period, ...(warehouseId ? { warehouseId } : {}) });
  const label = (g: Group) =>
    g === 'all' ? t('counts.all') : g === 'unclassified' ? t('counts.unclassified') : g;

  const option = useMemo<EChartOption>(() => {
    const rows = accuracy.data?.rows ?? [];
    const periods = [...new Set(rows.map((r) => r.period))].sort();
    const series = GROUPS.map((g) => {
      const data = periods.map((p) => {
        const of = rows.filter(
          (r) => r.period === p && (g === 'all' || (r.abcClass ?? 'unclassified') === g),
        );
        const lines = of.reduce((s, r) => s + r.lines, 0);
        const ok = of.reduce((s, r) => s + r.accurateLines, 0);
        return lines ? Math.round((1000 * ok) / lines) / 10 : null;
      });
      return {
        name: groupLabel(t, g),
        type: 'line',
        connectNulls: true,
        data,
        itemStyle: { color: COLORS[g] },
        lineStyle: { width: g === 'all' ? 3 : 1.5 },
      };
    }).filter((s) => s.data.some((v) => v !== null));
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v: unknown) => (v === null || v === undefined ? '—' : `${v}%`),
      },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: periods },
      yAxis: {
        type: 'value',
        min: (v: { min: number }) => Math.max(0, Math.floor(v.min - 5)),
        max: 100,
        axisLabel: { formatter: '{value}%' },
      },
      series,
    };
  }, [accuracy.data, t]);

  const totals = (accuracy.data?.totals ?? []).filter((x) => !warehouseId || x.warehouseId === warehouseId);
  const overall = totals.filter((x) => x.group === 'all');
  const lines = overall.reduce((s, x) => s + x.lines, 0);
  const ok = overall.reduce((s, x) => s + x.accurateLines, 0);

  return (
    <>
      <PageHeader
        title={t('counts.accuracyTitle')}
        subtitle={t('counts.accuracySubtitle')}
        extra={
          <Flex gap={8} wrap>
            <Select
              allowClear
              style={{ width: 240 }}
              placeholder={t('counts.warehouse')}
              value={warehouseId}
              onChange={setWarehouseId}
              options={(warehouses.data ?? []).map((w) => ({
                value: w.id,
                label: warehouseLabel(warehouseById, w.id, lang),
              }))}
            />
            <Radio.Group
              value={period}
              onChange={(e) => setPeriod(e.target.value)}
              optionType="button"
              options={[
                { value: 'month', label: t('counts.month') },
                { value: 'week', label: t('counts.week') },
              ]}
            />
          </Flex>
        }
      />
      {accuracy.isError && !accuracy.data ? (
        <QueryError error={accuracy.error} onRetry={() => void accuracy.refetch()} />
      ) : (
        <>
          <Flex gap={16} wrap style={{ marginBottom: 16 }}>
            <Card style={{ flex: '1 1 180px' }}>
              <Statistic
                title={t('counts.ira')}
                value={lines ? Math.round((1000 * ok) / lines) / 10 : '—'}
                suffix={lines ? '%' : ''}
              />
            </Card>
            <Card style={{ flex: '1 1 180px' }}>
              <Statistic title={t('counts.linesCounted')} value={lines} />
            </Card>
            <Card style={{ flex: '1 1 180px' }}>
              <Statistic
                title={t('counts.absUnits')}
                value={overall.reduce((s, x) => s + x.absVarianceUnits, 0)}
              />
            </Card>
            <Card style={{ flex: '1 1 180px' }}>
              <Statistic
                title={t('counts.varianceValue')}
                value={yuan(overall.reduce((s, x) => s + x.absVarianceValueFen, 0))}
              />
            </Card>
          </Flex>
          <Card style={{ marginBottom: 16 }}>
            <EChart option={option} height={320} data-testid="accuracy-chart" />
          </Card>
          <Card>
            <Table
              rowKey={(r) => `${r.warehouseId}|${r.group}`}
              size="small"
              pagination={false}
              loading={accuracy.isLoading}
              dataSource={totals}
              columns={[
                {
                  key: 'wh',
                  title: t('counts.warehouse'),
                  render: (_, r) => warehouseLabel(warehouseById, r.warehouseId, lang),
                },
                { key: 'group', title: t('counts.group'), render: (_, r) => label(r.group) },
                { key: 'lines', title: t('counts.linesCounted'), dataIndex: 'lines', align: 'right' },
                { key: 'ok', title: t('counts.accurate'), dataIndex: 'accurateLines', align: 'right' },
                { key: 'ira', title: t('counts.ira'), align: 'right', render: (_, r) => `${r.iraPct}%` },
                { key: 'units', title: t('counts.absUnits'), dataIndex: 'absVarianceUnits', align: 'right' },
                {
                  key: 'value',
                  title: t('counts.varianceValue'),
                  align: 'right',
                  render: (_, r) => yuan(r.absVarianceValueFen),
                },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
