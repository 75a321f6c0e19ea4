import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Drawer, Form, Input, InputNumber, Select, Space, Switch, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Kit, type KitBody, useKitMutations, useKits } from '../../api/kits';
import { useMerchants } from '../../api/org';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { SkuSelect } from './sku-select';

/** /warehouse/kits — kit definitions: a generic item plus components make a variant (延迟策略). */
export function KitsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const kits = useKits();
  const [editing, setEditing] = useState<Kit | 'new' | null>(null);
  const name = (x: { skuNameZh?: string | null; skuNameEn?: string | null }) =>
    localName({ nameZh: x.skuNameZh ?? '', nameEn: x.skuNameEn ?? null }, lang);
  return (
    <>
      <PageHeader
        title={t('kits.title')}
        subtitle={t('kits.subtitle')}
        extra={
          can(PERM.kitPlan) ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('kits.newKit')}
            </Button>
          ) : null
        }
      />
      <Card>
        {kits.isError && !kits.data ? (
          <QueryError error={kits.error} onRetry={() => void kits.refetch()} />
        ) : (
          <Table<Kit>
            rowKey="id"
            loading={kits.isLoading}
            dataSource={kits.data ?? []}
            pagination={false}
            columns={[
              {
                key: 'code',
                title: t('kits.code'),
                render: (_, k) => <span className="mono">{k.code}</span>,
              },
              { key: 'name', title: t('kits.name'), dataIndex: 'name' },
              { key: 'merchant', title: t('kits.merchant'), dataIndex: 'merchantName' },
              {
                key: 'variant',
                title: t('kits.variant'),
                render: (_, k) => (
                  <span>
                    <span className="mono">{k.variantSkuCode}</span> ·{' '}
                    {localName({ nameZh: k.variantSkuNameZh ?? '', nameEn: k.variantSkuNameEn }, lang)}
                  </span>
                ),
              },
              {
                key: 'bom',
                title: t('kits.components'),
                render: (_, k) => (
                  <Space size={4} wrap>
                    {k.components.map((c) => (
                      <Tag key={c.lineNo} color={c.role === 'generic' ? 'blue' : undefined}>
                        {c.qty} × {c.skuCode} {name(c)}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              {
                key: 'active',
                title: t('kits.active'),
                render: (_, k) => (k.active ? <Tag color="green">✓</Tag> : <Tag>—</Tag>),
              },
              {
                key: 'edit',
                render: (_, k) =>
                  can(PERM.kitPlan) ? (
                    <Button size="small" onClick={() => setEditing(k)}>
                      {t('common.edit')}
                    </Button>
                  ) : null,
              },
            ]}
          />
        )}
      </Card>
      {editing ? (
        <KitDrawer kit={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

function KitDrawer({ kit, onClose }: { kit: Kit | null; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<KitBody>();
  const merchants = useMerchants();
  const merchantId = Form.useWatch('merchantId', form);
  const { saveKit } = useKitMutations();
  const initial: Partial<KitBody> = kit
    ? {
        merchantId: kit.merchantId,
        code: kit.code,
        name: kit.name,
        variantSkuId: kit.variantSkuId,
        note: kit.note,
        active: kit.active,
        components: kit.components.map((c) => ({ skuId: c.skuId, qty: c.qty, role: c.role })),
      }
    : { active: true, components: [{ skuId: '', qty: 1, role: 'generic' }] };
  return (
    <Drawer
      open
      width={620}
      title={kit ? t('kits.editKit') : t('kits.newKit')}
      onClose={onClose}
      extra={
        <Button type="primary" loading={saveKit.isPending} onClick={() => form.submit()}>
          {t('common.save')}
        </Button>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(body) =>
          saveKit.mutate(
            { id: kit?.id, body: { ...body, note: body.note || null } },
            {
              onSuccess: () => {
                message.success(t('kits.saved'));
                onClose();
              },
              onError: (e) => notifyError(e, form),
            },
          )
        }
      >
        <Form.Item name="merchantId" label={t('kits.merchant')} rules={[{ required: true }]}>
          <Select
            disabled={!!kit}
            options={(merchants.data ?? []).map((m) => ({
              value: m.id,
              label: `${m.code} · ${lang === 'en' ? m.nameEn : m.name}`,
            }))}
          />
        </Form.Item>
        <Space wrap style={{ width: '100%' }}>
          <Form.Item
            name="code"
            label={t('kits.code')}
            rules={[{ required: true, pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/ }]}
          >
            <Input className="mono" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="name" label={t('kits.name')} rules={[{ required: true, max: 100 }]}>
            <Input style={{ width: 320 }} />
          </Form.Item>
        </Space>
        <Form.Item name="variantSkuId" label={t('kits.variant')} rules={[{ required: true }]}>
          <SkuSelect merchantId={merchantId} />
        </Form.Item>
        <Form.List name="components">
          {(fields, { add, remove }) => (
            <Card size="small" title={t('kits.components')} style={{ marginBottom: 16 }}>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" style={{ display: 'flex', marginBottom: 8 }}>
                  <Form.Item name={[field.name, 'role']} rules={[{ required: true }]} style={{ width: 110 }}>
                    <Select
                      options={[
                        { value: 'generic', label: t('kits.generic') },
                        { value: 'component', label: t('kits.component') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'skuId']} rules={[{ required: true }]} style={{ width: 300 }}>
                    <SkuSelect merchantId={merchantId} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'qty']} rules={[{ required: true }]}>
                    <InputNumber
                      min={1}
                      precision={0}
                      addonAfter={t('kits.qtyPerKit')}
                      style={{ width: 150 }}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    onClick={() => remove(field.name)}
                    aria-label="remove"
                  />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ qty: 1, role: 'component' })}>
                {t('kits.addComponent')}
              </Button>
            </Card>
          )}
        </Form.List>
        <Form.Item name="note" label={t('kits.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="active" label={t('kits.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
