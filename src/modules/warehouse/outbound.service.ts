import { recordAudit } from '../../platform/audit/audit';
import type { Principal } from '../../platform/auth/principal';
import type { Db, Trx } from '../../platform/db';
import { nextDocNumber } from '../../platform/lib/doc-number';
import { notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { binsByIds, listWarehouses } from '../inventory';
import { type OrderFacts, outboundDeps } from './outbound.deps';
import { settleOutboundPicking, settleTasks, settleWave } from './outbound.settle';
import { transitionOutbound } from './outbound.state';
import {
  type OutboundLineRow,
  type OutboundRow,
  obDb,
  type ServiceType,
  type TemperatureClass,
} from './outbound.tables';
import { generatePickLists } from './pick.generate';
import { canSeeDoc, type WhContext } from './warehouse.access';
import { type WarehouseSku, warehouseDeps } from './warehouse.deps';
import { DEFAULT_CUTOFFS, nextCutoff } from './waybill.carriers';

export const OUTBOUND_ENTITY = 'warehouse.outbound';

/** The part of the order desk's `orders.order_released` event the warehouse reads. */
export interface ReleasedPayload {
  orderId: string;
  number: string;
  merchantId: string;
  warehouseId: string;
  serviceType: string;
}

/** Order statuses in which the warehouse still works on the order. */
const IN_WAREHOUSE = new Set(['released', 'picking', 'packed']);

/** The coldest goods decide: frozen, then chilled, else ambient. */
export function temperatureOf(
  skus: Iterable<Pick<WarehouseSku, 'storageClass'> | undefined>,
): TemperatureClass {
  let t: TemperatureClass = 'ambient';
  for (const s of skus) {
    if (s?.storageClass === 'frozen') return 'frozen';
    if (s?.storageClass === 'chilled') t = 'chilled';
  }
  return t;
}

/** Carrier and cut-off of a service in a warehouse: its own table row, else the default. */
export async function carrierFor(db: Db | Trx, warehouseId: string, serviceType: string, now: Date) {
  const row = await obDb(db)
    .selectFrom('warehouse.carrier_cutoff')
    .select(['carrier', 'cutoff_local'])
    .where('warehouse_id', '=', warehouseId)
    .where('service_type', '=', serviceType)
    .executeTakeFirst();
  const fallback = DEFAULT_CUTOFFS[serviceType as ServiceType] ?? DEFAULT_CUTOFFS.standard;
  const carrier = row?.carrier ?? fallback.carrier;
  const cutoffLocal = row?.cutoff_local ?? fallback.cutoffLocal;
  return { carrier, cutoffLocal, cutoffAt: nextCutoff(now, cutoffLocal, outboundDeps().timeZone) };
}

type Alloc = OrderFacts['allocations'][number];
const keyOf = (a: {
  skuId?: string;
  sku_id?: string;
  binId?: string;
  bin_id?: string;
  lotId?: string | null;
  lot_id?: string | null;
}) => `${a.skuId ?? a.sku_id}|${a.binId ?? a.bin_id}|${(a.lotId ?? a.lot_id) || '-'}`;

/** New outbound lines for open allocations (zone from the bin, code from the SKU). */
async function insertLines(
  trx: Trx,
  outboundId: string,
  allocations: Array<Alloc & { open: number }>,
  skus: Map<string, WarehouseSku>,
): Promise<OutboundLineRow[]> {
  if (!allocations.length) return [];
  const bins = await binsByIds(
    trx,
    allocations.map((a) => a.binId),
  );
  const rows: OutboundLineRow[] = allocations.map((a) => ({
    id: newId(),
    outbound_id: outboundId,
    sku_id: a.skuId,
    sku_code: skus.get(a.skuId)?.code ?? a.skuId,
    bin_id: a.binId,
    bin_code: a.binCode,
    zone_id: bins.get(a.binId)?.zone_id ?? null,
    lot_id: a.lotId,
    lot_code: a.lotCode,
    qty: a.open,
    picked_qty: 0,
    short_qty: 0,
    pick_task_id: null,
  }));
  await obDb(trx).insertInto('warehouse.outbound_line').values(rows).execute();
  return rows;
}

/** Zone codes of the lines, sorted and joined by `+` (the wave grouping key). */
async function zoneKeyOf(db: Db | Trx, warehouseId: string, zoneIds: Array<string | null>): Promise<string> {
  const w = (await listWarehouses(db as Db, null)).find((x) => x.id === warehouseId);
  const codes = [...new Set(zoneIds.map((z) => w?.zones.find((x) => x.id === z)?.code ?? '-'))].sort();
  return codes.join('+') || '-';
}

/**
 * The outbound document (出库单) of a released order: its lines are the order's open allocations —
 * exactly the bins and lots reserved — with carrier and cut-off from the warehouse's table and the
 * temperature class of the goods. Idempotent: the event id is unique, and an order has one live
 * document; an order no longer waiting in the warehouse (already picked elsewhere, cancelled,
 * allocated afresh) gets none. Returns the new document's id, or null.
 */
export async function createOutboundFromRelease(
  trx: Trx,
  eventId: string,
  payload: ReleasedPayload,
  ctx: WhContext,
): Promise<string | null> {
  const db = obDb(trx);
  const seen = await db
    .selectFrom('warehouse.outbound')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('source_event_id', '=', eventId),
        eb.and([eb('order_id', '=', payload.orderId), eb('status', '<>', 'cancelled')]),
      ]),
    )
    .executeTakeFirst();
  if (seen) return null;
  const facts = await outboundDeps().orderFacts(trx, payload.orderId);
  if (facts?.status !== 'released' || facts.warehouseId !== payload.warehouseId) return null;
  const open = facts.allocations
    .filter((a) => a.warehouseId === facts.warehouseId)
    .map((a) => ({ ...a, open: a.qty - a.pickedQty }))
    .filter((a) => a.open > 0);
  if (!open.length) return null;
  const skus = await warehouseDeps().skusByIds(
    trx,
    open.map((a) => a.skuId),
  );
  const { carrier, cutoffAt } = await carrierFor(trx, facts.warehouseId, facts.serviceType, ctx.now);
  const id = newId();
  const number = await nextDocNumber(trx, 'OB', ctx.now, outboundDeps().timeZone);
  const row: OutboundRow = {
    id,
    number,
    order_id: facts.id,
    order_number: facts.number,
    merchant_id: facts.merchantId,
    warehouse_id: facts.warehouseId,
    source_event_id: eventId,
    status: 'open',
    service_type: facts.serviceType,
    carrier,
    cutoff_at: cutoffAt,
    temperature_class: temperatureOf(open.map((a) => skus.get(a.skuId))),
    zone_key: '-',
    wave_id: null,
    promised_date: facts.promisedDate,
    credit_approved_at: null,
    credit_approved_by_name: null,
    credit_note: null,
    packed_at: null,
    shipped_at: null,
    gate_pass_id: null,
    cancelled_at: null,
    cancel_reason: null,
    created_at: ctx.now,
    updated_at: ctx.now,
  };
  await db.insertInto('warehouse.outbound').values(row).execute();
  const lines = await insertLines(trx, id, open, skus);
  const zoneKey = await zoneKeyOf(
    trx,
    facts.warehouseId,
    lines.map((l) => l.zone_id),
  );
  await db.updateTable('warehouse.outbound').set({ zone_key: zoneKey }).where('id', '=', id).execute();
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'create',
      entity: OUTBOUND_ENTITY,
      entityId: id,
      summary: `outbound ${number} for order ${facts.number}: ${lines.length} line(s), ${carrier}, cut-off ${cutoffAt.toISOString()}`,
      after: { orderId: facts.id, carrier, temperatureClass: row.temperature_class, zoneKey },
      merchantId: facts.merchantId,
    },
    ctx.now,
  );
  return id;
}

/** The outbound document, locked, if the caller may see it (else "not found"). */
export async function lockOutbound(trx: Trx, principal: Principal | null, id: string): Promise<OutboundRow> {
  const doc = await obDb(trx)
    .selectFrom('warehouse.outbound')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!doc || !canSeeDoc(principal, doc)) throw notFound('outbound', id);
  return doc;
}

/** Take `by` units off a line that is still to be picked (its task follows when settled). */
async function shrinkLine(trx: Trx, line: OutboundLineRow, by: number): Promise<void> {
  await obDb(trx)
    .updateTable('warehouse.outbound_line')
    .set({ qty: Number(line.qty) - by })
    .where('id', '=', line.id)
    .execute();
}

/**
 * Cancel an outbound document (its order was cancelled or allocated afresh): what was still to be
 * picked leaves its pick tasks; the wave moves on without it.
 */
export async function cancelOutbound(
  trx: Trx,
  doc: OutboundRow,
  reason: string,
  ctx: WhContext,
): Promise<void> {
  if (doc.status === 'cancelled' || doc.status === 'shipped') return;
  const lines = await obDb(trx)
    .selectFrom('warehouse.outbound_line')
    .selectAll()
    .where('outbound_id', '=', doc.id)
    .execute();
  const tasks: string[] = [];
  for (const line of lines) {
    const open = Number(line.qty) - Number(line.picked_qty) - Number(line.short_qty);
    if (open <= 0) continue;
    await shrinkLine(trx, line, open);
    if (line.pick_task_id) tasks.push(line.pick_task_id);
  }
  await transitionOutbound(trx, doc, 'cancelled', ctx.now, { cancelled_at: ctx.now, cancel_reason: reason });
  await settleTasks(trx, tasks, ctx.now);
  await settleWave(trx, doc.wave_id, ctx);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'cancel',
      entity: OUTBOUND_ENTITY,
      entityId: doc.id,
      summary: `outbound ${doc.number} cancelled: ${reason}`,
      merchantId: doc.merchant_id,
    },
    ctx.now,
  );
}

export interface ReconcileResult {
  cancelled: boolean;
  addedLines: number;
  reducedUnits: number;
}

/**
 * Bring an outbound document in line with where its order's stock is reserved now (after a short
 * pick, or stock the inventory module took away): units no longer reserved at a line's bin and lot
 * leave it (and its pick task); units reserved elsewhere become new lines, picked on a
 * supplementary pick list. An order that left the warehouse's hands (allocated afresh, cancelled)
 * cancels the document.
 */
export async function reconcileOutbound(
  trx: Trx,
  doc: OutboundRow,
  ctx: WhContext,
): Promise<ReconcileResult> {
  const result: ReconcileResult = { cancelled: false, addedLines: 0, reducedUnits: 0 };
  if (doc.status === 'cancelled' || doc.status === 'shipped') return result;
  const facts = await outboundDeps().orderFacts(trx, doc.order_id);
  if (!facts || facts.warehouseId !== doc.warehouse_id || !IN_WAREHOUSE.has(facts.status)) {
    await cancelOutbound(trx, doc, facts ? `order ${facts.number} is ${facts.status}` : 'order gone', ctx);
    return { ...result, cancelled: true };
  }
  const want = new Map<string, Alloc & { open: number }>();
  for (const a of facts.allocations) {
    if (a.warehouseId !== doc.warehouse_id || a.qty - a.pickedQty <= 0) continue;
    const k = keyOf(a);
    const prev = want.get(k);
    want.set(
      k,
      prev ? { ...prev, open: prev.open + a.qty - a.pickedQty } : { ...a, open: a.qty - a.pickedQty },
    );
  }
  const lines = await obDb(trx)
    .selectFrom('warehouse.outbound_line')
    .selectAll()
    .where('outbound_id', '=', doc.id)
    .execute();
  // Lines already on a pick task keep their units first.
  lines.sort((a, b) => Number(!a.pick_task_id) - Number(!b.pick_task_id));
  const touched: string[] = [];
  for (const line of lines) {
    const open = Number(line.qty) - Number(line.picked_qty) - Number(line.short_qty);
    if (open <= 0) continue;
    const w = want.get(keyOf(line));
    const keep = Math.min(open, w?.open ?? 0);
    if (w) w.open -= keep;
    if (keep < open) {
      await shrinkLine(trx, line, open - keep);
      result.reducedUnits += open - keep;
      if (line.pick_task_id) touched.push(line.pick_task_id);
    }
  }
  const missing = [...want.values()].filter((w) => w.open > 0);
  if (missing.length) {
    const skus = await warehouseDeps().skusByIds(
      trx,
      missing.map((m) => m.skuId),
    );
    result.addedLines = (await insertLines(trx, doc.id, missing, skus)).length;
  }
  await settleTasks(trx, touched, ctx.now);
  await settleOutboundPicking(trx, doc, ctx.now);
  if (result.addedLines && doc.wave_id) {
    // The wave is already on the floor: the new lines get a supplementary pick list of their own.
    const wave = await obDb(trx)
      .selectFrom('warehouse.wave')
      .select(['id', 'number', 'warehouse_id', 'status'])
      .where('id', '=', doc.wave_id)
      .executeTakeFirstOrThrow();
    if (wave.status === 'released' || wave.status === 'picking' || wave.status === 'picked')
      await generatePickLists(trx, wave, true, ctx);
  }
  await settleWave(trx, doc.wave_id, ctx);
  if (result.addedLines || result.reducedUnits)
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: 'reconcile',
        entity: OUTBOUND_ENTITY,
        entityId: doc.id,
        summary: `outbound ${doc.number}: ${result.addedLines} new line(s), ${result.reducedUnits} unit(s) no longer reserved at their bin`,
        merchantId: doc.merchant_id,
      },
      ctx.now,
    );
  return result;
}
