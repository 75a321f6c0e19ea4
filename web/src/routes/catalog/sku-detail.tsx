import { App, Badge, Button, Card, Descriptions, Flex, Form, Skeleton, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSku, useUpdateSku } from '../../api/catalog';
import { isApiError } from '../../api/problem';
import type { Sku } from '../../api/types';
import { DateTime } from '../../components/date-time';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { StorageClassTag } from '../../components/storage-class-tag';
import { useCan, useMe } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useLocalName } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { SkuForm } from './sku-form';
import { formToPatch, type SkuFormValues, skuToForm } from './sku-form-values';

/** /catalog/skus/:id — view, and edit for holders of catalog.sku.write. */
export function SkuDetailPage() {
  const { id } = useParams<{ id: string }>();
  const sku = useSku(id);
  if (sku.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (sku.isError) return <QueryError error={sku.error} onRetry={() => void sku.refetch()} />;
  return <SkuEditor key={sku.data.id} sku={sku.data} onReload={() => void sku.refetch()} />;
}

/** 409 from PATCH when the version the form was loaded from is no longer the current one. */
const isVersionConflict = (error: unknown) =>
  isApiError(error) && error.status === 409 && error.code === 'catalog.version_conflict';

function SkuEditor({ sku, onReload }: { sku: Sku; onReload: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const can = useCan();
  const name = useLocalName();
  const [form] = Form.useForm<SkuFormValues>();
  const [dirty, setDirty] = useState(false);
  const update = useUpdateSku(sku.id);
  const notifyError = useNotifyError();
  const { message, modal } = App.useApp();
  const editable = can(PERM.skuWrite);

  // After a save the server's version becomes the form's baseline.
  useEffect(() => {
    form.setFieldsValue(skuToForm(sku));
    setDirty(false);
  }, [sku, form]);

  const submit = (values: SkuFormValues) => {
    // Carries `version: sku.version`, so a concurrent edit is refused instead of overwritten.
    const patch = formToPatch(values, sku);
    if (!patch) {
      setDirty(false);
      return;
    }
    update.mutate(patch, {
      onSuccess: (saved) => message.success(t('catalog.saved', { code: saved.code })),
      onError: (error) => {
        if (!isVersionConflict(error)) {
          notifyError(error, form);
          return;
        }
        modal.confirm({
          title: t('catalog.versionConflictTitle'),
          content: t('catalog.versionConflictHint'),
          okText: t('catalog.reload'),
          cancelText: t('common.cancel'),
          onOk: onReload,
        });
      },
    });
  };

  return (
    <>
      <PageHeader
        title={t('catalog.detailTitle', { code: sku.code })}
        subtitle={name(sku)}
        backTo="/catalog/skus"
        tags={
          <>
            <StorageClassTag value={sku.storageClass} />
            {sku.hazardClass ? (
              <Tag color="red">
                {t('catalog.field.hazardClass')} {sku.hazardClass}
              </Tag>
            ) : null}
            {sku.active ? (
              <Badge status="success" text={t('common.active')} />
            ) : (
              <Badge status="default" text={t('common.inactive')} />
            )}
          </>
        }
      />
      <Card className="page-section" size="small">
        <Descriptions
          size="small"
          column={{ xs: 1, md: 3 }}
          items={[
            ...(me.merchant
              ? []
              : [{ key: 'merchant', label: t('catalog.field.merchant'), children: sku.merchantName }]),
            {
              key: 'created',
              label: t('catalog.field.createdAt'),
              children: <DateTime value={sku.createdAt} />,
            },
            {
              key: 'updated',
              label: t('catalog.field.updatedAt'),
              children: <DateTime value={sku.updatedAt} />,
            },
            { key: 'version', label: t('catalog.field.version'), children: sku.version },
          ]}
        />
      </Card>
      <SkuForm
        form={form}
        mode="edit"
        initialValues={skuToForm(sku)}
        onFinish={submit}
        onValuesChange={() => setDirty(true)}
        pickMerchant={false}
        disabled={!editable}
        footer={
          editable ? (
            <Flex justify="flex-end" gap={8} style={{ marginTop: 16 }}>
              <Button
                disabled={!dirty || update.isPending}
                onClick={() => {
                  form.resetFields();
                  form.setFieldsValue(skuToForm(sku));
                  setDirty(false);
                }}
              >
                {t('common.reset')}
              </Button>
              <Button
                type="primary"
                htmlType="submit"
                disabled={!dirty}
                loading={update.isPending}
                data-testid="sku-save"
              >
                {t('common.save')}
              </Button>
            </Flex>
          ) : null
        }
      />
    </>
  );
}
