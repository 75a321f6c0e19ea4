import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ReturnReason, ReturnStatus } from '../../api/returns';

const STATUS_COLOR: Record<ReturnStatus, string> = {
  requested: 'gold',
  approved: 'cyan',
  rejected: 'red',
  awaiting_goods: 'blue',
  received: 'geekblue',
  inspected: 'purple',
  closed: 'success',
  cancelled: 'default',
};

export function ReturnStatusTag({ status }: { status: ReturnStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-return-status={status}>
      {t(`returns.status.${status}`)}
    </Tag>
  );
}

export function ReturnReasonTag({ reason }: { reason: ReturnReason }) {
  const { t } = useTranslation();
  const fault = reason !== 'no_longer_wanted' && reason !== 'other';
  return <Tag color={fault ? 'volcano' : undefined}>{t(`returns.reason.${reason}`)}</Tag>;
}
