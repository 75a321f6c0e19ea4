import { ReloadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Segmented,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Excursion, useRecordReading, useZoneTemperature } from '../../api/coldchain';
import { useWarehouses } from '../../api/org';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { useUrlFilters } from '../../lib/use-url-filters';
import { formatDc } from './coldchain-tags';
import { TemperatureChart } from './temperature-chart';

const RANGES = { h24: 24, h72: 72, d7: 168, d30: 720 } as const;
type RangeKey = keyof typeof RANGES;
const HOUR = 3_600_000;

const parse = (p: URLSearchParams) => ({
  warehouseId: p.get('warehouseId') ?? '',
  zoneId: p.get('zoneId') ?? '',
  range: (p.get('range') ?? '') in RANGES ? (p.get('range') as string) : '',
});

/** /inventory/temperature — a zone's temperature chart with its band and excursions, and hand entry. */
export function TemperaturePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { filters, update } = useUrlFilters(parse);
  const warehouses = useWarehouses();
  const warehouse = (warehouses.data ?? []).find((w) => w.id === filters.warehouseId) ?? warehouses.data?.[0];
  const zones = (warehouse?.zones ?? []).filter((z) => z.tempMinDc !== null || z.tempMaxDc !== null);
  const zone =
    zones.find((z) => z.id === filters.zoneId) ?? zones.find((z) => z.storageClass === 'chilled') ?? zones[0];
  const range = (filters.range || 'h72') as RangeKey;
  const [refreshed, setRefreshed] = useState(() => Date.now());
  const span = useMemo(() => {
    const to = Math.ceil(refreshed / 60_000) * 60_000;
    return { from: new Date(to - RANGES[range] * HOUR).toISOString(), to: new Date(to).toISOString() };
  }, [range, refreshed]);
  const data = useZoneTemperature(zone?.id, span);
  const record = useRecordReading();
  const [form] = Form.useForm<{ temp: number; deviceId?: string }>();

  const submit = (v: { temp: number; deviceId?: string }) =>
    record.mutate(
      {
        zoneId: zone!.id,
        at: new Date().toISOString(),
        tempDc: Math.round(v.temp * 10),
        ...(v.deviceId?.trim() ? { deviceId: v.deviceId.trim() } : {}),
      },
      {
        onSuccess: (out) => {
          if (out.excursionsOpened.length) message.warning(t('coldchain.temperature.excursionOpened'));
          else message.success(t('coldchain.temperature.recorded'));
          form.resetFields();
          setRefreshed(Date.now());
        },
        onError: (error) => notifyError(error, form),
      },
    );

  const minutesOf = (e: Excursion) =>
    Math.round(((e.endedAt ? Date.parse(e.endedAt) : Date.now()) - Date.parse(e.startedAt)) / 60_000);
  const info = data.data?.zone;

  return (
    <>
      <PageHeader title={t('coldchain.temperature.title')} subtitle={t('coldchain.temperature.subtitle')} />
      <Card>
        <Flex gap={12} wrap align="center" className="filter-bar">
          <Select
            placeholder={t('coldchain.temperature.warehouse')}
            value={warehouse?.id}
            loading={warehouses.isPending}
            onChange={(v) => update({ warehouseId: v, zoneId: '' })}
            style={{ width: 220 }}
            options={(warehouses.data ?? []).map((w) => ({
              value: w.id,
              label: `${w.code} · ${localName(w, lang)}`,
            }))}
          />
          <Select
            placeholder={t('coldchain.temperature.zone')}
            value={zone?.id}
            onChange={(v) => update({ zoneId: v })}
            style={{ width: 220 }}
            data-testid="temperature-zone"
            options={zones.map((z) => ({ value: z.id, label: `${z.code} · ${localName(z, lang)}` }))}
          />
          <Segmented<RangeKey>
            value={range}
            onChange={(v) => update({ range: v })}
            options={(Object.keys(RANGES) as RangeKey[]).map((k) => ({
              value: k,
              label: t(`coldchain.temperature.${k}`),
            }))}
          />
          <Button icon={<ReloadOutlined />} onClick={() => setRefreshed(Date.now())}>
            {t('common.refresh')}
          </Button>
        </Flex>
        {info ? (
          <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 8 }}>
            <Descriptions.Item label={t('coldchain.temperature.zone')}>
              <Tag>{info.code}</Tag>
            </Descriptions.Item>
            <Descriptions.Item>
              {info.tempMinDc !== null && info.tempMaxDc !== null
                ? t('coldchain.temperature.band', {
                    min: formatDc(info.tempMinDc),
                    max: formatDc(info.tempMaxDc),
                  })
                : t('coldchain.temperature.noBand')}
            </Descriptions.Item>
            <Descriptions.Item>
              {t('coldchain.temperature.rule', {
                minutes: info.toleranceMinutes,
                margin: formatDc(info.hardMarginDc),
              })}
              {data.data?.bucketSeconds ? (
                <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                  {t('coldchain.temperature.averaged', { minutes: Math.round(data.data.bucketSeconds / 60) })}
                </Typography.Text>
              ) : null}
            </Descriptions.Item>
          </Descriptions>
        ) : null}
        {data.isError && !data.data ? (
          <QueryError error={data.error} onRetry={() => void data.refetch()} />
        ) : data.data ? (
          <TemperatureChart data={data.data} />
        ) : null}
      </Card>
      <Card title={t('coldchain.temperature.excursions')} style={{ marginTop: 16 }}>
        <Table<Excursion>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.data?.excursions ?? []}
          data-testid="excursion-table"
          columns={[
            {
              key: 'started',
              title: t('coldchain.temperature.col.started'),
              render: (_, e) => <DateTime value={e.startedAt} />,
            },
            {
              key: 'ended',
              title: t('coldchain.temperature.col.ended'),
              render: (_, e) =>
                e.endedAt ? (
                  <DateTime value={e.endedAt} />
                ) : (
                  <Tag color="red">{t('coldchain.temperature.ongoing')}</Tag>
                ),
            },
            {
              key: 'duration',
              title: t('coldchain.temperature.col.duration'),
              render: (_, e) => t('coldchain.temperature.minutes', { minutes: minutesOf(e) }),
            },
            {
              key: 'peak',
              title: t('coldchain.temperature.col.peak'),
              render: (_, e) => <Typography.Text type="danger">{formatDc(e.peakDc)} °C</Typography.Text>,
            },
            {
              key: 'trigger',
              title: t('coldchain.temperature.col.trigger'),
              render: (_, e) => t(`coldchain.temperature.trigger.${e.trigger}`),
            },
            {
              key: 'hold',
              title: t('coldchain.temperature.col.hold'),
              render: (_, e) =>
                e.holdId ? (
                  <Link to={`/inventory/quality-holds?id=${e.holdId}`}>{e.holdDocNo}</Link>
                ) : (
                  t('common.none')
                ),
            },
          ]}
        />
      </Card>
      {can(PERM.coldchainRecord) && zone ? (
        <Card title={t('coldchain.temperature.manualTitle')} style={{ marginTop: 16 }}>
          <Form form={form} layout="inline" onFinish={submit} data-testid="manual-reading">
            <Form.Item name="temp" label={t('coldchain.temperature.manualTemp')} rules={[{ required: true }]}>
              <InputNumber step={0.1} min={-80} max={80} precision={1} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="deviceId" label={t('coldchain.temperature.manualDevice')}>
              <Input style={{ width: 180 }} maxLength={64} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={record.isPending}>
              {t('coldchain.temperature.manualSubmit')}
            </Button>
          </Form>
        </Card>
      ) : null}
    </>
  );
}
