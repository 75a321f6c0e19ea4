import { recordAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { tablesOf } from '../../platform/db';
import { AppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';

/** How many views one user may keep per list (a dropdown, not a database). */
export const MAX_VIEWS_PER_PAGE = 50;

interface SavedViewTable {
  'org.saved_view': {
    id: string;
    user_id: string;
    page: string;
    name: string;
    query: string;
    shared: boolean;
    created_at: Date;
  };
}
interface UserTable {
  'org.user': { id: string; display_name: string; merchant_id: string | null };
}

export interface SavedView {
  id: string;
  page: string;
  name: string;
  /** The list's URL query string, without the leading `?`. */
  query: string;
  shared: boolean;
  mine: boolean;
  ownerName: string;
  createdAt: string;
}

const views = (db: Db | Trx) => tablesOf<SavedViewTable & UserTable>(db as Db);

/**
 * My views of a list and those others shared, mine first, by name. Sharing stays within one side:
 * staff see what staff shared, a merchant's portal users what their own colleagues shared.
 */
export async function listSavedViews(
  db: Db,
  userId: string,
  merchantId: string | null,
  page: string,
): Promise<SavedView[]> {
  const rows = await views(db)
    .selectFrom('org.saved_view as v')
    .innerJoin('org.user as u', 'u.id', 'v.user_id')
    .select([
      'v.id',
      'v.page',
      'v.name',
      'v.query',
      'v.shared',
      'v.user_id',
      'v.created_at',
      'u.display_name',
    ])
    .where('v.page', '=', page)
    .where((eb) =>
      eb.or([
        eb('v.user_id', '=', userId),
        eb.and([
          eb('v.shared', '=', true),
          merchantId ? eb('u.merchant_id', '=', merchantId) : eb('u.merchant_id', 'is', null),
        ]),
      ]),
    )
    .execute();
  return rows
    .map((r) => ({
      id: r.id,
      page: r.page,
      name: r.name,
      query: r.query,
      shared: r.shared,
      mine: r.user_id === userId,
      ownerName: r.display_name,
      createdAt: r.created_at.toISOString(),
    }))
    .sort((a, b) => Number(b.mine) - Number(a.mine) || a.name.localeCompare(b.name, 'zh-CN'));
}

export interface SavedViewInput {
  page: string;
  name: string;
  query: string;
  shared: boolean;
}

/** Save the current filters of a list under a name; a name already used on that list is a 409. */
export async function createSavedView(
  trx: Trx,
  userId: string,
  input: SavedViewInput,
  ctx: { actor: Actor; now: Date },
): Promise<SavedView> {
  const count = await views(trx)
    .selectFrom('org.saved_view')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('page', '=', input.page)
    .executeTakeFirst();
  if (Number(count?.n ?? 0) >= MAX_VIEWS_PER_PAGE)
    throw new AppError('conflict', 'org.view.too_many', { max: MAX_VIEWS_PER_PAGE });
  const row = {
    id: newId(),
    user_id: userId,
    page: input.page,
    name: input.name,
    query: input.query,
    shared: input.shared,
    created_at: ctx.now,
  };
  const added = await views(trx)
    .insertInto('org.saved_view')
    .values(row)
    .onConflict((c) => c.columns(['user_id', 'page', 'name']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!added)
    throw new AppError('conflict', 'org.view.name_taken', { name: input.name }, [
      { field: 'body.name', code: 'org.view.name_taken', message: 'name already used on this list' },
    ]);
  await recordAudit(
    trx,
    ctx.actor,
    { action: 'create', entity: 'org.saved_view', entityId: row.id, after: row },
    ctx.now,
  );
  return {
    id: row.id,
    page: row.page,
    name: row.name,
    query: row.query,
    shared: row.shared,
    mine: true,
    ownerName: ctx.actor.name,
    createdAt: ctx.now.toISOString(),
  };
}

/** Delete one of my views (someone else's, shared or not, is "not found"). */
export async function deleteSavedView(
  trx: Trx,
  userId: string,
  id: string,
  ctx: { actor: Actor; now: Date },
) {
  const gone = await views(trx)
    .deleteFrom('org.saved_view')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
  if (!gone) throw notFound('saved_view', id);
  await recordAudit(
    trx,
    ctx.actor,
    { action: 'delete', entity: 'org.saved_view', entityId: id, before: gone },
    ctx.now,
  );
}
