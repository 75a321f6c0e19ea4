import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notFound } from '../../platform/lib/errors';
import { businessDayOf } from '../../platform/time/calendar';
import { type PlanningDeps, type PlanningSku, skuOrNull } from './planning.deps';
import type { Scope } from './suggestion.service';

/** Helpers shared by the planning routes. */

export const tags = ['planning'];

/** Warehouses the caller may plan (null = all). */
export const warehouseScopeOf = (request: FastifyRequest): string[] | null => {
  const w = request.principal?.warehouseIds;
  return !w || w === 'all' ? null : [...w];
};

export const scopeOf = (request: FastifyRequest): Scope => ({
  warehouseIds: warehouseScopeOf(request),
  merchantId: request.principal?.merchantId ?? null,
});

export const todayOf = (app: FastifyInstance, deps: PlanningDeps) => businessDayOf(app.now(), deps.timeZone);

/** The SKU of a SKU × warehouse the caller may see, or 404 (unknown SKU, warehouse or out of scope). */
export async function visibleSeriesSku(
  app: FastifyInstance,
  deps: PlanningDeps,
  key: { skuId: string; warehouseId: string },
  scope: Scope,
): Promise<PlanningSku> {
  const [sku, warehouses] = await Promise.all([
    skuOrNull(app.db, deps, key.skuId),
    deps.listWarehouses(app.db, null),
  ]);
  const visible =
    sku &&
    (!scope.merchantId || sku.merchantId === scope.merchantId) &&
    warehouses.some((w) => w.id === key.warehouseId) &&
    (!scope.warehouseIds || scope.warehouseIds.includes(key.warehouseId));
  if (!visible) throw notFound('series', `${key.skuId}:${key.warehouseId}`);
  return sku;
}

export const sendFile = (
  reply: FastifyReply,
  file: { fileName: string; contentType: string; body: Buffer },
  extra: Record<string, string> = {},
) => {
  let r = reply
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'no-store');
  for (const [k, v] of Object.entries(extra)) r = r.header(k, v);
  return r.type(file.contentType).send(file.body);
};
