import { AuditOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PERM } from '../../lib/permissions';
import { CatalogOverview } from './catalog-overview';
import { DutiesCard } from './duties-card';
import { HomeHero } from './home-hero';
import { QuickActions } from './quick-actions';
import { RecentAudit } from './recent-audit';

/** 质量管理部: standards, monitoring and evidence (the audit trail). */
export function QualityHome() {
  const { t } = useTranslation();
  return (
    <>
      <HomeHero title={t('home.quality.title')} subtitle={t('home.quality.subtitle')} />
      <Alert type="info" showIcon title={t('home.quality.dataHint')} style={{ marginBottom: 16 }} />
      <QuickActions
        actions={[
          {
            to: '/catalog/skus',
            icon: <UnorderedListOutlined />,
            label: t('menu.skus'),
            description: t('catalog.listSubtitle'),
            perm: PERM.skuRead,
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
          <CatalogOverview chart="pie" />
          <RecentAudit />
        </Col>
        <Col xs={24} xl={10}>
          <DutiesCard dept="quality" links={{ 2: { to: '/admin/audit', perm: PERM.auditRead } }} />
        </Col>
      </Row>
    </>
  );
}
