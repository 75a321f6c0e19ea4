import { SearchOutlined } from '@ant-design/icons';
import { Card, Col, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { CatalogOverview } from './catalog-overview';
import { DutiesCard } from './duties-card';
import { HomeHero } from './home-hero';

/** 客服部: answer customers fast — a product lookup first, then the duties and response times. */
export function ServiceHome() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  return (
    <>
      <HomeHero title={t('home.service.title')} subtitle={t('home.service.subtitle')} />
      {can(PERM.skuRead) ? (
        <Card className="page-section">
          <Typography.Paragraph type="secondary">{t('home.service.lookupHint')}</Typography.Paragraph>
          <Input.Search
            size="large"
            allowClear
            enterButton={<SearchOutlined />}
            placeholder={t('catalog.searchPlaceholder')}
            onSearch={(q) => q.trim() && navigate(`/catalog/skus?q=${encodeURIComponent(q.trim())}`)}
            data-testid="home-sku-lookup"
          />
        </Card>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <DutiesCard dept="service" />
        </Col>
        <Col xs={24} xl={14}>
          <CatalogOverview chart="bar" />
        </Col>
      </Row>
    </>
  );
}
