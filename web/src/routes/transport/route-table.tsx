import { FileExcelOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type ResultRoute, type ResultStop, type RoutePlanDetail, sheetPath } from '../../api/transport';
import { useDownload } from '../../lib/use-download';
import { useLang } from '../../lib/use-localized';
import { formatWindows, formatYuan, routeColor, routeLabel } from './plan-units';

type Row = ResultRoute & { index: number };

const kg = (g: number) => (g / 1000).toFixed(1);
const m3 = (cm3: number) => (cm3 / 1_000_000).toFixed(2);
const pct = (v: number | null) => (v === null ? '' : ` · ${v}%`);

/** Every route with its figures; expand a row for its stops in order. */
export function RouteTable({ detail }: { detail: RoutePlanDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { download, busy } = useDownload();
  const windows = new Map(detail.plan.stops.map((s) => [s.id, formatWindows(s.windows)]));
  const routes = (detail.result?.routes ?? []).map((r, i) => ({ ...r, index: i + 1 }));

  const stopColumns: TableColumnsType<ResultStop> = [
    { key: 'seq', title: '#', dataIndex: 'seq', width: 48 },
    {
      key: 'stop',
      title: t('routePlan.stop.name'),
      render: (_, s) => (
        <span>
          <span className="mono">{s.orderNumber ?? s.id}</span> {s.name}
          {s.kind === 'pickup' ? (
            <Tag style={{ marginInlineStart: 6 }}>{t('routePlan.stop.pickup')}</Tag>
          ) : null}
          {s.locationPrecision === 'city' || s.locationPrecision === 'province' ? (
            <Tag color="warning" style={{ marginInlineStart: 6 }} data-testid="stop-approximate">
              {t(`dispatch.precision.${s.locationPrecision}`)}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      key: 'window',
      title: t('routePlan.stop.windows'),
      width: 170,
      render: (_, s) =>
        windows.get(s.id) || (
          <Typography.Text type="secondary">{t('routePlan.editor.anyTime')}</Typography.Text>
        ),
    },
    { key: 'arrival', title: t('routePlan.detail.arrival'), dataIndex: 'arrival', width: 80 },
    {
      key: 'wait',
      title: t('routePlan.detail.wait'),
      dataIndex: 'waitMin',
      width: 80,
      render: (v: number) => (v ? `${v} min` : ''),
    },
    { key: 'departure', title: t('routePlan.detail.departure'), dataIndex: 'departure', width: 80 },
    { key: 'leg', title: 'km', dataIndex: 'legKm', width: 70, align: 'right' },
    {
      key: 'goods',
      title: t('routePlan.detail.goods'),
      width: 170,
      render: (_, s) => `${kg(s.demand.weightG)} kg · ${m3(s.demand.volumeCm3)} m³ · ${s.demand.items}`,
    },
    {
      key: 'after',
      title: t('routePlan.detail.onBoard'),
      width: 110,
      render: (_, s) => `${kg(s.loadAfter.weightG)} kg`,
    },
  ];

  const columns: TableColumnsType<Row> = [
    {
      key: 'route',
      title: t('routePlan.detail.vehicle'),
      render: (_, r) => (
        <span>
          <span style={{ color: routeColor(r.index - 1) }}>●</span> {r.index}. {routeLabel(r)}
        </span>
      ),
    },
    {
      key: 'stops',
      title: t('routePlan.col.stops'),
      width: 70,
      align: 'right',
      render: (_, r) => r.stops.length,
    },
    { key: 'out', title: t('routePlan.detail.departure'), dataIndex: 'departure', width: 80 },
    { key: 'back', title: t('routePlan.detail.return'), dataIndex: 'return', width: 80 },
    { key: 'km', title: 'km', dataIndex: 'km', width: 80, align: 'right' },
    {
      key: 'load',
      title: t('routePlan.detail.peakLoad'),
      width: 320,
      render: (_, r) =>
        `${kg(r.load.weightG)} kg${pct(r.utilisationPct.weightG)} · ${m3(r.load.volumeCm3)} m³${pct(r.utilisationPct.volumeCm3)}`,
    },
    {
      key: 'cost',
      title: t('routePlan.col.cost'),
      width: 110,
      align: 'right',
      render: (_, r) => formatYuan(r.costFen, lang),
    },
    {
      key: 'sheets',
      title: t('routePlan.detail.sheet'),
      width: 110,
      render: (_, r) => (
        <Space size={0}>
          <Button
            type="link"
            size="small"
            icon={<FilePdfOutlined />}
            aria-label="PDF"
            loading={busy === sheetPath(detail.id, 'pdf', r.index)}
            onClick={() => download(sheetPath(detail.id, 'pdf', r.index), `${detail.number}-${r.index}.pdf`)}
          />
          <Button
            type="link"
            size="small"
            icon={<FileExcelOutlined />}
            aria-label="Excel"
            loading={busy === sheetPath(detail.id, 'xlsx', r.index)}
            onClick={() =>
              download(sheetPath(detail.id, 'xlsx', r.index), `${detail.number}-${r.index}.xlsx`)
            }
          />
        </Space>
      ),
    },
  ];

  return (
    <Table<Row>
      size="small"
      rowKey="index"
      data-testid="route-table"
      columns={columns}
      dataSource={routes}
      pagination={false}
      scroll={{ x: 1000 }}
      expandable={{
        expandedRowRender: (r) => (
          <Table<ResultStop>
            size="small"
            rowKey="id"
            columns={stopColumns}
            dataSource={r.stops}
            pagination={false}
          />
        ),
      }}
    />
  );
}
