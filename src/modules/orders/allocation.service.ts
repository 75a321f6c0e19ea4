import { type RawBuilder, sql } from 'kysely';
import { type AuditEntry, recordAudit, recordAudits } from '../../platform/audit/audit';
import type { Trx } from '../../platform/db';
import { type PendingEvent, publish } from '../../platform/events';
import { AppError, isAppError } from '../../platform/lib/errors';
import {
  type AllocationReference,
  activeWarehouses,
  allocatableStock,
  type KnownWarehouse,
  transitDaysFor,
} from './allocation.inputs';
import { type Parcel, type PlanLine, type PlanResult, planAllocation } from './allocation.plan';
import { ORDER_ENTITY } from './order.intake';
import { releaseToWarehouse } from './order.release';
import { getOrderRow, linesOf } from './order.repo';
import { createSubOrder, distribute, type PartLine, replaceLines, splitNote } from './order.split';
import { assertTransition, type Move, type StateContext, transition } from './order.state';
import type { OrderLineRow, OrderRow, StoredIssue } from './order.tables';
import { yuan } from './order.validate';
import { ordersDeps, timeZoneOf } from './orders.deps';
import { getSettings, type OrdersSettings } from './orders.settings';
import { promisedDate } from './shipping.rates';

/**
 * Allocation (订单分配): plan warehouses for a validated order, reserve the stock through the
 * inventory module (FEFO lots chosen there) in the caller's transaction, split the order when the
 * plan says so, and record why — every candidate warehouse with its cost, distance and promise.
 * Stock can move between the plan and the reservation (another order, another process): the plan
 * is then made again with fresh numbers; if it still cannot be reserved the order goes to the
 * exception queue as out of stock.
 */
export interface AllocationOutcome {
  status: 'allocated' | 'exception';
  decision: string;
  parts: Array<{ id: string; number: string; warehouseId: string; promisedDate: string }>;
}

const ATTEMPTS = 2;

/**
 * What a caller already holds for an order it has just written in this same transaction (intake):
 * the row and lines as written (no other transaction can see or lock them yet, so they are not read
 * back), the desk settings of this request, and the SKU facts it looked up.
 */
export interface KnownOrder {
  /** Only for an order written in the caller's transaction; anything committed is read and locked again. */
  written?: { order: OrderRow; lines: OrderLineRow[] };
  settings?: OrdersSettings;
  skuFacts?: (skuId: string) => { minRemainingShelfLifeDays: number | null } | undefined;
  /** When given, the audit entries are added here for the caller to write with its own (one statement). */
  auditTo?: AuditEntry[];
  /** When given (with `auditTo`), the events are added here for the caller to write with its audit entries. */
  eventsTo?: PendingEvent[];
  /** Warehouses and service levels read before the transaction (`allocationReference`). */
  reference?: AllocationReference;
}

export async function allocateOrder(
  trx: Trx,
  orderId: string,
  ctx: StateContext,
  known?: KnownOrder,
): Promise<AllocationOutcome> {
  const written = known?.written?.order.id === orderId ? known.written : null;
  const order = written?.order ?? (await getOrderRow(trx, orderId, true));
  assertTransition(order, 'allocated');
  const lines = written?.lines ?? (await linesOf(trx, orderId));
  if (lines.some((l) => !l.sku_id || l.qty <= 0))
    throw new AppError('conflict', 'orders.not_allocatable', { number: order.number });
  const settings = known?.settings ?? (await getSettings(trx));
  const reference = known?.reference;
  const warehouses = reference?.warehouses ?? (await activeWarehouses(trx));
  const merged = mergeBySku(lines);
  const skus = await Promise.all(
    merged.map(async (l) => ({
      skuId: l.skuId,
      minRemainingShelfLifeDays: (
        known?.skuFacts?.(l.skuId) ?? (await ordersDeps().getSku(trx, l.skuId, null))
      ).minRemainingShelfLifeDays,
    })),
  );
  const transitDays = await transitDaysFor(trx, order.province_code, order.service_type, reference);
  for (let attempt = 1; ; attempt++) {
    const plan = planAllocation({
      lines: merged,
      warehouses,
      stock: await allocatableStock(trx, skus, ctx.now),
      destination: { provinceCode: order.province_code, cityCode: order.city_code },
      serviceType: order.service_type,
      transitDays,
      splitMinSavingFen: settings.splitMinSavingFen,
    });
    if (!plan.ok) return toException(trx, order, lines, plan, ctx);
    // A reservation that comes up short writes nothing (the parcels are reserved all or none), so
    // one parcel needs no savepoint; with several, the split parts created for them are undone by
    // rolling back to it.
    const guarded = plan.parcels.length > 1;
    if (guarded) await sql`savepoint orders_allocate`.execute(trx);
    let reserved: Reserved[];
    try {
      reserved = await reserveParcels(trx, order, lines, plan.parcels, ctx, skus);
    } catch (error) {
      if (!isAppError(error) || error.code !== 'inventory.insufficient_stock') throw error;
      if (guarded) await sql`rollback to savepoint orders_allocate`.execute(trx);
      if (attempt >= ATTEMPTS) {
        const short: PlanResult = { ok: false, code: 'out_of_stock', short: [], candidates: plan.candidates };
        return toException(trx, order, lines, short, ctx, error.params);
      }
      continue;
    }
    if (guarded) await sql`release savepoint orders_allocate`.execute(trx);
    return persist(trx, order, plan, reserved, warehouses, settings, ctx, known);
  }
}

export function mergeBySku(lines: OrderLineRow[]) {
  const bySku = new Map<string, PlanLine>();
  for (const l of lines) {
    const prev = bySku.get(l.sku_id!);
    bySku.set(l.sku_id!, {
      skuId: l.sku_id!,
      qty: (prev?.qty ?? 0) + l.qty,
      unitWeightG: l.unit_weight_g ?? 0,
      storageClass: l.storage_class as PlanLine['storageClass'],
    });
  }
  return [...bySku.values()];
}

interface Reserved {
  parcel: Parcel;
  parts: PartLine[];
  /** The order this parcel belongs to: the original for the first, new parts for the others. */
  order: OrderRow | null;
  allocations: Awaited<ReturnType<ReturnType<typeof ordersDeps>['reserve']>>;
}

/**
 * Reserve every parcel (the first for the order itself, the others for new split parts) in one call,
 * all or none: the parcels' balances are locked in one statement, in the order every writer locks
 * them in, so a split order never holds one warehouse's stock while waiting for another's.
 */
async function reserveParcels(
  trx: Trx,
  order: OrderRow,
  lines: OrderLineRow[],
  parcels: Parcel[],
  ctx: StateContext,
  skus: Array<{ skuId: string; minRemainingShelfLifeDays: number | null }>,
): Promise<Reserved[]> {
  const shares = distribute(
    lines,
    parcels.map((p) => p.lines),
  );
  const parts: Array<OrderRow | null> = [null];
  for (let i = 1; i < parcels.length; i++)
    parts.push(
      await createSubOrder(trx, order, shares[i], 'validated', ctx, splitNote(i + 1, parcels.length)),
    );
  const shelfLife = new Map(skus.map((s) => [s.skuId, s.minRemainingShelfLifeDays]));
  const got = await ordersDeps().reserveMany(
    trx,
    parcels.map((parcel, i) => ({
      orderRef: parts[i]?.number ?? order.number,
      lines: parcel.lines.map((l) => ({
        ...l,
        warehouseId: parcel.warehouseId,
        minRemainingShelfLifeDays: shelfLife.get(l.skuId) ?? null,
      })),
    })),
    ctx,
    { together: true },
  );
  return parcels.map((parcel, i) => {
    const allocations = got[i];
    // `together`: a shortage is thrown, never answered in place.
    if (allocations instanceof Error) throw allocations;
    return { parcel, parts: shares[i], order: parts[i], allocations };
  });
}

/** Everything one reserved parcel writes: its bins and lots, why, the status change, audit and event. */
export function parcelRecord(
  order: OrderRow,
  target: Pick<OrderRow, 'id' | 'number' | 'status'>,
  isPart: boolean,
  plan: Extract<PlanResult, { ok: true }>,
  parcel: Parcel,
  reserved: Reserved['allocations'],
  warehouses: KnownWarehouse[],
  settings: OrdersSettings,
  ctx: StateContext,
) {
  const codeOf = (id: string) => warehouses.find((w) => w.id === id)?.code ?? id;
  const params = decisionParams(plan, codeOf);
  const promise = promisedDate(ctx.now, parcel.transitDays, {
    cutoffHour: settings.cutoffHour,
    timeZone: timeZoneOf(),
  });
  const part = {
    id: target.id,
    number: target.number,
    warehouseId: parcel.warehouseId,
    promisedDate: promise.promised,
  };
  return {
    decision: {
      order_id: target.id,
      at: ctx.now,
      kind: 'allocation',
      code: isPart ? 'split_part' : plan.code,
      params: JSON.stringify(isPart ? { ...params, from: order.number } : params) as never,
      candidates: JSON.stringify(plan.candidates) as never,
    },
    allocations: allocationRows(target.id, reserved),
    move: {
      order: target,
      entry: {
        action: 'allocate',
        details: {
          warehouse: codeOf(parcel.warehouseId),
          decision: plan.code,
          promisedDate: promise.promised,
        },
      },
      set: {
        warehouse_id: parcel.warehouseId,
        shipping_cost_fen: parcel.costFen,
        promised_date: promise.promised,
        reason_codes: [] as string[],
        issues: [] as unknown[],
      },
    } satisfies Move,
    audit: {
      action: 'allocate',
      entity: ORDER_ENTITY,
      entityId: target.id,
      summary: `${target.number} → ${codeOf(parcel.warehouseId)} (${plan.code})`,
      after: { warehouseId: parcel.warehouseId, allocations: reserved },
      merchantId: order.merchant_id,
    } satisfies AuditEntry,
    event: {
      topic: 'orders.order_allocated',
      payload: {
        orderId: target.id,
        number: target.number,
        warehouseId: parcel.warehouseId,
        promisedDate: promise.promised,
      },
    } satisfies PendingEvent,
    part,
  };
}

/** The bins and lots reserved for an order, as its allocation rows. */
export function allocationRows(orderId: string, reserved: Reserved['allocations']) {
  return reserved.map((a) => ({
    order_id: orderId,
    sku_id: a.skuId,
    warehouse_id: a.warehouseId,
    bin_id: a.binId,
    bin_code: a.binCode,
    lot_id: a.lotId,
    lot_code: a.lotCode,
    expiry_date: a.expiryDate,
    qty: a.qty,
    picked_qty: 0,
  }));
}

type DecisionRecord = {
  decision: ReturnType<typeof parcelRecord>['decision'];
  allocations: ReturnType<typeof parcelRecord>['allocations'];
};

/**
 * The writes of the bins and lots reserved and of the decisions, for one order or many, as
 * `insert … select` statements over one JSON document each (the same text for any number of rows),
 * for the caller to run with its own (`recordAudits`' `also`) or alone (`insertDecisions`).
 */
export function decisionWrites(records: DecisionRecord[]): RawBuilder<unknown>[] {
  if (!records.length) return [];
  const allocations = records.flatMap((r) => r.allocations);
  const decisions = records.map((r) => r.decision);
  return [
    sql`insert into orders.allocation (order_id, sku_id, warehouse_id, bin_id, bin_code, lot_id, lot_code,
        expiry_date, qty, picked_qty)
      select a.order_id, a.sku_id, a.warehouse_id, a.bin_id, a.bin_code, a.lot_id, a.lot_code, a.expiry_date,
        a.qty, a.picked_qty
        from json_to_recordset(${JSON.stringify(allocations)}::json)
          as a(order_id uuid, sku_id uuid, warehouse_id uuid, bin_id uuid, bin_code text, lot_id uuid,
            lot_code text, expiry_date date, qty int, picked_qty int)`,
    sql`insert into orders.decision (order_id, at, kind, code, params, candidates)
      select d.order_id, d.at, d.kind, d.code, d.params::jsonb, d.candidates::jsonb
        from json_to_recordset(${JSON.stringify(decisions)}::json)
          as d(order_id uuid, at timestamptz, kind text, code text, params text, candidates text)`,
  ];
}

/** The bins and lots reserved and the decisions, for one order or many: one statement. */
export async function insertDecisions(trx: Trx, records: DecisionRecord[]): Promise<void> {
  const [allocations, decisions] = decisionWrites(records);
  if (decisions) await sql`with reserved as (${allocations}) ${decisions}`.execute(trx);
}

async function persist(
  trx: Trx,
  order: OrderRow,
  plan: Extract<PlanResult, { ok: true }>,
  reserved: Reserved[],
  warehouses: KnownWarehouse[],
  settings: OrdersSettings,
  ctx: StateContext,
  known: KnownOrder | undefined,
): Promise<AllocationOutcome> {
  const auditTo = known?.auditTo;
  const eventsTo = auditTo && known?.eventsTo;
  if (reserved.length > 1) await replaceLines(trx, order, reserved[0].parts, ctx.now);
  const outcome: AllocationOutcome = { status: 'allocated', decision: plan.code, parts: [] };
  for (const r of reserved) {
    const target = r.order ?? order;
    const record = parcelRecord(
      order,
      target,
      r.order !== null,
      plan,
      r.parcel,
      r.allocations,
      warehouses,
      settings,
      ctx,
    );
    await insertDecisions(trx, [record]);
    const { set, entry } = record.move;
    await transition(trx, target, 'allocated', ctx, entry, {
      ...set,
      issues: JSON.stringify(set.issues) as never,
    });
    if (auditTo) auditTo.push(record.audit);
    else await recordAudit(trx, ctx.actor, record.audit, ctx.now);
    if (eventsTo) eventsTo.push(record.event);
    else await publish(trx, record.event.topic, record.event.payload, ctx.now);
    outcome.parts.push(record.part);
  }
  if (settings.autoRelease) {
    // The release writes its own audit entry: the ones held back go first.
    if (auditTo?.length || eventsTo?.length)
      await recordAudits(trx, ctx.actor, auditTo?.splice(0) ?? [], ctx.now, eventsTo?.splice(0));
    for (const p of outcome.parts) await releaseToWarehouse(trx, p.id, ctx);
  }
  return outcome;
}

function decisionParams(plan: Extract<PlanResult, { ok: true }>, codeOf: (id: string) => string) {
  const first = plan.parcels[0];
  const total = plan.parcels.reduce((s, p) => s + p.costFen, 0);
  const alternatives = plan.candidates.filter((c) => !c.rejected && !c.chosen).length;
  return {
    warehouse: codeOf(first.warehouseId),
    cost: yuan(first.costFen),
    zone: first.zone,
    km: first.distanceKm ?? '-',
    days: first.transitDays,
    alternatives,
    count: plan.parcels.length,
    parts: plan.parcels
      .map((p) => `${codeOf(p.warehouseId)}×${p.lines.reduce((s, l) => s + l.qty, 0)}`)
      .join(' + '),
    total: yuan(total),
    single: plan.singleCostFen === null ? '-' : yuan(plan.singleCostFen),
    saving: plan.singleCostFen === null ? '-' : yuan(plan.singleCostFen - total),
  };
}

/** No warehouse can ship it: the order waits in the exception queue, with the reason and the numbers. */
async function toException(
  trx: Trx,
  order: OrderRow,
  lines: OrderLineRow[],
  plan: Extract<PlanResult, { ok: false }>,
  ctx: StateContext,
  raced?: Record<string, unknown>,
): Promise<AllocationOutcome> {
  const record = exceptionRecord(order, lines, plan, ctx, raced);
  await insertDecisions(trx, [record]);
  const { entry, set } = record.move;
  await transition(trx, order, 'exception', ctx, entry, {
    reason_codes: set.reason_codes,
    issues: JSON.stringify(set.issues) as never,
  });
  return { status: 'exception', decision: plan.code, parts: [] };
}

/** What an order no warehouse can ship writes: the decision and the move to the exception queue. */
export function exceptionRecord(
  order: OrderRow,
  lines: OrderLineRow[],
  plan: Extract<PlanResult, { ok: false }>,
  ctx: StateContext,
  raced?: Record<string, unknown>,
) {
  const codeOfSku = (id: string) => lines.find((l) => l.sku_id === id)?.sku_code ?? id;
  const items = plan.short.map((s) => `${codeOfSku(s.skuId)} (${s.wanted}/${s.available})`).join(', ');
  const params: Record<string, string | number> =
    plan.code === 'out_of_stock'
      ? { items: items || (raced ? codeOfSku(String(raced.skuId ?? '')) : '-') }
      : {};
  const issue: StoredIssue = { code: plan.code, params };
  const issues = [
    ...(Array.isArray(order.issues) ? order.issues : []).filter((i) => i.code !== plan.code),
    issue,
  ];
  return {
    decision: {
      order_id: order.id,
      at: ctx.now,
      kind: 'allocation',
      code: plan.code,
      params: JSON.stringify(params) as never,
      candidates: JSON.stringify(plan.candidates) as never,
    },
    allocations: [],
    move: {
      order,
      entry: { action: 'allocate', details: { reasons: [plan.code], ...params } },
      set: { reason_codes: [...new Set(issues.map((i) => i.code))], issues: issues as unknown[] },
    } satisfies Move,
  };
}
