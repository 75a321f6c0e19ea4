import type { MigrationSet } from '../../../platform/db/migrator';
import * as createNotifications from './2026_11_26_0500_create_notifications';
import * as staffInbox from './2026_12_01_0100_staff_inbox';

/** The notifications module's migrations (schema `notifications`). */
export const notificationsMigrations: MigrationSet = {
  '2026_11_26_0500_create_notifications': createNotifications,
  '2026_12_01_0100_staff_inbox': staffInbox,
};
