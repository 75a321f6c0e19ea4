import { App, Form, Input, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { useNotifyError } from '../lib/use-notify-error';

interface ActionDialogOptions {
  /** The success message for a mutation's reply; none when it gives undefined. */
  success: (reply: unknown) => string | undefined;
  /** Clear the form once a mutation succeeds. */
  resetOnDone?: boolean;
}

/**
 * State of a detail page's action dialogs: which one is open, its form, and `run`, which carries a
 * mutation through — a success message and the dialog closed, or the error shown on the form.
 */
export function useActionDialog<D extends string>({ success, resetOnDone = false }: ActionDialogOptions) {
  const { message } = App.useApp();
  const notify = useNotifyError();
  const [dialog, setDialog] = useState<D | null>(null);
  const [form] = Form.useForm();
  const done = (reply: unknown) => {
    const text = success(reply);
    if (text) message.success(text);
    setDialog(null);
    if (resetOnDone) form.resetFields();
  };
  const run = (p: Promise<unknown>) => p.then(done, (e) => notify(e, form));
  /** Open a dialog with its form cleared and then filled with `values`. */
  const open = (d: D, values: Record<string, unknown> = {}) => {
    form.resetFields();
    form.setFieldsValue(values);
    setDialog(d);
  };
  const close = () => setDialog(null);
  return { dialog, form, run, open, close };
}

interface ActionDialogProps {
  state: { dialog: string | null; close: () => void };
  title: string;
  width: number;
  busy: boolean;
  onOk: () => void;
  /** Test id of the OK button. */
  okTestId?: string;
  children: ReactNode;
}

/** The modal of the open action dialog; its form goes inside. */
export function ActionDialog({ state, title, width, busy, onOk, okTestId, children }: ActionDialogProps) {
  return (
    <Modal
      open={state.dialog !== null}
      title={title}
      onCancel={state.close}
      onOk={onOk}
      confirmLoading={busy}
      width={width}
      destroyOnHidden
      okButtonProps={okTestId ? ({ 'data-testid': okTestId } as Record<string, string>) : undefined}
    >
      {children}
    </Modal>
  );
}

/** A required reason or note of at least two characters. */
export function ReasonField({ name, label, message }: { name: string; label: string; message: string }) {
  return (
    <Form.Item name={name} label={label} rules={[{ required: true, min: 2, message }]}>
      <Input.TextArea rows={3} maxLength={500} />
    </Form.Item>
  );
}
