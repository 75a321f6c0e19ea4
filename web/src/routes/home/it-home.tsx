import { AuditOutlined, KeyOutlined, SafetyCertificateOutlined, TeamOutlined } from '@ant-design/icons';
import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PERM } from '../../lib/permissions';
import { CatalogOverview } from './catalog-overview';
import { DutiesCard } from './duties-card';
import { HomeHero } from './home-hero';
import { QuickActions } from './quick-actions';
import { RecentAudit } from './recent-audit';

/** 信息技术部: accounts, roles, integrations and the audit trail. */
export function ItHome() {
  const { t } = useTranslation();
  return (
    <>
      <HomeHero title={t('home.it.title')} subtitle={t('home.it.subtitle')} />
      <QuickActions
        actions={[
          {
            to: '/admin/users',
            icon: <TeamOutlined />,
            label: t('menu.users'),
            description: t('users.subtitle'),
            perm: PERM.userRead,
          },
          {
            to: '/admin/roles',
            icon: <SafetyCertificateOutlined />,
            label: t('menu.roles'),
            description: t('roles.subtitle'),
            perm: PERM.roleRead,
          },
          {
            to: '/admin/tokens',
            icon: <KeyOutlined />,
            label: t('menu.tokens'),
            description: t('tokens.subtitle'),
            perm: PERM.tokenManage,
          },
          {
            to: '/admin/audit',
            icon: <AuditOutlined />,
            label: t('menu.audit'),
            description: t('audit.subtitle'),
            perm: PERM.auditRead,
          },
        ]}
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <RecentAudit />
          <CatalogOverview chart="bar" />
        </Col>
        <Col xs={24} xl={10}>
          <DutiesCard
            dept="it"
            links={{
              3: { to: '/admin/users', perm: PERM.userRead },
              4: { to: '/admin/roles', perm: PERM.roleRead },
              5: { to: '/admin/tokens', perm: PERM.tokenManage },
            }}
          />
        </Col>
      </Row>
    </>
  );
}
