import { App, Button, Flex, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateSku } from '../../api/catalog';
import { PageHeader } from '../../components/page-header';
import { useMe } from '../../lib/auth-context';
import { useNotifyError } from '../../lib/use-notify-error';
import { SkuForm } from './sku-form';
import { EMPTY_SKU, formToCreate, type SkuFormValues } from './sku-form-values';

/** /catalog/skus/new */
export function SkuCreatePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<SkuFormValues>();
  const create = useCreateSku();
  const notifyError = useNotifyError();
  const { message } = App.useApp();

  const submit = (values: SkuFormValues) =>
    create.mutate(formToCreate(values), {
      onSuccess: (sku) => {
        message.success(t('catalog.created', { code: sku.code }));
        navigate(`/catalog/skus/${sku.id}`, { replace: true });
      },
      onError: (error) => notifyError(error, form),
    });

  return (
    <>
      <PageHeader
        title={t('catalog.createTitle')}
        subtitle={t('catalog.createSubtitle')}
        backTo="/catalog/skus"
      />
      <SkuForm
        form={form}
        mode="create"
        initialValues={EMPTY_SKU}
        onFinish={submit}
        pickMerchant={!me.merchant}
        footer={
          <Flex justify="flex-end" gap={8} style={{ marginTop: 16 }}>
            <Button onClick={() => navigate('/catalog/skus')}>{t('common.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="sku-save">
              {t('common.create')}
            </Button>
          </Flex>
        }
      />
    </>
  );
}
