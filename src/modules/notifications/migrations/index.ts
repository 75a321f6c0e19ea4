import type { MigrationSet } from '../../../platform/db/migrator';
import * as createNotifications from './2026_11_26_0500_create_notifications';

/** The notifications module's migrations (schema `notifications`). */
export const notificationsMigrations: MigrationSet = {
  '2026_11_26_0500_create_notifications': createNotifications,
};
