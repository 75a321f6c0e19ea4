import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSkusById, useWarehouseBins } from '../../api/inventory';
import { useWarehouses } from '../../api/org';
import {
  DISPOSITIONS,
  type Disposition,
  type ReturnDetail,
  useInspectReturn,
  useReceiveReturn,
} from '../../api/returns';
import { useNotifyError } from '../../lib/use-notify-error';

type Line = ReturnDetail['lines'][number];

/** A line's SKU: the code on top, the name below (shortened). */
function SkuCell({ line }: { line: Line }) {
  return (
    <div style={{ minWidth: 140, maxWidth: 260 }}>
      <span className="mono">{line.skuCode}</span>
      {line.skuName ? (
        <Typography.Text type="secondary" ellipsis style={{ display: 'block' }}>
          {line.skuName}
        </Typography.Text>
      ) : null}
    </div>
  );
}

/** Counting what arrived: scan a SKU code or barcode (one unit per scan) or type the quantities. */
export function ReceiveCard({ ret }: { ret: ReturnDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const receive = useReceiveReturn();
  const skus = useSkusById(ret.lines.map((l) => l.skuId));
  const [counts, setCounts] = useState<Record<number, number>>({});
  const [scan, setScan] = useState('');
  const [note, setNote] = useState('');
  const lineOf = (code: string) => {
    const c = code.trim().toUpperCase();
    return ret.lines.find(
      (l) => l.skuCode.toUpperCase() === c || (skus.get(l.skuId)?.barcodes ?? []).includes(code.trim()),
    );
  };
  const onScan = (code: string) => {
    setScan('');
    if (!code.trim()) return;
    const line = lineOf(code);
    if (!line) return void message.warning(t('returns.receive.unknown', { code }));
    setCounts((c) => ({ ...c, [line.lineNo]: Math.min(line.qty, (c[line.lineNo] ?? 0) + 1) }));
  };
  const submit = () =>
    receive
      .mutateAsync({
        id: ret.id,
        body: {
          lines: ret.lines.map((l) => ({ lineNo: l.lineNo, qty: counts[l.lineNo] ?? 0 })),
          ...(note.trim() ? { note: note.trim() } : {}),
        },
      })
      .then(
        () =>
          message.success(t('returns.done', { number: ret.number, status: t('returns.status.received') })),
        (e) => notify(e),
      );
  return (
    <Card
      title={t('returns.receive.title')}
      className="page-section"
      size="small"
      data-testid="return-receive"
    >
      <Typography.Paragraph type="secondary">{t('returns.receive.scanHint')}</Typography.Paragraph>
      <Input.Search
        value={scan}
        onChange={(e) => setScan(e.target.value)}
        onSearch={onScan}
        placeholder={t('returns.receive.scan')}
        enterButton
        style={{ maxWidth: 420, marginBottom: 12 }}
        data-testid="return-scan"
      />
      <Table
        size="small"
        rowKey="lineNo"
        pagination={false}
        dataSource={ret.lines}
        columns={[
          { key: 'no', title: '#', dataIndex: 'lineNo', width: 40 },
          { key: 'sku', title: t('returns.detail.sku'), render: (_, l) => <SkuCell line={l} /> },
          {
            key: 'qty',
            title: t('returns.detail.requestedQty'),
            dataIndex: 'qty',
            width: 80,
            align: 'right',
          },
          {
            key: 'received',
            title: t('returns.receive.received'),
            width: 120,
            render: (_, l) => (
              <InputNumber
                min={0}
                max={l.qty}
                precision={0}
                value={counts[l.lineNo] ?? 0}
                onChange={(v) => setCounts((c) => ({ ...c, [l.lineNo]: v ?? 0 }))}
                data-testid={`receive-qty-${l.lineNo}`}
              />
            ),
          },
        ]}
      />
      <Flex gap={8} style={{ marginTop: 12 }}>
        <Input
          placeholder={t('returns.form.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          maxLength={500}
        />
        <Button
          type="primary"
          loading={receive.isPending}
          onClick={() => void submit()}
          data-testid="return-receive-submit"
        >
          {t('returns.receive.count')}
        </Button>
      </Flex>
    </Card>
  );
}

interface Entry {
  key: number;
  lineNo: number;
  disposition: Disposition;
  qty: number;
  binId?: string;
  lotId?: string;
}

/** Where a line's goods go back by default: the bin (and lot) they were picked from in this warehouse. */
const defaultFrom = (ret: ReturnDetail, line: Line, lotId?: string) =>
  line.shippedFrom.find((s) => s.warehouseId === ret.warehouseId && (!lotId || s.lotId === lotId));

/** Inspection: every received unit restocked, held for quality review or scrapped (posted on the ledger). */
export function InspectCard({ ret }: { ret: ReturnDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notify = useNotifyError();
  const inspect = useInspectReturn();
  const bins = useWarehouseBins(ret.warehouseId ?? undefined);
  const warehouses = useWarehouses();
  const [seq, setSeq] = useState(ret.lines.length);
  const [entries, setEntries] = useState<Entry[]>(() =>
    ret.lines
      .filter((l) => l.receivedQty > 0)
      .map((l, k) => ({ key: k, lineNo: l.lineNo, disposition: 'restock' as const, qty: l.receivedQty })),
  );
  const classOfZone = useMemo(() => {
    const zones = (warehouses.data ?? []).flatMap((w) => w.zones);
    return new Map(zones.map((z) => [z.id, z.storageClass as string]));
  }, [warehouses.data]);
  const lineOf = (no: number) => ret.lines.find((l) => l.lineNo === no)!;
  const binsFor = (line: Line, disposition: Disposition) =>
    (bins.data ?? []).filter(
      (b) =>
        b.active &&
        (disposition === 'scrap' ||
          (b.kind !== 'dispatch' &&
            (!line.storageClass || classOfZone.get(b.zoneId ?? '') === line.storageClass))),
    );
  const set = (key: number, patch: Partial<Entry>) =>
    setEntries((all) => all.map((e) => (e.key === key ? { ...e, ...patch } : e)));
  const mismatches = ret.lines
    .map((l) => ({
      line: l.lineNo,
      received: l.receivedQty,
      inspected: entries.filter((e) => e.lineNo === l.lineNo).reduce((s, e) => s + (e.qty || 0), 0),
    }))
    .filter((m) => m.received !== m.inspected);
  const submit = () =>
    inspect
      .mutateAsync({
        id: ret.id,
        body: {
          entries: entries
            .filter((e) => e.qty > 0)
            .map((e) => ({
              lineNo: e.lineNo,
              disposition: e.disposition,
              qty: e.qty,
              ...(e.binId ? { binId: e.binId } : {}),
              ...(e.lotId ? { lotId: e.lotId } : {}),
            })),
        },
      })
      .then(
        () =>
          message.success(t('returns.done', { number: ret.number, status: t('returns.status.inspected') })),
        (e) => notify(e),
      );
  return (
    <Card
      title={t('returns.receive.inspectTitle')}
      className="page-section"
      size="small"
      data-testid="return-inspect"
    >
      <Typography.Paragraph type="secondary">{t('returns.receive.inspectHint')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={entries}
        columns={[
          {
            key: 'sku',
            title: t('returns.detail.sku'),
            render: (_, e) => <SkuCell line={lineOf(e.lineNo)} />,
          },
          {
            key: 'disposition',
            title: t('returns.detail.inspections'),
            width: 140,
            render: (_, e) => (
              <Select
                value={e.disposition}
                onChange={(disposition) => set(e.key, { disposition, binId: undefined })}
                style={{ width: 130 }}
                data-testid={`inspect-disposition-${e.key}`}
                options={DISPOSITIONS.map((d) => ({ value: d, label: t(`returns.disposition.${d}`) }))}
              />
            ),
          },
          {
            key: 'qty',
            title: t('orders.detail.qty'),
            width: 100,
            render: (_, e) => (
              <InputNumber
                min={0}
                max={lineOf(e.lineNo).receivedQty}
                precision={0}
                value={e.qty}
                onChange={(v) => set(e.key, { qty: v ?? 0 })}
                data-testid={`inspect-qty-${e.key}`}
              />
            ),
          },
          {
            key: 'bin',
            title: t('returns.detail.bin'),
            width: 200,
            render: (_, e) => {
              const line = lineOf(e.lineNo);
              const fallback = defaultFrom(ret, line, e.lotId);
              return (
                <Select
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  value={e.binId}
                  onChange={(binId) => set(e.key, { binId })}
                  placeholder={fallback ? `${t('returns.receive.defaultBin')} ${fallback.binCode}` : ''}
                  style={{ width: 190 }}
                  options={binsFor(line, e.disposition).map((b) => ({ value: b.id, label: b.code }))}
                />
              );
            },
          },
          {
            key: 'lot',
            title: t('returns.detail.lot'),
            width: 160,
            render: (_, e) => {
              const lots = lineOf(e.lineNo).shippedFrom.filter((s) => s.lotId);
              return lots.length ? (
                <Select
                  allowClear
                  value={e.lotId}
                  onChange={(lotId) => set(e.key, { lotId })}
                  placeholder={lots.length === 1 ? lots[0].lotCode : ''}
                  style={{ width: 150 }}
                  options={lots.map((s) => ({
                    value: s.lotId!,
                    label: `${s.lotCode} (${s.expiryDate ?? '—'})`,
                  }))}
                />
              ) : (
                '—'
              );
            },
          },
          {
            key: 'more',
            width: 48,
            render: (_, e) => (
              <Button
                type="text"
                icon={<PlusOutlined />}
                aria-label={t('returns.receive.addEntry')}
                onClick={() => {
                  setEntries((all) => [...all, { key: seq, lineNo: e.lineNo, disposition: 'hold', qty: 0 }]);
                  setSeq(seq + 1);
                }}
              />
            ),
          },
        ]}
      />
      {mismatches.length ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 12 }}
          title={mismatches.map((m) => t('returns.receive.mismatch', m)).join('；')}
        />
      ) : null}
      <Space style={{ marginTop: 12 }}>
        <Button
          type="primary"
          loading={inspect.isPending}
          disabled={mismatches.length > 0}
          onClick={() => void submit()}
          data-testid="return-inspect-submit"
        >
          {t('returns.receive.submitInspect')}
        </Button>
      </Space>
    </Card>
  );
}
