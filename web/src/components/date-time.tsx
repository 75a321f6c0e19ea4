import { Tooltip, Typography } from 'antd';
import { formatDateTime } from '../lib/format';

/** A UTC timestamp shown in Asia/Shanghai; the tooltip has seconds and the raw ISO value. */
export function DateTime({ value, empty }: { value: string | null | undefined; empty?: string }) {
  if (!value) return <Typography.Text type="secondary">{empty ?? '—'}</Typography.Text>;
  return (
    <Tooltip title={`${formatDateTime(value, true)} (UTC+8) · ${value}`}>
      <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(value)}</span>
    </Tooltip>
  );
}
