import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  AutoComplete,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Typography,
} from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateOrder } from '../../api/orders';
import { useMerchants } from '../../api/org';
import { PageHeader } from '../../components/page-header';
import { useMe } from '../../lib/auth-context';
import { useIdempotencyKey } from '../../lib/use-idempotency-key';
import { useNotifyError } from '../../lib/use-notify-error';
import { fenOf, plainYuan } from './order-actions';
import {
  CHANNEL_SUGGESTIONS,
  EMPTY_ORDER,
  type OrderFormValues,
  PAYMENT_STATUSES,
  SERVICE_TYPES,
  toOrderBody,
  totalFen,
} from './order-create-values';
import { yuan } from './order-tags';
import { SkuCodeInput } from './sku-code-input';

/**
 * /orders/new — one order entered by hand (a phone or offline order). It goes through the same
 * intake as a channel's: validated and allocated, or held in the exception queue with its reasons.
 * The form asks only for what the API cannot do without; the API's own field issues (a bad e-mail,
 * a channel code it refuses) are shown on the fields they concern.
 */
export function OrderCreatePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<OrderFormValues>();
  const create = useCreateOrder();
  const keyFor = useIdempotencyKey();
  /** A second submit while one is under way (a double click) is dropped, not sent. */
  const sending = useRef(false);
  const pickMerchant = !me.merchant;
  const merchants = useMerchants(pickMerchant);
  const merchantId = Form.useWatch('merchantId', form);
  const paymentStatus = Form.useWatch(['payment', 'status'], form);
  const total = totalFen(Form.useWatch('lines', form));
  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t('orders.create.required', { field }),
  });
  const price = {
    validator: (_: unknown, v: string | undefined) =>
      !v || fenOf(v) !== null
        ? Promise.resolve()
        : Promise.reject(new Error(t('orders.create.priceInvalid'))),
  };

  const submit = async (values: OrderFormValues) => {
    if (sending.current) return;
    sending.current = true;
    try {
      const body = toOrderBody(values);
      const order = await create.mutateAsync({ body, idempotencyKey: keyFor(body) });
      if (order.resent) message.info(t('orders.create.resent', { number: order.number }));
      else message.success(t('orders.create.created', { number: order.number }));
      navigate(`/orders/${order.id}`, { replace: true });
    } catch (error) {
      notifyError(error, form);
    } finally {
      sending.current = false;
    }
  };

  /** Cash on delivery is the order total unless someone says otherwise. */
  const onValuesChange = (changed: Partial<OrderFormValues>, all: OrderFormValues) => {
    if (changed.payment?.status === 'cod' && !all.payment?.codAmountFen)
      form.setFieldValue(['payment', 'codAmountFen'], plainYuan(totalFen(all.lines)));
  };

  return (
    <>
      <PageHeader title={t('orders.create.title')} subtitle={t('orders.create.subtitle')} backTo="/orders" />
      <Form
        form={form}
        layout="vertical"
        initialValues={EMPTY_ORDER}
        onFinish={(v) => void submit(v)}
        onValuesChange={onValuesChange}
        scrollToFirstError
        data-testid="order-create-form"
      >
        <Row gutter={16}>
          <Col xs={24} xl={12}>
            <Card title={t('orders.create.order')} className="page-section" size="small">
              {pickMerchant ? (
                <Form.Item
                  name="merchantId"
                  label={t('orders.create.merchant')}
                  rules={[
                    {
                      required: true,
                      message: t('orders.create.pick', { field: t('orders.create.merchant') }),
                    },
                  ]}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    loading={merchants.isPending}
                    options={(merchants.data ?? [])
                      .filter((m) => m.active)
                      .map((m) => ({ value: m.id, label: `${m.name} (${m.code})` }))}
                    data-testid="order-new-merchant"
                  />
                </Form.Item>
              ) : null}
              <Flex gap={12}>
                <Form.Item
                  name="channel"
                  label={t('orders.create.channel')}
                  extra={t('orders.create.channelHint')}
                  rules={[required(t('orders.create.channel'))]}
                  style={{ flex: 1 }}
                >
                  <AutoComplete
                    options={CHANNEL_SUGGESTIONS.map((c) => ({ value: c }))}
                    showSearch={{
                      filterOption: (input, option) =>
                        String(option?.value ?? '').includes(input.toLowerCase()),
                    }}
                  >
                    <Input maxLength={30} data-testid="order-new-channel" />
                  </AutoComplete>
                </Form.Item>
                <Form.Item
                  name="externalNo"
                  label={t('orders.create.externalNo')}
                  extra={t('orders.create.externalNoHint')}
                  rules={[required(t('orders.create.externalNo'))]}
                  style={{ flex: 1 }}
                >
                  <Input maxLength={64} data-testid="order-new-external-no" />
                </Form.Item>
              </Flex>
              <Flex gap={12}>
                <Form.Item name="serviceType" label={t('orders.form.serviceType')} style={{ flex: 1 }}>
                  <Select
                    options={SERVICE_TYPES.map((s) => ({ value: s, label: t(`orders.service.${s}`) }))}
                    data-testid="order-new-service"
                  />
                </Form.Item>
                <Form.Item
                  name={['payment', 'status']}
                  label={t('orders.form.paymentStatus')}
                  style={{ flex: 1 }}
                >
                  <Select
                    options={PAYMENT_STATUSES.map((p) => ({ value: p, label: t(`orders.payment.${p}`) }))}
                    data-testid="order-new-payment"
                  />
                </Form.Item>
                {paymentStatus === 'cod' ? (
                  <Form.Item
                    name={['payment', 'codAmountFen']}
                    label={t('orders.form.codAmount')}
                    extra={t('orders.create.codHint', { total: yuan(total) })}
                    rules={[required(t('orders.form.codAmount')), price]}
                    style={{ flex: 1 }}
                  >
                    <Input inputMode="decimal" data-testid="order-new-cod" />
                  </Form.Item>
                ) : null}
              </Flex>
              <Form.Item name="deliveryWindow" label={t('orders.create.window')}>
                <DatePicker.RangePicker
                  // Enter confirms a typed time here; it must not also submit the order half-filled.
                  onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  allowEmpty={[false, false]}
                  style={{ width: '100%' }}
                />
              </Form.Item>
              <Form.Item name="notes" label={t('orders.create.notes')}>
                <Input.TextArea rows={2} maxLength={500} showCount data-testid="order-new-notes" />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <Card title={t('orders.create.consignee')} className="page-section" size="small">
              <Flex gap={12}>
                <Form.Item
                  name={['consignee', 'name']}
                  label={t('orders.form.name')}
                  rules={[required(t('orders.form.name'))]}
                  style={{ flex: 1 }}
                >
                  <Input maxLength={50} data-testid="order-new-name" />
                </Form.Item>
                <Form.Item
                  name={['consignee', 'phone']}
                  label={t('orders.form.phone')}
                  rules={[required(t('orders.form.phone'))]}
                  style={{ flex: 1 }}
                >
                  <Input
                    maxLength={40}
                    placeholder={t('orders.create.phonePlaceholder')}
                    data-testid="order-new-phone"
                  />
                </Form.Item>
              </Flex>
              <Form.Item
                name={['consignee', 'address']}
                label={t('orders.form.address')}
                rules={[required(t('orders.form.address'))]}
              >
                <Input.TextArea
                  rows={2}
                  maxLength={300}
                  placeholder={t('orders.create.addressPlaceholder')}
                  data-testid="order-new-address"
                />
              </Form.Item>
              {/* Not type="email": the browser's own check would block the submit with an unlocalised
                  message. The API checks the address, and its issue shows on this field. */}
              <Form.Item name={['consignee', 'email']} label={t('orders.form.email')}>
                <Input inputMode="email" maxLength={254} autoComplete="off" data-testid="order-new-email" />
              </Form.Item>
            </Card>
          </Col>
        </Row>
        <Card title={t('orders.create.goods')} className="page-section" size="small">
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, index) => (
                  <Flex key={field.key} gap={8} align="baseline" data-testid={`order-line-${index}`}>
                    <Form.Item
                      name={[field.name, 'skuCode']}
                      rules={[required(t('orders.form.lineSku'))]}
                      style={{ flex: 3 }}
                    >
                      <SkuCodeInput
                        merchantId={merchantId}
                        placeholder={t('orders.create.skuPlaceholder')}
                        data-testid={`order-line-sku-${index}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'qty']}
                      rules={[
                        {
                          required: true,
                          message: t('orders.create.required', { field: t('orders.detail.qty') }),
                        },
                      ]}
                      style={{ flex: 1 }}
                    >
                      <InputNumber
                        min={1}
                        max={1_000_000}
                        precision={0}
                        placeholder={t('orders.detail.qty')}
                        style={{ width: '100%' }}
                        data-testid={`order-line-qty-${index}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'unitPriceFen']}
                      rules={[required(t('orders.form.linePrice')), price]}
                      style={{ flex: 1 }}
                    >
                      <Input
                        inputMode="decimal"
                        prefix="¥"
                        placeholder={t('orders.form.linePrice')}
                        data-testid={`order-line-price-${index}`}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      disabled={fields.length === 1}
                      onClick={() => remove(field.name)}
                      aria-label={t('orders.create.removeLine')}
                      title={t('orders.create.removeLine')}
                      data-testid={`order-line-remove-${index}`}
                    />
                  </Flex>
                ))}
                <Flex justify="space-between" align="center" gap={12}>
                  <Button
                    type="dashed"
                    icon={<PlusOutlined />}
                    onClick={() => add({ qty: 1 })}
                    disabled={fields.length >= 200}
                    data-testid="order-line-add"
                  >
                    {t('orders.form.addLine')}
                  </Button>
                  <Typography.Text strong data-testid="order-new-total">
                    {t('orders.create.total', { total: yuan(total) })}
                  </Typography.Text>
                </Flex>
              </>
            )}
          </Form.List>
        </Card>
        <Flex justify="flex-end" gap={8} style={{ marginTop: 16 }}>
          <Button onClick={() => navigate('/orders')}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="order-new-submit">
            {t('orders.create.submit')}
          </Button>
        </Flex>
      </Form>
    </>
  );
}
