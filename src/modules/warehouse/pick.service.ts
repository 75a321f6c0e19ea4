import { sql } from 'kysely';
import { recordAudit } from '../../platform/audit/audit';
import type { Trx } from '../../platform/db';
import { AppError, isAppError, notFound } from '../../platform/lib/errors';
import { newId } from '../../platform/lib/ids';
import { binOccupancy } from '../inventory';
import { outboundDeps } from './outbound.deps';
import { OutboundWrongScan } from './outbound.scan';
import { reconcileOutbound } from './outbound.service';
import { settleOutboundPicking, settleTasks, settleWave } from './outbound.settle';
import {
  type OutboundLineRow,
  type OutboundScanKind,
  obDb,
  type PickListRow,
  type PickTaskRow,
} from './outbound.tables';
import type { WhContext } from './warehouse.access';
import { scanMatchesSku, warehouseDeps } from './warehouse.deps';
import { seesWarehouse } from './wave.service';

export interface PickScans {
  /** The bin's barcode as scanned (or its code as typed when the label is damaged). */
  binBarcode: string;
  /** The goods' barcode (GTIN) or SKU code. */
  skuBarcode?: string;
  /** The lot code printed on the goods; required when the task names a lot. */
  lotCode?: string | null;
}

export interface PickConfirmInput extends PickScans {
  skuBarcode: string;
  qty: number;
}

interface Locked {
  list: PickListRow;
  task: PickTaskRow;
  open: number;
}

async function lockTask(trx: Trx, ctx: WhContext, listId: string, taskId: string): Promise<Locked> {
  const list = (await obDb(trx)
    .selectFrom('warehouse.pick_list')
    .selectAll()
    .where('id', '=', listId)
    .forUpdate()
    .executeTakeFirst()) as PickListRow | undefined;
  if (!list || !seesWarehouse(ctx.principal, list.warehouse_id)) throw notFound('pick_list', listId);
  const task = await obDb(trx)
    .selectFrom('warehouse.pick_task')
    .selectAll()
    .where('id', '=', taskId)
    .where('pick_list_id', '=', listId)
    .forUpdate()
    .executeTakeFirst();
  if (!task) throw notFound('pick_task', taskId);
  if (list.status === 'cancelled' || task.status !== 'open')
    throw new AppError('conflict', 'warehouse.pick_task_not_open', {
      bin: task.bin_code,
      status: list.status === 'cancelled' ? 'cancelled' : task.status,
    });
  return { list, task, open: Number(task.qty) - Number(task.picked_qty) - Number(task.short_qty) };
}

/**
 * Check the scans against the task: bin first, then the goods, then the lot. A wrong scan is
 * refused (and counted by the route) with a message naming what was expected.
 */
async function checkScans(
  trx: Trx,
  { list, task }: Locked,
  scans: PickScans,
  needGoods: boolean,
): Promise<void> {
  const wrong = (
    code: string,
    kind: OutboundScanKind,
    expected: string,
    scanned: string,
    params: Record<string, unknown>,
  ) =>
    new OutboundWrongScan(code, params, {
      warehouseId: list.warehouse_id,
      stage: 'pick',
      kind,
      expected,
      scanned,
      pickListId: list.id,
      pickTaskId: task.id,
    });
  const bin = scans.binBarcode.trim();
  if (bin !== task.bin_barcode && bin.toUpperCase() !== task.bin_code.toUpperCase())
    throw wrong('warehouse.pick_wrong_bin', 'bin', task.bin_barcode, bin, {
      scanned: bin,
      expected: task.bin_code,
    });
  if (!needGoods) return;
  const sku = (await warehouseDeps().skusByIds(trx, [task.sku_id])).get(task.sku_id);
  const goods = (scans.skuBarcode ?? '').trim();
  if (!sku || !scanMatchesSku(sku, goods))
    throw wrong('warehouse.pick_wrong_sku', 'sku', sku?.barcodes[0] ?? task.sku_code, goods, {
      scanned: goods || '-',
      sku: task.sku_code,
      name: sku?.nameZh ?? '',
    });
  if (task.lot_code) {
    const lot = (scans.lotCode ?? '').trim();
    if (lot.toUpperCase() !== task.lot_code.toUpperCase())
      throw wrong('warehouse.pick_wrong_lot', 'lot', task.lot_code, lot, {
        scanned: lot || '-',
        lot: task.lot_code,
        sku: task.sku_code,
      });
  }
}

/** The task's lines with units still to pick, earliest truck first (they get the stock first). */
async function openLines(trx: Trx, taskId: string) {
  const rows = await obDb(trx)
    .selectFrom('warehouse.outbound_line as l')
    .innerJoin('warehouse.outbound as o', 'o.id', 'l.outbound_id')
    .selectAll('l')
    .select(['o.order_id', 'o.number as outbound_number', 'o.cutoff_at'])
    .where('l.pick_task_id', '=', taskId)
    .orderBy('o.cutoff_at')
    .orderBy('o.created_at')
    .orderBy('l.id')
    .forUpdate()
    .execute();
  return rows
    .map((r) => ({
      ...(r as OutboundLineRow & { order_id: string; outbound_number: string }),
      open: Number(r.qty) - Number(r.picked_qty) - Number(r.short_qty),
    }))
    .filter((r) => r.open > 0);
}

/** Pick `qty` units of the task: each order's share is reported to the order desk (ledger pick movement). */
async function pickUnits(trx: Trx, task: PickTaskRow, qty: number, ctx: WhContext): Promise<Set<string>> {
  const touched = new Set<string>();
  let left = qty;
  for (const line of await openLines(trx, task.id)) {
    if (left === 0) break;
    const take = Math.min(left, line.open);
    left -= take;
    await outboundDeps().recordPick(
      trx,
      { orderId: line.order_id, skuId: line.sku_id, binId: line.bin_id, lotId: line.lot_id, qty: take },
      ctx,
    );
    await obDb(trx)
      .updateTable('warehouse.outbound_line')
      .set({ picked_qty: Number(line.picked_qty) + take })
      .where('id', '=', line.id)
      .execute();
    touched.add(line.outbound_id);
  }
  return touched;
}

async function claimList(trx: Trx, list: PickListRow, ctx: WhContext): Promise<void> {
  if (list.picker_name) return;
  await obDb(trx)
    .updateTable('warehouse.pick_list')
    .set({ picker_id: ctx.actor.id, picker_name: ctx.actor.name, started_at: list.started_at ?? ctx.now })
    .where('id', '=', list.id)
    .execute();
}

/** Outbound documents and the wave follow the lines. */
async function settleAfter(
  trx: Trx,
  locked: Locked,
  outboundIds: Iterable<string>,
  ctx: WhContext,
): Promise<void> {
  await settleTasks(trx, [locked.task.id], ctx.now);
  for (const id of new Set(outboundIds)) {
    const doc = await obDb(trx)
      .selectFrom('warehouse.outbound')
      .select(['id', 'number', 'status'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await settleOutboundPicking(trx, doc, ctx.now);
  }
  await settleWave(trx, locked.list.wave_id, ctx);
}

/** One scan step on the handheld (bin, goods or lot), checked without picking anything. */
export async function verifyPickScan(
  trx: Trx,
  listId: string,
  taskId: string,
  scans: PickScans,
  ctx: WhContext,
): Promise<void> {
  const locked = await lockTask(trx, ctx, listId, taskId);
  await checkScans(trx, locked, scans, scans.skuBarcode !== undefined);
}

/**
 * Confirm a pick (拣货确认) by scanning the bin, the goods and the lot, and entering the quantity.
 * Every scan must match the task; more than the task still needs is refused too. The units are
 * picked for the task's orders, earliest cut-off first, each reported to the order desk — which
 * posts the pick movement from exactly the reserved bin and lot to the dispatch point.
 */
export async function confirmPick(
  trx: Trx,
  listId: string,
  taskId: string,
  input: PickConfirmInput,
  ctx: WhContext,
) {
  const locked = await lockTask(trx, ctx, listId, taskId);
  await checkScans(trx, locked, input, true);
  if (input.qty > locked.open)
    throw new OutboundWrongScan(
      'warehouse.pick_qty_exceeds',
      { qty: input.qty, open: locked.open, bin: locked.task.bin_code },
      {
        warehouseId: locked.list.warehouse_id,
        stage: 'pick',
        kind: 'qty',
        expected: String(locked.open),
        scanned: String(input.qty),
        pickListId: listId,
        pickTaskId: taskId,
      },
    );
  await claimList(trx, locked.list, ctx);
  const touched = await pickUnits(trx, locked.task, input.qty, ctx);
  await settleAfter(trx, locked, touched, ctx);
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'pick',
      entity: 'warehouse.pick_list',
      entityId: listId,
      summary: `pick ${locked.list.number} #${locked.task.seq}: ${input.qty} × ${locked.task.sku_code} from ${locked.task.bin_code}${locked.task.lot_code ? ` lot ${locked.task.lot_code}` : ''}`,
      after: { taskId, qty: input.qty },
    },
    ctx.now,
  );
  return { pickedQty: input.qty, openQty: locked.open - input.qty };
}

export interface ShortInput extends PickScans {
  /** Units actually found (and picked now); fewer than the task still needs. */
  foundQty: number;
  note?: string | null;
}

/** A count task for the bin (the counting work picks it up); one open request per bin, SKU and lot. */
async function raiseCountRequest(trx: Trx, locked: Locked, found: number, ctx: WhContext): Promise<string> {
  const { task, list } = locked;
  const open = await obDb(trx)
    .selectFrom('warehouse.count_request')
    .select('id')
    .where('bin_id', '=', task.bin_id)
    .where('sku_id', '=', task.sku_id)
    .where((eb) => (task.lot_id ? eb('lot_id', '=', task.lot_id) : eb('lot_id', 'is', null)))
    .where('status', '=', 'open')
    .executeTakeFirst();
  if (open) return open.id;
  const [bin] = await binOccupancy(trx, { warehouseId: list.warehouse_id, binIds: [task.bin_id] });
  const booked = (bin?.contents ?? [])
    .filter((c) => c.skuId === task.sku_id && (c.lotId ?? null) === (task.lot_id ?? null))
    .reduce((s, c) => s + c.onHand, 0);
  const id = newId();
  await obDb(trx)
    .insertInto('warehouse.count_request')
    .values({
      id,
      warehouse_id: list.warehouse_id,
      bin_id: task.bin_id,
      bin_code: task.bin_code,
      sku_id: task.sku_id,
      lot_id: task.lot_id,
      reason: 'short_pick',
      expected_qty: booked,
      found_qty: found,
      source_type: 'pick_task',
      source_id: task.id,
      status: 'open',
      note: `${list.number} #${task.seq}`,
      created_by_id: ctx.actor.id,
      created_by_name: ctx.actor.name,
      created_at: ctx.now,
      closed_at: null,
    })
    .execute();
  return id;
}

/**
 * A short pick (短拣): the bin holds fewer units than the task needs. The units found are picked;
 * the rest is recorded as a shortage per order, a count request is raised for the bin, and each
 * order is re-allocated by the order desk (the missing units are written off at the bin and
 * reserved elsewhere). The outbound documents follow the new reservations: other bins become a
 * supplementary pick list; an order allocated afresh leaves the wave.
 */
export async function reportShort(
  trx: Trx,
  listId: string,
  taskId: string,
  input: ShortInput,
  ctx: WhContext,
) {
  const locked = await lockTask(trx, ctx, listId, taskId);
  await checkScans(trx, locked, input, input.foundQty > 0);
  if (input.foundQty >= locked.open)
    throw new AppError('conflict', 'warehouse.short_not_short', { found: input.foundQty, open: locked.open });
  await claimList(trx, locked.list, ctx);
  // The request records what the books said was in the bin before the picker took what was there.
  const countRequestId = await raiseCountRequest(trx, locked, input.foundQty, ctx);
  const touched =
    input.foundQty > 0 ? await pickUnits(trx, locked.task, input.foundQty, ctx) : new Set<string>();
  const outcomes: Array<{ orderNumber: string; qty: number; outcome: string }> = [];
  const failed = new Set<string>();
  for (const line of await openLines(trx, taskId)) {
    await obDb(trx)
      .updateTable('warehouse.outbound_line')
      .set({ short_qty: Number(line.short_qty) + line.open })
      .where('id', '=', line.id)
      .execute();
    touched.add(line.outbound_id);
    await sql`savepoint warehouse_short`.execute(trx);
    let outcome: string;
    try {
      const result = await outboundDeps().reallocateLost(
        trx,
        {
          orderId: line.order_id,
          lines: [{ skuId: line.sku_id, qty: line.open, binId: line.bin_id, lotId: line.lot_id }],
          note: input.note ?? `短拣 ${locked.list.number} ${locked.task.bin_code}`,
        },
        ctx,
      );
      await sql`release savepoint warehouse_short`.execute(trx);
      outcome = result.outcome;
    } catch (error) {
      if (!isAppError(error)) throw error;
      await sql`rollback to savepoint warehouse_short`.execute(trx);
      outcome = `failed:${error.code}`;
      failed.add(line.outbound_id);
    }
    await obDb(trx)
      .insertInto('warehouse.pick_shortage')
      .values({
        id: newId(),
        pick_task_id: taskId,
        outbound_id: line.outbound_id,
        order_id: line.order_id,
        sku_id: line.sku_id,
        bin_id: line.bin_id,
        lot_id: line.lot_id,
        qty: line.open,
        outcome,
        count_request_id: countRequestId,
        note: input.note ?? null,
        actor_id: ctx.actor.id,
        actor_name: ctx.actor.name,
        at: ctx.now,
      })
      .execute();
    outcomes.push({ orderNumber: line.outbound_number, qty: line.open, outcome });
  }
  await settleAfter(trx, locked, touched, ctx);
  // The order desk moved the reservations: the documents follow (new bins, or out of the wave).
  // A re-allocation the order desk refused leaves the document as it is, for a person to resolve.
  for (const id of touched) {
    if (failed.has(id)) continue;
    const doc = await obDb(trx)
      .selectFrom('warehouse.outbound')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await reconcileOutbound(trx, doc, ctx);
  }
  await recordAudit(
    trx,
    ctx.actor,
    {
      action: 'short_pick',
      entity: 'warehouse.pick_list',
      entityId: listId,
      summary: `short pick ${locked.list.number} #${locked.task.seq} at ${locked.task.bin_code}: found ${input.foundQty} of ${locked.open} × ${locked.task.sku_code}`,
      after: { taskId, countRequestId, outcomes },
    },
    ctx.now,
  );
  return { foundQty: input.foundQty, shortQty: locked.open - input.foundQty, countRequestId, outcomes };
}
