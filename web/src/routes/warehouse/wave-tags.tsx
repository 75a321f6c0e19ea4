import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OutboundStatus, PickListSummary, PickTask, WaveStatus } from '../../api/outbound';
import { formatDateTime } from '../../lib/format';

const WAVE_COLOR: Record<WaveStatus, string> = {
  planned: 'default',
  released: 'blue',
  picking: 'processing',
  picked: 'gold',
  packed: 'cyan',
  closed: 'green',
  cancelled: 'red',
};

const OUTBOUND_COLOR: Record<OutboundStatus, string> = {
  open: 'default',
  waved: 'blue',
  picking: 'processing',
  picked: 'gold',
  packing: 'orange',
  packed: 'cyan',
  shipped: 'green',
  cancelled: 'red',
};

const LIST_COLOR: Record<PickListSummary['status'], string> = {
  open: 'blue',
  picking: 'processing',
  done: 'green',
  cancelled: 'default',
};
const TASK_COLOR: Record<PickTask['status'], string> = {
  open: 'blue',
  done: 'green',
  short: 'orange',
  cancelled: 'default',
};
const TEMP_COLOR = { ambient: 'default', chilled: 'cyan', frozen: 'geekblue' } as const;

export function WaveStatusTag({ value }: { value: WaveStatus }) {
  const { t } = useTranslation();
  return <Tag color={WAVE_COLOR[value]}>{t(`outbound.waveStatus.${value}`)}</Tag>;
}

export function OutboundStatusTag({ value }: { value: OutboundStatus }) {
  const { t } = useTranslation();
  return <Tag color={OUTBOUND_COLOR[value]}>{t(`outbound.outboundStatus.${value}`)}</Tag>;
}

export function PickListStatusTag({ value }: { value: PickListSummary['status'] }) {
  const { t } = useTranslation();
  return <Tag color={LIST_COLOR[value]}>{t(`outbound.listStatus.${value}`)}</Tag>;
}

export function TaskStatusTag({ value }: { value: PickTask['status'] }) {
  const { t } = useTranslation();
  return <Tag color={TASK_COLOR[value]}>{t(`outbound.taskStatus.${value}`)}</Tag>;
}

export function TemperatureTag({ value }: { value: keyof typeof TEMP_COLOR | null }) {
  const { t } = useTranslation();
  if (!value) return <Typography.Text type="secondary">{t('outbound.mixed')}</Typography.Text>;
  return <Tag color={TEMP_COLOR[value]}>{t(`outbound.temperature.${value}`)}</Tag>;
}

/** The carrier's name in the UI language (the API gives the Chinese one). */
export function CarrierName({ code, fallback }: { code: string | null; fallback?: string | null }) {
  const { t, i18n } = useTranslation();
  if (!code) return <Typography.Text type="secondary">{t('outbound.mixed')}</Typography.Text>;
  const key = `outbound.carrier.${code as 'SF'}` as const;
  return <>{i18n.exists(key) ? t(key) : (fallback ?? code)}</>;
}

/** A cut-off time with how long is left: red when under an hour or missed. */
export function Cutoff({ at, now = Date.now() }: { at: string | null; now?: number }) {
  const { t } = useTranslation();
  if (!at) return <Typography.Text type="secondary">—</Typography.Text>;
  const minutes = Math.floor((new Date(at).getTime() - now) / 60_000);
  const left =
    minutes < 0
      ? t('outbound.cutoffMissed')
      : minutes < 120
        ? t('outbound.minutesLeft', { count: minutes })
        : t('outbound.hoursLeft', { count: Math.floor(minutes / 60) });
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {formatDateTime(at).slice(5)}{' '}
      <Typography.Text type={minutes < 60 ? 'danger' : 'secondary'}>({left})</Typography.Text>
    </span>
  );
}

/** Millimetres as metres with one decimal. */
export const metres = (mm: number) => `${(mm / 1000).toFixed(1)} m`;
