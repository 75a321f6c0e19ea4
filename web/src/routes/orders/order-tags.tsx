import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrderStatus, ReasonCode } from '../../api/orders';

const STATUS_COLOR: Record<OrderStatus, string> = {
  created: 'default',
  exception: 'error',
  validated: 'cyan',
  allocated: 'blue',
  released: 'geekblue',
  picking: 'purple',
  packed: 'purple',
  shipped: 'gold',
  in_transit: 'orange',
  delivered: 'success',
  cancelled: 'default',
  returned: 'magenta',
};

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-status={status}>
      {t(`orders.status.${status}`)}
    </Tag>
  );
}

export function ReasonTags({ reasons, max = 3 }: { reasons: readonly string[]; max?: number }) {
  const { t } = useTranslation();
  if (!reasons.length) return null;
  const shown = reasons.slice(0, max);
  return (
    <Space size={[4, 4]} wrap>
      {shown.map((r) => (
        <Tag key={r} color="volcano" data-reason={r}>
          {t(`orders.reason.${r as ReasonCode}`, { defaultValue: r })}
        </Tag>
      ))}
      {reasons.length > max ? (
        <Tooltip
          title={reasons
            .slice(max)
            .map((r) => t(`orders.reason.${r as ReasonCode}`, { defaultValue: r }))
            .join('、')}
        >
          <Tag>+{reasons.length - max}</Tag>
        </Tooltip>
      ) : null}
    </Space>
  );
}

export function ServiceTag({ service }: { service: 'standard' | 'express' | 'cold_chain' }) {
  const { t } = useTranslation();
  const color = service === 'cold_chain' ? 'cyan' : service === 'express' ? 'red' : undefined;
  return <Tag color={color}>{t(`orders.service.${service}`)}</Tag>;
}

/** Fen as yuan with two decimals (exact: integer arithmetic, no floats). */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}
