import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Select, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMerchants } from '../../api/org';
import type { Warehouse } from '../../api/types';
import { type AdHocReceipt, useAsnPage, useCreateReceipt, useReceiptFromAsn } from '../../api/warehouse';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { SkuSelect } from './sku-select';

interface AdHocValues {
  warehouseId: string;
  merchantId: string;
  supplierName?: string;
  deliveryNoteNo?: string;
  vehiclePlate?: string;
  arrived: boolean;
  lines: Array<{ skuId: string; expectedQty: number }>;
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** New receipt: from an open ASN (its lines come along) or without notice (lines entered here). */
export function NewReceiptModal({
  open,
  onClose,
  warehouses,
}: {
  open: boolean;
  onClose: () => void;
  warehouses: Warehouse[];
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const [tab, setTab] = useState<'asn' | 'adhoc'>('asn');
  const [asnId, setAsnId] = useState<string>();
  const [arrived, setArrived] = useState(true);
  const [form] = Form.useForm<AdHocValues>();
  const merchantId = Form.useWatch('merchantId', form);
  const asns = useAsnPage({ status: 'open', limit: 100 }, open && can(PERM.asnRead));
  const merchants = useMerchants(open);
  const fromAsn = useReceiptFromAsn();
  const adHoc = useCreateReceipt();

  const done = (receipt: { id: string; number: string }) => {
    message.success(receipt.number);
    onClose();
    navigate(`/warehouse/receipts/${receipt.id}`);
  };
  const submitAsn = () => {
    if (!asnId) return;
    fromAsn.mutate({ asnId, arrived }, { onSuccess: done, onError: (e) => notifyError(e) });
  };
  const submitAdHoc = (v: AdHocValues) => {
    const body: AdHocReceipt = {
      warehouseId: v.warehouseId,
      merchantId: v.merchantId,
      supplierName: blank(v.supplierName),
      deliveryNoteNo: blank(v.deliveryNoteNo),
      vehiclePlate: blank(v.vehiclePlate),
      arrived: v.arrived,
      lines: v.lines.map((l) => ({ skuId: l.skuId, expectedQty: l.expectedQty })),
    };
    adHoc.mutate(body, { onSuccess: done, onError: (e) => notifyError(e, form) });
  };
  const warehouseName = (id: string) => {
    const w = warehouses.find((x) => x.id === id);
    return w ? `${w.code} · ${localName(w, lang)}` : id.slice(0, 8);
  };

  return (
    <Modal
      open={open}
      title={t('inbound.newReceipt')}
      width={760}
      onCancel={onClose}
      destroyOnHidden
      okText={t('common.create')}
      confirmLoading={fromAsn.isPending || adHoc.isPending}
      onOk={() => (tab === 'asn' ? submitAsn() : form.submit())}
      okButtonProps={{ disabled: tab === 'asn' && !asnId, 'data-testid': 'receipt-create' } as never}
    >
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as 'asn' | 'adhoc')}
        items={[
          {
            key: 'asn',
            label: t('inbound.fromAsn'),
            children: (
              <Flex vertical gap={12}>
                <Select
                  showSearch={{ optionFilterProp: 'label' }}
                  value={asnId}
                  onChange={setAsnId}
                  placeholder="ASN"
                  loading={asns.isFetching}
                  options={(asns.data?.items ?? []).map((a) => ({
                    value: a.id,
                    label: `${a.number} · ${a.merchantName ?? ''} · ${warehouseName(a.warehouseId)} · ${t('inbound.lineCount', { count: a.lineCount })}`,
                  }))}
                  data-testid="receipt-asn"
                />
                <Checkbox checked={arrived} onChange={(e) => setArrived(e.target.checked)}>
                  {t('inbound.arrivedNow')}
                </Checkbox>
              </Flex>
            ),
          },
          {
            key: 'adhoc',
            label: t('inbound.adHoc'),
            children: (
              <Form<AdHocValues>
                form={form}
                layout="vertical"
                onFinish={submitAdHoc}
                initialValues={{ arrived: true, lines: [{ expectedQty: 1 }] }}
              >
                <Flex gap={12}>
                  <Form.Item
                    name="warehouseId"
                    label={t('inbound.warehouse')}
                    rules={[{ required: true }]}
                    style={{ flex: 1 }}
                  >
                    <Select options={warehouses.map((w) => ({ value: w.id, label: warehouseName(w.id) }))} />
                  </Form.Item>
                  <Form.Item
                    name="merchantId"
                    label={t('inbound.merchant')}
                    rules={[{ required: true }]}
                    style={{ flex: 1 }}
                  >
                    <Select options={(merchants.data ?? []).map((m) => ({ value: m.id, label: m.name }))} />
                  </Form.Item>
                </Flex>
                <Flex gap={12}>
                  <Form.Item name="supplierName" label={t('inbound.supplier')} style={{ flex: 1 }}>
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item name="deliveryNoteNo" label={t('inbound.deliveryNoteNo')} style={{ flex: 1 }}>
                    <Input maxLength={60} />
                  </Form.Item>
                  <Form.Item name="vehiclePlate" label={t('inbound.vehiclePlate')} style={{ flex: 1 }}>
                    <Input maxLength={20} />
                  </Form.Item>
                </Flex>
                <Typography.Text strong>{t('inbound.lines')}</Typography.Text>
                <Form.List name="lines">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((f) => (
                        <Flex key={f.key} gap={8} align="flex-start">
                          <Form.Item
                            name={[f.name, 'skuId']}
                            rules={[{ required: true }]}
                            style={{ flex: 1 }}
                          >
                            <SkuSelect merchantId={merchantId} />
                          </Form.Item>
                          <Form.Item name={[f.name, 'expectedQty']} rules={[{ required: true }]}>
                            <InputNumber min={0} precision={0} placeholder={t('inbound.expected')} />
                          </Form.Item>
                          <Button
                            icon={<DeleteOutlined />}
                            onClick={() => remove(f.name)}
                            disabled={fields.length === 1}
                          />
                        </Flex>
                      ))}
                      <Button icon={<PlusOutlined />} onClick={() => add({ expectedQty: 1 })}>
                        {t('inbound.addLine')}
                      </Button>
                    </>
                  )}
                </Form.List>
                <Form.Item name="arrived" valuePropName="checked" style={{ marginTop: 12 }}>
                  <Checkbox>{t('inbound.arrivedNow')}</Checkbox>
                </Form.Item>
              </Form>
            ),
          },
        ]}
      />
    </Modal>
  );
}
