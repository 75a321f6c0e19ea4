import type { MigrationSet } from '../../../platform/db/migrator';
import * as createCatalog from './2026_11_22_0200_create_catalog';

/** The catalog module's migrations (schema `catalog`). */
export const catalogMigrations: MigrationSet = {
  '2026_11_22_0200_create_catalog': createCatalog,
};
