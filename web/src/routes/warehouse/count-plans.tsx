import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { type CountPlan, useCountMutations, useCountPlans } from '../../api/counts';
import { useWarehouses } from '../../api/org';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { warehouseLabel } from '../inventory/stock';
import { CountRuleFields, type RuleValues, rulesBody, yuan } from './count-tags';

/** /warehouse/count-plans — cycle-count plans by ABC class or zone, and generating their counts. */
export function CountPlansPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const plans = useCountPlans();
  const warehouses = useWarehouses();
  const warehouseById = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );
  const [editing, setEditing] = useState<CountPlan | 'new' | null>(null);
  const { generate } = useCountMutations();
  const zoneName = (id: string) => {
    for (const w of warehouses.data ?? []) {
      const z = w.zones.find((x) => x.id === id);
      if (z) return `${z.code} · ${localName(z, lang)}`;
    }
    return id.slice(0, 8);
  };

  return (
    <>
      <PageHeader
        title={t('counts.plansTitle')}
        subtitle={t('counts.plansSubtitle')}
        extra={
          can(PERM.countPlan) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('counts.newPlan')}
            </Button>
          ) : null
        }
      />
      <Card>
        {plans.isError && !plans.data ? (
          <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
        ) : (
          <Table
            rowKey="id"
            size="middle"
            loading={plans.isLoading}
            dataSource={plans.data ?? []}
            pagination={false}
            scroll={{ x: 1100 }}
            columns={[
              { key: 'name', title: t('counts.planName'), dataIndex: 'name' },
              {
                key: 'wh',
                title: t('counts.warehouse'),
                render: (_, p) => warehouseLabel(warehouseById, p.warehouseId, lang),
              },
              { key: 'kind', title: t('counts.planKind'), render: (_, p) => t(`counts.planKinds.${p.kind}`) },
              {
                key: 'freq',
                title: t('counts.zoneFreq'),
                render: (_, p) =>
                  p.kind === 'abc'
                    ? `A ${p.freqADays} · B ${p.freqBDays} · C ${p.freqCDays}`
                    : `${p.zoneFreqDays}`,
              },
              {
                key: 'zones',
                title: t('counts.zones'),
                render: (_, p) =>
                  p.zoneIds.length
                    ? p.zoneIds.map((z) => <Tag key={z}>{zoneName(z)}</Tag>)
                    : t('counts.allZones'),
              },
              {
                key: 'max',
                title: t('counts.maxBins'),
                dataIndex: 'maxBins',
                render: (v: number | null) => v ?? '—',
              },
              {
                key: 'rules',
                title: t('counts.rules'),
                render: (_, p) =>
                  `±${p.tolerancePct}% / ${p.approvalPct}% / ${p.approvalValueFen === null ? '—' : yuan(p.approvalValueFen)}`,
              },
              {
                key: 'active',
                title: t('counts.active'),
                render: (_, p) => (p.active ? <Tag color="green">✓</Tag> : <Tag>—</Tag>),
              },
              {
                key: 'last',
                title: t('counts.lastGenerated'),
                render: (_, p) => <DateTime value={p.lastGeneratedAt} />,
              },
              {
                key: 'actions',
                fixed: 'right',
                width: 200,
                render: (_, p) =>
                  can(PERM.countPlan) ? (
                    <Space>
                      <Button size="small" onClick={() => setEditing(p)}>
                        {t('common.edit')}
                      </Button>
                      <Button
                        size="small"
                        type="primary"
                        disabled={!p.active}
                        loading={generate.isPending && generate.variables === p.id}
                        onClick={() =>
                          generate.mutate(p.id, {
                            onSuccess: (c) => {
                              message.success(t('counts.generated', { number: c.number, bins: c.bins }));
                              navigate(`/warehouse/counts/${c.id}`);
                            },
                            onError: (e) => notifyError(e),
                          })
                        }
                      >
                        {t('counts.generate')}
                      </Button>
                    </Space>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
      {editing ? (
        <PlanDrawer plan={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

interface PlanValues extends RuleValues {
  warehouseId: string;
  name: string;
  kind: 'abc' | 'zone';
  zoneIds?: string[];
  freqADays?: number;
  freqBDays?: number;
  freqCDays?: number;
  zoneFreqDays?: number;
  maxBins?: number | null;
  active: boolean;
}

function PlanDrawer({ plan, onClose }: { plan: CountPlan | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<PlanValues>();
  const warehouses = useWarehouses();
  const warehouseById = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );
  const warehouseId = Form.useWatch('warehouseId', form);
  const kind = Form.useWatch('kind', form);
  const { savePlan } = useCountMutations();
  const zones = warehouses.data?.find((w) => w.id === warehouseId)?.zones ?? [];
  const initial: Partial<PlanValues> = plan
    ? { ...plan, approvalValueYuan: plan.approvalValueFen === null ? null : plan.approvalValueFen / 100 }
    : {
        kind: 'abc',
        freqADays: 30,
        freqBDays: 90,
        freqCDays: 365,
        zoneFreqDays: 90,
        approvalPct: 5,
        approvalValueYuan: 500,
        maxRecounts: 1,
        tolerancePct: 0,
        toleranceQty: 0,
        active: true,
      };
  const submit = (v: PlanValues) =>
    savePlan.mutate(
      {
        id: plan?.id,
        body: {
          warehouseId: v.warehouseId,
          name: v.name,
          kind: v.kind,
          zoneIds: v.zoneIds ?? [],
          ...(v.freqADays ? { freqADays: v.freqADays } : {}),
          ...(v.freqBDays ? { freqBDays: v.freqBDays } : {}),
          ...(v.freqCDays ? { freqCDays: v.freqCDays } : {}),
          ...(v.zoneFreqDays ? { zoneFreqDays: v.zoneFreqDays } : {}),
          maxBins: v.maxBins ?? null,
          active: v.active,
          ...rulesBody(v),
        },
      },
      { onSuccess: onClose, onError: (e) => notifyError(e, form) },
    );
  return (
    <Drawer
      open
      width={520}
      title={plan ? t('counts.editPlan') : t('counts.newPlan')}
      onClose={onClose}
      extra={
        <Button type="primary" loading={savePlan.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
      }
    >
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Form.Item name="warehouseId" label={t('counts.warehouse')} rules={[{ required: true }]}>
          <Select
            disabled={!!plan}
            options={(warehouses.data ?? []).map((w) => ({
              value: w.id,
              label: warehouseLabel(warehouseById, w.id, lang),
            }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('counts.planName')} rules={[{ required: true, max: 60 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('counts.planKind')}>
          <Radio.Group
            options={[
              { value: 'abc', label: t('counts.planKinds.abc') },
              { value: 'zone', label: t('counts.planKinds.zone') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="zoneIds"
          label={t('counts.zones')}
          rules={kind === 'zone' ? [{ required: true }] : []}
        >
          <Select
            mode="multiple"
            placeholder={t('counts.allZones')}
            options={zones.map((z) => ({ value: z.id, label: `${z.code} · ${localName(z, lang)}` }))}
          />
        </Form.Item>
        {kind === 'zone' ? (
          <Form.Item name="zoneFreqDays" label={t('counts.zoneFreq')}>
            <InputNumber min={1} max={3660} precision={0} />
          </Form.Item>
        ) : (
          <Space wrap>
            <Form.Item name="freqADays" label={t('counts.freqA')}>
              <InputNumber min={1} max={3660} precision={0} />
            </Form.Item>
            <Form.Item name="freqBDays" label={t('counts.freqB')}>
              <InputNumber min={1} max={3660} precision={0} />
            </Form.Item>
            <Form.Item name="freqCDays" label={t('counts.freqC')}>
              <InputNumber min={1} max={3660} precision={0} />
            </Form.Item>
          </Space>
        )}
        <Form.Item name="maxBins" label={t('counts.maxBins')}>
          <InputNumber min={1} max={100000} precision={0} />
        </Form.Item>
        <CountRuleFields />
        <Form.Item name="active" label={t('counts.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
