import { App, Button, Col, Drawer, Flex, Form, Input, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCreateUser, useUpdateUser } from '../../api/org';
import type { User, UserCreate, UserPatch } from '../../api/types';
import { useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import type { OrgLookups } from './org-lookups';
import { PASSWORD_MIN } from './reset-password-modal';

interface Values {
  username: string;
  displayName: string;
  password?: string;
  email?: string;
  phone?: string;
  departmentId?: string | null;
  branchId?: string | null;
  merchantId?: string | null;
  roleCodes: string[];
  warehouseIds: string[];
  active: boolean;
}

const blankToNull = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);

function toValues(user: User | null): Partial<Values> {
  if (!user) return { roleCodes: [], warehouseIds: [], active: true };
  return {
    username: user.username,
    displayName: user.displayName,
    email: user.email ?? undefined,
    phone: user.phone ?? undefined,
    departmentId: user.departmentId,
    branchId: user.branchId,
    merchantId: user.merchantId,
    roleCodes: user.roleCodes,
    warehouseIds: user.warehouseIds,
    active: user.active,
  };
}

/** Create a user (`user` null) or edit one, in a side drawer. */
export function UserFormDrawer({
  user,
  org,
  onClose,
}: {
  user: User | null;
  org: OrgLookups;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const update = useUpdateUser();
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const roleCodes = Form.useWatch('roleCodes', form) ?? user?.roleCodes ?? [];
  const merchantId = Form.useWatch('merchantId', form);
  const needsWarehouses = roleCodes.some((c) => org.roleByCode.get(c)?.warehouseScoped);
  const name = (i: { nameZh: string; nameEn: string }) => (lang === 'en' ? i.nameEn : i.nameZh);
  const saving = create.isPending || update.isPending;

  const submit = (v: Values) => {
    const common = {
      email: blankToNull(v.email),
      phone: blankToNull(v.phone),
      departmentId: v.departmentId ?? null,
      branchId: v.branchId ?? null,
      merchantId: v.merchantId ?? null,
      roleCodes: v.roleCodes,
      warehouseIds: needsWarehouses ? v.warehouseIds : [],
    };
    const done = (saved: User) => {
      message.success(user ? t('common.saved') : t('common.created'));
      onClose();
      return saved;
    };
    const onError = (e: unknown) => notifyError(e, form);
    if (user) {
      const body: UserPatch = { displayName: v.displayName.trim(), active: v.active, ...common };
      update.mutate({ id: user.id, body }, { onSuccess: done, onError });
    } else {
      const body: UserCreate = {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        password: v.password ?? '',
        ...common,
      };
      create.mutate(body, { onSuccess: done, onError });
    }
  };

  return (
    <Drawer
      open
      size={620}
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={saving} onClick={() => form.submit()} data-testid="user-save">
            {user ? t('common.save') : t('common.create')}
          </Button>
        </Flex>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={toValues(user)}
        onFinish={submit}
        data-testid="user-form"
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="username"
              label={t('users.field.username')}
              extra={user ? undefined : t('users.field.usernameHelp')}
              rules={[
                { required: true, pattern: /^[A-Za-z0-9._-]{2,64}$/, message: t('users.field.usernameHelp') },
              ]}
            >
              <Input className="mono" disabled={Boolean(user)} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="displayName"
              label={t('users.field.displayName')}
              rules={[{ required: true, whitespace: true }]}
            >
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          {user ? null : (
            <Col span={24}>
              <Form.Item
                name="password"
                label={t('users.field.password')}
                extra={t('users.field.passwordHelp')}
                rules={[{ required: true, min: PASSWORD_MIN, message: t('users.field.passwordHelp') }]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            </Col>
          )}
          <Col span={12}>
            <Form.Item name="email" label={t('users.field.email')} rules={[{ type: 'email' }]}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('users.field.phone')}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="departmentId"
              label={t('users.field.department')}
              rules={[{ required: !merchantId }]}
            >
              <Select allowClear options={org.departments.map((d) => ({ value: d.id, label: name(d) }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="branchId" label={t('users.field.branch')} rules={[{ required: !merchantId }]}>
              <Select allowClear options={org.branches.map((b) => ({ value: b.id, label: name(b) }))} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="merchantId" label={t('users.field.merchant')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={org.merchants.map((m) => ({ value: m.id, label: `${m.name} (${m.code})` }))}
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item
              name="roleCodes"
              label={t('users.field.roles')}
              rules={[{ required: true, type: 'array', min: 1 }]}
            >
              <Select
                mode="multiple"
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="user-roles"
                options={org.roles.map((r) => ({ value: r.code, label: name(r) }))}
              />
            </Form.Item>
          </Col>
          {needsWarehouses ? (
            <Col span={24}>
              <Form.Item
                name="warehouseIds"
                label={t('users.field.warehouses')}
                extra={t('users.field.warehousesHelp')}
                rules={[{ required: true, type: 'array', min: 1, message: t('users.field.warehousesHelp') }]}
              >
                <Select
                  mode="multiple"
                  showSearch={{ optionFilterProp: 'label' }}
                  options={org.warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${name(w)}` }))}
                />
              </Form.Item>
            </Col>
          ) : null}
          {user ? (
            <Col span={24}>
              <Form.Item name="active" label={t('users.field.active')} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          ) : null}
        </Row>
      </Form>
    </Drawer>
  );
}
