import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AsnStatus, ReceiptStatus } from '../../api/warehouse';

const RECEIPT_COLOR: Record<ReceiptStatus, string> = {
  draft: 'default',
  arrived: 'blue',
  inspecting: 'processing',
  inspected: 'gold',
  putaway_in_progress: 'orange',
  completed: 'green',
  cancelled: 'red',
};

const ASN_COLOR: Record<AsnStatus, string> = {
  open: 'blue',
  receiving: 'processing',
  received: 'green',
  cancelled: 'default',
};

export function ReceiptStatusTag({ value }: { value: ReceiptStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={RECEIPT_COLOR[value]} style={{ marginInlineEnd: 0 }} data-testid="receipt-status">
      {t(`receiptStatus.${value}`)}
    </Tag>
  );
}

export function AsnStatusTag({ value }: { value: AsnStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={ASN_COLOR[value]} style={{ marginInlineEnd: 0 }}>
      {t(`asnStatus.${value}`)}
    </Tag>
  );
}

/** Tenths of a degree Celsius as `-18.0 °C`. */
export const formatDc = (dc: number | null | undefined) =>
  dc === null || dc === undefined ? '—' : `${(dc / 10).toFixed(1)} °C`;

export function Mono({ children }: { children: string | null | undefined }) {
  const { t } = useTranslation();
  return children ? (
    <span className="mono">{children}</span>
  ) : (
    <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
  );
}
