import { recordAudit } from '../../platform/audit/audit';
import type { Trx } from '../../platform/db';
import { nextDocNumber } from '../../platform/lib/doc-number';
import { newId } from '../../platform/lib/ids';
import { binsByIds, dispatchBinOf, listBins, listWarehouses } from '../inventory';
import { outboundDeps } from './outbound.deps';
import { settlePickLists } from './outbound.settle';
import { type OutboundLineRow, obDb, type PickTaskRow, type TemperatureClass } from './outbound.tables';
import { sequenceTasks, type TaskDraft } from './pick.plan';
import type { WhContext } from './warehouse.access';

/** Outbound statuses whose open lines are picked. */
const PICKABLE = ['waved', 'picking', 'picked', 'packing'] as const;

const temperatureOfZone = (storageClass: string | undefined): TemperatureClass =>
  storageClass === 'frozen' ? 'frozen' : storageClass === 'chilled' ? 'chilled' : 'ambient';

/**
 * Batch pick lists (拣货单) for a wave: every line of its orders not yet on a pick task, grouped by
 * zone (so by temperature class), merged by bin, SKU and lot, and sequenced along the shortest walk
 * over the zone's real bin coordinates from and back to the dispatch point. The route length and
 * the S-shape length of the same picks are stored with the list. `supplementary` marks lists made
 * after a short pick re-allocated units to other bins. Returns the new lists' ids.
 */
export async function generatePickLists(
  trx: Trx,
  wave: { id: string; number: string; warehouse_id: string },
  supplementary: boolean,
  ctx: WhContext,
): Promise<string[]> {
  const lines = (await obDb(trx)
    .selectFrom('warehouse.outbound_line as l')
    .innerJoin('warehouse.outbound as o', 'o.id', 'l.outbound_id')
    .selectAll('l')
    .where('o.wave_id', '=', wave.id)
    .where('o.status', 'in', [...PICKABLE])
    .where('l.pick_task_id', 'is', null)
    .whereRef('l.qty', '>', (eb) => eb(eb.ref('l.picked_qty'), '+', eb.ref('l.short_qty')))
    .orderBy('l.bin_code')
    .orderBy('l.id')
    .execute()) as OutboundLineRow[];
  if (!lines.length) return [];
  const warehouse = (await listWarehouses(trx, null)).find((w) => w.id === wave.warehouse_id);
  const dispatch = await dispatchBinOf(trx, wave.warehouse_id);
  const depot = { xMm: dispatch.x_mm, yMm: dispatch.y_mm };
  const bins = await binsByIds(
    trx,
    lines.map((l) => l.bin_id),
  );
  const byZone = new Map<string, OutboundLineRow[]>();
  for (const line of lines) {
    const zone = line.zone_id ?? '-';
    byZone.set(zone, [...(byZone.get(zone) ?? []), line]);
  }
  const created: string[] = [];
  for (const [zoneKey, zoneLines] of [...byZone].sort(([a], [b]) => a.localeCompare(b))) {
    const zoneId = zoneKey === '-' ? null : zoneKey;
    const zone = warehouse?.zones.find((z) => z.id === zoneId);
    const layoutBins = zoneId
      ? (await listBins(trx, null, { warehouseId: wave.warehouse_id, zoneId, limit: 100_000 })).items
      : [];
    const drafts = new Map<
      string,
      TaskDraft & {
        lines: OutboundLineRow[];
        barcode: string;
        skuId: string;
        lotId: string | null;
        lotCode: string | null;
      }
    >();
    for (const line of zoneLines) {
      const key = `${line.bin_id}|${line.sku_id}|${line.lot_id ?? '-'}`;
      const bin = bins.get(line.bin_id)!;
      const draft = drafts.get(key);
      if (draft) draft.lines.push(line);
      else
        drafts.set(key, {
          key,
          binId: line.bin_id,
          binCode: bin.code,
          barcode: bin.barcode,
          xMm: bin.x_mm,
          yMm: bin.y_mm,
          skuId: line.sku_id,
          skuCode: line.sku_code,
          lotId: line.lot_id,
          lotCode: line.lot_code,
          lines: [line],
        });
    }
    const plan = sequenceTasks(
      layoutBins.map((b) => ({ xMm: b.xMm, yMm: b.yMm, code: b.code })),
      depot,
      [...drafts.values()],
    );
    const listId = newId();
    const number = await nextDocNumber(trx, 'PL', ctx.now, outboundDeps().timeZone);
    await obDb(trx)
      .insertInto('warehouse.pick_list')
      .values({
        id: listId,
        number,
        wave_id: wave.id,
        warehouse_id: wave.warehouse_id,
        zone_id: zoneId,
        temperature_class: temperatureOfZone(zone?.storageClass),
        status: 'open',
        supplementary,
        route_mm: plan.distanceMm,
        s_shape_mm: plan.sShapeDistanceMm,
        method: plan.method,
        optimal: plan.optimal,
        layout: JSON.stringify(plan.layout),
        waypoints: JSON.stringify(plan.waypoints),
        picker_id: null,
        picker_name: null,
        created_at: ctx.now,
        started_at: null,
        completed_at: null,
      })
      .execute();
    const tasks: PickTaskRow[] = plan.order.map(({ key, seq, legMm }) => {
      const d = drafts.get(key)!;
      return {
        id: newId(),
        pick_list_id: listId,
        seq,
        leg_mm: legMm,
        bin_id: d.binId,
        bin_code: d.binCode,
        bin_barcode: d.barcode,
        x_mm: d.xMm,
        y_mm: d.yMm,
        sku_id: d.skuId,
        sku_code: d.skuCode,
        lot_id: d.lotId,
        lot_code: d.lotCode,
        qty: d.lines.reduce((s, l) => s + Number(l.qty) - Number(l.picked_qty) - Number(l.short_qty), 0),
        picked_qty: 0,
        short_qty: 0,
        status: 'open',
        updated_at: ctx.now,
      };
    });
    await obDb(trx).insertInto('warehouse.pick_task').values(tasks).execute();
    for (const [i, task] of tasks.entries())
      for (const line of drafts.get(plan.order[i].key)!.lines) await assignLine(trx, line, task.id);
    await settlePickLists(trx, [listId], ctx.now);
    await recordAudit(
      trx,
      ctx.actor,
      {
        action: 'create',
        entity: 'warehouse.pick_list',
        entityId: listId,
        summary: `pick list ${number} of wave ${wave.number}: ${tasks.length} task(s), route ${plan.distanceMm} mm (S-shape ${plan.sShapeDistanceMm} mm)`,
        after: {
          waveId: wave.id,
          zoneId,
          supplementary,
          routeMm: plan.distanceMm,
          sShapeMm: plan.sShapeDistanceMm,
          method: plan.method,
        },
      },
      ctx.now,
    );
    created.push(listId);
  }
  return created;
}

/** Put a line on a task; a line with picked or short units keeps them and its open units move to a new line. */
async function assignLine(trx: Trx, line: OutboundLineRow, taskId: string): Promise<void> {
  const done = Number(line.picked_qty) + Number(line.short_qty);
  if (done === 0) {
    await obDb(trx)
      .updateTable('warehouse.outbound_line')
      .set({ pick_task_id: taskId })
      .where('id', '=', line.id)
      .execute();
    return;
  }
  await obDb(trx)
    .updateTable('warehouse.outbound_line')
    .set({ qty: done })
    .where('id', '=', line.id)
    .execute();
  await obDb(trx)
    .insertInto('warehouse.outbound_line')
    .values({
      ...line,
      id: newId(),
      qty: Number(line.qty) - done,
      picked_qty: 0,
      short_qty: 0,
      pick_task_id: taskId,
    })
    .execute();
}
