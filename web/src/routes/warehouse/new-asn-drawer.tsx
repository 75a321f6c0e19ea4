import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMerchants } from '../../api/org';
import { type AsnCreate, useCreateAsn, useDestinations } from '../../api/warehouse';
import { useMe } from '../../lib/auth-context';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { SkuSelect } from './sku-select';

interface Values {
  merchantId?: string;
  warehouseId: string;
  supplierName?: string;
  carrier?: string;
  trackingNo?: string;
  expectedDate?: Dayjs | null;
  lines: Array<{ skuId: string; qty: number; lotCode?: string; productionDate?: Dayjs | null }>;
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** Announce goods on their way (ASN): a merchant for their own goods, staff for any merchant. */
export function NewAsnDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const destinations = useDestinations(open);
  const merchants = useMerchants(open && !me.merchant);
  const chosenMerchant = Form.useWatch('merchantId', form);
  const create = useCreateAsn();

  const submit = (v: Values) => {
    const body: AsnCreate = {
      ...(me.merchant ? {} : { merchantId: v.merchantId }),
      warehouseId: v.warehouseId,
      supplierName: blank(v.supplierName),
      carrier: blank(v.carrier),
      trackingNo: blank(v.trackingNo),
      expectedDate: v.expectedDate ? v.expectedDate.format('YYYY-MM-DD') : null,
      lines: v.lines.map((l) => ({
        skuId: l.skuId,
        qty: l.qty,
        lotCode: blank(l.lotCode),
        productionDate: l.productionDate ? l.productionDate.format('YYYY-MM-DD') : null,
      })),
    };
    create.mutate(body, {
      onSuccess: (asn) => {
        message.success(asn.number);
        form.resetFields();
        onClose();
      },
      onError: (e) => notifyError(e, form),
    });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={760}
      title={t('inbound.newAsn')}
      destroyOnHidden
      extra={
        <Button
          type="primary"
          loading={create.isPending}
          onClick={() => form.submit()}
          data-testid="asn-save"
        >
          {t('common.create')}
        </Button>
      }
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ lines: [{ qty: 1 }] }}>
        <Flex gap={12}>
          {me.merchant ? null : (
            <Form.Item
              name="merchantId"
              label={t('inbound.merchant')}
              rules={[{ required: true }]}
              style={{ flex: 1 }}
            >
              <Select options={(merchants.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
            </Form.Item>
          )}
          <Form.Item
            name="warehouseId"
            label={t('inbound.warehouse')}
            rules={[{ required: true }]}
            style={{ flex: 1 }}
          >
            <Select
              options={(destinations.data ?? []).map((w) => ({
                value: w.id,
                label: `${w.code} · ${localName(w, lang)}`,
              }))}
            />
          </Form.Item>
          <Form.Item name="expectedDate" label={t('inbound.expectedDate')}>
            <DatePicker />
          </Form.Item>
        </Flex>
        <Flex gap={12}>
          <Form.Item name="supplierName" label={t('inbound.supplier')} style={{ flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="carrier" label={t('inbound.carrier')} style={{ flex: 1 }}>
            <Input maxLength={60} />
          </Form.Item>
          <Form.Item name="trackingNo" label={t('inbound.trackingNo')} style={{ flex: 1 }}>
            <Input maxLength={60} />
          </Form.Item>
        </Flex>
        <Typography.Text strong>{t('inbound.lines')}</Typography.Text>
        <Form.List name="lines">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} style={{ marginTop: 8 }}>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="flex-start">
                  <Form.Item name={[f.name, 'skuId']} rules={[{ required: true }]} style={{ flex: 2 }}>
                    <SkuSelect merchantId={me.merchant?.id ?? chosenMerchant} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'qty']} rules={[{ required: true }]}>
                    <InputNumber min={1} precision={0} placeholder={t('inbound.qty')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'lotCode']} style={{ flex: 1 }}>
                    <Input placeholder={t('inbound.lot')} maxLength={40} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'productionDate']}>
                    <DatePicker placeholder={t('inbound.productionDate')} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined />}
                    onClick={() => remove(f.name)}
                    disabled={fields.length === 1}
                  />
                </Flex>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => add({ qty: 1 })}
                style={{ alignSelf: 'flex-start' }}
              >
                {t('inbound.addLine')}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form>
    </Drawer>
  );
}
