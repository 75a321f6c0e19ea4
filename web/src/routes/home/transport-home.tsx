import { BankOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { CatalogOverview } from './catalog-overview';
import { DutiesCard } from './duties-card';
import { HomeHero } from './home-hero';
import { QuickActions } from './quick-actions';
import { StorageTiles } from './storage-tiles';

/** 运输部: transport planning depends on weights, sizes and special handling classes. */
export function TransportHome() {
  const { t } = useTranslation();
  const can = useCan();
  return (
    <>
      <HomeHero title={t('home.transport.title')} subtitle={t('home.transport.subtitle')} />
      {can(PERM.skuRead) ? (
        <Alert type="info" showIcon title={t('home.transport.loadHint')} style={{ marginBottom: 16 }} />
      ) : null}
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
            to: '/inventory/warehouses',
            icon: <BankOutlined />,
            label: t('menu.warehouses'),
            description: t('warehouses.subtitle'),
            perm: PERM.warehouseRead,
          },
        ]}
      />
      <StorageTiles classes={['chilled', 'frozen', 'fragile', 'hazardous']} />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <CatalogOverview chart="pie" />
        </Col>
        <Col xs={24} xl={10}>
          <DutiesCard dept="transport" />
        </Col>
      </Row>
    </>
  );
}
