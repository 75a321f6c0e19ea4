import { InboxOutlined, PrinterOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  Input,
  InputNumber,
  List,
  Progress,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import {
  type Outbound,
  openLabels,
  type Parcel,
  useCartonTypes,
  useOutbound,
  useOutboundPage,
  usePackActions,
} from '../../api/outbound';
import { isApiError } from '../../api/problem';
import { PageHeader } from '../../components/page-header';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useNotifyError } from '../../lib/use-notify-error';
import { ScanInput, type ScanInputHandle } from './scan-input';
import { useWarehouseChoice, WarehouseSelect } from './wave-list';
import { CarrierName, Cutoff, OutboundStatusTag, TemperatureTag } from './wave-tags';

/**
 * /warehouse/pack — the packing station: pick a picked order (or scan its number), take the cartons
 * the cartonisation proposes, scan every item into its parcel (a wrong item is refused and
 * counted), change a carton if needed (recorded), weigh and seal, print the waybill label.
 */
export function PackStationPage() {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const choice = useWarehouseChoice();
  const [params, setParams] = useSearchParams();
  const outboundId = params.get('outbound') ?? undefined;
  const select = (id: string) => setParams({ outbound: id });
  const picked = useOutboundPage(
    { warehouseId: choice.warehouseId, status: 'picked', limit: 100 },
    Boolean(choice.warehouseId),
  );
  const packing = useOutboundPage(
    { warehouseId: choice.warehouseId, status: 'packing', limit: 100 },
    Boolean(choice.warehouseId),
  );
  const waiting = [...(packing.data?.items ?? []), ...(picked.data?.items ?? [])];
  const find = async (code: string) => {
    try {
      const res = await unwrap(
        api.GET('/api/warehouse/outbounds', { params: { query: { q: code, limit: 5 } } }),
      );
      const hit = res.items.find((o) => o.status !== 'cancelled');
      if (hit) select(hit.id);
      else notifyError(new Error(t('outbound.notFound', { code })));
    } catch (e) {
      notifyError(e);
    }
  };
  return (
    <>
      <PageHeader
        title={t('outbound.packTitle')}
        subtitle={t('outbound.packSubtitle')}
        extra={<WarehouseSelect choice={choice} />}
      />
      <Flex gap={16} wrap align="flex-start">
        <Card title={t('outbound.toPack')} style={{ flex: '1 1 280px', maxWidth: 420 }}>
          <ScanInput
            onScan={(c) => void find(c)}
            placeholder={t('outbound.scanOrder')}
            autoFocus={!outboundId}
            testId="pack-find"
          />
          <List
            size="small"
            style={{ marginTop: 12 }}
            dataSource={waiting}
            locale={{ emptyText: t('outbound.nothingToPack') }}
            renderItem={(o) => (
              <List.Item
                onClick={() => select(o.id)}
                style={{ cursor: 'pointer', background: o.id === outboundId ? '#e6f4ff' : undefined }}
              >
                <Flex vertical>
                  <span className="mono">{o.orderNumber}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {o.units} · <Cutoff at={o.cutoffAt} />
                  </Typography.Text>
                </Flex>
                <OutboundStatusTag value={o.status} />
              </List.Item>
            )}
          />
        </Card>
        <div style={{ flex: '3 1 560px' }}>
          {outboundId ? (
            <Station id={outboundId} />
          ) : (
            <Card>
              <Empty description={t('outbound.chooseOrder')} />
            </Card>
          )}
        </div>
      </Flex>
    </>
  );
}

function Station({ id }: { id: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const can = useCan();
  const outbound = useOutbound(id);
  const actions = usePackActions(id);
  const [active, setActive] = useState<string>();
  const [error, setError] = useState<string | null>(null);
  const scanRef = useRef<ScanInputHandle>(null);
  const o = outbound.data;
  const openParcels = o?.packages.filter((p) => p.status === 'open') ?? [];
  const parcel = openParcels.find((p) => p.id === active) ?? openParcels[0];
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new order starts without the last error
  useEffect(() => setError(null), [id]);
  if (!o) return <Card loading />;
  const canPack = can(PERM.pack);
  const scan = (barcode: string) =>
    parcel &&
    actions.scan.mutate(
      { packageId: parcel.id, barcode },
      {
        onSuccess: (r) => {
          setError(null);
          message.success(`${r.skuCode} ${r.scannedQty}/${r.qty}`, 1);
        },
        onError: (e) => setError(isApiError(e) ? e.message : String(e)),
      },
    );
  const print = () => openLabels(`/api/warehouse/outbounds/${o.id}/labels`).catch(notifyError);
  return (
    <Card
      title={
        <Space>
          <span className="mono">{o.orderNumber}</span>
          <OutboundStatusTag value={o.status} />
          <TemperatureTag value={o.temperatureClass} />
        </Space>
      }
      extra={
        o.packages.some((p) => p.status === 'sealed') ? (
          <Button icon={<PrinterOutlined />} onClick={() => void print()}>
            {t('outbound.printLabel')}
          </Button>
        ) : null
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('outbound.col.number')}>{o.number}</Descriptions.Item>
        <Descriptions.Item label={t('outbound.col.carrier')}>
          <CarrierName code={o.carrier} fallback={o.carrierName} />
        </Descriptions.Item>
        <Descriptions.Item label={t('outbound.col.cutoff')}>
          <Cutoff at={o.cutoffAt} />
        </Descriptions.Item>
      </Descriptions>
      {o.status === 'picked' && canPack ? (
        <Button
          type="primary"
          size="large"
          icon={<InboxOutlined />}
          loading={actions.start.isPending}
          onClick={() => actions.start.mutate(o.id, { onError: (e) => notifyError(e) })}
        >
          {t('outbound.startPacking')}
        </Button>
      ) : null}
      {o.status === 'packing' && canPack && parcel ? (
        <>
          <Radio.Group
            value={parcel.id}
            onChange={(e) => setActive(e.target.value)}
            style={{ marginBottom: 8 }}
          >
            {openParcels.map((p) => (
              <Radio.Button key={p.id} value={p.id}>
                {t('outbound.parcelN', { n: p.seq })}
              </Radio.Button>
            ))}
          </Radio.Group>
          {error ? (
            <Alert
              type="error"
              showIcon
              title={<span style={{ fontSize: 16 }}>{error}</span>}
              style={{ marginBottom: 8 }}
              data-testid="pack-error"
            />
          ) : null}
          <ScanInput
            ref={scanRef}
            onScan={scan}
            placeholder={t('outbound.scanItem', { n: parcel.seq })}
            disabled={actions.scan.isPending}
            testId="pack-scan"
          />
        </>
      ) : null}
      <Flex gap={12} wrap style={{ marginTop: 16 }}>
        {o.packages.map((p) => (
          <ParcelCard
            key={p.id}
            outbound={o}
            parcel={p}
            active={p.id === parcel?.id}
            canPack={canPack}
            actions={actions}
          />
        ))}
      </Flex>
    </Card>
  );
}

function ParcelCard(props: {
  outbound: Outbound;
  parcel: Parcel;
  active: boolean;
  canPack: boolean;
  actions: ReturnType<typeof usePackActions>;
}) {
  const { parcel: p, actions } = props;
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const cartons = useCartonTypes();
  const [weight, setWeight] = useState<number | null>(null);
  const scanned = p.items.reduce((s, i) => s + i.scannedQty, 0);
  const total = p.items.reduce((s, i) => s + i.qty, 0);
  const changeCarton = (cartonTypeId: string) => {
    let reason = '';
    modal.confirm({
      title: t('outbound.changeCarton', { carton: cartonTypeId }),
      content: (
        <Input
          maxLength={200}
          placeholder={t('outbound.reason')}
          onChange={(e) => {
            reason = e.target.value;
          }}
        />
      ),
      onOk: () =>
        actions.carton
          .mutateAsync({ packageId: p.id, cartonTypeId, reason: reason.trim() || '-' })
          .catch(notifyError),
    });
  };
  const seal = (acceptWeight = false) =>
    actions.seal.mutate(
      { packageId: p.id, weightG: weight ?? undefined, acceptWeight },
      {
        onSuccess: (r) => message.success(t('outbound.sealed', { waybill: r.waybillNo })),
        onError: (e) => {
          if (isApiError(e) && e.code === 'warehouse.pack_weight_mismatch')
            modal.confirm({
              title: t('outbound.weightCheck'),
              content: e.message,
              okText: t('outbound.sealAnyway'),
              onOk: () => seal(true),
            });
          else notifyError(e);
        },
      },
    );
  return (
    <Card
      size="small"
      style={{ flex: '1 1 300px', borderColor: props.active ? '#1677ff' : undefined }}
      title={t('outbound.parcelN', { n: p.seq })}
      extra={
        p.waybillNo ? (
          <Tag className="mono">{p.waybillNo}</Tag>
        ) : (
          <Tag>{t(`outbound.packageStatus.${p.status}`)}</Tag>
        )
      }
    >
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('outbound.carton')}>
          {props.canPack && p.status === 'open' ? (
            <Select
              size="small"
              style={{ width: 200 }}
              value={p.cartonTypeId}
              onChange={changeCarton}
              options={(cartons.data ?? []).map((c) => ({
                value: c.id,
                label: `${c.id} ${c.name ?? ''} ${c.innerLengthMm}×${c.innerWidthMm}×${c.innerHeightMm}`,
              }))}
            />
          ) : (
            p.cartonTypeId
          )}
          {p.cartonTypeId !== p.proposedCartonTypeId ? (
            <Typography.Text type="secondary">
              {' '}
              ({t('outbound.proposed', { carton: p.proposedCartonTypeId })})
            </Typography.Text>
          ) : null}
        </Descriptions.Item>
        <Descriptions.Item
          label={t('outbound.dims')}
        >{`${p.lengthMm}×${p.widthMm}×${p.heightMm} mm · ${t('outbound.fill', { pct: p.fillPct })}`}</Descriptions.Item>
        <Descriptions.Item
          label={t('outbound.weight')}
        >{`${((p.weightG ?? p.computedWeightG) / 1000).toFixed(2)} kg`}</Descriptions.Item>
        {p.coolantPacks ? (
          <Descriptions.Item label={t('outbound.coolant')}>{p.coolantPacks}</Descriptions.Item>
        ) : null}
      </Descriptions>
      <Progress percent={total ? Math.round((scanned / total) * 100) : 0} size="small" />
      <List
        size="small"
        dataSource={p.items}
        renderItem={(i) => (
          <List.Item>
            <span>
              <span className="mono">{i.skuCode}</span> {i.skuName}
            </span>
            <Typography.Text strong type={i.scannedQty === i.qty ? 'success' : undefined}>
              {i.scannedQty} / {i.qty}
            </Typography.Text>
          </List.Item>
        )}
      />
      {props.canPack && p.status === 'open' ? (
        <Flex gap={8} style={{ marginTop: 8 }}>
          <InputNumber
            min={1}
            max={100_000_000}
            precision={0}
            value={weight}
            onChange={setWeight}
            placeholder={t('outbound.scaleWeight')}
            addonAfter="g"
          />
          <Button
            type="primary"
            disabled={scanned < total}
            loading={actions.seal.isPending}
            onClick={() => seal()}
          >
            {t('outbound.seal')}
          </Button>
        </Flex>
      ) : null}
    </Card>
  );
}
