import { Form, InputNumber, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CountStatus } from '../../api/counts';

const COLOR: Record<CountStatus, string> = {
  planned: 'default',
  counting: 'processing',
  submitted: 'gold',
  recount: 'orange',
  approved: 'blue',
  posted: 'green',
  cancelled: 'red',
};

export function CountStatusTag({
  value,
  testId = 'count-status',
}: {
  value: CountStatus;
  testId?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <Tag color={COLOR[value]} style={{ marginInlineEnd: 0 }} data-testid={testId ?? undefined}>
      {t(`counts.statuses.${value}`)}
    </Tag>
  );
}

const ABC_COLOR = { A: 'red', B: 'gold', C: 'default' } as const;

export function AbcTag({ value }: { value: 'A' | 'B' | 'C' | null | undefined }) {
  return value ? (
    <Tag color={ABC_COLOR[value]} style={{ marginInlineEnd: 0 }}>
      {value}
    </Tag>
  ) : (
    <span>—</span>
  );
}

/** Fen as yuan with two decimals, signed when asked. */
export const yuan = (fen: number | null | undefined, signed = false) =>
  fen === null || fen === undefined
    ? '—'
    : `${signed && fen > 0 ? '+' : ''}${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** The tolerance and approval fields of a count or plan form (the value threshold in yuan). */
export function CountRuleFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="tolerancePct" label={t('counts.tolerancePct')} extra={t('counts.rulesHelp')}>
        <InputNumber min={0} max={100} precision={0} />
      </Form.Item>
      <Form.Item name="toleranceQty" label={t('counts.toleranceQty')}>
        <InputNumber min={0} precision={0} />
      </Form.Item>
      <Form.Item name="approvalPct" label={t('counts.approvalPct')}>
        <InputNumber min={0} max={1000} precision={0} />
      </Form.Item>
      <Form.Item name="approvalValueYuan" label={t('counts.approvalValue')}>
        <InputNumber min={0} precision={2} />
      </Form.Item>
      <Form.Item name="maxRecounts" label={t('counts.maxRecounts')}>
        <InputNumber min={0} max={3} precision={0} />
      </Form.Item>
    </>
  );
}

export interface RuleValues {
  tolerancePct?: number | null;
  toleranceQty?: number | null;
  approvalPct?: number | null;
  approvalValueYuan?: number | null;
  maxRecounts?: number | null;
}

/** Form values → API rules (yuan → fen; empty fields left to the defaults). */
export function rulesBody(v: RuleValues) {
  const out: Record<string, number | null> = {};
  for (const k of ['tolerancePct', 'toleranceQty', 'approvalPct', 'maxRecounts'] as const)
    if (v[k] !== undefined && v[k] !== null) out[k] = v[k];
  if (v.approvalValueYuan !== undefined)
    out.approvalValueFen = v.approvalValueYuan === null ? null : Math.round(v.approvalValueYuan * 100);
  return out as {
    tolerancePct?: number;
    toleranceQty?: number;
    approvalPct?: number;
    maxRecounts?: number;
    approvalValueFen?: number | null;
  };
}
