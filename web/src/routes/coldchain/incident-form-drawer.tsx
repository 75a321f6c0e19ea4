import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Drawer, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INCIDENT_KINDS, type IncidentBody, type IncidentKind, useCreateIncident } from '../../api/coldchain';
import { useSkuSearch, useStockPage } from '../../api/inventory';
import { useWarehouses } from '../../api/org';
import type { StockRow } from '../../api/types';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { useDebounced } from '../../lib/use-debounced';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';

interface LineValues {
  skuId?: string;
  stockKey?: string;
  qty?: number;
}
interface Values {
  warehouseId: string;
  kind: IncidentKind;
  occurredAt: Dayjs;
  description: string;
  photos?: string;
  lines: LineValues[];
  post: boolean;
}

const keyOf = (r: StockRow) => `${r.binId}|${r.lotId ?? ''}|${r.status}`;

/** One affected stock line: a SKU, then one of its stock rows in the warehouse, and the quantity. */
function LineFields({
  name,
  warehouseId,
  onRemove,
}: {
  name: number;
  warehouseId?: string;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 300);
  const search = useSkuSearch(q);
  const form = Form.useFormInstance<Values>();
  const skuId = Form.useWatch(['lines', name, 'skuId'], form);
  const stock = useStockPage({
    limit: 100,
    ...(warehouseId ? { warehouseId } : {}),
    ...(skuId ? { skuId } : {}),
  });
  const rows = skuId && warehouseId ? (stock.data?.items ?? []) : [];
  return (
    <Flex gap={8} align="flex-start" wrap>
      <Form.Item name={[name, 'skuId']} rules={[{ required: true }]} style={{ width: 260, marginBottom: 8 }}>
        <Select
          showSearch={{ filterOption: false, onSearch: setTyped, searchValue: typed }}
          placeholder={t('stock.skuFilter')}
          loading={search.isFetching}
          options={(search.data?.items ?? []).map((s) => ({
            value: s.id,
            label: `${s.code} · ${localName(s, lang)}`,
          }))}
          onChange={() => form.setFieldValue(['lines', name, 'stockKey'], undefined)}
        />
      </Form.Item>
      <Form.Item
        name={[name, 'stockKey']}
        rules={[{ required: true }]}
        style={{ width: 340, marginBottom: 8 }}
      >
        <Select
          placeholder={skuId ? t('coldchain.incidents.pickStock') : t('coldchain.incidents.searchSku')}
          disabled={!skuId}
          loading={stock.isFetching}
          options={rows.map((r) => ({
            value: keyOf(r),
            label: `${r.binCode} · ${r.lotCode ?? '—'} · ${t(`stockStatus.${r.status}`)} · ${r.onHand}`,
          }))}
        />
      </Form.Item>
      <Form.Item name={[name, 'qty']} rules={[{ required: true }]} style={{ marginBottom: 8 }}>
        <InputNumber
          min={1}
          precision={0}
          placeholder={t('coldchain.incidents.qty')}
          style={{ width: 110 }}
        />
      </Form.Item>
      <Button type="text" icon={<DeleteOutlined />} onClick={onRemove} aria-label="remove" />
    </Flex>
  );
}

/** Record a safety incident with the stock it cost, and post it at once if allowed. */
export function IncidentFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<Values>();
  const warehouses = useWarehouses();
  const warehouseId = Form.useWatch('warehouseId', form);
  const create = useCreateIncident();
  const submit = (v: Values) => {
    // The chosen stock row's key holds its bin, lot and status.
    const lines = v.lines.map((l) => {
      const [binId, lotId, status] = (l.stockKey ?? '').split('|');
      return {
        skuId: l.skuId!,
        binId,
        lotId: lotId || null,
        status: status as StockRow['status'],
        qty: l.qty!,
      };
    });
    const body: IncidentBody = {
      warehouseId: v.warehouseId,
      kind: v.kind,
      occurredAt: v.occurredAt.toISOString(),
      description: v.description.trim(),
      photos: (v.photos ?? '')
        .split('\n')
        .map((p) => p.trim())
        .filter(Boolean),
      lines,
      post: v.post,
    };
    create.mutate(body, {
      onSuccess: (incident) => {
        message.success(
          incident.status === 'posted' ? t('coldchain.incidents.posted') : t('coldchain.incidents.saved'),
        );
        form.resetFields();
        onClose();
      },
      onError: (error) => notifyError(error, form),
    });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={860}
      title={t('coldchain.incidents.createTitle')}
      destroyOnHidden
      extra={
        <Button
          type="primary"
          onClick={() => form.submit()}
          loading={create.isPending}
          data-testid="incident-save"
        >
          {t('common.save')}
        </Button>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ kind: 'damage', occurredAt: dayjs(), lines: [{}], post: false }}
        data-testid="incident-form"
      >
        <Flex gap={12} wrap>
          <Form.Item
            name="warehouseId"
            label={t('coldchain.incidents.col.warehouse')}
            rules={[{ required: true }]}
            style={{ width: 260 }}
          >
            <Select
              options={(warehouses.data ?? []).map((w) => ({
                value: w.id,
                label: `${w.code} · ${localName(w, lang)}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="kind"
            label={t('coldchain.incidents.col.kind')}
            rules={[{ required: true }]}
            style={{ width: 160 }}
          >
            <Select
              options={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`coldchain.incidents.kind.${k}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="occurredAt"
            label={t('coldchain.incidents.occurredAt')}
            rules={[{ required: true }]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              disabledDate={(d) => d.isAfter(dayjs())}
            />
          </Form.Item>
        </Flex>
        <Form.Item
          name="description"
          label={t('coldchain.incidents.description')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item
          name="photos"
          label={t('coldchain.incidents.photos')}
          extra={t('coldchain.incidents.photosHint')}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label={t('coldchain.incidents.lines')} required>
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <LineFields
                    key={f.key}
                    name={f.name}
                    warehouseId={warehouseId}
                    onRemove={() => fields.length > 1 && remove(f.name)}
                  />
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})} type="dashed">
                  {t('coldchain.incidents.addLine')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>
        {can(PERM.incidentPost) ? (
          <Form.Item name="post" valuePropName="checked">
            <Checkbox>{t('coldchain.incidents.postNow')}</Checkbox>
          </Form.Item>
        ) : null}
      </Form>
    </Drawer>
  );
}
