import { Card, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuditPage } from '../../api/audit';
import { DateTime } from '../../components/date-time';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';

/** The latest changes recorded in the audit log (for IT and quality). */
export function RecentAudit({ limit = 6 }: { limit?: number }) {
  const { t } = useTranslation();
  const can = useCan();
  const allowed = can(PERM.auditRead);
  const audit = useAuditPage({ limit }, allowed);
  if (!allowed) return null;
  return (
    <Card
      title={t('home.recentActivity')}
      className="page-section"
      extra={<Link to="/admin/audit">{t('common.viewAll')}</Link>}
      data-testid="recent-audit"
    >
      {audit.isPending ? (
        <Skeleton active />
      ) : !audit.data?.items.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.noActivity')} />
      ) : (
        <Flex vertical>
          {audit.data.items.map((e, i) => (
            <Flex
              key={e.id}
              justify="space-between"
              gap={12}
              style={{ padding: '8px 0', borderTop: i ? '1px solid #f0f0f0' : undefined }}
            >
              <div style={{ minWidth: 0 }}>
                <Tag>{e.action}</Tag>
                <Typography.Text ellipsis style={{ maxWidth: 420 }}>
                  {e.summary}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {e.actorName}
                  </Typography.Text>
                </div>
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <DateTime value={e.at} />
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
