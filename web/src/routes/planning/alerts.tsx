import { CheckOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Badge,
  Button,
  Card,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSkusById } from '../../api/inventory';
import {
  ALERT_KINDS,
  acknowledgeAlert,
  type PlanningAlert,
  startReview,
  useAlertCounts,
  useAlerts,
} from '../../api/planning';
import { CursorPager } from '../../components/cursor-pager';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { formatDateTime } from '../../lib/format';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { SkuCell } from '../inventory/stock';
import { SeverityTag, usePlanningJob, useWarehouseLabels } from './planning-shared';

type Status = PlanningAlert['status'];

/** /planning/alerts — 预警: stock-out risk, overstock, slow movers, near-expiry lots; acknowledge. */
export function PlanningAlertsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  // A notice links here narrowed to its SKU, warehouse and kind (?kind=…&warehouseId=…&skuId=…).
  const [params] = useSearchParams();
  const linkedKind = params.get('kind');
  const [kind, setKind] = useState<PlanningAlert['kind'] | undefined>(
    (ALERT_KINDS as readonly string[]).includes(linkedKind ?? '')
      ? (linkedKind as PlanningAlert['kind'])
      : undefined,
  );
  const [status, setStatus] = useState<Status | undefined>();
  const [warehouseId, setWarehouseId] = useState<string | undefined>(params.get('warehouseId') ?? undefined);
  const [skuId, setSkuId] = useState<string | undefined>(params.get('skuId') ?? undefined);
  const [acking, setAcking] = useState<PlanningAlert | null>(null);
  const [note, setNote] = useState('');
  const pager = useCursorPager(`${kind}|${status}|${warehouseId}|${skuId}`, 50);
  const alerts = useAlerts({
    limit: pager.pageSize,
    ...(pager.cursor ? { cursor: pager.cursor } : {}),
    ...(kind ? { kind } : {}),
    ...(status ? { status } : {}),
    ...(warehouseId ? { warehouseId } : {}),
    ...(skuId ? { skuId } : {}),
  });
  const counts = useAlertCounts();
  const rows = alerts.data?.items ?? [];
  const skus = useSkusById([...rows.map((r) => r.skuId), ...(skuId ? [skuId] : [])], can(PERM.skuRead));
  const warehouses = useWarehouseLabels();
  const job = usePlanningJob();
  const openCount = (k: PlanningAlert['kind']) =>
    (counts.data ?? []).filter((c) => c.kind === k).reduce((s, c) => s + c.count, 0);

  const acknowledge = async () => {
    if (!acking) return;
    try {
      await acknowledgeAlert(acking.id, note.trim() || undefined);
      message.success(t('planning.alerts.acknowledged'));
      setAcking(null);
      setNote('');
      void queryClient.invalidateQueries({ queryKey: ['planning', 'alerts'] });
    } catch (error) {
      notifyError(error);
    }
  };

  const columns: TableColumnsType<PlanningAlert> = [
    {
      key: 'severity',
      title: t('planning.alerts.col.severity'),
      width: 90,
      render: (_, a) => <SeverityTag severity={a.severity} />,
    },
    {
      key: 'kind',
      title: t('planning.alerts.col.kind'),
      width: 110,
      render: (_, a) => t(`planning.alerts.kind.${a.kind}`),
    },
    {
      key: 'sku',
      title: t('planning.alerts.col.sku'),
      width: 220,
      render: (_, a) => <SkuCell skuId={a.skuId} sku={skus.get(a.skuId)} lang={lang} link={false} />,
    },
    {
      key: 'warehouse',
      title: t('planning.alerts.col.warehouse'),
      width: 180,
      ellipsis: true,
      render: (_, a) => (
        <Link to={`/planning/forecasts/${a.skuId}/${a.warehouseId}`}>{warehouses.label(a.warehouseId)}</Link>
      ),
    },
    { key: 'message', title: t('planning.alerts.col.message'), render: (_, a) => a.message },
    {
      key: 'raised',
      title: t('planning.alerts.col.raised'),
      width: 150,
      render: (_, a) => formatDateTime(a.firstRaisedAt),
    },
    {
      key: 'status',
      title: t('planning.alerts.col.status'),
      width: 170,
      render: (_, a) => (
        <Space direction="vertical" size={0}>
          <Tag color={a.status === 'open' ? 'red' : a.status === 'acknowledged' ? 'blue' : 'default'}>
            {t(`planning.alerts.status.${a.status}`)}
          </Tag>
          {a.acknowledgedBy ? (
            <span style={{ fontSize: 12, opacity: 0.7 }}>
              {a.acknowledgedBy}
              {a.ackNote ? `: ${a.ackNote}` : ''}
            </span>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      width: 100,
      fixed: 'right',
      render: (_, a) =>
        a.status === 'open' && can(PERM.planningAlertAck) ? (
          <Button
            type="link"
            size="small"
            icon={<CheckOutlined />}
            onClick={() => setAcking(a)}
            data-testid="alert-ack"
          >
            {t('planning.alerts.acknowledge')}
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('planning.alerts.title')}
        subtitle={t('planning.alerts.subtitle')}
        extra={
          can(PERM.planningRun) ? (
            <Button
              icon={<ReloadOutlined />}
              disabled={job.running}
              onClick={() => void job.start(() => startReview(), t('planning.job.reviewStarted'))}
              data-testid="alerts-review"
            >
              {t('planning.alerts.runReview')}
            </Button>
          ) : null
        }
      />
      {job.view}
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            placeholder={t('planning.alerts.col.kind')}
            value={kind}
            onChange={setKind}
            style={{ width: 200 }}
            options={ALERT_KINDS.map((k) => ({
              value: k,
              label: (
                <Space>
                  {t(`planning.alerts.kind.${k}`)}
                  <Badge count={openCount(k)} size="small" />
                </Space>
              ),
            }))}
          />
          <Select
            allowClear
            placeholder={t('planning.alerts.col.status')}
            value={status}
            onChange={setStatus}
            style={{ width: 160 }}
            options={(['open', 'acknowledged', 'resolved'] as const).map((s) => ({
              value: s,
              label: t(`planning.alerts.status.${s}`),
            }))}
          />
          <Select
            allowClear
            placeholder={t('planning.forecasts.warehouse')}
            value={warehouseId}
            onChange={setWarehouseId}
            style={{ width: 240 }}
            options={warehouses.list.map((w) => ({ value: w.id, label: warehouses.label(w.id) }))}
          />
          {skuId ? (
            <Tag closable onClose={() => setSkuId(undefined)} data-testid="alert-sku-filter">
              {skus.get(skuId)?.code ?? skuId}
            </Tag>
          ) : null}
        </Flex>
        {alerts.isError ? (
          <QueryError error={alerts.error} onRetry={() => void alerts.refetch()} />
        ) : (
          <Table<PlanningAlert>
            rowKey="id"
            size="middle"
            loading={alerts.isFetching}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1300 }}
            locale={{ emptyText: t('planning.alerts.empty') }}
            data-testid="alert-table"
          />
        )}
        <CursorPager pager={pager} nextCursor={alerts.data?.nextCursor ?? null} loading={alerts.isFetching} />
      </Card>
      <Modal
        open={!!acking}
        title={t('planning.alerts.ackTitle')}
        onCancel={() => setAcking(null)}
        onOk={() => void acknowledge()}
        destroyOnHidden
      >
        <p>{acking?.message}</p>
        <Form layout="vertical">
          <Form.Item label={t('planning.alerts.note')}>
            <Input.TextArea rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
