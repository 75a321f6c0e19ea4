import { Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MovementType, StockStatus } from '../../api/types';
import { formatDate } from '../../lib/format';

export const STOCK_STATUS_COLOR: Record<StockStatus, string> = {
  available: 'green',
  quality_hold: 'gold',
  damaged: 'red',
  quarantine: 'purple',
};

export function StockStatusTag({ value }: { value: StockStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STOCK_STATUS_COLOR[value]} style={{ marginInlineEnd: 0 }}>
      {t(`stockStatus.${value}`)}
    </Tag>
  );
}

const INBOUND: readonly MovementType[] = ['receipt', 'putaway', 'return', 'kit_produce', 'release'];
const OUTBOUND: readonly MovementType[] = ['ship', 'scrap', 'kit_consume', 'reserve', 'pick'];

export function MovementTypeTag({ value }: { value: MovementType }) {
  const { t } = useTranslation();
  const color = INBOUND.includes(value) ? 'blue' : OUTBOUND.includes(value) ? 'volcano' : 'default';
  return (
    <Tag color={color} style={{ marginInlineEnd: 0 }}>
      {t(`movementType.${value}`)}
    </Tag>
  );
}

/** Lots within this many days of expiry are flagged. */
export const NEAR_EXPIRY_DAYS = 30;

const DAY_MS = 86_400_000;

/** Whole days from today (Asia/Shanghai) to a `YYYY-MM-DD` expiry date; negative once expired. */
export function daysToExpiry(expiryDate: string, now: Date = new Date()): number | null {
  const expiry = Date.parse(expiryDate.slice(0, 10));
  const today = Date.parse(formatDate(now));
  if (Number.isNaN(expiry) || Number.isNaN(today)) return null;
  return Math.round((expiry - today) / DAY_MS);
}

/** The expiry date, red once expired and orange within NEAR_EXPIRY_DAYS days. */
export function ExpiryDate({ value }: { value: string | null }) {
  const { t } = useTranslation();
  if (!value) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  const days = daysToExpiry(value);
  const date = value.slice(0, 10);
  if (days === null || days > NEAR_EXPIRY_DAYS) return <span className="mono">{date}</span>;
  const expired = days < 0;
  return (
    <Tooltip title={expired ? t('stock.expiredAgo', { days: -days }) : t('stock.expiresIn', { days })}>
      <Tag
        color={expired ? 'red' : 'orange'}
        className="mono"
        style={{ marginInlineEnd: 0 }}
        data-testid={expired ? 'stock-expired' : 'stock-near-expiry'}
      >
        {date}
      </Tag>
    </Tooltip>
  );
}
