import { type ComponentType, lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { CHANGE_PASSWORD_PATH } from './api/auth';
import { AppLayout } from './components/app-layout';
import { RequireAuth } from './components/require-auth';
import { RequirePermission } from './components/require-permission';
import { PERM } from './lib/permissions';
import { LoginPage } from './routes/auth/login';
import { NotFoundPage } from './routes/errors/not-found';

/** Lazy-load a page module that has a named export. */
function page<M, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const HomePage = page(() => import('./routes/home/home'), 'HomePage');
const SkuListPage = page(() => import('./routes/catalog/sku-list'), 'SkuListPage');
const SkuDetailPage = page(() => import('./routes/catalog/sku-detail'), 'SkuDetailPage');
const SkuCreatePage = page(() => import('./routes/catalog/sku-create'), 'SkuCreatePage');
const ImportPage = page(() => import('./routes/catalog/import'), 'ImportPage');
const WarehousesPage = page(() => import('./routes/inventory/warehouses'), 'WarehousesPage');
const StockPage = page(() => import('./routes/inventory/stock'), 'StockPage');
const UsersPage = page(() => import('./routes/admin/users'), 'UsersPage');
const RolesPage = page(() => import('./routes/admin/roles'), 'RolesPage');
const TokensPage = page(() => import('./routes/admin/tokens'), 'TokensPage');
const AuditPage = page(() => import('./routes/admin/audit'), 'AuditPage');
const ChangePasswordPage = page(() => import('./routes/account/change-password'), 'ChangePasswordPage');

const guard = (perm: string, element: ReactNode) => (
  <RequirePermission perm={perm}>{element}</RequirePermission>
);

/**
 * Routes: /login is public; everything else needs a session, and each page its permission
 * (the menu hides what the user may not open; the guard covers typed-in URLs). While IT's password
 * reset is pending, RequireAuth sends every signed-in route to the change-password page.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<HomePage />} />
        <Route path={CHANGE_PASSWORD_PATH.slice(1)} element={<ChangePasswordPage />} />
        <Route path="catalog/skus" element={guard(PERM.skuRead, <SkuListPage />)} />
        <Route path="catalog/skus/new" element={guard(PERM.skuWrite, <SkuCreatePage />)} />
        <Route path="catalog/skus/:id" element={guard(PERM.skuRead, <SkuDetailPage />)} />
        <Route path="catalog/import" element={guard(PERM.skuImport, <ImportPage />)} />
        <Route path="inventory/warehouses" element={guard(PERM.warehouseRead, <WarehousesPage />)} />
        <Route path="inventory/stock" element={guard(PERM.stockRead, <StockPage />)} />
        <Route path="admin/users" element={guard(PERM.userRead, <UsersPage />)} />
        <Route path="admin/roles" element={guard(PERM.roleRead, <RolesPage />)} />
        <Route path="admin/tokens" element={guard(PERM.tokenManage, <TokensPage />)} />
        <Route path="admin/audit" element={guard(PERM.auditRead, <AuditPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
