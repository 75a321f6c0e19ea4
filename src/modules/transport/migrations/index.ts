import type { MigrationSet } from '../../../platform/db/migrator';
import * as createRoutePlans from './2026_11_25_0100_create_route_plans';

/** The transport module's migrations (schema `transport`). */
export const transportMigrations: MigrationSet = {
  '2026_11_25_0100_create_route_plans': createRoutePlans,
};
