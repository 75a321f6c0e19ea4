import type { MigrationSet } from '../../../platform/db/migrator';
import * as createRoutePlans from './2026_11_25_0100_create_route_plans';
import * as routePlanShipments from './2026_12_02_0300_route_plan_shipments';

/** The transport module's migrations (schema `transport`). */
export const transportMigrations: MigrationSet = {
  '2026_11_25_0100_create_route_plans': createRoutePlans,
  '2026_12_02_0300_route_plan_shipments': routePlanShipments,
};
