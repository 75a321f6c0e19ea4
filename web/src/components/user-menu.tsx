import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Button, Dropdown, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { CHANGE_PASSWORD_PATH, logout } from '../api/auth';
import { useMe } from '../lib/auth-context';
import { useLocalName } from '../lib/use-localized';

export function UserMenu() {
  const me = useMe();
  const { t } = useTranslation();
  const name = useLocalName();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();

  const signOut = async () => {
    try {
      await logout();
    } catch {
      // the session may already be gone; leave anyway
    }
    queryClient.clear();
    navigate('/login', { replace: true });
    message.success(t('auth.loggedOut'));
  };

  const warehouses =
    me.warehouseIds === 'all'
      ? t('layout.allWarehouses')
      : t('layout.warehouseCount', { count: me.warehouseIds.length });

  const profile = (
    <div style={{ padding: '8px 12px', maxWidth: 300 }}>
      <Typography.Text strong>{me.displayName}</Typography.Text>
      <div>
        <Typography.Text type="secondary">{me.username}</Typography.Text>
      </div>
      <div style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('layout.roles')}
        </Typography.Text>
        <Flex wrap gap={4} style={{ marginTop: 4 }}>
          {me.roles.map((r) => (
            <Tag key={r.code} color="blue" style={{ marginInlineEnd: 0 }}>
              {name(r)}
            </Tag>
          ))}
        </Flex>
      </div>
      <div style={{ marginTop: 8 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {warehouses}
        </Typography.Text>
      </div>
    </div>
  );

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'profile', label: profile, disabled: true, style: { cursor: 'default' } },
          { type: 'divider' },
          {
            key: 'password',
            icon: <KeyOutlined />,
            label: t('account.passwordTitle'),
            'data-testid': 'user-menu-password',
          },
          { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'logout') void signOut();
          else if (key === 'password') navigate(CHANGE_PASSWORD_PATH);
        },
      }}
    >
      <Button type="text" data-testid="user-menu" style={{ height: 40 }}>
        <Avatar size="small" style={{ background: '#1f5eff' }} icon={<UserOutlined />} />
        <span className="header-user-name">{me.displayName}</span>
      </Button>
    </Dropdown>
  );
}
