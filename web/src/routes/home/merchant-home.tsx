import { CheckCircleOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { catalogTemplateUrl } from '../../api/catalog';
import { useCan, useMe } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useDownload } from '../../lib/use-download';
import { CatalogOverview } from './catalog-overview';
import { HomeHero } from './home-hero';
import { StorageTiles } from './storage-tiles';

/** Merchant portal home: the merchant's own catalogue and the import workflow. */
export function MerchantHome() {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const { download, busy } = useDownload();
  return (
    <>
      <HomeHero
        title={`${t('home.merchant.title')} · ${me.merchant?.name ?? ''}`}
        subtitle={t('home.merchant.subtitle')}
      />
      {can(PERM.skuImport) ? (
        <Card title={t('home.merchant.gettingStarted')} className="page-section">
          <Steps
            orientation="horizontal"
            items={[
              {
                title: t('home.merchant.step1'),
                content: t('home.merchant.step1Desc'),
                icon: <DownloadOutlined />,
                status: 'process',
              },
              {
                title: t('home.merchant.step2'),
                content: t('home.merchant.step2Desc'),
                icon: <UploadOutlined />,
                status: 'wait',
              },
              {
                title: t('home.merchant.step3'),
                content: t('home.merchant.step3Desc'),
                icon: <CheckCircleOutlined />,
                status: 'wait',
              },
            ]}
          />
          <Space wrap style={{ marginTop: 16 }}>
            <Button
              icon={<DownloadOutlined />}
              loading={busy === catalogTemplateUrl('xlsx')}
              onClick={() => void download(catalogTemplateUrl('xlsx'), 'sku-template.xlsx')}
            >
              {t('import.templateXlsx')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              loading={busy === catalogTemplateUrl('csv')}
              onClick={() => void download(catalogTemplateUrl('csv'), 'sku-template.csv')}
            >
              {t('import.templateCsv')}
            </Button>
            <Link to="/catalog/import">
              <Button type="primary" icon={<UploadOutlined />}>
                {t('menu.import')}
              </Button>
            </Link>
          </Space>
        </Card>
      ) : null}
      <StorageTiles />
      <Row gutter={16}>
        <Col xs={24}>
          <CatalogOverview chart="pie" />
        </Col>
      </Row>
    </>
  );
}
