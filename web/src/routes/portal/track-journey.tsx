import { Alert, Card, Descriptions, Flex, Space, Steps, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { TIME_ZONE } from '../../lib/format';
import { TRACK_FLOW, type TrackParcel, type TrackStage, type TrackView } from './track-api';

/** Times in the company's zone, worded the reader's way (2026年11月22日 14:05 / Nov 22, 2026, 2:05 PM). */
function formatAt(iso: string, lang: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, {
    timeZone: TIME_ZONE,
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

/** A calendar day (YYYY-MM-DD) with its weekday: 2026年11月22日星期日 / Sunday, November 22, 2026. */
function formatDay(ymd: string, lang: string): string {
  const date = new Date(`${ymd.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return ymd;
  return new Intl.DateTimeFormat(lang, { timeZone: 'UTC', dateStyle: 'full' }).format(date);
}

const STAGE_COLOR: Record<TrackStage, string> = {
  received: 'default',
  preparing: 'processing',
  shipped: 'blue',
  in_transit: 'blue',
  delivered: 'success',
  cancelled: 'error',
  returned: 'warning',
};

export function TrackStageTag({ stage }: { stage: TrackStage }) {
  const { t } = useTranslation();
  return (
    <Tag color={STAGE_COLOR[stage]} data-stage={stage}>
      {t(`track.stage.${stage}`)}
    </Tag>
  );
}

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

/** The stages reached, with their times, then the ones still ahead on the usual road. */
function stepsOf(p: TrackParcel, t: TFunction, lang: string) {
  const reached = p.timeline.length ? p.timeline : [{ at: '', stage: p.stage }];
  const last = reached.length - 1;
  const lastStatus: StepStatus =
    p.stage === 'cancelled'
      ? 'error'
      : p.stage === 'delivered' || p.stage === 'returned'
        ? 'finish'
        : 'process';
  const done = reached.map((e, i) => ({
    key: `${i}-${e.stage}`,
    title: t(`track.stage.${e.stage}`),
    content: e.at ? <time dateTime={e.at}>{formatAt(e.at, lang)}</time> : null,
    status: (i < last ? 'finish' : lastStatus) as StepStatus,
  }));
  const at = TRACK_FLOW.indexOf(p.stage);
  const ahead = at >= 0 ? TRACK_FLOW.slice(at + 1) : [];
  return {
    current: last,
    items: [
      ...done,
      ...ahead.map((s) => ({
        key: `ahead-${s}`,
        title: t(`track.stage.${s}`),
        status: 'wait' as StepStatus,
      })),
    ],
  };
}

/**
 * One parcel: promised date, carrier and waybill when known, and its steps; with a label (split
 * orders) also its own number and status, which the summary shows for an order in one parcel.
 */
function ParcelCard({ parcel, label }: { parcel: TrackParcel; label?: string }) {
  const { t, i18n } = useTranslation();
  const steps = stepsOf(parcel, t, i18n.language);
  return (
    <Card
      className="page-section"
      size="small"
      data-testid="track-parcel"
      data-number={parcel.number}
      title={
        label ? (
          <Space wrap size={8}>
            <Typography.Text type="secondary">{label}</Typography.Text>
            <span className="mono">{parcel.number}</span>
            <TrackStageTag stage={parcel.stage} />
          </Space>
        ) : undefined
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} style={{ marginBottom: 16 }}>
        {parcel.promisedDate ? (
          <Descriptions.Item label={t('track.promisedDate')}>
            <span data-testid="track-promised">{formatDay(parcel.promisedDate, i18n.language)}</span>
          </Descriptions.Item>
        ) : null}
        {parcel.carrier ? (
          <Descriptions.Item label={t('track.carrier')}>
            <span data-testid="track-carrier">{parcel.carrier}</span>
          </Descriptions.Item>
        ) : null}
        {parcel.waybillNo ? (
          <Descriptions.Item label={t('track.waybill')}>
            <Typography.Text className="mono" copyable data-testid="track-waybill">
              {parcel.waybillNo}
            </Typography.Text>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      <Typography.Text strong>{t('track.journey')}</Typography.Text>
      <Steps
        orientation="vertical"
        size="small"
        current={steps.current}
        items={steps.items}
        style={{ marginTop: 12 }}
        data-testid="track-steps"
      />
    </Card>
  );
}

/** The whole answer: destination and masked phone once, then one timeline per parcel. */
export function TrackJourney({ view }: { view: TrackView }) {
  const { t } = useTranslation();
  const parcels: TrackParcel[] = [view, ...view.parts];
  const split = view.parts.length > 0;
  return (
    <div data-testid="track-result">
      <Card className="page-section" size="small">
        <Flex vertical gap={8}>
          <Space wrap size={8}>
            <Typography.Text strong className="mono" data-testid="track-number">
              {view.number}
            </Typography.Text>
            {split ? null : <TrackStageTag stage={view.stage} />}
          </Space>
          <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
            <Descriptions.Item label={t('track.destination')}>
              <span data-testid="track-region">{view.region ?? t('common.none')}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('track.phone')}>
              <span className="mono" data-testid="track-phone">
                {view.phoneMasked}
              </span>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('track.privacy')}
          </Typography.Text>
        </Flex>
      </Card>
      {split ? (
        <Alert
          type="info"
          showIcon
          className="page-section"
          title={t('track.parcels', { count: parcels.length })}
          data-testid="track-split"
        />
      ) : null}
      {parcels.map((p, k) => (
        <ParcelCard key={p.number} parcel={p} label={split ? t('track.parcelN', { n: k + 1 }) : undefined} />
      ))}
    </div>
  );
}
