import { CheckCircleTwoTone } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, List, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type OrderDetail, useFixAddress } from '../../api/orders';
import { DateTime } from '../../components/date-time';
import { StorageClassTag } from '../../components/storage-class-tag';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useNotifyError } from '../../lib/use-notify-error';
import { OrderStatusTag, yuan } from './order-tags';

/** Consignee and address: as given, as recognised, and the fixes on offer. */
export function ConsigneeCard({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  const can = useCan();
  const fix = useFixAddress();
  const notify = useNotifyError();
  const c = order.consignee;
  const status = c.addressStatus as 'exact' | 'normalised' | 'suggested' | 'failed';
  const color = { exact: 'green', normalised: 'blue', suggested: 'orange', failed: 'red' }[status];
  const canFix = order.status === 'exception' && can(PERM.orderException);
  return (
    <Card title={t('orders.detail.consignee')} className="page-section" size="small">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('orders.detail.name')}>{c.name}</Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.phone')}>
          <span className="mono">{c.phone}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.email')}>
          <span className={c.email ? 'mono' : undefined} data-testid="order-consignee-email">
            {c.email ?? <Typography.Text type="secondary">{t('orders.detail.noEmail')}</Typography.Text>}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.addressGiven')}>{c.addressText}</Descriptions.Item>
        <Descriptions.Item label={t('orders.detail.addressParsed')}>
          <Space wrap>
            <Tag color={color}>{t(`orders.detail.addressStatus.${status}`)}</Tag>
            {c.districtName ? (
              <span>
                {[c.provinceName, c.cityName !== c.provinceName ? c.cityName : null, c.districtName]
                  .filter(Boolean)
                  .join(' / ')}
                <Typography.Text type="secondary" className="mono" style={{ marginInlineStart: 6 }}>
                  {c.districtCode}
                </Typography.Text>
              </span>
            ) : null}
            <span>{c.detail}</span>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      {c.suggestions.length && order.status === 'exception' ? (
        <List
          size="small"
          header={<Typography.Text strong>{t('orders.detail.suggestions')}</Typography.Text>}
          dataSource={c.suggestions}
          renderItem={(s, index) => (
            <List.Item
              actions={
                canFix
                  ? [
                      <Button
                        key="use"
                        size="small"
                        type="link"
                        loading={fix.isPending}
                        data-testid={`use-suggestion-${index}`}
                        onClick={() =>
                          fix
                            .mutateAsync({ id: order.id, body: { suggestion: index } })
                            .catch((e) => notify(e))
                        }
                      >
                        {t('orders.detail.useSuggestion')}
                      </Button>,
                    ]
                  : []
              }
            >
              {s.text}
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  );
}

/** Why the order is in the queue, in the user's language. */
export function IssuesAlert({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  if (!order.issues.length && !order.overrides.length) return null;
  return (
    <>
      {order.issues.length ? (
        <Alert
          type="error"
          showIcon
          className="page-section"
          title={t('orders.detail.issues')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="order-issues">
              {order.issues.map((i) => (
                <li key={`${i.code}-${i.field}`}>{i.message}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {order.overrides.length ? (
        <Alert
          type="warning"
          showIcon
          className="page-section"
          title={`${t('orders.detail.overridden')}: ${order.overrides.map((r) => t(`orders.reason.${r as 'phone_invalid'}`, { defaultValue: r })).join('、')}`}
        />
      ) : null}
    </>
  );
}

export function LinesCard({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={t('orders.detail.lines')} className="page-section" size="small">
      <Table
        size="small"
        rowKey="lineNo"
        pagination={false}
        dataSource={order.lines}
        columns={[
          { key: 'no', title: '#', dataIndex: 'lineNo', width: 40 },
          {
            key: 'sku',
            title: t('orders.detail.sku'),
            render: (_, l) =>
              l.skuId ? (
                <Link to={`/catalog/skus/${l.skuId}`}>
                  <span className="mono">{l.skuCode}</span> {l.skuName}
                </Link>
              ) : (
                <Typography.Text type="danger" className="mono">
                  {l.skuCode}
                </Typography.Text>
              ),
          },
          {
            key: 'class',
            title: '',
            width: 90,
            render: (_, l) =>
              l.storageClass ? <StorageClassTag value={l.storageClass as 'ambient'} /> : null,
          },
          { key: 'qty', title: t('orders.detail.qty'), dataIndex: 'qty', width: 70, align: 'right' },
          {
            key: 'price',
            title: t('orders.detail.unitPrice'),
            width: 100,
            align: 'right',
            render: (_, l) => yuan(l.unitPriceFen),
          },
          {
            key: 'amount',
            title: t('orders.detail.amount'),
            width: 110,
            align: 'right',
            render: (_, l) => yuan(Math.max(0, l.qty) * l.unitPriceFen),
          },
        ]}
      />
      {order.allocations.length ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('orders.detail.allocations')}
          </Typography.Title>
          <Table
            size="small"
            rowKey={(a) => `${a.binId}-${a.lotId}-${a.skuId}`}
            pagination={false}
            dataSource={order.allocations}
            data-testid="order-allocations"
            columns={[
              {
                key: 'sku',
                title: t('orders.detail.sku'),
                render: (_, a) => order.lines.find((l) => l.skuId === a.skuId)?.skuCode ?? a.skuId,
              },
              {
                key: 'bin',
                title: t('orders.detail.bin'),
                render: (_, a) => <span className="mono">{a.binCode}</span>,
              },
              { key: 'lot', title: t('orders.detail.lot'), render: (_, a) => a.lotCode ?? '—' },
              { key: 'expiry', title: t('orders.detail.expiry'), render: (_, a) => a.expiryDate ?? '—' },
              { key: 'qty', title: t('orders.detail.qty'), dataIndex: 'qty', align: 'right' },
              { key: 'picked', title: t('orders.detail.picked'), dataIndex: 'pickedQty', align: 'right' },
            ]}
          />
        </>
      ) : null}
    </Card>
  );
}

/** Every allocation decision with its reason and the warehouses it weighed. */
export function DecisionsCard({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  if (!order.decisions.length) return null;
  return (
    <Card
      title={t('orders.detail.decisions')}
      className="page-section"
      size="small"
      data-testid="order-decisions"
    >
      {order.decisions.map((d) => (
        <div key={`${d.at}-${d.code}`} style={{ marginBottom: 16 }}>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            <DateTime value={d.at} /> · {d.message}
          </Typography.Paragraph>
          {d.candidates.length ? (
            <Table
              size="small"
              rowKey="warehouseId"
              pagination={false}
              dataSource={d.candidates}
              columns={[
                {
                  key: 'code',
                  title: t('orders.detail.candidates'),
                  render: (_, c) => (
                    <Space>
                      {c.chosen ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : null}
                      <span className="mono">{c.code}</span>
                    </Space>
                  ),
                },
                {
                  key: 'covers',
                  title: t('orders.detail.covers'),
                  render: (_, c) => `${c.coversLines}/${c.totalLines}`,
                },
                { key: 'zone', title: '', render: (_, c) => t('orders.detail.zone', { zone: c.zone }) },
                {
                  key: 'km',
                  title: t('orders.detail.distance'),
                  align: 'right',
                  render: (_, c) => (c.distanceKm === null ? '—' : `${c.distanceKm} km`),
                },
                {
                  key: 'cost',
                  title: t('orders.detail.cost'),
                  align: 'right',
                  render: (_, c) => yuan(c.costFen),
                },
                { key: 'days', title: t('orders.detail.days'), align: 'right', dataIndex: 'transitDays' },
                {
                  key: 'why',
                  title: '',
                  render: (_, c) =>
                    c.rejectedMessage ? (
                      <Typography.Text type="secondary">{c.rejectedMessage}</Typography.Text>
                    ) : null,
                },
              ]}
            />
          ) : null}
        </div>
      ))}
    </Card>
  );
}

/** The order's history: who did what, when, from which status to which. */
export function HistoryCard({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={t('orders.detail.history')} className="page-section" size="small">
      <Timeline
        data-testid="order-timeline"
        items={[...order.history].reverse().map((h, k) => ({
          key: `${h.at}-${k}`,
          color: h.toStatus === 'exception' ? 'red' : h.toStatus ? 'blue' : 'gray',
          children: (
            <div>
              <Space wrap size={6}>
                <Typography.Text strong>
                  {t(`orders.action.${h.action as 'created'}`, { defaultValue: h.action })}
                </Typography.Text>
                {h.toStatus ? <OrderStatusTag status={h.toStatus as OrderDetail['status']} /> : null}
                <Typography.Text type="secondary">
                  <DateTime value={h.at} /> · {h.actorName}
                </Typography.Text>
              </Space>
              {h.note ? <div>{h.note}</div> : null}
            </div>
          ),
        }))}
      />
    </Card>
  );
}

export function FamilyCard({ order }: { order: OrderDetail }) {
  const { t } = useTranslation();
  if (!order.family.length) return null;
  return (
    <Card title={t('orders.detail.family')} className="page-section" size="small">
      <List
        size="small"
        dataSource={order.family}
        renderItem={(f) => (
          <List.Item>
            <Space>
              <Link to={`/orders/${f.id}`} className="mono">
                {f.number}
              </Link>
              {f.isRoot ? <Tag>{t('orders.detail.root')}</Tag> : null}
              <OrderStatusTag status={f.status} />
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
