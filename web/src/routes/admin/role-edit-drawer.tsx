import { App, Button, Checkbox, Col, Drawer, Flex, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useUpdateRole } from '../../api/org';
import type { Permission, Role } from '../../api/types';
import { localName, useLang } from '../../lib/use-localized';
import { useNotifyError } from '../../lib/use-notify-error';
import { groupLabel, groupPermissions } from './permission-groups';

interface Values {
  nameZh: string;
  nameEn: string;
  permissions: string[];
}

/** One group of permission checkboxes with a select-all box. */
function PermissionGroup({
  label,
  items,
  value = [],
  onChange,
}: {
  label: string;
  items: Permission[];
  value?: string[];
  onChange?: (next: string[]) => void;
}) {
  const lang = useLang();
  const codes = items.map((p) => p.code);
  const selected = codes.filter((c) => value.includes(c));
  const others = value.filter((c) => !codes.includes(c));
  return (
    <div style={{ marginBottom: 16 }}>
      <Checkbox
        checked={selected.length === codes.length}
        indeterminate={selected.length > 0 && selected.length < codes.length}
        onChange={(e) => onChange?.([...others, ...(e.target.checked ? codes : [])])}
      >
        <Typography.Text strong>{label}</Typography.Text>
      </Checkbox>
      <Row gutter={[8, 4]} style={{ marginTop: 6, paddingInlineStart: 24 }}>
        {items.map((p) => (
          <Col key={p.code} xs={24} sm={12}>
            <Checkbox
              checked={value.includes(p.code)}
              onChange={(e) =>
                onChange?.(e.target.checked ? [...value, p.code] : value.filter((c) => c !== p.code))
              }
            >
              {localName(p, lang)}{' '}
              <Typography.Text type="secondary" className="mono" style={{ fontSize: 11 }}>
                {p.code}
              </Typography.Text>
            </Checkbox>
          </Col>
        ))}
      </Row>
    </div>
  );
}

export function RoleEditDrawer({
  role,
  permissions,
  onClose,
}: {
  role: Role;
  permissions: Permission[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<Values>();
  const update = useUpdateRole();
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const chosen = Form.useWatch('permissions', form) ?? role.permissions;

  const submit = (v: Values) =>
    update.mutate(
      {
        code: role.code,
        body: { nameZh: v.nameZh.trim(), nameEn: v.nameEn.trim(), permissions: v.permissions },
      },
      {
        onSuccess: (saved) => {
          message.success(t('roles.saved', { name: localName(saved, lang) }));
          onClose();
        },
        onError: (e) => notifyError(e, form),
      },
    );

  return (
    <Drawer
      open
      size={720}
      title={t('roles.editTitle', { name: localName(role, lang) })}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="space-between" align="center">
          <Typography.Text type="secondary">
            {t('roles.selectedCount', { count: chosen.length })}
          </Typography.Text>
          <Flex gap={8}>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={update.isPending}
              onClick={() => form.submit()}
              data-testid="role-save"
            >
              {t('common.save')}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ nameZh: role.nameZh, nameEn: role.nameEn, permissions: role.permissions }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="nameZh" label={t('roles.nameZh')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="nameEn" label={t('roles.nameEn')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="permissions" label={t('roles.permissions')}>
          <PermissionGroups permissions={permissions} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}

function PermissionGroups({
  permissions,
  value,
  onChange,
}: {
  permissions: Permission[];
  value?: string[];
  onChange?: (next: string[]) => void;
}) {
  const { t } = useTranslation();
  return (
    <div>
      {groupPermissions(permissions).map(({ group, items }) => (
        <PermissionGroup
          key={group}
          label={groupLabel(t, group)}
          items={items}
          value={value}
          onChange={onChange}
        />
      ))}
    </div>
  );
}
