import {
  ClearOutlined,
  DownloadOutlined,
  ExperimentOutlined,
  PlayCircleOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Segmented, Space, Upload } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import {
  fetchDemoPlan,
  parsePlanFile,
  type RoutePlanInput,
  saveFleet,
  startRoutePlan,
  useRoutePlan,
  useShipmentsPreview,
} from '../../api/transport';
import { PageHeader } from '../../components/page-header';
import { formatNumber } from '../../lib/format';
import { useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { EditorSettings } from './editor-settings';
import { EditorShipments, type ShipmentsParams } from './editor-shipments';
import { EditorStops } from './editor-stops';
import { EditorVehicles } from './editor-vehicles';
import { demandVsFleet, emptyPlan } from './plan-units';

/** Drop empty texts the API would reject (an empty date) before sending. */
function cleaned(plan: RoutePlanInput): RoutePlanInput {
  return { ...plan, date: plan.date || undefined, name: plan.name?.trim() || undefined };
}

type Source = 'stops' | 'shipments';

function DemandSummary({ plan }: { plan: RoutePlanInput }) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = demandVsFleet(plan);
  const share = (demand: number, capacity: number | undefined, unit: string, scale: number) => {
    const d = `${formatNumber(demand / scale, lang, 1)} ${unit}`;
    if (capacity === undefined) return `${d} / ${t('routePlan.unlimited')}`;
    return `${d} / ${formatNumber(capacity / scale, lang, 1)} ${unit} (${Math.round((100 * demand) / Math.max(1, capacity))}%)`;
  };
  return (
    <Descriptions size="small" column={{ xs: 1, md: 4 }} data-testid="plan-demand">
      <Descriptions.Item label={t('routePlan.editor.summaryStops')}>{plan.stops.length}</Descriptions.Item>
      <Descriptions.Item label={t('routePlan.editor.summaryWeight')}>
        {share(s.weightG.demand, s.weightG.capacity, 'kg', 1000)}
      </Descriptions.Item>
      <Descriptions.Item label={t('routePlan.editor.summaryVolume')}>
        {share(s.volumeCm3.demand, s.volumeCm3.capacity, 'm³', 1_000_000)}
      </Descriptions.Item>
      <Descriptions.Item label={t('routePlan.editor.summaryFleet')}>{s.vehicles}</Descriptions.Item>
    </Descriptions>
  );
}

/** /transport/route-plans/new — load or type stops and vehicles, then run the planner. */
export function RoutePlanEditorPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const fromId = params.get('from') ?? undefined;
  const source = useRoutePlan(fromId);
  const [plan, setPlan] = useState<RoutePlanInput>(emptyPlan);
  const [busy, setBusy] = useState<'demo' | 'file' | 'run' | 'fleet' | null>(null);
  const [origin, setOrigin] = useState<Source>(params.get('source') === 'shipments' ? 'shipments' : 'stops');
  const [ship, setShip] = useState<ShipmentsParams>({
    warehouse: params.get('warehouse') ?? undefined,
    includeUnpacked: false,
    includePlanned: false,
  });
  const client = useQueryClient();
  const fromShipments = origin === 'shipments';
  const preview = useShipmentsPreview(
    fromShipments && ship.warehouse
      ? {
          warehouse: ship.warehouse,
          day: ship.day,
          serviceMin: ship.serviceMin,
          includeUnpacked: ship.includeUnpacked ? 'true' : undefined,
          includePlanned: ship.includePlanned ? 'true' : undefined,
        }
      : null,
  );
  const shipments = fromShipments ? preview.data : undefined;
  // The vehicles start as the warehouse's default fleet each time another warehouse is previewed.
  const fleetOf = useRef<string | null>(null);
  useEffect(() => {
    if (!shipments || fleetOf.current === shipments.warehouse.id) return;
    fleetOf.current = shipments.warehouse.id;
    setPlan((current) => ({ ...current, vehicles: shipments.fleet.vehicles }));
  }, [shipments]);

  useEffect(() => {
    if (source.data) setPlan({ ...source.data.plan, name: source.data.name });
  }, [source.data]);

  const patch = (p: Partial<RoutePlanInput>) => setPlan((current) => ({ ...current, ...p }));

  const loadDemo = async () => {
    setBusy('demo');
    try {
      setPlan(await fetchDemoPlan());
      setOrigin('stops');
      message.success(t('routePlan.editor.demoLoaded'));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };

  const loadFile = async (file: File) => {
    setBusy('file');
    try {
      const parsed = await parsePlanFile(file);
      setPlan({ ...parsed.plan, name: parsed.plan.name || parsed.name || file.name });
      setOrigin('stops');
      message.success(
        t('routePlan.editor.fileLoaded', { format: parsed.format, count: parsed.plan.stops.length }),
      );
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };

  const exportJson = () => {
    const blob = new Blob([JSON.stringify(cleaned(plan), null, 2)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = `${plan.name || 'route-plan'}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const useFleet = () => {
    if (!shipments) return;
    patch({ vehicles: shipments.fleet.vehicles });
    message.success(t('dispatch.fleetLoaded', { code: shipments.warehouse.code }));
  };

  const storeFleet = async () => {
    if (!shipments) return;
    setBusy('fleet');
    try {
      await saveFleet({
        warehouseId: shipments.warehouse.id,
        vehicles: plan.vehicles,
        serviceMin: ship.serviceMin ?? shipments.serviceMin,
      });
      await client.invalidateQueries({ queryKey: ['transport', 'shipments'] });
      message.success(t('dispatch.fleetSaved', { code: shipments.warehouse.code }));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(null);
    }
  };

  /** The request: the stops as edited, or the shipments of the previewed warehouse and day. */
  const request = () => {
    if (!fromShipments) return cleaned(plan);
    const {
      stops: _stops,
      depot: _depot,
      date: _date,
      warehouseId: _wh,
      coordinates: _c,
      ...rest
    } = cleaned(plan);
    return {
      ...rest,
      shipments: {
        warehouse: ship.warehouse ?? '',
        day: shipments?.day,
        serviceMin: ship.serviceMin,
        includeUnpacked: ship.includeUnpacked,
        includePlanned: ship.includePlanned,
      },
    };
  };

  const run = async () => {
    setBusy('run');
    try {
      const started = await startRoutePlan(request());
      navigate(`/transport/route-plans/${started.routePlan.id}`);
    } catch (error) {
      notifyError(error);
      setBusy(null);
    }
  };

  return (
    <>
      <PageHeader
        title={t('routePlan.editor.title')}
        subtitle={t('routePlan.editor.subtitle')}
        backTo="/transport/route-plans"
        extra={
          <>
            <Button
              icon={<ExperimentOutlined />}
              onClick={loadDemo}
              loading={busy === 'demo'}
              data-testid="plan-load-demo"
            >
              {t('routePlan.editor.loadDemo')}
            </Button>
            <Upload
              accept=".json,.txt,.vrp"
              showUploadList={false}
              beforeUpload={(file) => {
                void loadFile(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={busy === 'file'} data-testid="plan-load-file">
                {t('routePlan.editor.loadFile')}
              </Button>
            </Upload>
            <Button icon={<DownloadOutlined />} onClick={exportJson} disabled={!plan.stops.length}>
              {t('routePlan.editor.exportJson')}
            </Button>
            <Button icon={<ClearOutlined />} onClick={() => setPlan(emptyPlan())}>
              {t('routePlan.editor.clear')}
            </Button>
          </>
        }
      />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {fromId && source.data ? (
          <Alert
            type="info"
            showIcon
            title={t('routePlan.editor.copiedFrom', { number: source.data.number })}
          />
        ) : null}
        <Flex align="center" gap={12}>
          <span>{t('dispatch.sourceLabel')}</span>
          <Segmented<Source>
            value={origin}
            onChange={setOrigin}
            data-testid="plan-source"
            options={[
              { value: 'stops', label: t('dispatch.sourceStops') },
              { value: 'shipments', label: t('dispatch.sourceShipments') },
            ]}
          />
        </Flex>
        {fromShipments ? (
          <EditorShipments
            params={ship}
            onChange={(p) => setShip((current) => ({ ...current, ...p }))}
            preview={shipments}
            loading={preview.isFetching}
            onRefresh={() => void preview.refetch()}
            onUseFleet={useFleet}
            onSaveFleet={storeFleet}
            savingFleet={busy === 'fleet'}
          />
        ) : null}
        <EditorSettings plan={plan} onChange={patch} fromShipments={fromShipments} />
        <EditorVehicles plan={plan} onChange={(vehicles) => patch({ vehicles })} />
        {fromShipments ? null : <EditorStops plan={plan} onChange={(stops) => patch({ stops })} />}
        <Card size="small">
          <Flex justify="space-between" align="center" gap={16} wrap>
            <DemandSummary plan={shipments ? { ...plan, stops: shipments.items.map((i) => i.stop) } : plan} />
            <Button
              type="primary"
              size="large"
              icon={<PlayCircleOutlined />}
              onClick={run}
              loading={busy === 'run'}
              disabled={
                (fromShipments ? !shipments?.items.length : !plan.stops.length) || !plan.vehicles.length
              }
              data-testid="plan-run"
            >
              {fromShipments
                ? t('dispatch.run', { seconds: plan.timeLimitSeconds ?? 30 })
                : t('routePlan.editor.run', { seconds: plan.timeLimitSeconds ?? 30 })}
            </Button>
          </Flex>
        </Card>
      </Space>
    </>
  );
}
