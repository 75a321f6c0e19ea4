import type { Principal } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { decodeCursor, paginate } from '../../platform/http/pagination';
import { notFound } from '../../platform/lib/errors';
import { binsByIds, lotsByIds } from '../inventory';
import { assertWarehouseScope, warehouseScope } from './count.scope';
import { skuLabel } from './inbound.lines';
import { type KitOrderRow, type KitOrderStatus, kitDb } from './kit.tables';
import { warehouseDeps } from './warehouse.deps';

async function viewsOf(db: Db | Trx, orders: KitOrderRow[], withDetail: boolean) {
  if (!orders.length) return [];
  const ids = orders.map((o) => o.id);
  const [lines, kits, completions, history] = await Promise.all([
    kitDb(db)
      .selectFrom('warehouse.kit_order_line')
      .selectAll()
      .where('order_id', 'in', ids)
      .orderBy('line_no')
      .execute(),
    kitDb(db)
      .selectFrom('warehouse.kit')
      .select(['id', 'code', 'name'])
      .where('id', 'in', [...new Set(orders.map((o) => o.kit_id))])
      .execute(),
    withDetail
      ? kitDb(db)
          .selectFrom('warehouse.kit_completion')
          .selectAll()
          .where('order_id', 'in', ids)
          .orderBy('at')
          .execute()
      : [],
    withDetail
      ? kitDb(db)
          .selectFrom('warehouse.kit_order_history')
          .selectAll()
          .where('order_id', 'in', ids)
          .orderBy('id')
          .execute()
      : [],
  ]);
  const [skus, bins, lots] = await Promise.all([
    warehouseDeps().skusByIds(db, [...orders.map((o) => o.variant_sku_id), ...lines.map((l) => l.sku_id)]),
    binsByIds(db, [
      ...new Set([
        ...orders.map((o) => o.output_bin_id).filter((b): b is string => !!b),
        ...completions.map((c) => c.bin_id),
      ]),
    ]),
    lotsByIds(
      db,
      completions.map((c) => c.lot_id).filter((x): x is string => !!x),
    ),
  ]);
  return orders.map((o) => {
    const kit = kits.find((k) => k.id === o.kit_id);
    const variant = skuLabel(skus.get(o.variant_sku_id), o.variant_sku_id);
    return {
      id: o.id,
      number: o.number,
      kitId: o.kit_id,
      kitCode: kit?.code ?? '',
      kitName: kit?.name ?? '',
      warehouseId: o.warehouse_id,
      merchantId: o.merchant_id,
      variantSkuId: o.variant_sku_id,
      variantSkuCode: variant.skuCode,
      variantSkuNameZh: variant.skuNameZh,
      variantSkuNameEn: variant.skuNameEn,
      status: o.status,
      plannedQty: Number(o.planned_qty),
      doneQty: Number(o.done_qty),
      outputBinId: o.output_bin_id,
      outputBinCode: o.output_bin_id ? (bins.get(o.output_bin_id)?.code ?? null) : null,
      dueDate: o.due_date,
      note: o.note,
      createdByName: o.created_by_name,
      createdAt: o.created_at.toISOString(),
      startedAt: o.started_at?.toISOString() ?? null,
      completedAt: o.completed_at?.toISOString() ?? null,
      cancelledAt: o.cancelled_at?.toISOString() ?? null,
      cancelReason: o.cancel_reason,
      lines: lines
        .filter((l) => l.order_id === o.id)
        .map((l) => ({
          lineNo: l.line_no,
          skuId: l.sku_id,
          ...skuLabel(skus.get(l.sku_id), l.sku_id),
          role: l.role,
          qtyPerKit: Number(l.qty_per_kit),
          requiredQty: Number(l.required_qty),
          consumedQty: Number(l.consumed_qty),
        })),
      completions: completions
        .filter((c) => c.order_id === o.id)
        .map((c) => ({
          qty: Number(c.qty),
          binId: c.bin_id,
          binCode: bins.get(c.bin_id)?.code ?? '',
          lotCode: c.lot_id ? (lots.get(c.lot_id)?.code ?? null) : null,
          movementId: Number(c.movement_id),
          consumed: c.consumed,
          actorName: c.actor_name,
          at: c.at.toISOString(),
        })),
      history: history
        .filter((h) => h.order_id === o.id)
        .map((h) => ({
          from: h.from_status,
          to: h.to_status,
          at: h.at.toISOString(),
          actorName: h.actor_name,
          note: h.note,
        })),
    };
  });
}
export type KitOrderView = Awaited<ReturnType<typeof viewsOf>>[number];

export async function getKitOrder(
  db: Db | Trx,
  principal: Principal | null,
  id: string,
): Promise<KitOrderView> {
  const row = await kitDb(db)
    .selectFrom('warehouse.kit_order')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('kit_order', id);
  assertWarehouseScope(principal, row.warehouse_id, 'kit_order', id);
  return (await viewsOf(db, [row], true))[0];
}

/** Work orders, newest first. */
export async function listKitOrders(
  db: Db,
  principal: Principal | null,
  query: { warehouseId?: string; status?: KitOrderStatus; limit: number; cursor?: string },
) {
  const scope = warehouseScope(principal, query.warehouseId);
  if (scope && !scope.length) return { items: [], nextCursor: null };
  let q = kitDb(db).selectFrom('warehouse.kit_order').selectAll();
  if (scope) q = q.where('warehouse_id', 'in', scope);
  if (query.status) q = q.where('status', '=', query.status);
  if (query.cursor) q = q.where('id', '<', String(decodeCursor(query.cursor, 1)[0]));
  const rows = await q
    .orderBy('id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const page = paginate(rows, query.limit, (r) => [r.id]);
  return { items: await viewsOf(db, page.items, false), nextCursor: page.nextCursor };
}
