import { CheckCircleOutlined, PrinterOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  type OutboundSummary,
  openLabels,
  type PickListSummary,
  useWave,
  useWaveActions,
} from '../../api/outbound';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useNotifyError } from '../../lib/use-notify-error';
import {
  CarrierName,
  Cutoff,
  metres,
  OutboundStatusTag,
  PickListStatusTag,
  TemperatureTag,
  WaveStatusTag,
} from './wave-tags';

/**
 * /warehouse/waves/:id — one wave: release it into batch pick lists (with the route against an
 * S-shape walk), follow picking and packing, print the wave's labels in one batch, close it.
 */
export function WaveDetailPage() {
  const { id } = useParams<{ id: string }>();
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const can = useCan();
  const wave = useWave(id);
  const actions = useWaveActions();
  const [printing, setPrinting] = useState(false);
  if (wave.isError && !wave.data)
    return <QueryError error={wave.error} onRetry={() => void wave.refetch()} />;
  const w = wave.data;
  if (!w) return <Card loading />;
  const canWrite = can(PERM.waveWrite);
  const parcels = w.outbounds.reduce((s, o) => s + o.parcels, 0);
  const done = (key: 'outbound.waveCancelled' | 'outbound.waveReleased' | 'outbound.waveClosed') => () =>
    message.success(t(key, { number: w.number }));

  const cancel = () => {
    let reason = '';
    modal.confirm({
      title: t('outbound.cancelWave', { number: w.number }),
      content: (
        <Input.TextArea
          rows={2}
          maxLength={300}
          placeholder={t('outbound.reason')}
          onChange={(e) => {
            reason = e.target.value;
          }}
        />
      ),
      okButtonProps: { danger: true },
      onOk: () =>
        actions.cancel
          .mutateAsync({ id: w.id, reason: reason.trim() || '-' })
          .then(done('outbound.waveCancelled'), notifyError),
    });
  };
  const print = async () => {
    setPrinting(true);
    try {
      await openLabels(`/api/warehouse/waves/${w.id}/labels`);
    } catch (e) {
      notifyError(e);
    } finally {
      setPrinting(false);
    }
  };

  const listColumns: TableColumnsType<PickListSummary> = [
    {
      title: t('outbound.col.number'),
      dataIndex: 'number',
      render: (n: string, l) => (
        <Link to={`/warehouse/pick-lists/${l.id}`} className="mono">
          {n}
        </Link>
      ),
    },
    {
      title: t('outbound.col.zone'),
      key: 'zone',
      render: (_, l) => (
        <>
          {l.zoneCode ?? '—'}{' '}
          {l.supplementary ? <Tag color="orange">{t('outbound.supplementary')}</Tag> : null}
        </>
      ),
    },
    {
      title: t('outbound.col.temperature'),
      key: 'temp',
      render: (_, l) => <TemperatureTag value={l.temperatureClass} />,
    },
    {
      title: t('outbound.col.status'),
      dataIndex: 'status',
      render: (s: PickListSummary['status']) => <PickListStatusTag value={s} />,
    },
    {
      title: t('outbound.col.tasks'),
      key: 'tasks',
      render: (_, l) => `${l.tasks - l.openTasks} / ${l.tasks}`,
    },
    { title: t('outbound.col.route'), key: 'route', align: 'right', render: (_, l) => metres(l.routeMm) },
    { title: t('outbound.col.sShape'), key: 'sshape', align: 'right', render: (_, l) => metres(l.sShapeMm) },
    {
      title: t('outbound.col.saving'),
      dataIndex: 'savingPct',
      align: 'right',
      render: (p: number) => `${p}%`,
    },
    { title: t('outbound.col.picker'), dataIndex: 'pickerName', render: (p: string | null) => p ?? '—' },
    {
      title: t('outbound.col.wrongScans'),
      dataIndex: 'wrongScans',
      align: 'right',
      render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0),
    },
  ];
  const outboundColumns: TableColumnsType<OutboundSummary> = [
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
    {
      title: t('outbound.col.status'),
      dataIndex: 'status',
      render: (s: OutboundSummary['status']) => <OutboundStatusTag value={s} />,
    },
    {
      title: t('outbound.col.units'),
      key: 'units',
      align: 'right',
      render: (_, o) => `${o.pickedUnits} / ${o.units}${o.shortUnits ? ` (−${o.shortUnits})` : ''}`,
    },
    { title: t('outbound.col.parcels'), dataIndex: 'parcels', align: 'right' },
    {
      title: '',
      key: 'pack',
      render: (_, o) =>
        ['picked', 'packing', 'packed'].includes(o.status) ? (
          <Link to={`/warehouse/pack?outbound=${o.id}`}>{t('outbound.toPacking')}</Link>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('outbound.waveTitle', { number: w.number })}
        tags={<WaveStatusTag value={w.status} />}
        backTo="/warehouse/waves"
        extra={
          <Space wrap>
            {canWrite && w.status === 'planned' ? (
              <Button
                type="primary"
                icon={<SendOutlined />}
                loading={actions.release.isPending}
                onClick={() =>
                  actions.release.mutate(w.id, {
                    onSuccess: done('outbound.waveReleased'),
                    onError: (e) => notifyError(e),
                  })
                }
              >
                {t('outbound.release')}
              </Button>
            ) : null}
            {canWrite && (w.status === 'planned' || w.status === 'released') ? (
              <Button danger icon={<StopOutlined />} onClick={cancel}>
                {t('outbound.cancel')}
              </Button>
            ) : null}
            {canWrite && w.status === 'packed' ? (
              <Button
                icon={<CheckCircleOutlined />}
                onClick={() =>
                  actions.close.mutate(w.id, {
                    onSuccess: done('outbound.waveClosed'),
                    onError: (e) => notifyError(e),
                  })
                }
              >
                {t('outbound.close')}
              </Button>
            ) : null}
            {can(PERM.pack) && parcels > 0 ? (
              <Button icon={<PrinterOutlined />} loading={printing} onClick={() => void print()}>
                {t('outbound.printWaveLabels', { count: parcels })}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={32} wrap style={{ marginBottom: 16 }}>
          <Statistic title={t('outbound.routeTotal')} value={metres(w.routeMm)} />
          <Statistic title={t('outbound.sShapeTotal')} value={metres(w.sShapeMm)} />
          <Statistic title={t('outbound.col.saving')} value={`${w.savingPct}%`} />
          <Statistic title={t('outbound.col.orders')} value={w.orders} />
        </Flex>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('outbound.col.carrier')}>
            <CarrierName code={w.carrier} fallback={w.carrierName} />
          </Descriptions.Item>
          <Descriptions.Item label={t('outbound.col.cutoff')}>
            <Cutoff at={w.cutoffAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('outbound.col.temperature')}>
            <TemperatureTag value={w.temperatureClass} />
          </Descriptions.Item>
          <Descriptions.Item label={t('outbound.col.zones')}>
            {w.zoneKey ?? t('outbound.mixed')}
          </Descriptions.Item>
          <Descriptions.Item label={t('outbound.col.origin')}>
            {t(`outbound.origin.${w.origin}`)}
          </Descriptions.Item>
          <Descriptions.Item label={t('outbound.col.created')}>
            {w.createdByName} · <DateTime value={w.createdAt} />
          </Descriptions.Item>
          {w.note ? <Descriptions.Item label={t('outbound.note')}>{w.note}</Descriptions.Item> : null}
          {w.cancelReason ? (
            <Descriptions.Item label={t('outbound.reason')}>{w.cancelReason}</Descriptions.Item>
          ) : null}
        </Descriptions>
      </Card>
      <Card title={t('outbound.pickListsTitle')} style={{ marginBottom: 16 }}>
        <Table rowKey="id" size="small" columns={listColumns} dataSource={w.pickLists} pagination={false} />
      </Card>
      <Flex gap={16} wrap>
        <Card title={t('outbound.ordersTitle')} style={{ flex: '2 1 520px' }}>
          <Table
            rowKey="id"
            size="small"
            columns={outboundColumns}
            dataSource={w.outbounds}
            pagination={false}
          />
        </Card>
        <Card title={t('outbound.history')} style={{ flex: '1 1 300px' }}>
          <Timeline
            items={w.history.map((h) => ({
              key: `${h.at}${h.toStatus}`,
              color: h.toStatus === 'cancelled' ? 'red' : 'blue',
              content: (
                <>
                  {t(`outbound.waveStatus.${h.toStatus}`)} · {h.actorName} · <DateTime value={h.at} />
                  {h.note ? <div style={{ color: '#8c8c8c' }}>{h.note}</div> : null}
                </>
              ),
            }))}
          />
        </Card>
      </Flex>
    </>
  );
}
