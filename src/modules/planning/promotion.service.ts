import { recordAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { AppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { eventCalendar } from '../../solvers/forecast';
import { dateOf, epochDay } from './days';
import { json, type PromotionRow, planningDb } from './planning.tables';

export const PROMOTION_ENTITY = 'planning.promotion';

export interface PromotionInput {
  name: string;
  startDay: string;
  endDay: string;
  /** null = every SKU. */
  skuIds: string[] | null;
  /** null = every warehouse. */
  warehouseIds: string[] | null;
  /** Planner's expected uplift (× normal demand); null = estimate from past promotions. */
  expectedUplift: number | null;
  note: string | null;
}

export interface Promotion extends PromotionInput {
  id: string;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const toPromotion = (r: PromotionRow): Promotion => ({
  id: r.id,
  name: r.name,
  startDay: r.start_day,
  endDay: r.end_day,
  skuIds: r.sku_ids,
  warehouseIds: r.warehouse_ids,
  expectedUplift: r.expected_uplift,
  note: r.note,
  active: r.active,
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

export interface PromotionContext {
  actor: Actor;
  now: Date;
  /** Warehouses the caller may plan for (null = all): a scoped planner must name theirs. */
  warehouseScope: string[] | null;
}

function checkInput(input: PromotionInput, scope: string[] | null) {
  if (input.endDay < input.startDay)
    throw new AppError('bad_request', 'planning.promotion.end_before_start', {}, [
      { field: 'body.endDay', code: 'end_before_start', message: 'planning.promotion.end_before_start' },
    ]);
  if (epochDay(input.endDay) - epochDay(input.startDay) > 366)
    throw new AppError('bad_request', 'planning.promotion.too_long', {}, [
      { field: 'body.endDay', code: 'too_long', message: 'planning.promotion.too_long' },
    ]);
  if (scope && (!input.warehouseIds || input.warehouseIds.some((w) => !scope.includes(w))))
    throw new AppError('forbidden', 'planning.warehouse_out_of_scope');
}

export async function listPromotions(
  db: Db,
  filter: {
    from?: string;
    to?: string;
    includeInactive?: boolean;
    skuId?: string;
    warehouseId?: string;
  } = {},
): Promise<Promotion[]> {
  let q = planningDb(db).selectFrom('planning.promotion').selectAll();
  if (!filter.includeInactive) q = q.where('active', '=', true);
  if (filter.from) q = q.where('end_day', '>=', filter.from);
  if (filter.to) q = q.where('start_day', '<=', filter.to);
  const rows = await q.orderBy('start_day').orderBy('id').execute();
  return rows
    .map(toPromotion)
    .filter(
      (p) =>
        (!filter.skuId || !p.skuIds || p.skuIds.includes(filter.skuId)) &&
        (!filter.warehouseId || !p.warehouseIds || p.warehouseIds.includes(filter.warehouseId)),
    );
}

export async function getPromotion(db: Db, id: string): Promise<Promotion> {
  const row = await planningDb(db)
    .selectFrom('planning.promotion')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('promotion', id);
  return toPromotion(row);
}

export async function createPromotion(
  trx: Trx,
  input: PromotionInput,
  ctx: PromotionContext,
): Promise<Promotion> {
  checkInput(input, ctx.warehouseScope);
  const row = await planningDb(trx)
    .insertInto('planning.promotion')
    .values({
      id: newId(),
      name: input.name,
      start_day: input.startDay,
      end_day: input.endDay,
      sku_ids: json(input.skuIds),
      warehouse_ids: json(input.warehouseIds),
      expected_uplift: input.expectedUplift,
      note: input.note,
      active: true,
      version: 1,
      created_by: ctx.actor.id,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const promotion = toPromotion(row);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'create',
      entity: PROMOTION_ENTITY,
      entityId: promotion.id,
      summary: promotion.name,
      after: promotion,
    },
    ctx.now,
  );
  return promotion;
}

export async function updatePromotion(
  trx: Trx,
  id: string,
  patch: Partial<PromotionInput> & { active?: boolean; version?: number },
  ctx: PromotionContext,
): Promise<Promotion> {
  const row = await planningDb(trx)
    .selectFrom('planning.promotion')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('promotion', id);
  const before = toPromotion(row);
  if (patch.version !== undefined && patch.version !== before.version)
    throw new AppError('conflict', 'planning.version_conflict', {
      expected: patch.version,
      actual: before.version,
    });
  // A scoped planner may change only promotions confined to their warehouses.
  checkInput(before, ctx.warehouseScope);
  const next: PromotionInput = {
    name: patch.name ?? before.name,
    startDay: patch.startDay ?? before.startDay,
    endDay: patch.endDay ?? before.endDay,
    skuIds: patch.skuIds !== undefined ? patch.skuIds : before.skuIds,
    warehouseIds: patch.warehouseIds !== undefined ? patch.warehouseIds : before.warehouseIds,
    expectedUplift: patch.expectedUplift !== undefined ? patch.expectedUplift : before.expectedUplift,
    note: patch.note !== undefined ? patch.note : before.note,
  };
  checkInput(next, ctx.warehouseScope);
  const updated = await planningDb(trx)
    .updateTable('planning.promotion')
    .set({
      name: next.name,
      start_day: next.startDay,
      end_day: next.endDay,
      sku_ids: json(next.skuIds),
      warehouse_ids: json(next.warehouseIds),
      expected_uplift: next.expectedUplift,
      note: next.note,
      active: patch.active ?? before.active,
      version: before.version + 1,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const after = toPromotion(updated);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: patch.active === false ? 'deactivate' : 'update',
      entity: PROMOTION_ENTITY,
      entityId: id,
      summary: after.name,
      before,
      after,
    },
    ctx.now,
  );
  return after;
}

export interface CalendarEntry {
  /** `double11`, `618`, `spring_festival_pre`, `holiday:National Day`, `makeup_workday`, `promotion:<id>` … */
  event: string;
  kind: 'retail' | 'holiday' | 'makeup_workday' | 'promotion';
  startDay: string;
  endDay: string;
  name: string | null;
  promotionId: string | null;
  expectedUplift: number | null;
}

/**
 * The days that carry an event in [from, to] as ranges: the built-in Chinese retail calendar (the one
 * the forecaster uses) and the active promotions, which take precedence where they overlap.
 */
export function calendarOf(from: string, to: string, promotions: readonly Promotion[]): CalendarEntry[] {
  const first = epochDay(from);
  const last = epochDay(to);
  const byId = new Map(promotions.map((p) => [p.id, p]));
  const days = eventCalendar(
    first,
    last,
    promotions.map((p) => ({ name: p.id, start: p.startDay, end: p.endDay })),
  );
  const out: CalendarEntry[] = [];
  let open: CalendarEntry | null = null;
  for (let d = first; d <= last; d++) {
    const e = days.get(d);
    if (open && e?.event === open.event && epochDay(open.endDay) === d - 1) {
      open.endDay = dateOf(d);
      continue;
    }
    if (!e) {
      open = null;
      continue;
    }
    const promotion = e.event.startsWith('promotion:') ? byId.get(e.event.slice(10)) : undefined;
    open = {
      event: e.event,
      kind: promotion
        ? 'promotion'
        : e.event.startsWith('holiday:')
          ? 'holiday'
          : e.event === 'makeup_workday'
            ? 'makeup_workday'
            : 'retail',
      startDay: dateOf(d),
      endDay: dateOf(d),
      name: promotion?.name ?? null,
      promotionId: promotion?.id ?? null,
      expectedUplift: promotion?.expectedUplift ?? null,
    };
    out.push(open);
  }
  return out;
}
