import {
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Row,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  type BulkBody,
  type BulkReply,
  type OrderQuery,
  useBulkAction,
  useExceptionSummary,
  useOrderPage,
} from '../../api/orders';
import { CursorPager } from '../../components/cursor-pager';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan, useMe } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { useNotifyError } from '../../lib/use-notify-error';
import { orderColumns } from './order-columns';
import { OrderFilterBar, queryOf, useOrderFilters } from './order-filters';

type BulkAction = BulkBody['action'];

/** /orders/exceptions — the exception queue (异常订单): age against the SLA, counts by reason, bulk actions. */
export function ExceptionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const { filters, update, reset } = useOrderFilters();
  const pager = useCursorPager(JSON.stringify(filters), 50);
  const summary = useExceptionSummary();
  const [selected, setSelected] = useState<string[]>([]);
  const [dialog, setDialog] = useState<'release' | 'cancel' | null>(null);
  const [result, setResult] = useState<BulkReply | null>(null);
  const [form] = Form.useForm();
  const bulk = useBulkAction();
  const query = useMemo<OrderQuery>(
    () => ({
      limit: pager.pageSize,
      ...(pager.cursor ? { cursor: pager.cursor } : {}),
      ...queryOf(filters),
      status: 'exception',
    }),
    [filters, pager.cursor, pager.pageSize],
  );
  const orders = useOrderPage(query, 60_000);
  const columns = useMemo(
    () => orderColumns(t, { showMerchant: !me.merchant, warehouseCode: () => '—', queue: true }),
    [t, me.merchant],
  );
  const handle = can(PERM.orderException);

  const runBulk = async (action: BulkAction, extra: Record<string, string> = {}) => {
    try {
      const reply = await bulk.mutateAsync({ action, orderIds: selected, ...extra } as BulkBody);
      setResult(reply);
      message.info(t('orders.bulk.result', { succeeded: reply.succeeded, failed: reply.failed }));
      setSelected([]);
      setDialog(null);
      form.resetFields();
    } catch (error) {
      notify(error, form);
    }
  };

  const s = summary.data;
  return (
    <>
      <PageHeader
        title={t('orders.exceptionsTitle')}
        subtitle={t('orders.exceptionsSubtitle')}
        backTo="/orders"
      />
      <Row gutter={16} className="page-section">
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('orders.summary.total')}
              value={s?.total ?? 0}
              data-testid="exceptions-total"
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic
              title={t('orders.summary.overdue', { hours: s?.slaHours ?? 4 })}
              value={s?.overdue ?? 0}
              valueStyle={{ color: (s?.overdue ?? 0) > 0 ? '#cf1322' : undefined }}
            />
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" title={t('orders.summary.byReason')}>
            <Space size={[6, 6]} wrap>
              {(s?.byReason ?? []).map((r) => (
                <Tag.CheckableTag
                  key={r.code}
                  checked={filters.reason === r.code}
                  onChange={(on) => update({ reason: on ? (r.code as typeof filters.reason) : '' })}
                >
                  {t(`orders.reason.${r.code as 'phone_invalid'}`, { defaultValue: r.code })} · {r.count}
                </Tag.CheckableTag>
              ))}
            </Space>
          </Card>
        </Col>
      </Row>
      <Card>
        <OrderFilterBar
          value={filters}
          onChange={update}
          onReset={reset}
          viewsPage="orders/exceptions"
          showMerchant={!me.merchant}
          showWarehouse={false}
          showStatus={false}
        />
        {handle ? (
          <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
            <Typography.Text type="secondary">
              {t('orders.bulk.selected', { count: selected.length })}
            </Typography.Text>
            <Button
              disabled={!selected.length}
              onClick={() => setDialog('release')}
              data-testid="bulk-release"
            >
              {t('orders.bulk.release')}
            </Button>
            <Button
              disabled={!selected.length}
              loading={bulk.isPending}
              onClick={() => void runBulk('revalidate')}
            >
              {t('orders.bulk.revalidate')}
            </Button>
            <Button
              disabled={!selected.length}
              loading={bulk.isPending}
              onClick={() => void runBulk('accept_suggestion')}
            >
              {t('orders.bulk.acceptSuggestion')}
            </Button>
            {can(PERM.orderCancel) ? (
              <Button
                danger
                disabled={!selected.length}
                onClick={() => setDialog('cancel')}
                data-testid="bulk-cancel"
              >
                {t('orders.bulk.cancel')}
              </Button>
            ) : null}
          </Flex>
        ) : null}
        {result && result.failed > 0 ? (
          <Card
            size="small"
            title={t('orders.bulk.failedList')}
            className="page-section"
            extra={
              <Button size="small" type="text" onClick={() => setResult(null)}>
                ✕
              </Button>
            }
          >
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="bulk-failures">
              {result.results
                .filter((r) => !r.ok)
                .map((r) => (
                  <li key={r.id}>
                    <span className="mono">{r.number ?? r.id}</span> — {r.error?.message}
                  </li>
                ))}
            </ul>
          </Card>
        ) : null}
        {orders.isError && !orders.data ? (
          <QueryError error={orders.error} onRetry={() => void orders.refetch()} />
        ) : (
          <>
            <Table
              data-testid="exception-table"
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={orders.data?.items ?? []}
              loading={orders.isFetching}
              pagination={false}
              scroll={{ x: 1600 }}
              rowSelection={
                handle
                  ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }
                  : undefined
              }
              onRow={(o) => ({ onDoubleClick: () => navigate(`/orders/${o.id}`) })}
              locale={{ emptyText: orders.isPending ? ' ' : <Empty description={t('orders.emptyTitle')} /> }}
            />
            <CursorPager pager={pager} nextCursor={orders.data?.nextCursor} loading={orders.isFetching} />
          </>
        )}
      </Card>
      <Modal
        open={dialog !== null}
        title={dialog === 'cancel' ? t('orders.bulk.cancel') : t('orders.bulk.release')}
        onCancel={() => setDialog(null)}
        confirmLoading={bulk.isPending}
        onOk={async () => {
          const v = await form.validateFields();
          await runBulk(
            dialog === 'cancel' ? 'cancel' : 'release',
            dialog === 'cancel' ? { reason: v.text } : { note: v.text },
          );
        }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">
          {t('orders.bulk.selected', { count: selected.length })}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="text"
            label={dialog === 'cancel' ? t('orders.form.reason') : t('orders.form.note')}
            rules={[
              {
                required: true,
                min: 2,
                message:
                  dialog === 'cancel' ? t('orders.form.reasonRequired') : t('orders.form.noteRequired'),
              },
            ]}
          >
            <Input.TextArea rows={3} maxLength={500} data-testid="bulk-text" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
