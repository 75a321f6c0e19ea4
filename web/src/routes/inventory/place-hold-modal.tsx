import { App, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlaceHold } from '../../api/coldchain';
import type { StockRow } from '../../api/types';
import { useNotifyError } from '../../lib/use-notify-error';
import { formatQty } from './stock';

/**
 * Put one stock row (SKU × bin × lot, available) on quality hold with a reason: a hold document is
 * made, and only its quality review (质量冻结 page) releases the stock again. Mount with `key` per row.
 */
export function PlaceHoldModal({
  row,
  skuCode,
  onClose,
}: {
  row: StockRow | null;
  skuCode: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const place = usePlaceHold();
  const [reason, setReason] = useState('');

  const submit = () => {
    if (!row) return;
    if (!reason.trim()) return void message.error(t('coldchain.placeHold.reasonRequired'));
    place.mutate(
      {
        warehouseId: row.warehouseId,
        reason: reason.trim(),
        lines: [{ skuId: row.skuId, binId: row.binId, lotId: row.lotId }],
      },
      {
        onSuccess: (hold) => {
          message.success(t('coldchain.placeHold.done', { docNo: hold.docNo }));
          onClose();
        },
        onError: (error) => notifyError(error),
      },
    );
  };

  return (
    <Modal
      open={Boolean(row)}
      title={t('coldchain.placeHold.title')}
      okText={t('coldchain.placeHold.ok')}
      okButtonProps={{ danger: true, loading: place.isPending }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      {row ? (
        <Typography.Paragraph>
          {t('coldchain.placeHold.intro', { qty: formatQty(row.onHand), sku: skuCode, bin: row.binCode })}
        </Typography.Paragraph>
      ) : null}
      <Input.TextArea
        data-testid="place-hold-reason"
        rows={3}
        maxLength={200}
        placeholder={t('coldchain.placeHold.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </Modal>
  );
}
