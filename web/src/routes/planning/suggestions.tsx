import { CheckOutlined, CloseOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Dropdown,
  Flex,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSkusById } from '../../api/inventory';
import {
  decide,
  decideMany,
  exportRequisition,
  SUGGESTION_STATUSES,
  type Suggestion,
  type SuggestionStatus,
  useSuggestionCounts,
  useSuggestions,
} from '../../api/planning';
import { CursorPager } from '../../components/cursor-pager';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { SkuCell } from '../inventory/stock';
import { formatUnits, SuggestionStatusTag, useWarehouseLabels } from './planning-shared';
import { SuggestionDrawer } from './suggestion-drawer';
import { EditSuggestionModal, ReasonModal } from './suggestion-modals';

/** /planning/suggestions — what to order, how much, by when and why; accept, edit, reject, export. */
export function SuggestionsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const canDecide = can(PERM.suggestionDecide);
  const [status, setStatus] = useState<SuggestionStatus>('proposed');
  const [warehouseId, setWarehouseId] = useState<string | undefined>();
  const [selected, setSelected] = useState<string[]>([]);
  const [editing, setEditing] = useState<Suggestion | null>(null);
  const [rejecting, setRejecting] = useState<Suggestion[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const pager = useCursorPager(`${status}|${warehouseId ?? ''}`, 50);
  const counts = useSuggestionCounts();
  const warehouses = useWarehouseLabels();
  const list = useSuggestions({
    status,
    limit: pager.pageSize,
    ...(pager.cursor ? { cursor: pager.cursor } : {}),
    ...(warehouseId ? { warehouseId } : {}),
  });
  const rows = list.data?.items ?? [];
  const skus = useSkusById(
    rows.map((r) => r.skuId),
    can(PERM.skuRead),
  );
  const refresh = () => {
    setSelected([]);
    void queryClient.invalidateQueries({ queryKey: ['planning'] });
  };

  const act = async (s: Suggestion, action: 'accept' | 'close' | 'cancel') => {
    try {
      await decide(s.id, { action, version: s.version });
      refresh();
    } catch (error) {
      notifyError(error);
    }
  };
  const bulk = async (action: 'accept' | 'reject', reason?: string) => {
    try {
      const { results } = await decideMany({ ids: selected, action, ...(reason ? { reason } : {}) });
      const failed = results.filter((r) => !r.ok);
      message[failed.length ? 'warning' : 'success'](
        t('planning.suggestions.bulkDone', { ok: results.length - failed.length, failed: failed.length }),
      );
      for (const f of failed.slice(0, 3)) message.error(f.error?.message ?? f.id);
      refresh();
    } catch (error) {
      notifyError(error);
    }
  };
  const exportFile = async (format: 'csv' | 'xlsx') => {
    try {
      const no = await exportRequisition({ format, ...(selected.length ? { ids: selected } : {}) });
      message.success(t('planning.suggestions.exported', { no }));
      refresh();
    } catch (error) {
      notifyError(error);
    }
  };

  const columns: TableColumnsType<Suggestion> = [
    {
      key: 'number',
      title: t('planning.suggestions.col.number'),
      width: 180,
      render: (_, s) => (
        <Button
          type="link"
          size="small"
          className="mono"
          onClick={() => setOpen(s.id)}
          style={{ padding: 0 }}
        >
          {s.number}
        </Button>
      ),
    },
    {
      key: 'sku',
      title: t('planning.suggestions.col.sku'),
      width: 220,
      render: (_, s) => <SkuCell skuId={s.skuId} sku={skus.get(s.skuId)} lang={lang} link={false} />,
    },
    {
      key: 'warehouse',
      title: t('planning.suggestions.col.warehouse'),
      width: 180,
      ellipsis: true,
      render: (_, s) => (
        <Link to={`/planning/forecasts/${s.skuId}/${s.warehouseId}`}>{warehouses.label(s.warehouseId)}</Link>
      ),
    },
    {
      key: 'qty',
      title: t('planning.suggestions.col.qty'),
      align: 'right',
      width: 110,
      render: (_, s) => (
        <Tooltip
          title={
            s.edited ? t('planning.suggestions.edited', { qty: formatUnits(s.suggestedQty) }) : undefined
          }
        >
          <Typography.Text strong>{formatUnits(s.qty)}</Typography.Text>
          {s.edited ? <EditOutlined style={{ marginLeft: 4, color: '#8c8c8c' }} /> : null}
        </Tooltip>
      ),
    },
    {
      key: 'orderBy',
      title: t('planning.suggestions.col.orderBy'),
      width: 150,
      render: (_, s) => (
        <Space size={4}>
          {s.orderBy}
          {s.calc.late && s.status === 'proposed' ? (
            <Tag color="red">{t('planning.suggestions.late')}</Tag>
          ) : null}
        </Space>
      ),
    },
    { key: 'needBy', title: t('planning.suggestions.col.needBy'), dataIndex: 'needBy', width: 120 },
    {
      key: 'stockout',
      title: t('planning.suggestions.col.stockout'),
      width: 120,
      render: (_, s) => s.stockoutDate ?? '—',
    },
    {
      key: 'why',
      title: t('planning.suggestions.col.why'),
      render: (_, s) => (
        <div style={{ fontSize: 12 }}>
          {s.reasons.map((r) => (
            <div key={r.code}>{r.message}</div>
          ))}
        </div>
      ),
    },
    {
      key: 'status',
      title: t('planning.suggestions.col.status'),
      width: 110,
      render: (_, s) => <SuggestionStatusTag status={s.status} />,
    },
    {
      key: 'actions',
      title: t('common.actions'),
      fixed: 'right',
      width: 210,
      render: (_, s) =>
        canDecide ? (
          <Space size={0} wrap>
            {s.status === 'proposed' ? (
              <>
                <Button
                  type="link"
                  size="small"
                  onClick={() => void act(s, 'accept')}
                  data-testid="suggestion-accept"
                >
                  {t('planning.suggestions.accept')}
                </Button>
                <Button type="link" size="small" onClick={() => setEditing(s)} data-testid="suggestion-edit">
                  {t('planning.suggestions.edit')}
                </Button>
                <Button type="link" size="small" danger onClick={() => setRejecting([s])}>
                  {t('planning.suggestions.reject')}
                </Button>
              </>
            ) : null}
            {s.status === 'accepted' ? (
              <>
                <Button type="link" size="small" onClick={() => setEditing(s)}>
                  {t('planning.suggestions.edit')}
                </Button>
                <Button type="link" size="small" danger onClick={() => void act(s, 'cancel')}>
                  {t('planning.suggestions.cancel')}
                </Button>
              </>
            ) : null}
            {s.status === 'exported' ? (
              <Button type="link" size="small" onClick={() => void act(s, 'close')}>
                {t('planning.suggestions.close')}
              </Button>
            ) : null}
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('planning.suggestions.title')}
        subtitle={t('planning.suggestions.subtitle')}
        extra={
          canDecide && status === 'accepted' ? (
            <Dropdown.Button
              type="primary"
              icon={<DownloadOutlined />}
              onClick={() => void exportFile('xlsx')}
              menu={{
                items: [{ key: 'csv', label: t('planning.suggestions.exportCsv') }],
                onClick: () => void exportFile('csv'),
              }}
              data-testid="suggestion-export"
            >
              {t('planning.suggestions.export')}
            </Dropdown.Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={8} wrap justify="space-between" style={{ marginBottom: 16 }}>
          <Space wrap>
            <Select
              value={status}
              onChange={(v) => {
                setStatus(v);
                setSelected([]);
              }}
              style={{ width: 180 }}
              options={SUGGESTION_STATUSES.map((s) => ({
                value: s,
                label: `${t(`planning.suggestions.status.${s}`)} (${counts.data?.[s] ?? 0})`,
              }))}
              data-testid="suggestion-status"
            />
            <Select
              allowClear
              placeholder={t('planning.forecasts.warehouse')}
              value={warehouseId}
              onChange={setWarehouseId}
              style={{ width: 240 }}
              options={warehouses.list.map((w) => ({ value: w.id, label: warehouses.label(w.id) }))}
            />
          </Space>
          {canDecide && status === 'proposed' && selected.length ? (
            <Space>
              <Button icon={<CheckOutlined />} onClick={() => void bulk('accept')} data-testid="bulk-accept">
                {t('planning.suggestions.bulkAccept', { n: selected.length })}
              </Button>
              <Button
                danger
                icon={<CloseOutlined />}
                onClick={() => setRejecting(rows.filter((r) => selected.includes(r.id)))}
              >
                {t('planning.suggestions.bulkReject', { n: selected.length })}
              </Button>
            </Space>
          ) : null}
        </Flex>
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Suggestion>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            columns={columns}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 1500 }}
            rowSelection={
              canDecide && (status === 'proposed' || status === 'accepted')
                ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }
                : undefined
            }
            locale={{ emptyText: t('planning.suggestions.empty') }}
            data-testid="suggestion-table"
          />
        )}
        <CursorPager pager={pager} nextCursor={list.data?.nextCursor ?? null} loading={list.isFetching} />
      </Card>
      <EditSuggestionModal
        suggestion={editing}
        onClose={() => setEditing(null)}
        onDone={() => {
          setEditing(null);
          refresh();
        }}
      />
      <ReasonModal
        open={!!rejecting}
        title={
          rejecting?.length === 1
            ? t('planning.suggestions.rejectTitle', { number: rejecting[0].number })
            : t('planning.suggestions.bulkReject', { n: rejecting?.length ?? 0 })
        }
        onClose={() => setRejecting(null)}
        onSubmit={async (reason) => {
          const ids = (rejecting ?? []).map((s) => s.id);
          setRejecting(null);
          if (ids.length === 1) {
            try {
              await decide(ids[0], { action: 'reject', reason });
              refresh();
            } catch (error) {
              notifyError(error);
            }
          } else {
            setSelected(ids);
            const { results } = await decideMany({ ids, action: 'reject', reason });
            message.info(
              t('planning.suggestions.bulkDone', {
                ok: results.filter((r) => r.ok).length,
                failed: results.filter((r) => !r.ok).length,
              }),
            );
            refresh();
          }
        }}
      />
      <SuggestionDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
