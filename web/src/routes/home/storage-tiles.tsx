import { Card, Col, Flex, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCatalogStats } from '../../api/catalog';
import { STORAGE_CLASSES, type StorageClass } from '../../api/types';
import { StorageClassTag } from '../../components/storage-class-tag';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { storageClassCount } from './catalog-chart';

/** One tile per storage class with its SKU count, opening the filtered SKU list. */
export function StorageTiles({
  classes = STORAGE_CLASSES,
  title,
}: {
  classes?: readonly StorageClass[];
  title?: string;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const stats = useCatalogStats(can(PERM.skuRead));
  if (!can(PERM.skuRead)) return null;
  return (
    <Card title={title ?? t('home.storageTiles')} className="page-section" loading={stats.isPending}>
      <Row gutter={[12, 12]} align="stretch">
        {classes.map((c) => (
          <Col key={c} xs={12} md={8} xl={{ flex: `${100 / classes.length}%` }}>
            <Link to={`/catalog/skus?storageClass=${c}`} className="stat-tile">
              <Flex vertical gap={6} align="flex-start">
                <StorageClassTag value={c} />
                <Typography.Text style={{ fontSize: 22, fontWeight: 600 }}>
                  {storageClassCount(stats.data, c)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t(`storageClass.hint.${c}`)}
                </Typography.Text>
              </Flex>
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
