import { CheckCircleTwoTone, WarningOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Skeleton,
  Space,
  Steps,
  Table,
  type TableColumnsType,
  Tag,
  Timeline,
  Tooltip,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useWarehouses } from '../../api/org';
import { type ReceiptLine, type ReceiptStatus, useReceipt } from '../../api/warehouse';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { StorageClassTag } from '../../components/storage-class-tag';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { localName, useLang } from '../../lib/use-localized';
import { warehouseLabel } from '../inventory/stock';
import { ExpiryDate } from '../inventory/stock-tags';
import { InspectionDrawer } from './inspection-drawer';
import { ReceiptActions } from './receipt-actions';
import { formatDc, Mono, ReceiptStatusTag } from './receipt-tags';
import { ScanInput } from './scan-input';
import { TaskTable } from './task-table';

const STEPS: ReceiptStatus[] = [
  'draft',
  'arrived',
  'inspecting',
  'inspected',
  'putaway_in_progress',
  'completed',
];

/** /warehouse/receipts/:id — one receipt: arrival, documents, per-line inspection (scan to open), tasks. */
export function ReceiptDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const receipt = useReceipt(id);
  const warehouses = useWarehouses(can(PERM.warehouseRead));
  const warehouseById = useMemo(
    () => new Map((warehouses.data ?? []).map((w) => [w.id, w] as const)),
    [warehouses.data],
  );
  const [inspecting, setInspecting] = useState<ReceiptLine | null>(null);

  if (receipt.isError) return <QueryError error={receipt.error} onRetry={() => void receipt.refetch()} />;
  if (!receipt.data) return <Skeleton active />;
  const r = receipt.data;
  const canInspect = can(PERM.receiptInspect) && (r.status === 'arrived' || r.status === 'inspecting');
  const onScan = (code: string) => {
    const line = r.lines.find((l) => l.skuCode === code || l.skuBarcodes.includes(code));
    if (line) setInspecting(line);
    else message.warning(t('inbound.scanNoLine', { code }));
  };

  const columns: TableColumnsType<ReceiptLine> = [
    { key: 'no', title: '#', dataIndex: 'lineNo', width: 50 },
    {
      key: 'sku',
      title: t('inbound.sku'),
      width: 240,
      render: (_, l) => (
        <div>
          <Space size={6}>
            <span className="mono">{l.skuCode}</span>
            {l.storageClass ? <StorageClassTag value={l.storageClass} /> : null}
          </Space>
          <Typography.Text
            type="secondary"
            ellipsis
            style={{ display: 'block', fontSize: 12, maxWidth: 220 }}
          >
            {localName({ nameZh: l.skuNameZh ?? '', nameEn: l.skuNameEn }, lang)}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'lot',
      title: t('inbound.lot'),
      dataIndex: 'lotCode',
      width: 130,
      render: (v: string | null) => <Mono>{v}</Mono>,
    },
    {
      key: 'expiry',
      title: t('inbound.expiryDate'),
      width: 120,
      render: (_, l) => <ExpiryDate value={l.expiryDate} />,
    },
    { key: 'expected', title: t('inbound.expected'), dataIndex: 'expectedQty', width: 95, align: 'right' },
    {
      key: 'received',
      title: t('inbound.received'),
      width: 95,
      align: 'right',
      render: (_, l) => (l.receivedQty === null ? '—' : l.receivedQty),
    },
    {
      key: 'accepted',
      title: t('inbound.accepted'),
      width: 95,
      align: 'right',
      render: (_, l) =>
        l.acceptedQty === null ? '—' : <Typography.Text strong>{l.acceptedQty}</Typography.Text>,
    },
    {
      key: 'rejected',
      title: t('inbound.rejected'),
      width: 110,
      align: 'right',
      render: (_, l) =>
        l.rejectedQty ? (
          <Tooltip
            title={l.rejections.map((x) => (
              <div key={`${x.reason}${x.qty}${x.note}`}>
                {x.qty} × {t(`inbound.rejectReason.${x.reason}`)} ·{' '}
                {x.disposition === 'hold' ? t('inbound.dispositionHold') : t('inbound.dispositionRefused')}
                {x.note ? ` · ${x.note}` : ''}
              </div>
            ))}
          >
            <Typography.Text type="danger">{l.rejectedQty}</Typography.Text>
          </Tooltip>
        ) : (
          0
        ),
    },
    {
      key: 'temp',
      title: t('inbound.temperature'),
      width: 120,
      render: (_, l) =>
        l.arrivalRange ? (
          <Tooltip
            title={t('inbound.tempRange', {
              min: formatDc(l.arrivalRange.minDc),
              max: formatDc(l.arrivalRange.maxDc),
            })}
          >
            <span className="mono">{formatDc(l.arrivalTempDc)}</span>
            {l.overrideNote ? (
              <Tooltip title={t('inbound.overriddenBy', { name: l.overrideByName, note: l.overrideNote })}>
                <WarningOutlined style={{ color: '#faad14', marginInlineStart: 6 }} />
              </Tooltip>
            ) : null}
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: 'inspector',
      title: t('inbound.inspector'),
      width: 150,
      render: (_, l) =>
        l.inspectedAt ? (
          <Space size={4}>
            <CheckCircleTwoTone twoToneColor="#52c41a" />
            {l.inspectorName}
          </Space>
        ) : (
          <Tag>{t('inbound.notInspected')}</Tag>
        ),
    },
    { key: 'putaway', title: t('inbound.putaway'), dataIndex: 'putawayQty', width: 95, align: 'right' },
    {
      key: 'action',
      title: t('common.actions'),
      width: 100,
      fixed: 'right',
      render: (_, l) =>
        canInspect ? (
          <Button type="link" size="small" onClick={() => setInspecting(l)} data-testid="line-inspect">
            {l.inspectedAt ? t('inbound.reinspect') : t('inbound.inspect')}
          </Button>
        ) : null,
    },
  ];

  const current = r.status === 'cancelled' ? 0 : STEPS.indexOf(r.status);
  return (
    <>
      <PageHeader
        title={r.number}
        tags={<ReceiptStatusTag value={r.status} />}
        backTo="/warehouse/receipts"
        extra={<ReceiptActions receipt={r} />}
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={current}
          status={r.status === 'cancelled' ? 'error' : r.status === 'completed' ? 'finish' : 'process'}
          items={STEPS.map((s) => ({ title: t(`receiptStatus.${s}`) }))}
          style={{ marginBottom: 20 }}
        />
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('inbound.warehouse')}>
            {warehouseLabel(warehouseById, r.warehouseId, lang)}
          </Descriptions.Item>
          <Descriptions.Item label={t('inbound.merchant')}>{r.merchantName}</Descriptions.Item>
          <Descriptions.Item label={t('inbound.supplier')}>{r.supplierName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="ASN">
            {r.asnNumber ? (
              <Link to={`/warehouse/asns?q=${r.asnNumber}`} className="mono">
                {r.asnNumber}
              </Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('inbound.deliveryNoteNo')}>
            <Mono>{r.deliveryNoteNo}</Mono>
          </Descriptions.Item>
          <Descriptions.Item label={t('inbound.vehiclePlate')}>
            {r.vehiclePlate ?? '—'} {r.dock ? `· ${t('inbound.dock')} ${r.dock}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('inbound.arrivedAt')}>
            <DateTime value={r.arrivedAt} />
          </Descriptions.Item>
          <Descriptions.Item label={t('inbound.documentsTitle')}>
            <Space size={4} wrap>
              <Tag color={r.documentsComplete ? 'green' : 'orange'}>
                {r.documentsComplete ? t('inbound.documentsComplete') : t('inbound.documentsIncomplete')}
              </Tag>
              {r.documents.map((d) => (
                <Tag key={`${d.kind}${d.ref}`}>
                  {t(`inbound.documentKind.${d.kind}`)} {d.ref}
                </Tag>
              ))}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('inbound.pendingReturn')}>{r.totals.pendingReturn}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('inbound.lines')} style={{ marginBottom: 16 }}>
        {canInspect ? (
          <div style={{ marginBottom: 12, maxWidth: 420 }}>
            <ScanInput onScan={onScan} placeholder={t('inbound.scanLine')} testId="receipt-scan" />
          </div>
        ) : null}
        <Table<ReceiptLine>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={r.lines}
          pagination={false}
          scroll={{ x: 1500 }}
          data-testid="receipt-lines"
        />
      </Card>
      {r.tasks.length ? (
        <Card title={t('inbound.tasks')} style={{ marginBottom: 16 }}>
          <TaskTable tasks={r.tasks} />
        </Card>
      ) : null}
      <Flex gap={16} wrap>
        <Card title={t('inbound.history')} style={{ flex: '1 1 360px' }}>
          <Timeline
            items={r.history.map((h) => ({
              key: `${h.at}${h.to}`,
              color: h.to === 'cancelled' ? 'red' : 'blue',
              content: (
                <>
                  {t(`receiptStatus.${h.to}`)} · {h.actorName} · <DateTime value={h.at} />
                  {h.note ? <div style={{ color: '#8c8c8c' }}>{h.note}</div> : null}
                </>
              ),
            }))}
          />
        </Card>
        {r.returns.length ? (
          <Card title={t('inbound.returns')} style={{ flex: '1 1 360px' }}>
            {r.returns.map((x) => (
              <div key={x.id} style={{ marginBottom: 8 }}>
                <span className="mono">{x.number}</span> · {x.lines.reduce((s, l) => s + l.qty, 0)} ·{' '}
                {x.actorName} · <DateTime value={x.at} />
              </div>
            ))}
          </Card>
        ) : null}
      </Flex>
      <InspectionDrawer receiptId={r.id} line={inspecting} onClose={() => setInspecting(null)} />
    </>
  );
}
