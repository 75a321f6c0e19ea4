import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Empty, Table } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { catalogExportUrl, useSkuPage } from '../../api/catalog';
import type { SkuQuery } from '../../api/types';
import { CursorPager } from '../../components/cursor-pager';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan, useMe } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useCursorPager } from '../../lib/use-cursor-pager';
import { useDownload } from '../../lib/use-download';
import { useLang } from '../../lib/use-localized';
import { skuColumns } from './sku-columns';
import { SkuFilterBar } from './sku-filters';
import { useSkuFilters } from './sku-search-params';

/** /catalog/skus — search, filter and page through the catalogue (cursor pagination). */
export function SkuListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const can = useCan();
  const navigate = useNavigate();
  const { download, busy } = useDownload();
  const { filters, update, reset } = useSkuFilters();
  const pager = useCursorPager(JSON.stringify(filters));
  const showMerchant = !me.merchant;

  const query = useMemo<SkuQuery>(
    () => ({
      limit: pager.pageSize,
      ...(pager.cursor ? { cursor: pager.cursor } : {}),
      ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
      ...(filters.storageClass ? { storageClass: filters.storageClass } : {}),
      ...(filters.active ? { active: filters.active } : {}),
      ...(filters.merchantId && showMerchant ? { merchantId: filters.merchantId } : {}),
    }),
    [filters, pager.cursor, pager.pageSize, showMerchant],
  );
  const skus = useSkuPage(query);
  const columns = useMemo(() => skuColumns(t, lang, showMerchant), [t, lang, showMerchant]);

  const exportMenu = {
    items: [
      { key: 'xlsx', label: t('import.exportXlsx') },
      { key: 'csv', label: t('import.exportCsv') },
    ],
    onClick: ({ key }: { key: string }) => {
      const format = key === 'csv' ? 'csv' : 'xlsx';
      void download(catalogExportUrl(format), `skus.${format}`);
    },
  };

  return (
    <>
      <PageHeader
        title={t('catalog.listTitle')}
        subtitle={t('catalog.listSubtitle')}
        extra={
          <>
            <Dropdown menu={exportMenu} trigger={['click']}>
              <Button icon={<DownloadOutlined />} loading={Boolean(busy)}>
                {t('catalog.exportSkus')}
              </Button>
            </Dropdown>
            {can(PERM.skuImport) ? (
              <Link to="/catalog/import">
                <Button icon={<UploadOutlined />}>{t('catalog.importSkus')}</Button>
              </Link>
            ) : null}
            {can(PERM.skuWrite) ? (
              <Link to="/catalog/skus/new">
                <Button type="primary" icon={<PlusOutlined />} data-testid="sku-new">
                  {t('catalog.newSku')}
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      <Card>
        <SkuFilterBar value={filters} onChange={update} onReset={reset} showMerchant={showMerchant} />
        {skus.isError && !skus.data ? (
          <QueryError error={skus.error} onRetry={() => void skus.refetch()} />
        ) : (
          <>
            <Table
              data-testid="sku-table"
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={skus.data?.items ?? []}
              loading={skus.isFetching}
              pagination={false}
              scroll={{ x: 1400 }}
              onRow={(s) => ({
                onDoubleClick: () => navigate(`/catalog/skus/${s.id}`),
              })}
              locale={{
                emptyText: skus.isPending ? (
                  ' '
                ) : (
                  <Empty description={t('catalog.emptyTitle')}>
                    <span style={{ color: '#8c8c8c' }}>{t('catalog.emptyHint')}</span>
                  </Empty>
                ),
              }}
            />
            <CursorPager pager={pager} nextCursor={skus.data?.nextCursor} loading={skus.isFetching} />
          </>
        )}
      </Card>
    </>
  );
}
