import type { MigrationSet } from '../../../platform/db/migrator';
import * as createPlanning from './2026_11_25_0100_create_planning';

/** The planning module's migrations (schema `planning`). */
export const planningMigrations: MigrationSet = {
  '2026_11_25_0100_create_planning': createPlanning,
};
