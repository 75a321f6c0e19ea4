import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Progress,
  Radio,
  Select,
  Table,
  type TableColumnsType,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  COUNT_STATUSES,
  type CountQuery,
  type CountStatus,
  type CountSummary,
  useCountMutations,
  useCountPage,
} from '../../api/counts';
import { useWarehouseBins } from '../../api/inventory';
import { useWarehouses } from '../../api/org';
import { CursorPager } from '../../components/cursor-pager';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { oneOf, useUrlFilters } from '../../lib/use-url-filters';
import { warehouseLabel } from '../inventory/stock';
import { CountRuleFields, CountStatusTag, type RuleValues, rulesBody, yuan } from './count-tags';

type Filters = { warehouseId: string; status: CountStatus | '' };
const parse = (p: URLSearchParams): Filters => ({
  warehouseId: p.get('warehouseId') ?? '',
  status: oneOf(COUNT_STATUSES, p.get('status')),
});

/** /warehouse/counts — counts (盘点单) with progress and variance totals; full counts and spot checks. */
export function CountsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { filters, update } = useUrlFilters(parse);
  const pager = useCursorPager(JSON.stringify(filters));
  const [creating, setCreating] = useState(false);
  const query = useMemo<CountQuery>(
    () => ({
      limit: pager.pageSize,
      ...(pager.cursor ? { cursor: pager.cursor } : {}),
      ...(filters.warehouseId ? { warehouseId: filters.warehouseId } : {}),
      ...(filters.status ? { status: filters.status } : {}),
    }),
    [filters, pager.cursor, pager.pageSize],
  );
  const counts = useCountPage(query);
  const warehouses = useWarehouses();
  const warehouseById = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );

  const columns: TableColumnsType<CountSummary> = [
    {
      key: 'number',
      title: t('counts.number'),
      width: 190,
      fixed: 'left',
      render: (_, c) => (
        <Link to={`/warehouse/counts/${c.id}`} className="mono" data-testid="count-link">
          {c.number}
        </Link>
      ),
    },
    {
      key: 'status',
      title: t('counts.status'),
      width: 110,
      render: (_, c) => <CountStatusTag value={c.status} />,
    },
    { key: 'kind', title: t('counts.kind'), width: 110, render: (_, c) => t(`counts.kinds.${c.kind}`) },
    {
      key: 'warehouse',
      title: t('counts.warehouse'),
      width: 180,
      ellipsis: true,
      render: (_, c) => warehouseLabel(warehouseById, c.warehouseId, lang),
    },
    {
      key: 'progress',
      title: t('counts.progress'),
      width: 180,
      render: (_, c) => {
        const total = c.tasksDone + c.tasksOpen;
        return (
          <Progress
            size="small"
            percent={total ? Math.round((100 * c.tasksDone) / total) : 0}
            format={() => `${c.tasksDone}/${total}`}
          />
        );
      },
    },
    { key: 'lines', title: t('counts.linesCounted'), dataIndex: 'linesCounted', width: 90, align: 'right' },
    { key: 'var', title: t('counts.variances'), dataIndex: 'varianceLines', width: 90, align: 'right' },
    { key: 'appr', title: t('counts.approvalLines'), dataIndex: 'approvalLines', width: 90, align: 'right' },
    {
      key: 'value',
      title: t('counts.varianceValue'),
      width: 120,
      align: 'right',
      render: (_, c) => yuan(c.varianceValueFen),
    },
    {
      key: 'created',
      title: t('counts.created'),
      width: 160,
      render: (_, c) => <DateTime value={c.createdAt} />,
    },
    { key: 'by', title: t('counts.createdBy'), dataIndex: 'createdByName', width: 110 },
  ];

  return (
    <>
      <PageHeader
        title={t('counts.title')}
        subtitle={t('counts.subtitle')}
        extra={
          can(PERM.countPlan) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="new-count"
            >
              {t('counts.newCount')}
            </Button>
          ) : null
        }
      />
      <Card>
        <div style={{ display: 'flex', gap: 12, marginBottom: 16, flexWrap: 'wrap' }}>
          <Select
            allowClear
            style={{ width: 240 }}
            placeholder={t('counts.warehouse')}
            value={filters.warehouseId || undefined}
            onChange={(v) => update({ warehouseId: v ?? '' })}
            options={(warehouses.data ?? []).map((w) => ({
              value: w.id,
              label: warehouseLabel(warehouseById, w.id, lang),
            }))}
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('counts.status')}
            value={filters.status || undefined}
            onChange={(v) => update({ status: v ?? '' })}
            options={COUNT_STATUSES.map((s) => ({ value: s, label: t(`counts.statuses.${s}`) }))}
          />
        </div>
        {counts.isError && !counts.data ? (
          <QueryError error={counts.error} onRetry={() => void counts.refetch()} />
        ) : (
          <>
            <Table
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={counts.data?.items ?? []}
              loading={counts.isLoading}
              pagination={false}
              scroll={{ x: 1400 }}
            />
            <CursorPager pager={pager} nextCursor={counts.data?.nextCursor} loading={counts.isFetching} />
          </>
        )}
      </Card>
      {creating ? <NewCountModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}

interface NewCountValues extends RuleValues {
  warehouseId: string;
  kind: 'full' | 'ad_hoc';
  binIds?: string[];
  fromRequests?: boolean;
  note?: string;
}

function NewCountModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<NewCountValues>();
  const warehouses = useWarehouses();
  const warehouseById = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );
  const warehouseId = Form.useWatch('warehouseId', form);
  const kind = Form.useWatch('kind', form);
  const bins = useWarehouseBins(warehouseId, kind === 'ad_hoc');
  const { create } = useCountMutations();
  const submit = (v: NewCountValues) =>
    create.mutate(
      {
        warehouseId: v.warehouseId,
        kind: v.kind,
        ...(v.kind === 'ad_hoc' && v.binIds?.length ? { binIds: v.binIds } : {}),
        ...(v.kind === 'ad_hoc' && v.fromRequests ? { fromRequests: true } : {}),
        ...(v.note ? { note: v.note } : {}),
        ...rulesBody(v),
      },
      {
        onSuccess: (c) => {
          message.success(t('counts.created_ok', { number: c.number }));
          onClose();
          navigate(`/warehouse/counts/${c.id}`);
        },
        onError: (e) => notifyError(e, form),
      },
    );
  return (
    <Modal
      open
      title={t('counts.newCount')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'ad_hoc', approvalPct: 5, approvalValueYuan: 500, maxRecounts: 1 }}
        onFinish={submit}
      >
        <Form.Item name="warehouseId" label={t('counts.warehouse')} rules={[{ required: true }]}>
          <Select
            options={(warehouses.data ?? []).map((w) => ({
              value: w.id,
              label: warehouseLabel(warehouseById, w.id, lang),
            }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('counts.kind')}>
          <Radio.Group
            options={[
              { value: 'ad_hoc', label: t('counts.adHoc') },
              { value: 'full', label: t('counts.fullCount') },
            ]}
          />
        </Form.Item>
        {kind === 'ad_hoc' ? (
          <>
            <Form.Item name="binIds" label={t('counts.pickBins')}>
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                loading={bins.isLoading}
                options={(bins.data ?? [])
                  .filter((b) => b.kind !== 'dispatch')
                  .map((b) => ({ value: b.id, label: b.code }))}
              />
            </Form.Item>
            <Form.Item name="fromRequests" valuePropName="checked">
              <Checkbox>{t('counts.fromRequests')}</Checkbox>
            </Form.Item>
          </>
        ) : null}
        <CountRuleFields />
        <Form.Item name="note" label={t('counts.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
