import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDeleteView, useSavedViews, useSaveView } from '../api/views';
import { useNotifyError } from '../lib/use-notify-error';

/**
 * Saved views of a list whose filters live in the URL: pick one to apply its filters, save the
 * current ones under a name (optionally shared), delete your own.
 */
export function SavedViews({ page }: { page: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [params, setParams] = useSearchParams();
  const views = useSavedViews(page);
  const save = useSaveView(page);
  const remove = useDeleteView(page);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ name: string; shared: boolean }>();
  const current = params.toString();
  const items = views.data?.items ?? [];
  const active = items.find((v) => v.query === current);

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await save.mutateAsync({ name: values.name, shared: values.shared ?? false, query: current });
      message.success(t('views.saved'));
      setOpen(false);
      form.resetFields();
    } catch (error) {
      notifyError(error, form);
    }
  };

  return (
    <Flex gap={4} align="center">
      <Select
        style={{ width: 200 }}
        placeholder={t('views.placeholder')}
        value={active?.id}
        loading={views.isLoading}
        onChange={(id) => {
          const view = items.find((v) => v.id === id);
          if (view) setParams(new URLSearchParams(view.query), { replace: true });
        }}
        data-testid="saved-views"
        optionLabelProp="title"
        options={items.map((v) => ({
          value: v.id,
          title: v.name,
          label: (
            <Flex justify="space-between" align="center" gap={8}>
              <span>
                {v.name}
                {v.mine ? null : (
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>
                    {t('views.sharedBy', { name: v.ownerName })}
                  </Typography.Text>
                )}
              </span>
              {v.mine ? (
                <Button
                  size="small"
                  type="text"
                  icon={<DeleteOutlined />}
                  aria-label={t('views.delete')}
                  onClick={(e) => {
                    e.stopPropagation();
                    remove.mutate(v.id, {
                      onSuccess: () => message.success(t('views.deleted')),
                      onError: (error) => notifyError(error),
                    });
                  }}
                />
              ) : null}
            </Flex>
          ),
        }))}
      />
      <Button
        icon={<SaveOutlined />}
        disabled={!current}
        onClick={() => setOpen(true)}
        aria-label={t('views.save')}
        title={t('views.save')}
        data-testid="save-view"
      />
      <Modal
        open={open}
        title={t('views.saveTitle')}
        onCancel={() => setOpen(false)}
        onOk={() => void submit()}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ shared: false }}>
          <Form.Item
            name="name"
            label={t('views.name')}
            rules={[{ required: true, message: t('views.nameRequired') }]}
          >
            <Input maxLength={60} data-testid="view-name" />
          </Form.Item>
          <Form.Item name="shared" valuePropName="checked">
            <Checkbox>{t('views.shared')}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
