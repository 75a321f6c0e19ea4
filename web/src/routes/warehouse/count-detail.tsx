import {
  App,
  Button,
  Card,
  Checkbox,
  Descriptions,
  Flex,
  Input,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { type CountLine, useCount, useCountLines, useCountMutations } from '../../api/counts';
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
import { warehouseLabel } from '../inventory/stock';
import { AbcTag, CountStatusTag, yuan } from './count-tags';

/**
 * /warehouse/counts/:id — one count for its reviewer: totals, every line with the book quantity at
 * the count, what was counted and the variance (with value), and the steps: approve (and post),
 * send bins back for a recount, post, cancel.
 */
export function CountDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const count = useCount(id);
  const [variancesOnly, setVariancesOnly] = useState(true);
  const [approvalOnly, setApprovalOnly] = useState(false);
  const pager = useCursorPager(`${variancesOnly}|${approvalOnly}`, 50);
  const lines = useCountLines(id, {
    limit: pager.pageSize,
    ...(pager.cursor ? { cursor: pager.cursor } : {}),
    ...(variancesOnly ? { variancesOnly: 'true' as const } : {}),
    ...(approvalOnly ? { needsApproval: 'true' as const } : {}),
  });
  const warehouses = useWarehouses();
  const warehouseById = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );
  const [selectedBins, setSelectedBins] = useState<string[]>([]);
  const actions = useCountMutations();
  const c = count.data;

  if (count.isError && !c) return <QueryError error={count.error} onRetry={() => void count.refetch()} />;
  if (!c) return null;

  const ask = (title: string, run: (note: string) => void, required = false) => {
    let note = '';
    modal.confirm({
      title,
      content: <Input.TextArea rows={3} maxLength={200} onChange={(e) => (note = e.target.value)} />,
      onOk: () => {
        if (required && !note.trim()) return Promise.reject();
        run(note.trim());
      },
    });
  };
  const done = { onError: (e: unknown) => notifyError(e) };

  const columns: TableColumnsType<CountLine> = [
    {
      key: 'bin',
      title: t('counts.bin'),
      width: 130,
      render: (_, l) => <span className="mono">{l.binCode}</span>,
    },
    {
      key: 'sku',
      title: t('counts.sku'),
      render: (_, l) => (
        <span>
          <span className="mono">{l.skuCode}</span> ·{' '}
          {localName({ nameZh: l.skuNameZh ?? '', nameEn: l.skuNameEn }, lang)}{' '}
          {l.listed ? null : <Tag color="purple">{t('counts.unlisted')}</Tag>}
        </span>
      ),
    },
    {
      key: 'lot',
      title: t('counts.lot'),
      width: 120,
      render: (_, l) => <span className="mono">{l.lotCode ?? '—'}</span>,
    },
    { key: 'abc', title: t('counts.abc'), width: 60, render: (_, l) => <AbcTag value={l.abcClass} /> },
    {
      key: 'first',
      title: t('counts.firstCount'),
      width: 110,
      align: 'right',
      render: (_, l) => (l.rounds > 1 ? `${l.firstCountedQty} / ${l.firstBookQty}` : '—'),
    },
    { key: 'book', title: t('counts.book'), dataIndex: 'bookQty', width: 90, align: 'right' },
    { key: 'counted', title: t('counts.counted'), dataIndex: 'countedQty', width: 90, align: 'right' },
    {
      key: 'variance',
      title: t('counts.variance'),
      width: 90,
      align: 'right',
      render: (_, l) =>
        l.variance === null ? (
          '—'
        ) : (
          <Typography.Text
            type={l.variance < 0 ? 'danger' : l.variance > 0 ? 'success' : undefined}
            strong={l.variance !== 0}
          >
            {l.variance > 0 ? `+${l.variance}` : l.variance}
          </Typography.Text>
        ),
    },
    {
      key: 'value',
      title: t('counts.varianceValue'),
      width: 110,
      align: 'right',
      render: (_, l) => yuan(l.varianceValueFen, true),
    },
    {
      key: 'flags',
      width: 120,
      render: (_, l) => (
        <Space size={4}>
          {l.needsApproval ? <Tag color="gold">{t('counts.approvalLines')}</Tag> : null}
          {l.withinTolerance ? <Tag color="green">{t('counts.withinTolerance')}</Tag> : null}
        </Space>
      ),
    },
    { key: 'counter', title: t('counts.counter'), dataIndex: 'counterName', width: 100 },
  ];

  const binsOfPage = [...new Map((lines.data?.items ?? []).map((l) => [l.binId, l.binCode])).entries()];

  return (
    <>
      <PageHeader
        backTo="/warehouse/counts"
        title={c.number}
        tags={<CountStatusTag value={c.status} />}
        subtitle={`${t(`counts.kinds.${c.kind}`)} · ${warehouseLabel(warehouseById, c.warehouseId, lang)}`}
        extra={
          <Space wrap>
            {c.status === 'submitted' && can(PERM.countApprove) ? (
              <>
                <Button
                  onClick={() =>
                    ask(t('counts.approve'), (note) => actions.approve.mutate({ id: c.id, note }, done))
                  }
                >
                  {t('counts.approve')}
                </Button>
                <Button
                  type="primary"
                  data-testid="count-approve-post"
                  onClick={() =>
                    ask(t('counts.approveAndPost'), (note) =>
                      actions.approve.mutate(
                        { id: c.id, note, post: true },
                        {
                          ...done,
                          onSuccess: (r) => message.success(t('counts.posted', { n: r.postedMovements })),
                        },
                      ),
                    )
                  }
                >
                  {t('counts.approveAndPost')}
                </Button>
                <Button
                  disabled={!selectedBins.length}
                  onClick={() =>
                    ask(t('counts.recount'), (note) =>
                      actions.recount.mutate(
                        { id: c.id, binIds: selectedBins, note },
                        { ...done, onSuccess: () => setSelectedBins([]) },
                      ),
                    )
                  }
                >
                  {t('counts.recount')} {selectedBins.length ? `(${selectedBins.length})` : ''}
                </Button>
              </>
            ) : null}
            {c.status === 'approved' && can(PERM.countPlan) ? (
              <Button
                type="primary"
                onClick={() =>
                  modal.confirm({
                    title: t('counts.post'),
                    content: t('counts.confirmPost'),
                    onOk: () =>
                      actions.post.mutate(c.id, {
                        ...done,
                        onSuccess: (r) => message.success(t('counts.posted', { n: r.postedMovements })),
                      }),
                  })
                }
              >
                {t('counts.post')}
              </Button>
            ) : null}
            {c.status !== 'posted' && c.status !== 'cancelled' && can(PERM.countPlan) ? (
              <Button
                danger
                onClick={() =>
                  ask(
                    t('counts.cancelReason'),
                    (reason) => actions.cancel.mutate({ id: c.id, reason }, done),
                    true,
                  )
                }
              >
                {t('counts.cancel')}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Flex gap={16} wrap style={{ marginBottom: 16 }}>
        <Card style={{ flex: '1 1 160px' }}>
          <Statistic
            title={t('counts.progress')}
            value={c.tasksDone}
            suffix={`/ ${c.tasksDone + c.tasksOpen}`}
          />
        </Card>
        <Card style={{ flex: '1 1 160px' }}>
          <Statistic title={t('counts.linesCounted')} value={c.linesCounted} />
        </Card>
        <Card style={{ flex: '1 1 160px' }}>
          <Statistic title={t('counts.variances')} value={c.varianceLines} />
        </Card>
        <Card style={{ flex: '1 1 160px' }}>
          <Statistic
            title={t('counts.approvalLines')}
            value={c.approvalLines}
            valueStyle={c.approvalLines ? { color: '#d48806' } : undefined}
          />
        </Card>
        <Card style={{ flex: '1 1 160px' }}>
          <Statistic
            title={t('counts.ira')}
            value={c.linesCounted ? Math.round((1000 * c.accurateLines) / c.linesCounted) / 10 : 0}
            suffix="%"
          />
        </Card>
        <Card style={{ flex: '1 1 160px' }}>
          <Statistic title={t('counts.varianceValue')} value={yuan(c.varianceValueFen)} />
        </Card>
      </Flex>
      <Flex gap={16} wrap align="flex-start">
        <Card title={t('counts.lines')} style={{ flex: '3 1 720px', minWidth: 0 }}>
          <Space style={{ marginBottom: 12 }} wrap>
            <Checkbox checked={variancesOnly} onChange={(e) => setVariancesOnly(e.target.checked)}>
              {t('counts.variancesOnly')}
            </Checkbox>
            <Checkbox checked={approvalOnly} onChange={(e) => setApprovalOnly(e.target.checked)}>
              {t('counts.needsApprovalOnly')}
            </Checkbox>
            {c.status === 'submitted' && can(PERM.countApprove) && binsOfPage.length ? (
              <Checkbox.Group
                value={selectedBins}
                onChange={(v) => setSelectedBins(v as string[])}
                options={binsOfPage.map(([value, label]) => ({
                  value,
                  label: `${t('counts.recountBins')} ${label}`,
                }))}
              />
            ) : null}
          </Space>
          {lines.isError && !lines.data ? (
            <QueryError error={lines.error} onRetry={() => void lines.refetch()} />
          ) : (
            <>
              <Table
                rowKey="id"
                size="small"
                columns={columns}
                dataSource={lines.data?.items ?? []}
                loading={lines.isLoading}
                pagination={false}
                scroll={{ x: 1200 }}
              />
              <CursorPager pager={pager} nextCursor={lines.data?.nextCursor} loading={lines.isFetching} />
            </>
          )}
        </Card>
        <Card title={t('counts.history')} style={{ flex: '1 1 300px' }}>
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('counts.rules')}>
              ±{c.tolerancePct}% / ±{c.toleranceQty} · {c.approvalPct}% /{' '}
              {c.approvalValueFen === null ? '—' : yuan(c.approvalValueFen)}
            </Descriptions.Item>
            <Descriptions.Item label={t('counts.maxRecounts')}>{c.maxRecounts}</Descriptions.Item>
            {c.autoApproved ? (
              <Descriptions.Item label={t('counts.approve')}>{t('counts.autoApproved')}</Descriptions.Item>
            ) : null}
            {c.note ? <Descriptions.Item label={t('counts.note')}>{c.note}</Descriptions.Item> : null}
          </Descriptions>
          <Timeline
            items={c.history.map((h) => ({
              children: (
                <div>
                  <CountStatusTag value={h.to} testId={null} /> <DateTime value={h.at} /> · {h.actorName}
                  {h.note ? <div style={{ opacity: 0.7 }}>{h.note}</div> : null}
                </div>
              ),
            }))}
          />
        </Card>
      </Flex>
    </>
  );
}
