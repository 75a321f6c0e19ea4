import { type ComponentType, lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { CHANGE_PASSWORD_PATH } from './api/auth';
import { AppLayout } from './components/app-layout';
import { RequireAuth } from './components/require-auth';
import { RequirePermission } from './components/require-permission';
import { PERM } from './lib/permissions';
import { LoginPage } from './routes/auth/login';
import { NotFoundPage } from './routes/errors/not-found';
import { PortalTrackPage } from './routes/portal/portal-track';
import { TrackRedirect } from './routes/portal/track-redirect';
import { PortalReturnPage } from './routes/returns/portal-return';

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
const StockAuditPage = page(() => import('./routes/inventory/stock-audit'), 'StockAuditPage');
const NearExpiryPage = page(() => import('./routes/coldchain/near-expiry'), 'NearExpiryPage');
const TemperaturePage = page(() => import('./routes/coldchain/temperature'), 'TemperaturePage');
const AlertsPage = page(() => import('./routes/coldchain/alerts'), 'AlertsPage');
const QualityHoldsPage = page(() => import('./routes/coldchain/holds'), 'QualityHoldsPage');
const IncidentsPage = page(() => import('./routes/coldchain/incidents'), 'IncidentsPage');
const UsersPage = page(() => import('./routes/admin/users'), 'UsersPage');
const RolesPage = page(() => import('./routes/admin/roles'), 'RolesPage');
const TokensPage = page(() => import('./routes/admin/tokens'), 'TokensPage');
const AuditPage = page(() => import('./routes/admin/audit'), 'AuditPage');
const ChangePasswordPage = page(() => import('./routes/account/change-password'), 'ChangePasswordPage');
const OrderListPage = page(() => import('./routes/orders/order-list'), 'OrderListPage');
const OrderDetailPage = page(() => import('./routes/orders/order-detail'), 'OrderDetailPage');
const ExceptionsPage = page(() => import('./routes/orders/exceptions'), 'ExceptionsPage');
const OrderImportPage = page(() => import('./routes/orders/order-import'), 'OrderImportPage');
const OrderCreatePage = page(() => import('./routes/orders/order-create'), 'OrderCreatePage');
const ReturnListPage = page(() => import('./routes/returns/return-list'), 'ReturnListPage');
const ReturnDetailPage = page(() => import('./routes/returns/return-detail'), 'ReturnDetailPage');
const NotificationSettingsPage = page(
  () => import('./routes/notifications/settings'),
  'NotificationSettingsPage',
);
const WebhooksPage = page(() => import('./routes/notifications/webhooks'), 'WebhooksPage');
const AsnsPage = page(() => import('./routes/warehouse/asns'), 'AsnsPage');
const ReceiptsPage = page(() => import('./routes/warehouse/receipts'), 'ReceiptsPage');
const ReceiptDetailPage = page(() => import('./routes/warehouse/receipt-detail'), 'ReceiptDetailPage');
const PutawayPage = page(() => import('./routes/warehouse/putaway'), 'PutawayPage');
const CountsPage = page(() => import('./routes/warehouse/count-list'), 'CountsPage');
const CountDetailPage = page(() => import('./routes/warehouse/count-detail'), 'CountDetailPage');
const CountPlansPage = page(() => import('./routes/warehouse/count-plans'), 'CountPlansPage');
const CountTasksPage = page(() => import('./routes/warehouse/count-tasks'), 'CountTasksPage');
const CountAccuracyPage = page(() => import('./routes/warehouse/count-accuracy'), 'CountAccuracyPage');
const SlottingPage = page(() => import('./routes/warehouse/slotting-page'), 'SlottingPage');
const MoveTasksPage = page(() => import('./routes/warehouse/slotting-moves'), 'MoveTasksPage');
const BinMapPage = page(() => import('./routes/warehouse/bin-map'), 'BinMapPage');
const KitsPage = page(() => import('./routes/warehouse/kit-definitions'), 'KitsPage');
const KitOrdersPage = page(() => import('./routes/warehouse/kit-orders'), 'KitOrdersPage');
const WaveListPage = page(() => import('./routes/warehouse/wave-list'), 'WaveListPage');
const WaveDetailPage = page(() => import('./routes/warehouse/wave-detail'), 'WaveDetailPage');
const PickListsPage = page(() => import('./routes/warehouse/pick-lists'), 'PickListsPage');
const PickListPage = page(() => import('./routes/warehouse/pick-list'), 'PickListPage');
const PackStationPage = page(() => import('./routes/warehouse/pack-station'), 'PackStationPage');
const GateReleasePage = page(() => import('./routes/warehouse/gate-release'), 'GateReleasePage');
const RoutePlansPage = page(() => import('./routes/transport/route-plans'), 'RoutePlansPage');
const RoutePlanEditorPage = page(() => import('./routes/transport/route-plan-editor'), 'RoutePlanEditorPage');
const ForecastsPage = page(() => import('./routes/planning/forecasts'), 'ForecastsPage');
const ForecastDetailPage = page(() => import('./routes/planning/forecast-detail'), 'ForecastDetailPage');
const AccuracyPage = page(() => import('./routes/planning/accuracy'), 'AccuracyPage');
const SuggestionsPage = page(() => import('./routes/planning/suggestions'), 'SuggestionsPage');
const PlanningAlertsPage = page(() => import('./routes/planning/alerts'), 'PlanningAlertsPage');
const PromotionsPage = page(() => import('./routes/planning/promotions'), 'PromotionsPage');
const DemandImportPage = page(() => import('./routes/planning/demand-import'), 'DemandImportPage');
const RoutePlanDetailPage = page(() => import('./routes/transport/route-plan-detail'), 'RoutePlanDetailPage');

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
      <Route path="/portal/return" element={<PortalReturnPage />} />
      <Route path="/portal/track" element={<PortalTrackPage />} />
      <Route path="/track" element={<TrackRedirect />} />
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
        <Route path="orders" element={guard(PERM.orderRead, <OrderListPage />)} />
        <Route path="orders/exceptions" element={guard(PERM.orderRead, <ExceptionsPage />)} />
        <Route path="orders/import" element={guard(PERM.orderImport, <OrderImportPage />)} />
        <Route path="orders/new" element={guard(PERM.orderWrite, <OrderCreatePage />)} />
        <Route path="notifications/settings" element={guard(PERM.notifyLog, <NotificationSettingsPage />)} />
        <Route path="notifications/webhooks" element={guard(PERM.webhookManage, <WebhooksPage />)} />
        <Route path="orders/:id" element={guard(PERM.orderRead, <OrderDetailPage />)} />
        <Route path="returns" element={guard(PERM.returnRead, <ReturnListPage />)} />
        <Route path="returns/:id" element={guard(PERM.returnRead, <ReturnDetailPage />)} />
        <Route path="inventory/warehouses" element={guard(PERM.warehouseRead, <WarehousesPage />)} />
        <Route path="inventory/stock" element={guard(PERM.stockRead, <StockPage />)} />
        <Route path="inventory/audit" element={guard(PERM.stockRead, <StockAuditPage />)} />
        <Route path="inventory/near-expiry" element={guard(PERM.stockRead, <NearExpiryPage />)} />
        <Route path="inventory/temperature" element={guard(PERM.coldchainRead, <TemperaturePage />)} />
        <Route path="inventory/alerts" element={guard(PERM.coldchainRead, <AlertsPage />)} />
        <Route path="inventory/quality-holds" element={guard(PERM.coldchainRead, <QualityHoldsPage />)} />
        <Route path="inventory/incidents" element={guard(PERM.incidentRead, <IncidentsPage />)} />
        <Route path="warehouse/asns" element={guard(PERM.asnRead, <AsnsPage />)} />
        <Route path="warehouse/receipts" element={guard(PERM.receiptRead, <ReceiptsPage />)} />
        <Route path="warehouse/receipts/:id" element={guard(PERM.receiptRead, <ReceiptDetailPage />)} />
        <Route path="warehouse/putaway" element={guard(PERM.putaway, <PutawayPage />)} />
        <Route path="warehouse/counts" element={guard(PERM.countRead, <CountsPage />)} />
        <Route path="warehouse/counts/:id" element={guard(PERM.countRead, <CountDetailPage />)} />
        <Route path="warehouse/count-plans" element={guard(PERM.countRead, <CountPlansPage />)} />
        <Route path="warehouse/count-tasks" element={guard(PERM.countExecute, <CountTasksPage />)} />
        <Route path="warehouse/count-accuracy" element={guard(PERM.countRead, <CountAccuracyPage />)} />
        <Route path="warehouse/slotting" element={guard(PERM.slottingRead, <SlottingPage />)} />
        <Route path="warehouse/moves" element={guard(PERM.slottingMove, <MoveTasksPage />)} />
        <Route path="warehouse/bin-map" element={guard(PERM.slottingRead, <BinMapPage />)} />
        <Route path="warehouse/kits" element={guard(PERM.kitRead, <KitsPage />)} />
        <Route path="warehouse/kit-orders" element={guard(PERM.kitRead, <KitOrdersPage />)} />
        <Route path="warehouse/waves" element={guard(PERM.waveRead, <WaveListPage />)} />
        <Route path="warehouse/waves/:id" element={guard(PERM.waveRead, <WaveDetailPage />)} />
        <Route path="warehouse/pick-lists" element={guard(PERM.waveRead, <PickListsPage />)} />
        <Route path="warehouse/pick-lists/:id" element={guard(PERM.waveRead, <PickListPage />)} />
        <Route path="warehouse/pack" element={guard(PERM.pack, <PackStationPage />)} />
        <Route path="warehouse/gate" element={guard(PERM.gate, <GateReleasePage />)} />
        <Route path="transport/route-plans" element={guard(PERM.routePlanRead, <RoutePlansPage />)} />
        <Route path="transport/route-plans/new" element={guard(PERM.routePlanRun, <RoutePlanEditorPage />)} />
        <Route
          path="transport/route-plans/:id"
          element={guard(PERM.routePlanRead, <RoutePlanDetailPage />)}
        />
        <Route path="planning/forecasts" element={guard(PERM.planningRead, <ForecastsPage />)} />
        <Route
          path="planning/forecasts/:skuId/:warehouseId"
          element={guard(PERM.planningRead, <ForecastDetailPage />)}
        />
        <Route path="planning/accuracy" element={guard(PERM.planningRead, <AccuracyPage />)} />
        <Route path="planning/suggestions" element={guard(PERM.planningRead, <SuggestionsPage />)} />
        <Route path="planning/alerts" element={guard(PERM.planningRead, <PlanningAlertsPage />)} />
        <Route path="planning/promotions" element={guard(PERM.planningRead, <PromotionsPage />)} />
        <Route path="planning/import" element={guard(PERM.demandImport, <DemandImportPage />)} />
        <Route path="admin/users" element={guard(PERM.userRead, <UsersPage />)} />
        <Route path="admin/roles" element={guard(PERM.roleRead, <RolesPage />)} />
        <Route path="admin/tokens" element={guard(PERM.tokenManage, <TokensPage />)} />
        <Route path="admin/audit" element={guard(PERM.auditRead, <AuditPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
