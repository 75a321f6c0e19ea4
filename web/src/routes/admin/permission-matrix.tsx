import { CheckOutlined } from '@ant-design/icons';
import { Table, type TableColumnsType, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission, Role } from '../../api/types';
import { localName, useLang } from '../../lib/use-localized';
import { groupLabel, groupPermissions } from './permission-groups';

interface Row {
  permission: Permission;
  group: string;
  groupSpan: number;
}

/** Permissions down, roles across; a tick where the role holds the permission. */
export function PermissionMatrix({ roles, permissions }: { roles: Role[]; permissions: Permission[] }) {
  const { t } = useTranslation();
  const lang = useLang();

  const rows = useMemo<Row[]>(
    () =>
      groupPermissions(permissions).flatMap(({ group, items }) =>
        items.map((permission, i) => ({ permission, group, groupSpan: i === 0 ? items.length : 0 })),
      ),
    [permissions],
  );

  const columns = useMemo<TableColumnsType<Row>>(
    () => [
      {
        key: 'group',
        title: '',
        width: 110,
        fixed: 'left',
        onCell: (r) => ({ rowSpan: r.groupSpan }),
        render: (_, r) => <Typography.Text strong>{groupLabel(t, r.group)}</Typography.Text>,
      },
      {
        key: 'permission',
        title: t('roles.permission'),
        width: 240,
        fixed: 'left',
        render: (_, r) => (
          <Tooltip title={<span className="mono">{r.permission.code}</span>}>
            <span>{localName(r.permission, lang)}</span>
          </Tooltip>
        ),
      },
      ...roles.map((role) => ({
        key: role.code,
        title: (
          <Tooltip title={<span className="mono">{role.code}</span>}>
            <span style={{ whiteSpace: 'nowrap' }}>{localName(role, lang)}</span>
          </Tooltip>
        ),
        width: 110,
        align: 'center' as const,
        render: (_: unknown, r: Row) =>
          role.permissions.includes(r.permission.code) ? (
            <CheckOutlined style={{ color: '#389e0d' }} aria-label="✓" />
          ) : (
            <span style={{ color: '#d9d9d9' }}>·</span>
          ),
      })),
    ],
    [roles, t, lang],
  );

  return (
    <Table<Row>
      rowKey={(r) => r.permission.code}
      size="small"
      bordered
      pagination={false}
      columns={columns}
      dataSource={rows}
      scroll={{ x: 350 + roles.length * 110 }}
      data-testid="permission-matrix"
    />
  );
}
