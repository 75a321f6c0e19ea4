import { Card, Col, Descriptions, Row, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useOrder } from '../../api/orders';
import { DateTime } from '../../components/date-time';
import { FullPageSpinner } from '../../components/full-page-spinner';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { OrderReturnsCard } from '../returns/order-returns-card';
import { OrderActions } from './order-actions';
import {
  ConsigneeCard,
  DecisionsCard,
  FamilyCard,
  HistoryCard,
  IssuesAlert,
  LinesCard,
} from './order-detail-parts';
import { OrderStatusTag, ReasonTags, ServiceTag, yuan } from './order-tags';

/** /orders/:id — one order: what it is, why it is where it is, and what can be done. */
export function OrderDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const order = useOrder(id);
  if (order.isPending) return <FullPageSpinner />;
  if (order.isError || !order.data)
    return <QueryError error={order.error} onRetry={() => void order.refetch()} />;
  const o = order.data;
  return (
    <>
      <PageHeader
        title={o.number}
        backTo={o.status === 'exception' ? '/orders/exceptions' : '/orders'}
        tags={
          <Space size={4} wrap>
            <OrderStatusTag status={o.status} />
            <ServiceTag service={o.serviceType} />
            <ReasonTags reasons={o.reasons} max={5} />
            {o.overdue ? <Tag color="red">{t('orders.overdue')}</Tag> : null}
            {o.interceptRequestedAt ? <Tag color="magenta">{t('orders.detail.intercept')}</Tag> : null}
          </Space>
        }
        extra={<OrderActions order={o} />}
      />
      <IssuesAlert order={o} />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <ConsigneeCard order={o} />
          <LinesCard order={o} />
          <DecisionsCard order={o} />
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('orders.detail.order')} className="page-section" size="small">
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('orders.detail.merchant')}>
                {o.merchantName ?? o.merchantId}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.detail.channel')}>
                <Tag>{o.channel}</Tag>
                <span className="mono">{o.externalNo}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.col.created')}>
                <DateTime value={o.createdAt} />
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.detail.payment')}>
                {t(`orders.payment.${o.paymentStatus as 'paid'}`)}
                {o.codAmountFen !== null ? ` · ${t('orders.detail.cod')} ${yuan(o.codAmountFen)}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('orders.detail.total')}>{yuan(o.totalFen)}</Descriptions.Item>
              <Descriptions.Item label={t('orders.detail.weight')}>
                {(o.weightG / 1000).toFixed(2)} kg
              </Descriptions.Item>
              {o.deliveryWindow ? (
                <Descriptions.Item label={t('orders.detail.window')}>
                  <DateTime value={o.deliveryWindow.from} /> – <DateTime value={o.deliveryWindow.to} />
                </Descriptions.Item>
              ) : null}
              {o.shippingCostFen !== null ? (
                <Descriptions.Item label={t('orders.detail.shippingCost')}>
                  {yuan(o.shippingCostFen)}
                </Descriptions.Item>
              ) : null}
              {o.promisedDate ? (
                <Descriptions.Item label={t('orders.detail.promised')}>
                  <span data-testid="order-promised">{o.promisedDate}</span>
                </Descriptions.Item>
              ) : null}
              {o.carrier || o.waybillNo ? (
                <Descriptions.Item label={t('orders.detail.carrier')}>
                  {o.carrier} <span className="mono">{o.waybillNo}</span>
                </Descriptions.Item>
              ) : null}
              {o.notes ? (
                <Descriptions.Item label={t('orders.detail.notes')}>{o.notes}</Descriptions.Item>
              ) : null}
            </Descriptions>
          </Card>
          <FamilyCard order={o} />
          <OrderReturnsCard order={o} />
          <HistoryCard order={o} />
        </Col>
      </Row>
    </>
  );
}
