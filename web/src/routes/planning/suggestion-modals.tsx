import { DatePicker, Form, Input, InputNumber, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decide, type Suggestion } from '../../api/planning';
import { useNotifyError } from '../../lib/use-notify-error';

interface EditValues {
  qty: number;
  orderBy: Dayjs;
  reason: string;
}

/** Change a suggestion's quantity and / or order date; the reason is required and kept in its history. */
export function EditSuggestionModal({
  suggestion,
  onClose,
  onDone,
}: {
  suggestion: Suggestion | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<EditValues>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (suggestion)
      form.setFieldsValue({ qty: suggestion.qty, orderBy: dayjs(suggestion.orderBy), reason: '' });
  }, [form, suggestion]);

  const submit = async (v: EditValues) => {
    if (!suggestion) return;
    setBusy(true);
    try {
      await decide(suggestion.id, {
        action: 'edit',
        qty: v.qty,
        orderBy: v.orderBy.format('YYYY-MM-DD'),
        reason: v.reason,
        version: suggestion.version,
      });
      onDone();
    } catch (error) {
      notifyError(error, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!suggestion}
      title={suggestion ? t('planning.suggestions.editTitle', { number: suggestion.number }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="suggestion-edit-form">
        <Form.Item name="qty" label={t('planning.suggestions.qty')} rules={[{ required: true }]}>
          <InputNumber min={1} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="orderBy" label={t('planning.suggestions.orderBy')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs().startOf('day'))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('planning.suggestions.reason')}
          rules={[{ required: true, whitespace: true, message: t('planning.suggestions.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Ask for a reason, then run `onSubmit(reason)` (rejecting one or many suggestions). */
export function ReasonModal({
  open,
  title,
  onClose,
  onSubmit,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  onSubmit: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      destroyOnHidden
      afterClose={() => form.resetFields()}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async ({ reason }) => {
          setBusy(true);
          try {
            await onSubmit(reason);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Form.Item
          name="reason"
          label={t('planning.suggestions.reason')}
          rules={[{ required: true, whitespace: true, message: t('planning.suggestions.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
