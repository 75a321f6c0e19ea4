import type { MigrationSet } from '../../../platform/db/migrator';
import * as createOrders from './2026_11_25_0400_create_orders';

/** The orders module's migrations (schema `orders`). */
export const ordersMigrations: MigrationSet = {
  '2026_11_25_0400_create_orders': createOrders,
};
