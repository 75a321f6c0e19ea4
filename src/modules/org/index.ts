import type { FastifyInstance } from 'fastify';
import type { Db } from '../../platform/db';
import type { PermissionDef, WaylineModule } from '../../platform/http/module';
import { adminRoutes } from './admin.routes';
import { type AuthRouteOptions, authRoutes } from './auth.routes';
import * as createOrg from './migrations/2026_11_22_0100_create_org';
import * as savedViews from './migrations/2026_12_01_0200_saved_views';
import { orgMessages } from './org.messages';
import { orgPermissions } from './org.permissions';
import { savedViewRoutes } from './saved-view.routes';
import { userRoutes } from './user.routes';
import type { OrgDeps } from './user.service';

export { defaultRoles } from './org.permissions';
export { DEMO_PASSWORD, type DemoOrg, seedDemoStructure, seedDemoUsers, seedDepartments } from './org.seed';
export {
  type RecipientScope,
  type StaffRecipient,
  staffContact,
  staffWithPermission,
} from './recipients.query';
export { listRoles, syncDefaultRoles } from './role.service';
export { createAuthenticator } from './session.service';
export {
  listMerchants,
  merchantCodes,
  merchantExists,
  merchantIdByCode,
  merchantNames,
} from './structure.service';
export type { OrgDeps } from './user.service';
export { createUser, findUserIdByUsername, listUsers, resetPassword, type UserInput } from './user.service';

export interface OrgModuleOptions extends OrgDeps, AuthRouteOptions {
  /** The full permission catalogue (all modules), for the roles admin. */
  allPermissions: () => PermissionDef[];
}

/** Organisation and access: departments, branches, merchants, users, roles, sessions, API tokens. */
export function createOrgModule(options: OrgModuleOptions): WaylineModule {
  return {
    name: 'org',
    migrations: { '2026_11_22_0100_create_org': createOrg, '2026_12_01_0200_saved_views': savedViews },
    permissions: orgPermissions,
    messages: orgMessages,
    routes: async (app: FastifyInstance) => {
      await authRoutes(options)(app);
      await userRoutes(options)(app);
      await adminRoutes(options.allPermissions)(app);
      await savedViewRoutes(app);
    },
  };
}

export type { Db };
