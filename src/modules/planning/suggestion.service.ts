import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { nextDocNumber } from '../../platform/lib/doc-number';
import { AppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { daysBetween, plusDays } from './days';
import { idList, json, planningDb, type SuggestionRow } from './planning.tables';
import type { Plan, Reason } from './replenishment.logic';
import { type Decision, nextStatus, type SuggestionAction, type SuggestionStatus } from './suggestion.state';

export const SUGGESTION_ENTITY = 'planning.suggestion';

/** Who may see what: warehouses (null = all) and merchant (portal users). */
export interface Scope {
  warehouseIds: string[] | null;
  merchantId: string | null;
}

export interface SuggestionCalc {
  asOf: string | null;
  forecastRunId: string | null;
  available: number;
  onOrder: number;
  position: number;
  daily: number;
  dailySd: number;
  sdSource: 'backtest' | 'quantiles';
  z: number;
  safetyStock: number;
  reorderPoint: number;
  orderUpTo: number;
  eoq: number | null;
  lotSize: number;
  serviceLevel: number;
  leadTimeDays: number;
  leadTimeSdDays: number;
  reviewPeriodDays: number;
  moq: number;
  packSize: number;
  policySource: 'entered' | 'default';
  late: boolean;
}

export interface Suggestion {
  id: string;
  number: string;
  skuId: string;
  warehouseId: string;
  merchantId: string | null;
  status: SuggestionStatus;
  qty: number;
  orderBy: string;
  needBy: string;
  suggestedQty: number;
  suggestedOrderBy: string;
  stockoutDate: string | null;
  edited: boolean;
  requisitionNo: string | null;
  exportedAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  calc: SuggestionCalc;
  reasons: Reason[];
}

export const toSuggestion = (r: SuggestionRow): Suggestion => ({
  id: r.id,
  number: r.number,
  skuId: r.sku_id,
  warehouseId: r.warehouse_id,
  merchantId: r.merchant_id,
  status: r.status as SuggestionStatus,
  qty: r.qty,
  orderBy: r.order_by,
  needBy: r.need_by,
  suggestedQty: r.suggested_qty,
  suggestedOrderBy: r.suggested_order_by,
  stockoutDate: r.stockout_date,
  edited: r.edited,
  requisitionNo: r.requisition_no,
  exportedAt: r.exported_at?.toISOString() ?? null,
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  calc: r.calc as SuggestionCalc,
  reasons: (r.reasons ?? []) as Reason[],
});

const inScope = (r: SuggestionRow, scope: Scope) =>
  (!scope.warehouseIds || scope.warehouseIds.includes(r.warehouse_id)) &&
  (!scope.merchantId || r.merchant_id === scope.merchantId);

export interface SuggestionQuery {
  status?: SuggestionStatus;
  warehouseId?: string;
  skuId?: string;
  /** Order-by date on or before this day (what is due). */
  dueBy?: string;
  requisitionNo?: string;
  limit: number;
  cursor?: string;
}

export async function listSuggestions(db: Db, query: SuggestionQuery, scope: Scope) {
  let q = planningDb(db).selectFrom('planning.suggestion').selectAll();
  if (scope.warehouseIds) q = q.where('warehouse_id', 'in', idList(scope.warehouseIds));
  if (scope.merchantId) q = q.where('merchant_id', '=', scope.merchantId);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.warehouseId) q = q.where('warehouse_id', '=', query.warehouseId);
  if (query.skuId) q = q.where('sku_id', '=', query.skuId);
  if (query.dueBy) q = q.where('order_by', '<=', query.dueBy);
  if (query.requisitionNo) q = q.where('requisition_no', '=', query.requisitionNo);
  if (query.cursor) {
    const [orderBy, id] = decodeCursor(query.cursor, 2).map(String);
    q = q.where((eb) =>
      eb.or([eb('order_by', '>', orderBy), eb.and([eb('order_by', '=', orderBy), eb('id', '>', id)])]),
    );
  }
  const rows = await q
    .orderBy('order_by')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.order_by, r.id]);
  return { items: page.items.map(toSuggestion), nextCursor: page.nextCursor };
}

export interface HistoryEntry {
  at: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorName: string;
  reason: string | null;
  changes: unknown;
}

export async function getSuggestion(db: Db, id: string, scope: Scope) {
  const row = await planningDb(db)
    .selectFrom('planning.suggestion')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !inScope(row, scope)) throw notFound('suggestion', id);
  const history = await planningDb(db)
    .selectFrom('planning.suggestion_history')
    .selectAll()
    .where('suggestion_id', '=', id)
    .orderBy('id')
    .execute();
  return {
    ...toSuggestion(row),
    history: history.map(
      (h): HistoryEntry => ({
        at: h.at.toISOString(),
        action: h.action,
        fromStatus: h.from_status,
        toStatus: h.to_status,
        actorName: h.actor_name,
        reason: h.reason,
        changes: h.changes,
      }),
    ),
  };
}

export interface DecideInput {
  qty?: number;
  orderBy?: string;
  reason?: string | null;
  version?: number;
}

export interface DecideContext {
  actor: Actor;
  now: Date;
  today: string;
  scope: Scope;
}

async function writeHistory(
  trx: Trx,
  row: { id: string; status: string | null },
  to: SuggestionStatus,
  action: SuggestionAction | 'propose',
  actor: Actor,
  at: Date,
  reason: string | null,
  changes: unknown,
) {
  await planningDb(trx)
    .insertInto('planning.suggestion_history')
    .values({
      suggestion_id: row.id,
      at,
      action,
      from_status: row.status,
      to_status: to,
      actor_id: actor.id,
      actor_name: actor.name,
      reason,
      changes: json(changes),
    })
    .execute();
}

/**
 * A planner's decision on one suggestion: accept, edit (new quantity and/or order date, with a
 * reason), reject (reason), close (goods arrived) or cancel. Illegal transitions are 409s.
 */
export async function decideSuggestion(
  trx: Trx,
  id: string,
  action: Decision,
  input: DecideInput,
  ctx: DecideContext,
): Promise<Suggestion> {
  const row = await planningDb(trx)
    .selectFrom('planning.suggestion')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row || !inScope(row, ctx.scope)) throw notFound('suggestion', id);
  if (input.version !== undefined && input.version !== row.version)
    throw new AppError('conflict', 'planning.version_conflict', {
      expected: input.version,
      actual: row.version,
    });
  const to = nextStatus(row.status as SuggestionStatus, action);
  const reason = input.reason?.trim() || null;
  const set: Partial<SuggestionRow> = { status: to, version: row.version + 1, updated_at: ctx.now };
  let changes: Record<string, { from: unknown; to: unknown }> | null = null;
  if (action === 'edit') {
    if (input.qty === undefined && input.orderBy === undefined)
      throw new AppError('bad_request', 'planning.suggestion.nothing_to_edit', {}, [
        { field: 'body.qty', code: 'required', message: 'planning.suggestion.nothing_to_edit' },
      ]);
    if (!reason)
      throw new AppError('bad_request', 'planning.suggestion.reason_required', {}, [
        { field: 'body.reason', code: 'required', message: 'planning.suggestion.reason_required' },
      ]);
    if (input.orderBy !== undefined && input.orderBy < ctx.today)
      throw new AppError('bad_request', 'planning.suggestion.order_date_past', {}, [
        { field: 'body.orderBy', code: 'past', message: 'planning.suggestion.order_date_past' },
      ]);
    changes = {};
    if (input.qty !== undefined && input.qty !== row.qty) {
      changes.qty = { from: row.qty, to: input.qty };
      set.qty = input.qty;
    }
    if (input.orderBy !== undefined && input.orderBy !== row.order_by) {
      const lead = Math.max(0, daysBetween(row.order_by, row.need_by));
      changes.orderBy = { from: row.order_by, to: input.orderBy };
      set.order_by = input.orderBy;
      set.need_by = plusDays(input.orderBy, lead);
    }
    set.edited = true;
  } else if (action === 'reject' && !reason)
    throw new AppError('bad_request', 'planning.suggestion.reason_required', {}, [
      { field: 'body.reason', code: 'required', message: 'planning.suggestion.reason_required' },
    ]);
  const updated = await planningDb(trx)
    .updateTable('planning.suggestion')
    .set(set)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeHistory(trx, row, to, action, ctx.actor, ctx.now, reason, changes);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action,
      entity: SUGGESTION_ENTITY,
      entityId: id,
      summary: `${row.number}: ${row.status} → ${to}${reason ? ` (${reason})` : ''}`,
      before: toSuggestion(row),
      after: toSuggestion(updated),
      merchantId: row.merchant_id,
    },
    ctx.now,
  );
  return toSuggestion(updated);
}

/** On-order quantities from accepted / exported suggestions not yet due in the past, by series. */
export async function openSuggestedSupply(
  db: Db,
  today: string,
  warehouseIds: string[] | null,
): Promise<Map<string, { due: string; qty: number; reference: string }[]>> {
  let q = planningDb(db)
    .selectFrom('planning.suggestion')
    .select(['sku_id', 'warehouse_id', 'need_by', 'qty', 'number'])
    .where('status', 'in', ['accepted', 'exported'])
    .where('need_by', '>=', today);
  if (warehouseIds) q = q.where('warehouse_id', 'in', idList(warehouseIds));
  const out = new Map<string, { due: string; qty: number; reference: string }[]>();
  for (const r of await q.execute()) {
    const key = `${r.sku_id}|${r.warehouse_id}`;
    out.set(key, [...(out.get(key) ?? []), { due: r.need_by, qty: r.qty, reference: r.number }]);
  }
  return out;
}

export interface SystemSuggestionInput {
  skuId: string;
  warehouseId: string;
  merchantId: string | null;
  plan: Plan;
  calc: SuggestionCalc;
}

/**
 * Bring the proposed suggestion of a series in line with a fresh plan: create it, re-compute it
 * (keeping a planner's edited quantity and date), or supersede it when nothing needs ordering.
 * Returns what happened.
 */
export async function syncSuggestion(
  trx: Trx,
  input: SystemSuggestionInput,
  actor: Actor,
  now: Date,
): Promise<'created' | 'updated' | 'superseded' | 'unchanged'> {
  const db = planningDb(trx);
  const current = await db
    .selectFrom('planning.suggestion')
    .selectAll()
    .where('sku_id', '=', input.skuId)
    .where('warehouse_id', '=', input.warehouseId)
    .where('status', '=', 'proposed')
    .forUpdate()
    .executeTakeFirst();
  const { plan } = input;
  if (!plan.needed) {
    if (!current) return 'unchanged';
    await db
      .updateTable('planning.suggestion')
      .set({ status: 'superseded', version: current.version + 1, updated_at: now })
      .where('id', '=', current.id)
      .execute();
    await writeHistory(trx, current, 'superseded', 'supersede', actor, now, null, null);
    return 'superseded';
  }
  const computed = {
    suggested_qty: plan.qty,
    suggested_order_by: plan.orderBy,
    stockout_date: plan.stockoutDate,
    calc: json(input.calc),
    reasons: json(plan.reasons),
  };
  if (current) {
    const keep = current.edited;
    const changed =
      current.suggested_qty !== plan.qty ||
      current.suggested_order_by !== plan.orderBy ||
      current.stockout_date !== plan.stockoutDate;
    await db
      .updateTable('planning.suggestion')
      .set({
        ...computed,
        ...(keep ? {} : { qty: plan.qty, order_by: plan.orderBy, need_by: plan.needBy }),
        merchant_id: input.merchantId,
        version: changed ? current.version + 1 : current.version,
        updated_at: now,
      })
      .where('id', '=', current.id)
      .execute();
    if (changed)
      await writeHistory(trx, current, 'proposed', 'recompute', actor, now, null, {
        qty: { from: current.suggested_qty, to: plan.qty },
        orderBy: { from: current.suggested_order_by, to: plan.orderBy },
      });
    return changed ? 'updated' : 'unchanged';
  }
  const row = await db
    .insertInto('planning.suggestion')
    .values({
      id: newId(),
      number: await nextDocNumber(trx, 'RS', now),
      sku_id: input.skuId,
      warehouse_id: input.warehouseId,
      merchant_id: input.merchantId,
      status: 'proposed',
      qty: plan.qty,
      order_by: plan.orderBy,
      need_by: plan.needBy,
      edited: false,
      requisition_no: null,
      exported_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
      ...computed,
    })
    .returning(['id', 'status'])
    .executeTakeFirstOrThrow();
  await writeHistory(trx, { id: row.id, status: null }, 'proposed', 'propose', actor, now, null, {
    qty: { from: null, to: plan.qty },
    orderBy: { from: null, to: plan.orderBy },
  });
  return 'created';
}

/** Counts by status (for the console's tabs). */
export async function suggestionCounts(db: Db, scope: Scope): Promise<Record<string, number>> {
  let q = planningDb(db)
    .selectFrom('planning.suggestion')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .groupBy('status');
  if (scope.warehouseIds) q = q.where('warehouse_id', 'in', idList(scope.warehouseIds));
  if (scope.merchantId) q = q.where('merchant_id', '=', scope.merchantId);
  const rows = await q.execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
