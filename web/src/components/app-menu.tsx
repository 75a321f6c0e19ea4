import {
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  DatabaseOutlined,
  HomeOutlined,
  InboxOutlined,
  KeyOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Messages } from '../i18n/zh-CN';
import { useCan } from '../lib/auth-context';
import { PERM } from '../lib/permissions';

type MenuLabel = keyof Messages['menu'];

interface NavLeaf {
  path: string;
  label: MenuLabel;
  icon: ReactNode;
  perm?: string;
}

interface NavGroup {
  key: string;
  label: MenuLabel;
  icon: ReactNode;
  children: NavLeaf[];
}

/** The console's navigation; entries the user may not use are not shown at all. */
export const NAVIGATION: (NavLeaf | NavGroup)[] = [
  { path: '/', label: 'home', icon: <HomeOutlined /> },
  {
    key: 'catalog',
    label: 'catalog',
    icon: <AppstoreOutlined />,
    children: [
      { path: '/catalog/skus', label: 'skus', icon: <UnorderedListOutlined />, perm: PERM.skuRead },
      { path: '/catalog/import', label: 'import', icon: <UploadOutlined />, perm: PERM.skuImport },
    ],
  },
  {
    key: 'inventory',
    label: 'inventory',
    icon: <DatabaseOutlined />,
    children: [
      {
        path: '/inventory/warehouses',
        label: 'warehouses',
        icon: <BankOutlined />,
        perm: PERM.warehouseRead,
      },
      { path: '/inventory/stock', label: 'stock', icon: <InboxOutlined />, perm: PERM.stockRead },
    ],
  },
  {
    key: 'admin',
    label: 'admin',
    icon: <SettingOutlined />,
    children: [
      { path: '/admin/users', label: 'users', icon: <TeamOutlined />, perm: PERM.userRead },
      { path: '/admin/roles', label: 'roles', icon: <SafetyCertificateOutlined />, perm: PERM.roleRead },
      { path: '/admin/tokens', label: 'tokens', icon: <KeyOutlined />, perm: PERM.tokenManage },
      { path: '/admin/audit', label: 'audit', icon: <AuditOutlined />, perm: PERM.auditRead },
    ],
  },
];

const isGroup = (item: NavLeaf | NavGroup): item is NavGroup => 'children' in item;

/** The menu key (a path) that best matches the current location. */
function selectedPath(pathname: string, paths: string[]): string | undefined {
  return paths
    .filter((p) => (p === '/' ? pathname === '/' : pathname === p || pathname.startsWith(`${p}/`)))
    .sort((a, b) => b.length - a.length)[0];
}

export function AppMenu({ collapsed }: { collapsed: boolean }) {
  const { t } = useTranslation();
  const can = useCan();
  const { pathname } = useLocation();

  const { items, paths, groupOf } = useMemo(() => {
    const paths: string[] = [];
    const groupOf = new Map<string, string>();
    const leaf = (n: NavLeaf) => {
      paths.push(n.path);
      return { key: n.path, icon: n.icon, label: <Link to={n.path}>{t(`menu.${n.label}`)}</Link> };
    };
    const items: MenuProps['items'] = [];
    for (const entry of NAVIGATION) {
      if (!isGroup(entry)) {
        if (!entry.perm || can(entry.perm)) items.push(leaf(entry));
        continue;
      }
      const children = entry.children.filter((c) => !c.perm || can(c.perm));
      if (!children.length) continue;
      for (const c of children) groupOf.set(c.path, entry.key);
      items.push({
        key: entry.key,
        icon: entry.icon,
        label: t(`menu.${entry.label}`),
        children: children.map(leaf),
      });
    }
    return { items, paths, groupOf };
  }, [t, can]);

  const selected = selectedPath(pathname, paths);
  const [openKeys, setOpenKeys] = useState<string[]>(() => [...new Set(groupOf.values())]);
  useEffect(() => {
    const group = selected && groupOf.get(selected);
    if (group) setOpenKeys((keys) => (keys.includes(group) ? keys : [...keys, group]));
  }, [selected, groupOf]);

  return (
    <Menu
      data-testid="main-menu"
      aria-label={t('menu.main')}
      mode="inline"
      theme="dark"
      items={items}
      selectedKeys={selected ? [selected] : []}
      {...(collapsed ? {} : { openKeys, onOpenChange: setOpenKeys })}
      style={{ borderInlineEnd: 0 }}
    />
  );
}
