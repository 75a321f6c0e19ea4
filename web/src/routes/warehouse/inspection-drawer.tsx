import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  DatePicker,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type Inspection,
  REJECT_REASONS,
  type ReceiptLine,
  type RejectReason,
  useReceiptActions,
} from '../../api/warehouse';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { formatDc } from './receipt-tags';

interface Values {
  receivedQty: number;
  acceptedQty: number;
  rejections: Array<{ qty: number; reason: RejectReason; disposition: 'hold' | 'refused'; note?: string }>;
  lotCode?: string;
  productionDate?: Dayjs | null;
  expiryDate?: Dayjs | null;
  /** °C with one decimal in the form; tenths of a degree on the wire. */
  arrivalTempC?: number | null;
  photos: string[];
  note?: string;
  override: boolean;
  overrideNote?: string;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

function initialOf(line: ReceiptLine): Values {
  const received = line.receivedQty ?? line.expectedQty;
  return {
    receivedQty: received,
    acceptedQty: line.acceptedQty ?? received,
    rejections: line.rejections.map((r) => ({ ...r, note: r.note ?? undefined })),
    lotCode: line.lotCode ?? undefined,
    productionDate: line.productionDate ? dayjs(line.productionDate) : null,
    expiryDate: line.expiryDate ? dayjs(line.expiryDate) : null,
    arrivalTempC: line.arrivalTempDc === null ? null : line.arrivalTempDc / 10,
    photos: line.photos,
    note: line.inspectionNote ?? undefined,
    override: Boolean(line.overrideNote),
    overrideNote: line.overrideNote ?? undefined,
  };
}

/** The inspection (验收) form of one receipt line: counts, rejections with reasons, lot, temperature, photos. */
export function InspectionDrawer({
  receiptId,
  line,
  onClose,
}: {
  receiptId: string;
  line: ReceiptLine | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const { inspect } = useReceiptActions(receiptId);
  const notifyError = useNotifyError();
  useEffect(() => {
    if (line) form.setFieldsValue(initialOf(line));
  }, [line, form]);
  const received = Form.useWatch('receivedQty', form) ?? 0;
  const accepted = Form.useWatch('acceptedQty', form) ?? 0;
  const rejections = Form.useWatch('rejections', form) ?? [];
  const tempC = Form.useWatch('arrivalTempC', form);
  const override = Form.useWatch('override', form);
  const rejected = rejections.reduce((s, r) => s + (r?.qty ?? 0), 0);
  const range = line?.arrivalRange;
  const tempDc = typeof tempC === 'number' ? Math.round(tempC * 10) : null;
  const outOfRange =
    range &&
    tempDc !== null &&
    ((range.minDc !== null && tempDc < range.minDc) || (range.maxDc !== null && tempDc > range.maxDc));

  const submit = (v: Values) => {
    if (!line) return;
    const body: Inspection = {
      receivedQty: v.receivedQty,
      acceptedQty: v.acceptedQty,
      rejections: v.rejections.map((r) => ({
        qty: r.qty,
        reason: r.reason,
        disposition: r.disposition,
        note: r.note?.trim() || null,
      })),
      ...(line.lotTracked ? { lotCode: v.lotCode?.trim() || null } : {}),
      productionDate: day(v.productionDate),
      expiryDate: day(v.expiryDate),
      arrivalTempDc: typeof v.arrivalTempC === 'number' ? Math.round(v.arrivalTempC * 10) : null,
      photos: v.photos,
      note: v.note?.trim() || null,
      override: v.override && v.overrideNote?.trim() ? { note: v.overrideNote.trim() } : null,
    };
    inspect.mutate({ lineId: line.id, body }, { onSuccess: onClose, onError: (e) => notifyError(e, form) });
  };

  const rejectAll = (reason: RejectReason) =>
    form.setFieldsValue({ acceptedQty: 0, rejections: [{ qty: received, reason, disposition: 'hold' }] });

  return (
    <Drawer
      open={Boolean(line)}
      onClose={onClose}
      size={560}
      destroyOnHidden
      title={line ? t('inbound.inspectionTitle', { line: line.lineNo, sku: line.skuCode }) : ''}
      extra={
        <Button
          type="primary"
          loading={inspect.isPending}
          onClick={() => form.submit()}
          data-testid="inspection-save"
        >
          {t('common.save')}
        </Button>
      }
    >
      {line ? (
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={initialOf(line)}>
          <Typography.Paragraph type="secondary">
            {localName({ nameZh: line.skuNameZh ?? line.skuCode, nameEn: line.skuNameEn }, lang)} ·{' '}
            {t('inbound.expected')} {line.expectedQty}
          </Typography.Paragraph>
          <Flex gap={12}>
            <Form.Item name="receivedQty" label={t('inbound.received')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={0} autoFocus data-testid="inspection-received" />
            </Form.Item>
            <Form.Item name="acceptedQty" label={t('inbound.accepted')} rules={[{ required: true }]}>
              <InputNumber min={0} precision={0} data-testid="inspection-accepted" />
            </Form.Item>
          </Flex>
          <Typography.Text type={accepted + rejected === received ? 'secondary' : 'danger'}>
            {t('inbound.qtyCheck', { accepted, rejected, received })}
          </Typography.Text>
          {range ? (
            <Form.Item
              name="arrivalTempC"
              label={`${t('inbound.temperature')} (°C)`}
              extra={t('inbound.tempRange', { min: formatDc(range.minDc), max: formatDc(range.maxDc) })}
              validateStatus={outOfRange ? 'error' : undefined}
              help={outOfRange ? t('inbound.tempOutOfRange') : undefined}
              rules={[{ required: received > 0 }]}
              style={{ marginTop: 12 }}
            >
              <InputNumber step={0.1} precision={1} min={-80} max={80} data-testid="inspection-temp" />
            </Form.Item>
          ) : null}
          {outOfRange && accepted > 0 ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={t('inbound.tempOutOfRange')}
              action={
                <Button size="small" onClick={() => rejectAll('temperature')}>
                  {t('inbound.rejectReason.temperature')}
                </Button>
              }
            />
          ) : null}
          {line.lotTracked ? (
            <Flex gap={12} wrap>
              <Form.Item
                name="lotCode"
                label={t('inbound.lot')}
                rules={[{ required: true }]}
                style={{ flex: '1 1 160px' }}
              >
                <Input maxLength={40} className="mono" />
              </Form.Item>
              <Form.Item name="productionDate" label={t('inbound.productionDate')}>
                <DatePicker />
              </Form.Item>
              <Form.Item name="expiryDate" label={t('inbound.expiryDate')}>
                <DatePicker />
              </Form.Item>
            </Flex>
          ) : null}
          <Typography.Text strong>{t('inbound.rejections')}</Typography.Text>
          <Form.List name="rejections">
            {(fields, { add, remove }) => (
              <Flex vertical gap={4} style={{ margin: '8px 0 16px' }}>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item name={[f.name, 'qty']} rules={[{ required: true }]} noStyle>
                      <InputNumber
                        min={1}
                        precision={0}
                        placeholder={t('inbound.qty')}
                        style={{ width: 90 }}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'reason']} rules={[{ required: true }]} noStyle>
                      <Select
                        style={{ width: 170 }}
                        placeholder={t('inbound.reason')}
                        options={REJECT_REASONS.map((r) => ({
                          value: r,
                          label: t(`inbound.rejectReason.${r}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'disposition']} noStyle>
                      <Select
                        style={{ width: 140 }}
                        options={[
                          { value: 'hold', label: t('inbound.dispositionHold') },
                          { value: 'refused', label: t('inbound.dispositionRefused') },
                        ]}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'note']} noStyle>
                      <Input placeholder={t('inbound.note')} maxLength={500} style={{ width: 160 }} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() =>
                    add({
                      qty: Math.max(1, received - accepted - rejected),
                      reason: 'damaged',
                      disposition: 'hold',
                    })
                  }
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('inbound.addRejection')}
                </Button>
              </Flex>
            )}
          </Form.List>
          <Form.Item name="photos" label={t('inbound.photos')} extra={t('inbound.photosHint')}>
            <Select mode="tags" open={false} tokenSeparators={[' ', ',']} />
          </Form.Item>
          <Form.Item name="note" label={t('inbound.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          {can(PERM.receiptOverride) ? (
            <>
              <Form.Item name="override" valuePropName="checked" extra={t('inbound.overrideHint')}>
                <Checkbox>{t('inbound.override')}</Checkbox>
              </Form.Item>
              {override ? (
                <Form.Item name="overrideNote" label={t('inbound.overrideNote')} rules={[{ required: true }]}>
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
              ) : null}
            </>
          ) : null}
        </Form>
      ) : null}
    </Drawer>
  );
}
