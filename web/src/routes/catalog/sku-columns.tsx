import { Badge, Space, type TableColumnsType, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { Sku } from '../../api/types';
import { DateTime } from '../../components/date-time';
import { StorageClassTag } from '../../components/storage-class-tag';
import { formatDimensions, formatWeight } from '../../lib/format';
import { localName } from '../../lib/use-localized';

export function unitsOf(t: TFunction) {
  return { g: t('catalog.unitG'), kg: t('catalog.unitKg'), mm: t('catalog.unitMm'), cm: t('catalog.unitCm') };
}

/** Columns of the SKU table; the merchant column is left out for merchant users. */
export function skuColumns(t: TFunction, lang: string, showMerchant: boolean): TableColumnsType<Sku> {
  const units = unitsOf(t);
  const other = (s: Sku) => (lang === 'en' ? s.nameZh : s.nameEn);
  const columns: TableColumnsType<Sku> = [
    {
      key: 'code',
      title: t('catalog.col.code'),
      width: 150,
      fixed: 'left',
      render: (_, s) => (
        <Link to={`/catalog/skus/${s.id}`} className="mono">
          {s.code}
        </Link>
      ),
    },
    {
      key: 'name',
      title: t('catalog.col.name'),
      width: 260,
      render: (_, s) => (
        <div style={{ minWidth: 0 }}>
          <Typography.Text ellipsis={{ tooltip: true }} style={{ maxWidth: 240 }}>
            {localName(s, lang)}
          </Typography.Text>
          {other(s) ? (
            <div>
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 240 }}>
                {other(s)}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    ...(showMerchant
      ? [
          {
            key: 'merchant',
            title: t('catalog.col.merchant'),
            dataIndex: 'merchantName',
            width: 160,
            ellipsis: true,
          },
        ]
      : []),
    {
      key: 'storageClass',
      title: t('storageClass.label'),
      width: 130,
      render: (_, s) => (
        <Space size={4}>
          <StorageClassTag value={s.storageClass} />
          {s.hazardClass ? (
            <Tag title={`${t('catalog.field.hazardClass')} ${s.hazardClass}`} style={{ marginInlineEnd: 0 }}>
              {s.hazardClass}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'weight',
      title: t('catalog.col.weight'),
      width: 110,
      align: 'right',
      render: (_, s) => formatWeight(s.weightG, lang, units),
    },
    {
      key: 'dimensions',
      title: t('catalog.col.dimensions'),
      width: 180,
      render: (_, s) => formatDimensions(s.lengthMm, s.widthMm, s.heightMm, lang, units),
    },
    {
      key: 'shelfLife',
      title: t('catalog.col.shelfLife'),
      width: 150,
      render: (_, s) => (
        <Space size={4} wrap>
          {s.shelfLifeDays != null ? (
            t('catalog.days', { count: s.shelfLifeDays })
          ) : (
            <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
          )}
          {s.lotTracked ? <Tag>{t('catalog.lotTracked')}</Tag> : null}
        </Space>
      ),
    },
    {
      key: 'status',
      title: t('catalog.col.status'),
      width: 90,
      render: (_, s) =>
        s.active ? (
          <Badge status="success" text={t('common.active')} />
        ) : (
          <Badge status="default" text={t('common.inactive')} />
        ),
    },
    {
      key: 'updatedAt',
      title: t('catalog.col.updatedAt'),
      width: 150,
      render: (_, s) => <DateTime value={s.updatedAt} />,
    },
  ];
  return columns;
}
