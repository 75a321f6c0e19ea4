import {
  AimOutlined,
  AlertOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BankOutlined,
  BarcodeOutlined,
  BellOutlined,
  BuildOutlined,
  CalendarOutlined,
  CarOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  DownloadOutlined,
  ExclamationCircleOutlined,
  ExperimentOutlined,
  ExportOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  FireOutlined,
  FundOutlined,
  GiftOutlined,
  HeatMapOutlined,
  HomeOutlined,
  InboxOutlined,
  KeyOutlined,
  LineChartOutlined,
  LockOutlined,
  NodeIndexOutlined,
  ReconciliationOutlined,
  RiseOutlined,
  RollbackOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  ScanOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  SwapOutlined,
  TeamOutlined,
  ToolOutlined,
  UnorderedListOutlined,
  UploadOutlined,
  VerticalAlignTopOutlined,
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
    key: 'orders',
    label: 'orders',
    icon: <ShoppingOutlined />,
    children: [
      { path: '/orders', label: 'orderList', icon: <UnorderedListOutlined />, perm: PERM.orderRead },
      {
        path: '/orders/exceptions',
        label: 'orderExceptions',
        icon: <ExclamationCircleOutlined />,
        perm: PERM.orderRead,
      },
      { path: '/orders/import', label: 'orderImport', icon: <UploadOutlined />, perm: PERM.orderImport },
      { path: '/returns', label: 'returns', icon: <RollbackOutlined />, perm: PERM.returnRead },
      {
        path: '/notifications/settings',
        label: 'notificationSettings',
        icon: <BellOutlined />,
        perm: PERM.notifyLog,
      },
      {
        path: '/notifications/webhooks',
        label: 'webhooks',
        icon: <BellOutlined />,
        perm: PERM.webhookManage,
      },
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
      { path: '/inventory/audit', label: 'stockAudit', icon: <AuditOutlined />, perm: PERM.stockRead },
      { path: '/warehouse/asns', label: 'asns', icon: <FileDoneOutlined />, perm: PERM.asnRead },
      {
        path: '/warehouse/receipts',
        label: 'receiving',
        icon: <DownloadOutlined />,
        perm: PERM.receiptRead,
      },
      {
        path: '/warehouse/putaway',
        label: 'putaway',
        icon: <VerticalAlignTopOutlined />,
        perm: PERM.putaway,
      },
    ],
  },
  {
    key: 'outbound',
    label: 'outbound',
    icon: <ExportOutlined />,
    children: [
      { path: '/warehouse/waves', label: 'waves', icon: <ClusterOutlined />, perm: PERM.waveRead },
      { path: '/warehouse/pick-lists', label: 'pickLists', icon: <ScanOutlined />, perm: PERM.waveRead },
      { path: '/warehouse/pack', label: 'packing', icon: <GiftOutlined />, perm: PERM.pack },
      { path: '/warehouse/gate', label: 'gate', icon: <SafetyOutlined />, perm: PERM.gate },
    ],
  },
  {
    key: 'stockOps',
    label: 'stockOps',
    icon: <ReconciliationOutlined />,
    children: [
      {
        path: '/warehouse/count-tasks',
        label: 'countTasks',
        icon: <BarcodeOutlined />,
        perm: PERM.countExecute,
      },
      { path: '/warehouse/counts', label: 'counts', icon: <ReconciliationOutlined />, perm: PERM.countRead },
      {
        path: '/warehouse/count-plans',
        label: 'countPlans',
        icon: <ScheduleOutlined />,
        perm: PERM.countRead,
      },
      {
        path: '/warehouse/count-accuracy',
        label: 'countAccuracy',
        icon: <DashboardOutlined />,
        perm: PERM.countRead,
      },
      { path: '/warehouse/slotting', label: 'slotting', icon: <RiseOutlined />, perm: PERM.slottingRead },
      { path: '/warehouse/moves', label: 'moveTasks', icon: <SwapOutlined />, perm: PERM.slottingMove },
      { path: '/warehouse/bin-map', label: 'binMap', icon: <HeatMapOutlined />, perm: PERM.slottingRead },
      { path: '/warehouse/kits', label: 'kits', icon: <BuildOutlined />, perm: PERM.kitRead },
      { path: '/warehouse/kit-orders', label: 'kitOrders', icon: <ToolOutlined />, perm: PERM.kitRead },
    ],
  },
  {
    key: 'coldChain',
    label: 'coldChain',
    icon: <ExperimentOutlined />,
    children: [
      {
        path: '/inventory/near-expiry',
        label: 'nearExpiry',
        icon: <FieldTimeOutlined />,
        perm: PERM.stockRead,
      },
      {
        path: '/inventory/temperature',
        label: 'temperature',
        icon: <LineChartOutlined />,
        perm: PERM.coldchainRead,
      },
      { path: '/inventory/alerts', label: 'alerts', icon: <AlertOutlined />, perm: PERM.coldchainRead },
      {
        path: '/inventory/quality-holds',
        label: 'qualityHolds',
        icon: <LockOutlined />,
        perm: PERM.coldchainRead,
      },
      { path: '/inventory/incidents', label: 'incidents', icon: <FireOutlined />, perm: PERM.incidentRead },
    ],
  },
  {
    key: 'transport',
    label: 'transport',
    icon: <CarOutlined />,
    children: [
      {
        path: '/transport/route-plans',
        label: 'routePlanning',
        icon: <NodeIndexOutlined />,
        perm: PERM.routePlanRead,
      },
    ],
  },
  {
    key: 'planning',
    label: 'planning',
    icon: <FundOutlined />,
    children: [
      {
        path: '/planning/forecasts',
        label: 'forecasts',
        icon: <LineChartOutlined />,
        perm: PERM.planningRead,
      },
      {
        path: '/planning/suggestions',
        label: 'replenishment',
        icon: <ShoppingCartOutlined />,
        perm: PERM.planningRead,
      },
      { path: '/planning/alerts', label: 'stockAlerts', icon: <BellOutlined />, perm: PERM.planningRead },
      {
        path: '/planning/accuracy',
        label: 'forecastAccuracy',
        icon: <AimOutlined />,
        perm: PERM.planningRead,
      },
      {
        path: '/planning/promotions',
        label: 'promotions',
        icon: <CalendarOutlined />,
        perm: PERM.planningRead,
      },
      {
        path: '/planning/import',
        label: 'demandImport',
        icon: <UploadOutlined />,
        perm: PERM.demandImport,
      },
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
