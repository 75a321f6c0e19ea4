import { sql } from 'kysely';
import type { Db, Trx } from '../../platform/db';

/** A staff member to tell about something (notifications), with how to reach them. */
export interface StaffRecipient {
  id: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  locale: 'zh-CN' | 'en';
}

export interface RecipientScope {
  /** Only users who may work in this warehouse (unscoped roles, or assigned to it). */
  warehouseId?: string | null;
  /** The thing belongs to this merchant: its portal users may hear of it too; other merchants' never. */
  merchantId?: string | null;
}

/**
 * Active users holding `permission` through one of their roles, limited to those who may see the
 * warehouse and merchant concerned: a warehouse-scoped user only for assigned warehouses, a merchant
 * portal user only for that merchant's own things.
 */
export async function staffWithPermission(
  db: Db | Trx,
  permission: string,
  scope: RecipientScope = {},
): Promise<StaffRecipient[]> {
  const warehouse = scope.warehouseId
    ? sql`and (not coalesce((select bool_or(r.warehouse_scoped) from org.user_role ur2
              join org.role r on r.code = ur2.role_code where ur2.user_id = u.id), false)
          or exists (select 1 from org.user_warehouse uw
                     where uw.user_id = u.id and uw.warehouse_id = ${scope.warehouseId}))`
    : sql``;
  const merchant = scope.merchantId
    ? sql`and (u.merchant_id is null or u.merchant_id = ${scope.merchantId})`
    : sql`and u.merchant_id is null`;
  const { rows } = await sql<{
    id: string;
    display_name: string;
    email: string | null;
    phone: string | null;
    locale: string;
  }>`
    select u.id, u.display_name, u.email, u.phone, u.locale
    from org."user" u
    where u.active
      and exists (select 1 from org.user_role ur join org.role_permission rp on rp.role_code = ur.role_code
                  where ur.user_id = u.id and rp.permission = ${permission})
      ${warehouse} ${merchant}
    order by u.username
  `.execute(db);
  return rows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    email: r.email,
    phone: r.phone,
    locale: r.locale === 'en' ? 'en' : 'zh-CN',
  }));
}

/** One user's contact details (e-mail for staff messages), or null when gone or inactive. */
export async function staffContact(db: Db | Trx, userId: string): Promise<StaffRecipient | null> {
  const { rows } = await sql<{
    id: string;
    display_name: string;
    email: string | null;
    phone: string | null;
    locale: string;
  }>`
    select id, display_name, email, phone, locale from org."user" where id = ${userId} and active
  `.execute(db);
  const r = rows[0];
  return r
    ? {
        id: r.id,
        displayName: r.display_name,
        email: r.email,
        phone: r.phone,
        locale: r.locale === 'en' ? 'en' : 'zh-CN',
      }
    : null;
}
