import { sql } from 'kysely';
import type { Principal } from '../../platform/auth/principal';
import type { Db } from '../../platform/db';
import type { Lang } from '../../platform/i18n/i18n';
import { notFound } from '../../platform/lib/errors';
import { obDb, type PickListRow, type PickListStatus, type ScanStage } from './outbound.tables';
import { docScopeOf } from './warehouse.access';
import { warehouseDeps } from './warehouse.deps';
import { pickListSummaries } from './wave.query';
import { seesWarehouse } from './wave.service';

export async function listPickLists(
  db: Db,
  principal: Principal | null,
  query: { warehouseId?: string; waveId?: string; status?: PickListStatus; limit: number },
) {
  const scope = docScopeOf(principal);
  if (principal?.merchantId) return { items: [] };
  let q = obDb(db).selectFrom('warehouse.pick_list').selectAll();
  if (scope.warehouseIds) {
    if (!scope.warehouseIds.length) return { items: [] };
    q = q.where('warehouse_id', 'in', scope.warehouseIds);
  }
  if (query.warehouseId) q = q.where('warehouse_id', '=', query.warehouseId);
  if (query.waveId) q = q.where('wave_id', '=', query.waveId);
  if (query.status) q = q.where('status', '=', query.status);
  const rows = (await q
    .orderBy('created_at', 'desc')
    .orderBy('number')
    .limit(query.limit)
    .execute()) as PickListRow[];
  return { items: await pickListSummaries(db, rows) };
}

/**
 * A pick list for the handheld and the printer: tasks in walking order with the next one to do, the
 * route drawn on the zone's aisles, and the refused scans so far.
 */
export async function pickListView(db: Db, principal: Principal | null, id: string, lang: Lang) {
  const list = (await obDb(db)
    .selectFrom('warehouse.pick_list')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()) as PickListRow | undefined;
  if (!list || !seesWarehouse(principal, list.warehouse_id)) throw notFound('pick_list', id);
  const [summary] = await pickListSummaries(db, [list]);
  const [tasks, orders, wave] = await Promise.all([
    obDb(db)
      .selectFrom('warehouse.pick_task')
      .selectAll()
      .where('pick_list_id', '=', id)
      .orderBy('seq')
      .execute(),
    obDb(db)
      .selectFrom('warehouse.outbound_line as l')
      .innerJoin('warehouse.pick_task as t', 't.id', 'l.pick_task_id')
      .innerJoin('warehouse.outbound as o', 'o.id', 'l.outbound_id')
      .select(['l.pick_task_id', 'o.number', 'o.order_number', 'l.qty', 'l.picked_qty', 'l.short_qty'])
      .where('t.pick_list_id', '=', id)
      .execute(),
    obDb(db)
      .selectFrom('warehouse.wave')
      .select(['id', 'number', 'status'])
      .where('id', '=', list.wave_id)
      .executeTakeFirstOrThrow(),
  ]);
  const skus = await warehouseDeps().skusByIds(
    db,
    tasks.map((t) => t.sku_id),
  );
  const next = tasks.find((t) => t.status === 'open');
  return {
    ...summary,
    waveNumber: wave.number,
    waveStatus: wave.status,
    nextTaskId: next?.id ?? null,
    layout: list.layout,
    waypoints: list.waypoints,
    tasks: tasks.map((t) => {
      const sku = skus.get(t.sku_id);
      return {
        id: t.id,
        seq: t.seq,
        legMm: t.leg_mm,
        binId: t.bin_id,
        binCode: t.bin_code,
        xMm: t.x_mm,
        yMm: t.y_mm,
        skuId: t.sku_id,
        skuCode: t.sku_code,
        skuName: sku ? (lang === 'en' && sku.nameEn ? sku.nameEn : sku.nameZh) : null,
        lotCode: t.lot_code,
        qty: Number(t.qty),
        pickedQty: Number(t.picked_qty),
        shortQty: Number(t.short_qty),
        status: t.status,
        orders: orders
          .filter((o) => o.pick_task_id === t.id)
          .map((o) => ({
            outboundNumber: o.number,
            orderNumber: o.order_number,
            qty: Number(o.qty),
            pickedQty: Number(o.picked_qty),
            shortQty: Number(o.short_qty),
          })),
      };
    }),
  };
}

/**
 * Refused scans (picking, packing, gate) with their counts per person and per pick list — the
 * picking-error figure a warehouse manager watches.
 */
export async function scanErrorReport(
  db: Db,
  principal: Principal | null,
  query: {
    warehouseId?: string;
    stage?: ScanStage;
    pickListId?: string;
    from?: string;
    to?: string;
    limit: number;
  },
) {
  const scope = docScopeOf(principal);
  if (principal?.merchantId || scope.warehouseIds?.length === 0)
    return { total: 0, byActor: [], byPickList: [], items: [] };
  let q = obDb(db).selectFrom('warehouse.outbound_scan_error as e');
  if (scope.warehouseIds) q = q.where('e.warehouse_id', 'in', scope.warehouseIds);
  if (query.warehouseId) q = q.where('e.warehouse_id', '=', query.warehouseId);
  if (query.stage) q = q.where('e.stage', '=', query.stage);
  if (query.pickListId) q = q.where('e.pick_list_id', '=', query.pickListId);
  if (query.from) q = q.where('e.at', '>=', new Date(query.from));
  if (query.to) q = q.where('e.at', '<', new Date(query.to));
  const [items, byActor, byList] = await Promise.all([
    q.selectAll('e').orderBy('e.at', 'desc').orderBy('e.id').limit(query.limit).execute(),
    q
      .select(['e.actor_name'])
      .select((eb) => [
        eb.fn.countAll<string>().as('n'),
        sql<string>`count(*) filter (where e.stage = 'pick')`.as('pick'),
      ])
      .groupBy('e.actor_name')
      .orderBy('n', 'desc')
      .execute(),
    q
      .innerJoin('warehouse.pick_list as l', 'l.id', 'e.pick_list_id')
      .select(['l.id', 'l.number'])
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .groupBy(['l.id', 'l.number'])
      .orderBy('n', 'desc')
      .execute(),
  ]);
  return {
    total: byActor.reduce((s, a) => s + Number(a.n), 0),
    byActor: byActor.map((a) => ({ actorName: a.actor_name, count: Number(a.n), pickCount: Number(a.pick) })),
    byPickList: byList.map((l) => ({ pickListId: l.id, number: l.number, count: Number(l.n) })),
    items: items.map((e) => ({
      id: e.id,
      stage: e.stage,
      kind: e.kind,
      code: e.code,
      expected: e.expected,
      scanned: e.scanned,
      pickListId: e.pick_list_id,
      pickTaskId: e.pick_task_id,
      outboundId: e.outbound_id,
      packageId: e.package_id,
      actorName: e.actor_name,
      at: e.at.toISOString(),
    })),
  };
}
