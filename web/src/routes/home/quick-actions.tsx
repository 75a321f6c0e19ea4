import { Card, Col, Flex, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../lib/auth-context';

export interface QuickAction {
  to: string;
  icon: ReactNode;
  label: string;
  description?: string;
  perm?: string;
}

/** Big buttons to the pages this role uses most; entries the user may not open are left out. */
export function QuickActions({ actions }: { actions: QuickAction[] }) {
  const { t } = useTranslation();
  const can = useCan();
  const allowed = actions.filter((a) => !a.perm || can(a.perm));
  if (!allowed.length) return null;
  return (
    <Card title={t('home.quickActions')} className="page-section" data-testid="quick-actions">
      <Row gutter={[12, 12]} align="stretch">
        {allowed.map((a) => (
          <Col key={a.to + a.label} xs={24} sm={12} lg={8} xxl={6}>
            <Link to={a.to} className="stat-tile">
              <Flex gap={12} align="flex-start">
                <span style={{ fontSize: 22, color: '#1f5eff', lineHeight: 1 }}>{a.icon}</span>
                <div style={{ minWidth: 0 }}>
                  <Typography.Text strong>{a.label}</Typography.Text>
                  {a.description ? (
                    <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
                      {a.description}
                    </Typography.Paragraph>
                  ) : null}
                </div>
              </Flex>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
