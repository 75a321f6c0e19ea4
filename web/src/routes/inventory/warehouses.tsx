import { Card, Empty, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWarehouses } from '../../api/org';
import type { Warehouse } from '../../api/types';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useLang } from '../../lib/use-localized';

/** /inventory/warehouses — the warehouses (the server lists those in the user's scope). */
export function WarehousesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const warehouses = useWarehouses();

  return (
    <>
      <PageHeader title={t('warehouses.title')} subtitle={t('warehouses.subtitle')} />
      <Card>
        {warehouses.isError ? (
          <QueryError error={warehouses.error} onRetry={() => void warehouses.refetch()} />
        ) : (
          <Table<Warehouse>
            rowKey="id"
            loading={warehouses.isPending}
            dataSource={warehouses.data ?? []}
            pagination={false}
            data-testid="warehouse-table"
            locale={{ emptyText: <Empty description={t('warehouses.empty')} /> }}
            columns={[
              {
                key: 'code',
                title: t('warehouses.code'),
                dataIndex: 'code',
                width: 160,
                render: (v: string) => <span className="mono">{v}</span>,
              },
              {
                key: 'name',
                title: t('warehouses.name'),
                render: (_, w) => (
                  <>
                    {lang === 'en' ? w.nameEn || w.nameZh : w.nameZh || w.nameEn}
                    <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                      {lang === 'en' ? w.nameZh : w.nameEn}
                    </Typography.Text>
                  </>
                ),
              },
            ]}
          />
        )}
      </Card>
    </>
  );
}
