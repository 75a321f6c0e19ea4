import { sql } from 'kysely';
import { recordAudits } from '../../platform/audit/audit';
import type { Db, Trx } from '../../platform/db';
import { countDb } from './count.tables';
import { issue, skuLabel, throwIssues } from './inbound.lines';
import type { WhContext } from './warehouse.access';
import { warehouseDeps } from './warehouse.deps';

/**
 * Declared unit values (申报货值, fen per base unit) of SKUs: what a count variance is worth, for the
 * approval threshold by value and the variance value in reports. Set by warehouse managers; a SKU
 * without one is judged by the percentage rule alone.
 */
export async function setSkuValues(
  trx: Trx,
  values: Array<{ skuId: string; unitValueFen: number }>,
  ctx: WhContext,
): Promise<number> {
  const skus = await warehouseDeps().skusByIds(
    trx,
    values.map((v) => v.skuId),
  );
  throwIssues(
    values.flatMap((v, i) =>
      skus.has(v.skuId) ? [] : [issue(`body.values.${i}.skuId`, 'warehouse.sku_not_found', { id: v.skuId })],
    ),
  );
  const unique = new Map(values.map((v) => [v.skuId, v]));
  await sql`
    insert into warehouse.sku_value (sku_id, merchant_id, unit_value_fen, updated_by_name, updated_at)
    values ${sql.join(
      [...unique.values()].map(
        (v) =>
          sql`(${v.skuId}::uuid, ${skus.get(v.skuId)!.merchantId}::uuid, ${v.unitValueFen}, ${ctx.actor.name}, ${ctx.now})`,
      ),
    )}
    on conflict (sku_id) do update set unit_value_fen = excluded.unit_value_fen,
      updated_by_name = excluded.updated_by_name, updated_at = excluded.updated_at`.execute(trx);
  await recordAudits(
    trx,
    ctx.actor,
    [...unique.values()].map((v) => ({
      action: 'update',
      entity: 'warehouse.sku_value',
      entityId: v.skuId,
      summary: `unit value of ${skus.get(v.skuId)!.code}: ${v.unitValueFen} fen`,
      after: { unitValueFen: v.unitValueFen },
      merchantId: skus.get(v.skuId)!.merchantId,
    })),
    ctx.now,
  );
  return unique.size;
}

/** Declared unit values, most recently changed first. */
export async function listSkuValues(db: Db, query: { skuId?: string; limit: number }) {
  let q = countDb(db).selectFrom('warehouse.sku_value').selectAll();
  if (query.skuId) q = q.where('sku_id', '=', query.skuId);
  const rows = await q.orderBy('updated_at', 'desc').orderBy('sku_id').limit(query.limit).execute();
  const skus = await warehouseDeps().skusByIds(
    db,
    rows.map((r) => r.sku_id),
  );
  return rows.map((r) => ({
    skuId: r.sku_id,
    ...skuLabel(skus.get(r.sku_id), r.sku_id),
    unitValueFen: Number(r.unit_value_fen),
    updatedByName: r.updated_by_name,
    updatedAt: r.updated_at.toISOString(),
  }));
}
