import type { Generated } from 'kysely';

/** Row types of the org module's tables (schema `org`). */
export interface OrgTables {
  'org.department': {
    id: string;
    code: string;
    name_zh: string;
    name_en: string;
    duties_zh: Generated<string>;
    duties_en: Generated<string>;
    sort: Generated<number>;
  };
  'org.branch': { id: string; code: string; name_zh: string; name_en: string; city: string; is_hq: boolean };
  'org.merchant': {
    id: string;
    code: string;
    name: string;
    name_en: string;
    contact_name: string | null;
    contact_phone: string | null;
    active: boolean;
    created_at: Date;
  };
  'org.role': {
    code: string;
    name_zh: string;
    name_en: string;
    department_code: string | null;
    warehouse_scoped: boolean;
    merchant_portal: boolean;
    system: boolean;
  };
  'org.role_permission': { role_code: string; permission: string };
  'org.role_default_applied': { role_code: string; permission: string };
  'org.user': {
    id: string;
    username: string;
    display_name: string;
    email: string | null;
    phone: string | null;
    password_hash: string;
    department_id: string | null;
    branch_id: string | null;
    merchant_id: string | null;
    locale: Generated<string>;
    active: Generated<boolean>;
    failed_logins: Generated<number>;
    locked_until: Generated<Date | null>;
    last_login_at: Generated<Date | null>;
    must_change_password: Generated<boolean>;
    created_at: Date;
    updated_at: Date;
    version: Generated<number>;
  };
  'org.user_role': { user_id: string; role_code: string };
  'org.user_warehouse': { user_id: string; warehouse_id: string };
  'org.session': {
    id: string;
    token_hash: string;
    csrf_token: string;
    user_id: string;
    created_at: Date;
    expires_at: Date;
    last_seen_at: Date;
    ip: string | null;
    user_agent: string | null;
    revoked_at: Generated<Date | null>;
  };
  'org.api_token': {
    id: string;
    name: string;
    token_hash: string;
    prefix: string;
    user_id: string;
    permissions: string[];
    created_at: Date;
    expires_at: Date | null;
    last_used_at: Generated<Date | null>;
    revoked_at: Generated<Date | null>;
  };
  'org.login_attempt': { id: string; at: Date; ip: string; username: string; success: boolean };
}
