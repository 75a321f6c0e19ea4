import { recordAudit } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { AppError, badRequest, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { binOccupancy, listWarehouses } from '../inventory';
import { abcClassesOf } from './abc.service';
import { binsInOpenCounts, createCount } from './count.generate';
import { requestedBins } from './count.requests';
import { type CountRules, DEFAULT_COUNT_RULES, rulesOf } from './count.rules';
import { assertWarehouse, assertWarehouseScope, warehouseScope } from './count.scope';
import { type AbcClass, type CountPlanKind, type CountPlanRow, type CountRow, countDb } from './count.tables';
import type { WhContext } from './warehouse.access';

const DAY_MS = 86_400_000;

export interface CountPlanInput extends Partial<CountRules> {
  warehouseId: string;
  name: string;
  kind: CountPlanKind;
  /** Zones the plan covers (a zone plan needs at least one; an ABC plan, none = every zone). */
  zoneIds?: string[];
  /** How often SKUs of each class are counted (days; default A 30, B 90, C 365). */
  freqADays?: number;
  freqBDays?: number;
  freqCDays?: number;
  /** How often a zone plan counts each bin (days, default 90). */
  zoneFreqDays?: number;
  /** At most this many bins per generated count (the day's workload); null = all that are due. */
  maxBins?: number | null;
  active?: boolean;
}

export const planView = (p: CountPlanRow) => ({
  id: p.id,
  warehouseId: p.warehouse_id,
  name: p.name,
  kind: p.kind,
  zoneIds: p.zone_ids,
  freqADays: p.freq_a_days,
  freqBDays: p.freq_b_days,
  freqCDays: p.freq_c_days,
  zoneFreqDays: p.zone_freq_days,
  maxBins: p.max_bins,
  ...rulesOf(p),
  active: p.active,
  lastGeneratedAt: p.last_generated_at?.toISOString() ?? null,
  createdByName: p.created_by_name,
  createdAt: p.created_at.toISOString(),
});
export type CountPlanView = ReturnType<typeof planView>;

async function checkZones(db: Db | Trx, warehouseId: string, zoneIds: readonly string[]) {
  if (!zoneIds.length) return;
  const [w] = (await listWarehouses(db as Db, null)).filter((x) => x.id === warehouseId);
  zoneIds.forEach((z, i) => {
    if (!w?.zones.some((zone) => zone.id === z))
      throw badRequest('validation_failed', {}, [
        {
          field: `body.zoneIds.${i}`,
          code: 'warehouse.zone_not_in_warehouse',
          message: 'zone',
          params: { id: z },
        },
      ]);
  });
}

/** Create or replace a cycle-count plan (by ABC class and/or zone) of a warehouse. */
export async function saveCountPlan(
  trx: Trx,
  id: string | null,
  input: CountPlanInput,
  ctx: WhContext,
): Promise<CountPlanRow> {
  await assertWarehouse(trx, ctx.principal, input.warehouseId);
  const zoneIds = [...new Set(input.zoneIds ?? [])];
  if (input.kind === 'zone' && !zoneIds.length)
    throw badRequest('validation_failed', {}, [
      { field: 'body.zoneIds', code: 'warehouse.zone_plan_needs_zones', message: 'zones' },
    ]);
  await checkZones(trx, input.warehouseId, zoneIds);
  const d = DEFAULT_COUNT_RULES;
  const values = {
    warehouse_id: input.warehouseId,
    name: input.name,
    kind: input.kind,
    zone_ids: JSON.stringify(zoneIds),
    freq_a_days: input.freqADays ?? 30,
    freq_b_days: input.freqBDays ?? 90,
    freq_c_days: input.freqCDays ?? 365,
    zone_freq_days: input.zoneFreqDays ?? 90,
    max_bins: input.maxBins ?? null,
    tolerance_pct: input.tolerancePct ?? d.tolerancePct,
    tolerance_qty: input.toleranceQty ?? d.toleranceQty,
    approval_pct: input.approvalPct ?? d.approvalPct,
    approval_value_fen: input.approvalValueFen === undefined ? d.approvalValueFen : input.approvalValueFen,
    max_recounts: input.maxRecounts ?? d.maxRecounts,
    active: input.active ?? true,
    updated_at: ctx.now,
  };
  let before: CountPlanRow | undefined;
  if (id) {
    before = await getPlanRow(trx, ctx.principal, id);
    if (before.warehouse_id !== input.warehouseId)
      throw badRequest('validation_failed', {}, [
        { field: 'body.warehouseId', code: 'warehouse.plan_warehouse_fixed', message: 'warehouse' },
      ]);
    await countDb(trx).updateTable('warehouse.count_plan').set(values).where('id', '=', id).execute();
  } else {
    id = newId();
    await countDb(trx)
      .insertInto('warehouse.count_plan')
      .values({
        id,
        ...values,
        last_generated_at: null,
        created_by_name: ctx.actor.name,
        created_at: ctx.now,
      })
      .execute();
  }
  const saved = await getPlanRow(trx, ctx.principal, id);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: before ? 'update' : 'create',
      entity: 'warehouse.count_plan',
      entityId: id,
      summary: `count plan ${saved.name} (${saved.kind})`,
      before: before ? planView(before) : undefined,
      after: planView(saved),
    },
    ctx.now,
  );
  return saved;
}

export async function getPlanRow(
  db: Db | Trx,
  principal: Principal | null,
  id: string,
): Promise<CountPlanRow> {
  const plan = await countDb(db)
    .selectFrom('warehouse.count_plan')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!plan) throw notFound('count_plan', id);
  assertWarehouseScope(principal, plan.warehouse_id, 'count_plan', id);
  return plan;
}

export async function listCountPlans(db: Db, principal: Principal | null, warehouseId?: string) {
  const scope = warehouseScope(principal, warehouseId);
  if (scope && !scope.length) return [];
  let q = countDb(db).selectFrom('warehouse.count_plan').selectAll();
  if (scope) q = q.where('warehouse_id', 'in', scope);
  return (await q.orderBy('warehouse_id').orderBy('name').execute()).map(planView);
}

/** When each SKU and each bin of the warehouse was last counted (posted counts). */
async function lastCounted(db: Db | Trx, warehouseId: string) {
  const [skus, bins] = await Promise.all([
    countDb(db)
      .selectFrom('warehouse.count_record')
      .select('sku_id')
      .select((eb) => eb.fn.max('counted_at').as('at'))
      .where('warehouse_id', '=', warehouseId)
      .groupBy('sku_id')
      .execute(),
    countDb(db)
      .selectFrom('warehouse.bin_count')
      .select(['bin_id', 'counted_at'])
      .where('warehouse_id', '=', warehouseId)
      .execute(),
  ]);
  return {
    sku: new Map(skus.map((r) => [r.sku_id, new Date(r.at as Date).getTime()])),
    bin: new Map(bins.map((r) => [r.bin_id, r.counted_at.getTime()])),
  };
}

/**
 * The bins a plan says are due now, most overdue first (never counted first of all): for an ABC
 * plan, bins holding a SKU not counted within its class's frequency (unclassified SKUs count as C);
 * for a zone plan, bins of its zones not counted within the zone frequency. Bins asked for by
 * short picks (count requests) come first; bins already in an open count are left out; at most
 * `max_bins`.
 */
export async function dueBins(db: Db | Trx, plan: CountPlanRow, now: Date): Promise<string[]> {
  const zones = new Set(plan.zone_ids);
  const [bins, last, busy, abc, requested] = await Promise.all([
    binOccupancy(db, { warehouseId: plan.warehouse_id }),
    lastCounted(db, plan.warehouse_id),
    binsInOpenCounts(db, plan.warehouse_id),
    plan.kind === 'abc' ? abcClassesOf(db, plan.warehouse_id) : null,
    requestedBins(db, plan.warehouse_id),
  ]);
  const freq: Record<AbcClass, number> = { A: plan.freq_a_days, B: plan.freq_b_days, C: plan.freq_c_days };
  const due: Array<{ id: string; code: string; overdue: number }> = [];
  for (const b of bins) {
    if (b.kind === 'dispatch' || !b.active || busy.has(b.id)) continue;
    if (zones.size && (!b.zoneId || !zones.has(b.zoneId))) continue;
    let overdue = Number.NEGATIVE_INFINITY;
    if (requested.has(b.id)) overdue = Number.POSITIVE_INFINITY;
    else if (plan.kind === 'zone') {
      const at = last.bin.get(b.id);
      overdue =
        at === undefined ? Number.MAX_SAFE_INTEGER : now.getTime() - at - plan.zone_freq_days * DAY_MS;
    } else
      for (const c of b.contents) {
        const cls = abc?.items.get(c.skuId)?.class ?? 'C';
        const at = last.sku.get(c.skuId);
        const o = at === undefined ? Number.MAX_SAFE_INTEGER : now.getTime() - at - freq[cls] * DAY_MS;
        overdue = Math.max(overdue, o);
      }
    if (overdue >= 0) due.push({ id: b.id, code: b.code, overdue });
  }
  due.sort((a, b) => b.overdue - a.overdue || (a.code < b.code ? -1 : 1));
  return due.slice(0, plan.max_bins ?? due.length).map((d) => d.id);
}

/** Generate the count a plan says is due now (409 `warehouse.count_nothing_due` when none is). */
export async function generateFromPlan(trx: Trx, planId: string, ctx: WhContext): Promise<CountRow> {
  const plan = await getPlanRow(trx, ctx.principal, planId);
  if (!plan.active) throw new AppError('conflict', 'warehouse.count_plan_inactive', { name: plan.name });
  const bins = await dueBins(trx, plan, ctx.now);
  if (!bins.length) throw new AppError('conflict', 'warehouse.count_nothing_due');
  const count = await createCount(
    trx,
    {
      warehouseId: plan.warehouse_id,
      kind: 'cycle',
      planId: plan.id,
      binIds: bins,
      rules: rulesOf(plan),
      note: plan.name,
    },
    ctx,
  );
  await countDb(trx)
    .updateTable('warehouse.count_plan')
    .set({ last_generated_at: ctx.now })
    .where('id', '=', plan.id)
    .execute();
  return count;
}

/**
 * A full count (全盘) of the warehouse: every active storage bin, empty ones included (misplaced
 * goods are found there). Refused while another count of the warehouse is open.
 */
export async function createFullCount(
  trx: Trx,
  input: { warehouseId: string; note?: string | null } & Partial<CountRules>,
  ctx: WhContext,
): Promise<CountRow> {
  await assertWarehouse(trx, ctx.principal, input.warehouseId);
  const busy = await binsInOpenCounts(trx, input.warehouseId);
  if (busy.size) throw new AppError('conflict', 'warehouse.count_open_in_warehouse', { bins: busy.size });
  const bins = (await binOccupancy(trx, { warehouseId: input.warehouseId })).filter(
    (b) => b.kind !== 'dispatch' && b.active,
  );
  return createCount(
    trx,
    {
      warehouseId: input.warehouseId,
      kind: 'full',
      binIds: bins.map((b) => b.id),
      rules: { ...DEFAULT_COUNT_RULES, ...definedRules(input) },
      note: input.note ?? null,
    },
    ctx,
  );
}

/** An ad hoc count of the bins named (a spot check, a bin a picker found short). */
export async function createAdHocCount(
  trx: Trx,
  input: { warehouseId: string; binIds: string[]; note?: string | null } & Partial<CountRules>,
  ctx: WhContext,
): Promise<CountRow> {
  await assertWarehouse(trx, ctx.principal, input.warehouseId);
  return createCount(
    trx,
    {
      warehouseId: input.warehouseId,
      kind: 'ad_hoc',
      binIds: input.binIds,
      rules: { ...DEFAULT_COUNT_RULES, ...definedRules(input) },
      note: input.note ?? null,
    },
    ctx,
  );
}

const definedRules = (r: Partial<CountRules>): Partial<CountRules> =>
  Object.fromEntries(
    (['tolerancePct', 'toleranceQty', 'approvalPct', 'approvalValueFen', 'maxRecounts'] as const)
      .filter((k) => r[k] !== undefined)
      .map((k) => [k, r[k]]),
  );
