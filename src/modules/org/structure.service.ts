import type { Selectable } from 'kysely';
import { recordAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import { type Db, isUniqueViolation, type Trx, tablesOf } from '../../platform/db';
import { AppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { REFERENCE_TTL_MS, referenceCache } from '../../platform/lib/reference-cache';
import type { OrgTables } from './org.tables';

export async function listDepartments(db: Db) {
  const rows = await tablesOf<OrgTables>(db)
    .selectFrom('org.department')
    .selectAll()
    .orderBy('sort')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    dutiesZh: r.duties_zh,
    dutiesEn: r.duties_en,
  }));
}

export async function listBranches(db: Db) {
  const rows = await tablesOf<OrgTables>(db)
    .selectFrom('org.branch')
    .selectAll()
    .orderBy('is_hq', 'desc')
    .orderBy('code')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    city: r.city,
    isHq: r.is_hq,
  }));
}

export interface MerchantView {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  contactName: string | null;
  contactPhone: string | null;
  active: boolean;
}

const merchantView = (r: Selectable<OrgTables['org.merchant']>): MerchantView => ({
  id: r.id,
  code: r.code,
  name: r.name,
  nameEn: r.name_en,
  contactName: r.contact_name,
  contactPhone: r.contact_phone,
  active: r.active,
});

/** Merchants visible to the caller: a merchant-portal user sees only their own company. */
export async function listMerchants(db: Db, scope: { merchantId: string | null }) {
  let q = tablesOf<OrgTables>(db).selectFrom('org.merchant').selectAll();
  if (scope.merchantId) q = q.where('id', '=', scope.merchantId);
  return (await q.orderBy('code').execute()).map(merchantView);
}

export interface MerchantInput {
  code: string;
  name: string;
  nameEn?: string;
  contactName?: string | null;
  contactPhone?: string | null;
  active?: boolean;
}

export async function createMerchant(
  trx: Trx,
  actor: Actor,
  input: MerchantInput,
  now: Date,
): Promise<MerchantView> {
  const id = newId();
  allNames.invalidate();
  try {
    const row = await tablesOf<OrgTables>(trx)
      .insertInto('org.merchant')
      .values({
        id,
        code: input.code,
        name: input.name,
        name_en: input.nameEn ?? '',
        contact_name: input.contactName ?? null,
        contact_phone: input.contactPhone ?? null,
        active: input.active ?? true,
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const view = merchantView(row);
    await recordAudit(
      trx,
      actor,
      {
        action: 'create',
        entity: 'merchant',
        entityId: id,
        summary: `merchant ${input.code}`,
        after: view,
        merchantId: id,
      },
      now,
    );
    return view;
  } catch (error) {
    if (isUniqueViolation(error))
      throw new AppError('conflict', 'org.merchant_code_taken', { code: input.code });
    throw error;
  }
}

export async function updateMerchant(
  trx: Trx,
  actor: Actor,
  id: string,
  patch: Partial<Omit<MerchantInput, 'code'>>,
  now: Date,
) {
  const org = tablesOf<OrgTables>(trx);
  const before = await org.selectFrom('org.merchant').selectAll().where('id', '=', id).executeTakeFirst();
  if (!before) throw notFound('merchant', id);
  allNames.invalidate();
  const row = await org
    .updateTable('org.merchant')
    .set({
      name: patch.name ?? before.name,
      name_en: patch.nameEn ?? before.name_en,
      contact_name: patch.contactName !== undefined ? patch.contactName : before.contact_name,
      contact_phone: patch.contactPhone !== undefined ? patch.contactPhone : before.contact_phone,
      active: patch.active ?? before.active,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = merchantView(row);
  await recordAudit(
    trx,
    actor,
    {
      action: 'update',
      entity: 'merchant',
      entityId: id,
      summary: `merchant ${before.code}`,
      before: merchantView(before),
      after,
      merchantId: id,
    },
    now,
  );
  return after;
}

// Lookups other modules use through index.ts.
export async function merchantExists(db: Db, id: string): Promise<boolean> {
  const row = await tablesOf<OrgTables>(db)
    .selectFrom('org.merchant')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return !!row;
}

export async function merchantIdByCode(db: Db, code: string): Promise<string | null> {
  const row = await tablesOf<OrgTables>(db)
    .selectFrom('org.merchant')
    .select('id')
    .where('code', '=', code)
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Every merchant's name, kept briefly: order lists and details name merchants on every answer. */
const allNames = referenceCache(REFERENCE_TTL_MS, async (db: Db) => {
  const rows = await tablesOf<OrgTables>(db).selectFrom('org.merchant').select(['id', 'name']).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
});

/** After a committed change of merchants (their routes call it). */
export const merchantsChanged = () => allNames.invalidate();

export async function merchantNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const unique = [...new Set(ids)];
  if (!db.isTransaction) {
    const known = await allNames.get(db);
    // A merchant created by another process since the cache was filled is looked up below.
    if (unique.every((id) => known.has(id))) return new Map(unique.map((id) => [id, known.get(id)!]));
  }
  const rows = await tablesOf<OrgTables>(db)
    .selectFrom('org.merchant')
    .select(['id', 'name'])
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function merchantCodes(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await tablesOf<OrgTables>(db)
    .selectFrom('org.merchant')
    .select(['id', 'code'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.code]));
}
