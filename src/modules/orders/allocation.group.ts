import type { RawBuilder } from 'kysely';
import type { Actor } from '../../platform/auth/principal';
import type { Trx } from '../../platform/db';
import { isAppError } from '../../platform/lib/errors';
import { allocatableStock, transitDaysFor } from './allocation.inputs';
import { type Parcel, type PlanResult, planAllocation } from './allocation.plan';
import {
  allocationRows,
  exceptionRecord,
  type KnownOrder,
  mergeBySku,
  parcelRecord,
} from './allocation.service';
import type { NewHistory, NewOrderRow } from './order.repo';
import { distribute, renumber, splitHistory, splitNote, subOrderRow } from './order.split';
import type { StateContext } from './order.state';
import type { OrderLineRow, OrderRow } from './order.tables';
import { type LockedStock, ordersDeps } from './orders.deps';

/**
 * Allocation for orders taken in together (group intake), decided before the orders are written so
 * each is written once, already allocated: the free stock of every SKU they name read once, each
 * order planned in turn against what the ones before it took (`planNew`), and the stock of all of
 * them reserved through the inventory module in one call (`reservePlanned`, each order all or
 * nothing) — after the orders are written, so the group holds its balances only for its last
 * statements, or (`early`) before.
 *
 * A plan that splits the order (拆单) is carried out by the group too: the order keeps its first
 * parcel's lines, its other parcels become new parts written with it (`GroupPlan.splits`), and all
 * its parcels are reserved as one unit. Desks that release allocated orders at once go the way a
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
  /** For a split part the group creates: the order it is split from. */
  root?: string;
  /** For an allocated order: its audit entry and event, written once the order is. */
  audit?: ReturnType<typeof parcelRecord>['audit'];
  event?: ReturnType<typeof parcelRecord>['event'];
}

/** A split the group carries out: the order's own lines now, and its new parts, written with it. */
export interface GroupSplit {
  lines: OrderLineRow[];
  /** The order's `split` history entries, one per part. */
  history: NewHistory[];
  /** Each part allocated (its record under its id), with its lines and history. */
  parts: Array<{ row: NewOrderRow; lines: OrderLineRow[]; history: NewHistory[] }>;
}

/** One parcel to reserve: an order's whole (or its first parcel), or one of its new split parts. */
export interface PlannedParcel {
  w: WrittenOrder;
  plan: Extract<PlanResult, { ok: true }>;
  parcel: Parcel;
  target: Pick<OrderRow, 'id' | 'number'>;
}

/** The group's plan: each order's record (allocated ones still to be reserved), and the ones left for later. */
export interface GroupPlan {
  /** By order id: the orders' own, and the split parts' (`root` names their order). */
  records: Map<string, GroupRecord>;
  /** The parcels planned, to reserve (`reservePlanned`; an order's parcels one after another, as a unit). */
  planned: PlannedParcel[];
  /** By order id: the orders the plan splits. */
  splits: Map<string, GroupSplit>;
  /** Orders to allocate alone after the group (written validated): desks that release at once, orders short of stock. */
  later: WrittenOrder[];
  shelfLife: Map<string, number | null>;
}

export const emptyGroupPlan = (): GroupPlan => ({
  records: new Map(),
  planned: [],
  splits: new Map(),
  later: [],
  shelfLife: new Map(),
});

/** The order a record belongs to: its own id, or for a split part its root's. */
export const rootOf = (id: string, record: GroupRecord) => record.root ?? id;

/**
 * Plan the new orders against the free stock read now: each order's record (allocated, or in the
 * exception queue), the allocated ones' bins and lots left to `reservePlanned`.
 */
export async function planNew(
  trx: Trx,
  orders: WrittenOrder[],
  ctx: StateContext,
  known: GroupKnown,
  /** Free stock read ahead of the transaction (`allocatableStock`) for every SKU the orders name. */
  ahead?: Map<string, Map<string, number>>,
): Promise<GroupPlan> {
  const group = emptyGroupPlan();
  const { settings, reference } = known;
  if (settings.autoRelease || orders.length === 0) return { ...group, later: [...orders] };
  const merged = orders.map((w) => mergeBySku(w.lines));
  for (const lines of merged)
    for (const l of lines)
      group.shelfLife.set(l.skuId, known.skuFacts(l.skuId)?.minRemainingShelfLifeDays ?? null);
  // Free stock by warehouse and SKU, less what the orders before took (kept as the group goes on).
  const stock =
    ahead ??
    (await allocatableStock(
      trx,
      [...group.shelfLife].map(([skuId, minRemainingShelfLifeDays]) => ({
        skuId,
        minRemainingShelfLifeDays,
      })),
      ctx.now,
    ));
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
    for (const parcel of plan.parcels) {
      const free = stock.get(parcel.warehouseId);
      for (const l of parcel.lines) free?.set(l.skuId, (free.get(l.skuId) ?? 0) - l.qty);
    }
    const recordOf = (target: Pick<OrderRow, 'id' | 'number' | 'status'>, parcel: Parcel, isPart: boolean) =>
      parcelRecord(order, target, isPart, plan, parcel, [], reference.warehouses, settings, ctx);
    group.planned.push({ w, plan, parcel: plan.parcels[0], target: order });
    group.records.set(order.id, { to: 'allocated', ...recordOf(order, plan.parcels[0], false) });
    if (plan.parcels.length === 1) continue;
    // The split: the order keeps the first parcel's lines, each other parcel becomes a new part.
    const shares = distribute(
      w.lines,
      plan.parcels.map((p) => p.lines),
    );
    const n = plan.parcels.length;
    const split: GroupSplit = { lines: renumber(order.id, shares[0]), history: [], parts: [] };
    for (let i = 1; i < n; i++) {
      const part = subOrderRow(order, order.number, i + 1, shares[i], 'validated', ctx.now);
      const record = recordOf(part.row, plan.parcels[i], true);
      const [created, splitEntry] = splitHistory(order, part.row, shares[i], splitNote(i + 1, n));
      split.history.push(splitEntry);
      const { set, entry } = record.move;
      const { issues: _none, ...fields } = set;
      split.parts.push({
        row: { ...part.row, ...fields, status: 'allocated' },
        lines: part.lines,
        history: [
          created,
          {
            orderId: part.row.id,
            action: entry.action,
            from: 'validated',
            to: 'allocated',
            note: null,
            details: entry.details ?? null,
          },
        ],
      });
      group.planned.push({ w, plan, parcel: plan.parcels[i], target: part.row });
      group.records.set(part.row.id, { to: 'allocated', root: order.id, ...record });
    }
    group.splits.set(order.id, split);
  }
  return group;
}

/** The planned parcels as the inventory module reserves them, an order's parcels as one unit. */
function toReserve(group: GroupPlan, planned: PlannedParcel[], ctx: StateContext, known: GroupKnown) {
  return planned.map(({ w, parcel, target }) => ({
    orderRef: target.number,
    lines: parcel.lines.map((l) => ({
      skuId: l.skuId,
      qty: l.qty,
      warehouseId: parcel.warehouseId,
      minRemainingShelfLifeDays: group.shelfLife.get(l.skuId) ?? null,
    })),
    requestId: (known.actorOf?.(w.order.id) ?? ctx.actor).requestId,
    // A split order's parcels all or none.
    unit: group.splits.has(w.order.id) ? w.order.id : undefined,
  }));
}

/**
 * The statement locking the stock of every planned parcel, to run with the orders' insert: its rows
 * go back to `reservePlanned` (`locked`), which then reserves without a statement of its own.
 */
export function planLock(group: GroupPlan, ctx: StateContext, known: GroupKnown) {
  return ordersDeps().reservationLock(toReserve(group, group.planned, ctx, known), ctx);
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
  /** When given, the reservations' writes are added here for the caller's last statement. */
  writesTo?: RawBuilder<unknown>[],
  /** The stock rows locked already, with the orders' insert (`planLock`). */
  locked?: LockedStock,
): Promise<WrittenOrder[]> {
  const planned = ids ? group.planned.filter(({ w }) => ids.has(w.order.id)) : group.planned;
  const reserved = await ordersDeps().reserveMany(trx, toReserve(group, planned, ctx, known), ctx, {
    writesTo,
    locked,
  });
  const short: WrittenOrder[] = [];
  const gone = new Set<string>();
  for (const [k, { w, target }] of planned.entries()) {
    const got = reserved[k];
    if (got instanceof Error) {
      if (!isAppError(got) || got.code !== 'inventory.insufficient_stock') throw got;
      group.records.delete(target.id);
      if (!gone.has(w.order.id)) short.push(w);
      gone.add(w.order.id);
      continue;
    }
    const record = group.records.get(target.id)!;
    record.allocations = allocationRows(target.id, got);
    if (record.audit) record.audit = { ...record.audit, after: { ...record.audit.after, allocations: got } };
  }
  // Nothing was reserved for them: they are allocated afresh, alone, and their parts are not written.
  for (const id of gone) group.splits.delete(id);
  group.planned = group.planned.filter(({ w }) => !gone.has(w.order.id));
  return short;
}
