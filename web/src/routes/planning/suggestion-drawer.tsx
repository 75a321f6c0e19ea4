import { Descriptions, Drawer, Empty, List, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSuggestion } from '../../api/planning';
import { formatDateTime } from '../../lib/format';
import { formatNum, formatPct, formatUnits, SuggestionStatusTag } from './planning-shared';

/** One suggestion: the quantities and policy it was computed from, why, and everything done to it. */
export function SuggestionDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useSuggestion(id);
  const s = detail.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={560}
      title={s ? `${t('planning.suggestions.detail')} ${s.number}` : ''}
    >
      {!s ? (
        detail.isError ? (
          <Empty />
        ) : (
          <Spin />
        )
      ) : (
        <>
          <Space style={{ marginBottom: 12 }} wrap>
            <SuggestionStatusTag status={s.status} />
            {s.calc.late ? <Tag color="red">{t('planning.suggestions.late')}</Tag> : null}
            {s.requisitionNo ? (
              <Tag>{t('planning.suggestions.requisition', { no: s.requisitionNo })}</Tag>
            ) : null}
          </Space>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('planning.suggestions.col.qty')}>
              {formatUnits(s.qty)}
            </Descriptions.Item>
            <Descriptions.Item label={t('planning.suggestions.col.orderBy')}>{s.orderBy}</Descriptions.Item>
            <Descriptions.Item label={t('planning.suggestions.col.needBy')}>{s.needBy}</Descriptions.Item>
            <Descriptions.Item label={t('planning.suggestions.col.stockout')}>
              {s.stockoutDate ?? '—'}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('planning.suggestions.col.why')}
          </Typography.Title>
          <List size="small" dataSource={s.reasons} renderItem={(r) => <List.Item>{r.message}</List.Item>} />
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('planning.suggestions.calc')}
          </Typography.Title>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('planning.detail.available')}>
              {formatUnits(s.calc.available)}
            </Descriptions.Item>
            <Descriptions.Item label={t('planning.detail.onOrder')}>
              {formatUnits(s.calc.onOrder)}
            </Descriptions.Item>
            <Descriptions.Item label={t('planning.suggestions.position')}>
              {formatUnits(s.calc.position)}
            </Descriptions.Item>
            <Descriptions.Item label={t('planning.detail.daily')}>
              {formatNum(s.calc.daily)}
            </Descriptions.Item>
            <Descriptions.Item label={t('planning.detail.dailySd')} span={2}>
              {formatNum(s.calc.dailySd)} ({t(`planning.detail.sdSource.${s.calc.sdSource}`)})
            </Descriptions.Item>
            <Descriptions.Item label={t('planning.suggestions.serviceLevel')}>
              {formatPct(s.calc.serviceLevel)} (z = {formatNum(s.calc.z)})
            </Descriptions.Item>
            <Descriptions.Item label={t('planning.suggestions.policySource')}>
              {t(`planning.policy.source.${s.calc.policySource}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('planning.suggestions.leadTime')}>
              {s.calc.leadTimeDays} ± {s.calc.leadTimeSdDays}
            </Descriptions.Item>
            <Descriptions.Item label={t('planning.suggestions.reviewPeriod')}>
              {s.calc.reviewPeriodDays}
            </Descriptions.Item>
            <Descriptions.Item label={t('planning.detail.safetyStock')}>
              {formatUnits(s.calc.safetyStock)}
            </Descriptions.Item>
            <Descriptions.Item label={t('planning.detail.reorderPoint')}>
              {formatUnits(s.calc.reorderPoint)}
            </Descriptions.Item>
            <Descriptions.Item label={t('planning.detail.eoq')}>{formatUnits(s.calc.eoq)}</Descriptions.Item>
            <Descriptions.Item label={t('planning.detail.lotSize')}>
              {formatUnits(s.calc.lotSize)} (MOQ {s.calc.moq}, ×{s.calc.packSize})
            </Descriptions.Item>
            <Descriptions.Item label={t('planning.detail.orderUpTo')} span={2}>
              {formatUnits(s.calc.orderUpTo)}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('planning.suggestions.history')}
          </Typography.Title>
          <Timeline
            items={s.history.map((h) => ({
              children: (
                <div>
                  <Typography.Text strong>
                    {t(`planning.suggestions.action.${h.action}` as 'planning.suggestions.action.accept')}
                  </Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {formatDateTime(h.at)} · {h.actorName}
                  </Typography.Text>
                  {h.reason ? <div>{h.reason}</div> : null}
                  {h.changes ? <ChangeList changes={h.changes} /> : null}
                </div>
              ),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}

function ChangeList({ changes }: { changes: unknown }) {
  const entries = Object.entries((changes ?? {}) as Record<string, { from: unknown; to: unknown }>);
  if (!entries.length) return null;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {entries.map(([k, v]) => `${k}: ${v.from ?? '—'} → ${v.to ?? '—'}`).join('; ')}
    </Typography.Text>
  );
}
