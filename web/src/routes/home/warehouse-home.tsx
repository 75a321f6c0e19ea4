import { BankOutlined, FileSearchOutlined, UnorderedListOutlined, UploadOutlined } from '@ant-design/icons';
import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PERM } from '../../lib/permissions';
import { CatalogOverview } from './catalog-overview';
import { DutiesCard } from './duties-card';
import { HomeHero } from './home-hero';
import { QuickActions } from './quick-actions';
import { StorageTiles } from './storage-tiles';

/** 仓储管理部: storage classes decide where goods may be put away. */
export function WarehouseHome() {
  const { t } = useTranslation();
  return (
    <>
      <HomeHero title={t('home.warehouse.title')} subtitle={t('home.warehouse.subtitle')} />
      <QuickActions
        actions={[
          {
            to: '/inventory/warehouses',
            icon: <BankOutlined />,
            label: t('menu.warehouses'),
            description: t('warehouses.subtitle'),
            perm: PERM.warehouseRead,
          },
          {
            to: '/catalog/skus',
            icon: <UnorderedListOutlined />,
            label: t('menu.skus'),
            description: t('catalog.listSubtitle'),
            perm: PERM.skuRead,
          },
          {
            to: '/catalog/skus?storageClass=chilled',
            icon: <FileSearchOutlined />,
            label: t('home.warehouse.coldChain'),
            description: t('home.warehouse.coldChainDesc'),
            perm: PERM.skuRead,
          },
          {
            to: '/catalog/import',
            icon: <UploadOutlined />,
            label: t('menu.import'),
            description: t('import.subtitle'),
            perm: PERM.skuImport,
          },
        ]}
      />
      <StorageTiles />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <CatalogOverview chart="bar" />
        </Col>
        <Col xs={24} xl={10}>
          <DutiesCard
            dept="warehouse"
            links={{
              1: { to: '/inventory/warehouses', perm: PERM.warehouseRead },
              4: { to: '/catalog/skus?storageClass=frozen', perm: PERM.skuRead },
            }}
          />
        </Col>
      </Row>
    </>
  );
}
