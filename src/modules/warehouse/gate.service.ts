import { recordAudit } from '../../platform/audit/audit';
import type { Db, Trx } from '../../platform/db';
import { nextDocNumber } from '../../platform/lib/doc-number';
import { AppError, type FieldIssue, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { type GateReason, gateReasons } from './gate.rules';
import { outboundDeps } from './outbound.deps';
import { OutboundWrongScan } from './outbound.scan';
import { lockOutbound, OUTBOUND_ENTITY } from './outbound.service';
import { settleWave } from './outbound.settle';
import { transitionOutbound } from './outbound.state';
import { type OutboundRow, obDb } from './outbound.tables';
import type { WhContext } from './warehouse.access';
import { seesWarehouse } from './wave.service';
import { carrierName } from './waybill.carriers';

/** The facts the gate rules weigh for one outbound document (its parcels, and the order's state). */
async function factsOf(db: Db | Trx, doc: OutboundRow) {
  const [packages, order] = await Promise.all([
    obDb(db)
      .selectFrom('warehouse.package')
      .selectAll()
      .where('outbound_id', '=', doc.id)
      .orderBy('seq')
      .execute(),
    outboundDeps().orderFacts(db, doc.order_id),
  ]);
  return {
    packages,
    order,
    facts: {
      number: doc.number,
      orderNumber: doc.order_number,
      status: doc.status,
      carrier: doc.carrier,
      creditApproved: !!doc.credit_approved_at,
      parcels: packages.map((p) => ({
        seq: p.seq,
        sealed: p.status === 'sealed',
        gateChecked: !!p.gate_checked_at,
        waybillNo: p.waybill_no,
      })),
      order: order ? { status: order.status, paymentStatus: order.paymentStatus } : null,
    },
  };
}

/** May this document leave now? The reasons it may not, each with its message code. */
export async function gateCheck(db: Db, doc: OutboundRow, carrier?: string | null) {
  const { facts, packages, order } = await factsOf(db, doc);
  const reasons = gateReasons(facts, carrier);
  return {
    ready: reasons.length === 0,
    reasons,
    paymentStatus: order?.paymentStatus ?? null,
    parcels: packages.map((p) => ({
      seq: p.seq,
      waybillNo: p.waybill_no,
      sealed: p.status === 'sealed',
      gateCheckedAt: p.gate_checked_at?.toISOString() ?? null,
      gateCheckedByName: p.gate_checked_by_name,
    })),
  };
}

/**
 * Scan a parcel at the gate (门岗核对): its waybill must be a sealed parcel of this warehouse whose
 * order is packed and not yet out. An unknown or not-ready parcel is refused and counted.
 */
export async function gateScan(trx: Trx, input: { warehouseId: string; waybillNo: string }, ctx: WhContext) {
  if (!seesWarehouse(ctx.principal, input.warehouseId)) throw notFound('warehouse', input.warehouseId);
  const scanned = input.waybillNo.trim().toUpperCase();
  const pkg = await obDb(trx)
    .selectFrom('warehouse.package as p')
    .innerJoin('warehouse.outbound as o', 'o.id', 'p.outbound_id')
    .select([
      'p.id',
      'p.seq',
      'p.status',
      'p.gate_checked_at',
      'o.id as outbound_id',
      'o.status as outbound_status',
      'o.number',
    ])
    .where('p.waybill_no', '=', scanned)
    .where('o.warehouse_id', '=', input.warehouseId)
    .forUpdate()
    .executeTakeFirst();
  const ref = {
    warehouseId: input.warehouseId,
    stage: 'gate' as const,
    kind: 'parcel' as const,
    scanned,
    expected: null,
  };
  if (!pkg) throw new OutboundWrongScan('warehouse.gate_unknown_parcel', { scanned }, ref);
  if (pkg.outbound_status !== 'packed')
    throw new OutboundWrongScan(
      'warehouse.gate_parcel_not_ready',
      { waybill: scanned, number: pkg.number, status: pkg.outbound_status },
      { ...ref, outboundId: pkg.outbound_id, packageId: pkg.id },
    );
  if (!pkg.gate_checked_at) {
    await obDb(trx)
      .updateTable('warehouse.package')
      .set({ gate_checked_at: ctx.now, gate_checked_by_name: ctx.actor.name })
      .where('id', '=', pkg.id)
      .execute();
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: 'gate_check',
        entity: OUTBOUND_ENTITY,
        entityId: pkg.outbound_id,
        summary: `outbound ${pkg.number} parcel ${pkg.seq} (${scanned}) checked at the gate`,
      },
      ctx.now,
    );
  }
  return { outboundId: pkg.outbound_id, parcel: pkg.seq, alreadyChecked: !!pkg.gate_checked_at };
}

const issueOf = (index: number, r: GateReason): FieldIssue => ({
  field: `outboundIds.${index}`,
  code: r.code,
  message: `warehouse.gate_${r.code}`,
  params: r.params,
});

export interface GatePassInput {
  warehouseId: string;
  outboundIds: string[];
  vehiclePlate: string;
  /** The carrier collecting the parcels; every document must be theirs. */
  carrier: string;
  driverName?: string | null;
  note?: string | null;
}

/**
 * Release shipments through the gate with a gate pass (出门证): all or nothing — if any document is
 * not ready the pass is refused with every reason (the first in the message, all in `issues`).
 * Recorded: who, when, vehicle, carrier, parcels. Each order is then shipped by the order desk,
 * which posts the ship movement taking the picked goods off the books.
 */
export async function releaseShipments(trx: Trx, input: GatePassInput, ctx: WhContext) {
  if (!seesWarehouse(ctx.principal, input.warehouseId)) throw notFound('warehouse', input.warehouseId);
  const ids = [...new Set(input.outboundIds)];
  const docs: OutboundRow[] = [];
  for (const id of [...ids].sort()) {
    const doc = await lockOutbound(trx, ctx.principal, id);
    if (doc.warehouse_id !== input.warehouseId) throw notFound('outbound', id);
    docs.push(doc);
  }
  const checked = await Promise.all(
    ids.map(async (id) => ({ id, ...(await factsOf(trx, docs.find((d) => d.id === id)!)) })),
  );
  const issues: FieldIssue[] = [];
  let first: GateReason | null = null;
  checked.forEach((c, i) => {
    for (const r of gateReasons(c.facts, input.carrier)) {
      first ??= r;
      issues.push(issueOf(i, r));
    }
  });
  if (first) {
    const r = first as GateReason;
    throw new AppError('conflict', `warehouse.gate_${r.code}`, r.params, issues);
  }
  const passId = newId();
  const number = await nextDocNumber(trx, 'GP', ctx.now, outboundDeps().timeZone);
  const parcels = checked.reduce((s, c) => s + c.packages.length, 0);
  await obDb(trx)
    .insertInto('warehouse.gate_pass')
    .values({
      id: passId,
      number,
      warehouse_id: input.warehouseId,
      carrier: input.carrier,
      vehicle_plate: input.vehiclePlate,
      driver_name: input.driverName ?? null,
      note: input.note ?? null,
      parcels,
      actor_id: ctx.actor.id,
      actor_name: ctx.actor.name,
      at: ctx.now,
    })
    .execute();
  for (const c of checked) {
    const doc = docs.find((d) => d.id === c.id)!;
    const waybills = c.packages.map((p) => p.waybill_no!);
    await obDb(trx)
      .insertInto('warehouse.gate_pass_line')
      .values({
        gate_pass_id: passId,
        outbound_id: doc.id,
        order_number: doc.order_number,
        waybills: JSON.stringify(waybills),
      })
      .execute();
    await transitionOutbound(trx, doc, 'shipped', ctx.now, { shipped_at: ctx.now, gate_pass_id: passId });
    await outboundDeps().markShipped(trx, doc.order_id, ctx, {
      carrier: carrierName(doc.carrier),
      waybillNo: waybills[0],
    });
    await settleWave(trx, doc.wave_id, ctx);
  }
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'create',
      entity: 'warehouse.gate_pass',
      entityId: passId,
      summary: `gate pass ${number}: ${docs.length} order(s), ${parcels} parcel(s), ${input.carrier} ${input.vehiclePlate}`,
      after: {
        outbounds: docs.map((d) => d.number),
        vehiclePlate: input.vehiclePlate,
        driverName: input.driverName ?? null,
      },
    },
    ctx.now,
  );
  return { id: passId, number, parcels };
}

/**
 * Credit approval (授信放行) of an unpaid order by a manager: the goods may leave before payment.
 * Paid and cash-on-delivery orders need none.
 */
export async function approveCredit(
  trx: Trx,
  outboundId: string,
  note: string,
  ctx: WhContext,
): Promise<void> {
  const doc = await lockOutbound(trx, ctx.principal, outboundId);
  const order = await outboundDeps().orderFacts(trx, doc.order_id);
  if (order?.paymentStatus !== 'unpaid')
    throw new AppError('conflict', 'warehouse.credit_not_needed', {
      number: doc.number,
      payment: order?.paymentStatus ?? '-',
    });
  if (doc.status === 'shipped' || doc.status === 'cancelled')
    throw new AppError('conflict', 'warehouse.outbound_illegal_transition', {
      number: doc.number,
      from: doc.status,
      to: doc.status,
    });
  await obDb(trx)
    .updateTable('warehouse.outbound')
    .set({
      credit_approved_at: ctx.now,
      credit_approved_by_name: ctx.actor.name,
      credit_note: note,
      updated_at: ctx.now,
    })
    .where('id', '=', doc.id)
    .execute();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'credit_approve',
      entity: OUTBOUND_ENTITY,
      entityId: doc.id,
      summary: `outbound ${doc.number} (order ${doc.order_number}) credit-approved: ${note}`,
      merchantId: doc.merchant_id,
    },
    ctx.now,
  );
}
