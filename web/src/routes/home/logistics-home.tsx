import { AuditOutlined, BankOutlined, UnorderedListOutlined, UploadOutlined } from '@ant-design/icons';
import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PERM } from '../../lib/permissions';
import { CatalogOverview } from './catalog-overview';
import { DutiesCard } from './duties-card';
import { HomeHero } from './home-hero';
import { QuickActions } from './quick-actions';

/** 物流管理部: strategy, process, performance — the broadest overview. */
export function LogisticsHome() {
  const { t } = useTranslation();
  return (
    <>
      <HomeHero title={t('home.logistics.title')} subtitle={t('home.logistics.subtitle')} />
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
            to: '/catalog/import',
            icon: <UploadOutlined />,
            label: t('menu.import'),
            description: t('import.subtitle'),
            perm: PERM.skuImport,
          },
          {
            to: '/inventory/warehouses',
            icon: <BankOutlined />,
            label: t('menu.warehouses'),
            description: t('warehouses.subtitle'),
            perm: PERM.warehouseRead,
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
        </Col>
        <Col xs={24} xl={10}>
          <DutiesCard dept="logistics" links={{ 2: { to: '/catalog/skus', perm: PERM.skuRead } }} />
        </Col>
      </Row>
    </>
  );
}
