import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  type Incident,
  type IncidentQuery,
  useIncidentAction,
  useIncidents,
} from '../../api/coldchain';
import { useWarehouses } from '../../api/org';
import { CursorPager } from '../../components/cursor-pager';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { oneOf, useUrlFilters } from '../../lib/use-url-filters';
import { formatQty, warehouseLabel } from '../inventory/stock';
import { IncidentKindTag, IncidentStatusTag } from './coldchain-tags';
import { IncidentFormDrawer } from './incident-form-drawer';

const parse = (p: URLSearchParams) => ({
  warehouseId: p.get('warehouseId') ?? '',
  kind: oneOf(INCIDENT_KINDS, p.get('kind')),
  status: oneOf(INCIDENT_STATUSES, p.get('status')),
});

/** /inventory/incidents — damage, loss, theft and fire with the stock they wrote off. */
export function IncidentsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const { filters, update } = useUrlFilters(parse);
  const pager = useCursorPager(JSON.stringify(filters));
  const query = useMemo<IncidentQuery>(
    () => ({
      limit: pager.pageSize,
      ...(pager.cursor ? { cursor: pager.cursor } : {}),
      ...(filters.warehouseId ? { warehouseId: filters.warehouseId } : {}),
      ...(filters.kind ? { kind: filters.kind } : {}),
      ...(filters.status ? { status: filters.status } : {}),
    }),
    [filters, pager.cursor, pager.pageSize],
  );
  const incidents = useIncidents(query);
  const warehouses = useWarehouses(can(PERM.warehouseRead));
  const byId = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );
  const action = useIncidentAction();
  const [creating, setCreating] = useState(false);

  const act = (i: Incident, kind: 'post' | 'cancel') =>
    action.mutate(
      { id: i.id, action: kind },
      {
        onSuccess: () =>
          message.success(kind === 'post' ? t('coldchain.incidents.posted') : t('common.saved')),
        onError: (error) => notifyError(error),
      },
    );

  return (
    <>
      <PageHeader
        title={t('coldchain.incidents.title')}
        subtitle={t('coldchain.incidents.subtitle')}
        extra={
          can(PERM.incidentWrite) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="incident-create"
            >
              {t('coldchain.incidents.create')}
            </Button>
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
            placeholder={t('coldchain.incidents.col.kind')}
            value={filters.kind || undefined}
            onChange={(v) => update({ kind: v ?? '' })}
            style={{ width: 140 }}
            options={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`coldchain.incidents.kind.${k}`) }))}
          />
          <Select
            allowClear
            placeholder={t('coldchain.incidents.col.status')}
            value={filters.status || undefined}
            onChange={(v) => update({ status: v ?? '' })}
            style={{ width: 140 }}
            options={INCIDENT_STATUSES.map((s) => ({
              value: s,
              label: t(`coldchain.incidents.status.${s}`),
            }))}
          />
        </Flex>
        {incidents.isError && !incidents.data ? (
          <QueryError error={incidents.error} onRetry={() => void incidents.refetch()} />
        ) : (
          <>
            <Table<Incident>
              rowKey="id"
              data-testid="incident-table"
              size="middle"
              loading={incidents.isFetching}
              dataSource={incidents.data?.items ?? []}
              pagination={false}
              scroll={{ x: 1300 }}
              locale={{
                emptyText: incidents.isPending ? ' ' : <Empty description={t('coldchain.incidents.empty')} />,
              }}
              expandable={{
                expandedRowRender: (i) => (
                  <Space direction="vertical" size={4}>
                    {i.lines.map((l) => (
                      <Typography.Text key={l.lineNo} className="mono">
                        {l.lineNo}. {l.binCode} · {l.lotCode ?? '—'} · {t(`stockStatus.${l.status}`)} ×{' '}
                        {l.qty}
                      </Typography.Text>
                    ))}
                    {i.photos.map((p) => (
                      <Typography.Text key={p} type="secondary" copyable>
                        {p}
                      </Typography.Text>
                    ))}
                  </Space>
                ),
              }}
              columns={[
                {
                  key: 'docNo',
                  title: t('coldchain.incidents.col.docNo'),
                  dataIndex: 'docNo',
                  width: 190,
                  render: (v: string) => <span className="mono">{v}</span>,
                },
                {
                  key: 'kind',
                  title: t('coldchain.incidents.col.kind'),
                  width: 90,
                  render: (_, i) => <IncidentKindTag value={i.kind} />,
                },
                {
                  key: 'warehouse',
                  title: t('coldchain.incidents.col.warehouse'),
                  width: 180,
                  ellipsis: true,
                  render: (_, i) => warehouseLabel(byId, i.warehouseId, lang),
                },
                {
                  key: 'occurred',
                  title: t('coldchain.incidents.col.occurred'),
                  width: 150,
                  render: (_, i) => <DateTime value={i.occurredAt} />,
                },
                {
                  key: 'description',
                  title: t('coldchain.incidents.col.description'),
                  dataIndex: 'description',
                  ellipsis: true,
                },
                {
                  key: 'qty',
                  title: t('coldchain.incidents.col.qty'),
                  dataIndex: 'totalQty',
                  width: 80,
                  align: 'right',
                  render: formatQty,
                },
                {
                  key: 'status',
                  title: t('coldchain.incidents.col.status'),
                  width: 100,
                  render: (_, i) => <IncidentStatusTag value={i.status} />,
                },
                {
                  key: 'reporter',
                  title: t('coldchain.incidents.col.reporter'),
                  dataIndex: 'reportedByName',
                  width: 110,
                },
                {
                  key: 'actions',
                  title: t('common.actions'),
                  width: 170,
                  fixed: 'right',
                  render: (_, i) =>
                    i.status === 'draft' ? (
                      <Space>
                        {can(PERM.incidentPost) ? (
                          <Popconfirm
                            title={t('coldchain.incidents.postConfirm')}
                            onConfirm={() => act(i, 'post')}
                          >
                            <Button size="small" type="primary" data-testid="incident-post">
                              {t('coldchain.incidents.post')}
                            </Button>
                          </Popconfirm>
                        ) : null}
                        {can(PERM.incidentWrite) ? (
                          <Popconfirm
                            title={t('coldchain.incidents.cancelConfirm')}
                            onConfirm={() => act(i, 'cancel')}
                          >
                            <Button size="small">{t('coldchain.incidents.cancel')}</Button>
                          </Popconfirm>
                        ) : null}
                      </Space>
                    ) : null,
                },
              ]}
            />
            <CursorPager
              pager={pager}
              nextCursor={incidents.data?.nextCursor}
              loading={incidents.isFetching}
            />
          </>
        )}
      </Card>
      <IncidentFormDrawer open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
