import { ReloadOutlined, SaveOutlined, TruckOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useWarehouses } from '../../api/org';
import type { ShipmentItem, ShipmentsPreview } from '../../api/transport';
import { formatNumber } from '../../lib/format';
import { localName, useLang } from '../../lib/use-localized';
import { formatWindows, hasSkill } from './plan-units';

/** What the dispatcher picks: the warehouse (code), the day and how stops are made. */
export interface ShipmentsParams {
  warehouse?: string;
  day?: string;
  serviceMin?: number;
  includeUnpacked: boolean;
  includePlanned: boolean;
}

const APPROXIMATE = ['city', 'province'];
export const isApproximate = (precision: string | undefined) => APPROXIMATE.includes(precision ?? '');

interface Props {
  params: ShipmentsParams;
  onChange: (patch: Partial<ShipmentsParams>) => void;
  preview: ShipmentsPreview | undefined;
  loading: boolean;
  onRefresh: () => void;
  onUseFleet: () => void;
  onSaveFleet: () => void;
  savingFleet: boolean;
}

function Summary({ preview }: { preview: ShipmentsPreview }) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = preview.summary;
  return (
    <Descriptions size="small" column={{ xs: 2, md: 6 }} data-testid="shipments-summary">
      <Descriptions.Item label={t('dispatch.stops')}>
        <span data-testid="shipments-stops">{s.stops}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('dispatch.weight')}>
        <span data-testid="shipments-weight">{formatNumber(s.weightG / 1000, lang, 1)} kg</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('dispatch.volume')}>
        {formatNumber(s.volumeCm3 / 1_000_000, lang, 2)} m³
      </Descriptions.Item>
      <Descriptions.Item label={t('dispatch.parcels')}>{s.parcels}</Descriptions.Item>
      <Descriptions.Item label={t('dispatch.coldChain')}>
        <span data-testid="shipments-cold">{s.coldChain}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('dispatch.approximate')}>
        <span data-testid="shipments-approximate">{s.approximate}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}

/** The "from warehouse shipments" source: pick the warehouse and day, preview the stops. */
export function EditorShipments(props: Props) {
  const { params, onChange, preview } = props;
  const { t } = useTranslation();
  const lang = useLang();
  const warehouses = useWarehouses();
  const kg = (g: number | undefined) => formatNumber((g ?? 0) / 1000, lang, 1);
  const m3 = (cm3: number | undefined) => formatNumber((cm3 ?? 0) / 1_000_000, lang, 2);

  const columns: TableColumnsType<ShipmentItem> = [
    {
      key: 'order',
      title: t('dispatch.order'),
      width: 170,
      render: (_, i) => <span className="mono">{i.stop.shipment?.orderNumber ?? i.stop.id}</span>,
    },
    { key: 'consignee', title: t('dispatch.consignee'), width: 100, render: (_, i) => i.stop.name },
    {
      key: 'address',
      title: t('dispatch.address'),
      ellipsis: true,
      render: (_, i) => (
        <Typography.Text title={i.stop.address}>
          {i.stop.address} <Typography.Text type="secondary">{i.stop.contact}</Typography.Text>
        </Typography.Text>
      ),
    },
    {
      key: 'location',
      title: t('dispatch.location'),
      width: 130,
      render: (_, i) => {
        const p = i.stop.locationPrecision ?? 'exact';
        return (
          <Tag color={isApproximate(p) ? 'warning' : undefined} data-testid={`precision-${p}`}>
            {t(`dispatch.precision.${p}`)}
          </Tag>
        );
      },
    },
    { key: 'km', title: t('dispatch.distance'), dataIndex: 'distanceKm', width: 90, align: 'right' },
    {
      key: 'goods',
      title: `kg / m³ / ${t('dispatch.parcels')}`,
      width: 160,
      render: (_, i) => (
        <span>
          {kg(i.stop.weightG)} / {m3(i.stop.volumeCm3)} / {i.stop.items ?? 0}
          {i.stop.shipment?.demandSource === 'estimate' ? (
            <Tag style={{ marginInlineStart: 6 }}>{t('dispatch.estimated')}</Tag>
          ) : null}
        </span>
      ),
    },
    {
      key: 'window',
      title: t('dispatch.window'),
      width: 120,
      render: (_, i) =>
        i.windowPassed ? (
          <Tag color="error">{t('dispatch.windowPassed')}</Tag>
        ) : (
          formatWindows(i.stop.windows) || <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'status',
      title: t('dispatch.status'),
      width: 150,
      render: (_, i) => (
        <Space size={4} wrap>
          <Tag>{t(`dispatch.outboundStatus.${i.outboundStatus}`, { defaultValue: i.outboundStatus })}</Tag>
          {hasSkill(i.stop.skills) ? <Tag color="blue">{t('routePlan.refrigerated')}</Tag> : null}
          {i.gateChecked && i.outboundStatus === 'packed' ? (
            <Tag color="green">{t('dispatch.gateChecked')}</Tag>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Card
      size="small"
      title={t('dispatch.title')}
      data-testid="shipments-card"
      extra={
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={props.onRefresh} disabled={!params.warehouse}>
            {t('dispatch.refresh')}
          </Button>
          <Button icon={<TruckOutlined />} onClick={props.onUseFleet} disabled={!preview}>
            {t('dispatch.fleetDefault')}
          </Button>
          <Button
            icon={<SaveOutlined />}
            onClick={props.onSaveFleet}
            disabled={!preview}
            loading={props.savingFleet}
            data-testid="shipments-save-fleet"
          >
            {t('dispatch.fleetSave')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('dispatch.hint')}</Typography.Paragraph>
      <Form layout="vertical" component="div">
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item label={t('dispatch.warehouse')} required>
              <Select
                value={params.warehouse}
                placeholder={t('dispatch.chooseWarehouse')}
                onChange={(warehouse) => onChange({ warehouse })}
                loading={warehouses.isPending}
                data-testid="shipments-warehouse"
                options={(warehouses.data ?? []).map((w) => ({
                  value: w.code,
                  label: `${w.code} · ${localName(w, lang)}`,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={t('dispatch.day')}>
              <Input
                type="date"
                value={params.day ?? preview?.day ?? ''}
                onChange={(e) => onChange({ day: e.target.value || undefined })}
                data-testid="shipments-day"
              />
            </Form.Item>
          </Col>
          <Col xs={12} md={4}>
            <Form.Item label={t('dispatch.serviceMin')}>
              <InputNumber
                style={{ width: '100%' }}
                min={0}
                max={240}
                value={params.serviceMin ?? preview?.serviceMin}
                onChange={(v) => onChange({ serviceMin: v ?? undefined })}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item label=" ">
              <Space orientation="vertical" size={0}>
                <Checkbox
                  checked={params.includeUnpacked}
                  onChange={(e) => onChange({ includeUnpacked: e.target.checked })}
                >
                  {t('dispatch.includeUnpacked')}
                </Checkbox>
                <Checkbox
                  checked={params.includePlanned}
                  onChange={(e) => onChange({ includePlanned: e.target.checked })}
                >
                  {t('dispatch.includePlanned')}
                </Checkbox>
              </Space>
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {preview ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Summary preview={preview} />
          {preview.summary.approximate ? (
            <Alert
              type="warning"
              showIcon
              title={t('dispatch.approxNote', { count: preview.summary.approximate })}
            />
          ) : null}
          {preview.excluded.length ? (
            <Alert
              type="info"
              showIcon
              data-testid="shipments-excluded"
              title={t('dispatch.excludedTitle', { count: preview.excluded.length })}
              description={preview.excluded
                .slice(0, 20)
                .map((e) => `${e.orderNumber}: ${e.message}`)
                .join('；')}
            />
          ) : null}
          <Table<ShipmentItem>
            size="small"
            rowKey={(i) => i.stop.id}
            data-testid="shipments-table"
            columns={columns}
            dataSource={preview.items}
            loading={props.loading}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            scroll={{ x: 1100 }}
            locale={{ emptyText: <Empty description={t('dispatch.empty')} /> }}
          />
        </Space>
      ) : params.warehouse ? null : (
        <Empty description={t('dispatch.chooseWarehouse')} />
      )}
    </Card>
  );
}
