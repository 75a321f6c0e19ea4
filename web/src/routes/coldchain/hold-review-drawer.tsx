import { App, Button, Drawer, Flex, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type HoldLine, useHold, useReviewHold } from '../../api/coldchain';
import { useSkusById } from '../../api/inventory';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { formatQty, SkuCell } from '../inventory/stock';

type Decision = { release: number; damaged: number; scrap: number };

/**
 * One hold's lines, and (with the permission) the quality review: release, damaged or scrap per line.
 * Mount it with `key={id}` so each hold starts with a clean form.
 */
export function HoldReviewDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const hold = useHold(id);
  const review = useReviewHold();
  const lines = hold.data?.lines ?? [];
  const skus = useSkusById(
    lines.map((l) => l.skuId),
    can(PERM.skuRead),
  );
  const [decisions, setDecisions] = useState<Record<number, Decision>>({});
  const [note, setNote] = useState('');
  const editable = can(PERM.holdRelease) && hold.data?.status === 'open';

  const all = (field: keyof Decision) =>
    setDecisions(
      Object.fromEntries(
        lines.map((l) => [l.id, { release: 0, damaged: 0, scrap: 0, [field]: l.remainingQty }]),
      ) as Record<number, Decision>,
    );
  const set = (line: HoldLine, field: keyof Decision, value: number | null) =>
    setDecisions((d) => ({
      ...d,
      [line.id]: { ...(d[line.id] ?? { release: 0, damaged: 0, scrap: 0 }), [field]: value ?? 0 },
    }));

  const submit = () => {
    const chosen = Object.entries(decisions)
      .map(([lineId, d]) => ({ lineId: Number(lineId), ...d }))
      .filter((d) => d.release + d.damaged + d.scrap > 0);
    if (!note.trim()) return void message.error(t('coldchain.holds.noteRequired'));
    if (!chosen.length) return void message.error(t('coldchain.holds.nothingChosen'));
    review.mutate(
      { id: id!, body: { note: note.trim(), lines: chosen } },
      {
        onSuccess: () => {
          message.success(t('coldchain.holds.reviewed'));
          setDecisions({});
        },
        onError: (error) => notifyError(error),
      },
    );
  };

  const qtyInput = (l: HoldLine, field: keyof Decision) =>
    editable && l.remainingQty > 0 ? (
      <InputNumber
        size="small"
        min={0}
        max={l.remainingQty}
        value={decisions[l.id]?.[field] ?? 0}
        onChange={(v) => set(l, field, v)}
        style={{ width: 80 }}
        data-testid={`hold-${field}-${l.id}`}
      />
    ) : null;

  return (
    <Drawer
      open={Boolean(id)}
      onClose={onClose}
      size={editable ? 1100 : 900}
      title={hold.data ? t('coldchain.holds.reviewTitle', { docNo: hold.data.docNo }) : ' '}
      extra={hold.data ? <Tag>{t(`coldchain.holds.status.${hold.data.status}`)}</Tag> : null}
      destroyOnHidden
    >
      {hold.data ? (
        <Typography.Paragraph type="secondary">
          {hold.data.reason}
          {hold.data.reviewNote ? ` — ${hold.data.reviewedByName}: ${hold.data.reviewNote}` : ''}
        </Typography.Paragraph>
      ) : null}
      {editable ? (
        <Space style={{ marginBottom: 12 }}>
          <Button onClick={() => all('release')}>{t('coldchain.holds.releaseAll')}</Button>
          <Button onClick={() => all('damaged')}>{t('coldchain.holds.damageAll')}</Button>
          <Button danger onClick={() => all('scrap')}>
            {t('coldchain.holds.scrapAll')}
          </Button>
        </Space>
      ) : null}
      <Table<HoldLine>
        rowKey="id"
        size="small"
        loading={hold.isFetching}
        dataSource={lines}
        pagination={false}
        scroll={{ x: 900 }}
        data-testid="hold-lines"
        columns={[
          {
            key: 'sku',
            title: t('stock.col.sku'),
            width: 220,
            render: (_, l) => <SkuCell skuId={l.skuId} sku={skus.get(l.skuId)} lang={lang} link={false} />,
          },
          {
            key: 'bin',
            title: t('coldchain.holds.col.bin'),
            dataIndex: 'binCode',
            width: 110,
            render: (v: string) => <span className="mono">{v}</span>,
          },
          {
            key: 'lot',
            title: t('coldchain.holds.col.lot'),
            dataIndex: 'lotCode',
            width: 110,
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            key: 'expiry',
            title: t('coldchain.holds.col.expiry'),
            dataIndex: 'expiryDate',
            width: 110,
            render: (v: string | null) => v ?? t('common.none'),
          },
          {
            key: 'remaining',
            title: t('coldchain.holds.col.remaining'),
            width: 90,
            align: 'right',
            render: (_, l) => <Typography.Text strong>{formatQty(l.remainingQty)}</Typography.Text>,
          },
          {
            key: 'done',
            title: t('coldchain.holds.col.done'),
            width: 170,
            render: (_, l) => (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('coldchain.holds.col.release')} {l.releasedQty} · {t('coldchain.holds.col.damaged')}{' '}
                {l.damagedQty} · {t('coldchain.holds.col.scrap')} {l.scrappedQty + l.expiredQty}
                {l.missingQty > 0 ? ` · ${t('coldchain.holds.col.missing')} ${l.missingQty}` : ''}
              </Typography.Text>
            ),
          },
          ...(editable
            ? [
                {
                  key: 'release',
                  title: t('coldchain.holds.col.release'),
                  width: 100,
                  render: (_: unknown, l: HoldLine) => qtyInput(l, 'release'),
                },
                {
                  key: 'damaged',
                  title: t('coldchain.holds.col.damaged'),
                  width: 100,
                  render: (_: unknown, l: HoldLine) => qtyInput(l, 'damaged'),
                },
                {
                  key: 'scrap',
                  title: t('coldchain.holds.col.scrap'),
                  width: 100,
                  render: (_: unknown, l: HoldLine) => qtyInput(l, 'scrap'),
                },
              ]
            : []),
        ]}
      />
      {editable ? (
        <Flex vertical gap={12} style={{ marginTop: 16 }}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('coldchain.holds.note')}
            data-testid="hold-note"
          />
          <Flex justify="flex-end">
            <Button type="primary" onClick={submit} loading={review.isPending} data-testid="hold-submit">
              {t('coldchain.holds.submit')}
            </Button>
          </Flex>
        </Flex>
      ) : null}
    </Drawer>
  );
}
