import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, type DocumentKind, type Receipt, useReceiptActions } from '../../api/warehouse';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useNotifyError } from '../../lib/use-notify-error';

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** The buttons a receipt offers in its status to a user with the permission for them. */
export function ReceiptActions({ receipt }: { receipt: Receipt }) {
  const { t } = useTranslation();
  const can = useCan();
  const { modal, message } = App.useApp();
  const notifyError = useNotifyError();
  const actions = useReceiptActions(receipt.id);
  const [dialog, setDialog] = useState<'arrive' | 'documents' | 'cancel' | null>(null);
  const [arrival] = Form.useForm<{
    vehiclePlate?: string;
    dock?: string;
    deliveryNoteNo?: string;
    carrier?: string;
  }>();
  const [docs] = Form.useForm<{ documents: Array<{ kind: DocumentKind; ref: string }>; complete: boolean }>();
  const [cancel] = Form.useForm<{ reason: string }>();
  const s = receipt.status;
  const write = can(PERM.receiptWrite);
  const inspect = can(PERM.receiptInspect);
  const ok = () => {
    setDialog(null);
    message.success(t('common.saved'));
  };

  return (
    <>
      {write && s === 'draft' ? (
        <Button type="primary" onClick={() => setDialog('arrive')} data-testid="receipt-arrive">
          {t('inbound.actions.arrive')}
        </Button>
      ) : null}
      {write && ['draft', 'arrived', 'inspecting'].includes(s) ? (
        <Button onClick={() => setDialog('documents')} data-testid="receipt-documents">
          {t('inbound.actions.documents')}
        </Button>
      ) : null}
      {inspect && s === 'inspecting' ? (
        <Button
          type="primary"
          data-testid="receipt-sign-off"
          loading={actions.signOff.isPending}
          onClick={() =>
            modal.confirm({
              title: t('inbound.actions.signOff'),
              content: t('inbound.signOffConfirm'),
              onOk: () => actions.signOff.mutateAsync(undefined).then(ok, (e) => notifyError(e)),
            })
          }
        >
          {t('inbound.actions.signOff')}
        </Button>
      ) : null}
      {write && receipt.totals.pendingReturn > 0 ? (
        <Button
          data-testid="receipt-rtv"
          onClick={() =>
            modal.confirm({
              title: t('inbound.returnTitle'),
              content: t('inbound.returnConfirm', { qty: receipt.totals.pendingReturn }),
              onOk: () => actions.returnToVendor.mutateAsync({}).then(ok, (e) => notifyError(e)),
            })
          }
        >
          {t('inbound.actions.returnToVendor')}
        </Button>
      ) : null}
      {write && ['draft', 'arrived', 'inspecting'].includes(s) ? (
        <Button danger onClick={() => setDialog('cancel')}>
          {t('inbound.actions.cancel')}
        </Button>
      ) : null}

      <Modal
        open={dialog === 'arrive'}
        title={t('inbound.actions.arrive')}
        onCancel={() => setDialog(null)}
        onOk={() => arrival.submit()}
        confirmLoading={actions.arrive.isPending}
        destroyOnHidden
      >
        <Form
          form={arrival}
          layout="vertical"
          initialValues={{
            vehiclePlate: receipt.vehiclePlate ?? undefined,
            dock: receipt.dock ?? undefined,
            deliveryNoteNo: receipt.deliveryNoteNo ?? undefined,
            carrier: receipt.carrier ?? undefined,
          }}
          onFinish={(v) =>
            actions.arrive.mutate(
              {
                vehiclePlate: blank(v.vehiclePlate),
                dock: blank(v.dock),
                deliveryNoteNo: blank(v.deliveryNoteNo),
                carrier: blank(v.carrier),
              },
              { onSuccess: ok, onError: (e) => notifyError(e, arrival) },
            )
          }
        >
          <Form.Item name="deliveryNoteNo" label={t('inbound.deliveryNoteNo')}>
            <Input maxLength={60} autoFocus />
          </Form.Item>
          <Form.Item name="vehiclePlate" label={t('inbound.vehiclePlate')}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="dock" label={t('inbound.dock')}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="carrier" label={t('inbound.carrier')}>
            <Input maxLength={60} />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={dialog === 'documents'}
        title={t('inbound.documentsTitle')}
        onCancel={() => setDialog(null)}
        onOk={() => docs.submit()}
        confirmLoading={actions.documents.isPending}
        destroyOnHidden
        width={620}
      >
        <Form
          form={docs}
          layout="vertical"
          initialValues={{ documents: receipt.documents, complete: receipt.documentsComplete }}
          onFinish={(v) =>
            actions.documents.mutate(
              {
                documents: (v.documents ?? []).map((d) => ({ kind: d.kind, ref: d.ref.trim() })),
                complete: v.complete,
              },
              { onSuccess: ok, onError: (e) => notifyError(e, docs) },
            )
          }
        >
          <Form.List name="documents">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8} style={{ marginBottom: 12 }}>
                {fields.map((f) => (
                  <Flex key={f.key} gap={8}>
                    <Form.Item name={[f.name, 'kind']} rules={[{ required: true }]} noStyle>
                      <Select
                        style={{ width: 200 }}
                        options={DOCUMENT_KINDS.map((k) => ({
                          value: k,
                          label: t(`inbound.documentKind.${k}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'ref']} rules={[{ required: true, whitespace: true }]} noStyle>
                      <Input placeholder={t('inbound.documentRef')} maxLength={120} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'delivery_note', ref: '' })}>
                  {t('inbound.addDocument')}
                </Button>
              </Flex>
            )}
          </Form.List>
          <Form.Item name="complete" valuePropName="checked">
            <Checkbox data-testid="documents-complete">{t('inbound.documentsComplete')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={dialog === 'cancel'}
        title={t('inbound.actions.cancel')}
        onCancel={() => setDialog(null)}
        onOk={() => cancel.submit()}
        okButtonProps={{ danger: true }}
        confirmLoading={actions.cancel.isPending}
        destroyOnHidden
      >
        <Form
          form={cancel}
          layout="vertical"
          onFinish={(v) =>
            actions.cancel.mutate(v.reason.trim(), { onSuccess: ok, onError: (e) => notifyError(e, cancel) })
          }
        >
          <Form.Item
            name="reason"
            label={t('inbound.cancelReason')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={2} maxLength={200} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
