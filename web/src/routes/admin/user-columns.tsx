import { LockOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Flex,
  Popconfirm,
  Space,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import type { TFunction } from 'i18next';
import type { User } from '../../api/types';
import { DateTime } from '../../components/date-time';
import { formatDateTime } from '../../lib/format';
import { localName } from '../../lib/use-localized';
import type { OrgLookups } from './org-lookups';

export const isLocked = (u: User, now = Date.now()) =>
  Boolean(u.lockedUntil && new Date(u.lockedUntil).getTime() > now);

export interface UserActions {
  edit: (u: User) => void;
  resetPassword: (u: User) => void;
  unlock: (u: User) => void;
  setActive: (u: User, active: boolean) => void;
}

export function userColumns(
  t: TFunction,
  lang: string,
  org: OrgLookups,
  actions: UserActions | null,
): TableColumnsType<User> {
  const columns: TableColumnsType<User> = [
    {
      key: 'user',
      title: t('users.col.user'),
      render: (_, u) => (
        <div>
          <Typography.Text strong>{u.displayName}</Typography.Text>{' '}
          <Typography.Text type="secondary" className="mono">
            {u.username}
          </Typography.Text>
          {u.email || u.phone ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {[u.email, u.phone].filter(Boolean).join(' · ')}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ),
    },
    {
      key: 'department',
      title: t('users.col.department'),
      width: 200,
      render: (_, u) => {
        const merchant = u.merchantId ? org.merchantById.get(u.merchantId) : undefined;
        if (merchant) return <Tag color="purple">{merchant.name}</Tag>;
        const dept = u.departmentId ? org.departmentById.get(u.departmentId) : undefined;
        const branch = u.branchId ? org.branchById.get(u.branchId) : undefined;
        return (
          <div>
            <div>{dept ? localName(dept, lang) : t('common.none')}</div>
            {branch ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {localName(branch, lang)}
              </Typography.Text>
            ) : null}
          </div>
        );
      },
    },
    {
      key: 'roles',
      title: t('users.col.roles'),
      render: (_, u) => (
        <Flex wrap gap={4}>
          {u.roleCodes.map((code) => {
            const role = org.roleByCode.get(code);
            return (
              <Tag key={code} color="blue" style={{ marginInlineEnd: 0 }}>
                {role ? localName(role, lang) : code}
              </Tag>
            );
          })}
        </Flex>
      ),
    },
    {
      key: 'status',
      title: t('users.col.status'),
      width: 140,
      render: (_, u) => (
        <Space size={4} wrap>
          {u.active ? (
            <Badge status="success" text={t('common.active')} />
          ) : (
            <Badge status="default" text={t('common.inactive')} />
          )}
          {isLocked(u) ? (
            <Tooltip title={t('users.lockedUntil', { time: formatDateTime(u.lockedUntil) })}>
              <Tag color="red" icon={<LockOutlined />}>
                {t('users.locked')}
              </Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    {
      key: 'lastLogin',
      title: t('users.col.lastLogin'),
      width: 150,
      render: (_, u) => <DateTime value={u.lastLoginAt} empty={t('users.never')} />,
    },
  ];
  if (!actions) return columns;
  columns.push({
    key: 'actions',
    title: t('common.actions'),
    width: 250,
    fixed: 'right',
    render: (_, u) => (
      <Space size={0} wrap>
        <Button type="link" size="small" onClick={() => actions.edit(u)}>
          {t('common.edit')}
        </Button>
        <Button type="link" size="small" onClick={() => actions.resetPassword(u)}>
          {t('users.resetPassword')}
        </Button>
        {isLocked(u) ? (
          <Button type="link" size="small" onClick={() => actions.unlock(u)}>
            {t('users.unlock')}
          </Button>
        ) : null}
        {u.active ? (
          <Popconfirm
            title={t('users.deactivateConfirm', { name: u.displayName })}
            onConfirm={() => actions.setActive(u, false)}
          >
            <Button type="link" size="small" danger>
              {t('users.deactivate')}
            </Button>
          </Popconfirm>
        ) : (
          <Button type="link" size="small" onClick={() => actions.setActive(u, true)}>
            {t('users.activate')}
          </Button>
        )}
      </Space>
    ),
  });
  return columns;
}
