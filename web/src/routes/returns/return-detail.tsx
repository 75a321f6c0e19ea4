import { Card, Col, Descriptions, Row, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { type ReturnDetail, type ReturnStatus, useReturn } from '../../api/returns';
import { DateTime } from '../../components/date-time';
import { FullPageSpinner } from '../../components/full-page-spinner';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { OrderStatusTag, yuan } from '../orders/order-tags';
import { ReturnActions } from './return-actions';
import { InspectCard, ReceiveCard } from './return-receive';
import { ReturnReasonTag, ReturnStatusTag } from './return-tags';

/** /returns/:id — one return: what was asked, what came back, what was done with it, and what is next. */
export function ReturnDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const can = useCan();
  const query = useReturn(id);
  if (query.isPending) return <FullPageSpinner />;
  if (query.isError || !query.data)
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const r = query.data;
  const receiver = can(PERM.returnReceive);
  return (
    <>
      <PageHeader
        title={r.number}
        backTo="/returns"
        tags={
          <Space size={4} wrap>
            <ReturnStatusTag status={r.status} />
            <ReturnReasonTag reason={r.reason} />
            {r.outcome ? (
              <Tag color="green">{t(`returns.outcome.${r.outcome}`)}</Tag>
            ) : (
              <Tag>{t(`returns.resolution.${r.resolution}`)}</Tag>
            )}
          </Space>
        }
        extra={<ReturnActions ret={r} />}
      />
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          {r.status === 'awaiting_goods' && receiver ? <ReceiveCard ret={r} /> : null}
          {r.status === 'received' && receiver ? <InspectCard key={r.statusChangedAt} ret={r} /> : null}
          <LinesCard ret={r} />
          {r.inspections.length ? <InspectionsCard ret={r} /> : null}
          {r.refund || r.replacementOrder ? <OutcomeCard ret={r} /> : null}
        </Col>
        <Col xs={24} xl={9}>
          <RequestCard ret={r} />
          <LogisticsCard ret={r} />
          <HistoryCard ret={r} />
        </Col>
      </Row>
    </>
  );
}

function RequestCard({ ret: r }: { ret: ReturnDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={t('returns.detail.request')} className="page-section" size="small">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('returns.detail.order')}>
          <Space>
            <Link to={`/orders/${r.order.id}`} className="mono">
              {r.order.number}
            </Link>
            <OrderStatusTag status={r.order.status} />
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('returns.detail.merchant')}>
          {r.merchantName ?? r.merchantId}
        </Descriptions.Item>
        <Descriptions.Item label={t('returns.col.consignee')}>
          {r.consigneeName} <span className="mono">{r.order.phoneMasked}</span> {r.order.region}
        </Descriptions.Item>
        <Descriptions.Item label={t('returns.detail.condition')}>
          {t(`returns.condition.${r.condition}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('returns.detail.via')}>
          {t(`returns.via.${r.raisedVia}`)} · {r.requestedByName}
        </Descriptions.Item>
        <Descriptions.Item label={t('returns.col.created')}>
          <DateTime value={r.createdAt} />
        </Descriptions.Item>
        <Descriptions.Item label={t('returns.detail.window')}>
          {t('returns.detail.windowText', { days: r.window.days, deadline: r.window.deadline })}
        </Descriptions.Item>
        {r.reasonNote ? (
          <Descriptions.Item label={t('returns.detail.note')}>{r.reasonNote}</Descriptions.Item>
        ) : null}
        {r.rejectReason ? (
          <Descriptions.Item label={t('returns.detail.rejectReason')}>
            <Typography.Text type="danger">{r.rejectReason}</Typography.Text>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}

function LogisticsCard({ ret: r }: { ret: ReturnDetail }) {
  const { t, i18n } = useTranslation();
  const warehouse = r.warehouse;
  return (
    <Card title={t('returns.detail.logistics')} className="page-section" size="small">
      <Descriptions column={1} size="small">
        {r.method ? (
          <Descriptions.Item label={t('returns.form.method')}>
            {t(`returns.method.${r.method}`)}
          </Descriptions.Item>
        ) : null}
        {r.pickup ? (
          <>
            <Descriptions.Item label={t('returns.detail.pickupAddress')}>
              {r.pickup.name} <span className="mono">{r.pickup.phone}</span>
              <div>{r.pickup.address}</div>
            </Descriptions.Item>
            <Descriptions.Item label={t('returns.detail.pickupDate')}>
              {r.pickup.date ?? '—'}
            </Descriptions.Item>
          </>
        ) : null}
        <Descriptions.Item label={t('returns.detail.warehouse')}>
          {warehouse
            ? `${warehouse.code} ${i18n.language === 'en' ? warehouse.nameEn : warehouse.nameZh}`
            : '—'}
        </Descriptions.Item>
        {r.carrier || r.waybillNo ? (
          <Descriptions.Item label={t('returns.detail.carrier')}>
            {r.carrier} <span className="mono">{r.waybillNo}</span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}

function LinesCard({ ret: r }: { ret: ReturnDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={t('returns.detail.lines')} className="page-section" size="small">
      <Table
        size="small"
        rowKey="lineNo"
        pagination={false}
        dataSource={r.lines}
        data-testid="return-lines"
        columns={[
          { key: 'no', title: '#', dataIndex: 'lineNo', width: 40 },
          {
            key: 'sku',
            title: t('returns.detail.sku'),
            render: (_, l) => (
              <Link to={`/catalog/skus/${l.skuId}`}>
                <span className="mono">{l.skuCode}</span> {l.skuName}
              </Link>
            ),
          },
          {
            key: 'price',
            title: t('returns.detail.unitPrice'),
            align: 'right',
            render: (_, l) => yuan(l.unitPriceFen),
          },
          { key: 'qty', title: t('returns.detail.requestedQty'), dataIndex: 'qty', align: 'right' },
          {
            key: 'received',
            title: t('returns.detail.receivedQty'),
            dataIndex: 'receivedQty',
            align: 'right',
          },
          { key: 'restock', title: t('returns.detail.restockQty'), dataIndex: 'restockQty', align: 'right' },
          { key: 'hold', title: t('returns.detail.holdQty'), dataIndex: 'holdQty', align: 'right' },
          { key: 'scrap', title: t('returns.detail.scrapQty'), dataIndex: 'scrapQty', align: 'right' },
        ]}
      />
    </Card>
  );
}

function InspectionsCard({ ret: r }: { ret: ReturnDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={t('returns.detail.inspections')} className="page-section" size="small">
      <Table
        size="small"
        rowKey={(i) => `${i.lineNo}-${i.disposition}-${i.binId}-${i.lotId}`}
        pagination={false}
        dataSource={r.inspections}
        data-testid="return-inspections"
        columns={[
          {
            key: 'sku',
            title: t('returns.detail.sku'),
            render: (_, i) => r.lines.find((l) => l.lineNo === i.lineNo)?.skuCode,
          },
          {
            key: 'disposition',
            title: '',
            render: (_, i) => (
              <Tag color={{ restock: 'green', hold: 'orange', scrap: 'red' }[i.disposition]}>
                {t(`returns.disposition.${i.disposition}`)}
              </Tag>
            ),
          },
          { key: 'qty', title: t('orders.detail.qty'), dataIndex: 'qty', align: 'right' },
          {
            key: 'bin',
            title: t('returns.detail.bin'),
            render: (_, i) => <span className="mono">{i.binCode}</span>,
          },
          { key: 'lot', title: t('returns.detail.lot'), render: (_, i) => i.lotCode ?? '—' },
          { key: 'hold', title: t('returns.detail.holdDoc'), render: (_, i) => i.holdDocNo ?? '—' },
          { key: 'by', title: '', render: (_, i) => i.actorName },
        ]}
      />
    </Card>
  );
}

function OutcomeCard({ ret: r }: { ret: ReturnDetail }) {
  const { t } = useTranslation();
  const f = r.refund;
  return (
    <Card
      title={f ? t('returns.detail.refund') : t('returns.detail.replacement')}
      className="page-section"
      size="small"
      data-testid="return-outcome"
    >
      <Descriptions column={1} size="small">
        {f ? (
          <>
            <Descriptions.Item label={t('returns.detail.gross')}>{yuan(f.grossFen)}</Descriptions.Item>
            <Descriptions.Item label={t('returns.detail.fee')}>{yuan(f.restockingFeeFen)}</Descriptions.Item>
            <Descriptions.Item label={t('returns.detail.amount')}>
              <Space>
                <Typography.Text strong>{yuan(f.amountFen)}</Typography.Text>
                <Tag color={f.status === 'refunded' ? 'green' : 'orange'}>
                  {t(`returns.refundStatus.${f.status}`)}
                </Tag>
              </Space>
            </Descriptions.Item>
            {f.reference ? (
              <Descriptions.Item label={t('returns.detail.reference')}>
                <span className="mono">{f.reference}</span> · {f.refundedBy} <DateTime value={f.refundedAt} />
              </Descriptions.Item>
            ) : null}
          </>
        ) : null}
        {r.replacementOrder ? (
          <Descriptions.Item label={t('returns.detail.replacement')}>
            <Space>
              <Link to={`/orders/${r.replacementOrder.id}`} className="mono" data-testid="replacement-link">
                {r.replacementOrder.number}
              </Link>
              <OrderStatusTag status={r.replacementOrder.status} />
            </Space>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
    </Card>
  );
}

function HistoryCard({ ret: r }: { ret: ReturnDetail }) {
  const { t } = useTranslation();
  return (
    <Card title={t('returns.detail.history')} className="page-section" size="small">
      <Timeline
        data-testid="return-timeline"
        items={[...r.history].reverse().map((h, k) => ({
          key: `${h.at}-${k}`,
          color:
            h.toStatus === 'rejected' || h.toStatus === 'cancelled' ? 'red' : h.toStatus ? 'blue' : 'gray',
          children: (
            <div>
              <Space wrap size={6}>
                <Typography.Text strong>
                  {t(`returns.action.${h.action as 'approve'}`, { defaultValue: h.action })}
                </Typography.Text>
                {h.toStatus ? <ReturnStatusTag status={h.toStatus as ReturnStatus} /> : null}
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
