import type { Actor } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { isAppError } from '../../platform/lib/errors';
import { allocatableStock, transitDaysFor } from './allocation.inputs';
import { type PlanResult, planAllocation } from './allocation.plan';
import {
  type AllocationOutcome,
  allocateOrder,
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
 * order planned in turn against what the ones before it took, and the stock of all of them reserved
 * through the inventory module in one statement (each order all or nothing).
 *
 * Anything unusual goes the way a single order goes (`allocateOrder`, which reads afresh, once the
 * order is written): a plan that splits the order, a reservation that comes up short because
 * another transaction took the stock first, and desks that release allocated orders at once.
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

/**
 * Allocation for new orders before they are written: the caller writes each order with its record
 * applied (allocated, or in the exception queue), then the records' allocations and decisions
 * (`insertDecisions`); the orders in `later` are written as they are (validated) and allocated
 * afterwards, each alone (`allocateOrder`).
 */
export async function allocateNew(
  trx: Trx,
  orders: WrittenOrder[],
  ctx: StateContext,
  known: GroupKnown,
): Promise<{ records: Map<string, GroupRecord>; later: WrittenOrder[] }> {
  const kept = new Map<string, GroupRecord>();
  const actorOf = (id: string) => known.actorOf?.(id) ?? ctx.actor;
  const { settings, reference } = known;
  if (settings.autoRelease || orders.length === 0) return { records: kept, later: [...orders] };
  const merged = orders.map((w) => mergeBySku(w.lines));
  const skus = new Map<string, number | null>();
  for (const lines of merged)
    for (const l of lines) skus.set(l.skuId, known.skuFacts(l.skuId)?.minRemainingShelfLifeDays ?? null);
  // Free stock by warehouse and SKU, less what the orders before took (kept as the group goes on).
  const stock = await allocatableStock(
    trx,
    [...skus].map(([skuId, minRemainingShelfLifeDays]) => ({ skuId, minRemainingShelfLifeDays })),
    ctx.now,
  );
  // Plan each order against what the ones before it took; the unusual ones go alone afterwards.
  const later: WrittenOrder[] = [];
  const planned: Array<{ w: WrittenOrder; plan: Extract<PlanResult, { ok: true }> }> = [];
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
      kept.set(order.id, { to: 'exception', ...exceptionRecord(order, w.lines, plan, ctx) });
      continue;
    }
    if (plan.parcels.length > 1) {
      later.push(w);
      continue;
    }
    const [parcel] = plan.parcels;
    const free = stock.get(parcel.warehouseId);
    for (const l of parcel.lines) free?.set(l.skuId, (free.get(l.skuId) ?? 0) - l.qty);
    planned.push({ w, plan });
  }
  // Every planned order's stock in one statement, each order all or nothing.
  const reserved = await ordersDeps().reserveMany(
    trx,
    planned.map(({ w, plan }) => ({
      orderRef: w.order.number,
      lines: plan.parcels[0].lines.map((l) => ({
        skuId: l.skuId,
        qty: l.qty,
        warehouseId: plan.parcels[0].warehouseId,
        minRemainingShelfLifeDays: skus.get(l.skuId) ?? null,
      })),
      requestId: actorOf(w.order.id).requestId,
    })),
    ctx,
  );
  for (const [k, { w, plan }] of planned.entries()) {
    const got = reserved[k];
    if (got instanceof Error) {
      // Short: another transaction took the stock since it was read (nothing was written for it).
      if (!isAppError(got) || got.code !== 'inventory.insufficient_stock') throw got;
      later.push(w);
      continue;
    }
    const record = parcelRecord(
      w.order,
      w.order,
      false,
      plan,
      plan.parcels[0],
      got,
      reference.warehouses,
      settings,
      ctx,
    );
    kept.set(w.order.id, { to: 'allocated', ...record });
  }
  return { records: kept, later };
}

/** An order of the group that `allocateNew` left for later, allocated alone now that it is written. */
export function allocateLater(
  trx: Trx,
  w: WrittenOrder,
  ctx: StateContext,
  known: GroupKnown,
): Promise<AllocationOutcome> {
  const actor = known.actorOf?.(w.order.id) ?? ctx.actor;
  return allocateOrder(trx, w.order.id, { ...ctx, actor }, { ...known, written: w });
}
