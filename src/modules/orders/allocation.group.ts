import type { Actor } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { isAppError } from '../../platform/lib/errors';
import { allocatableStock, transitDaysFor } from './allocation.inputs';
import { type PlanResult, planAllocation } from './allocation.plan';
import {
  type AllocationOutcome,
  allocateOrder,
  exceptionRecord,
  insertDecisions,
  type KnownOrder,
  mergeBySku,
  parcelRecord,
} from './allocation.service';
import { type StateContext, transitionMany } from './order.state';
import type { OrderLineRow, OrderRow } from './order.tables';
import { ordersDeps } from './orders.deps';

/**
 * Allocation for orders written together in the caller's transaction (group intake): the free stock
 * of every SKU they name read once, each order planned in turn against what the ones before it took,
 * the stock of all of them reserved through the inventory module in one statement (each order all
 * or nothing), and the allocations, decisions and status changes written with a few statements.
 *
 * Anything unusual goes the way a single order goes (`allocateOrder`, which reads afresh): a plan
 * that splits the order, no warehouse able to ship it, a reservation that comes up short because
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

/** What the group wrote for an order it allocated (or queued) itself: its answer needs no reading back. */
export interface GroupRecord {
  to: 'allocated' | 'exception';
  decision: ReturnType<typeof parcelRecord>['decision'];
  allocations: ReturnType<typeof parcelRecord>['allocations'];
  move: ReturnType<typeof parcelRecord>['move'] | ReturnType<typeof exceptionRecord>['move'];
}

export async function allocateWritten(
  trx: Trx,
  written: WrittenOrder[],
  ctx: StateContext,
  known: GroupKnown,
): Promise<{ outcomes: Map<string, AllocationOutcome>; records: Map<string, GroupRecord> }> {
  const out = new Map<string, AllocationOutcome>();
  const kept = new Map<string, GroupRecord>();
  const actorOf = (id: string) => known.actorOf?.(id) ?? ctx.actor;
  const alone = async (w: WrittenOrder) =>
    out.set(
      w.order.id,
      await allocateOrder(trx, w.order.id, { ...ctx, actor: actorOf(w.order.id) }, { ...known, written: w }),
    );
  const { settings, reference } = known;
  if (settings.autoRelease || written.length === 0) {
    for (const w of written) await alone(w);
    return { outcomes: out, records: kept };
  }
  const merged = written.map((w) => mergeBySku(w.lines));
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
  const failed: Array<ReturnType<typeof exceptionRecord>> = [];
  const planned: Array<{ w: WrittenOrder; plan: Extract<PlanResult, { ok: true }> }> = [];
  for (const [k, w] of written.entries()) {
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
      const record = exceptionRecord(order, w.lines, plan, ctx);
      failed.push(record);
      kept.set(order.id, { to: 'exception', ...record });
      out.set(order.id, { status: 'exception', decision: plan.code, parts: [] });
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
  const records: Array<ReturnType<typeof parcelRecord>> = [];
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
    records.push(record);
    kept.set(w.order.id, { to: 'allocated', ...record });
    out.set(w.order.id, { status: 'allocated', decision: plan.code, parts: [record.part] });
  }
  await insertDecisions(trx, [...records, ...failed]);
  await transitionMany(
    trx,
    'allocated',
    ctx,
    records.map((r) => r.move),
  );
  await transitionMany(
    trx,
    'exception',
    ctx,
    failed.map((r) => r.move),
  );
  for (const r of records) {
    known.auditTo.push(r.audit);
    known.eventsTo.push(r.event);
  }
  for (const w of later) await alone(w);
  return { outcomes: out, records: kept };
}
