import { recordAudit } from '../../platform/audit/audit';
import type { Actor } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { AppError, notFound } from '../../platform/lib/errors';
import { idList, type PolicyRow, planningDb } from './planning.tables';
import { defaultPolicyFor } from './policy.defaults';
import type { PolicyParams } from './policy.math';

export const POLICY_ENTITY = 'planning.policy';

export interface Policy extends PolicyParams {
  skuId: string;
  warehouseId: string;
  /** `entered` by a planner, or the storage-class `default`. */
  source: 'entered' | 'default';
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

const paramsOf = (r: PolicyRow): PolicyParams => ({
  serviceLevel: r.service_level,
  leadTimeDays: r.lead_time_days,
  leadTimeSdDays: r.lead_time_sd_days,
  reviewPeriodDays: r.review_period_days,
  moq: r.moq,
  packSize: r.pack_size,
  orderingCostFen: Number(r.ordering_cost_fen),
  holdingRate: r.holding_rate,
  unitCostFen: r.unit_cost_fen === null ? null : Number(r.unit_cost_fen),
});

const toPolicy = (r: PolicyRow): Policy => ({
  skuId: r.sku_id,
  warehouseId: r.warehouse_id,
  ...paramsOf(r),
  source: 'entered',
  version: r.version,
  updatedAt: r.updated_at.toISOString(),
  updatedBy: r.updated_by_name,
});

export const defaultPolicy = (skuId: string, warehouseId: string, storageClass: string | null): Policy => ({
  skuId,
  warehouseId,
  ...defaultPolicyFor(storageClass),
  source: 'default',
  version: 0,
  updatedAt: null,
  updatedBy: null,
});

/** Entered policies by `${skuId}|${warehouseId}`. */
export async function enteredPolicies(
  db: Db,
  filter: { skuIds?: string[]; warehouseIds?: string[] | null } = {},
): Promise<Map<string, Policy>> {
  let q = planningDb(db).selectFrom('planning.policy').selectAll();
  if (filter.skuIds) q = q.where('sku_id', 'in', idList(filter.skuIds));
  if (filter.warehouseIds) q = q.where('warehouse_id', 'in', idList(filter.warehouseIds));
  const rows = await q.execute();
  return new Map(rows.map((r) => [`${r.sku_id}|${r.warehouse_id}`, toPolicy(r)]));
}

export async function effectivePolicy(
  db: Db,
  skuId: string,
  warehouseId: string,
  storageClass: string | null,
): Promise<Policy> {
  const entered = await enteredPolicies(db, { skuIds: [skuId], warehouseIds: [warehouseId] });
  return entered.get(`${skuId}|${warehouseId}`) ?? defaultPolicy(skuId, warehouseId, storageClass);
}

export interface PolicyWriteContext {
  actor: Actor;
  now: Date;
  merchantId: string | null;
}

/** Enter or change the policy of a SKU × warehouse (`version` guards concurrent edits; 0 = new). */
export async function putPolicy(
  trx: Trx,
  key: { skuId: string; warehouseId: string },
  input: PolicyParams & { version?: number },
  ctx: PolicyWriteContext,
): Promise<Policy> {
  const db = planningDb(trx);
  const current = await db
    .selectFrom('planning.policy')
    .selectAll()
    .where('sku_id', '=', key.skuId)
    .where('warehouse_id', '=', key.warehouseId)
    .forUpdate()
    .executeTakeFirst();
  const actual = current?.version ?? 0;
  if (input.version !== undefined && input.version !== actual)
    throw new AppError('conflict', 'planning.version_conflict', { expected: input.version, actual });
  const values = {
    service_level: input.serviceLevel,
    lead_time_days: input.leadTimeDays,
    lead_time_sd_days: input.leadTimeSdDays,
    review_period_days: input.reviewPeriodDays,
    moq: input.moq,
    pack_size: input.packSize,
    ordering_cost_fen: input.orderingCostFen,
    holding_rate: input.holdingRate,
    unit_cost_fen: input.unitCostFen,
    version: actual + 1,
    updated_at: ctx.now,
    updated_by_name: ctx.actor.name,
  };
  const row = current
    ? await db
        .updateTable('planning.policy')
        .set(values)
        .where('sku_id', '=', key.skuId)
        .where('warehouse_id', '=', key.warehouseId)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await db
        .insertInto('planning.policy')
        .values({ sku_id: key.skuId, warehouse_id: key.warehouseId, merchant_id: ctx.merchantId, ...values })
        .returningAll()
        .executeTakeFirstOrThrow();
  const after = toPolicy(row);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: current ? 'update' : 'create',
      entity: POLICY_ENTITY,
      entityId: `${key.skuId}:${key.warehouseId}`,
      summary: `service level ${after.serviceLevel}, lead time ${after.leadTimeDays} ± ${after.leadTimeSdDays} d`,
      before: current ? toPolicy(current) : undefined,
      after,
      merchantId: ctx.merchantId,
    },
    ctx.now,
  );
  return after;
}

/** Remove an entered policy: the storage-class default applies again. */
export async function deletePolicy(
  trx: Trx,
  key: { skuId: string; warehouseId: string },
  ctx: PolicyWriteContext,
): Promise<void> {
  const row = await planningDb(trx)
    .deleteFrom('planning.policy')
    .where('sku_id', '=', key.skuId)
    .where('warehouse_id', '=', key.warehouseId)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound('policy', `${key.skuId}:${key.warehouseId}`);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'delete',
      entity: POLICY_ENTITY,
      entityId: `${key.skuId}:${key.warehouseId}`,
      before: toPolicy(row),
      merchantId: ctx.merchantId,
    },
    ctx.now,
  );
}
