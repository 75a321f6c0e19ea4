import type { MigrationSet } from '../../../platform/db/migrator';
import * as createOrders from './2026_11_25_0400_create_orders';
import * as createReturns from './2026_12_02_0300_create_returns';
import * as consigneeEmail from './2026_12_10_0400_consignee_email';

/** The orders module's migrations (schema `orders`). */
export const ordersMigrations: MigrationSet = {
  '2026_11_25_0400_create_orders': createOrders,
  '2026_12_02_0300_create_returns': createReturns,
  '2026_12_10_0400_consignee_email': consigneeEmail,
};
