import { recordAudit } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { AppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { exactTourLength, layoutFromBins, type PointMm } from '../../solvers/pickpath';
import { binOccupancy, listStock, STORAGE_CLASSES, type StockRow } from '../inventory';
import { abcClassesOf, runView } from './abc.service';
import { assertWarehouse } from './count.scope';
import { type AbcClass, countDb, type ReslotReason } from './count.tables';
import { skuLabel } from './inbound.lines';
import { loadSlotBins } from './putaway.slotting';
import { binAllows, roomFor } from './putaway.suggest';
import { type ReslotBin, type ReslotItem, type ReslotOptions, suggestReslotting } from './slotting.suggest';
import type { WhContext } from './warehouse.access';
import { unitVolumeMm3, warehouseDeps } from './warehouse.deps';
import { whDb } from './warehouse.tables';

/** The source of re-slotting moves in the ledger (`source_id` = the move task). */
export const RESLOT_SOURCE = 'reslot';

/**
 * Round-trip walking distance from the dispatch point to each bin position, on the aisle layout
 * inferred from the bins (`solvers/pickpath`: aisles, cross aisles, exact tour of one stop). Falls
 * back to twice the rectilinear distance when no layout can be inferred.
 */
export function tripDistances(bins: readonly PointMm[], depot: PointMm): (p: PointMm) => number {
  const cache = new Map<string, number>();
  let layout: ReturnType<typeof layoutFromBins> | null = null;
  try {
    if (bins.length) layout = layoutFromBins(bins, { depot });
  } catch {
    layout = null;
  }
  return (p) => {
    const key = `${p.xMm}|${p.yMm}`;
    let d = cache.get(key);
    if (d === undefined) {
      try {
        d = layout ? exactTourLength(layout, [{ id: 'bin', ...p }]) : Number.NaN;
      } catch {
        d = Number.NaN;
      }
      if (!Number.isFinite(d)) d = 2 * (Math.abs(p.xMm - depot.xMm) + Math.abs(p.yMm - depot.yMm));
      cache.set(key, Math.round(d));
    }
    return d;
  };
}

/** Everything re-slotting looks at in one warehouse. */
export async function loadReslotting(db: Db | Trx, warehouseId: string) {
  const [occupancy, slots, stock, abc, putaways, moves] = await Promise.all([
    binOccupancy(db, { warehouseId }),
    loadSlotBins(db, warehouseId, STORAGE_CLASSES),
    listStock(db as Db, null, { warehouseId, limit: 10_000_000 }),
    abcClassesOf(db, warehouseId),
    whDb(db)
      .selectFrom('warehouse.putaway_task')
      .select('suggested_bin_id')
      .where('warehouse_id', '=', warehouseId)
      .where('status', '=', 'open')
      .execute(),
    countDb(db)
      .selectFrom('warehouse.move_task')
      .selectAll()
      .where('warehouse_id', '=', warehouseId)
      .where('status', '=', 'open')
      .execute(),
  ]);
  const dispatch = occupancy.find((b) => b.kind === 'dispatch');
  const storage = occupancy.filter((b) => b.kind !== 'dispatch');
  const trip = tripDistances(
    storage.filter((b) => b.active).map((b) => ({ xMm: b.xMm, yMm: b.yMm })),
    { xMm: dispatch?.xMm ?? 0, yMm: dispatch?.yMm ?? 0 },
  );
  const skuIds = [...new Set([...stock.items.map((s) => s.skuId), ...moves.map((m) => m.sku_id)])];
  const skus = await warehouseDeps().skusByIds(db, skuIds);
  const stockByBin = new Map<string, StockRow[]>();
  for (const s of stock.items) stockByBin.set(s.binId, [...(stockByBin.get(s.binId) ?? []), s]);
  const incoming = new Set([
    ...putaways.map((p) => p.suggested_bin_id).filter((b): b is string => !!b),
    ...moves.map((m) => m.to_bin_id),
  ]);
  const slotById = new Map(slots.map((s) => [s.id, s]));
  const movesInto = new Map<string, typeof moves>();
  for (const m of moves) movesInto.set(m.to_bin_id, [...(movesInto.get(m.to_bin_id) ?? []), m]);
  const bins: ReslotBin[] = [];
  for (const b of storage) {
    const slot = slotById.get(b.id);
    if (!slot) continue;
    let { loadWeightG, loadVolumeMm3 } = slot;
    const skusIn = new Set(b.contents.map((c) => c.skuId));
    for (const m of movesInto.get(b.id) ?? []) {
      const sku = skus.get(m.sku_id);
      const left = Number(m.qty) - Number(m.done_qty);
      if (sku) {
        loadWeightG += left * sku.weightG;
        loadVolumeMm3 += left * unitVolumeMm3(sku);
      }
      skusIn.add(m.sku_id);
    }
    for (const h of slot.holds) skusIn.add(h.split('|')[0]);
    const rows = stockByBin.get(b.id) ?? [];
    bins.push({
      id: b.id,
      code: b.code,
      kind: b.kind,
      storageClass: b.storageClass,
      active: b.active,
      tripMm: trip(b),
      maxWeightG: b.maxWeightG,
      maxVolumeMm3: b.maxVolumeMm3,
      loadWeightG,
      loadVolumeMm3,
      skus: skusIn,
      movable: !incoming.has(b.id) && rows.every((r) => r.status === 'available' && r.reserved === 0),
    });
  }
  // Stock already promised to an open move task is not free to move again.
  const promised = new Map<string, number>();
  for (const m of moves) {
    const k = `${m.sku_id}|${m.from_bin_id}|${m.lot_id ?? ''}`;
    promised.set(k, (promised.get(k) ?? 0) + Number(m.qty) - Number(m.done_qty));
  }
  const binIds = new Set(bins.map((b) => b.id));
  const stockBySku = new Map<string, StockRow[]>();
  for (const s of stock.items)
    if (s.status === 'available' && binIds.has(s.binId))
      stockBySku.set(s.skuId, [...(stockBySku.get(s.skuId) ?? []), s]);
  const items: ReslotItem[] = [];
  for (const skuId of new Set(stock.items.map((s) => s.skuId))) {
    const sku = skus.get(skuId);
    if (!sku) continue;
    const cls = abc.items.get(skuId);
    items.push({
      skuId,
      class: cls?.class ?? 'C',
      picksPerMonth: Math.round((cls?.lines ?? 0) / abc.months),
      storageClass: sku.storageClass,
      unitWeightG: sku.weightG,
      unitVolumeMm3: unitVolumeMm3(sku),
      stock: (stockBySku.get(skuId) ?? []).map((s) => ({
        binId: s.binId,
        lotId: s.lotId,
        freeQty: Math.max(0, s.available - (promised.get(`${skuId}|${s.binId}|${s.lotId ?? ''}`) ?? 0)),
      })),
    });
  }
  return { bins, items, skus, abc, occupancy };
}

/** Re-slotting suggestions for a warehouse from its current ABC classes, with the travel saved. */
export async function reslotSuggestions(
  db: Db,
  principal: Principal | null,
  query: { warehouseId: string } & ReslotOptions,
) {
  await assertWarehouse(db, principal, query.warehouseId);
  const { bins, items, skus, abc } = await loadReslotting(db, query.warehouseId);
  const suggestions = suggestReslotting(items, bins, query);
  const code = new Map(bins.map((b) => [b.id, b.code]));
  return {
    run: abc.run ? runView(abc.run) : null,
    savedMPerMonth: Math.round(suggestions.reduce((s, x) => s + x.savedMmPerMonth, 0) / 1000),
    items: suggestions.map((s) => ({
      ...s,
      ...skuLabel(skus.get(s.skuId), s.skuId),
      fromBinCode: code.get(s.fromBinId) ?? '',
      toBinCode: code.get(s.toBinId) ?? '',
      savedMPerMonth: Math.round(s.savedMmPerMonth / 100) / 10,
    })),
  };
}

export interface AcceptReslotInput {
  warehouseId: string;
  skuId: string;
  fromBinId: string;
  toBinId: string;
  reason: ReslotReason;
}

/**
 * Accept a re-slot move: move tasks (one per lot) for the SKU's free stock in the source bin, to be
 * done by scanning. Checked again now: the target takes the SKU's storage class, is active, and
 * has room (with what is in it and on its way); stock already on an open move is not moved twice.
 */
export async function acceptReslot(trx: Trx, input: AcceptReslotInput, ctx: WhContext) {
  await assertWarehouse(trx, ctx.principal, input.warehouseId);
  const { bins, items, skus, abc } = await loadReslotting(trx, input.warehouseId);
  const from = bins.find((b) => b.id === input.fromBinId);
  const to = bins.find((b) => b.id === input.toBinId);
  if (!from) throw notFound('bin', input.fromBinId);
  if (!to) throw notFound('bin', input.toBinId);
  const item = items.find((i) => i.skuId === input.skuId);
  const sku = skus.get(input.skuId);
  const stock = item?.stock.filter((s) => s.binId === from.id && s.freeQty > 0) ?? [];
  if (!item || !sku || !stock.length)
    throw new AppError('conflict', 'warehouse.reslot_nothing_to_move', { bin: from.code });
  if (from.id === to.id || !binAllows(to, item.storageClass))
    throw new AppError('conflict', 'warehouse.bin_class_mismatch', {
      bin: to.code,
      sku: sku.code,
      skuClass: sku.storageClass,
      zoneClass: to.storageClass ?? '-',
    });
  const qty = stock.reduce((s, x) => s + x.freeQty, 0);
  const room = roomFor(to, item);
  if (room < qty)
    throw new AppError('conflict', 'warehouse.bin_capacity_exceeded', { bin: to.code, qty, room });
  const saved = Math.round(item.picksPerMonth * (from.tripMm - to.tripMm));
  const rows = stock.map((s) => ({
    id: newId(),
    warehouse_id: input.warehouseId,
    sku_id: input.skuId,
    lot_id: s.lotId,
    from_bin_id: from.id,
    to_bin_id: to.id,
    qty: s.freeQty,
    done_qty: 0,
    status: 'open' as const,
    reason: input.reason,
    abc_class: (abc.items.get(input.skuId)?.class ?? null) as AbcClass | null,
    picks_per_month: item.picksPerMonth,
    saving_mm_month: Math.round((saved * s.freeQty) / qty),
    created_by_name: ctx.actor.name,
    created_at: ctx.now,
    updated_at: ctx.now,
    done_by_name: null,
    done_at: null,
  }));
  await countDb(trx).insertInto('warehouse.move_task').values(rows).execute();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'reslot',
      entity: 'warehouse.move_task',
      entityId: rows[0].id,
      summary: `re-slot ${sku.code} ${from.code} → ${to.code} (${qty}), saves ${Math.round(saved / 1000)} m/month`,
      after: { ...input, qty, savedMmPerMonth: saved, tasks: rows.map((r) => r.id) },
      merchantId: sku.merchantId,
    },
    ctx.now,
  );
  return rows.map((r) => r.id);
}
