import { MenuFoldOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Button, Flex, Layout, Tag, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useMe } from '../lib/auth-context';
import { useLocalName } from '../lib/use-localized';
import { AppMenu } from './app-menu';
import { FullPageSpinner } from './full-page-spinner';
import { InboxBell } from './inbox-bell';
import { LanguageSwitch } from './language-switch';
import { UserMenu } from './user-menu';

const COLLAPSE_KEY = 'wayline.siderCollapsed';

function OrgContext() {
  const me = useMe();
  const { t } = useTranslation();
  const name = useLocalName();
  if (me.merchant) {
    return (
      <Flex gap={6} align="center" className="header-org">
        <Tag color="purple">{t('layout.merchantPortal')}</Tag>
        <Typography.Text>{me.merchant.name}</Typography.Text>
      </Flex>
    );
  }
  return (
    <Flex gap={6} align="center" className="header-org" data-testid="header-org">
      <Tag color="blue">{me.department ? name(me.department) : t('layout.noDepartment')}</Tag>
      {me.branch ? <Typography.Text type="secondary">{name(me.branch)}</Typography.Text> : null}
    </Flex>
  );
}

/** The signed-in frame: menu on the left, context and account on top, the page in the middle. */
export function AppLayout() {
  const { t } = useTranslation();
  const [collapsed, setCollapsed] = useState(() => localStorage.getItem(COLLAPSE_KEY) === '1');
  const toggle = (value: boolean) => {
    setCollapsed(value);
    localStorage.setItem(COLLAPSE_KEY, value ? '1' : '0');
  };

  return (
    <Layout className="app-shell">
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={toggle}
        trigger={null}
        width={224}
        breakpoint="lg"
        style={{ position: 'sticky', top: 0, height: '100vh', overflow: 'auto' }}
      >
        <Link to="/" className="app-logo">
          <img src="/favicon.svg" alt="" width={28} height={28} />
          {collapsed ? null : (
            <span>
              <span className="app-logo-name">{t('common.appName')}</span>
              <span className="app-logo-tagline">{t('common.appTagline')}</span>
            </span>
          )}
        </Link>
        <AppMenu collapsed={collapsed} />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="app-header">
          <Button
            type="text"
            icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => toggle(!collapsed)}
            aria-label={collapsed ? t('layout.expand') : t('layout.collapse')}
          />
          <Flex gap={8} align="center">
            <OrgContext />
            <InboxBell />
            <LanguageSwitch />
            <UserMenu />
          </Flex>
        </Layout.Header>
        <Layout.Content className="app-content">
          <Suspense fallback={<FullPageSpinner />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
