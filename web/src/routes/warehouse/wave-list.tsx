import { ClockCircleOutlined, PlusOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useWarehouses } from '../../api/org';
import {
  type OutboundSummary,
  type ProposedWave,
  useOutboundPage,
  useProposal,
  useWaveActions,
  useWavePage,
  WAVE_STATUSES,
  type WaveStatus,
  type WaveSummary,
} from '../../api/outbound';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { warehouseLabel } from '../inventory/stock';
import { WaveCutoffsDrawer } from './wave-cutoffs';
import { CarrierName, Cutoff, TemperatureTag, WaveStatusTag } from './wave-tags';

/** The warehouse the user works in: the first they may use, chosen once. */
export function useWarehouseChoice() {
  const warehouses = useWarehouses();
  const [warehouseId, setWarehouseId] = useState<string>();
  useEffect(() => {
    if (!warehouseId && warehouses.data?.length) setWarehouseId(warehouses.data[0].id);
  }, [warehouseId, warehouses.data]);
  return { warehouses, warehouseId, setWarehouseId };
}

export function WarehouseSelect({ choice }: { choice: ReturnType<typeof useWarehouseChoice> }) {
  const lang = useLang();
  const byId = useMemo(
    () => new Map((choice.warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [choice.warehouses.data],
  );
  if ((choice.warehouses.data?.length ?? 0) < 2) return null;
  return (
    <Select
      style={{ width: 240 }}
      value={choice.warehouseId}
      onChange={choice.setWarehouseId}
      options={(choice.warehouses.data ?? []).map((w) => ({
        value: w.id,
        label: warehouseLabel(byId, w.id, lang),
      }))}
    />
  );
}

/**
 * /warehouse/waves — the wave planner (波次): the automatic proposal (same truck, same temperature
 * class, same zones), the released orders waiting for a wave to pick by hand, and the waves.
 */
export function WaveListPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const can = useCan();
  const canWrite = can(PERM.waveWrite);
  const choice = useWarehouseChoice();
  const { warehouseId } = choice;
  const [status, setStatus] = useState<WaveStatus>();
  const [selected, setSelected] = useState<string[]>([]);
  const [cutoffsOpen, setCutoffsOpen] = useState(false);
  const proposal = useProposal(warehouseId);
  const waiting = useOutboundPage({ warehouseId, status: 'open', limit: 200 }, Boolean(warehouseId));
  const waves = useWavePage({ warehouseId, status, limit: 50 }, Boolean(warehouseId));
  const actions = useWaveActions();

  const create = (outboundIds: string[], origin: 'proposal' | 'manual') =>
    actions.create.mutate(
      { warehouseId: warehouseId!, outboundIds, origin },
      {
        onSuccess: (wave) => {
          message.success(t('outbound.waveCreated', { number: wave.number }));
          setSelected([]);
          navigate(`/warehouse/waves/${wave.id}`);
        },
        onError: (e) => notifyError(e),
      },
    );

  const proposalColumns: TableColumnsType<ProposedWave> = [
    { title: t('outbound.col.cutoff'), key: 'cutoff', render: (_, w) => <Cutoff at={w.cutoffAt} /> },
    {
      title: t('outbound.col.carrier'),
      key: 'carrier',
      render: (_, w) => <CarrierName code={w.carrier} fallback={w.carrierName} />,
    },
    {
      title: t('outbound.col.temperature'),
      key: 'temp',
      render: (_, w) => <TemperatureTag value={w.temperatureClass} />,
    },
    {
      title: t('outbound.col.zones'),
      dataIndex: 'zoneKey',
      render: (z: string) => <span className="mono">{z}</span>,
    },
    { title: t('outbound.col.orders'), dataIndex: 'orders', align: 'right' },
    { title: t('outbound.col.units'), dataIndex: 'units', align: 'right' },
    {
      title: '',
      key: 'go',
      render: (_, w) =>
        canWrite ? (
          <Button
            size="small"
            type="primary"
            icon={<ThunderboltOutlined />}
            loading={actions.create.isPending}
            onClick={() => create(w.outboundIds, 'proposal')}
          >
            {t('outbound.createWave')}
          </Button>
        ) : null,
    },
  ];

  const waitingColumns: TableColumnsType<OutboundSummary> = [
    {
      title: t('outbound.col.number'),
      dataIndex: 'number',
      render: (n: string) => <span className="mono">{n}</span>,
    },
    {
      title: t('outbound.col.order'),
      dataIndex: 'orderNumber',
      render: (n: string) => <span className="mono">{n}</span>,
    },
    { title: t('outbound.col.cutoff'), key: 'cutoff', render: (_, o) => <Cutoff at={o.cutoffAt} /> },
    {
      title: t('outbound.col.carrier'),
      key: 'carrier',
      render: (_, o) => <CarrierName code={o.carrier} fallback={o.carrierName} />,
    },
    {
      title: t('outbound.col.temperature'),
      key: 'temp',
      render: (_, o) => <TemperatureTag value={o.temperatureClass} />,
    },
    {
      title: t('outbound.col.zones'),
      dataIndex: 'zoneKey',
      render: (z: string) => <span className="mono">{z}</span>,
    },
    { title: t('outbound.col.units'), dataIndex: 'units', align: 'right' },
  ];

  const waveColumns: TableColumnsType<WaveSummary> = [
    {
      title: t('outbound.col.number'),
      dataIndex: 'number',
      render: (n: string, w) => (
        <Link to={`/warehouse/waves/${w.id}`} className="mono">
          {n}
        </Link>
      ),
    },
    {
      title: t('outbound.col.status'),
      dataIndex: 'status',
      render: (s: WaveStatus) => <WaveStatusTag value={s} />,
    },
    { title: t('outbound.col.cutoff'), key: 'cutoff', render: (_, w) => <Cutoff at={w.cutoffAt} /> },
    {
      title: t('outbound.col.carrier'),
      key: 'carrier',
      render: (_, w) => <CarrierName code={w.carrier} fallback={w.carrierName} />,
    },
    {
      title: t('outbound.col.temperature'),
      key: 'temp',
      render: (_, w) => <TemperatureTag value={w.temperatureClass} />,
    },
    { title: t('outbound.col.orders'), dataIndex: 'orders', align: 'right' },
    { title: t('outbound.col.pickLists'), dataIndex: 'pickLists', align: 'right' },
    {
      title: t('outbound.col.origin'),
      dataIndex: 'origin',
      render: (o: 'proposal' | 'manual') => <Tag>{t(`outbound.origin.${o as 'proposal' | 'manual'}`)}</Tag>,
    },
    { title: t('outbound.col.created'), key: 'created', render: (_, w) => <DateTime value={w.createdAt} /> },
  ];

  return (
    <>
      <PageHeader
        title={t('outbound.wavesTitle')}
        subtitle={t('outbound.wavesSubtitle')}
        extra={
          <Flex gap={8}>
            <WarehouseSelect choice={choice} />
            <Button
              icon={<ClockCircleOutlined />}
              onClick={() => setCutoffsOpen(true)}
              disabled={!warehouseId}
            >
              {t('outbound.cutoffs')}
            </Button>
          </Flex>
        }
      />
      <Card
        title={t('outbound.proposalTitle', { count: proposal.data?.waiting ?? 0 })}
        style={{ marginBottom: 16 }}
      >
        {proposal.isError ? (
          <QueryError error={proposal.error} onRetry={() => void proposal.refetch()} />
        ) : (
          <Table
            rowKey="key"
            size="small"
            loading={proposal.isLoading}
            columns={proposalColumns}
            dataSource={proposal.data?.waves ?? []}
            pagination={false}
            locale={{ emptyText: <Empty description={t('outbound.noProposal')} /> }}
          />
        )}
      </Card>
      <Card
        title={t('outbound.waitingTitle')}
        style={{ marginBottom: 16 }}
        extra={
          canWrite ? (
            <Button
              icon={<PlusOutlined />}
              disabled={!selected.length}
              loading={actions.create.isPending}
              onClick={() => create(selected, 'manual')}
            >
              {t('outbound.createFromSelection', { count: selected.length })}
            </Button>
          ) : null
        }
      >
        <Table
          rowKey="id"
          size="small"
          loading={waiting.isLoading}
          columns={waitingColumns}
          dataSource={waiting.data?.items ?? []}
          rowSelection={
            canWrite
              ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }
              : undefined
          }
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
        />
      </Card>
      <Card
        title={t('outbound.wavesList')}
        extra={
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('outbound.col.status')}
            value={status}
            onChange={setStatus}
            options={WAVE_STATUSES.map((s) => ({ value: s, label: t(`outbound.waveStatus.${s}`) }))}
          />
        }
      >
        {waves.isError && !waves.data ? (
          <QueryError error={waves.error} onRetry={() => void waves.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            loading={waves.isLoading}
            columns={waveColumns}
            dataSource={waves.data?.items ?? []}
            pagination={false}
          />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('outbound.wavesHint')}
        </Typography.Paragraph>
      </Card>
      {warehouseId ? (
        <WaveCutoffsDrawer
          warehouseId={warehouseId}
          open={cutoffsOpen}
          onClose={() => setCutoffsOpen(false)}
          canWrite={canWrite}
        />
      ) : null}
    </>
  );
}
