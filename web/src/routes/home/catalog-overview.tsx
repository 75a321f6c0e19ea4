import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row, Skeleton, Space, Statistic } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useCatalogStats } from '../../api/catalog';
import type { STORAGE_CLASSES } from '../../api/types';
import { EChart } from '../../components/echart';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { barOption, pieOption } from './catalog-chart';

/** SKU totals and the per-storage-class chart (GET /api/catalog/stats); click a class to list it. */
export function CatalogOverview({ chart = 'pie' }: { chart?: 'pie' | 'bar' }) {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const stats = useCatalogStats(can(PERM.skuRead));

  const option = useMemo(() => {
    if (!stats.data) return null;
    const label = (c: (typeof STORAGE_CLASSES)[number]) => t(`storageClass.${c}`);
    return chart === 'pie' ? pieOption(stats.data, label, t('home.skuTotal')) : barOption(stats.data, label);
  }, [stats.data, chart, t]);

  const onItemClick = useCallback(
    ({ data }: { data: unknown }) => {
      const storageClass = (data as { storageClass?: string } | null)?.storageClass;
      if (storageClass) navigate(`/catalog/skus?storageClass=${storageClass}`);
    },
    [navigate],
  );

  if (!can(PERM.skuRead)) return null;
  return (
    <Card
      title={t('home.catalogOverview')}
      className="page-section"
      data-testid="catalog-overview"
      extra={<Link to="/catalog/skus">{t('common.viewAll')}</Link>}
    >
      {stats.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : stats.isError ? (
        <QueryError error={stats.error} onRetry={() => void stats.refetch()} />
      ) : stats.data.total === 0 ? (
        <Empty description={t('home.noCatalogData')}>
          <Space>
            {can(PERM.skuWrite) ? (
              <Link to="/catalog/skus/new">
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('catalog.newSku')}
                </Button>
              </Link>
            ) : null}
            {can(PERM.skuImport) ? (
              <Link to="/catalog/import">
                <Button icon={<UploadOutlined />}>{t('catalog.importSkus')}</Button>
              </Link>
            ) : null}
          </Space>
        </Empty>
      ) : (
        <Row gutter={[16, 16]} align="middle">
          <Col xs={24} md={8}>
            <Space orientation="vertical" size={16}>
              <Statistic title={t('home.skuTotal')} value={stats.data.total} />
              <Statistic
                title={t('home.skuActive')}
                value={stats.data.active}
                styles={{ content: { color: '#389e0d' } }}
              />
              <Statistic title={t('home.skuInactive')} value={stats.data.total - stats.data.active} />
            </Space>
          </Col>
          <Col xs={24} md={16}>
            {option ? (
              <EChart
                option={option}
                height={280}
                onItemClick={onItemClick}
                data-testid="storage-class-chart"
              />
            ) : null}
          </Col>
        </Row>
      )}
    </Card>
  );
}
