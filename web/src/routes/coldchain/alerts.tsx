import { CheckOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Empty, Flex, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Alert, type AlertQuery, useAcknowledgeAlert, useAlerts } from '../../api/coldchain';
import { useWarehouses } from '../../api/org';
import { CursorPager } from '../../components/cursor-pager';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { formatDateTime } from '../../lib/format';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { oneOf, useUrlFilters } from '../../lib/use-url-filters';
import { warehouseLabel } from '../inventory/stock';
import { formatDc, SeverityTag } from './coldchain-tags';

const KINDS = ['temperature_excursion', 'stock_expired'] as const;
const STATES = ['open', 'acknowledged', 'all'] as const;
const parse = (p: URLSearchParams) => ({
  warehouseId: p.get('warehouseId') ?? '',
  kind: oneOf(KINDS, p.get('kind')),
  state: oneOf(STATES, p.get('state') ?? 'open'),
});

/** The alert's text from its parameters, in the user's language. */
export function alertText(t: TFunction, a: Alert): string {
  const p = a.params as Record<string, unknown>;
  const lost =
    Array.isArray(p.lostOrders) && p.lostOrders.length
      ? ` ${t('coldchain.alerts.lostOrders', { orders: p.lostOrders.join('、') })}`
      : '';
  if (a.kind === 'stock_expired')
    return t('coldchain.alerts.expiredText', { day: p.day, lines: p.lines, qty: p.qty }) + lost;
  return (
    t('coldchain.alerts.excursionText', {
      zone: p.zoneCode,
      direction: t(p.direction === 'low' ? 'coldchain.alerts.low' : 'coldchain.alerts.high'),
      peak: formatDc(Number(p.peakDc)),
      min: formatDc(Number(p.minDc)),
      max: formatDc(Number(p.maxDc)),
      started: formatDateTime(String(p.startedAt)),
      lines: p.heldLines ?? 0,
      qty: p.heldQty ?? 0,
      hold: p.holdDocNo ? t('coldchain.alerts.holdRef', { docNo: p.holdDocNo }) : '',
    }) + lost
  );
}

/** /inventory/alerts — warehouse alerts, acknowledged by a user with a note. */
export function AlertsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { filters, update } = useUrlFilters(parse);
  const pager = useCursorPager(JSON.stringify(filters));
  const query = useMemo<AlertQuery>(
    () => ({
      limit: pager.pageSize,
      ...(pager.cursor ? { cursor: pager.cursor } : {}),
      ...(filters.warehouseId ? { warehouseId: filters.warehouseId } : {}),
      ...(filters.kind ? { kind: filters.kind } : {}),
      ...(filters.state && filters.state !== 'all' ? { state: filters.state } : {}),
    }),
    [filters, pager.cursor, pager.pageSize],
  );
  const alerts = useAlerts(query);
  const warehouses = useWarehouses(can(PERM.warehouseRead));
  const byId = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );
  const ack = useAcknowledgeAlert();
  const [acking, setAcking] = useState<Alert | null>(null);
  const [note, setNote] = useState('');

  const confirm = () =>
    acking &&
    ack.mutate(
      { id: acking.id, note: note.trim() || undefined },
      {
        onSuccess: () => {
          message.success(t('coldchain.alerts.acked'));
          setAcking(null);
          setNote('');
        },
        onError: (error) => notifyError(error),
      },
    );

  return (
    <>
      <PageHeader
        title={t('coldchain.alerts.title')}
        subtitle={t('coldchain.alerts.subtitle')}
        tags={
          alerts.data?.openCount ? (
            <Badge
              count={alerts.data.openCount}
              title={t('coldchain.alerts.openCount', { count: alerts.data.openCount })}
            />
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" className="filter-bar">
          <Select
            allowClear
            placeholder={t('layout.allWarehouses')}
            value={filters.warehouseId || undefined}
            onChange={(v) => update({ warehouseId: v ?? '' })}
            style={{ width: 220 }}
            options={(warehouses.data ?? []).map((w) => ({
              value: w.id,
              label: `${w.code} · ${localName(w, lang)}`,
            }))}
          />
          <Select
            allowClear
            placeholder={t('coldchain.alerts.kindFilter')}
            value={filters.kind || undefined}
            onChange={(v) => update({ kind: v ?? '' })}
            style={{ width: 180 }}
            options={KINDS.map((k) => ({ value: k, label: t(`coldchain.alerts.kind.${k}`) }))}
          />
          <Select
            value={filters.state || 'open'}
            onChange={(v) => update({ state: v })}
            style={{ width: 140 }}
            data-testid="alert-state"
            options={[
              { value: 'open', label: t('coldchain.alerts.open') },
              { value: 'acknowledged', label: t('coldchain.alerts.acknowledged') },
              { value: 'all', label: t('common.all') },
            ]}
          />
        </Flex>
        {alerts.isError && !alerts.data ? (
          <QueryError error={alerts.error} onRetry={() => void alerts.refetch()} />
        ) : (
          <>
            <Table<Alert>
              rowKey="id"
              data-testid="alert-table"
              size="middle"
              loading={alerts.isFetching}
              dataSource={alerts.data?.items ?? []}
              pagination={false}
              scroll={{ x: 1100 }}
              locale={{
                emptyText: alerts.isPending ? ' ' : <Empty description={t('coldchain.alerts.empty')} />,
              }}
              columns={[
                {
                  key: 'severity',
                  title: t('coldchain.alerts.col.severity'),
                  width: 90,
                  render: (_, a) => <SeverityTag value={a.severity} />,
                },
                {
                  key: 'kind',
                  title: t('coldchain.alerts.col.kind'),
                  width: 120,
                  render: (_, a) => t(`coldchain.alerts.kind.${a.kind}`),
                },
                {
                  key: 'warehouse',
                  title: t('coldchain.alerts.col.warehouse'),
                  width: 180,
                  ellipsis: true,
                  render: (_, a) => warehouseLabel(byId, a.warehouseId, lang),
                },
                {
                  key: 'message',
                  title: t('coldchain.alerts.col.message'),
                  render: (_, a) => alertText(t, a),
                },
                {
                  key: 'raised',
                  title: t('coldchain.alerts.col.raised'),
                  width: 150,
                  render: (_, a) => <DateTime value={a.raisedAt} />,
                },
                {
                  key: 'state',
                  title: t('coldchain.alerts.col.state'),
                  width: 220,
                  render: (_, a) =>
                    a.acknowledgedAt ? (
                      <div>
                        <Tag color="green">{t('coldchain.alerts.acked')}</Tag>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('coldchain.alerts.ackedBy', {
                            name: a.acknowledgedByName,
                            at: formatDateTime(a.acknowledgedAt),
                          })}
                        </Typography.Text>
                        {a.ackNote ? <div style={{ fontSize: 12 }}>{a.ackNote}</div> : null}
                      </div>
                    ) : can(PERM.alertAck) ? (
                      <Button
                        size="small"
                        icon={<CheckOutlined />}
                        onClick={() => setAcking(a)}
                        data-testid="alert-ack"
                      >
                        {t('coldchain.alerts.ack')}
                      </Button>
                    ) : (
                      <Tag color="red">{t('coldchain.alerts.open')}</Tag>
                    ),
                },
              ]}
            />
            <CursorPager pager={pager} nextCursor={alerts.data?.nextCursor} loading={alerts.isFetching} />
          </>
        )}
      </Card>
      <Modal
        open={Boolean(acking)}
        title={t('coldchain.alerts.ackTitle')}
        onCancel={() => setAcking(null)}
        onOk={confirm}
        okText={t('coldchain.alerts.ack')}
        confirmLoading={ack.isPending}
        destroyOnHidden
      >
        {acking ? <Typography.Paragraph>{alertText(t, acking)}</Typography.Paragraph> : null}
        <Input.TextArea
          rows={3}
          maxLength={500}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          placeholder={t('coldchain.alerts.ackNote')}
          data-testid="alert-ack-note"
        />
      </Modal>
    </>
  );
}
