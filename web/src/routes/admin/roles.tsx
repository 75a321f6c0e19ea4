import { Button, Card, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments, usePermissions, useRoles } from '../../api/org';
import type { Role } from '../../api/types';
import { PageHeader } from '../../components/page-header';
import { QueryError } from '../../components/query-error';
import { useCan } from '../../lib/auth-context';
import { PERM } from '../../lib/permissions';
import { localName, useLang } from '../../lib/use-localized';
import { PermissionMatrix } from './permission-matrix';
import { RoleEditDrawer } from './role-edit-drawer';

/** /admin/roles — roles with their permissions, as a list and as a matrix. */
export function RolesPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const roles = useRoles();
  const permissions = usePermissions();
  const departments = useDepartments();
  const [editing, setEditing] = useState<Role | null>(null);
  const deptName = (code: string | null) => {
    const d = departments.data?.find((x) => x.code === code);
    return d ? localName(d, lang) : (code ?? t('common.none'));
  };

  if (roles.isError) return <QueryError error={roles.error} onRetry={() => void roles.refetch()} />;

  const list = (
    <Table<Role>
      rowKey="code"
      loading={roles.isPending}
      dataSource={roles.data ?? []}
      pagination={false}
      data-testid="role-table"
      columns={[
        {
          key: 'role',
          title: t('roles.col.role'),
          render: (_, r) => (
            <>
              <Typography.Text strong>{localName(r, lang)}</Typography.Text>{' '}
              <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
                {r.code}
              </Typography.Text>
              {r.system ? <Tag style={{ marginInlineStart: 8 }}>{t('roles.system')}</Tag> : null}
            </>
          ),
        },
        {
          key: 'dept',
          title: t('roles.col.department'),
          width: 180,
          render: (_, r) => deptName(r.departmentCode),
        },
        {
          key: 'scope',
          title: t('roles.col.scope'),
          width: 140,
          render: (_, r) =>
            r.warehouseScoped ? (
              <Tag color="gold">{t('roles.warehouseScoped')}</Tag>
            ) : (
              <Tag>{t('roles.global')}</Tag>
            ),
        },
        {
          key: 'count',
          title: t('roles.col.permissions'),
          width: 100,
          align: 'right',
          render: (_, r) => r.permissions.length,
        },
        ...(can(PERM.roleWrite)
          ? [
              {
                key: 'actions',
                title: t('common.actions'),
                width: 100,
                render: (_: unknown, r: Role) => (
                  <Button type="link" size="small" onClick={() => setEditing(r)} disabled={!permissions.data}>
                    {t('common.edit')}
                  </Button>
                ),
              },
            ]
          : []),
      ]}
    />
  );

  return (
    <>
      <PageHeader title={t('roles.title')} subtitle={t('roles.subtitle')} />
      <Card>
        <Tabs
          items={[
            { key: 'list', label: t('roles.tabList'), children: list },
            {
              key: 'matrix',
              label: t('roles.tabMatrix'),
              children: permissions.isError ? (
                <QueryError error={permissions.error} onRetry={() => void permissions.refetch()} />
              ) : (
                <PermissionMatrix roles={roles.data ?? []} permissions={permissions.data ?? []} />
              ),
            },
          ]}
        />
      </Card>
      {editing && permissions.data ? (
        <RoleEditDrawer role={editing} permissions={permissions.data} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
