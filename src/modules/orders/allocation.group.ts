import type { Actor } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { isAppError } from '../../platform/lib/errors';
import { allocatableStock, transitDaysFor } from './allocation.inputs';
import { type PlanResult, planAllocation } from './allocation.plan';
import {
  allocationRows,
  exceptionRecord,
  type KnownOrder,
  mergeBySku,
  parcelRecord,
} from './allocation.service';
import type { StateContext } from './order.state';
import type { OrderLineRow, OrderRow } from './order.tables';
import { ordersDeps } from './orders.deps';

/**
 * Allocation for orders taken in together (group intake), decided before the orders are written so
 * each is written once, already allocated: the free stock of every SKU they name read once, each
 * order planned in turn against what the ones before it took (`planNew`), and the stock of all of
 * them reserved through the inventory module in one call (`reservePlanned`, each order all or
 * nothing) — after the orders are written, so the group holds its balances only for its last
 * statements, or (`early`) before.
 *
 * A plan that splits the order, and desks that release allocated orders at once, go the way a
 * single order goes (`allocateOrder`, after the group).
 */
export interface WrittenOrder {
  order: OrderRow;
  lines: OrderLineRow[];
}

export type GroupKnown = Required<
  Pick<KnownOrder, 'settings' | 'skuFacts' | 'reference' | 'auditTo' | 'eventsTo'>
> & {
  /** Each order's own caller when the orders came with several requests (request ids on the ledger). */
  actorOf?: (orderId: string) => Actor;
};

/** What the group decided for an order it allocated (or queued) itself. */
export interface GroupRecord {
  to: 'allocated' | 'exception';
  decision: ReturnType<typeof parcelRecord>['decision'];
  allocations: ReturnType<typeof parcelRecord>['allocations'];
  move: ReturnType<typeof parcelRecord>['move'] | ReturnType<typeof exceptionRecord>['move'];
  /** For an allocated order: its audit entry and event, written once the order is. */
  audit?: ReturnType<typeof parcelRecord>['audit'];
  event?: ReturnType<typeof parcelRecord>['event'];
}

/** The group's plan: each order's record (allocated ones still to be reserved), and the ones left for later. */
export interface GroupPlan {
  records: Map<string, GroupRecord>;
  /** Orders planned to ship whole from one warehouse, to reserve (`reservePlanned`). */
  planned: Array<{ w: WrittenOrder; plan: Extract<PlanResult, { ok: true }> }>;
  /** Orders to allocate alone after the group (written validated): split plans, desks that release at once. */
  later: WrittenOrder[];
  shelfLife: Map<string, number | null>;
}

/**
 * Plan the new orders against the free stock read now: each order's record (allocated, or in the
 * exception queue), the allocated ones' bins and lots left to `reservePlanned`.
 */
export async function planNew(
  trx: Trx,
  orders: WrittenOrder[],
  ctx: StateContext,
  known: GroupKnown,
): Promise<GroupPlan> {
  const group: GroupPlan = { records: new Map(), planned: [], later: [], shelfLife: new Map() };
  const { settings, reference } = known;
  if (settings.autoRelease || orders.length === 0) return { ...group, later: [...orders] };
  const merged = orders.map((w) => mergeBySku(w.lines));
  for (const lines of merged)
    for (const l of lines)
      group.shelfLife.set(l.skuId, known.skuFacts(l.skuId)?.minRemainingShelfLifeDays ?? null);
  // Free stock by warehouse and SKU, less what the orders before took (kept as the group goes on).
  const stock = await allocatableStock(
    trx,
    [...group.shelfLife].map(([skuId, minRemainingShelfLifeDays]) => ({ skuId, minRemainingShelfLifeDays })),
    ctx.now,
  );
  for (const [k, w] of orders.entries()) {
    const { order } = w;
    const plan = planAllocation({
      lines: merged[k],
      warehouses: reference.warehouses,
      stock,
      destination: { provinceCode: order.province_code, cityCode: order.city_code },
      serviceType: order.service_type,
      transitDays: await transitDaysFor(trx, order.province_code, order.service_type, reference),
      splitMinSavingFen: settings.splitMinSavingFen,
    });
    if (!plan.ok) {
      // No warehouse can ship it (as a single order would find with the same numbers).
      group.records.set(order.id, { to: 'exception', ...exceptionRecord(order, w.lines, plan, ctx) });
      continue;
    }
    if (plan.parcels.length > 1) {
      group.later.push(w);
      continue;
    }
    const [parcel] = plan.parcels;
    const free = stock.get(parcel.warehouseId);
    for (const l of parcel.lines) free?.set(l.skuId, (free.get(l.skuId) ?? 0) - l.qty);
    group.planned.push({ w, plan });
    const record = parcelRecord(order, order, false, plan, parcel, [], reference.warehouses, settings, ctx);
    group.records.set(order.id, { to: 'allocated', ...record });
  }
  return group;
}

/**
 * Reserve the planned orders' stock in one call (`ids`: only these), each order all or nothing, and
 * complete their records with the bins and lots taken. Answers the orders that came up short because
 * another transaction took the stock since it was read: nothing was written for them, and their
 * records are gone.
 */
export async function reservePlanned(
  trx: Trx,
  group: GroupPlan,
  ctx: StateContext,
  known: GroupKnown,
  ids?: Set<string>,
): Promise<WrittenOrder[]> {
  const planned = ids ? group.planned.filter(({ w }) => ids.has(w.order.id)) : group.planned;
  const reserved = await ordersDeps().reserveMany(
    trx,
    planned.map(({ w, plan }) => ({
      orderRef: w.order.number,
      lines: plan.parcels[0].lines.map((l) => ({
        skuId: l.skuId,
        qty: l.qty,
        warehouseId: plan.parcels[0].warehouseId,
        minRemainingShelfLifeDays: group.shelfLife.get(l.skuId) ?? null,
      })),
      requestId: (known.actorOf?.(w.order.id) ?? ctx.actor).requestId,
    })),
    ctx,
  );
  const short: WrittenOrder[] = [];
  for (const [k, { w }] of planned.entries()) {
    const got = reserved[k];
    const record = group.records.get(w.order.id)!;
    if (got instanceof Error) {
      if (!isAppError(got) || got.code !== 'inventory.insufficient_stock') throw got;
      group.records.delete(w.order.id);
      short.push(w);
      continue;
    }
    record.allocations = allocationRows(w.order.id, got);
    if (record.audit) record.audit = { ...record.audit, after: { ...record.audit.after, allocations: got } };
  }
  return short;
}
