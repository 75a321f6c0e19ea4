import { type TableColumnsType, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { OrderSummary } from '../../api/orders';
import { DateTime } from '../../components/date-time';
import { OrderStatusTag, ReasonTags, ServiceTag, yuan } from './order-tags';

/** Columns of the order tables (list and exception queue). */
export function orderColumns(
  t: TFunction,
  options: { showMerchant: boolean; warehouseCode: (id: string | null) => string; queue?: boolean },
): TableColumnsType<OrderSummary> {
  const columns: TableColumnsType<OrderSummary> = [
    {
      key: 'number',
      title: t('orders.col.number'),
      width: 190,
      fixed: 'left',
      render: (_, o) => (
        <Link to={`/orders/${o.id}`} className="mono" data-testid="order-link">
          {o.number}
        </Link>
      ),
    },
    {
      key: 'channel',
      title: t('orders.col.channel'),
      width: 170,
      render: (_, o) => (
        <div>
          <Tag>{o.channel}</Tag>
          <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
            {o.externalNo}
          </Typography.Text>
        </div>
      ),
    },
  ];
  if (options.showMerchant)
    columns.push({
      key: 'merchant',
      title: t('orders.col.merchant'),
      width: 110,
      render: (_, o) => o.merchantName ?? '—',
    });
  columns.push(
    {
      key: 'consignee',
      title: t('orders.col.consignee'),
      width: 140,
      render: (_, o) => (
        <div>
          <div>{o.consigneeName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {o.phoneMasked}
          </Typography.Text>
        </div>
      ),
    },
    { key: 'region', title: t('orders.col.region'), width: 200, render: (_, o) => o.region ?? '—' },
    {
      key: 'status',
      title: t('orders.col.status'),
      width: 110,
      render: (_, o) => <OrderStatusTag status={o.status} />,
    },
  );
  if (options.queue)
    columns.push(
      {
        key: 'reasons',
        title: t('orders.col.reasons'),
        width: 260,
        render: (_, o) => <ReasonTags reasons={o.reasons} />,
      },
      {
        key: 'age',
        title: t('orders.col.age'),
        width: 110,
        render: (_, o) =>
          o.ageHours === null ? (
            '—'
          ) : (
            <span data-overdue={o.overdue}>
              <Typography.Text type={o.overdue ? 'danger' : undefined} strong={o.overdue}>
                {t('orders.ageHours', { hours: o.ageHours })}
              </Typography.Text>
              {o.overdue ? (
                <Tag color="red" style={{ marginInlineStart: 6 }}>
                  {t('orders.overdue')}
                </Tag>
              ) : null}
            </span>
          ),
      },
    );
  else
    columns.push(
      {
        key: 'reasons',
        title: t('orders.col.reasons'),
        width: 200,
        render: (_, o) => <ReasonTags reasons={o.reasons} max={2} />,
      },
      {
        key: 'warehouse',
        title: t('orders.col.warehouse'),
        width: 100,
        render: (_, o) => options.warehouseCode(o.warehouseId),
      },
      {
        key: 'promised',
        title: t('orders.col.promised'),
        width: 110,
        render: (_, o) => o.promisedDate ?? '—',
      },
    );
  columns.push(
    {
      key: 'service',
      title: t('orders.col.service'),
      width: 90,
      render: (_, o) => <ServiceTag service={o.serviceType} />,
    },
    {
      key: 'total',
      title: t('orders.col.total'),
      width: 110,
      align: 'right',
      render: (_, o) => yuan(o.totalFen),
    },
    {
      key: 'created',
      title: t('orders.col.created'),
      width: 150,
      render: (_, o) => <DateTime value={o.createdAt} />,
    },
  );
  return columns;
}
