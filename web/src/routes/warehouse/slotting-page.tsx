import { ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  InputNumber,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWarehouses } from '../../api/org';
import {
  type AbcCompute,
  type AbcItem,
  type ReslotItem,
  useAbc,
  useReslot,
  useSlottingMutations,
} from '../../api/slotting';
import { CursorPager } from '../../components/cursor-pager';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { formatDate, formatDateTime } from '../../lib/format';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { warehouseLabel } from '../inventory/stock';
import { AbcTag } from './count-tags';

const metres = (mm: number) => (mm / 1000).toLocaleString('zh-CN', { maximumFractionDigits: 1 });

type AbcBasis = NonNullable<AbcCompute['basis']>;

/**
 * /warehouse/slotting — the ABC classification (by pick lines, or by shipped units if chosen), and
 * re-slot suggestions to accept.
 */
export function SlottingPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const warehouses = useWarehouses();
  const warehouseById = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );
  const [warehouseId, setWarehouseId] = useState<string>();
  useEffect(() => {
    if (!warehouseId && warehouses.data?.length) setWarehouseId(warehouses.data[0].id);
  }, [warehouseId, warehouses.data]);
  const [cls, setCls] = useState<'A' | 'B' | 'C'>();
  const [days, setDays] = useState(90);
  const [basis, setBasis] = useState<AbcBasis>('lines');
  const pager = useCursorPager(`${warehouseId}|${cls}`, 50);
  const abc = useAbc(
    warehouseId
      ? {
          warehouseId,
          limit: pager.pageSize,
          ...(pager.cursor ? { cursor: pager.cursor } : {}),
          ...(cls ? { class: cls } : {}),
        }
      : null,
  );
  const reslot = useReslot(warehouseId);
  const { compute, accept } = useSlottingMutations();
  const name = (x: { skuNameZh: string | null; skuNameEn: string | null }) =>
    localName({ nameZh: x.skuNameZh ?? '', nameEn: x.skuNameEn }, lang);
  const run = abc.data?.run;
  // Recompute with the basis of the classification shown unless another is chosen.
  const runBasis = run?.basis;
  useEffect(() => {
    if (runBasis) setBasis(runBasis);
  }, [runBasis]);

  const abcTab = (
    <>
      {run ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={
            <Space size={8} wrap>
              {t('slotting.computed', {
                at: formatDateTime(run.computedAt),
                from: formatDate(run.periodFrom),
                to: formatDate(run.periodTo),
                skus: run.skus,
                lines: run.totalPickLines,
              })}
              <Tag color={run.basis === 'units' ? 'purple' : 'blue'}>{t(`abcBasis.${run.basis}`)}</Tag>
            </Space>
          }
        />
      ) : (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('slotting.notComputed')} />
      )}
      <Flex gap={16} wrap style={{ marginBottom: 12 }}>
        {(['A', 'B', 'C'] as const).map((c) => (
          <Card
            key={c}
            size="small"
            style={{ flex: '1 1 140px', cursor: 'pointer', borderColor: cls === c ? '#1677ff' : undefined }}
            onClick={() => setCls(cls === c ? undefined : c)}
          >
            <Statistic title={<AbcTag value={c} />} value={abc.data?.counts[c] ?? 0} />
          </Card>
        ))}
      </Flex>
      {abc.isError && !abc.data ? (
        <QueryError error={abc.error} onRetry={() => void abc.refetch()} />
      ) : (
        <>
          <Table<AbcItem>
            rowKey="skuId"
            size="small"
            loading={abc.isLoading}
            dataSource={abc.data?.items ?? []}
            pagination={false}
            columns={[
              { key: 'rank', title: t('slotting.rank'), dataIndex: 'rank', width: 70 },
              {
                key: 'sku',
                title: t('slotting.sku'),
                render: (_, i) => (
                  <span>
                    <span className="mono">{i.skuCode}</span> · {name(i)}
                  </span>
                ),
              },
              {
                key: 'class',
                title: t('slotting.class'),
                width: 70,
                render: (_, i) => <AbcTag value={i.class} />,
              },
              {
                key: 'lines',
                title: t('slotting.pickLines'),
                dataIndex: 'pickLines',
                align: 'right',
                width: 100,
              },
              { key: 'units', title: t('slotting.units'), dataIndex: 'units', align: 'right', width: 100 },
              {
                key: 'share',
                title: t('slotting.share'),
                align: 'right',
                width: 90,
                render: (_, i) => `${i.sharePct}%`,
              },
              {
                key: 'cum',
                title: t('slotting.cumShare'),
                align: 'right',
                width: 100,
                render: (_, i) => `${i.cumSharePct}%`,
              },
              {
                key: 'pm',
                title: t('slotting.perMonth'),
                dataIndex: 'picksPerMonth',
                align: 'right',
                width: 110,
              },
            ]}
          />
          <CursorPager pager={pager} nextCursor={abc.data?.nextCursor} loading={abc.isFetching} />
        </>
      )}
    </>
  );

  const suggestionsTab =
    reslot.isError && !reslot.data ? (
      <QueryError error={reslot.error} onRetry={() => void reslot.refetch()} />
    ) : (
      <>
        {reslot.data?.items.length ? (
          <Alert
            type="success"
            showIcon
            style={{ marginBottom: 12 }}
            message={t('slotting.totalSaved', { m: reslot.data.savedMPerMonth })}
          />
        ) : null}
        <Table<ReslotItem>
          rowKey={(s) => `${s.skuId}|${s.fromBinId}|${s.toBinId}`}
          size="small"
          loading={reslot.isLoading}
          dataSource={reslot.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('slotting.noSuggestions') }}
          scroll={{ x: 1100 }}
          columns={[
            {
              key: 'reason',
              title: t('slotting.reason'),
              width: 170,
              render: (_, s) => (
                <Tag color={s.reason === 'a_to_prime' ? 'red' : 'default'}>
                  {t(`slotting.reasons.${s.reason}`)}
                </Tag>
              ),
            },
            {
              key: 'sku',
              title: t('slotting.sku'),
              render: (_, s) => (
                <span>
                  <span className="mono">{s.skuCode}</span> · {name(s)} <AbcTag value={s.abcClass} />
                </span>
              ),
            },
            {
              key: 'pm',
              title: t('slotting.perMonth'),
              dataIndex: 'picksPerMonth',
              align: 'right',
              width: 100,
            },
            {
              key: 'move',
              title: `${t('slotting.from')} → ${t('slotting.to')}`,
              width: 230,
              render: (_, s) => (
                <span className="mono">
                  {s.fromBinCode} → {s.toBinCode}
                </span>
              ),
            },
            { key: 'qty', title: t('slotting.qty'), dataIndex: 'qty', align: 'right', width: 70 },
            {
              key: 'trip',
              title: t('slotting.trip'),
              align: 'right',
              width: 140,
              render: (_, s) => `${metres(s.fromTripMm)} → ${metres(s.toTripMm)}`,
            },
            {
              key: 'saved',
              title: t('slotting.saved'),
              align: 'right',
              width: 120,
              render: (_, s) => (
                <Typography.Text type={s.savedMPerMonth < 0 ? 'secondary' : 'success'}>
                  {s.savedMPerMonth}
                </Typography.Text>
              ),
            },
            {
              key: 'after',
              width: 170,
              render: (_, s) =>
                s.afterFreeingBin ? (
                  <Typography.Text type="secondary">
                    {t('slotting.afterFreeing', { bin: s.toBinCode })}
                  </Typography.Text>
                ) : null,
            },
            {
              key: 'accept',
              fixed: 'right',
              width: 90,
              render: (_, s) =>
                can(PERM.slottingManage) ? (
                  <Button
                    size="small"
                    type="primary"
                    loading={accept.isPending && accept.variables?.skuId === s.skuId}
                    onClick={() =>
                      accept.mutate(
                        {
                          warehouseId: warehouseId!,
                          skuId: s.skuId,
                          fromBinId: s.fromBinId,
                          toBinId: s.toBinId,
                          reason: s.reason,
                        },
                        {
                          onSuccess: () => message.success(t('slotting.accepted')),
                          onError: (e) => notifyError(e),
                        },
                      )
                    }
                  >
                    {t('slotting.accept')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </>
    );

  return (
    <>
      <PageHeader
        title={t('slotting.title')}
        subtitle={t('slotting.subtitle')}
        extra={
          <Space wrap>
            <Select
              style={{ width: 240 }}
              value={warehouseId}
              onChange={setWarehouseId}
              options={(warehouses.data ?? []).map((w) => ({
                value: w.id,
                label: warehouseLabel(warehouseById, w.id, lang),
              }))}
            />
            {can(PERM.slottingManage) ? (
              <>
                <InputNumber
                  min={7}
                  max={730}
                  value={days}
                  onChange={(v) => setDays(v ?? 90)}
                  addonAfter={t('slotting.computeDays')}
                  style={{ width: 150 }}
                />
                <Select<AbcBasis>
                  aria-label={t('abcBasis.label')}
                  style={{ width: 150 }}
                  value={basis}
                  onChange={setBasis}
                  options={(['lines', 'units'] as const).map((b) => ({
                    value: b,
                    label: t(`abcBasis.${b}`),
                    title: t(`abcBasis.${b}Hint`),
                  }))}
                />
                <Button
                  icon={<ReloadOutlined />}
                  loading={compute.isPending}
                  disabled={!warehouseId}
                  onClick={() =>
                    compute.mutate(
                      { warehouseId: warehouseId!, days, basis },
                      { onError: (e) => notifyError(e) },
                    )
                  }
                >
                  {t('slotting.compute')}
                </Button>
              </>
            ) : null}
          </Space>
        }
      />
      <Card>
        <Tabs
          items={[
            { key: 'abc', label: t('slotting.abcTab'), children: abcTab },
            { key: 'reslot', label: t('slotting.suggestionsTab'), children: suggestionsTab },
          ]}
        />
      </Card>
    </>
  );
}
