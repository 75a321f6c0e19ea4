import { Space, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PutawayTask } from '../../api/warehouse';
import { localName, useLang } from '../../lib/use-localized';
import { Mono } from './receipt-tags';

const STATUS_COLOR = { open: 'gold', done: 'green', cancelled: 'default' } as const;

/** Putaway tasks: suggested bin with the slotting rule that chose it, progress, wrong scans, where goods went. */
export function TaskTable({
  tasks,
  showReceipt = false,
  selectedId,
  onSelect,
}: {
  tasks: PutawayTask[];
  showReceipt?: boolean;
  selectedId?: string;
  onSelect?: (task: PutawayTask) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const columns: TableColumnsType<PutawayTask> = [
    ...(showReceipt
      ? [
          {
            key: 'receipt',
            title: t('inbound.number'),
            width: 180,
            render: (_: unknown, x: PutawayTask) => (
              <Link to={`/warehouse/receipts/${x.receiptId}`} className="mono">
                {x.receiptNumber}
              </Link>
            ),
          },
        ]
      : []),
    {
      key: 'sku',
      title: t('inbound.sku'),
      width: 220,
      render: (_, x) => (
        <div>
          <span className="mono">{x.skuCode}</span>
          <Typography.Text
            type="secondary"
            ellipsis
            style={{ display: 'block', fontSize: 12, maxWidth: 200 }}
          >
            {localName({ nameZh: x.skuNameZh ?? '', nameEn: x.skuNameEn }, lang)}
          </Typography.Text>
        </div>
      ),
    },
    {
      key: 'lot',
      title: t('inbound.lot'),
      dataIndex: 'lotCode',
      width: 120,
      render: (v: string | null) => <Mono>{v}</Mono>,
    },
    {
      key: 'bin',
      title: t('inbound.suggestedBin'),
      width: 200,
      render: (_, x) =>
        x.suggestedBinCode ? (
          <Space size={6}>
            <Typography.Text strong className="mono">
              {x.suggestedBinCode}
            </Typography.Text>
            {x.slotReason ? <Tag>{t(`inbound.slotReason.${x.slotReason}`)}</Tag> : null}
          </Space>
        ) : (
          <Tag color="red">{t('inbound.noSuggestion')}</Tag>
        ),
    },
    { key: 'qty', title: t('inbound.qty'), dataIndex: 'qty', width: 70, align: 'right' },
    { key: 'remaining', title: t('inbound.remaining'), dataIndex: 'remainingQty', width: 80, align: 'right' },
    {
      key: 'status',
      title: t('inbound.status'),
      width: 90,
      render: (_, x) => <Tag color={STATUS_COLOR[x.status]}>{t(`inbound.taskStatus.${x.status}`)}</Tag>,
    },
    {
      key: 'wrong',
      title: t('inbound.wrongScans'),
      dataIndex: 'wrongScans',
      width: 90,
      align: 'right',
      render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0),
    },
    {
      key: 'done',
      title: t('inbound.putTo'),
      width: 200,
      render: (_, x) => (
        <Space size={4} wrap>
          {x.confirmations.map((c) => (
            <Tooltip key={`${c.binId}${c.at}`} title={`${c.actorName} · ${c.at}`}>
              <Tag color={c.deviated ? 'orange' : 'green'} className="mono">
                {c.binCode} × {c.qty}
                {c.deviated ? ` · ${t('inbound.deviated')}` : ''}
              </Tag>
            </Tooltip>
          ))}
        </Space>
      ),
    },
  ];
  return (
    <Table<PutawayTask>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={tasks}
      pagination={false}
      scroll={{ x: 1100 }}
      data-testid="task-table"
      rowSelection={
        onSelect
          ? {
              type: 'radio',
              selectedRowKeys: selectedId ? [selectedId] : [],
              onChange: (_, rows) => rows[0] && onSelect(rows[0]),
              getCheckboxProps: (x) => ({ disabled: x.status !== 'open' }),
            }
          : undefined
      }
      onRow={onSelect ? (x) => ({ onClick: () => x.status === 'open' && onSelect(x) }) : undefined}
    />
  );
}
