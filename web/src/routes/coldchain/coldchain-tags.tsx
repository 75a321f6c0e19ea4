import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Alert, ExpiryUrgency, IncidentKind, IncidentStatus } from '../../api/coldchain';

/** Urgency colours: the table rows of the near-expiry report use the same scale. */
export const URGENCY_COLOR: Record<ExpiryUrgency, string> = {
  expired: 'red',
  below_min_shelf_life: 'orange',
  near_expiry: 'gold',
};
export const URGENCY_ROW_BG: Record<ExpiryUrgency, string> = {
  expired: '#fff1f0',
  below_min_shelf_life: '#fff7e6',
  near_expiry: '#fffbe6',
};

export function UrgencyTag({ value }: { value: ExpiryUrgency }) {
  const { t } = useTranslation();
  return (
    <Tag color={URGENCY_COLOR[value]} style={{ marginInlineEnd: 0 }} data-testid={`urgency-${value}`}>
      {t(`coldchain.urgency.${value}`)}
    </Tag>
  );
}

const SEVERITY_COLOR: Record<Alert['severity'], string> = {
  critical: 'red',
  warning: 'orange',
  info: 'blue',
};

export function SeverityTag({ value }: { value: Alert['severity'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={SEVERITY_COLOR[value]} style={{ marginInlineEnd: 0 }}>
      {t(`coldchain.alerts.severity.${value}`)}
    </Tag>
  );
}

const KIND_COLOR: Record<IncidentKind, string> = {
  damage: 'orange',
  loss: 'gold',
  theft: 'purple',
  fire: 'red',
};

export function IncidentKindTag({ value }: { value: IncidentKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={KIND_COLOR[value]} style={{ marginInlineEnd: 0 }}>
      {t(`coldchain.incidents.kind.${value}`)}
    </Tag>
  );
}

const STATUS_COLOR: Record<IncidentStatus, string> = {
  draft: 'default',
  posted: 'green',
  cancelled: 'default',
};

export function IncidentStatusTag({ value }: { value: IncidentStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[value]} style={{ marginInlineEnd: 0 }}>
      {t(`coldchain.incidents.status.${value}`)}
    </Tag>
  );
}

/** Tenths of a degree → `-18.5`. */
export const formatDc = (dc: number) => (dc / 10).toFixed(1);
